package cluster_test

import (
	"fmt"
	"time"

	"github.com/frictionhq/friction/cluster"
)

func Example() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	mention := func(id, customer string, day int, signature string, masked bool) cluster.Mention {
		return cluster.Mention{
			TranscriptID: id, CustomerID: customer, At: at.AddDate(0, 0, day), Channel: "chat",
			Product: "earbuds", Signature: signature, Masked: masked,
		}
	}
	ms := []cluster.Mention{
		mention("ch-1", "c-1", 0, "charging case|does not charge", true),
		mention("ch-2", "c-2", 1, "case|won't charge", false),
		mention("ch-3", "c-3", 8, "charging case|stopped charging", true),
		mention("ch-4", "c-1", 9, "charging case|not charging after 2 days", false),
		mention("ch-5", "c-4", 9, "battery|drains overnight", false),
		mention("ch-6", "c-5", 10, "battery|drains quickly", false),
		mention("ch-7", "c-6", 11, "battery|drains quickly", true),
		mention("ch-8", "c-7", 12, "battery|drains fast", false),
	}
	reg := cluster.NewRegistry()
	r := cluster.Run(ms, reg, cluster.Options{})
	w := cluster.Window{Start: at, End: at.AddDate(0, 0, 14)}
	for _, s := range r.Stats(w, cluster.StatsOptions{}) {
		fmt.Printf("%s: %d transcripts, %d customers, masked %.0f%%, affected ~%d\n",
			s.Label, s.Transcripts, s.Customers, 100*s.MaskedShare, s.Affected.Customers)
	}
	// The same root cause keeps its id when a new paraphrase arrives.
	id := r.ID(0)
	more := append(ms, mention("ch-9", "c-8", 13, "charging case|isn't taking a charge", false))
	fmt.Println(cluster.Run(more, reg, cluster.Options{}).ID(8) == id)
	// Output:
	// earbuds · battery drains quickly: 4 transcripts, 4 customers, masked 25%, affected ~120
	// earbuds · charging case does not charge: 4 transcripts, 3 customers, masked 50%, affected ~90
	// true
}

package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"The BLADE motor keeps stopping, it's E7 again!"}, []string{"blade", "e7", "keeps", "motor", "stopping"}},
		{[]string{"um yeah it won't go back on the dock", "Dock is fine"}, []string{"dock", "fine"}},
		{[]string{"a I x"}, nil},
		{nil, nil},
	}
	for _, tt := range tests {
		if got := Words(tt.in...); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// otherReports returns n reports of other products, so that a mower's
// words are the mower's own in the run.
func otherReports(first, n int) []Mention {
	var ms []Mention
	for i := first; i < first+n; i++ {
		m := sig(i, fmt.Sprintf("product%d|lid|leaks", i%5))
		m.Words = Words("lid leaks water kitchen", fmt.Sprintf("order%d", i))
		ms = append(ms, m)
	}
	return ms
}

// mowerReports returns n reports of one robot mower whose signatures are too
// loose to tell faults apart ("keeps giving up"), each with the words of its
// transcript: fault words, the words all its customers use, and a few of its
// own.
func mowerReports(first, n int, fault string, shared ...string) []Mention {
	var ms []Mention
	for i := first; i < first+n; i++ {
		m := sig(i, "mower||keeps giving up")
		if i%4 == 0 {
			m.Component = strings.Fields(fault)[0] // some reports name the part
		}
		words := append([]string{fault, "mower", "lawn", "garden", fmt.Sprintf("order%d", i), fmt.Sprintf("name%d", i%7)}, shared...)
		m.Words = Words(words...)
		ms = append(ms, m)
	}
	return ms
}

func TestProductCutByTranscriptWords(t *testing.T) {
	blade := mowerReports(0, 9, "blade motor stops halfway cutting grass error e7 mid-mow")
	dock := mowerReports(9, 8, "dock charger flat base station wire returns morning")
	ms := append(slices.Clone(blade), dock...)
	ms = append(ms, otherReports(100, 60)...)
	r := Run(ms, nil, Options{})
	for i := 1; i < len(blade); i++ {
		if r.ID(i) != r.ID(0) {
			t.Errorf("blade report %d in %s, first in %s", i, r.ID(i), r.ID(0))
		}
	}
	for i := len(blade) + 1; i < len(blade)+len(dock); i++ {
		if r.ID(i) != r.ID(len(blade)) {
			t.Errorf("dock report %d in %s, first in %s", i, r.ID(i), r.ID(len(blade)))
		}
	}
	if r.ID(0) == r.ID(len(blade)) {
		t.Fatalf("blade and dock reports share cluster %s", r.ID(0))
	}
	for _, i := range []int{0, len(blade)} {
		if c := r.Of(i); c.Product != "mower" {
			t.Errorf("cluster %s reads product %q, want the product's name", c.ID, c.Product)
		}
	}

	// A new report is given the side whose marker words it uses.
	m := sig(99, "mower||keeps giving up")
	m.Words = Words("the dock is fine but it won't charge on the base")
	if got, want := r.reg.Assign(m, Options{}), r.ID(len(blade)); got != want {
		t.Errorf("Assign(dock report) = %s, want the dock cluster %s", got, want)
	}
}

func TestProductNotCutByStyle(t *testing.T) {
	// One fault: emails sign off, calls ramble. Those words differ but name no
	// part or symptom, so the product stays one cause.
	emails := mowerReports(0, 9, "blade motor stops", "regards", "sent", "iphone", "dear", "team")
	calls := mowerReports(9, 9, "blade motor stops", "hello", "hiya", "sorry", "bye", "alright")
	ms := append(slices.Clone(emails), calls...)
	ms = append(ms, otherReports(100, 60)...)
	r := Run(ms, nil, Options{})
	for i := range 18 {
		if r.ID(i) != r.ID(0) {
			t.Fatalf("report %d in %s, first in %s: one fault told in two styles was cut", i, r.ID(i), r.ID(0))
		}
	}
}

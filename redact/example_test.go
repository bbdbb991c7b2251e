package redact_test

import (
	"fmt"

	"github.com/frictionhq/friction/redact"
)

func Example() {
	r := redact.New(redact.Config{})
	out, counts := r.Text("Card four one one one one one one one one one one one one one one one, " +
		"mail dana@example.com or call (555) 123-4567 about order A-99812.")
	fmt.Println(out)
	fmt.Println(counts, "total", counts.Total())
	// Output:
	// Card [CARD], mail [EMAIL] or call [PHONE] about order A-99812.
	// card=1 email=1 phone=1 total 3
}

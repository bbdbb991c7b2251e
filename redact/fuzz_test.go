package redact

import (
	"testing"
	"unicode/utf8"
)

// FuzzRedact checks the promises redaction makes whatever the text: no Luhn-valid
// 13-19 digit run of the input survives, the output is valid UTF-8, and redacting
// the output again changes nothing.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"my card is 4111 1111 1111 1111 exp 12/27",
		"four one one one one one one one one one one one one one one one",
		"double four triple one um oh five five 5555 4444",
		"SSN 123-45-6789, social one two three four five six seven eight nine",
		"dana.ruiz+x@example.co.uk <a@b.io>",
		"(555) 123-4567 +44 20 7946 0958 1-800-555-0199 07700 900123",
		"order #123456789 A-99812 1Z999AA10123456784 EB-200 $1,299.99 2026-09-14 10:30",
		"[CARD] [SSN] [EMAIL] [PHONE] phone[CARD] 555-0199",
		"Oh, four one one one 4111111111111111x@y.com",
		"\xff\xfe 4111111111111111",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, flags uint8) {
		cfg := Config{DisableCards: flags&1 != 0, DisableSSNs: flags&2 != 0, DisableEmails: flags&4 != 0, DisablePhones: flags&8 != 0}
		r := New(cfg)
		out, c := r.Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("output is not valid UTF-8: %q", out)
		}
		if c.Total() < 0 {
			t.Fatalf("negative counts %+v", c)
		}
		if !cfg.DisableCards {
			outRuns := map[string]bool{}
			for _, run := range digitRuns(out) {
				outRuns[run] = true
			}
			for _, run := range digitRuns(s) {
				if len(run) >= 13 && len(run) <= 19 && luhn(run) && outRuns[run] {
					t.Fatalf("card number %s survived: %q -> %q", run, s, out)
				}
			}
		}
		again, c2 := r.Text(out)
		if again != out || c2.Total() != 0 {
			t.Fatalf("not idempotent:\n in %q\nout %q\nagain %q (%v)", s, out, again, c2)
		}
		if c.Total() == 0 && utf8.ValidString(s) && out != s {
			t.Fatalf("changed text without counting: %q -> %q", s, out)
		}
	})
}

// digitRuns returns the maximal runs of ASCII digits in s.
func digitRuns(s string) []string {
	var runs []string
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		runs = append(runs, s[i:j])
		i = j
	}
	return runs
}

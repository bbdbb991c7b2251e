package redact

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/frictionhq/friction/transcript"
)

// Kind is a kind of personal data.
type Kind uint8

// The kinds of personal data Friction redacts.
const (
	Card  Kind = iota // payment card number
	SSN               // US social security number
	Email             // e-mail address
	Phone             // phone number
)

// Kinds lists every kind, in report order.
var Kinds = []Kind{Card, SSN, Email, Phone}

var kindNames = [...]string{Card: "card", SSN: "ssn", Email: "email", Phone: "phone"}

var placeholders = [...]string{Card: "[CARD]", SSN: "[SSN]", Email: "[EMAIL]", Phone: "[PHONE]"}

// String returns the kind's name: card, ssn, email or phone.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Placeholder returns the text that replaces data of kind k, such as "[CARD]".
func (k Kind) Placeholder() string {
	if int(k) < len(placeholders) {
		return placeholders[k]
	}
	return "[REDACTED]"
}

// Counts says how many items of each kind were redacted.
type Counts struct {
	Card  int `json:"card,omitempty"`
	SSN   int `json:"ssn,omitempty"`
	Email int `json:"email,omitempty"`
	Phone int `json:"phone,omitempty"`
}

// Total returns the number of items redacted, all kinds together.
func (c Counts) Total() int { return c.Card + c.SSN + c.Email + c.Phone }

// Get returns the count for one kind.
func (c Counts) Get(k Kind) int {
	switch k {
	case Card:
		return c.Card
	case SSN:
		return c.SSN
	case Email:
		return c.Email
	case Phone:
		return c.Phone
	}
	return 0
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Card += o.Card
	c.SSN += o.SSN
	c.Email += o.Email
	c.Phone += o.Phone
}

func (c *Counts) inc(k Kind) {
	switch k {
	case Card:
		c.Card++
	case SSN:
		c.SSN++
	case Email:
		c.Email++
	case Phone:
		c.Phone++
	}
}

// String lists the non-zero counts, such as "card=1 phone=2", or "none".
func (c Counts) String() string {
	var b strings.Builder
	for _, k := range Kinds {
		if n := c.Get(k); n > 0 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%s=%d", k, n)
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// Config chooses what a Redactor removes. The zero value redacts every kind.
type Config struct {
	DisableCards  bool // keep payment card numbers
	DisableSSNs   bool // keep social security numbers
	DisableEmails bool // keep e-mail addresses
	DisablePhones bool // keep phone numbers
}

func (c Config) enabled(k Kind) bool {
	switch k {
	case Card:
		return !c.DisableCards
	case SSN:
		return !c.DisableSSNs
	case Email:
		return !c.DisableEmails
	case Phone:
		return !c.DisablePhones
	}
	return false
}

// Redactor replaces personal data with placeholders. It holds no mutable state and
// is safe for concurrent use.
type Redactor struct {
	cfg Config
}

// New returns a Redactor for cfg.
func New(cfg Config) *Redactor { return &Redactor{cfg: cfg} }

// maxPasses bounds the passes Text makes. One pass finds everything in all but
// contrived input; a second confirms nothing is left, and the rest are a safety net
// that keeps redaction idempotent.
const maxPasses = 6

// Text returns s with personal data replaced by placeholders, and what it replaced.
// Invalid UTF-8 in s is replaced by U+FFFD.
func (r *Redactor) Text(s string) (string, Counts) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var total Counts
	for pass := 0; pass < maxPasses; pass++ {
		out, c := r.pass(s)
		if c.Total() == 0 {
			break
		}
		total.Add(c)
		s = out
	}
	return s, total
}

// Transcript redacts t in place: turn texts, the subject, the survey comment and
// metadata values. Customer and agent names and ids are left alone. It returns what
// it replaced.
func (r *Redactor) Transcript(t *transcript.Transcript) Counts {
	var c Counts
	red := func(s *string) {
		if *s == "" {
			return
		}
		out, n := r.Text(*s)
		if out != *s {
			*s = out
		}
		c.Add(n)
	}
	for i := range t.Turns {
		red(&t.Turns[i].Text)
	}
	red(&t.Subject)
	if t.Survey != nil {
		red(&t.Survey.Comment)
	}
	for k, v := range t.Metadata {
		red(&v)
		t.Metadata[k] = v
	}
	return c
}

// span is a stretch of text to replace.
type span struct {
	start, end int
	kind       Kind
}

// pass finds everything once and replaces what the config enables.
func (r *Redactor) pass(s string) (string, Counts) {
	var buf [16]span
	var emails []span
	if !r.cfg.DisableEmails {
		emails = findEmails(s, buf[:0])
	}
	var numbers []span
	if !r.cfg.DisableCards || !r.cfg.DisableSSNs || !r.cfg.DisablePhones {
		sc := scanner{s: s, skip: emails}
		numbers = sc.run()
	}
	var c Counts
	if len(emails) == 0 && len(numbers) == 0 {
		return s, c
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	write := func(sp span) {
		if !r.cfg.enabled(sp.kind) {
			// A number kept because its kind is off (a phone number, say) is
			// still redacted if it holds a card number and cards are on.
			if sp.kind == Card || !r.cfg.enabled(Card) || !holdsCardRun(s[sp.start:sp.end]) {
				return
			}
			sp.kind = Card
		}
		b.WriteString(s[last:sp.start])
		b.WriteString(sp.kind.Placeholder())
		last = sp.end
		c.inc(sp.kind)
	}
	i, j := 0, 0
	for i < len(emails) || j < len(numbers) {
		if j == len(numbers) || (i < len(emails) && emails[i].start < numbers[j].start) {
			write(emails[i])
			i++
		} else {
			write(numbers[j])
			j++
		}
	}
	if c.Total() == 0 {
		return s, c
	}
	b.WriteString(s[last:])
	return b.String(), c
}

// findEmails appends the e-mail addresses in s to spans, in order.
func findEmails(s string, spans []span) []span {
	prevEnd := 0
	for i := 0; i < len(s); {
		at := strings.IndexByte(s[i:], '@')
		if at < 0 {
			break
		}
		at += i
		i = at + 1
		l := at
		for l > prevEnd && isLocalChar(s[l-1]) {
			l--
		}
		for l < at && s[l] == '.' {
			l++
		}
		if l == at {
			continue
		}
		d := at + 1
		for d < len(s) && isDomainChar(s[d]) {
			d++
		}
		end := d
		for end > at+1 && (s[end-1] == '.' || s[end-1] == '-') {
			end--
		}
		if !validDomain(s[at+1 : end]) {
			continue
		}
		spans = append(spans, span{start: l, end: end, kind: Email})
		prevEnd = end
		i = end
	}
	return spans
}

func isLocalChar(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isDomainChar(c byte) bool { return isAlnum(c) || c == '.' || c == '-' }

// validDomain accepts host names with at least two labels and an alphabetic
// top-level label of two or more letters.
func validDomain(d string) bool {
	if len(d) < 4 || len(d) > 253 {
		return false
	}
	labels := 0
	for len(d) > 0 {
		dot := strings.IndexByte(d, '.')
		label := d
		if dot >= 0 {
			label, d = d[:dot], d[dot+1:]
		} else {
			d = ""
		}
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		labels++
		if dot < 0 { // the top-level label
			if labels < 2 || len(label) < 2 {
				return false
			}
			for i := 0; i < len(label); i++ {
				if !isLetter(label[i]) {
					return false
				}
			}
		}
	}
	return true
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// holdsCardRun reports whether s has a run of 13-19 digits, with nothing
// between them, that passes the Luhn check.
func holdsCardRun(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n := j - i; n >= 13 && n <= 19 && luhn(s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

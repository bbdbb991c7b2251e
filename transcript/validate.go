package transcript

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits bound what one transcript may hold, so one bad record cannot exhaust the
// server. The zero value is not useful; start from DefaultLimits.
type Limits struct {
	MaxIDLen        int // characters in an id
	MaxTurns        int
	MaxTurnChars    int // characters in one turn
	MaxTotalChars   int // characters in all turns together
	MaxMetadataKeys int
	MaxFieldChars   int // any short string: names, queue, subject, metadata values
}

// DefaultLimits are generous for real contacts: a two-hour call is about 20,000 words.
var DefaultLimits = Limits{
	MaxIDLen:        128,
	MaxTurns:        5000,
	MaxTurnChars:    64 << 10,
	MaxTotalChars:   1 << 20,
	MaxMetadataKeys: 64,
	MaxFieldChars:   1024,
}

// FieldViolation says what is wrong with one field. Field is a path in the JSON form,
// such as "turns[3].speaker".
type FieldViolation struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

func (v FieldViolation) String() string { return v.Field + ": " + v.Description }

// ValidationError lists everything wrong with one transcript.
type ValidationError struct {
	ID         string           `json:"id,omitempty"` // as given, possibly invalid or empty
	Violations []FieldViolation `json:"violations"`
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		parts[i] = v.String()
	}
	msg := strings.Join(parts, "; ")
	if e.ID != "" {
		return fmt.Sprintf("transcript %q: %s", e.ID, msg)
	}
	return "transcript: " + msg
}

// Validate checks t against the default limits.
func (t *Transcript) Validate() error { return t.ValidateWith(DefaultLimits) }

// ValidateWith checks every field of t and returns a *ValidationError naming each
// bad field, or nil.
func (t *Transcript) ValidateWith(lim Limits) error {
	var v violations
	v.checkID(t.ID, lim)
	if t.Channel == "" {
		v.add("channel", "required; one of call, chat, email, survey")
	} else if !oneOf(t.Channel, Channels) {
		v.add("channel", fmt.Sprintf("%q is not one of call, chat, email, survey", t.Channel))
	}
	if t.StartedAt.IsZero() {
		v.add("started_at", "required; an RFC 3339 time such as 2026-09-14T10:02:00Z")
	} else if y := t.StartedAt.Year(); y < 1970 || y > 2200 {
		v.add("started_at", fmt.Sprintf("year %d is out of range", y))
	}
	if t.DurationSeconds < 0 {
		v.add("duration_seconds", "must not be negative")
	}
	v.short("language", t.Language, 35)
	v.short("queue", t.Queue, lim.MaxFieldChars)
	v.short("subject", t.Subject, lim.MaxFieldChars)
	if t.Customer != nil {
		v.short("customer.id", t.Customer.ID, lim.MaxFieldChars)
		v.short("customer.name", t.Customer.Name, lim.MaxFieldChars)
	}
	for i, a := range t.Agents {
		p := fmt.Sprintf("agents[%d]", i)
		if strings.TrimSpace(a.ID) == "" && strings.TrimSpace(a.Name) == "" {
			v.add(p, "needs an id or a name")
		}
		v.short(p+".id", a.ID, lim.MaxFieldChars)
		v.short(p+".name", a.Name, lim.MaxFieldChars)
	}
	v.checkTurns(t, lim)
	if t.Survey != nil {
		v.checkSurvey(t.Survey)
	}
	if len(t.Metadata) > lim.MaxMetadataKeys {
		v.add("metadata", fmt.Sprintf("has %d keys, at most %d allowed", len(t.Metadata), lim.MaxMetadataKeys))
	}
	for k, val := range t.Metadata {
		if k == "" {
			v.add("metadata", "has an empty key")
		}
		v.short("metadata."+k, val, lim.MaxFieldChars)
	}
	if len(v) == 0 {
		return nil
	}
	return &ValidationError{ID: t.ID, Violations: v}
}

type violations []FieldViolation

func (v *violations) add(field, desc string) {
	*v = append(*v, FieldViolation{Field: field, Description: desc})
}

func (v *violations) checkID(id string, lim Limits) {
	switch n := utf8.RuneCountInString(id); {
	case strings.TrimSpace(id) == "":
		v.add("id", "required")
	case n > lim.MaxIDLen:
		v.add("id", fmt.Sprintf("is %d characters, at most %d allowed", n, lim.MaxIDLen))
	case !utf8.ValidString(id):
		v.add("id", "is not valid UTF-8")
	case strings.IndexFunc(id, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) >= 0:
		v.add("id", "must not contain spaces or control characters")
	}
}

func (v *violations) short(field, s string, max int) {
	if !utf8.ValidString(s) {
		v.add(field, "is not valid UTF-8")
	} else if n := utf8.RuneCountInString(s); n > max {
		v.add(field, fmt.Sprintf("is %d characters, at most %d allowed", n, max))
	}
}

func (v *violations) checkTurns(t *Transcript, lim Limits) {
	if len(t.Turns) == 0 {
		v.add("turns", "required; at least one turn")
		return
	}
	if len(t.Turns) > lim.MaxTurns {
		v.add("turns", fmt.Sprintf("has %d turns, at most %d allowed", len(t.Turns), lim.MaxTurns))
		return
	}
	total := 0
	for i, turn := range t.Turns {
		p := fmt.Sprintf("turns[%d]", i)
		if turn.Speaker == "" {
			v.add(p+".speaker", "required; one of agent, customer, system, bot")
		} else if !oneOf(turn.Speaker, Speakers) {
			v.add(p+".speaker", fmt.Sprintf("%q is not one of agent, customer, system, bot", turn.Speaker))
		}
		v.short(p+".name", turn.Name, lim.MaxFieldChars)
		if turn.OffsetMS < 0 {
			v.add(p+".offset_ms", "must not be negative")
		}
		n := utf8.RuneCountInString(turn.Text)
		total += n
		switch {
		case strings.TrimSpace(turn.Text) == "":
			v.add(p+".text", "required; a turn needs text")
		case !utf8.ValidString(turn.Text):
			v.add(p+".text", "is not valid UTF-8")
		case n > lim.MaxTurnChars:
			v.add(p+".text", fmt.Sprintf("is %d characters, at most %d allowed", n, lim.MaxTurnChars))
		}
	}
	if total > lim.MaxTotalChars {
		v.add("turns", fmt.Sprintf("hold %d characters in all, at most %d allowed", total, lim.MaxTotalChars))
	}
}

func (v *violations) checkSurvey(s *SurveyResponse) {
	if s.Type == "" {
		v.add("survey.type", "required; one of csat, nps, ces")
		return
	}
	if !oneOf(s.Type, SurveyTypes) {
		v.add("survey.type", fmt.Sprintf("%q is not one of csat, nps, ces", s.Type))
		return
	}
	max := s.ScaleMax
	if max == 0 {
		max = DefaultScaleMax(s.Type)
	}
	min := 1.0
	if s.Type == NPS {
		min = 0
		if s.ScaleMax != 0 && s.ScaleMax != 10 {
			v.add("survey.scale_max", "an NPS scale is 0-10")
		}
	}
	if max <= min || max > 100 {
		v.add("survey.scale_max", fmt.Sprintf("%g is not a usable scale top", max))
		return
	}
	if s.Score < min || s.Score > max {
		v.add("survey.score", fmt.Sprintf("%g is outside the scale %g-%g", s.Score, min, max))
	}
	v.short("survey.comment", s.Comment, DefaultLimits.MaxTurnChars)
}

func oneOf[T comparable](x T, set []T) bool {
	for _, s := range set {
		if x == s {
			return true
		}
	}
	return false
}

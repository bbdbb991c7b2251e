package nlp

import (
	"fmt"

	"github.com/frictionhq/friction/transcript"
)

// ExampleFailure is a rule example that did not behave as the rule says.
type ExampleFailure struct {
	Rule string `json:"rule"`
	Line int    `json:"line"`
	// Want is true for a match example that did not match, false for a
	// no_match example that did.
	Want bool   `json:"want_match"`
	Text string `json:"text"`
}

func (f ExampleFailure) String() string {
	if f.Want {
		return fmt.Sprintf("rule %s (line %d): should match %q", f.Rule, f.Line, f.Text)
	}
	return fmt.Sprintf("rule %s (line %d): should not match %q", f.Rule, f.Line, f.Text)
}

// Check runs every rule's examples through the full analysis (normalisation,
// tagging and the context checks for negation, questions, hypotheticals and
// tense) and returns the examples that failed.
func (p *RulePack) Check() []ExampleFailure {
	a, err := New(p)
	if err != nil {
		return []ExampleFailure{{Rule: "(pack)", Text: err.Error()}}
	}
	var out []ExampleFailure
	for _, r := range p.Rules {
		for _, ex := range r.Examples.Match {
			if !a.Fires(r.ID, ex) {
				out = append(out, ExampleFailure{Rule: r.ID, Line: r.Line, Want: true, Text: ex})
			}
		}
		for _, ex := range r.Examples.NoMatch {
			if a.Fires(r.ID, ex) {
				out = append(out, ExampleFailure{Rule: r.ID, Line: r.Line, Want: false, Text: ex})
			}
		}
	}
	return out
}

// Fires reports whether rule id produces a label, in context, on text said by
// the rule's speaker (the survey comment for driver rules).
func (a *Analyzer) Fires(id, text string) bool {
	r := a.pack.Rule(id)
	if r == nil {
		return false
	}
	t := &transcript.Transcript{ID: "example", Channel: transcript.Chat,
		Agents: []transcript.Party{{ID: "a-1", Name: "Priya"}}}
	switch r.Speaker {
	case "agent":
		t.Turns = []transcript.Turn{
			{Speaker: transcript.Customer, Text: "My earbuds are not working."},
			{Speaker: transcript.Agent, Name: "Priya", Text: text}}
	case "survey":
		t.Turns = []transcript.Turn{{Speaker: transcript.Agent, Name: "Priya", Text: "Hello, how can I help?"}}
		t.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, ScaleMax: 5, Comment: text}
	default:
		t.Turns = []transcript.Turn{{Speaker: transcript.Customer, Text: text}}
	}
	d := a.prepare(t)
	for _, h := range a.match(d) {
		if h.rule.ID != id {
			continue
		}
		if r.Speaker == "agent" && h.s.turn != 1 || r.Speaker != "agent" && r.Speaker != "survey" && h.s.turn != 0 {
			continue
		}
		if r.Kind == KindDefect || r.Kind == KindSafety {
			// A failure of a shop, an account or a bill is not a defect.
			comp, _ := a.component(h, "")
			if a.category(h, comp) != ProductDefect {
				continue
			}
		}
		return true
	}
	return false
}

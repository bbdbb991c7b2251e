package index

import (
	"time"

	"github.com/frictionhq/friction/transcript"
)

// Document is what the index holds about one transcript. Build it with
// NewDocument, then add derived keyword fields (analysis labels) with Add.
type Document struct {
	ID     string
	fields map[string]any
}

// NewDocument maps a transcript to its searchable fields. The text fields are
// arrays with one element per turn (empty for turns of other speakers), so a hit's
// array position is the turn number.
func NewDocument(t *transcript.Transcript) *Document {
	text := make([]string, len(t.Turns))
	customer := make([]string, len(t.Turns))
	agent := make([]string, len(t.Turns))
	for i, turn := range t.Turns {
		text[i] = turn.Text
		switch turn.Speaker {
		case transcript.Customer:
			customer[i] = turn.Text
		case transcript.Agent:
			agent[i] = turn.Text
		}
	}
	f := map[string]any{
		FieldText:      text,
		FieldCustomer:  customer,
		FieldAgent:     agent,
		FieldChannel:   string(t.Channel),
		FieldStartedAt: t.StartedAt.UTC().Format(time.RFC3339),
	}
	setIf := func(name, v string) {
		if v != "" {
			f[name] = v
		}
	}
	setIf(FieldSubject, t.Subject)
	setIf(FieldQueue, t.Queue)
	setIf(FieldLanguage, t.Language)
	setIf(FieldCustomerID, t.CustomerID())
	var ids, names []string
	for _, a := range t.Agents {
		if a.ID != "" {
			ids = append(ids, a.ID)
		}
		if a.Name != "" {
			names = append(names, a.Name)
		}
	}
	if len(ids) > 0 {
		f[FieldAgentID] = ids
	}
	if len(names) > 0 {
		f[FieldAgentName] = names
	}
	if t.Survey != nil {
		f[FieldSurvey] = t.Survey.Normalized()
		f[FieldSurveyType] = string(t.Survey.Type)
	}
	return &Document{ID: t.ID, fields: f}
}

// Add sets a keyword field, such as an analysis label. Values are exact-match terms.
func (d *Document) Add(field string, values ...string) {
	if len(values) == 1 {
		d.fields[field] = values[0]
	} else if len(values) > 1 {
		d.fields[field] = values
	}
}

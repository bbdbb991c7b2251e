package transcript

import "time"

// Channel is how the customer reached the company.
type Channel string

// The channels Friction knows.
const (
	Call   Channel = "call"
	Chat   Channel = "chat"
	Email  Channel = "email"
	Survey Channel = "survey" // feedback with no conversation: the comment is the only turn
)

// Channels lists every valid channel, in display order.
var Channels = []Channel{Call, Chat, Email, Survey}

// Speaker is who said a turn.
type Speaker string

// The speakers of a turn.
const (
	Agent    Speaker = "agent"
	Customer Speaker = "customer"
	System   Speaker = "system"
	Bot      Speaker = "bot"
)

// Speakers lists every valid speaker.
var Speakers = []Speaker{Agent, Customer, System, Bot}

// SurveyType is the kind of survey score.
type SurveyType string

// The survey types.
const (
	CSAT SurveyType = "csat" // customer satisfaction, usually 1-5
	NPS  SurveyType = "nps"  // net promoter score, 0-10
	CES  SurveyType = "ces"  // customer effort score, usually 1-7
)

// SurveyTypes lists every valid survey type.
var SurveyTypes = []SurveyType{CSAT, NPS, CES}

// DefaultScaleMax is the top of the scale assumed when a survey gives none.
func DefaultScaleMax(t SurveyType) float64 {
	switch t {
	case NPS:
		return 10
	case CES:
		return 7
	default:
		return 5
	}
}

// Transcript is one contact. Its JSON form is Friction's native input format.
type Transcript struct {
	ID              string            `json:"id"`
	Channel         Channel           `json:"channel"`
	StartedAt       time.Time         `json:"started_at"`
	DurationSeconds int               `json:"duration_seconds,omitempty"`
	Language        string            `json:"language,omitempty"`
	Queue           string            `json:"queue,omitempty"`
	Customer        *Party            `json:"customer,omitempty"`
	Agents          []Party           `json:"agents,omitempty"`
	Subject         string            `json:"subject,omitempty"`
	Turns           []Turn            `json:"turns"`
	Survey          *SurveyResponse   `json:"survey,omitempty"`
	Metadata        map[string]string `json:"metadata,omitempty"`
}

// Party is a customer or an agent.
type Party struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// Turn is one utterance, message or email body.
type Turn struct {
	Speaker  Speaker `json:"speaker"`
	Name     string  `json:"name,omitempty"`
	Text     string  `json:"text"`
	OffsetMS int64   `json:"offset_ms,omitempty"`
}

// SurveyResponse is the survey the customer answered after the contact.
type SurveyResponse struct {
	Type     SurveyType `json:"type"`
	Score    float64    `json:"score"`
	ScaleMax float64    `json:"scale_max,omitempty"`
	Comment  string     `json:"comment,omitempty"`
}

// Normalized returns the score on a 0..1 scale. CSAT and CES scales start at 1,
// NPS at 0, so a 1/5 CSAT is 0 and a 5/5 is 1.
func (s *SurveyResponse) Normalized() float64 {
	max := s.ScaleMax
	if max == 0 {
		max = DefaultScaleMax(s.Type)
	}
	min := 1.0
	if s.Type == NPS {
		min = 0
	}
	if max <= min {
		return 0
	}
	n := (s.Score - min) / (max - min)
	switch {
	case n < 0:
		return 0
	case n > 1:
		return 1
	}
	return n
}

// CustomerID returns the customer's id, or "" when the transcript names none.
func (t *Transcript) CustomerID() string {
	if t.Customer == nil {
		return ""
	}
	return t.Customer.ID
}

// WordCount returns the number of whitespace-separated words in all turns.
func (t *Transcript) WordCount() int {
	n := 0
	for _, turn := range t.Turns {
		in := false
		for _, r := range turn.Text {
			space := r == ' ' || r == '\n' || r == '\t' || r == '\r'
			if !space && !in {
				n++
			}
			in = !space
		}
	}
	return n
}

// Clone returns a deep copy of t.
func (t *Transcript) Clone() *Transcript {
	c := *t
	if t.Customer != nil {
		cust := *t.Customer
		c.Customer = &cust
	}
	c.Agents = append([]Party(nil), t.Agents...)
	c.Turns = append([]Turn(nil), t.Turns...)
	if t.Survey != nil {
		s := *t.Survey
		c.Survey = &s
	}
	if t.Metadata != nil {
		c.Metadata = make(map[string]string, len(t.Metadata))
		for k, v := range t.Metadata {
			c.Metadata[k] = v
		}
	}
	return &c
}

package cluster

import "time"

// Mention is one product-defect friction point of one transcript: the unit that
// clustering groups. It is independent of package nlp; the engine fills it from an
// analysis and its transcript.
type Mention struct {
	// ID names the mention for evaluation, such as "ch-000123#0". It may be empty.
	ID           string
	TranscriptID string
	CustomerID   string
	At           time.Time
	// Channel is call, chat, email or survey.
	Channel string
	// Product is the product line from metadata (such as a SKU mapped through
	// Options.Product) or a product noun; it may be empty.
	Product string
	// Component ("charging case"), Symptom ("does not charge") and the canonical
	// Signature the analysis folded them into; see the package comment for the
	// forms the signature may take.
	Component string
	Symptom   string
	Signature string
	// Masked is set when the transcript's positive survey hides the defect.
	Masked bool
	// Score is the transcript's normalised survey score (0..1), nil without a survey.
	Score *float64
	// Safety holds safety kinds: burning, sparks, smoke, overheating, injury ...
	Safety   []string
	Evidence []Evidence
}

// Evidence is the span of text behind a mention and the rule that found it.
// Start and End are rune offsets into the stored turn text, End exclusive; Turn is
// -1 for the survey comment.
type Evidence struct {
	Turn  int    `json:"turn"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Rule  string `json:"rule"`
}

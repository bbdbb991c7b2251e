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
	// Noun is what the transcript calls the product as a whole ("kettle",
	// "washing machine"), and Terms the nouns and brand words its customer
	// used; both may be empty. When any mention of a run has them, Run learns
	// from the mentions that have a Product which product line each term
	// stands for, and keys every mention by its product line's name (the
	// noun most used of it): see the package comment.
	Noun  string
	Terms []string
	// Words are the distinct words of the transcript (see Words): when a
	// product's reports fall into two sets that use different part or
	// symptom words, Run cuts the product in two (see split.go). May be
	// empty.
	Words []string
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
	Safety []string
	// AlsoSaid are the symptom classes the transcript said of this fault
	// beside Symptom's ("cuts out" beside "keeps dying"): two classes
	// several customers say of one fault are one cause. May be empty.
	AlsoSaid []string
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

// Source is the transcript a set of defects was reported in, as plain values.
type Source struct {
	TranscriptID string
	CustomerID   string
	At           time.Time
	Channel      string
	// Product is the product context, usually ProductOf(metadata).
	Product string
	// Noun and Terms are Mention.Noun and Mention.Terms.
	Noun   string
	Terms  []string
	Words  []string
	Masked bool
	Score  *float64
}

// Defect is one product defect of an analysis, as clustering needs it.
type Defect struct {
	Component, Symptom, Signature string
	Safety, AlsoSaid              []string
	Evidence                      []Evidence
}

// MentionsFrom turns one transcript's product defects into mentions, the i-th
// with id "TranscriptID#i". The engine and the evaluation both build mentions
// this way.
func MentionsFrom(src Source, defects []Defect) []Mention {
	if len(defects) == 0 {
		return nil
	}
	out := make([]Mention, len(defects))
	for i, d := range defects {
		out[i] = Mention{
			ID:           src.TranscriptID + "#" + itoa(i),
			TranscriptID: src.TranscriptID,
			CustomerID:   src.CustomerID,
			At:           src.At,
			Channel:      src.Channel,
			Product:      src.Product,
			Noun:         src.Noun,
			Terms:        src.Terms,
			Words:        src.Words,
			Component:    d.Component,
			Symptom:      d.Symptom,
			Signature:    d.Signature,
			Masked:       src.Masked,
			Score:        src.Score,
			Safety:       d.Safety,
			AlsoSaid:     d.AlsoSaid,
			Evidence:     d.Evidence,
		}
	}
	return out
}

// productKeys are the metadata keys that name the product context, best first.
// A company (a support account on social media) is the context of last resort.
var productKeys = []string{"sku", "product", "model", "company"}

// ProductOf returns the product context of a transcript's metadata: its SKU,
// product, model or company, whichever comes first; "" with none.
func ProductOf(metadata map[string]string) string {
	for _, k := range productKeys {
		if v := metadata[k]; v != "" {
			return v
		}
	}
	return ""
}

package nlp

// Category is the kind of a friction point.
type Category string

// The friction categories.
const (
	ProductDefect Category = "product_defect"
	Shipping      Category = "shipping"
	Billing       Category = "billing"
	Account       Category = "account"
	WebsiteApp    Category = "website_app"
	Policy        Category = "policy"
	Effort        Category = "effort"
	Other         Category = "other"
)

// Categories lists every category, in display order.
var Categories = []Category{ProductDefect, Shipping, Billing, Account, WebsiteApp, Policy, Effort, Other}

// StatedBy says who stated a defect.
type StatedBy string

// Who stated a defect.
const (
	StatedByCustomer       StatedBy = "customer"
	StatedByAgentConfirmed StatedBy = "agent_confirmed"
)

// PraiseTarget is what the customer praised.
type PraiseTarget string

// The praise targets.
const (
	PraiseAgent   PraiseTarget = "agent"
	PraiseProduct PraiseTarget = "product"
	PraiseCompany PraiseTarget = "company"
	PraiseProcess PraiseTarget = "process"
)

// Driver is what a survey score was about.
type Driver string

// The survey drivers.
const (
	DriverAgent      Driver = "agent"
	DriverResolution Driver = "resolution"
	DriverProduct    Driver = "product"
	DriverProcess    Driver = "process"
	DriverNone       Driver = "none"
)

// ResolutionKind is how a contact ended.
type ResolutionKind string

// The resolution kinds.
const (
	Refund      ResolutionKind = "refund"
	Replacement ResolutionKind = "replacement"
	Repair      ResolutionKind = "repair"
	Workaround  ResolutionKind = "workaround"
	Escalated   ResolutionKind = "escalated"
	Unresolved  ResolutionKind = "unresolved"
	Info        ResolutionKind = "info"
)

// SurveyTurn is the Evidence.Turn of a span in the survey comment.
const SurveyTurn = -1

// Evidence is the exact span of text behind a label and the rule that produced it.
// Start and End are rune offsets into the stored turn text (or the survey comment
// when Turn is SurveyTurn), End exclusive; Text is that span.
type Evidence struct {
	Turn  int    `json:"turn"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Rule  string `json:"rule"`
}

// Analysis is what Friction found in one transcript.
type Analysis struct {
	TranscriptID      string             `json:"transcript_id,omitempty"`
	RulesVersion      string             `json:"rules_version"`
	FrictionPoints    []FrictionPoint    `json:"friction_points"`
	Praise            []Praise           `json:"praise"`
	SurveyAttribution *SurveyAttribution `json:"survey_attribution,omitempty"`
	// Masked is set when the survey is positive and a product defect is present.
	Masked      bool        `json:"masked"`
	Explanation string      `json:"explanation,omitempty"`
	Resolution  *Resolution `json:"resolution,omitempty"`
	Signals     Signals     `json:"signals"`
	// Product is the noun phrase the transcript uses of the product as a
	// whole ("kettle", "washing machine"), set when it reports a product
	// defect and names the product; clustering keys defects by it.
	Product string `json:"product,omitempty"`
	// ProductTerms are the customer's most frequent nouns and brand words
	// (folded lemmas), from which clustering learns which product a
	// transcript without a SKU is about.
	ProductTerms []string `json:"product_terms,omitempty"`
}

// FrictionPoint is one thing that went wrong for the customer.
type FrictionPoint struct {
	Category Category `json:"category"`
	// For product defects: the part that fails ("charging case"), how it fails
	// ("does not charge") and the canonical form clustering groups on.
	Component string   `json:"component,omitempty"`
	Symptom   string   `json:"symptom,omitempty"`
	Signature string   `json:"signature,omitempty"`
	StatedBy  StatedBy `json:"stated_by,omitempty"`
	// ClusterID is the defect cluster this mention belongs to. The analyzer
	// leaves it empty: clustering across transcripts fills it.
	ClusterID string   `json:"cluster_id,omitempty"`
	Safety    []string `json:"safety,omitempty"`
	// AlsoSaid holds the symptom classes of the transcript's other reports of
	// this fault ("cuts out" beside "keeps dying"), sorted: two classes said
	// of one fault by several customers are one cause to clustering.
	AlsoSaid []string   `json:"also_said,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Praise is something the customer praised.
type Praise struct {
	Target    PraiseTarget `json:"target"`
	AgentName string       `json:"agent_name,omitempty"`
	Evidence  []Evidence   `json:"evidence"`
}

// SurveyAttribution says what the survey score was about.
type SurveyAttribution struct {
	Type            string     `json:"type"`
	Score           float64    `json:"score"`
	ScaleMax        float64    `json:"scale_max"`
	Comment         string     `json:"comment,omitempty"`
	NormalizedScore float64    `json:"normalized_score"`
	Positive        bool       `json:"positive"`
	Driver          Driver     `json:"driver"`
	Evidence        []Evidence `json:"evidence,omitempty"`
}

// Resolution is how the contact ended.
type Resolution struct {
	Kind     ResolutionKind `json:"kind"`
	Evidence []Evidence     `json:"evidence,omitempty"`
}

// Sentiment is the customer's mood at one end of the contact.
type Sentiment struct {
	// Score runs from -1 (very negative) to 1 (very positive).
	Score    float64    `json:"score"`
	Label    string     `json:"label"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Signals are churn and effort signals and the customer's sentiment.
type Signals struct {
	ChurnRisk      bool       `json:"churn_risk"`
	ChurnEvidence  []Evidence `json:"churn_evidence,omitempty"`
	RepeatContact  bool       `json:"repeat_contact"`
	Transfers      int        `json:"transfers"`
	LongHold       bool       `json:"long_hold"`
	EffortEvidence []Evidence `json:"effort_evidence,omitempty"`
	StartSentiment *Sentiment `json:"start_sentiment,omitempty"`
	EndSentiment   *Sentiment `json:"end_sentiment,omitempty"`
}

// Defects returns the product-defect friction points.
func (a *Analysis) Defects() []FrictionPoint {
	var out []FrictionPoint
	for _, f := range a.FrictionPoints {
		if f.Category == ProductDefect {
			out = append(out, f)
		}
	}
	return out
}

// HasDefect reports whether at least one product defect was found.
func (a *Analysis) HasDefect() bool {
	for _, f := range a.FrictionPoints {
		if f.Category == ProductDefect {
			return true
		}
	}
	return false
}

// HasSafety reports whether any friction point carries a safety kind.
func (a *Analysis) HasSafety() bool {
	for _, f := range a.FrictionPoints {
		if len(f.Safety) > 0 {
			return true
		}
	}
	return false
}

// AgentPraised reports whether the customer praised the agent.
func (a *Analysis) AgentPraised() bool {
	for _, p := range a.Praise {
		if p.Target == PraiseAgent {
			return true
		}
	}
	return false
}

// Labels are the analysis's searchable fields, for an index.
type Labels struct {
	Categories []string `json:"categories"`
	Components []string `json:"components"`
	Signatures []string `json:"signatures"`
	Safety     []string `json:"safety"`
	Praise     []string `json:"praise"`
	Driver     string   `json:"driver,omitempty"`
	Resolution string   `json:"resolution,omitempty"`
	Masked     bool     `json:"masked"`
	Churn      bool     `json:"churn"`
}

// Labels returns the analysis's distinct searchable labels, in first-seen order.
func (a *Analysis) Labels() Labels {
	var l Labels
	add := func(list *[]string, v string) {
		if v == "" {
			return
		}
		for _, x := range *list {
			if x == v {
				return
			}
		}
		*list = append(*list, v)
	}
	for _, f := range a.FrictionPoints {
		add(&l.Categories, string(f.Category))
		add(&l.Components, f.Component)
		add(&l.Signatures, f.Signature)
		for _, s := range f.Safety {
			add(&l.Safety, s)
		}
	}
	for _, p := range a.Praise {
		add(&l.Praise, string(p.Target))
	}
	if a.SurveyAttribution != nil {
		l.Driver = string(a.SurveyAttribution.Driver)
	}
	if a.Resolution != nil {
		l.Resolution = string(a.Resolution.Kind)
	}
	l.Masked = a.Masked
	l.Churn = a.Signals.ChurnRisk
	return l
}

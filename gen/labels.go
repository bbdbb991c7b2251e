package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Label is the ground truth for one generated transcript. Labels are written to a side
// file (one JSON object per line, keyed by ID) and never into the transcript itself.
//
// Empty lists, false flags and empty strings are left out of the JSON to keep the file
// small; decoding into Label restores them as zero values.
type Label struct {
	ID          string        `json:"id"`
	Channel     string        `json:"channel"`
	Defects     []DefectLabel `json:"defects"`                // product defects actually reported (by the customer, or confirmed by the agent); never null
	Frictions   []string      `json:"frictions,omitempty"`    // non-defect friction categories present, see Friction*
	Masked      bool          `json:"masked,omitempty"`       // positive survey (normalised >= 0.75 or NPS >= 9) and at least one defect
	AgentPraise bool          `json:"agent_praise,omitempty"` // the customer praised the agent, in the conversation or the survey comment
	Praise      []string      `json:"praise,omitempty"`       // every praise target present: agent, product, company, process
	Driver      string        `json:"driver,omitempty"`       // what the survey score was about, see Driver*; "" when there is no survey
	Safety      bool          `json:"safety,omitempty"`       // at least one defect is a safety hazard
	Churn       bool          `json:"churn,omitempty"`        // the customer said they would leave, cancel or never buy again
	Resolution  string        `json:"resolution,omitempty"`   // see Resolution*; "" for feedback with no conversation that names none
	Decoys      []string      `json:"decoys,omitempty"`       // decoy kinds planted in the text, see Decoy*
	RepeatOf    string        `json:"repeat_of,omitempty"`    // id of an earlier contact by the same customer about the same defect
}

// DefectLabel is one product defect reported in a transcript.
type DefectLabel struct {
	Cluster   string `json:"cluster"`   // root-cause key, such as "earbuds/case-not-charging"; see Clusters
	Product   string `json:"product"`   // product line, such as "earbuds"
	Component string `json:"component"` // canonical component, such as "charging case"
	Symptom   string `json:"symptom"`   // canonical symptom, such as "does not charge"
	Safety    bool   `json:"safety,omitempty"`
	StatedBy  string `json:"stated_by"` // StatedByCustomer or StatedByAgent
}

// Who stated a defect.
const (
	StatedByCustomer = "customer"        // the customer described the symptom
	StatedByAgent    = "agent_confirmed" // the customer was vague; the agent stated and confirmed the fault
)

// Non-defect friction categories, as used in Label.Frictions.
const (
	FrictionShipping   = "shipping"    // late, missing, wrong item, damaged box
	FrictionBilling    = "billing"     // double charge, refund not received, wrong price
	FrictionAccount    = "account"     // locked out, password reset, login codes
	FrictionWebsiteApp = "website_app" // the shop website and checkout (a crash of the Orla Home app is a product defect)
	FrictionPolicy     = "policy"      // warranty or returns policy refused what the customer wanted
	FrictionEffort     = "effort"      // repeat contact, transfers, long holds, explaining again
)

// What the survey score was about, as used in Label.Driver.
const (
	DriverAgent      = "agent"
	DriverResolution = "resolution"
	DriverProduct    = "product"
	DriverProcess    = "process"
	DriverNone       = "none" // a survey whose comment is missing or says nothing attributable
)

// How the contact ended, as used in Label.Resolution.
const (
	ResolutionRefund      = "refund"
	ResolutionReplacement = "replacement"
	ResolutionRepair      = "repair"
	ResolutionWorkaround  = "workaround" // the agent gave a fix for a known fault: itself evidence of a defect
	ResolutionEscalated   = "escalated"
	ResolutionUnresolved  = "unresolved"
	ResolutionInfo        = "info" // a question answered or an account or order task done; no remedy
)

// Decoy kinds: text that looks like a defect report and is not one.
const (
	DecoyNegation       = "negation"         // "no problem with the kettle itself"
	DecoyHypothetical   = "hypothetical"     // "if the battery ever dies can I swap it"
	DecoyAgentQuestion  = "agent_question"   // the agent asks "is the lid cracked at all?", the customer says no
	DecoyFixedPast      = "fixed_past"       // "it was freezing last week but the update fixed it"
	DecoyOtherProductOK = "other_product_ok" // "my kettle from you has been perfect"
	DecoyHowTo          = "how_to"           // a how-to question about a working product
)

// Praise targets, as used in Label.Praise.
const (
	PraiseAgent   = "agent"
	PraiseProduct = "product"
	PraiseCompany = "company"
	PraiseProcess = "process"
)

// ReadLabels reads a labels file: one Label per line. Unknown fields are an error.
func ReadLabels(r io.Reader) ([]Label, error) {
	var out []Label
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Label
		if err := decodeStrict(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("labels line %d: %w", n, err)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// LabelsByID indexes labels by transcript id.
func LabelsByID(ls []Label) map[string]Label {
	m := make(map[string]Label, len(ls))
	for _, l := range ls {
		m[l.ID] = l
	}
	return m
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

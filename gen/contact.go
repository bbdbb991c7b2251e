package gen

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/frictionhq/friction/transcript"
)

// kind is what a contact is mainly about.
type kind int

const (
	kindDefect   kind = iota // a product defect
	kindFriction             // shipping, billing, account, website or policy trouble
	kindHowTo                // a question about a working product
	kindOther                // a compliment, a general question, feedback
)

// contact is the plan for one transcript: everything that will be said, decided before
// any text is written. The label is filled in as the text is written, so it records
// only what the text really contains.
type contact struct {
	id   string
	ch   transcript.Channel
	at   time.Time
	kind kind

	cust     *customer
	agent    *agent
	transfer *agent // the first agent, on a call that was transferred
	prod     *product
	order    string
	sku      string
	age      string // how long the customer has had the product, once chosen
	onset    string // when the fault started, once chosen

	defects     []defectPlan
	friction    *frictionItem
	fix         fix    // how a friction contact ends
	res         string // resolution
	policy      bool   // the agent refuses on policy grounds (defect contacts)
	policyReply string // the customer\'s pushback to that refusal
	effort      string // key of effortLines, or ""
	effortDone  bool   // the effort line has been written
	extra       *frictionItem

	probe     *rootCause // the agent asks about this fault; the customer says no
	fixedPast *rootCause // the customer mentions this fault was fixed
	otherOK   *product   // the customer says this other product works fine
	hypo      *qa        // the customer asks a hypothetical
	howTo     *qa        // the customer asks how to
	negation  bool       // "nothing wrong with {prod} itself"

	rude        bool
	praiseAgent bool // in the conversation
	praiseProd  bool
	praiseCo    bool
	praiseProc  bool
	churn       bool
	frustrated  bool
	followUp    bool // a repeat contact about the same defect
	prevRes     string
	repeatOf    string

	survey *surveyPlan

	lab Label
}

type defectPlan struct {
	rc       *rootCause
	statedBy string
}

// good reports whether the contact ended with the customer's problem dealt with.
func (c *contact) good() bool {
	switch c.res {
	case ResolutionRefund, ResolutionReplacement, ResolutionRepair, ResolutionWorkaround, ResolutionInfo:
		return c.kind != kindFriction || c.fix.good
	}
	return false
}

func (c *contact) safety() bool {
	for _, d := range c.defects {
		if d.rc.safety {
			return true
		}
	}
	return false
}

func (c *contact) hasDefect(key string) bool {
	for _, d := range c.defects {
		if strings.HasPrefix(d.rc.key, key) || key == "*" {
			return true
		}
	}
	return false
}

// Label recording: called by the writers as they emit each labelled element.

func (c *contact) markDefect(d defectPlan) {
	for _, x := range c.lab.Defects {
		if x.Cluster == d.rc.key {
			return
		}
	}
	c.lab.Defects = append(c.lab.Defects, DefectLabel{
		Cluster: d.rc.key, Product: d.rc.prod.key, Component: d.rc.component,
		Symptom: d.rc.symptom, Safety: d.rc.safety, StatedBy: d.statedBy,
	})
	if d.rc.safety {
		c.lab.Safety = true
	}
}

func addOnce(xs *[]string, x string) {
	if !slices.Contains(*xs, x) {
		*xs = append(*xs, x)
	}
}

func (c *contact) markFriction(cat string) { addOnce(&c.lab.Frictions, cat) }
func (c *contact) markDecoy(kind string)   { addOnce(&c.lab.Decoys, kind) }
func (c *contact) markPraise(target string) {
	addOnce(&c.lab.Praise, target)
	if target == PraiseAgent {
		c.lab.AgentPraise = true
	}
}

// finishLabel fills the fields that follow from the transcript as a whole.
func (c *contact) finishLabel(t *transcript.Transcript) {
	c.lab.ID = c.id
	c.lab.Channel = string(c.ch)
	c.lab.RepeatOf = c.repeatOf
	if t.Survey != nil && len(c.lab.Defects) > 0 {
		c.lab.Masked = positive(t.Survey)
	}
	for _, l := range [][]string{c.lab.Frictions, c.lab.Praise, c.lab.Decoys} {
		slices.Sort(l)
	}
	if c.lab.Defects == nil {
		c.lab.Defects = []DefectLabel{}
	}
}

// positive is the spec's definition of a positive survey.
func positive(s *transcript.SurveyResponse) bool {
	return s.Normalized() >= 0.75 || (s.Type == transcript.NPS && s.Score >= 9)
}

// orderID makes an order number like A-99812: a letter and five digits, far too short
// to look like a payment card number.
func (g *generator) orderID() string {
	return fmt.Sprintf("%c-%05d", pick(g.r, []rune("AAAB")), g.r.between(10000, 99999))
}

package gen

import (
	"math"
	"strings"
)

// product is one product line the fictional brand Orla sells, with the phrase banks
// customers and agents use about it. Templates use the slots listed in slots.go.
type product struct {
	key     string   // product line as labelled: "earbuds"
	display string   // what the agent calls it: "Pulse earbuds"
	short   string   // the plain noun: "earbuds"
	unit    string   // one of it: "pair of Pulse earbuds"
	skus    []string // metadata sku values
	plural  bool     // "them" rather than "it"
	price   string
	queue   string // the queue technical contacts about it land in

	refs      []string // how a customer names it: "the earbuds", "my buds"
	context   []string // purchase context: "I bought {prod} {age} ago."
	vague     []string // a complaint that names no symptom (the agent then confirms the fault)
	howTo     []qa     // how-to questions about a working product, with the agent's answer
	hypo      []qa     // hypothetical questions ("if it ever breaks ..."), with the answer
	fine      []string // the product works well, said when another product is the subject
	negations []string // "nothing wrong with {prod} itself", said in a non-defect contact
	praise    []string // praise of the product
	checks    []string // a check the agent walks the customer through live
}

// qa is a question and its answer. about names the root cause a hypothetical question
// mentions, so it is not asked by a customer who already has that fault.
type qa struct{ q, a, about string }

// rootCause is one recurring product defect: the thing a cluster should find.
type rootCause struct {
	key       string // cluster key: "earbuds/case-not-charging"
	prod      *product
	component string // canonical component
	symptom   string // canonical symptom
	safety    bool
	physical  bool // a broken part: nothing to reset or check
	trend     trend
	weight    float64 // relative frequency among defects
	nearMiss  string  // key of a root cause that sounds alike and must stay separate

	compRefs    []string // ways to name the component, for the {comp} slot
	reports     []string // the customer describing the fault, in many phrasings
	confirms    []string // the agent stating the fault after a vague complaint
	probe       qa       // the agent asking about this fault, and the customer saying no
	askAbout    []string // keys whose probe fits a contact about this fault (no contradiction)
	workarounds []string // a fix the agent gives for this known fault
	fixedPast   []string // the customer saying this fault happened but was fixed
	resolutions []choice[string]
}

// trend shapes how often a root cause is reported across the generated weeks.
type trend int

const (
	flat      trend = iota
	emerging        // rare at first, grows steadily from about a third of the way in
	spike           // a burst about two thirds of the way in (a bad app release), then fades
	declining       // common at first, fixed part-way through
)

func (t trend) String() string {
	return [...]string{"flat", "emerging", "spike", "declining"}[t]
}

// weight is the relative report rate in week w of n.
func (t trend) weight(w, n int) float64 {
	x := (float64(w) + 0.5) / float64(n)
	switch t {
	case emerging:
		if x < 0.3 {
			return 0.25
		}
		return 0.25 + (x-0.3)/0.7*3
	case spike:
		d := (x - 0.66) / 0.09
		return 0.3 + 4*math.Exp(-d*d/2)
	case declining:
		return 2 - 1.8*x
	}
	return 1
}

// ClusterInfo describes one root cause the generator plants. Evaluation code uses it to
// know what exists; the phrasings stay private.
type ClusterInfo struct {
	Key       string `json:"key"`
	Product   string `json:"product"`
	Component string `json:"component"`
	Symptom   string `json:"symptom"`
	Safety    bool   `json:"safety"`
	Trend     string `json:"trend"`     // flat, emerging, spike or declining over the generated weeks
	NearMiss  string `json:"near_miss"` // a root cause that sounds alike and must stay a separate cluster
}

// Clusters lists every root cause the generator can plant, in a fixed order.
func Clusters() []ClusterInfo {
	var out []ClusterInfo
	for _, rc := range rootCauses {
		out = append(out, ClusterInfo{
			Key: rc.key, Product: rc.prod.key, Component: rc.component, Symptom: rc.symptom,
			Safety: rc.safety, Trend: rc.trend.String(), NearMiss: rc.nearMiss,
		})
	}
	return out
}

// Products lists the product lines, in a fixed order.
func Products() []string {
	out := make([]string, len(products))
	for i, p := range products {
		out[i] = p.key
	}
	return out
}

var products = []*product{earbuds, kettle, vacuum, thermostat, homeApp, shoes}

var rootCauses = concat(earbudsCauses, kettleCauses, vacuumCauses, thermostatCauses, appCauses, shoeCauses)

func concat[T any](xs ...[]T) []T {
	var out []T
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

// praises reports whether a negation line also praises the product ("the buds work
// fine, they're great").
func praises(negation string) bool {
	return containsAny(strings.ToLower(negation), []string{"great", "love", "perfect", "brilliant"})
}

// causesOf returns the root causes of p.
func causesOf(p *product) []*rootCause {
	var out []*rootCause
	for _, rc := range rootCauses {
		if rc.prod == p {
			out = append(out, rc)
		}
	}
	return out
}

func causeByKey(key string) *rootCause {
	for _, rc := range rootCauses {
		if rc.key == key {
			return rc
		}
	}
	return nil
}

// clusterTokens are strings that exist only in labels: the leak test checks that no
// transcript contains them.
func clusterTokens() []string {
	var out []string
	for _, rc := range rootCauses {
		out = append(out, rc.key, rc.key[strings.IndexByte(rc.key, '/')+1:])
	}
	return out
}

// defaultResolutions is how a defect contact ends unless the root cause says otherwise.
var defaultResolutions = []choice[string]{
	{ResolutionRefund, 25}, {ResolutionReplacement, 30}, {ResolutionWorkaround, 14},
	{ResolutionEscalated, 12}, {ResolutionUnresolved, 12},
}

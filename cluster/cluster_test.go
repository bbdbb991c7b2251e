package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) // a Monday

// sig makes a mention from "product|component|symptom".
func sig(i int, s string) Mention {
	p, c, y := splitSignature(s)
	return Mention{TranscriptID: fmt.Sprintf("t%03d", i), CustomerID: fmt.Sprintf("c%03d", i),
		At: t0.Add(time.Duration(i) * time.Hour), Product: p, Component: c, Symptom: y}
}

func TestMergeDecisions(t *testing.T) {
	fold := map[string]string{"screen": "display", "dies": "drain", "die": "drain", "gasket": "seal"}
	tests := []struct {
		a, b string
		fold bool
		want bool
	}{
		// Paraphrases of one root cause.
		{"earbuds|charging case|does not charge", "earbuds|case|won't charge", false, true},
		{"earbuds|charging case|not charging", "earbuds|charger case|stopped charging", false, true},
		{"earbuds|charging case|doesn't charge anymore", "earbuds|Charging Case|isn't charging", false, true},
		{"earbuds|battery|drains quickly", "earbuds|battery|drains overnight", false, true},
		{"earbuds|battery|dies after ten minutes", "earbuds|battery|died", false, true},
		{"earbuds|battery|dies after ten minutes", "earbuds|battery|drains overnight", true, true},
		{"earbuds|battery|won't hold a charge", "earbuds||won't hold a charge", false, true},
		{"earbuds|left earbud|drops connection", "earbuds|left earbud|keeps dropping the connection", false, true},
		{"earbuds|left earbud|drops connection", "earbuds|earbud|dropping connection", false, true},
		{"kettle|lid seal|leaks", "kettle|seal|leaking", false, true},
		{"kettle|lid seal|leaks", "kettle|lid|leaks water", false, true},
		{"kettle|lid seal|leaks", "kettle|gasket|leaks", true, true},
		{"kettle|lid|cracked", "kettle|lid|has cracked in two places", false, true},
		{"kettle|lid|cracked", "KT-17|lid|cracks", false, false}, // a SKU is another product unless Options.Product maps it
		{"vacuum|main brush|stops spinning", "vacuum|brush|won't spin", false, true},
		{"thermostat|display|goes blank", "thermostat|screen|went blank", true, true},
		{"thermostat|display|goes blank", "|display|goes blank", false, true},
		{"app|app|crashes on launch", "app||crashing on launch", false, true},
		{"earbuds|charging case|does not charge", "earbuds|charging case|stopped working", false, true},
		{"kettle|kettle|leaks", "kettle||leaking", false, true},
		// Near-misses and other causes.
		{"kettle|lid|cracked", "kettle|lid seal|leaks", false, false},
		{"kettle|lid|cracked", "kettle|lid|leaks", false, false},
		{"earbuds|charging case|does not charge", "earbuds|battery|drains quickly", false, false},
		{"earbuds|charging case|won't charge", "earbuds|battery|won't hold a charge", false, false},
		{"earbuds|charging case|won't charge", "earbuds||won't hold a charge", false, false},
		{"earbuds|left earbud|drops connection", "earbuds|right earbud|drops connection", false, false},
		{"thermostat|display|goes blank", "thermostat|touchscreen|unresponsive to touch", false, false},
		{"thermostat|screen|goes blank", "thermostat|screen|doesn't respond to touch", true, false},
		{"kettle|power base|overheats", "vacuum|battery|overheats", false, false},
		{"vacuum|battery|overheats", "earbuds|battery|overheats", false, false},
		{"earbuds|case|charges slowly", "earbuds|case|does not charge", false, false},
		{"thermostat|button|won't turn on", "thermostat|button|turns off", false, false},
		{"shoes|sole|separating from upper", "shoes|sole|squeaks", false, false},
	}
	for _, tt := range tests {
		o := Options{NoCauses: true} // the similarity rule alone; TestCauses covers the last pass
		if tt.fold {
			o.Fold = func(w string) string {
				if f, ok := fold[w]; ok {
					return f
				}
				return w
			}
		}
		// The first signature is reported more, so it founds the cluster.
		var ms []Mention
		for i := range 5 {
			s := tt.a
			if i >= 3 {
				s = tt.b
			}
			ms = append(ms, sig(i, s))
		}
		r := Run(ms, nil, o)
		if got := r.ID(0) == r.ID(4); got != tt.want {
			t.Errorf("%q + %q (fold %v): merged %v, want %v", tt.a, tt.b, tt.fold, got, tt.want)
		}
		// And the other way round.
		slices.Reverse(ms)
		r = Run(ms, nil, o)
		if got := r.ID(0) == r.ID(4); got != tt.want {
			t.Errorf("%q + %q founded by the second (fold %v): merged %v, want %v", tt.a, tt.b, tt.fold, got, tt.want)
		}
	}
}

func TestMinorPartJoinsCommonPart(t *testing.T) {
	tests := []struct {
		common, minor   string
		nCommon, nMinor int
		ratio           int
		want            bool
	}{
		{"earbuds|charging case|does not charge", "earbuds|little box|doesn't charge", 6, 2, 0, true},
		// Named only with this failure, the part is another name for the common
		// one whatever the ratio.
		{"earbuds|charging case|does not charge", "earbuds|little box|doesn't charge", 6, 4, 0, true},
		{"earbuds|charging case|does not charge", "earbuds|little box|doesn't charge", 6, 2, 4, true},
		{"earbuds|charging case|does not charge", "earbuds|little box|doesn't charge", 6, 2, -1, false},
		// Variants of one part stay apart.
		{"earbuds|left earbud|drops connection", "earbuds|right earbud|drops connection", 6, 2, 0, false},
		{"kettle|lid|cracked", "kettle|base|cracked", 6, 2, 0, true},
		{"kettle|lid|cracked", "kettle|base|leaks", 6, 2, 0, false},     // another symptom
		{"kettle|lid|cracked", "vacuum|base|cracked", 6, 2, 0, false},   // another product
		{"kettle|lid|cracked", "kettle|base|is broken", 6, 2, 0, false}, // vague
	}
	for _, tt := range tests {
		var ms []Mention
		for i := range tt.nCommon + tt.nMinor {
			s := tt.common
			if i >= tt.nCommon {
				s = tt.minor
			}
			ms = append(ms, sig(i, s))
		}
		r := Run(ms, nil, Options{MinorRatio: tt.ratio, NoCauses: true})
		if got := r.ID(0) == r.ID(len(ms)-1); got != tt.want {
			t.Errorf("%d × %q + %d × %q (ratio %d): merged %v, want %v", tt.nCommon, tt.common, tt.nMinor, tt.minor, tt.ratio, got, tt.want)
		}
	}
	// The part is named elsewhere too: "base" is common in this product, so it
	// is not taken for another name of the lid.
	ms := []Mention{sig(0, "kettle|lid|cracked"), sig(1, "kettle|lid|cracked"), sig(2, "kettle|lid|cracked"),
		sig(3, "kettle|lid|cracked"), sig(4, "kettle|base|cracked"), sig(5, "kettle|base|smells of burning"),
		sig(6, "kettle|base|smells of burning")}
	if r := Run(ms, nil, Options{NoCauses: true}); r.ID(0) == r.ID(4) {
		t.Errorf("base cracked joined lid cracked though the base is named in 3 of 7 mentions")
	}
}

func TestVagueReportJoinsDominantCause(t *testing.T) {
	tests := []struct {
		name    string
		causes  map[string]int // specific signature → mentions
		cause   string         // the dominant cause, or "" for none
		product string
	}{
		{"one cause", map[string]int{"kettle|lid|leaks": 4}, "kettle|lid|leaks", "kettle"},
		{"two thirds", map[string]int{"kettle|lid|leaks": 4, "kettle|lid|cracks": 2}, "kettle|lid|leaks", "kettle"},
		{"no dominant cause", map[string]int{"kettle|lid|leaks": 3, "kettle|lid|cracks": 2}, "", "kettle"},
		{"another product", map[string]int{"vacuum|brush|jams": 4}, "", "kettle"},
	}
	for _, tt := range tests {
		var ms []Mention
		at := map[string]int{}
		for s, n := range tt.causes {
			at[s] = len(ms)
			for range n {
				ms = append(ms, sig(len(ms), s))
			}
		}
		vague := len(ms)
		ms = append(ms, sig(vague, tt.product+"||stopped working"))
		r := Run(ms, nil, Options{NoCauses: true})
		for s, i := range at {
			if got, want := r.ID(vague) == r.ID(i), s == tt.cause; got != want {
				t.Errorf("%s: vague report with %q: %v, want %v", tt.name, s, got, want)
			}
		}
	}
}

// TestStopsWorkingIsNoNoise: a part that does not work is not a part that
// makes a noise ("the brake doesn't work" is not "the brake squeals"), and
// "does not stop" names a failure of its own.
func TestStopsWorkingIsNoNoise(t *testing.T) {
	tests := []struct {
		founder, report string
		want            bool
	}{
		{"scooter|brake|makes noise", "scooter|brake|does not work", false},
		{"scooter|brake|squeals", "scooter|brake|fails", false},
		{"scooter|brake|does not stop", "scooter|brake|does not work", true},
		{"scooter|brake|does not stop", "scooter||does not stop", true},
		{"scooter|brake|makes noise", "scooter|brake|is faulty", true}, // vague, not a stop
		{"kettle|lid|leaks", "kettle|lid|does not work", true},
	}
	for _, tt := range tests {
		ms := []Mention{sig(0, tt.founder), sig(1, tt.founder), sig(2, tt.founder), sig(3, tt.report)}
		r := Run(ms, nil, Options{})
		if got := r.ID(0) == r.ID(3); got != tt.want {
			t.Errorf("%q with founder %q: merged %v, want %v", tt.report, tt.founder, got, tt.want)
		}
	}
	// A vague report on the product does not join a dominant noise.
	ms := []Mention{sig(0, "scooter|brake|makes noise"), sig(1, "scooter|brake|makes noise"), sig(2, "scooter|brake|makes noise"), sig(3, "scooter||does not work")}
	if r := Run(ms, nil, Options{}); r.ID(0) == r.ID(3) {
		t.Errorf("\"it doesn't work\" joined the product's noise cause")
	}
}

func TestSymptomEndingInStop(t *testing.T) {
	tests := []struct{ in, want string }{
		{"does not stop", "not stop"},
		{"stopped charging", "charg not"},
		{"keeps stopping", "stop"},
		{"stops working", "not work"},
	}
	for _, tt := range tests {
		if got := strings.Join(sortedSet(tokens(tt.in, true, &Options{})), " "); got != tt.want {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestProductNameIsNoComponent: a vague report on a word that stands for the
// product ("the therma isn't working") is a report on the product as a whole;
// a part named with a specific failure keeps its name.
func TestProductNameIsNoComponent(t *testing.T) {
	m := func(i int, product, comp, symp string, terms ...string) Mention {
		x := sig(i, product+"|"+comp+"|"+symp)
		x.Product, x.Signature, x.Terms = product, "", terms
		return x
	}
	ms := []Mention{
		m(0, "TH-300", "", "does not work", "therma", "screen"),
		m(1, "TH-300", "", "does not work", "therma"),
		m(2, "TH-300", "screen", "goes blank", "therma", "screen"),
		m(3, "TH-300", "screen", "goes blank", "screen"),
		m(4, "", "therma", "does not work", "therma"),
		m(5, "TH-300", "screen", "does not work", "screen"),
	}
	r := Run(ms, nil, Options{})
	if r.ID(4) != r.ID(0) {
		t.Errorf("\"therma does not work\" (%s) did not join \"it does not work\" (%s)", r.Of(4).Label, r.Of(0).Label)
	}
	if r.ID(5) != r.ID(2) {
		t.Errorf("\"screen does not work\" (%s) did not join the screen's cause (%s)", r.Of(5).Label, r.Of(2).Label)
	}
}

// A product keyed in lower case is labelled as its metadata writes it.
func TestLabelKeepsProductAsWritten(t *testing.T) {
	var ms []Mention
	for i := range 3 {
		m := sig(i, "|crashes")
		m.Product, m.Terms = "RockstarSupport", []string{"game", "online"}
		ms = append(ms, m)
	}
	r := Run(ms, nil, Options{})
	if got := r.Clusters[0].Label; !strings.HasPrefix(got, "RockstarSupport · ") {
		t.Errorf("label %q, want it to start with the product as written", got)
	}
}

// TestLabelSaysWhatMostReportsSay: a cluster reads as the part two or more
// of its reports name and the specific symptom most name, and a SKU family as
// the product's name, not as the founder's one-off words.
func TestLabelSaysWhatMostReportsSay(t *testing.T) {
	var ms []Mention
	add := func(product, comp, symp string) {
		m := sig(len(ms), product+"|"+comp+"|"+symp)
		m.Terms = []string{"piano"}
		ms = append(ms, m)
	}
	add("DP-8", "exam", "is stuck")
	add("DP-8", "key", "is stuck")
	add("DP-8", "key", "sticks")
	add("Digital Piano", "key", "is stuck")
	r := Run(ms, nil, Options{})
	if len(r.Clusters) != 1 {
		for _, c := range r.Clusters {
			t.Logf("%q %v", c.Label, c.members)
		}
		t.Fatalf("%d clusters, want 1", len(r.Clusters))
	}
	c := r.Clusters[0]
	if c.Product != "Digital Piano" || c.Component != "key" || c.Symptom != "is stuck" {
		t.Errorf("product %q component %q symptom %q, want Digital Piano, key, is stuck (label %q)", c.Product, c.Component, c.Symptom, c.Label)
	}
}

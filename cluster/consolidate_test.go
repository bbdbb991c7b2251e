package cluster

import "testing"

// TestWithinProductJoins: the consolidation pass (see consolidate.go) joins a
// product's small clusters to the larger cluster they are most like, and
// keeps near-misses apart. The causes pass is off: it regroups by class and is
// tested in TestCauses.
func TestWithinProductJoins(t *testing.T) {
	tests := []struct {
		name   string
		big    string
		nBig   int
		small  []string // the small clusters' signatures, one mention each unless repeated
		joined bool     // whether the last small signature joins the big cluster
	}{
		// A part failing the way the big cause does, named once.
		{"same symptom, rare part", "laptop|hinge|cracked", 4, []string{"laptop|seam|cracked"}, true},
		// One odd-worded report on a product with a dominant cause.
		{"odd singleton joins dominant", "laptop|hinge|cracked", 4, []string{"laptop|cable|comes loose"}, true},
		// Said twice, it is a pattern of its own.
		{"repeated report stays", "laptop|hinge|cracked", 4, []string{"laptop|cable|comes loose", "laptop|cable|comes loose"}, false},
		// Near-miss: the same part failing in a clearly different way.
		{"near-miss on one part", "kettle|lid|leaks", 4, []string{"kettle|lid|cracks"}, false},
		{"variant part", "earbuds|left earbud|drops connection", 4, []string{"earbuds|right earbud|drops connection"}, false},
		{"opposite polarity", "earbuds|case|charges slowly", 4, []string{"earbuds|case|does not charge"}, false},
		// "does not work" is no noise.
		{"stops working is no noise", "scooter|brake|squeals", 4, []string{"scooter|brake|does not work"}, false},
		// Another product never joins.
		{"another product", "laptop|hinge|cracked", 4, []string{"kettle|cable|comes loose"}, false},
		// No dominant cause: an odd report stays alone.
		{"no dominant cause", "laptop|hinge|cracked", 3, []string{"laptop|fan|rattles", "laptop|fan|rattles", "laptop|keyboard|sticks", "laptop|cable|comes loose"}, false},
	}
	for _, tt := range tests {
		var ms []Mention
		for range tt.nBig {
			ms = append(ms, sig(len(ms), tt.big))
		}
		for _, s := range tt.small {
			ms = append(ms, sig(len(ms), s))
		}
		r := Run(ms, nil, Options{NoCauses: true})
		if got := r.ID(0) == r.ID(len(ms)-1); got != tt.joined {
			t.Errorf("%s: %d × %q + %v: joined %v, want %v", tt.name, tt.nBig, tt.big, tt.small, got, tt.joined)
		}
	}
}

// TestWithinProductJoinsKeepsOlderID: a small cluster that joins a larger one
// leaves its id merged into the larger one's.
func TestWithinProductJoinsKeepsOlderID(t *testing.T) {
	reg := NewRegistry()
	ms := []Mention{sig(0, "laptop|hinge|cracked"), sig(1, "laptop|hinge|cracked"), sig(2, "laptop|hinge|cracked")}
	first := Run(ms, reg, Options{})
	id := first.ID(0)
	ms = append(ms, sig(3, "laptop|hinge|cracked"), sig(4, "laptop|cable|comes loose"))
	r := Run(ms, reg, Options{})
	if r.ID(0) != id || r.ID(4) != id {
		t.Errorf("ids %s and %s, want both %s", r.ID(0), r.ID(4), id)
	}
}

func TestProductFamilyFromName(t *testing.T) {
	r := &productResolver{families: map[string]bool{"gl": true, "tv": true, "pc": true, "sp": true, "er": true, "gd": true, "sh": true}}
	for name, want := range map[string]string{
		"Vantor G15 gaming laptop":        "gl", // initials of the last words
		"smart TV":                        "tv", // a word
		"Simmerline PC6 pressure cooker":  "pc", // last words before "sp" of other words
		"Hearth Plug mini smart plug":     "sp",
		"e-reader":                        "er",
		"SkyHop 12ft trampoline":          "sh", // camel case
		"LiftMate 900 garage door opener": "gd",
		"air purifier":                    "",
		"":                                "",
	} {
		if got := r.family(name); got != want {
			t.Errorf("family(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestProductNamesAndNounsMeetTheirSKU: a product name that spells no SKU
// family takes the family of a name sharing its brand or kind, and a noun
// that spells a family is as good as the SKU.
func TestProductNamesAndNounsMeetTheirSKU(t *testing.T) {
	ms := []Mention{
		{ID: "1", Product: "CF-4", Symptom: "jams"},
		{ID: "2", Product: "Kibblekeep cat feeder", Symptom: "jams"},
		{ID: "3", Product: "Kibblekeep", Symptom: "jams"},
		{ID: "4", Product: "auto feeder", Symptom: "jams"},
		{ID: "5", Noun: "cat feeder", Symptom: "jams"},
		{ID: "6", Product: "PF-2", Noun: "fountain", Symptom: "leaks"},
	}
	r := newProductResolver(ms, &Options{})
	for i := range ms[:5] {
		if got := r.anchor(&ms[i]); got != "cf" {
			t.Errorf("anchor(%+v) = %q, want cf", ms[i], got)
		}
	}
	if got := r.anchor(&ms[5]); got != "pf" {
		t.Errorf("anchor(%+v) = %q, want pf", ms[5], got)
	}
}

// TestProductFromWords: a mention with no product takes the product whose
// transcripts use its words, unless its words are shared by several.
func TestProductFromWords(t *testing.T) {
	var ms []Mention
	add := func(product, noun string, terms ...string) int {
		m := sig(len(ms), "|leaks")
		m.Product, m.Noun, m.Terms = product, noun, terms
		ms = append(ms, m)
		return len(ms) - 1
	}
	add("SH-8", "shredder", "shredder", "paper", "cat")
	add("SH-8", "", "shredder", "motor", "cat")
	add("PF-2", "fountain", "fountain", "pump", "cat")
	add("PF-2", "", "fountain", "bowl", "cat")
	named := add("", "", "dust", "shredder")       // a term the shredder is named by
	byWords := add("", "", "bowl", "pump", "tile") // words of the fountain's transcripts
	shared := add("", "", "cat")                   // a word both products use alike
	pr := newProductResolver(ms, &Options{})
	keys := make([]string, len(ms))
	for i := range ms {
		keys[i] = pr.key(&ms[i])
	}
	pr.byWords(ms, keys)
	if keys[named] != keys[0] || keys[0] == "" {
		t.Errorf("named by a term: %q, want the shredder's %q", keys[named], keys[0])
	}
	if keys[byWords] != keys[2] || keys[2] == "" {
		t.Errorf("by words: %q, want the fountain's %q", keys[byWords], keys[2])
	}
	if keys[shared] != "" {
		t.Errorf("a word both products use: %q, want none", keys[shared])
	}
}

// TestNounSaidOnceInPassing: a noun said once names its anchor only when
// its head is that anchor's word more than any other's, and a mention with
// no anchor uses it.
func TestNounSaidOnceInPassing(t *testing.T) {
	var ms []Mention
	add := func(product, noun string, terms ...string) {
		m := sig(len(ms), "|leaks")
		m.Product, m.Noun, m.Terms = product, noun, terms
		ms = append(ms, m)
	}
	add("AF-3", "", "fryer", "basket")
	add("AF-3", "", "fryer", "drawer")
	add("SM-1", "air fryer", "mixer", "fryer", "head") // "my air fryer is fine, it's the mixer"
	add("PF-2", "cat fountain", "fountain", "pump")
	add("", "", "fountain", "tile") // a report the name can join to it
	pr := newProductResolver(ms, &Options{})
	if n := pr.name["sm"]; n == "air fryer" {
		t.Errorf("the mixer is named %q", n)
	}
	if n := pr.name["pf"]; n != "cat fountain" {
		t.Errorf("the fountain is named %q, want %q", n, "cat fountain")
	}
}

// TestNameModifierPointsNowhere: the words of a product's name before its
// head ("cat" of "cat feeder") are kinds other products share, so a report
// that uses them is not given that product for them.
func TestNameModifierPointsNowhere(t *testing.T) {
	ms := []Mention{
		{ID: "1", TranscriptID: "1", Product: "CF-4", Noun: "cat feeder", Terms: []string{"cat", "bowl"}, Symptom: "jams"},
		{ID: "2", TranscriptID: "2", Product: "CF-4", Noun: "cat feeder", Terms: []string{"cat", "kibble"}, Symptom: "jams"},
		{ID: "3", TranscriptID: "3", Product: "CF-4", Terms: []string{"cat"}, Symptom: "jams"},
		{ID: "4", TranscriptID: "4", Product: "PF-2", Terms: []string{"water"}, Symptom: "leaks"},
		{ID: "5", TranscriptID: "5", Terms: []string{"cat", "trickle"}, Symptom: "leaks"},
	}
	r := newProductResolver(ms, &Options{})
	if got := r.infer(&ms[4]); got != "" {
		t.Errorf("infer(%v) = %q, want none: %q is a modifier of %q", ms[4].Terms, got, "cat", "cat feeder")
	}
	if got := r.infer(&Mention{Noun: "cat feeder"}); got != "cf" {
		t.Errorf("infer(cat feeder) = %q, want cf", got)
	}
}

// A noun that opens one product's name and no other's is that product: "my
// Pulse massage" for the massage gun.
func TestNounThatOpensOneName(t *testing.T) {
	ms := []Mention{
		{ID: "1", TranscriptID: "1", Product: "MP-8", Noun: "massage gun", Symptom: "overheats"},
		{ID: "2", TranscriptID: "2", Product: "MP-8", Noun: "massage gun", Symptom: "overheats"},
		{ID: "3", TranscriptID: "3", Product: "CF-4", Noun: "cat feeder", Symptom: "jams"},
		{ID: "4", TranscriptID: "4", Product: "CF-4", Noun: "cat feeder", Symptom: "jams"},
		{ID: "5", TranscriptID: "5", Product: "CB-2", Noun: "cat bed", Symptom: "overheats"},
		{ID: "6", TranscriptID: "6", Product: "CB-2", Noun: "cat bed", Symptom: "overheats"},
	}
	r := newProductResolver(ms, &Options{})
	if got := r.key(&Mention{Noun: "massage", Terms: []string{"massage", "pulse"}}); got != "massage gun" {
		t.Errorf("key(massage) = %q, want massage gun", got)
	}
	if got := r.key(&Mention{Noun: "cat", Terms: []string{"cat"}}); got == "cat feeder" || got == "cat bed" {
		t.Errorf("key(cat) = %q, want neither product: cat opens two names", got)
	}
}

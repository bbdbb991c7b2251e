package cluster

import "testing"

// TestCauses: the causes pass (see causes.go) makes one cause of a product's
// reports of one symptom class whatever part they blame, keeps apart classes
// reported often enough, and folds the rest into the product's causes.
func TestCauses(t *testing.T) {
	type batch struct {
		sig string
		n   int
	}
	tests := []struct {
		name   string
		first  batch // mention 0
		others []batch
		joined bool // whether the last mention is in mention 0's cluster
	}{
		{"one class, different parts", batch{"fridge|ice maker|leaks", 4},
			[]batch{{"fridge|freezer drawer|leaks", 3}}, true},
		{"near-miss pair, each reported often", batch{"kettle|lid|leaks", 5},
			[]batch{{"kettle|lid|cracks", 5}}, false},
		{"a lone report of another failure", batch{"kettle|lid|leaks", 5},
			[]batch{{"kettle|lid|cracks", 1}}, true},
		{"a vague report joins the largest cause of its part", batch{"kettle|lid|leaks", 6},
			[]batch{{"kettle|lid|cracks", 5}, {"kettle|lid|is broken", 1}}, true},
		{"stopped working is no noise", batch{"scooter|brake|squeals", 5},
			[]batch{{"scooter|brake|does not work", 1}}, false},
		{"stopped working, reported often, is a cause", batch{"console|stick|drifts", 6},
			[]batch{{"console|power button|does not work", 4}}, false},
		{"stopped working, reported once, is not", batch{"console|stick|drifts", 6},
			[]batch{{"console|power button|does not work", 1}}, true},
		{"another product", batch{"kettle|lid|leaks", 5},
			[]batch{{"laptop|lid|leaks", 1}}, false},
		{"a small share that is large", batch{"kettle|lid|leaks", 150},
			[]batch{{"kettle|base|overheats", bigCause}}, false},
		{"same class, two parts, each reported often", batch{"kettle|lid|leaks", 30},
			[]batch{{"kettle|base|cracks", 25}, {"kettle|base|leaks", 25}}, false},
		{"same class, a part reported less often", batch{"kettle|lid|leaks", 150},
			[]batch{{"kettle|base|leaks", bigCause - 1}}, true},
		{"a small share that is small", batch{"kettle|lid|leaks", 150},
			[]batch{{"kettle|base|overheats", bigCause - 1}}, true},
		{"no class stands out", batch{"kettle|lid|leaks", 2},
			[]batch{{"kettle|base|overheats", 1}}, true},
		{"opposite faults, however few", batch{"turntable||runs fast", 8},
			[]batch{{"turntable|platter|runs slow", 2}}, false},
		{"one reading with both words is no opposite", batch{"bin|sensor|shows full when empty", 8},
			[]batch{{"bin|sensor|says full", 1}}, true},
		{"an injury joins the cause of its part", batch{"trimmer|blade|does not stop", 5},
			[]batch{{"trimmer|battery|overheats", 6}, {"trimmer|blade|caused an injury", 4}}, true},
	}
	for _, tt := range tests {
		var ms []Mention
		for _, b := range append([]batch{tt.first}, tt.others...) {
			for range b.n {
				ms = append(ms, sig(len(ms), b.sig))
			}
		}
		r := Run(ms, nil, Options{})
		if got := r.ID(0) == r.ID(len(ms)-1); got != tt.joined {
			t.Errorf("%s: joined %v, want %v", tt.name, got, tt.joined)
		}
	}
}

// TestCausesKeepTranscriptsApart: two reports of one transcript are distinct
// causes by construction and never join.
func TestCausesKeepTranscriptsApart(t *testing.T) {
	var ms []Mention
	for range 5 {
		ms = append(ms, sig(len(ms), "kettle|lid|leaks"))
	}
	a, b := sig(len(ms), "kettle|lid|leaks"), sig(len(ms)+1, "kettle|base|is broken")
	b.TranscriptID = a.TranscriptID
	ms = append(ms, a, b)
	r := Run(ms, nil, Options{})
	if r.ID(0) == r.ID(len(ms)-1) {
		t.Errorf("a second report of a transcript in the cause of its first")
	}
}

// TestCausesFollowTheCustomersWords: a report naming no part joins the cause
// whose customers used its words, not the product's largest.
func TestCausesFollowTheCustomersWords(t *testing.T) {
	var ms []Mention
	add := func(n int, s string, terms ...string) {
		for range n {
			m := sig(len(ms), s)
			m.Terms = terms
			ms = append(ms, m)
		}
	}
	add(6, "torvald|charge port|overheats", "port", "charger", "car")
	add(5, "torvald|phone key|does not unlock", "app", "phone", "key", "car")
	add(1, "torvald||is broken", "app", "phone", "car")
	r := Run(ms, nil, Options{})
	if last := len(ms) - 1; r.ID(last) != r.ID(6) || r.ID(last) == r.ID(0) {
		t.Errorf("vague report in %s, want the phone key's %s (port: %s)", r.ID(last), r.ID(6), r.ID(0))
	}
}

// TestCausesSaidTogether: two classes that customers say of one fault, in
// half the smaller cause's transcripts or more (and a quarter of the
// larger's), are one cause; a near-miss pair that no customer says together
// stays two, and so do opposite faults.
func TestCausesSaidTogether(t *testing.T) {
	tests := []struct {
		name       string
		a          string
		aN         int
		b          string
		bN         int
		bothSaid   int // of b's reports, how many also said a's class
		wantJoined bool
	}{
		{"said together by half", "vac||drains quickly", 6, "vac||disconnects", 4, 2, true},
		{"said together once", "vac||drains quickly", 6, "vac||disconnects", 4, 1, false},
		{"never said together", "kettle|lid|cracks", 6, "kettle|lid|leaks", 4, 0, false},
		{"opposites said together", "turntable||runs fast", 6, "turntable||runs slow", 4, 4, false},
		{"a few of a large cause's customers", "kettle|base|smells of burning", 60, "kettle|lid|leaks", 12, 6, false},
	}
	for _, tt := range tests {
		var ms []Mention
		for range tt.aN {
			ms = append(ms, sig(len(ms), tt.a))
		}
		_, _, aClass := splitSignature(tt.a)
		for i := range tt.bN {
			m := sig(len(ms), tt.b)
			if i < tt.bothSaid {
				m.AlsoSaid = []string{aClass}
			}
			ms = append(ms, m)
		}
		r := Run(ms, nil, Options{})
		if got := r.ID(0) == r.ID(len(ms)-1); got != tt.wantJoined {
			t.Errorf("%s: joined %v, want %v", tt.name, got, tt.wantJoined)
		}
	}
}

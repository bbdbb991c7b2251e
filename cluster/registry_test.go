package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// ids returns each mention's cluster id, by mention id.
func idsByMention(r *Result) map[string]string { return r.Assignments() }

func shuffled(ms []Mention, seed uint64) []Mention {
	out := slices.Clone(ms)
	rng := rand.New(rand.NewPCG(seed, 7))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// withIDs names mentions by their position, so they keep their name when shuffled.
func withIDs(ms []Mention) []Mention {
	for i := range ms {
		ms[i].ID = ms[i].TranscriptID
	}
	return ms
}

func TestIDsIndependentOfOrder(t *testing.T) {
	ms, _ := Synthetic(5000, 40, 3)
	withIDs(ms)
	want := idsByMention(Run(ms, nil, Options{}))
	for seed := range uint64(3) {
		got := idsByMention(Run(shuffled(ms, seed), nil, Options{}))
		for id, c := range want {
			if got[id] != c {
				t.Fatalf("shuffle %d: mention %s in %s, want %s", seed, id, got[id], c)
			}
		}
	}
}

func TestIDsAcrossIncrementsAndRestarts(t *testing.T) {
	ms, _ := Synthetic(6000, 40, 5)
	withIDs(ms)
	ms = shuffled(ms, 1)
	scratch := idsByMention(Run(ms, nil, Options{}))

	reg := NewRegistry()
	first := idsByMention(Run(ms[:3000], reg, Options{}))
	b, err := reg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	reg, err = LoadRegistry(b) // a restart
	if err != nil {
		t.Fatal(err)
	}
	all := Run(ms, reg, Options{})
	got := idsByMention(all)
	for id, c := range first {
		if got[id] != c {
			t.Errorf("mention %s moved from %s to %s in the second increment", id, c, got[id])
		}
	}
	// Root causes whose founding signature was in the first half (all but the
	// smallest clusters here) have the ids clustering everything at once gives.
	for i := range ms {
		if c := all.Of(i); c.Mentions >= 10 && got[ms[i].ID] != scratch[ms[i].ID] {
			t.Errorf("mention %s (%s, %d mentions): %s, clustering all at once gives %s", ms[i].ID, c.Label, c.Mentions, got[ms[i].ID], scratch[ms[i].ID])
		}
	}

	// Running again on the same data with the saved registry changes nothing.
	b2, _ := reg.Bytes()
	reg2, err := LoadRegistry(b2)
	if err != nil {
		t.Fatal(err)
	}
	again := idsByMention(Run(shuffled(ms, 9), reg2, Options{}))
	for id, c := range got {
		if again[id] != c {
			t.Fatalf("rerun after restart: mention %s in %s, want %s", id, again[id], c)
		}
	}
	b3, _ := reg2.Bytes()
	if string(b2) != string(b3) {
		t.Error("registry bytes changed on an identical rerun")
	}
}

func TestMergeKeepsOlderID(t *testing.T) {
	at := func(d time.Duration, sigs ...string) []Mention {
		var ms []Mention
		for i, s := range sigs {
			m := sig(i, s)
			m.TranscriptID = fmt.Sprintf("t-%v-%d", d, i)
			m.At = t0.Add(d + time.Duration(i)*time.Minute)
			ms = append(ms, m)
		}
		return ms
	}
	reg := NewRegistry()
	// Seen apart first: an older, smaller cluster and a newer, larger one.
	older := at(0, "kettle|lid|leaks")
	newer := at(240*time.Hour, "kettle|lid seal|leaks", "kettle|lid seal|leaking", "kettle|seal|leaks")
	idOld := Run(older, reg, Options{}).ID(0)
	idNew := Run(newer, reg, Options{}).ID(0)
	if idOld == idNew {
		t.Fatalf("separate runs gave one id %s", idOld)
	}
	// Together, "lid seal leaks" founds the cluster and "lid leaks" joins it.
	r := Run(slices.Concat(newer, older), reg, Options{})
	for i := range 4 {
		if r.ID(i) != idOld {
			t.Errorf("mention %d: %s, want the older id %s", i, r.ID(i), idOld)
		}
	}
	if got := reg.Resolve(idNew); got != idOld {
		t.Errorf("Resolve(%s) = %s, want %s", idNew, got, idOld)
	}
	if c, ok := r.Lookup(idNew); !ok || c.ID != idOld {
		t.Errorf("Lookup(%s) did not find the cluster that absorbed it", idNew)
	}
	if _, ok := r.Lookup("dc-nothing"); ok {
		t.Error("Lookup of an unknown id succeeded")
	}
}

func TestMergeOfTwoRegisteredClusters(t *testing.T) {
	// Registered apart (via Assign, which founds a new id for each), then one
	// Run puts them together: the older id stays, the other resolves to it.
	reg := NewRegistry()
	older := sig(1, "earbuds|left earbud|drops connection")
	older.At = t0
	newer := sig(2, "earbuds|left earbud|disconnects")
	newer.At = t0.Add(48 * time.Hour)
	idOld, idNew := reg.Assign(older, Options{}), reg.Assign(newer, Options{})
	if idOld == idNew {
		t.Fatalf("Assign put different symptoms together: %s", idOld)
	}
	fold := Options{Fold: func(w string) string {
		if w == "disconnects" {
			return "drops connection"
		}
		return w
	}}
	ms := []Mention{newer, newer, newer, older}
	ms[1].TranscriptID, ms[2].TranscriptID = "t8", "t9"
	r := Run(ms, reg, fold)
	if r.ID(0) != idOld || r.ID(3) != idOld {
		t.Errorf("after the merge: %s and %s, want the older %s", r.ID(0), r.ID(3), idOld)
	}
	if got := reg.Resolve(idNew); got != idOld {
		t.Errorf("Resolve(%s) = %s, want %s", idNew, got, idOld)
	}
}

func TestIDsSurviveReanalysis(t *testing.T) {
	ms, _ := Synthetic(3000, 20, 11)
	reg := NewRegistry()
	before := Run(ms, reg, Options{})
	// New rules name every product differently: no signature is registered any
	// more, but the root causes are the same.
	after := Run(ms, reg, Options{Product: func(p string) string {
		if p == "" {
			return ""
		}
		return "line " + p
	}})
	for i := range ms {
		if before.ID(i) != after.ID(i) {
			t.Fatalf("mention %d: %s after re-analysis, was %s", i, after.ID(i), before.ID(i))
		}
	}
}

func TestAssign(t *testing.T) {
	ms := []Mention{sig(1, "earbuds|charging case|does not charge"), sig(2, "earbuds|charging case|won't charge"), sig(3, "kettle|lid|cracked")}
	reg := NewRegistry()
	r := Run(ms, reg, Options{})
	tests := []struct {
		in   string
		want string // "" for a new id
	}{
		{"earbuds|charging case|does not charge", r.ID(0)},
		{"earbuds|case|not charging", r.ID(0)},
		{"earbuds|charging case|stopped working", r.ID(0)},
		{"kettle|lid|has cracked", r.ID(2)},
		{"kettle|lid seal|leaks", ""},
	}
	for _, tt := range tests {
		got := reg.Assign(sig(9, tt.in), Options{})
		if tt.want == "" {
			if got == r.ID(0) || got == r.ID(2) || !strings.HasPrefix(got, "dc-") {
				t.Errorf("Assign(%q) = %s, want a new id", tt.in, got)
			}
			if again := reg.Assign(sig(10, tt.in), Options{}); again != got {
				t.Errorf("Assign(%q) again = %s, want %s", tt.in, again, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("Assign(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestLoadRegistryErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not json", `{`},
		{"unknown field", `{"version":1,"keys":{},"clusters":{},"extra":1}`},
		{"version", `{"version":2,"keys":{},"clusters":{}}`},
		{"dangling key", `{"version":1,"keys":{"a|b|c":"dc-000000"},"clusters":{}}`},
		{"dangling merge", `{"version":1,"keys":{},"clusters":{"dc-1":{"key":"a|b|c","first_seen":"2026-01-01T00:00:00Z","size":1,"merged_into":"dc-2"}}}`},
		{"no key", `{"version":1,"keys":{},"clusters":{"dc-1":{"key":"","first_seen":"2026-01-01T00:00:00Z","size":1}}}`},
	}
	for _, tt := range tests {
		if _, err := LoadRegistry([]byte(tt.in)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if _, err := LoadRegistry([]byte(`{"version":1,"keys":{},"clusters":{}}`)); err != nil {
		t.Errorf("empty registry: %v", err)
	}
}

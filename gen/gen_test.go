package gen

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/frictionhq/friction/transcript"
)

var update = flag.Bool("update", false, "rewrite the committed corpora in testdata/corpus")

var (
	cacheMu sync.Mutex
	cache   = map[Config]*Corpus{}
)

// corpus generates cfg once per test binary.
func corpus(t testing.TB, cfg Config) *Corpus {
	t.Helper()
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if c, ok := cache[cfg]; ok {
		return c
	}
	c, err := Generate(cfg)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", cfg, err)
	}
	cache[cfg] = c
	return c
}

func encode(t testing.TB, c *Corpus) (transcripts, labels []byte) {
	t.Helper()
	var tb, lb bytes.Buffer
	if err := c.WriteTranscripts(&tb); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteLabels(&lb); err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), lb.Bytes()
}

func small(seed uint64) Config {
	return Config{Seed: seed, N: 300, Start: DefaultStart, Weeks: DefaultWeeks}
}

func TestDeterministicPerSeed(t *testing.T) {
	for _, seed := range []uint64{1, 2, 424242} {
		a, err := Generate(small(seed))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Generate(small(seed))
		if err != nil {
			t.Fatal(err)
		}
		at, al := encode(t, a)
		bt, bl := encode(t, b)
		if !bytes.Equal(at, bt) || !bytes.Equal(al, bl) {
			t.Errorf("seed %d: two runs gave different output", seed)
		}
	}
	one, _ := encode(t, corpus(t, small(1)))
	two, _ := encode(t, corpus(t, small(2)))
	if bytes.Equal(one, two) {
		t.Error("seeds 1 and 2 gave the same corpus")
	}
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"good", small(1), true},
		{"no transcripts", Config{Seed: 1, N: 0, Start: DefaultStart, Weeks: 1}, false},
		{"no weeks", Config{Seed: 1, N: 5, Start: DefaultStart}, false},
		{"no start", Config{Seed: 1, N: 5, Weeks: 2}, false},
	} {
		if err := tc.cfg.Validate(); (err == nil) != tc.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestEveryTranscriptValidates(t *testing.T) {
	for _, cfg := range []Config{small(3), Eval.Config, {Seed: 9, N: 200, Start: DefaultStart, Weeks: 3}} {
		c := corpus(t, cfg)
		if len(c.Transcripts) != cfg.N || len(c.Labels) != cfg.N {
			t.Fatalf("seed %d: got %d transcripts and %d labels, want %d", cfg.Seed, len(c.Transcripts), len(c.Labels), cfg.N)
		}
		end := cfg.Start.AddDate(0, 0, 7*cfg.Weeks)
		ids := map[string]bool{}
		for i, tr := range c.Transcripts {
			if err := tr.Validate(); err != nil {
				t.Errorf("seed %d: %v", cfg.Seed, err)
			}
			if ids[tr.ID] {
				t.Errorf("duplicate id %s", tr.ID)
			}
			ids[tr.ID] = true
			if c.Labels[i].ID != tr.ID {
				t.Errorf("label %d is for %s, transcript is %s", i, c.Labels[i].ID, tr.ID)
			}
			if tr.StartedAt.Before(cfg.Start) || !tr.StartedAt.Before(end) || tr.StartedAt.Location() != time.UTC {
				t.Errorf("%s: started_at %v outside [%v, %v) or not UTC", tr.ID, tr.StartedAt, cfg.Start, end)
			}
		}
	}
}

// TestStrictRoundTrip decodes the JSONL the way ingest does: unknown fields are errors.
func TestStrictRoundTrip(t *testing.T) {
	c := corpus(t, small(4))
	ts, ls := encode(t, c)
	for i, line := range bytes.Split(bytes.TrimSpace(ts), []byte("\n")) {
		var tr transcript.Transcript
		if err := decodeStrict(line, &tr); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		again, _ := json.Marshal(&tr)
		want, _ := json.Marshal(&c.Transcripts[i])
		if !bytes.Equal(again, want) {
			t.Fatalf("line %d does not round-trip", i+1)
		}
	}
	got, err := ReadLabels(bytes.NewReader(ls))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(c.Labels) {
		t.Fatalf("ReadLabels: got %d labels, want %d", len(got), len(c.Labels))
	}
	for i := range got {
		a, _ := json.Marshal(got[i])
		b, _ := json.Marshal(c.Labels[i])
		if !bytes.Equal(a, b) {
			t.Fatalf("label %d: got %s, want %s", i, a, b)
		}
	}
	if _, err := ReadLabels(strings.NewReader(`{"id":"x","channel":"call","defects":[],"cluster":"k"}`)); err == nil {
		t.Error("ReadLabels accepted an unknown field")
	}
}

// labelOnly lists strings that exist only in labels. If one shows up in a transcript,
// an analyser could read the answer off the input.
func labelOnly() []string {
	out := clusterTokens()
	out = append(out, StatedByAgent, FrictionWebsiteApp,
		DecoyNegation, DecoyHypothetical, DecoyAgentQuestion, DecoyFixedPast, DecoyOtherProductOK, DecoyHowTo)
	return out
}

var allowedMetadata = []string{"sku", "order_id", "case_ref", "entry_point", "source", "transfers"}

func TestLabelsNeverLeak(t *testing.T) {
	for _, cfg := range []Config{Demo.Config, Eval.Config} {
		c := corpus(t, cfg)
		tokens := labelOnly()
		for _, tr := range c.Transcripts {
			b, err := json.Marshal(tr)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ToLower(string(b))
			for _, tok := range tokens {
				if strings.Contains(text, strings.ToLower(tok)) {
					t.Errorf("%s contains the label-only string %q", tr.ID, tok)
				}
			}
			for k := range tr.Metadata {
				if !slices.Contains(allowedMetadata, k) {
					t.Errorf("%s: metadata key %q is not one a contact-centre system would send", tr.ID, k)
				}
			}
		}
	}
}

// cardLike matches 13 or more digits in a row, allowing spaces or dashes between
// them: what a card-number redactor looks for.
var cardLike = regexp.MustCompile(`\d(?:[ -]?\d){12,}`)

func TestNothingLooksLikeACardNumber(t *testing.T) {
	c := corpus(t, Eval.Config)
	for _, tr := range c.Transcripts {
		b, _ := json.Marshal(tr)
		if m := cardLike.Find(b); m != nil {
			t.Errorf("%s contains %q, which looks like a card number", tr.ID, m)
		}
	}
}

func TestLabelsConsistent(t *testing.T) {
	valid := func(field, v string, set ...string) {
		t.Helper()
		if !slices.Contains(set, v) {
			t.Errorf("%s %q is not one of %v", field, v, set)
		}
	}
	c := corpus(t, Eval.Config)
	byCluster := map[string]ClusterInfo{}
	for _, ci := range Clusters() {
		byCluster[ci.Key] = ci
	}
	for i, l := range c.Labels {
		tr := &c.Transcripts[i]
		valid("channel", l.Channel, "call", "chat", "email", "survey")
		valid("resolution", l.Resolution, "", ResolutionRefund, ResolutionReplacement, ResolutionRepair, ResolutionWorkaround, ResolutionEscalated, ResolutionUnresolved, ResolutionInfo)
		valid("driver", l.Driver, "", DriverAgent, DriverResolution, DriverProduct, DriverProcess, DriverNone)
		for _, f := range l.Frictions {
			valid("friction", f, FrictionShipping, FrictionBilling, FrictionAccount, FrictionWebsiteApp, FrictionPolicy, FrictionEffort)
		}
		for _, d := range l.Decoys {
			valid("decoy", d, DecoyNegation, DecoyHypothetical, DecoyAgentQuestion, DecoyFixedPast, DecoyOtherProductOK, DecoyHowTo)
		}
		for _, p := range l.Praise {
			valid("praise", p, PraiseAgent, PraiseProduct, PraiseCompany, PraiseProcess)
		}
		safety := false
		for _, d := range l.Defects {
			ci, ok := byCluster[d.Cluster]
			if !ok {
				t.Errorf("%s: unknown cluster %q", l.ID, d.Cluster)
			}
			if d.Product != ci.Product || d.Component != ci.Component || d.Symptom != ci.Symptom || d.Safety != ci.Safety {
				t.Errorf("%s: defect %+v does not match its cluster %+v", l.ID, d, ci)
			}
			valid("stated_by", d.StatedBy, StatedByCustomer, StatedByAgent)
			safety = safety || d.Safety
		}
		if l.Safety != safety {
			t.Errorf("%s: safety %v, want %v", l.ID, l.Safety, safety)
		}
		if want := tr.Survey != nil && len(l.Defects) > 0 && positive(tr.Survey); l.Masked != want {
			t.Errorf("%s: masked %v, want %v", l.ID, l.Masked, want)
		}
		if (tr.Survey == nil) != (l.Driver == "") {
			t.Errorf("%s: driver %q with survey %v", l.ID, l.Driver, tr.Survey)
		}
		if l.AgentPraise != slices.Contains(l.Praise, PraiseAgent) {
			t.Errorf("%s: agent_praise %v but praise %v", l.ID, l.AgentPraise, l.Praise)
		}
		if l.Channel != "survey" && l.Resolution == "" {
			t.Errorf("%s: a conversation with no resolution", l.ID)
		}
		if l.Channel == "survey" && (len(tr.Turns) != 1 || tr.Turns[0].Speaker != transcript.Customer) {
			t.Errorf("%s: a survey must be one customer turn", l.ID)
		}
	}
}

// TestCommittedCorpora fails when the files in testdata/corpus are not what the
// generator makes today. Run with -update to rewrite them.
func TestCommittedCorpora(t *testing.T) {
	for _, p := range Presets() {
		ts, ls := encode(t, corpus(t, p.Config))
		for _, f := range []struct {
			path string
			want []byte
		}{{p.TranscriptsPath(), ts}, {p.LabelsPath(), ls}} {
			path := filepath.Join("..", f.path)
			if *update {
				if err := os.WriteFile(path, f.want, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (regenerate with: go test ./gen -run TestCommittedCorpora -update)", err)
			}
			if !bytes.Equal(got, f.want) {
				t.Errorf("%s is stale: regenerate it with the commands in gen/doc.go", f.path)
			}
		}
	}
}

func TestCommittedCorporaSize(t *testing.T) {
	total := int64(0)
	for _, p := range Presets() {
		for _, f := range []string{p.TranscriptsPath(), p.LabelsPath()} {
			st, err := os.Stat(filepath.Join("..", f))
			if err != nil {
				t.Skip(err)
			}
			total += st.Size()
		}
	}
	if total > 3_200_000 {
		t.Errorf("committed corpora total %d bytes, keep them under about 3 MB", total)
	}
}

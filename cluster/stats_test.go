package cluster

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func score(x float64) *float64 { return &x }

func statsFixture() []Mention {
	cc := "earbuds|charging case|does not charge"
	m := func(id, at, channel, customer string, masked bool, s *float64, signature string, ev string) Mention {
		mm := sig(0, signature)
		mm.TranscriptID, mm.At, mm.Channel, mm.CustomerID, mm.Masked, mm.Score = id, date(at), channel, customer, masked, s
		mm.Evidence = []Evidence{{Turn: 1, Start: 0, End: len([]rune(ev)), Text: ev, Rule: "defect.fails"}}
		return mm
	}
	base := m("t7", "2026-03-05T12:00:00Z", "call", "c6", false, nil, "kettle|power base|overheats", "the base gets really hot")
	base.Safety = []string{"overheating", "burning"}
	return []Mention{
		m("t1", "2026-02-20T10:00:00Z", "chat", "c1", false, nil, cc, "case won't charge"),
		m("t2", "2026-03-02T09:00:00Z", "call", "c2", true, score(1), cc, "the case doesn't charge"),
		m("t3", "2026-03-04T10:00:00Z", "chat", "c3", false, score(0.5), cc, "no light on the case"),
		m("t3", "2026-03-04T10:00:00Z", "chat", "c3", false, score(0.5), "earbuds|case|not charging", "it's not charging"),
		m("t4", "2026-03-10T10:00:00Z", "email", "c2", true, score(0.75), cc, "case still won't charge"),
		m("t5", "2026-03-15T23:59:00Z", "chat", "c4", false, nil, cc, "charging case is dead"),
		m("t6", "2026-03-16T00:00:00Z", "chat", "c5", false, nil, cc, "case not charging"),
		base,
	}
}

func TestStats(t *testing.T) {
	ms := statsFixture()
	r := Run(ms, nil, Options{})
	w := Window{Start: date("2026-03-02T00:00:00Z"), End: date("2026-03-16T00:00:00Z")}
	all := r.Stats(w, StatsOptions{})
	if len(all) != 2 {
		t.Fatalf("got %d clusters, want 2", len(all))
	}
	s := all[0]
	avg := 0.75
	want := Stats{
		ID: r.ID(1), Label: "earbuds · charging case does not charge", Product: "earbuds",
		Component: "charging case", Symptom: "does not charge",
		Terms:       []string{"charging case", "does not charge", "case", "not charging"},
		Transcripts: 4, Customers: 3,
		FirstSeen: date("2026-03-02T09:00:00Z"), LastSeen: date("2026-03-15T23:59:00Z"),
		Weekly:   []WeeklyCount{{date("2026-03-02T00:00:00Z"), 2}, {date("2026-03-09T00:00:00Z"), 2}},
		Previous: 1, Growth: 3,
		Emerging:    Emerging{Test: PoissonTest, PValue: 6.0 / 32},
		Channels:    []ChannelCount{{"chat", 2}, {"call", 1}, {"email", 1}},
		MaskedShare: 0.5, AverageScore: &avg,
		Affected: Affected{Customers: 90, SilentRatio: 30, Assumption: "Assumes 30 customers have this defect for every " +
			"customer who contacted us about it (the industry's silent-customer ratio; set in config): 3 customers in contact × 30."},
		Examples: []Example{
			{TranscriptID: "t4", Channel: "email", At: date("2026-03-10T10:00:00Z"), Masked: true, Score: ms[4].Score, Evidence: ms[4].Evidence},
			{TranscriptID: "t2", Channel: "call", At: date("2026-03-02T09:00:00Z"), Masked: true, Score: ms[1].Score, Evidence: ms[1].Evidence},
			{TranscriptID: "t5", Channel: "chat", At: date("2026-03-15T23:59:00Z"), Evidence: ms[5].Evidence},
			{TranscriptID: "t3", Channel: "chat", At: date("2026-03-04T10:00:00Z"), Score: ms[2].Score,
				Evidence: []Evidence{ms[3].Evidence[0], ms[2].Evidence[0]}},
		},
	}
	if math.Abs(s.Emerging.PValue-want.Emerging.PValue) < 1e-12 {
		s.Emerging.PValue = want.Emerging.PValue
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got  %+v\nwant %+v", s, want)
	}

	k := all[1]
	if !k.Safety || !reflect.DeepEqual(k.SafetyKinds, []string{"burning", "overheating"}) || k.Transcripts != 1 || k.Growth != 1 {
		t.Errorf("safety cluster: %+v", k)
	}

	// One cluster with nothing in the window still has its stats.
	s2, ok := r.StatsOf(k.ID, Window{Start: date("2026-04-06T00:00:00Z"), End: date("2026-04-13T00:00:00Z")}, StatsOptions{SilentRatio: 10, Examples: -1})
	if !ok || s2.Transcripts != 0 || s2.Affected.SilentRatio != 10 || len(s2.Weekly) != 1 || s2.Weekly[0].Count != 0 || s2.Examples != nil {
		t.Errorf("StatsOf empty window: %+v, %v", s2, ok)
	}
	if !strings.Contains(s2.Affected.Assumption, "Assumes 10 customers") {
		t.Errorf("assumption %q does not state the ratio", s2.Affected.Assumption)
	}
	if _, ok := r.StatsOf("dc-none", w, StatsOptions{}); ok {
		t.Error("StatsOf unknown id succeeded")
	}

	// An open window: everything, weeks from first to last seen, no growth test.
	open := r.Stats(Window{}, StatsOptions{})
	if o := open[0]; o.Transcripts != 6 || len(o.Weekly) != 5 || o.Emerging.Test != "" || o.Previous != 0 || o.Growth != 0 {
		t.Errorf("open window: %d transcripts, %d weeks, test %q, previous %d", o.Transcripts, len(o.Weekly), o.Emerging.Test, o.Previous)
	}
}

func TestEmerging(t *testing.T) {
	var ms []Mention
	add := func(n int, from string) {
		for i := range n {
			m := sig(len(ms), "thermostat|touchscreen|unresponsive to touch")
			m.At = date(from).Add(time.Duration(i) * time.Hour)
			ms = append(ms, m)
		}
	}
	add(2, "2026-03-02T00:00:00Z")
	add(10, "2026-03-09T00:00:00Z")
	r := Run(ms, nil, Options{})
	s := r.Stats(Window{Start: date("2026-03-09T00:00:00Z"), End: date("2026-03-16T00:00:00Z")}, StatsOptions{})[0]
	// P(X >= 10 | X ~ Binomial(12, 1/2)) = (66 + 12 + 1) / 4096.
	if want := 79.0 / 4096; math.Abs(s.Emerging.PValue-want) > 1e-12 || !s.Emerging.Emerging || s.Growth != 4 {
		t.Errorf("emerging %+v, growth %v; want p %v, emerging, growth 4", s.Emerging, s.Growth, want)
	}
	s = r.Stats(Window{Start: date("2026-03-09T00:00:00Z"), End: date("2026-03-16T00:00:00Z")}, StatsOptions{Alpha: 0.01})[0]
	if s.Emerging.Emerging {
		t.Errorf("emerging at alpha 0.01 with p %v", s.Emerging.PValue)
	}
}

func TestBinomialUpperTail(t *testing.T) {
	exact := func(k, n int64) float64 {
		var sum float64
		for i := k; i <= n; i++ {
			lc, _ := math.Lgamma(float64(n + 1))
			la, _ := math.Lgamma(float64(i + 1))
			lb, _ := math.Lgamma(float64(n - i + 1))
			sum += math.Exp(lc - la - lb - float64(n)*math.Ln2)
		}
		return sum
	}
	for _, tt := range []struct{ k, n int64 }{{0, 0}, {0, 5}, {1, 1}, {3, 5}, {5, 5}, {6, 5}, {10, 12}, {30, 40}, {55, 100}, {700, 1300}} {
		want := 0.0
		if tt.k <= tt.n {
			want = exact(tt.k, tt.n)
		}
		if tt.k <= 0 {
			want = 1
		}
		if got := BinomialUpperTail(tt.k, tt.n, 0.5); math.Abs(got-want) > 1e-9 {
			t.Errorf("BinomialUpperTail(%d, %d) = %v, want %v", tt.k, tt.n, got, want)
		}
	}
}

func TestWeekStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z"},
		{"2026-03-08T23:59:59Z", "2026-03-02T00:00:00Z"},
		{"2026-03-09T01:00:00+02:00", "2026-03-02T00:00:00Z"},
		{"2026-03-04T12:00:00Z", "2026-03-02T00:00:00Z"},
		{"2027-01-01T00:00:00Z", "2026-12-28T00:00:00Z"},
	}
	for _, tt := range tests {
		if got := WeekStart(date(tt.in)); !got.Equal(date(tt.want)) {
			t.Errorf("WeekStart(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSortAndPage(t *testing.T) {
	s := []Stats{
		{ID: "a", Transcripts: 10, Growth: 0.1, MaskedShare: 0.5},
		{ID: "b", Transcripts: 30, Growth: -0.5, MaskedShare: 0.1},
		{ID: "c", Transcripts: 20, Growth: 2, MaskedShare: 0.5},
		{ID: "d", Transcripts: 20, Growth: 0.1, MaskedShare: 0.9},
		{ID: "e", Transcripts: 5, Growth: 2, MaskedShare: 0},
	}
	order := func() string {
		var b strings.Builder
		for _, x := range s {
			b.WriteString(x.ID)
		}
		return b.String()
	}
	for _, tt := range []struct {
		by   Sort
		want string
	}{{BySize, "bcdae"}, {ByGrowth, "cedab"}, {ByMaskedShare, "dcabe"}} {
		SortStats(s, tt.by)
		if got := order(); got != tt.want {
			t.Errorf("sort %d: %s, want %s", tt.by, got, tt.want)
		}
	}
	SortStats(s, BySize)
	var got []string
	token := ""
	for range 5 {
		page, next, err := Page(s, 2, token)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range page {
			got = append(got, x.ID)
		}
		if token = next; token == "" {
			break
		}
	}
	if strings.Join(got, "") != "bcdae" {
		t.Errorf("pages gave %v", got)
	}
	for _, bad := range []string{"!!", "bzoxMA", "o:9"} {
		if _, _, err := Page(s, 2, bad); err != ErrPageToken {
			t.Errorf("Page(%q): %v, want ErrPageToken", bad, err)
		}
	}
}

package cluster

import (
	"cmp"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Window is the time range [Start, End). A zero Start or End leaves that side open.
type Window struct {
	Start, End time.Time
}

// Contains reports whether t falls in the window.
func (w Window) Contains(t time.Time) bool {
	return (w.Start.IsZero() || !t.Before(w.Start)) && (w.End.IsZero() || t.Before(w.End))
}

// Previous returns the window of the same length just before w; it is empty (zero)
// when w is open on either side.
func (w Window) Previous() Window {
	if w.Start.IsZero() || w.End.IsZero() {
		return Window{}
	}
	return Window{Start: w.Start.Add(-w.End.Sub(w.Start)), End: w.Start}
}

// DefaultSilentRatio is the industry's figure: for every customer who contacts a
// company about a problem, about 30 others have it and say nothing.
const DefaultSilentRatio = 30

// StatsOptions tune Stats. The zero value uses the defaults.
type StatsOptions struct {
	// SilentRatio is the number of silent customers assumed per customer who made
	// contact; 0 means DefaultSilentRatio.
	SilentRatio float64
	// Examples is the number of example mentions per cluster; 0 means 5, negative none.
	Examples int
	// Alpha is the significance level for Emerging; 0 means 0.05.
	Alpha float64
	// MinEmerging is the fewest transcripts in the window for a cluster to be
	// called emerging; 0 means 5.
	MinEmerging int
}

func (o StatsOptions) withDefaults() StatsOptions {
	if o.SilentRatio <= 0 {
		o.SilentRatio = DefaultSilentRatio
	}
	if o.Examples == 0 {
		o.Examples = 5
	}
	if o.Alpha <= 0 {
		o.Alpha = 0.05
	}
	if o.MinEmerging <= 0 {
		o.MinEmerging = 5
	}
	return o
}

// Stats describe one cluster in a window. Field for field they feed the API's
// DefectCluster, and Emerging feeds EmergingCluster.
type Stats struct {
	ID        string
	Label     string
	Product   string
	Component string
	Symptom   string
	Terms     []string
	// Transcripts and Customers count distinct transcripts and customers in the
	// window; a transcript with no customer id counts as a customer of its own.
	Transcripts int64
	Customers   int64
	// FirstSeen and LastSeen are the cluster's first and last mention in the window.
	FirstSeen, LastSeen time.Time
	// Weekly counts transcripts per week (Monday 00:00 UTC), every week of the
	// window, zeros included.
	Weekly []WeeklyCount
	// Previous counts transcripts in the window of the same length before this one,
	// and Growth is (Transcripts-Previous)/max(Previous,1): 0.5 is +50%, and growth
	// from nothing is the count itself. Both are 0 for a window open on either side.
	Previous int64
	Growth   float64
	Emerging Emerging
	Channels []ChannelCount
	// MaskedShare is the share of its transcripts whose positive survey hides the defect.
	MaskedShare float64
	// AverageScore is the mean normalised survey score of its surveyed transcripts.
	AverageScore *float64
	Affected     Affected
	Safety       bool
	SafetyKinds  []string
	Examples     []Example
}

// WeeklyCount is the number of transcripts in the week starting WeekStart.
type WeeklyCount struct {
	WeekStart time.Time
	Count     int64
}

// ChannelCount is the number of transcripts from one channel.
type ChannelCount struct {
	Channel string
	Count   int64
}

// Affected estimates the customers who have the defect, contacts or not.
type Affected struct {
	Customers   int64
	SilentRatio float64
	// Assumption states the estimate in words; always show it with the number.
	Assumption string
}

// Emerging is the test of whether a cluster grew significantly against the
// previous window.
type Emerging struct {
	// Emerging is set when the window has at least MinEmerging transcripts and
	// PValue is below Alpha.
	Emerging bool
	// Test names the test used.
	Test   string
	PValue float64
}

// Example is one mention shown as evidence for a cluster.
type Example struct {
	TranscriptID string
	Channel      string
	At           time.Time
	Masked       bool
	Score        *float64
	Evidence     []Evidence
}

// PoissonTest names the emerging test: under "the rate did not change", the
// count in the current window given the total of both windows is Binomial(n, 1/2);
// the p-value is the chance of a count at least this large.
const PoissonTest = "exact Poisson rate test (conditional binomial, one-sided)"

// Stats returns the statistics of every cluster with at least one transcript in w,
// largest first.
func (r *Result) Stats(w Window, o StatsOptions) []Stats {
	o = o.withDefaults()
	var out []Stats
	for _, c := range r.Clusters {
		if s := r.stats(c, w, o); s.Transcripts > 0 {
			out = append(out, s)
		}
	}
	SortStats(out, BySize)
	return out
}

// StatsOf returns the statistics of one cluster (an id merged away resolves to the
// cluster that absorbed it), even when it has nothing in w.
func (r *Result) StatsOf(id string, w Window, o StatsOptions) (Stats, bool) {
	c, ok := r.Lookup(id)
	if !ok {
		return Stats{}, false
	}
	return r.stats(c, w, o.withDefaults()), true
}

func (r *Result) stats(c *Cluster, w Window, o StatsOptions) Stats {
	s := Stats{
		ID: c.ID, Label: c.Label, Product: c.Product, Component: c.Component, Symptom: c.Symptom,
		Terms: c.Terms, Safety: len(c.Safety) > 0, SafetyKinds: c.Safety,
	}
	// Members are ordered by time, so the window is a contiguous run.
	lo, hi := 0, len(c.members)
	if !w.Start.IsZero() {
		lo = r.searchAt(c.members, w.Start)
	}
	if !w.End.IsZero() {
		hi = r.searchAt(c.members, w.End)
	}
	if p := w.Previous(); !p.Start.IsZero() {
		s.Previous = r.countTranscripts(c.members[r.searchAt(c.members, p.Start):lo])
	}
	in := c.members[lo:hi]
	seenT := make(map[string]struct{}, len(in))
	seenC := make(map[string]struct{}, len(in))
	channels := map[string]int64{}
	weeks := map[time.Time]int64{}
	var masked, surveyed int64
	var scoreSum float64
	for _, mi := range in {
		m := &r.ms[mi]
		if _, dup := seenT[m.TranscriptID]; dup && m.TranscriptID != "" {
			continue
		}
		seenT[m.TranscriptID] = struct{}{}
		s.Transcripts++
		if m.CustomerID == "" {
			s.Customers++
		} else if _, dup := seenC[m.CustomerID]; !dup {
			seenC[m.CustomerID] = struct{}{}
			s.Customers++
		}
		if s.FirstSeen.IsZero() {
			s.FirstSeen = m.At
		}
		s.LastSeen = m.At
		channels[m.Channel]++
		weeks[WeekStart(m.At)]++
		if m.Masked {
			masked++
		}
		if m.Score != nil {
			surveyed++
			scoreSum += *m.Score
		}
	}
	if s.Transcripts > 0 {
		s.MaskedShare = float64(masked) / float64(s.Transcripts)
	}
	if surveyed > 0 {
		avg := scoreSum / float64(surveyed)
		s.AverageScore = &avg
	}
	for ch, n := range channels {
		s.Channels = append(s.Channels, ChannelCount{Channel: ch, Count: n})
	}
	slices.SortFunc(s.Channels, func(a, b ChannelCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Channel, b.Channel))
	})
	s.Weekly = weekly(weeks, w, s.FirstSeen, s.LastSeen)
	if !w.Previous().Start.IsZero() {
		s.Growth = float64(s.Transcripts-s.Previous) / float64(max(s.Previous, 1))
		p := BinomialUpperTail(s.Transcripts, s.Transcripts+s.Previous, 0.5)
		s.Emerging = Emerging{
			Test: PoissonTest, PValue: p,
			Emerging: s.Transcripts >= int64(o.MinEmerging) && s.Transcripts > s.Previous && p < o.Alpha,
		}
	}
	s.Affected = Affected{
		Customers:   int64(math.Round(float64(s.Customers) * o.SilentRatio)),
		SilentRatio: o.SilentRatio,
		Assumption: fmt.Sprintf("Assumes %s customers have this defect for every customer who contacted us about it "+
			"(the industry's silent-customer ratio; set in config): %d customers in contact × %s.",
			ratio(o.SilentRatio), s.Customers, ratio(o.SilentRatio)),
	}
	s.Examples = r.examples(in, o.Examples)
	return s
}

func ratio(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// searchAt returns the first position in members at or after t.
func (r *Result) searchAt(members []int32, t time.Time) int {
	i, _ := slices.BinarySearchFunc(members, t, func(mi int32, t time.Time) int {
		if r.ms[mi].At.Before(t) {
			return -1
		}
		return 1
	})
	return i
}

func (r *Result) countTranscripts(members []int32) int64 {
	seen := make(map[string]struct{}, len(members))
	var n int64
	for _, mi := range members {
		id := r.ms[mi].TranscriptID
		if _, dup := seen[id]; dup && id != "" {
			continue
		}
		seen[id] = struct{}{}
		n++
	}
	return n
}

// WeekStart returns Monday 00:00 UTC of the week holding t.
func WeekStart(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// weekly lists every week of the window (or of first..last seen where it is open).
func weekly(counts map[time.Time]int64, w Window, first, last time.Time) []WeeklyCount {
	from, to := w.Start, w.End
	if from.IsZero() {
		from = first
	}
	if to.IsZero() {
		to = last.Add(time.Nanosecond)
	}
	if from.IsZero() || !from.Before(to) {
		return nil
	}
	var out []WeeklyCount
	for wk := WeekStart(from); wk.Before(to); wk = wk.AddDate(0, 0, 7) {
		out = append(out, WeeklyCount{WeekStart: wk, Count: counts[wk]})
	}
	return out
}

// examples picks up to n transcripts, masked ones first, then the most recent,
// each with the evidence of all its mentions in the cluster. in is ordered by time.
func (r *Result) examples(in []int32, n int) []Example {
	if n <= 0 {
		return nil
	}
	var out []Example
	at := map[string]int{}
	for _, masked := range []bool{true, false} {
		for i := len(in) - 1; i >= 0; i-- {
			m := &r.ms[in[i]]
			if m.Masked != masked {
				continue
			}
			if j, ok := at[m.TranscriptID]; ok {
				out[j].Evidence = append(out[j].Evidence, m.Evidence...)
				continue
			}
			if len(out) == n {
				continue
			}
			at[m.TranscriptID] = len(out)
			out = append(out, Example{TranscriptID: m.TranscriptID, Channel: m.Channel, At: m.At,
				Masked: m.Masked, Score: m.Score, Evidence: slices.Clip(m.Evidence)})
		}
	}
	return out
}

// Sort orders cluster statistics.
type Sort int

// The orders: each descending, ties by transcripts, then id.
const (
	BySize Sort = iota
	ByGrowth
	ByMaskedShare
)

// SortStats sorts s in place.
func SortStats(s []Stats, by Sort) {
	slices.SortStableFunc(s, func(a, b Stats) int {
		var c int
		switch by {
		case ByGrowth:
			c = cmp.Compare(b.Growth, a.Growth)
		case ByMaskedShare:
			c = cmp.Compare(b.MaskedShare, a.MaskedShare)
		}
		return cmp.Or(c, cmp.Compare(b.Transcripts, a.Transcripts), strings.Compare(a.ID, b.ID))
	})
}

// ErrPageToken is returned for a page token Page did not make.
var ErrPageToken = errors.New("cluster: invalid page token")

// Page returns the page of s that token starts (the first page for ""), at most
// size items (0 means 50), and the token of the next page ("" at the end).
func Page(s []Stats, size int, token string) ([]Stats, string, error) {
	if size <= 0 {
		size = 50
	}
	off := 0
	if token != "" {
		b, err := base64.RawURLEncoding.DecodeString(token)
		if err != nil || !strings.HasPrefix(string(b), "o:") {
			return nil, "", ErrPageToken
		}
		off, err = strconv.Atoi(string(b[2:]))
		if err != nil || off < 0 || off > len(s) {
			return nil, "", ErrPageToken
		}
	}
	end := min(off+size, len(s))
	next := ""
	if end < len(s) {
		next = base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(end)))
	}
	return s[off:end], next, nil
}

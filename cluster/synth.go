package cluster

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"time"
)

// Synthetic mentions for benchmarks and tests: root causes drawn from product,
// component and symptom vocabularies, reported with paraphrase noise (word forms,
// negation forms, durations, a dropped modifier, a missing component or product, a
// vague symptom), so that the same root cause arrives under many signatures.

var synthProducts = strings.Fields(`kettle earbuds vacuum thermostat router blender toaster speaker
camera drone scooter watch tablet printer monitor keyboard mouse lamp fan heater fridge oven
microwave dishwasher washer dryer doorbell lock projector console controller charger headset phone
laptop treadmill bike grill shaver toothbrush`)

var synthComponents = strings.Fields(`battery lid seal case screen button hinge strap motor filter cable
plug port speaker microphone sensor handle wheel brush base door light knob belt pump valve blade
app tray dial`)

var synthModifiers = strings.Fields(`left right charging power front back main side top rubber glass inner`)

// synthSymptoms are paraphrase sets: the forms of one symptom.
var synthSymptoms = [][]string{
	{"does not charge", "won't charge", "not charging", "stopped charging", "doesn't charge anymore"},
	{"cracks", "cracked", "has cracked", "is cracking"},
	{"leaks", "leaking", "leaks water", "started leaking"},
	{"drains quickly", "drains fast", "drains overnight", "draining"},
	{"overheats", "overheating", "gets overheated"},
	{"goes blank", "blank", "went blank"},
	{"drops connection", "dropping connection", "keeps dropping the connection"},
	{"stops spinning", "won't spin", "not spinning"},
	{"won't turn on", "doesn't turn on", "not turning on"},
	{"turns off", "keeps turning off", "turning off"},
	{"rattles", "rattling", "makes a rattling noise"},
	{"squeaks", "squeaking", "squeaked"},
	{"won't pair", "not pairing", "fails to pair"},
	{"crashes on launch", "crashing on launch", "crashes"},
	{"peels", "peeling", "is peeling off"},
	{"smells burning", "burning smell", "smells like burning"},
	{"is loose", "loose", "feels loose"},
	{"sticks", "sticking", "gets stuck"},
	{"flickers", "flickering", "keeps flickering"},
	{"won't lock", "doesn't lock", "not locking"},
	{"is noisy", "too noisy", "very noisy"},
	{"freezes", "keeps freezing", "froze"},
	{"won't connect", "can't connect", "not connecting"},
	{"shows an error", "shows error code", "showing an error"},
	{"is bent", "bent", "got bent"},
	{"fogs up", "fogging up", "fogged up"},
}

var synthVague = []string{"stopped working", "not working properly", "is broken", "is faulty"}

var synthDurations = []string{"after %d minutes", "within %d hours", "after %d days", "completely", "again", "every time", "randomly"}

type synthCause struct {
	key            string
	product        string
	modifier, noun string
	symptom        int
	weight         float64
	emerging       bool
	safety         []string
	pool           []synthVariant
}

type synthVariant struct {
	component, symptom, signature string
	evidence                      []Evidence
}

// Synthetic returns n mentions from causes root causes (a few hundred makes a
// realistic corpus), seeded, with the root-cause key of each mention. Root causes
// of one product never match each other under the similarity rule, so the truth
// is recoverable; near-misses (same component, other symptom; same symptom, other
// component) are common.
func Synthetic(n, causes int, seed uint64) ([]Mention, []string) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	cs := synthCauses(rng, causes)
	var total float64
	cum := make([]float64, len(cs))
	for i, c := range cs {
		total += c.weight
		cum[i] = total
	}
	customers := make([]string, max(n/2, 1))
	for i := range customers {
		customers[i] = fmt.Sprintf("c-%06d", i)
	}
	channels := []string{"call", "chat", "email", "survey"}
	scores := []float64{0, 0.25, 0.5, 0.75, 1}
	base := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC) // a Monday
	span := 26 * 7 * 24 * time.Hour
	ms := make([]Mention, n)
	truth := make([]string, n)
	for i := range ms {
		u := rng.Float64() * total
		ci := 0
		for lo, hi := 0, len(cum)-1; lo <= hi; {
			mid := (lo + hi) / 2
			if cum[mid] < u {
				lo = mid + 1
			} else {
				ci, hi = mid, mid-1
			}
		}
		c := cs[ci]
		v := &c.pool[rng.IntN(len(c.pool))]
		x := rng.Float64()
		if c.emerging {
			x = math.Sqrt(x)
		}
		m := Mention{
			TranscriptID: "t-" + itoa(i),
			CustomerID:   customers[rng.IntN(len(customers))],
			At:           base.Add(time.Duration(x * float64(span))).Truncate(time.Minute),
			Channel:      channels[rng.IntN(len(channels))],
			Product:      c.product,
			Component:    v.component,
			Symptom:      v.symptom,
			Signature:    v.signature,
			Safety:       c.safety,
			Evidence:     v.evidence,
		}
		if rng.IntN(100) < 3 {
			m.Product = ""
		}
		if rng.IntN(100) < 70 {
			s := &scores[rng.IntN(len(scores))]
			m.Score = s
			m.Masked = *s >= 0.75
		}
		ms[i], truth[i] = m, c.key
	}
	return ms, truth
}

func synthCauses(rng *rand.Rand, n int) []*synthCause {
	var out []*synthCause
	perProduct := map[string][]*features{}
	o := &Options{}
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		p := synthProducts[len(out)%len(synthProducts)]
		c := &synthCause{product: p, noun: synthComponents[rng.IntN(len(synthComponents))], symptom: rng.IntN(len(synthSymptoms))}
		if rng.IntN(2) == 0 {
			c.modifier = synthModifiers[rng.IntN(len(synthModifiers))]
		}
		// Support 1 each: the structural rule alone decides what may coexist, so
		// the same symptom on two parts of one product does occur.
		f := newFeatures(p, c.component(), synthSymptoms[c.symptom][0], "", o)
		f.support = 1
		ok := true
		for _, g := range perProduct[p] {
			// Keep causes apart even when a mention drops the modifier.
			bare := newFeatures(p, c.noun, synthSymptoms[c.symptom][0], "", o)
			bare.support = 1
			if match(f, g, 2) != noMatch || match(g, f, 2) != noMatch || match(bare, g, 2) != noMatch {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		perProduct[p] = append(perProduct[p], f)
		c.key = fmt.Sprintf("%s/%s-%s", p, strings.ReplaceAll(c.component(), " ", "-"), strings.ReplaceAll(synthSymptoms[c.symptom][0], " ", "-"))
		c.weight = 1 / math.Pow(float64(len(out)%97+1), 0.8)
		c.emerging = rng.IntN(10) == 0
		switch c.symptom {
		case 4:
			c.safety = []string{"overheating"}
		case 15:
			c.safety = []string{"burning"}
		}
		c.pool = c.variants(rng, 96)
		out = append(out, c)
	}
	return out
}

func (c *synthCause) component() string {
	return strings.TrimSpace(c.modifier + " " + c.noun)
}

// variants makes the paraphrases one root cause is reported with.
func (c *synthCause) variants(rng *rand.Rand, k int) []synthVariant {
	out := make([]synthVariant, k)
	for i := range out {
		comp := c.component()
		switch r := rng.IntN(100); {
		case r < 4:
			comp = ""
		case r < 8 && c.modifier != "":
			comp = c.noun
		case r < 16:
			comp = "the " + comp
		case r < 22:
			comp = strings.ToUpper(comp[:1]) + comp[1:]
		}
		forms := synthSymptoms[c.symptom]
		symp := forms[rng.IntN(len(forms))]
		switch r := rng.IntN(100); {
		case r < 3:
			symp = synthVague[rng.IntN(len(synthVague))]
		case r < 30:
			d := synthDurations[rng.IntN(len(synthDurations))]
			if strings.Contains(d, "%d") {
				d = fmt.Sprintf(d, 2+rng.IntN(40))
			}
			symp += " " + d
		}
		sig := strings.ToLower(comp) + "|" + symp
		out[i] = synthVariant{
			component: comp, symptom: symp, signature: sig,
			evidence: []Evidence{{Turn: 1, Start: 0, End: len([]rune(comp + " " + symp)), Text: strings.TrimSpace(comp + " " + symp), Rule: "defect.synthetic"}},
		}
	}
	return out
}

// BenchResult is one measurement of BenchScaling.
type BenchResult struct {
	Mentions int
	Clusters int
	// Elapsed is the time Run took; StatsElapsed the time Stats took for the last
	// four weeks against the four before.
	Elapsed      time.Duration
	StatsElapsed time.Duration
	// InputBytes is the live heap holding the generated mentions before Run;
	// PeakBytes the highest live heap seen during Run and Stats, input included;
	// AllocBytes what Run and Stats allocated in all.
	InputBytes, PeakBytes, AllocBytes uint64
	// Pairwise F1 and adjusted Rand index against the generator's root causes.
	F1, ARI float64
}

func (b BenchResult) String() string {
	return fmt.Sprintf("%d mentions → %d clusters: run %v, stats %v; heap input %.0f MB, peak %.0f MB, allocated %.0f MB; pairwise F1 %.3f, ARI %.3f",
		b.Mentions, b.Clusters, b.Elapsed.Round(time.Millisecond), b.StatsElapsed.Round(time.Millisecond),
		mb(b.InputBytes), mb(b.PeakBytes), mb(b.AllocBytes), b.F1, b.ARI)
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

// BenchScaling clusters n synthetic mentions from 300 root causes and measures it,
// for `make bench`.
func BenchScaling(n int) (BenchResult, error) {
	if n <= 0 {
		return BenchResult{}, fmt.Errorf("cluster: bench size %d", n)
	}
	ms, truth := Synthetic(n, 300, 1)
	res := BenchResult{Mentions: n}
	var r *Result
	var elapsed [2]time.Duration
	res.InputBytes, res.PeakBytes, res.AllocBytes = measure(func() {
		t0 := time.Now()
		r = Run(ms, nil, Options{})
		elapsed[0] = time.Since(t0)
		end := WeekStart(ms[0].At).AddDate(0, 0, 26*7)
		t0 = time.Now()
		r.Stats(Window{Start: end.AddDate(0, 0, -28), End: end}, StatsOptions{})
		elapsed[1] = time.Since(t0)
	})
	res.Elapsed, res.StatsElapsed = elapsed[0], elapsed[1]
	res.Clusters = len(r.Clusters)
	res.F1, res.ARI = scoreLabels(r.assign, truth)
	return res, nil
}

// measure runs fn and returns the live heap before it, the peak live heap during
// it (sampled every millisecond) and the bytes it allocated.
func measure(fn func()) (before, peak, alloc uint64) {
	runtime.GC()
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(samples)
	before, alloc0 := samples[0].Value.Uint64(), samples[1].Value.Uint64()
	var maxHeap atomic.Uint64
	maxHeap.Store(before)
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > maxHeap.Load() {
				maxHeap.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	metrics.Read(samples)
	if v := samples[0].Value.Uint64(); v > maxHeap.Load() {
		maxHeap.Store(v)
	}
	return before, maxHeap.Load(), samples[1].Value.Uint64() - alloc0
}

// scoreLabels is PairwiseScores' F1 and AdjustedRandIndex over parallel slices,
// without building maps of mention ids.
func scoreLabels(pred []int32, truth []string) (f1, ari float64) {
	tIdx := map[string]int32{}
	cells := map[[2]int32]int64{}
	ps, ts := map[int32]int64{}, map[int32]int64{}
	for i, p := range pred {
		t, ok := tIdx[truth[i]]
		if !ok {
			t = int32(len(tIdx))
			tIdx[truth[i]] = t
		}
		cells[[2]int32{p, t}]++
		ps[p]++
		ts[t]++
	}
	var index, a, b float64
	for _, n := range cells {
		index += pairs(n)
	}
	for _, n := range ps {
		a += pairs(n)
	}
	for _, n := range ts {
		b += pairs(n)
	}
	prec, rec := index/cmp.Or(a, 1), index/cmp.Or(b, 1)
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	total := pairs(int64(len(pred)))
	expected := a * b / cmp.Or(total, 1)
	if d := (a+b)/2 - expected; d != 0 {
		ari = (index - expected) / d
	} else {
		ari = 1
	}
	return f1, ari
}

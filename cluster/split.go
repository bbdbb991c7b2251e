package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unique"
)

// Splitting a product by its transcripts' words. The signature passes see
// one component and one symptom per report, and when customers tell two
// faults of one product in loose words ("it gives up and sits there", "it
// keeps stopping halfway") both land in the product's one cause. The rest of
// each transcript still tells them apart: one set of customers and agents
// talks of the blade and its motor, the other of the dock and the charger.
// So before the signature passes, each product's reports are cut in two by
// their transcripts' words (two-means on tf-idf vectors), and the cut is
// kept only when each side has a word of its own that names a part or a
// symptom (a word some report's component or symptom uses) in at least half
// of its reports and in at most minorShare of the other side's. Names,
// greetings and channel habits split a single fault too, but they are not
// parts or symptoms; a part or symptom that half of one side names and the
// other side almost never does is a second fault. Each side is then tried
// again, so a product with three faults can end in three.

const (
	// minSide is the fewest reports either side of a cut may hold.
	minSide = 5
	// markerShare and minorShare: a side's marker word is in at least
	// markerShare of its reports (and minMarker or more) and in at most
	// minorShare of the other side's.
	markerShare = 0.5
	minorShare  = 0.15
	minMarker   = 3
	// minMarkerIDF keeps words most transcripts of the run use ("right",
	// "work") from marking a side: log(5), at most a fifth of them.
	minMarkerIDF = 1.6094
	// splitRestarts two-means runs are tried, each for splitRounds rounds,
	// on at most maxFit reports (a larger product is fitted on an even
	// sample and every report then takes the nearer centre).
	splitRestarts = 20
	splitRounds   = 10
	maxFit        = 1000
	// maxIDF mentions at most are read for the run's word frequencies.
	maxIDF = 100_000
	// maxSplitDepth bounds how often a product is cut: into at most
	// 2^maxSplitDepth.
	maxSplitDepth = 3
)

// subProduct separates a product key from the side of a cut it was split
// into; no product key contains it.
const subProduct = "\x00"

// baseProduct is the product key a split product key came from.
func baseProduct(key string) string {
	if i := strings.Index(key, subProduct); i >= 0 {
		return key[:i]
	}
	return key
}

// functionWords are function words, fillers and chat habits: they say nothing of
// what failed.
var functionWords = set(strings.Fields(`a about after again all also am an and any are as at back be been being but by
	can could did didn do does doesn don done for from get got go going had has have he her here him his how i if im
	in into is isn it its ive just know like ll me more my no not now of oh ok okay on one or our out re really
	said say says she so some still than thank thanks that the their them then there they thing this to too um uh up
	us ve very was we well were what when which will with won would yeah yes you your`)...)

// Words returns the distinct lower-case words of texts that may say what
// failed: words of two or more letters or digits, function words left out.
// The engine gives a mention the words of its transcript's customer and agent
// turns and survey comment.
func Words(texts ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) < 2 || functionWords[w] || seen[w] {
				continue
			}
			seen[w] = true
			// Interned: a run holds many mentions, and the word must not
			// keep its transcript's text alive.
			out = append(out, unique.Make(w).Value())
		}
	}
	slices.Sort(out)
	return out
}

// splitProducts cuts products (the product of each mention, changed in
// place) by their mentions' words (see the top of this file) and returns the
// cuts: for each product cut, the marker words of each of its new products.
func splitProducts(ms []Mention, products []string, o *Options) map[string]map[string][]string {
	df := map[string]int{}
	n := 0
	vocab := map[string]bool{} // words of parts and symptoms
	seen := map[string]bool{}  // component and symptom pairs read
	withWords := 0
	for i := range ms {
		if len(ms[i].Words) > 0 {
			withWords++
		}
	}
	// Document frequencies over the run are read from an even sample of at
	// most maxIDF mentions: enough to tell common words from rare ones.
	step := max(1, (withWords+maxIDF-1)/maxIDF)
	k := 0
	for i := range ms {
		if len(ms[i].Words) == 0 {
			continue
		}
		if k++; (k-1)%step == 0 {
			n++
			for _, w := range ms[i].Words {
				df[w]++
			}
		}
		if cs := ms[i].Component + "\x00" + ms[i].Symptom; !seen[cs] {
			seen[cs] = true
			for _, w := range Words(ms[i].Component, ms[i].Symptom) {
				vocab[w] = true
			}
		}
	}
	if n == 0 {
		return nil
	}
	byProduct := map[string][]int{}
	for i := range ms {
		if p := normProduct(products[i], o); p != "" && len(ms[i].Words) > 0 {
			byProduct[p] = append(byProduct[p], i)
		}
	}
	s := &splitter{ms: ms, products: products, raw: slices.Clone(products), idf: map[string]float64{}, vocab: vocab, o: o,
		cuts: map[string]map[string][]string{}}
	for w, k := range df {
		s.idf[w] = math.Log(float64(n) / float64(k))
	}
	for _, p := range sortedKeys(byProduct) {
		s.split(byProduct[p], "", nil)
	}
	return s.cuts
}

type splitter struct {
	ms       []Mention
	products []string
	raw      []string           // products before any cut
	idf      map[string]float64 // over the run
	vocab    map[string]bool
	o        *Options
	cuts     map[string]map[string][]string // see splitProducts
}

// split cuts one product's mentions, or one side's (named by side, marked
// by markers), when a cut is kept, and tries each new side again.
func (s *splitter) split(idx []int, side string, markers []string) {
	if len(idx) < 2*minSide || len(markers) >= maxSplitDepth {
		return
	}
	m := s.twoMeans(idx)
	a, b := m.sides(m.fit)
	if len(m.fit) < len(idx) {
		// A large product: a cut the sample does not support is not
		// worth reading every mention for.
		if len(a) < minSide || len(b) < minSide || s.marker(a, b) == "" || s.marker(b, a) == "" {
			return
		}
		a, b = m.sides(idx)
	}
	if len(a) < minSide || len(b) < minSide {
		return
	}
	ma, mb := s.marker(a, b), s.marker(b, a)
	if ma == "" || mb == "" {
		return
	}
	base := normProduct(s.raw[idx[0]], s.o)
	if s.cuts[base] == nil {
		s.cuts[base] = map[string][]string{}
	}
	delete(s.cuts[base], base+subProduct+side)
	// A side is named by its marker word, so a cut reads the same from run
	// to run and its clusters keep their ids.
	for _, x := range [2]struct {
		idx    []int
		marker string
	}{{a, ma}, {b, mb}} {
		name := side + "/" + x.marker
		for _, i := range x.idx {
			s.products[i] = s.raw[i] + subProduct + name
		}
		s.cuts[base][base+subProduct+name] = append(slices.Clone(markers), x.marker)
		s.split(x.idx, name, s.cuts[base][base+subProduct+name])
	}
}

// marker returns side a's marker word against side b, the one in most of
// a's mentions; "" if it has none.
func (s *splitter) marker(a, b []int) string {
	da, db := map[string]int{}, map[string]int{}
	for _, i := range a {
		for _, w := range s.ms[i].Words {
			if s.vocab[w] {
				da[w]++
			}
		}
	}
	for _, i := range b {
		for _, w := range s.ms[i].Words {
			if da[w] > 0 {
				db[w]++
			}
		}
	}
	need := max(float64(minMarker), markerShare*float64(len(a)))
	best, bestN := "", 0
	for w, k := range da {
		if float64(k) >= need && float64(db[w]) <= minorShare*float64(len(b)) && s.idf[w] >= minMarkerIDF && (k > bestN || k == bestN && w < best) {
			best, bestN = w, k
		}
	}
	return best
}

// vector is a mention's words (ids into its product's vocabulary) weighted
// by tf-idf within its product and over the run, of unit length.
type vector struct {
	ids  []int32
	vals []float64
}

// dot is v's dot product with a dense centre.
func (v *vector) dot(c []float64) float64 {
	sum := 0.0
	for k, id := range v.ids {
		sum += v.vals[k] * c[id]
	}
	return sum
}

// model is a fitted two-means cut of one product's mentions.
type model struct {
	s      *splitter
	fit    []int // the mentions it was fitted on
	id     map[string]int32
	weight []float64 // per word id
	cents  [2][]float64
}

// vector returns mention i's words as a unit-length tf-idf vector.
func (m *model) vector(i int) vector {
	var v vector
	norm := 0.0
	for _, w := range m.s.ms[i].Words {
		if j, ok := m.id[w]; ok {
			v.ids = append(v.ids, j)
			v.vals = append(v.vals, m.weight[j])
			norm += m.weight[j] * m.weight[j]
		}
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for j := range v.vals {
			v.vals[j] /= norm
		}
	}
	return v
}

// sides returns the mentions of idx nearer the first centre and those nearer
// the second, in idx order.
func (m *model) sides(idx []int) (a, b []int) {
	for _, i := range idx {
		if v := m.vector(i); v.dot(m.cents[1]) > v.dot(m.cents[0]) {
			b = append(b, i)
		} else {
			a = append(a, i)
		}
	}
	return a, b
}

// twoMeans fits a cut of idx by spherical two-means over the mentions'
// words, best of splitRestarts seeded runs, on an even sample of at most
// maxFit mentions.
func (s *splitter) twoMeans(idx []int) *model {
	step := (len(idx) + maxFit - 1) / maxFit
	m := &model{s: s, id: map[string]int32{}}
	for k := 0; k < len(idx); k += step {
		m.fit = append(m.fit, idx[k])
	}
	df := map[string]int{}
	for _, i := range m.fit {
		for _, w := range s.ms[i].Words {
			df[w]++
		}
	}
	n := float64(len(m.fit))
	for _, w := range sortedKeys(df) {
		if d := df[w]; d >= 2 && d < len(m.fit) {
			m.id[w] = int32(len(m.weight))
			m.weight = append(m.weight, math.Log(n/float64(d))*s.idf[w])
		}
	}
	vecs := make([]vector, len(m.fit))
	for k, i := range m.fit {
		vecs[k] = m.vector(i)
	}
	fit := make([]int, len(vecs)) // positions in vecs
	for k := range fit {
		fit[k] = k
	}
	rng := rand.New(rand.NewPCG(1, uint64(len(idx))))
	dim := len(m.weight)
	m.cents = [2][]float64{make([]float64, dim), make([]float64, dim)}
	cents := [2][]float64{make([]float64, dim), make([]float64, dim)}
	bestObj := math.Inf(-1)
	side := make([]int, len(fit))
	for range splitRestarts {
		x, y := rng.IntN(len(fit)), rng.IntN(len(fit)-1)
		if y >= x {
			y++
		}
		for c, k := range [2]int{x, y} {
			clear(cents[c])
			for j, id := range vecs[k].ids {
				cents[c][id] = vecs[k].vals[j]
			}
		}
		for range splitRounds {
			for j, k := range fit {
				side[j] = 0
				if vecs[k].dot(cents[1]) > vecs[k].dot(cents[0]) {
					side[j] = 1
				}
			}
			centres(vecs, fit, side, cents)
		}
		obj := 0.0
		for j, k := range fit {
			obj += vecs[k].dot(cents[side[j]])
		}
		if obj > bestObj {
			bestObj = obj
			copy(m.cents[0], cents[0])
			copy(m.cents[1], cents[1])
		}
	}
	return m
}

// centres sets each centre to the mean vector of its side; a side left
// empty keeps its centre.
func centres(vecs []vector, fit, side []int, cents [2][]float64) {
	var count [2]int
	for _, c := range side {
		count[c]++
	}
	for c := range cents {
		if count[c] > 0 {
			clear(cents[c])
		}
	}
	for j, k := range fit {
		c := side[j]
		if count[c] == 0 {
			continue
		}
		for m, id := range vecs[k].ids {
			cents[c][id] += vecs[k].vals[m] / float64(count[c])
		}
	}
}

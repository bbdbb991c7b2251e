package cluster

import "strings"

// Causes: the third pass of the similarity rule (see the package comment,
// "Causes within a product"). After the first two passes a product's reports
// still sit in several clusters when customers blamed different parts for one
// fault ("water under the freezer drawer", "the ice maker drips") or told it
// in words the lexicons do not fold. A product rarely has more than one or two
// root causes at a time, and those that sound alike differ in how the part
// fails (a lid that cracks, a lid seal that leaks), so within each product the
// clusters are regrouped by symptom class: clusters whose reports mostly name
// one specific class are one cause, whatever part they blame; a class reported
// often enough is a cause of its own; and every other cluster joins the cause
// it is most like, or the product's largest.

// A class is a cause of its own when its clusters hold at least minCause
// mentions and either 1/causeShare of the product's or bigCause: in a small
// sample one or two reports say little, while in a large one a class reported
// that often is a fault of its own however much larger another is (and an
// emerging fault must not hide inside the product's main one).
const (
	causeShare = 6
	minCause   = 3
	bigCause   = 10
	// Two classes are one cause when minAlsoSaid transcripts said both of
	// their fault, and that is half the smaller cause and a quarter of the
	// larger: a large cause a few of whose customers also had a second
	// fault does not swallow that fault.
	minAlsoSaid = 2
)

func alsoSaidOfOne(both, sizeA, sizeB int) bool {
	return both >= minAlsoSaid && 2*both >= min(sizeA, sizeB) && 4*both >= max(sizeA, sizeB)
}

// stopsClass is the class of reports that a part stopped working.
const stopsClass = "\x00stops"

// causeFeatures summarise a cluster for the causes pass.
type causeFeatures struct {
	f       *features // the founding signature
	product string
	size    int
	class   string   // the specific symptom class (or stopsClass) most of its mentions name; "" when none
	heads   []string // component heads of its members, sorted, unique
	root    int32
}

// mergeCauses regroups each product's clusters by symptom class (see the top
// of this file). groups carry their cluster (leader, 0..n-1); leaderFeat gives
// a cluster's founding signature; together marks pairs of clusters holding
// mentions of one transcript, which never join; terms holds each cluster's
// product terms and is merged as clusters join. It returns, per cluster, the
// cluster it now belongs to.
func mergeCauses(groups []*group, n int, leaderFeat func(l int32) *features, together map[[2]int32]bool, terms, also []map[string]int) []int32 {
	cf := make([]causeFeatures, n)
	votes := make([]map[string]int, n)
	for l := range cf {
		f := leaderFeat(int32(l))
		cf[l] = causeFeatures{f: f, product: f.product, root: int32(l)}
	}
	for _, g := range groups {
		c := &cf[g.leader]
		c.size += g.size
		if g.f.head != "" {
			c.heads = append(c.heads, g.f.head)
		}
		class := ""
		switch {
		case !g.f.vague && len(g.f.symp) > 0:
			class = strings.Join(g.f.symp, " ")
		case g.f.stopsWorking():
			// "Won't turn on", "stopped working": not how the part
			// fails, but reported often it is a fault of its own (a
			// console that will not power on).
			class = stopsClass
		}
		if class != "" {
			if votes[g.leader] == nil {
				votes[g.leader] = map[string]int{}
			}
			votes[g.leader][class] += g.size
		}
	}
	for l := range cf {
		cf[l].heads = sortedSet(cf[l].heads)
		best, n := "", 0
		for _, k := range sortedKeys(votes[l]) {
			if votes[l][k] > n {
				best, n = k, votes[l][k]
			}
		}
		cf[l].class = best
	}
	size := func(l int32) int { return cf[l].size }
	key := func(l int32) string { return cf[l].f.key }
	products := byProduct(n, func(l int32) string { return cf[l].product }, size, key)
	for _, p := range sortedKeys(products) {
		if p == "" {
			continue
		}
		ls := products[p]
		total := 0
		for _, l := range ls {
			total += cf[l].size
		}
		// members lists each root's clusters, for the together check.
		members := map[int32][]int32{}
		for _, l := range ls {
			members[l] = []int32{l}
		}
		apart := func(a, b int32) bool {
			for _, x := range members[a] {
				for _, y := range members[b] {
					if together[[2]int32{x, y}] {
						return true
					}
				}
			}
			return false
		}
		join := func(l, r int32) {
			cf[l].root = r
			cf[r].size += cf[l].size
			cf[r].heads = sortedSet(append(cf[r].heads, cf[l].heads...))
			members[r] = append(members[r], members[l]...)
			delete(members, l)
			if terms[l] != nil && terms[r] == nil {
				terms[r] = map[string]int{}
			}
			for t, k := range terms[l] {
				terms[r][t] += k
			}
			if also[l] != nil && also[r] == nil {
				also[r] = map[string]int{}
			}
			for c, k := range also[l] {
				also[r][c] += k
			}
		}
		// 1. One specific class, one cluster; but two parts each reported
		// failing this way bigCause times or more are two faults.
		byClass := map[string][]int32{}
		for _, l := range ls {
			k := cf[l].class
			if k == "" {
				continue
			}
			joined := false
			for _, r := range byClass[k] {
				if !apart(l, r) && (cf[l].size < bigCause || len(cf[l].heads) == 0 || sharesHead(cf[l].heads, cf[r].heads)) {
					join(l, r)
					joined = true
					break
				}
			}
			if !joined {
				byClass[k] = append(byClass[k], l)
			}
		}
		// 2. Causes: roots with a specific class held by enough mentions.
		var causes, rest []int32
		for _, l := range ls {
			if cf[l].root != l {
				continue
			}
			if c := &cf[l]; c.class != "" && c.size >= minCause && (c.size*causeShare >= total || c.size >= bigCause) {
				causes = append(causes, l)
			} else {
				rest = append(rest, l)
			}
		}
		largestFirst(causes, size, key) // sizes changed as step 1 joined clusters
		if len(causes) == 0 && len(rest) > 0 {
			// No cause stands out: the product's largest cluster is its cause.
			causes, rest = rest[:1], rest[1:]
		}
		// 3. Every other cluster joins the cause that shares a part with it,
		// else the one whose customers used its words most (a company's
		// phone app and its car), else the largest it may join.
		for _, l := range rest {
			best, bestAffinity := int32(-1), 0.0
			for _, r := range causes {
				if apart(l, r) || !mayJoinCause(&cf[l], &cf[r]) {
					continue
				}
				if sharesHead(cf[l].heads, cf[r].heads) {
					best = r
					break
				}
				if a := affinity(terms[l], terms[r], cf[r].size); best < 0 || a > bestAffinity {
					best, bestAffinity = r, a
				}
			}
			if best >= 0 {
				join(l, best)
			}
		}
		// 4. Two causes whose customers said both of one fault, in
		// minAlsoSaid transcripts or more, are one ("it keeps dying",
		// "it still cuts out"): customers denying the other fault say
		// nothing of it.
		largestFirst(causes, size, key)
		kept := causes[:0]
		for _, l := range causes {
			joined := false
			for _, r := range kept {
				if !apart(l, r) && mayJoinCause(&cf[l], &cf[r]) && alsoSaidOfOne(also[l][cf[r].class]+also[r][cf[l].class], cf[l].size, cf[r].size) {
					join(l, r)
					joined = true
					break
				}
			}
			if !joined {
				kept = append(kept, l)
			}
		}
	}
	out := make([]int32, n)
	for l := range cf {
		r := int32(l)
		for cf[r].root != r {
			r = cf[r].root
		}
		out[l] = r
	}
	return out
}

// mayJoinCause keeps a report that a part stopped working away from a cause
// that is a noise ("the brake doesn't work", "the brake squeals"), and
// opposite faults apart ("runs fast", "runs slow").
func mayJoinCause(c, r *causeFeatures) bool {
	return !(c.f.stopsWorking() && r.f.noise() || r.f.stopsWorking() && c.f.noise()) &&
		!opposed(strings.Fields(c.class), strings.Fields(r.class))
}

func sharesHead(a, b []string) bool {
	for _, h := range a {
		if contains(b, h) {
			return true
		}
	}
	return false
}

// affinity is how much a cluster's words (the product terms of its
// transcripts) are a cause's: for each of its terms, the share of the cause's
// mentions that used it, summed.
func affinity(words, cause map[string]int, size int) float64 {
	if size == 0 {
		return 0
	}
	// Summed in word order: a sum in map order rounds differently from run
	// to run, and two causes the same distance away would then swap.
	sum := 0.0
	for _, t := range sortedKeys(words) {
		sum += min(1, float64(cause[t])/float64(size))
	}
	return sum
}

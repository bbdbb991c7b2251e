package cluster

import (
	"cmp"
	"slices"
	"strings"
)

// Consolidation: the second pass of the similarity rule (see the package
// comment, "Within a product"). The first pass keeps clusters apart unless
// their signatures nearly agree, so one root cause told in a product's own
// words ("hinge cracked", "the lid wobbles where it folds") leaves a trail of
// small clusters. Within each product, small clusters join the product's
// larger cluster they are most like; the large clusters themselves never
// merge, so near-misses that each have a sizeable cluster stay apart.

// Consolidation parameters.
const (
	// smallSize: a cluster of at most this many mentions is small.
	smallSize = 2
	// smallShare: a cluster holding less than 1/smallShare of its product's
	// mentions is small too.
	smallShare = 10
	// dominantNum/dominantDen: a cluster holding at least this share of its product's
	// mentions is the product's dominant cause (3/5 = 60%).
	dominantNum, dominantDen = 3, 5
	// minJaccard is the word overlap (Jaccard over the stemmed component and
	// symptom words) at which a small cluster is like a larger one.
	minJaccard = 0.34
	// maxCandidates bounds the clusters a small one is compared with per
	// block, so the pass stays linear in the number of clusters.
	maxCandidates = 64
)

// Consolidation match levels, best first.
const (
	_           = iota
	joinSymptom // the same specific symptom
	joinHead    // the same component head noun
	joinWords   // enough shared words
)

// clusterFeatures summarise a first-pass cluster for consolidation.
type clusterFeatures struct {
	f     *features // the founding signature
	size  int
	words []string // stemmed component and symptom words of every member, sorted, unique; no "not"
	// heads and symps are the component heads and specific symptoms of its
	// members, sorted, unique.
	heads, symps []string
	root         int32 // the cluster it joined; itself when none
}

// consolidate joins small first-pass clusters within each product (see the
// top of this file). It returns, per leader, the leader it now belongs to.
func consolidate(groups []*group, x *leaderIndex, together map[[2]int32]bool) []int32 {
	n := len(x.feats)
	cf := make([]clusterFeatures, n)
	for l := range cf {
		cf[l] = clusterFeatures{f: x.feats[l], size: x.total[l], root: int32(l)}
	}
	for _, g := range groups {
		c := &cf[g.leader]
		if g.f.head != "" {
			c.heads = append(c.heads, g.f.head)
		}
		if !g.f.vague && len(g.f.symp) > 0 {
			c.symps = append(c.symps, strings.Join(g.f.symp, " "))
		}
		c.words = append(c.words, g.f.comp...)
		for _, t := range g.f.symp {
			if t != negation {
				c.words = append(c.words, t)
			}
		}
	}
	for l := range cf {
		cf[l].words = sortedSet(cf[l].words)
		cf[l].heads = sortedSet(cf[l].heads)
		cf[l].symps = sortedSet(cf[l].symps)
	}
	size := func(l int32) int { return cf[l].size }
	key := func(l int32) string { return cf[l].f.key }
	products := byProduct(n, func(l int32) string { return cf[l].f.product }, size, key)
	for _, p := range sortedKeys(products) {
		ls := products[p]
		if p == "" {
			continue
		}
		total := 0
		for _, l := range ls {
			total += cf[l].size
		}
		dominant := int32(-1)
		if d := ls[0]; cf[d].size*dominantDen >= total*dominantNum && cf[d].size >= minDominant {
			dominant = d
		}
		blocks := map[string][]int32{}
		var small []int32
		for _, l := range ls {
			if c := &cf[l]; c.size > smallSize && c.size*smallShare >= total {
				indexRoot(blocks, c, l)
			} else {
				small = append(small, l)
			}
		}
		join := func(l, r int32) {
			c := &cf[l]
			c.root = r
			cf[r].size += c.size
			cf[r].words = sortedSet(append(cf[r].words, c.words...))
			// The root now also answers to the small cluster's part
			// names ("screen freezes" joining "reader freezes" lets
			// "screen does not respond" follow).
			for _, h := range c.heads {
				if k := "h\x00" + h; len(blocks[k]) < maxCandidates {
					blocks[k] = append(blocks[k], r)
				}
			}

		}
		// Small clusters join the large ones: by symptom first, then by
		// component head, then by shared words, each level over all of them.
		for level := joinSymptom; level <= joinWords; level++ {
			for _, l := range small {
				if cf[l].root != l {
					continue
				}
				if r := bestRoot(cf, blocks, &cf[l], l, together, level, x.minor); r >= 0 {
					join(l, r)
				}
			}
		}
		// The rest, largest first, join each other or the dominant cause.
		for _, l := range small {
			c := &cf[l]
			if c.root != l {
				continue
			}
			r := int32(-1)
			for level := joinSymptom; level <= joinWords && r < 0; level++ {
				r = bestRoot(cf, blocks, c, l, together, level, x.minor)
			}
			if r < 0 && c.size == 1 && dominant >= 0 && dominant != l && !together[[2]int32{l, dominant}] && compatibleJoin(c, &cf[dominant]) {
				r = dominant
			}
			if r >= 0 {
				join(l, r)
			} else {
				indexRoot(blocks, c, l)
			}
		}
	}
	out := make([]int32, n)
	for l := range cf {
		out[l] = cf[l].root
	}
	return out
}

func indexRoot(blocks map[string][]int32, c *clusterFeatures, l int32) {
	add := func(k string) {
		if len(blocks[k]) < maxCandidates {
			blocks[k] = append(blocks[k], l)
		}
	}
	for _, s := range c.symps {
		add("s\x00" + s)
	}
	for _, h := range c.heads {
		add("h\x00" + h)
	}
	for _, w := range c.words {
		add("w\x00" + w)
	}
}

// bestRoot returns the largest root small cluster c is like at the given
// level, -1 with none: one with a specific symptom of c's, or (a vague c: whose
// founder has) a component head of c's, or that shares minJaccard of its words.
func bestRoot(cf []clusterFeatures, blocks map[string][]int32, c *clusterFeatures, l int32, together map[[2]int32]bool, level, minor int) int32 {
	best := int32(-1)
	consider := func(r int32) {
		if r == l || together[[2]int32{l, r}] || !compatibleJoin(c, &cf[r]) {
			return
		}
		if level == joinSymptom && !compCompatible(c.f.comp, cf[r].f.comp) &&
			(minor <= 0 || c.f.count*2 <= c.f.support) {
			// The same failure of another part, as for the minor-part
			// rule: not when that rule is off, nor when the part is
			// named with other failures too.
			return
		}
		if best < 0 || cf[r].size > cf[best].size || cf[r].size == cf[best].size && r < best {
			best = r
		}
	}
	switch level {
	case joinSymptom:
		for _, s := range c.symps {
			for _, r := range blocks["s\x00"+s] {
				consider(r)
			}
		}
	case joinHead:
		for _, h := range c.heads {
			for _, r := range blocks["h\x00"+h] {
				if !c.f.vague || cf[r].f.head == h {
					consider(r)
				}
			}
		}
	case joinWords:
		for _, w := range c.words {
			for _, r := range blocks["w\x00"+w] {
				if jaccard(c.words, cf[r].words) >= minJaccard {
					consider(r)
				}
			}
		}
	}
	return best
}

// compatibleJoin keeps apart what consolidation must not join: a report that
// a part stopped working and a noise it makes ("the brake doesn't work", "the
// brake squeals"), and clearly different failures, both specific and sharing
// no symptom word ("lid cracked", "lid leaks"; "door does not unlock", "door
// seal leaks").
func compatibleJoin(c, r *clusterFeatures) bool {
	if c.f.stopsWorking() && r.f.noise() || r.f.stopsWorking() && c.f.noise() {
		return false
	}
	if c.f.head != "" && c.f.head == r.f.head && !compCompatible(c.f.comp, r.f.comp) {
		return false // variants of one part: "left earbud", "right earbud"
	}
	if opposed(c.f.symp, r.f.symp) {
		return false // "runs fast", "runs slow": one word apart, opposite faults
	}
	if !c.f.vague && !r.f.vague && shareHead(c, r) && len(c.f.symp) > 0 && len(r.f.symp) > 0 && !shareSymptom(c.f.symp, r.f.symp) {
		return false
	}
	return true
}

// opposites pairs the stems of symptom words whose faults are each other's
// opposite.
var opposites = func() map[string]string {
	m := map[string]string{}
	for _, p := range [][2]string{{"fast", "slow"}, {"quick", "slow"}, {"hot", "cold"}, {"warm", "cold"},
		{"open", "shut"}, {"open", "close"}, {"high", "low"}, {"loud", "quiet"}, {"lock", "unlock"},
		{"early", "late"}, {"full", "empty"}, {"tight", "loose"}} {
		a, b := stem(p[0]), stem(p[1])
		m[a+"\x00"+b], m[b+"\x00"+a] = b, a
	}
	return m
}()

// opposed reports whether one symptom has a word whose opposite the other
// has, and not itself ("shows full when empty" is one reading, not two).
func opposed(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if _, ok := opposites[x+"\x00"+y]; ok && !contains(a, y) && !contains(b, x) {
				return true
			}
		}
	}
	return false
}

// shareHead reports whether two clusters name a part with the same head noun.
func shareHead(a, b *clusterFeatures) bool {
	for _, h := range a.heads {
		if contains(b.heads, h) {
			return true
		}
	}
	return false
}

// shareSymptom reports whether two symptoms share a word other than "not",
// both negated or neither ("charges slowly" and "does not charge" do not).
func shareSymptom(a, b []string) bool {
	if contains(a, negation) != contains(b, negation) {
		return false
	}
	for _, t := range a {
		if t != negation && contains(b, t) {
			return true
		}
	}
	return false
}

// jaccard is the Jaccard index of two sorted sets.
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	i, j, both := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// byProduct groups clusters 0..n-1 by product, each group largest first.
func byProduct(n int, product func(int32) string, size func(int32) int, key func(int32) string) map[string][]int32 {
	out := map[string][]int32{}
	for l := range int32(n) {
		out[product(l)] = append(out[product(l)], l)
	}
	for _, ls := range out {
		largestFirst(ls, size, key)
	}
	return out
}

// largestFirst orders clusters by size, largest first, ties by founding key.
func largestFirst(ls []int32, size func(int32) int, key func(int32) string) {
	slices.SortFunc(ls, func(a, b int32) int {
		return cmp.Or(cmp.Compare(size(b), size(a)), strings.Compare(key(a), key(b)))
	})
}

package cluster

import "strings"

// Match levels, best first: how a group relates to a cluster's founding signature.
const (
	noMatch       = iota
	matchExact    // same product, component and symptom tokens
	matchSpecific // compatible components and compatible symptoms
	matchVague    // a vague symptom on a compatible component
	matchNoComp   // no component, the same specific symptom
	matchMinor    // the same specific symptom on a rarely named part of the same product
	matchProduct  // a vague report on the product as a whole, joining its dominant cause
)

// match applies the similarity rule of the package comment to group g and the
// founding signature l of a cluster.
func match(g, l *features, minorRatio int) int {
	if g.product != l.product && g.product != "" && l.product != "" {
		return noMatch
	}
	if equal(g.comp, l.comp) && equal(g.symp, l.symp) {
		return matchExact
	}
	if l.vague || len(l.comp) == 0 {
		// A cluster founded on a vague or component-less signature only takes
		// exact matches: it cannot vouch for anything more specific.
		return noMatch
	}
	switch {
	case len(g.comp) == 0:
		if !g.vague && equal(g.symp, l.symp) {
			return matchNoComp
		}
	case !compCompatible(g.comp, l.comp):
		if !g.vague && g.product != "" && g.product == l.product && equal(g.symp, l.symp) && minorRatio > 0 &&
			!siblings(g, l) &&
			(g.support*minorRatio <= l.support || g.count*2 > g.support) {
			return matchMinor
		}
	case g.vague:
		if g.stopsWorking() && l.noise() {
			// "the brake doesn't work" is not "the brake squeals".
			return noMatch
		}
		return matchVague
	case sympCompatible(g.symp, l.symp):
		return matchSpecific
	}
	return noMatch
}

// siblings reports whether two components are variants of one part that tell
// it apart: the same head noun with other modifiers ("left earbud", "right
// earbud").
func siblings(a, b *features) bool { return a.head != "" && a.head == b.head }

// compCompatible: one component's tokens contain the other's ("case" and "charging
// case"; "lid" and "lid seal"), but not "left earbud" and "right earbud".
func compCompatible(a, b []string) bool {
	return len(a) > 0 && len(b) > 0 && (subset(a, b) || subset(b, a))
}

// sympCompatible: equal symptoms, or one contains the other with the same polarity
// and the smaller one still names a specific failure ("drains" and "drains
// battery"), but not "not charging" and "charging", nor "leaks" and "cracks".
func sympCompatible(a, b []string) bool {
	if equal(a, b) {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if !subset(a, b) || contains(a, negation) != contains(b, negation) {
		return false
	}
	for _, t := range a {
		if t != negation && !vagueWords[t] {
			return true
		}
	}
	return false
}

// leaderIndex holds the founding signatures of clusters, blocked by product and by
// component token and by exact symptom, so a group is only compared with founders
// that share a block with it.
type leaderIndex struct {
	minor int // Options.MinorRatio
	feats []*features
	sizes []int
	block map[string][]int32
	stamp []uint32
	gen   uint32
	// total is each founder's cluster size so far; byProduct lists the
	// founders of specific clusters per product.
	total     []int
	byProduct map[string][]int32
}

func newLeaderIndex(minorRatio int) *leaderIndex {
	return &leaderIndex{minor: minorRatio, block: make(map[string][]int32), byProduct: make(map[string][]int32)}
}

// minDominant is the fewest mentions a dominant cause needs: one or two
// specific reports say little about what a product's vague reports are.
const minDominant = 3

// grow records that a group of n mentions joined founder i.
func (x *leaderIndex) grow(i int32, n int) { x.total[i] += n }

// dominant returns the founder of the cluster that holds at least two thirds
// of a product's mentions in specific clusters: the cause a vague report on
// the product as a whole ("it stopped working") most likely belongs to.
func (x *leaderIndex) dominant(product string) (int32, bool) {
	best, sum := int32(-1), 0
	for _, i := range x.byProduct[product] {
		sum += x.total[i]
		if best < 0 || x.total[i] > x.total[best] {
			best = i
		}
	}
	if best < 0 || 3*x.total[best] < 2*sum || x.total[best] < minDominant {
		return -1, false
	}
	return best, true
}

const anyProduct = "*"

func (x *leaderIndex) add(f *features, size int) int32 {
	i := int32(len(x.feats))
	x.feats = append(x.feats, f)
	x.sizes = append(x.sizes, size)
	x.stamp = append(x.stamp, 0)
	x.total = append(x.total, size)
	if f.specific() {
		x.byProduct[f.product] = append(x.byProduct[f.product], i)
	}
	for _, p := range [2]string{f.product, anyProduct} {
		for _, t := range f.comp {
			k := blockKey(p, 'c', t)
			x.block[k] = append(x.block[k], i)
		}
		k := blockKey(p, 's', strings.Join(f.symp, " "))
		x.block[k] = append(x.block[k], i)
	}
	return i
}

func blockKey(product string, kind byte, v string) string {
	return product + "\x00" + string(kind) + "\x00" + v
}

// best returns the founder g should join: the best match level, then the largest
// founding group, then the earliest founder.
func (x *leaderIndex) best(g *features) (int32, bool) {
	x.gen++
	bestI, bestL := int32(-1), noMatch
	// A mention with no product joins only when its best match is
	// unambiguous: the founders it matches that well are all of one product.
	ambiguous := false
	products := [2]string{g.product, ""}
	if g.product == "" {
		products = [2]string{anyProduct, anyProduct}
	}
	consider := func(k string) {
		for _, i := range x.block[k] {
			if x.stamp[i] == x.gen {
				continue
			}
			x.stamp[i] = x.gen
			l := match(g, x.feats[i], x.minor)
			if l == noMatch {
				continue
			}
			if bestI >= 0 && l == bestL && x.feats[i].product != x.feats[bestI].product {
				ambiguous = true
			}
			if bestI < 0 || l < bestL || l == bestL && (x.sizes[i] > x.sizes[bestI] || x.sizes[i] == x.sizes[bestI] && i < bestI) {
				if l < bestL {
					ambiguous = false
				}
				bestI, bestL = i, l
			}
		}
	}
	for pi, p := range products {
		if pi == 1 && p == products[0] {
			break
		}
		for _, t := range g.comp {
			consider(blockKey(p, 'c', t))
		}
		consider(blockKey(p, 's', strings.Join(g.symp, " ")))
	}
	if bestI < 0 && g.vague && len(g.comp) == 0 && g.product != "" {
		if d, ok := x.dominant(g.product); ok && !(g.stopsWorking() && x.feats[d].noise()) {
			return d, true
		}
		return -1, false
	}
	if g.product == "" && ambiguous {
		return -1, false
	}
	return bestI, bestI >= 0
}

// featuresFromKey rebuilds features from their key, as stored in a Registry.
func featuresFromKey(key string) *features {
	parts := strings.SplitN(key, "|", 3)
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	f := &features{product: parts[0], comp: strings.Fields(parts[1]), symp: strings.Fields(parts[2]), key: key}
	f.vague = true
	for _, t := range f.symp {
		if t != negation && !vagueWords[t] {
			f.vague = false
			break
		}
	}
	return f
}

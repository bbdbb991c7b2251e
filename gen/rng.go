package gen

import (
	"math/rand/v2"
	"strings"
)

// rng is the generator's only source of randomness: a seeded PCG, so one seed always
// gives the same corpus.
type rng struct{ r *rand.Rand }

func newRNG(seed uint64) *rng {
	return &rng{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *rng) intn(n int) int { return g.r.IntN(n) }

// between returns an int in [lo, hi].
func (g *rng) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *rng) chance(p float64) bool { return g.r.Float64() < p }

func (g *rng) float() float64 { return g.r.Float64() }

// weighted returns an index into ws with probability proportional to its weight.
func (g *rng) weighted(ws []float64) int {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	x := g.r.Float64() * total
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

func pick[T any](g *rng, xs []T) T { return xs[g.intn(len(xs))] }

// choice is a weighted option.
type choice[T any] struct {
	v T
	w float64
}

func pickW[T any](g *rng, cs []choice[T]) T {
	ws := make([]float64, len(cs))
	for i, c := range cs {
		ws[i] = c.w
	}
	return cs[g.weighted(ws)].v
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, strings.TrimSpace(p))
		}
	}
	return strings.Join(keep, sep)
}

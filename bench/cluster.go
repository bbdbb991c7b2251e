package bench

import (
	"time"

	"github.com/frictionhq/friction/cluster"
)

// ExactGroupBy is the clustering baseline: grouping the same synthetic mentions
// by their exact signature in a hash map, the least any clustering must do.
func ExactGroupBy(n int) time.Duration {
	ms, _ := cluster.Synthetic(n, 300, 1)
	start := time.Now()
	groups := make(map[string][]int)
	for i, m := range ms {
		groups[m.Signature] = append(groups[m.Signature], i)
	}
	return time.Since(start)
}

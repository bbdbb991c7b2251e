package cluster

// Evaluation against labelled clusters. Keys are mention ids ("ch-000123#0"),
// values cluster ids or root-cause keys. Both are scored over the union of the keys:
// a mention missing from one side (a missed defect, or one that is not in the
// labels) is a cluster of its own there, as is a mention with an empty value.

// contingency counts co-membership: cells[i][j] is how many mentions are in
// predicted cluster i and true cluster j, with sizes of each side.
type contingency struct {
	cells       map[[2]string]int64
	pred, truth map[string]int64
	n           int64
}

func newContingency(pred, truth map[string]string) *contingency {
	c := &contingency{cells: map[[2]string]int64{}, pred: map[string]int64{}, truth: map[string]int64{}}
	add := func(id string) {
		p, t := pred[id], truth[id]
		if p == "" {
			p = "\x00p" + id // a cluster of its own
		}
		if t == "" {
			t = "\x00t" + id
		}
		c.cells[[2]string{p, t}]++
		c.pred[p]++
		c.truth[t]++
		c.n++
	}
	for id := range truth {
		add(id)
	}
	for id := range pred {
		if _, ok := truth[id]; !ok {
			add(id)
		}
	}
	return c
}

// pairSums returns the number of item pairs together in a cell (in both
// clusterings), in a predicted cluster, and in a true cluster.
func (c *contingency) pairSums() (cells, pred, truth float64) {
	for _, n := range c.cells {
		cells += pairs(n)
	}
	for _, n := range c.pred {
		pred += pairs(n)
	}
	for _, n := range c.truth {
		truth += pairs(n)
	}
	return cells, pred, truth
}

func pairs(n int64) float64 { return float64(n) * float64(n-1) / 2 }

// PairwiseScores compares two clusterings pair by pair: precision is the share of
// mention pairs put together in pred that are together in truth, recall the share
// of pairs together in truth that pred put together. With no pairs on a side its
// score is 1.
func PairwiseScores(pred, truth map[string]string) (precision, recall, f1 float64) {
	c := newContingency(pred, truth)
	tp, pp, tt := c.pairSums()
	precision, recall = 1, 1
	if pp > 0 {
		precision = tp / pp
	}
	if tt > 0 {
		recall = tp / tt
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

// AdjustedRandIndex is the Rand index of pred against truth corrected for chance
// (Hubert and Arabie, 1985): 1 for identical clusterings, about 0 for random ones.
// When both clusterings are trivial in the same way (all singletons or one cluster)
// it returns 1.
func AdjustedRandIndex(pred, truth map[string]string) float64 {
	c := newContingency(pred, truth)
	index, a, b := c.pairSums()
	total := pairs(c.n)
	if total == 0 {
		return 1
	}
	expected := a * b / total
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

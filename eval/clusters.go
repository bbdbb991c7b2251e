package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/gen"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/transcript"
)

// ClusterReport scores the defect clustering against the labels' root causes.
// Every labelled defect and every predicted mention is an item: a labelled
// defect the analyzer missed is a predicted cluster of its own, and a mention
// that matches no labelled defect is a true cluster of its own.
type ClusterReport struct {
	Labelled  int // labelled defects
	Mentions  int // predicted mentions
	Matched   int // labelled defects paired with a mention
	Missed    int // labelled defects with no mention
	Invented  int // mentions with no labelled defect
	Clusters  int // predicted clusters
	ARI       float64
	Precision float64
	Recall    float64
	F1        float64
	// Confusion lists, per true root cause, where its defects went.
	Confusion []TrueCluster
}

// TrueCluster is one labelled root cause and the predicted clusters holding
// its defects, largest first.
type TrueCluster struct {
	Key  string
	Size int
	Top  []PredCluster
}

// PredCluster is a predicted cluster's share of a true root cause.
type PredCluster struct {
	Label string // the predicted cluster's label; "(missed)" for missed defects
	Size  int    // the true root cause's defects in it
	Total int    // every item in the predicted cluster
}

// missed names the predicted "cluster" of missed defects in the confusion.
const missed = "(missed)"

// scoreClusters clusters the mentions and scores the result. byTranscript
// holds each labelled transcript's mentions; labels its labelled defects.
func scoreClusters(ids []string, byTranscript map[string][]cluster.Mention, labels map[string]gen.Label, o cluster.Options) *ClusterReport {
	var all []cluster.Mention
	for _, id := range ids {
		all = append(all, byTranscript[id]...)
	}
	res := cluster.Run(all, nil, o)
	r := &ClusterReport{Mentions: len(all), Clusters: len(res.Clusters)}
	pred := map[string]string{}  // item → predicted cluster id
	truth := map[string]string{} // item → root-cause key
	label := map[string]string{} // predicted cluster id → label
	for i := range all {
		pred[all[i].ID] = res.ID(i)
		label[res.ID(i)] = res.Of(i).Label
	}
	for _, id := range ids {
		ms := byTranscript[id]
		want := labels[id].Defects
		r.Labelled += len(want)
		for li, mi := range pairDefects(want, ms) {
			if mi < 0 {
				item := fmt.Sprintf("%s#missed%d", id, li)
				truth[item] = want[li].Cluster // not in pred: a cluster of its own
				r.Missed++
				continue
			}
			truth[ms[mi].ID] = want[li].Cluster
			r.Matched++
		}
	}
	r.Invented = r.Mentions - r.Matched
	r.Precision, r.Recall, r.F1 = cluster.PairwiseScores(pred, truth)
	r.ARI = cluster.AdjustedRandIndex(pred, truth)

	counts := map[string]map[string]int{}
	for item, key := range truth {
		if counts[key] == nil {
			counts[key] = map[string]int{}
		}
		p, ok := pred[item]
		if !ok {
			p = missed
		}
		counts[key][p]++
	}
	size := map[string]int{}
	for _, p := range pred {
		size[p]++
	}
	for key, row := range counts {
		tc := TrueCluster{Key: key}
		for p, n := range row {
			tc.Size += n
			pc := PredCluster{Label: missed, Size: n, Total: n}
			if p != missed {
				pc = PredCluster{Label: label[p], Size: n, Total: size[p]}
			}
			tc.Top = append(tc.Top, pc)
		}
		slices.SortFunc(tc.Top, func(a, b PredCluster) int {
			return cmp.Or(cmp.Compare(b.Size, a.Size), strings.Compare(a.Label, b.Label))
		})
		r.Confusion = append(r.Confusion, tc)
	}
	slices.SortFunc(r.Confusion, func(a, b TrueCluster) int { return strings.Compare(a.Key, b.Key) })
	return r
}

// pairDefects pairs a transcript's labelled defects with its mentions: for
// each labelled defect, the index of its mention or -1. A transcript usually
// has one labelled defect; with several, each takes the mention whose words
// overlap its component and symptom most, greedily, ties to the earlier one.
func pairDefects(want []gen.DefectLabel, ms []cluster.Mention) []int {
	out := make([]int, len(want))
	for i := range out {
		out[i] = -1
	}
	type cand struct{ l, m, score int }
	var cs []cand
	for li, w := range want {
		lw := words(w.Component + " " + w.Symptom)
		for mi, m := range ms {
			n := 0
			for _, x := range words(m.Component + " " + m.Symptom + " " + m.Signature) {
				if slices.Contains(lw, x) {
					n++
				}
			}
			cs = append(cs, cand{li, mi, n})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(b.score, a.score) })
	usedM := map[int]bool{}
	for _, c := range cs {
		if out[c.l] >= 0 || usedM[c.m] {
			continue
		}
		out[c.l] = c.m
		usedM[c.m] = true
	}
	return out
}

// words are the lower-case words of s, cut to five letters so that inflections
// meet ("charging", "charge").
func words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z') })
	for i, w := range f {
		if len(w) > 5 {
			f[i] = w[:5]
		}
	}
	return f
}

// Print writes the clustering scores and the confusion: for each true root
// cause, the predicted clusters holding its defects (up to top of them).
func (r *ClusterReport) Print(w io.Writer, top int) {
	fmt.Fprintf(w, "\ndefect clusters: %d labelled defects, %d mentions (%d matched, %d missed, %d not labelled), %d clusters\n",
		r.Labelled, r.Mentions, r.Matched, r.Missed, r.Invented, r.Clusters)
	fmt.Fprintf(w, "adjusted Rand %.3f   pairwise precision %.3f recall %.3f F1 %.3f\n", r.ARI, r.Precision, r.Recall, r.F1)
	for _, tc := range r.Confusion {
		fmt.Fprintf(w, "  %-32s %4d:", tc.Key, tc.Size)
		for i, p := range tc.Top {
			if i == top {
				fmt.Fprintf(w, " …")
				break
			}
			if p.Label == missed {
				fmt.Fprintf(w, "  %d %s", p.Size, missed)
				continue
			}
			fmt.Fprintf(w, "  %d/%d %q", p.Size, p.Total, p.Label)
		}
		fmt.Fprintln(w)
	}
}

// clusterOptions are the clustering options the engine uses with analyzer a.
func clusterOptions(a *nlp.Analyzer) cluster.Options { return cluster.Options{} }

// ListClusters analyses a corpus, with or without labels, clusters its
// product-defect mentions as the engine does and writes the clusters largest
// first: size, label and up to examples evidence quotes each, for reading.
// Clusters smaller than minSize are counted, not listed.
func ListClusters(w io.Writer, a *nlp.Analyzer, corpus []*transcript.Transcript, minSize, examples int) {
	var all []cluster.Mention
	for _, t := range corpus {
		all = append(all, engine.Mentions(t, a.Analyze(t))...)
	}
	res := cluster.Run(all, nil, clusterOptions(a))
	byCluster := map[*cluster.Cluster][]int{}
	for i := range all {
		c := res.Of(i)
		byCluster[c] = append(byCluster[c], i)
	}
	fmt.Fprintf(w, "%d transcripts, %d defect mentions, %d clusters\n", len(corpus), len(all), len(res.Clusters))
	small := 0
	for _, c := range res.Clusters {
		if c.Mentions < minSize {
			small++
			continue
		}
		fmt.Fprintf(w, "\n%4d  %s   [%s]\n", c.Mentions, c.Label, strings.Join(c.Terms, ", "))
		for k, i := range byCluster[c] {
			if k == examples {
				break
			}
			m := &all[i]
			quote := ""
			if len(m.Evidence) > 0 {
				quote = m.Evidence[0].Text
			}
			fmt.Fprintf(w, "      %-12s %-28s %q\n", m.TranscriptID, m.Component+"|"+m.Symptom, quote)
		}
	}
	if small > 0 {
		fmt.Fprintf(w, "\n%d clusters smaller than %d not listed\n", small, minSize)
	}
}

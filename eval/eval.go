// Package eval scores the analyzer against a labelled corpus: precision, recall
// and F1 for defects, masked defects, agent praise, safety and churn, survey
// driver accuracy with its confusions, false positives per decoy kind, and the
// quality of the defect clusters (adjusted Rand index and pairwise precision,
// recall and F1 against the labelled root causes).
package eval

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/gen"
	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/transcript"
)

// Binary counts one yes/no label.
type Binary struct {
	TP, FP, FN, TN int
}

func (b *Binary) add(want, got bool) {
	switch {
	case want && got:
		b.TP++
	case !want && got:
		b.FP++
	case want && !got:
		b.FN++
	default:
		b.TN++
	}
}

// Precision is TP / (TP + FP); 1 when nothing was predicted.
func (b Binary) Precision() float64 { return ratio(b.TP, b.TP+b.FP) }

// Recall is TP / (TP + FN); 1 when nothing was expected.
func (b Binary) Recall() float64 { return ratio(b.TP, b.TP+b.FN) }

// F1 is the harmonic mean of precision and recall.
func (b Binary) F1() float64 {
	p, r := b.Precision(), b.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Mistake is one transcript the analyzer got wrong on a label, for reading.
type Mistake struct {
	Label, ID string
	Want, Got string
}

// Report is the outcome of one evaluation.
type Report struct {
	Transcripts int
	Defect      Binary
	Masked      Binary
	AgentPraise Binary
	Safety      Binary
	Churn       Binary
	// Driver[want][got] counts surveyed transcripts.
	Driver        map[string]map[string]int
	DriverCorrect int
	DriverTotal   int
	// DecoyFP[kind] counts transcripts with that decoy and no true defect in
	// which the analyzer reported a defect; DecoyN counts those transcripts.
	DecoyFP, DecoyN map[string]int
	Missing         int // transcripts with no label
	Mistakes        []Mistake
	// Clusters scores the defect clustering of the labelled transcripts.
	Clusters *ClusterReport
}

// DriverAccuracy is the share of surveyed transcripts whose driver is right.
func (r *Report) DriverAccuracy() float64 { return ratio(r.DriverCorrect, r.DriverTotal) }

// Run analyses every transcript of corpus and compares with labels.
func Run(a *nlp.Analyzer, corpus []*transcript.Transcript, labels map[string]gen.Label) *Report {
	r := &Report{Driver: map[string]map[string]int{}, DecoyFP: map[string]int{}, DecoyN: map[string]int{}}
	var ids []string
	mentions := map[string][]cluster.Mention{}
	for _, t := range corpus {
		l, ok := labels[t.ID]
		if !ok {
			r.Missing++
			continue
		}
		r.Transcripts++
		an := a.Analyze(t)
		ids = append(ids, t.ID)
		mentions[t.ID] = engine.Mentions(t, an)
		wantDefect := len(l.Defects) > 0
		r.Defect.add(wantDefect, an.HasDefect())
		r.Masked.add(l.Masked, an.Masked)
		r.AgentPraise.add(l.AgentPraise, an.AgentPraised())
		r.Safety.add(l.Safety, an.HasSafety())
		r.Churn.add(l.Churn, an.Signals.ChurnRisk)
		r.note("defect", t.ID, wantDefect, an.HasDefect())
		r.note("masked", t.ID, l.Masked, an.Masked)
		r.note("agent_praise", t.ID, l.AgentPraise, an.AgentPraised())
		r.note("safety", t.ID, l.Safety, an.HasSafety())
		r.note("churn", t.ID, l.Churn, an.Signals.ChurnRisk)
		if l.Driver != "" {
			got := "(no survey)"
			if an.SurveyAttribution != nil {
				got = string(an.SurveyAttribution.Driver)
			}
			if r.Driver[l.Driver] == nil {
				r.Driver[l.Driver] = map[string]int{}
			}
			r.Driver[l.Driver][got]++
			r.DriverTotal++
			if got == l.Driver {
				r.DriverCorrect++
			} else {
				r.Mistakes = append(r.Mistakes, Mistake{Label: "driver", ID: t.ID, Want: l.Driver, Got: got})
			}
		}
		if !wantDefect {
			for _, k := range l.Decoys {
				r.DecoyN[k]++
				if an.HasDefect() {
					r.DecoyFP[k]++
				}
			}
		}
	}
	r.Clusters = scoreClusters(ids, mentions, labels, clusterOptions(a))
	return r
}

func (r *Report) note(label, id string, want, got bool) {
	if want != got {
		r.Mistakes = append(r.Mistakes, Mistake{Label: label, ID: id, Want: fmt.Sprint(want), Got: fmt.Sprint(got)})
	}
}

// Print writes the report as text tables.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "%d transcripts", r.Transcripts)
	if r.Missing > 0 {
		fmt.Fprintf(w, " (%d without labels skipped)", r.Missing)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "\n%-14s %9s %9s %9s %6s %6s %6s\n", "label", "precision", "recall", "F1", "TP", "FP", "FN")
	for _, row := range []struct {
		name string
		b    Binary
	}{{"defect", r.Defect}, {"masked", r.Masked}, {"agent praise", r.AgentPraise}, {"safety", r.Safety}, {"churn", r.Churn}} {
		fmt.Fprintf(w, "%-14s %9.3f %9.3f %9.3f %6d %6d %6d\n", row.name, row.b.Precision(), row.b.Recall(), row.b.F1(), row.b.TP, row.b.FP, row.b.FN)
	}
	fmt.Fprintf(w, "\ndriver accuracy %.3f (%d/%d)\n", r.DriverAccuracy(), r.DriverCorrect, r.DriverTotal)
	gots := map[string]bool{}
	var wants []string
	for want, row := range r.Driver {
		wants = append(wants, want)
		for got := range row {
			gots[got] = true
		}
	}
	sort.Strings(wants)
	var cols []string
	for g := range gots {
		cols = append(cols, g)
	}
	sort.Strings(cols)
	fmt.Fprintf(w, "%-12s", "want \\ got")
	for _, c := range cols {
		fmt.Fprintf(w, " %11s", c)
	}
	fmt.Fprintln(w)
	for _, want := range wants {
		fmt.Fprintf(w, "%-12s", want)
		for _, c := range cols {
			fmt.Fprintf(w, " %11d", r.Driver[want][c])
		}
		fmt.Fprintln(w)
	}
	if len(r.DecoyN) > 0 {
		fmt.Fprintf(w, "\n%-18s %12s %12s\n", "decoy", "transcripts", "defect FPs")
		var ks []string
		for k := range r.DecoyN {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Fprintf(w, "%-18s %12d %12d\n", k, r.DecoyN[k], r.DecoyFP[k])
		}
	}
	if r.Clusters != nil {
		r.Clusters.Print(w, 4)
	}
}

// PrintMistakes writes the ids of transcripts the analyzer got wrong, by label.
func (r *Report) PrintMistakes(w io.Writer, label string, max int) {
	n := 0
	for _, m := range r.Mistakes {
		if label != "" && m.Label != label {
			continue
		}
		if n == max {
			break
		}
		fmt.Fprintf(w, "%-13s %-12s want %-10s got %s\n", m.Label, m.ID, m.Want, m.Got)
		n++
	}
}

// LoadCorpus reads a native JSONL corpus; invalid records are an error.
func LoadCorpus(path string) ([]*transcript.Transcript, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*transcript.Transcript
	var bad []string
	err = ingest.ReadNative(f, path, func(rec ingest.Record) error {
		if rec.Err != nil {
			bad = append(bad, rec.Err.Error())
			return nil
		}
		out = append(out, rec.Transcript)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%d invalid records: %s", len(bad), strings.Join(bad[:min(3, len(bad))], "; "))
	}
	return out, nil
}

// LoadLabels reads a labels file keyed by transcript id.
func LoadLabels(path string) (map[string]gen.Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ls, err := gen.ReadLabels(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gen.LabelsByID(ls), nil
}

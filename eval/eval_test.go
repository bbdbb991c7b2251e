package eval

import (
	"os"
	"testing"

	"github.com/frictionhq/friction/nlp"
)

// Floors a little under what the analyzer reaches on the generated corpus, so a
// rule change that loses ground fails here.
var floors = map[string]float64{
	"defect":       0.95,
	"masked":       0.93,
	"agent praise": 0.92,
	"safety":       0.92,
	"churn":        0.95,
	"driver":       0.90,
}

func TestEvalCorpus(t *testing.T) {
	const corpus, labels = "../testdata/corpus/eval.jsonl", "../testdata/corpus/eval.labels.jsonl"
	if _, err := os.Stat(labels); err != nil {
		t.Skipf("no labelled corpus: %v", err)
	}
	a, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := LoadCorpus(corpus)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := LoadLabels(labels)
	if err != nil {
		t.Fatal(err)
	}
	r := Run(a, ts, ls)
	if r.Transcripts < 100 {
		t.Fatalf("only %d labelled transcripts", r.Transcripts)
	}
	got := map[string]float64{
		"defect": r.Defect.F1(), "masked": r.Masked.F1(), "agent praise": r.AgentPraise.F1(),
		"safety": r.Safety.F1(), "churn": r.Churn.F1(), "driver": r.DriverAccuracy(),
	}
	for k, floor := range floors {
		if got[k] < floor {
			t.Errorf("%s: %.3f, below the floor %.2f", k, got[k], floor)
		}
	}
	if t.Failed() {
		r.Print(os.Stderr)
	}
}

func TestBinary(t *testing.T) {
	var b Binary
	for _, c := range []struct{ want, got bool }{{true, true}, {true, true}, {true, false}, {false, true}, {false, false}} {
		b.add(c.want, c.got)
	}
	if b.TP != 2 || b.FP != 1 || b.FN != 1 || b.TN != 1 {
		t.Fatalf("%+v", b)
	}
	if p, r, f := b.Precision(), b.Recall(), b.F1(); p != 2.0/3 || r != 2.0/3 || f < 0.666 || f > 0.667 {
		t.Errorf("p %v r %v f %v", p, r, f)
	}
	if (Binary{}).F1() != 1 {
		t.Error("empty F1 should be 1")
	}
}

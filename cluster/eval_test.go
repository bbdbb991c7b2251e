package cluster

import (
	"math"
	"testing"
)

func TestPairwiseScoresAndARI(t *testing.T) {
	tests := []struct {
		name              string
		pred, truth       map[string]string
		precision, recall float64
		f1, ari           float64
	}{
		{
			// Truth pairs: ab ac bc de = 4; predicted: ab cd = 2; both: ab.
			name:      "split and mixed",
			pred:      map[string]string{"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"},
			truth:     map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"},
			precision: 0.5, recall: 0.25, f1: 1.0 / 3,
			// 10 pairs; expected index 2*4/10 = 0.8; (1-0.8)/((2+4)/2-0.8).
			ari: 0.2 / 2.2,
		},
		{
			name:      "missed defect is a cluster of its own",
			pred:      map[string]string{"a": "1", "b": "1"},
			truth:     map[string]string{"a": "X", "b": "X", "c": "X"},
			precision: 1, recall: 1.0 / 3, f1: 0.5, ari: 0,
		},
		{
			name:      "spurious defect",
			pred:      map[string]string{"a": "1", "b": "1", "z": "1"},
			truth:     map[string]string{"a": "X", "b": "X"},
			precision: 1.0 / 3, recall: 1, f1: 0.5, ari: 0,
		},
		{
			name:      "identical up to names",
			pred:      map[string]string{"a": "dc-1", "b": "dc-1", "c": "dc-2"},
			truth:     map[string]string{"a": "X", "b": "X", "c": "Y"},
			precision: 1, recall: 1, f1: 1, ari: 1,
		},
		{
			name:      "one big cluster",
			pred:      map[string]string{"a": "1", "b": "1", "c": "1", "d": "1"},
			truth:     map[string]string{"a": "X", "b": "X", "c": "Y", "d": "Y"},
			precision: 1.0 / 3, recall: 1, f1: 0.5, ari: 0,
		},
		{
			name:      "all singletons, empty ids included",
			pred:      map[string]string{"a": "1", "b": "2", "c": ""},
			truth:     map[string]string{"a": "X", "b": "Y", "c": ""},
			precision: 1, recall: 1, f1: 1, ari: 1,
		},
		{
			name: "empty",
			pred: map[string]string{}, truth: map[string]string{},
			precision: 1, recall: 1, f1: 1, ari: 1,
		},
	}
	for _, tt := range tests {
		p, r, f := PairwiseScores(tt.pred, tt.truth)
		ari := AdjustedRandIndex(tt.pred, tt.truth)
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"precision", p, tt.precision}, {"recall", r, tt.recall}, {"f1", f, tt.f1}, {"ARI", ari, tt.ari}} {
			if math.Abs(c.got-c.want) > 1e-12 {
				t.Errorf("%s: %s %v, want %v", tt.name, c.what, c.got, c.want)
			}
		}
	}
}

func TestScoreLabelsMatchesMaps(t *testing.T) {
	ms, truth := Synthetic(2000, 30, 2)
	r := Run(ms, nil, Options{})
	f1, ari := scoreLabels(r.assign, truth)
	tm := map[string]string{}
	for i := range ms {
		tm[mentionID(&ms[i], i)] = truth[i]
	}
	_, _, wantF1 := PairwiseScores(r.Assignments(), tm)
	wantARI := AdjustedRandIndex(r.Assignments(), tm)
	if math.Abs(f1-wantF1) > 1e-9 || math.Abs(ari-wantARI) > 1e-9 {
		t.Errorf("scoreLabels = %v, %v; maps give %v, %v", f1, ari, wantF1, wantARI)
	}
}

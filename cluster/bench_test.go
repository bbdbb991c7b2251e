package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchmarkCluster times Run on n synthetic mentions from 300 root causes and
// reports, from one extra measured run, the peak live heap (input included) and
// what Run allocates.
func benchmarkCluster(b *testing.B, n int) {
	ms, _ := Synthetic(n, 300, 1)
	var clusters int
	_, peak, alloc := measure(func() { clusters = len(Run(ms, nil, Options{}).Clusters) })
	b.ResetTimer()
	for b.Loop() {
		Run(ms, nil, Options{})
	}
	b.ReportMetric(float64(alloc)/(1<<20), "alloc-MB/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(clusters), "clusters")
}

func BenchmarkCluster100k(b *testing.B) { benchmarkCluster(b, 100_000) }
func BenchmarkCluster1M(b *testing.B)   { benchmarkCluster(b, 1_000_000) }

// BenchmarkCluster1MWords is BenchmarkCluster1M with transcript words on every
// mention, so products are tried for a cut (split.go): 60 words drawn from a
// skewed 20,000-word vocabulary, plus the mention's part.
func BenchmarkCluster1MWords(b *testing.B) {
	ms, _ := Synthetic(1_000_000, 300, 1)
	rng := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 20_000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%d", i)
	}
	words := make([]string, 0, 61)
	for i := range ms {
		words = words[:0]
		for range 60 {
			words = append(words, vocab[int(rng.ExpFloat64()*2000)%len(vocab)])
		}
		ms[i].Words = Words(append(words, ms[i].Component)...)
	}
	b.ResetTimer()
	for b.Loop() {
		Run(ms, nil, Options{})
	}
}

func TestBenchScaling(t *testing.T) {
	r, err := BenchScaling(20_000)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if r.F1 < 0.9 || r.Clusters < 300 {
		t.Errorf("synthetic: pairwise F1 %.3f with %d clusters, want >= 0.9 with >= 300", r.F1, r.Clusters)
	}
	if _, err := BenchScaling(0); err == nil {
		t.Error("BenchScaling(0): no error")
	}
}

// Command friction-bench runs Friction's benchmarks beside same-run baselines and
// prints a Markdown table (make bench).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/frictionhq/friction/bench"
	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/transcript"
)

func main() {
	corpus := flag.String("corpus", "testdata/corpus/demo.jsonl", "native JSONL corpus to ingest")
	n := flag.Int("n", 10000, "transcripts to ingest (the corpus is repeated with fresh ids)")
	runs := flag.Int("runs", 3, "runs of each measurement; the median is reported")
	flag.Parse()
	if err := run(*corpus, *n, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "friction-bench:", err)
		os.Exit(1)
	}
}

func run(corpus string, n, runs int) error {
	lines, err := bench.LoadCorpus(corpus, n)
	if err != nil {
		return err
	}
	words := 0
	for _, l := range lines {
		t, rerr := ingest.DecodeNative(l)
		if rerr != nil {
			return rerr
		}
		words += t.WordCount()
	}
	fmt.Printf("corpus %s: %d transcripts (~%d words each), GOMAXPROCS=%d, median of %d runs\n\n",
		corpus, len(lines), words/len(lines), runtime.GOMAXPROCS(0), runs)

	var results []bench.Result
	// Alternate the two so machine noise hits both alike.
	e2e, err := bench.Median(runs, func() (float64, error) { return bench.IngestEndToEnd(lines) })
	if err != nil {
		return err
	}
	bare, err := bench.Median(runs, func() (float64, error) { return bench.BareBleve(lines) })
	if err != nil {
		return err
	}
	results = append(results, bench.Result{
		Name: "ingest end to end (parse, validate, store durably, index)", Value: e2e, Unit: "transcripts/s",
		Baseline: "bare Bleve, default mapping, same docs and batches", Base: bare,
		Note: "target >= 1,000/s and >= 0.7x",
	})
	var ts []*transcript.Transcript
	for _, l := range lines {
		t, _ := ingest.DecodeNative(l)
		ts = append(ts, t)
	}
	analysed, err := bench.Median(runs, func() (float64, error) { return bench.AnalysisThroughput(ts) })
	if err != nil {
		return err
	}
	tagged, err := bench.Median(runs, func() (float64, error) { return bench.TaggingThroughput(ts) })
	if err != nil {
		return err
	}
	results = append(results, bench.Result{
		Name: "analysis (normalise, tag, rules, attribution)", Value: analysed, Unit: "transcripts/s",
		Baseline: "prose v3 POS tagging alone, same words", Base: tagged, Note: "goal >= 1,000/s of ~300 words on 2 cores",
	})

	dir, err := os.MkdirTemp("", "friction-bench-rpc")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	t20 := bench.TwentyTurns(ts)
	lat, base, err := bench.AnalyzeRPCLatency(dir, t20, 2000)
	if err != nil {
		return err
	}
	results = append(results, bench.Result{
		Name: fmt.Sprintf("AnalyzeTranscript p99, 20 turns (%d words), gRPC on loopback", t20.WordCount()), Value: ms(lat.P99), Unit: "ms",
		Baseline: "health-check RPC p99, same connection", Base: ms(base.P99),
		Note: fmt.Sprintf("p50 %.2f ms; goal p99 <= 5 ms", ms(lat.P50)),
	})

	var prev bench.Result
	for _, size := range []int{100_000, 1_000_000} {
		r, err := cluster.BenchScaling(size)
		if err != nil {
			return err
		}
		base := bench.ExactGroupBy(size)
		note := fmt.Sprintf("%d clusters, peak heap %d MiB (input %d MiB), synthetic pairwise F1 %.2f; goal at 1M <= 10 s, <= 1 GiB",
			r.Clusters, r.PeakBytes>>20, r.InputBytes>>20, r.F1)
		res := bench.Result{
			Name: fmt.Sprintf("cluster %s defect mentions", humanCount(size)), Value: r.Elapsed.Seconds() * 1000, Unit: "ms",
			Baseline: "exact-signature group-by of the same mentions", Base: base.Seconds() * 1000, Note: note,
		}
		if prev.Value > 0 {
			res.Note += fmt.Sprintf("; time grew %.1fx for 10x the mentions", res.Value/prev.Value)
		}
		results = append(results, res)
		prev = res
	}
	bench.Print(os.Stdout, results)
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func humanCount(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1000)
}

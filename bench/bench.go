package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/transcript"
)

// Result is one measured figure beside its baseline.
type Result struct {
	Name     string
	Value    float64
	Unit     string
	Baseline string  // what the baseline is
	Base     float64 // the baseline's figure in the same unit; 0 when none
	Note     string
}

// Ratio is Value over Base, or 0 without a baseline.
func (r Result) Ratio() float64 {
	if r.Base == 0 {
		return 0
	}
	return r.Value / r.Base
}

// Print writes results as a Markdown table.
func Print(w io.Writer, results []Result) {
	fmt.Fprintln(w, "| figure | Friction | baseline (same run) | ratio | note |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range results {
		base, ratio := "—", "—"
		if r.Base != 0 {
			base = fmt.Sprintf("%.0f %s (%s)", r.Base, r.Unit, r.Baseline)
			ratio = fmt.Sprintf("%.2fx", r.Ratio())
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.Name, format(r.Value, r.Unit), base, ratio, r.Note)
	}
}

func format(v float64, unit string) string {
	if v >= 100 {
		return fmt.Sprintf("%.0f %s", v, unit)
	}
	return fmt.Sprintf("%.2f %s", v, unit)
}

// LoadCorpus reads a native JSONL corpus and repeats it, with fresh ids, until
// it holds n transcripts.
func LoadCorpus(path string, n int) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var base []*transcript.Transcript
	err = ingest.ReadNative(bytes.NewReader(data), path, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		base = append(base, r.Transcript)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(base) == 0 {
		return nil, fmt.Errorf("%s: no transcripts", path)
	}
	out := make([][]byte, 0, n)
	for i := 0; len(out) < n; i++ {
		t := *base[i%len(base)]
		t.ID = fmt.Sprintf("%s-r%d", t.ID, i/len(base))
		line, err := marshalLine(&t)
		if err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, nil
}

// IngestBatch is the batch size both ingest paths use.
const IngestBatch = 500

// IngestEndToEnd measures what frictiond does with an ingested batch: parse the
// native JSON, validate, redact, analyse, store durably and index. It returns
// transcripts per second.
func IngestEndToEnd(lines [][]byte) (float64, error) {
	dir, err := os.MkdirTemp("", "friction-bench")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	eng, err := engine.Open(engine.Config{DataDir: dir})
	if err != nil {
		return 0, err
	}
	defer eng.Close()
	start := time.Now()
	from := 0
	next := func() ([]*transcript.Transcript, error) {
		if from >= len(lines) {
			return nil, nil
		}
		to := min(from+IngestBatch, len(lines))
		var batch []*transcript.Transcript
		for _, line := range lines[from:to] {
			t, rerr := ingest.DecodeNative(line)
			if rerr != nil {
				return nil, rerr
			}
			batch = append(batch, t)
		}
		from = to
		return batch, nil
	}
	// The same pipeline as a gRPC ingest stream: a batch is parsed and analysed
	// while the one before it is stored and indexed.
	err = eng.IngestStream(context.Background(), next, func(res []engine.IngestResult) error {
		for _, r := range res {
			if !r.Stored {
				return fmt.Errorf("%s rejected: %v", r.ID, r.Rejected)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return float64(len(lines)) / time.Since(start).Seconds(), nil
}

// BareBleve indexes the same documents with Bleve's default mapping (what a
// team would get from Bleve alone), in batches of the same size. It returns
// documents per second.
func BareBleve(lines [][]byte) (float64, error) {
	dir, err := os.MkdirTemp("", "friction-bench-bleve")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	idx, err := bleve.New(filepath.Join(dir, "idx"), bleve.NewIndexMapping())
	if err != nil {
		return 0, err
	}
	defer idx.Close()
	start := time.Now()
	for from := 0; from < len(lines); from += IngestBatch {
		to := min(from+IngestBatch, len(lines))
		b := idx.NewBatch()
		for _, line := range lines[from:to] {
			t, rerr := ingest.DecodeNative(line)
			if rerr != nil {
				return 0, rerr
			}
			if err := b.Index(t.ID, t); err != nil {
				return 0, err
			}
		}
		if err := idx.Batch(b); err != nil {
			return 0, err
		}
	}
	return float64(len(lines)) / time.Since(start).Seconds(), nil
}

// Median runs fn n times and returns the median figure.
func Median(n int, fn func() (float64, error)) (float64, error) {
	var vs []float64
	for range n {
		v, err := fn()
		if err != nil {
			return 0, err
		}
		vs = append(vs, v)
	}
	sort.Float64s(vs)
	return vs[len(vs)/2], nil
}

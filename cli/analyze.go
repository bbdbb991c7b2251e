package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/transcript"
)

// analyzed is one line of `friction analyze --json`.
type analyzed struct {
	ID       string        `json:"id"`
	Analysis *nlp.Analysis `json:"analysis"`
}

// item is one record of the inputs, in input order: a transcript to analyse or
// a record that could not be read.
type item struct {
	t        *transcript.Transcript
	analysis *nlp.Analysis
	bad      *ingest.RecordError
}

// runAnalyze analyses transcript files offline, with no server. Defects are
// clustered across all the files given, so each carries its cluster id.
func runAnalyze(ctx context.Context, c *cmdContext) int {
	rules := c.fs.String("rules", "", "rule pack `PACK.yaml` to use instead of the embedded one")
	format := c.fs.String("format", "auto", "input `format`: auto (by extension and content), "+formatNames())
	if code, ok := c.parse(1, -1); !ok {
		return code
	}
	an, err := loadAnalyzer(*rules)
	if err != nil {
		return c.fail(err)
	}
	opts := ingest.Options{}
	if opts.Format, err = ingest.ParseFormat(*format); err != nil {
		return c.fail(fmt.Errorf("--format: %w", err))
	}
	inputs, err := expandInputs(c.args)
	if err != nil {
		return c.fail(err)
	}
	var items []*item
	for _, in := range inputs {
		err := in.read(c.env.Stdin, opts, func(rec ingest.Record) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			items = append(items, &item{t: rec.Transcript, bad: rec.Err})
			return nil
		})
		if err != nil {
			return c.fail(err)
		}
	}
	analyseAll(an, items)
	clusterAll(items)

	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	bad := 0
	for _, it := range items {
		var err error
		switch {
		case it.bad != nil && c.json:
			bad++
			err = enc.Encode(map[string]any{"id": it.bad.ID, "error": it.bad.Error()})
		case it.bad != nil:
			bad++
			fmt.Fprintln(c.env.Stderr, "rejected:", it.bad)
		case c.json:
			err = enc.Encode(analyzed{ID: it.t.ID, Analysis: it.analysis})
		default:
			if err = nlp.Format(c.env.Stdout, it.t, it.analysis); err == nil {
				_, err = fmt.Fprintln(c.env.Stdout)
			}
		}
		if err != nil {
			return c.fail(err)
		}
	}
	if bad > 0 {
		return ExitProblems
	}
	return ExitOK
}

// analyseAll analyses every readable item on all cores.
func analyseAll(an *nlp.Analyzer, items []*item) {
	work := make(chan *item)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				it.analysis = an.Analyze(it.t)
				it.analysis.TranscriptID = it.t.ID
			}
		}()
	}
	for _, it := range items {
		if it.t != nil {
			work <- it
		}
	}
	close(work)
	wg.Wait()
}

// clusterAll clusters the defects of every analysed item together and writes
// each defect's cluster id into its friction point.
func clusterAll(items []*item) {
	var all []cluster.Mention
	for _, it := range items {
		if it.analysis != nil {
			all = append(all, engine.Mentions(it.t, it.analysis)...)
		}
	}
	if len(all) == 0 {
		return
	}
	res := cluster.Run(all, nil, cluster.Options{})
	for _, it := range items {
		if it.analysis == nil {
			continue
		}
		n := 0
		for i := range it.analysis.FrictionPoints {
			f := &it.analysis.FrictionPoints[i]
			if f.Category != nlp.ProductDefect {
				continue
			}
			if id, ok := res.ClusterOf(fmt.Sprintf("%s#%d", it.t.ID, n)); ok {
				f.ClusterID = id
			}
			n++
		}
	}
}

// loadAnalyzer returns the embedded pack's analyzer, or one for the pack at path.
func loadAnalyzer(path string) (*nlp.Analyzer, error) {
	if path != "" {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("--rules: %w", err)
		}
	}
	return nlp.Load(path)
}

package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/nlp"
)

// analyzed is one line of `friction analyze --json`.
type analyzed struct {
	ID       string        `json:"id"`
	Analysis *nlp.Analysis `json:"analysis"`
}

// runAnalyze analyses transcript files offline, with no server.
func runAnalyze(ctx context.Context, c *cmdContext) int {
	rules := c.fs.String("rules", "", "rule pack `PACK.yaml` to use instead of the embedded one")
	if code, ok := c.parse(1, -1); !ok {
		return code
	}
	an, err := loadAnalyzer(*rules)
	if err != nil {
		return c.fail(err)
	}
	inputs, err := expandInputs(c.args)
	if err != nil {
		return c.fail(err)
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	bad := 0
	for _, in := range inputs {
		err := in.read(c.env.Stdin, ingest.Options{}, nil, func(rec ingest.Record) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if rec.Err != nil {
				bad++
				if c.json {
					return enc.Encode(map[string]any{"id": rec.Err.ID, "error": rec.Err.Error()})
				}
				fmt.Fprintln(c.env.Stderr, "rejected:", rec.Err)
				return nil
			}
			a := an.Analyze(rec.Transcript)
			if c.json {
				return enc.Encode(analyzed{ID: rec.Transcript.ID, Analysis: a})
			}
			if err := nlp.Format(c.env.Stdout, rec.Transcript, a); err != nil {
				return err
			}
			_, err := fmt.Fprintln(c.env.Stdout)
			return err
		})
		if err != nil {
			return c.fail(err)
		}
	}
	if bad > 0 {
		return ExitProblems
	}
	return ExitOK
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

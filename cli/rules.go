package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/frictionhq/friction/nlp"
)

// rulesReport is `friction rules check --json` output.
type rulesReport struct {
	Path     string               `json:"path"`
	Version  string               `json:"version,omitempty"`
	Rules    int                  `json:"rules"`
	Errors   []*nlp.RuleError     `json:"errors"`
	Failures []nlp.ExampleFailure `json:"failures"`
}

// runRules implements `friction rules check PACK.yaml`: exit 0 when every
// example passes, 1 when some fail, 2 when the pack does not load.
func runRules(ctx context.Context, c *cmdContext) int {
	if code, ok := c.parse(2, 2); !ok {
		return code
	}
	if c.args[0] != "check" {
		fmt.Fprintf(c.env.Stderr, "friction rules: unknown subcommand %q (want: check)\n", c.args[0])
		return ExitError
	}
	path := c.args[1]
	rep := rulesReport{Path: path, Errors: []*nlp.RuleError{}, Failures: []nlp.ExampleFailure{}}
	p, err := nlp.LoadRulePack(path)
	if err != nil {
		var es nlp.RuleErrors
		if !errors.As(err, &es) {
			return c.fail(err)
		}
		rep.Errors = es
		if c.json {
			_ = json.NewEncoder(c.env.Stdout).Encode(rep)
		} else {
			for _, e := range es {
				fmt.Fprintln(c.env.Stderr, e.Error())
			}
		}
		return ExitError
	}
	rep.Version, rep.Rules = p.Version, len(p.Rules)
	rep.Failures = append(rep.Failures, p.Check()...)
	if c.json {
		_ = json.NewEncoder(c.env.Stdout).Encode(rep)
	} else {
		for _, f := range rep.Failures {
			fmt.Fprintf(c.env.Stdout, "%s:%d: %s\n", path, f.Line, f)
		}
		fmt.Fprintf(c.env.Stdout, "%s: version %s, %s, %d failing examples\n", path, p.Version, plural(len(p.Rules), "rule", "rules"), len(rep.Failures))
	}
	if len(rep.Failures) > 0 {
		return ExitProblems
	}
	return ExitOK
}

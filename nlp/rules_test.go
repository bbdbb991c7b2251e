package nlp

import (
	"errors"
	"strings"
	"testing"
)

const minimalPack = `version: "t1"
lexicons:
  negation: [not]
  hypothetical: [if]
  resolved: [fixed]
  positive: [great]
  negative: [bad]
  component_stop: [thing]
  cat_account: [password]
  cat_billing: [refund]
  cat_shipping: [parcel]
  cat_website_app: [website]
  cat_policy: [policy]
  fail: [crash]
rules:
  - id: d.crash
    kind: defect
    patterns: ["keep verb=@fail"]
    symptom: "{verbs}"
    examples:
      match: ["the app keeps crashing"]
      no_match: ["the app is great"]
`

func TestParseRulePack(t *testing.T) {
	p, err := ParseRulePack("min.yaml", []byte(minimalPack))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != "t1" || len(p.Rules) != 1 {
		t.Fatalf("pack %+v", p)
	}
	if fs := p.Check(); len(fs) != 0 {
		t.Errorf("failures: %v", fs)
	}
}

func TestParseRulePackErrors(t *testing.T) {
	for _, tc := range []struct {
		name, edit, old string
		line            int
		field, msg      string
	}{
		{"unknown key", "    colour: red\n    patterns:", "    patterns:", 18, "rules[0].colour", "unknown key"},
		{"unknown kind", "kind: defekt", "kind: defect", 17, "rules[0].kind", "unknown kind"},
		{"bad pattern", `patterns: ["keep verb=@nosuch"]`, `patterns: ["keep verb=@fail"]`, 18, "rules[0].patterns[0]", "unknown lexicon @nosuch"},
		{"bad gap", `patterns: ["keep *99 crash"]`, `patterns: ["keep verb=@fail"]`, 18, "rules[0].patterns[0]", "bad gap"},
		{"missing examples", "    examples:\n      match: []\n", "    examples:\n      match: [\"the app keeps crashing\"]\n", 20, "d.crash.examples.match", "at least one example"},
		{"missing version", "", "version: \"t1\"\n", 1, "version", "missing"},
		{"duplicate id", minimalPack[strings.Index(minimalPack, "  - id: d.crash"):] + "  - id: d.crash", "  - id: d.crash", 0, "id", "duplicate id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(minimalPack, tc.old, tc.edit, 1)
			_, err := ParseRulePack("p.yaml", []byte(src))
			var es RuleErrors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("err %v, want RuleErrors", err)
			}
			e := es[0]
			if e.Path != "p.yaml" || (tc.line > 0 && e.Line != tc.line) || !strings.Contains(e.Field, tc.field) || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("got %v (line %d), want line %d field %q msg %q", e, e.Line, tc.line, tc.field, tc.msg)
			}
		})
	}
	if _, err := ParseRulePack("bad.yaml", []byte("version: [")); err == nil {
		t.Error("bad YAML loaded")
	}
}

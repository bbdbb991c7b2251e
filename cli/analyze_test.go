package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/frictionhq/friction/nlp"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestAnalyzeJSON(t *testing.T) {
	code, out, errs := runCLI(t, "analyze", "--json", "testdata/analyze.jsonl")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	var first struct {
		ID       string       `json:"id"`
		Analysis nlp.Analysis `json:"analysis"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.ID != "an-1" || !first.Analysis.Masked || !first.Analysis.HasDefect() || first.Analysis.RulesVersion == "" {
		t.Errorf("first line: %+v", first)
	}
	if !strings.Contains(lines[1], `"id":"an-2"`) || strings.Contains(lines[1], "product_defect") {
		t.Errorf("second line: %s", lines[1])
	}
}

func TestAnalyzeText(t *testing.T) {
	code, out, errs := runCLI(t, "analyze", "testdata/analyze.jsonl")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"an-1 (chat", `turn 0, customer: "my earbuds case won't charge anymore" [rule defect.neg-function]`, "MASKED: CSAT 5/5 credited to the agent", "an-2 (chat", "no friction found"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAnalyzeErrors(t *testing.T) {
	if code, _, _ := runCLI(t, "analyze"); code != ExitError {
		t.Errorf("no files: exit %d, want %d", code, ExitError)
	}
	if code, _, _ := runCLI(t, "analyze", "testdata/nope.jsonl"); code != ExitError {
		t.Errorf("missing file: exit %d, want %d", code, ExitError)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"x","channel":"fax","turns":[]}`+"\n"), 0o644)
	if code, _, errs := runCLI(t, "analyze", bad); code != ExitProblems || !strings.Contains(errs, "rejected") {
		t.Errorf("invalid record: exit %d (%s), want %d", code, errs, ExitProblems)
	}
	if code, _, _ := runCLI(t, "analyze", "--rules", "testdata/rules-bad.yaml", "testdata/analyze.jsonl"); code != ExitError {
		t.Errorf("bad rules: exit %d, want %d", code, ExitError)
	}
}

func TestRulesCheck(t *testing.T) {
	// The embedded pack, written out, passes.
	dir := t.TempDir()
	good := filepath.Join(dir, "pack.yaml")
	p, _ := os.ReadFile("../nlp/rules/default.yaml")
	os.WriteFile(good, p, 0o644)
	if code, out, errs := runCLI(t, "rules", "check", good); code != ExitOK || !strings.Contains(out, "0 failing examples") {
		t.Errorf("default pack: exit %d\n%s%s", code, out, errs)
	}
	// A failing example: exit 1.
	failing := filepath.Join(dir, "failing.yaml")
	os.WriteFile(failing, []byte(strings.Replace(string(p), `match: ["the lid is cracked",`, `match: ["the lid is perfectly fine", "the lid is cracked",`, 1)), 0o644)
	if code, out, _ := runCLI(t, "rules", "check", failing); code != ExitProblems || !strings.Contains(out, `should match "the lid is perfectly fine"`) {
		t.Errorf("failing example: exit %d\n%s", code, out)
	}
	// A load error: exit 2, path:line:col: field: msg.
	code, _, errs := runCLI(t, "rules", "check", "testdata/rules-bad.yaml")
	if code != ExitError || !strings.Contains(errs, `testdata/rules-bad.yaml:6:11: rules[0].kind: unknown kind "defekt"`) {
		t.Errorf("bad pack: exit %d\n%s", code, errs)
	}
	code, out, _ := runCLI(t, "rules", "check", "--json", "testdata/rules-bad.yaml")
	var rep struct {
		Errors []nlp.RuleError `json:"errors"`
	}
	err := json.Unmarshal([]byte(out), &rep)
	found := false
	for _, e := range rep.Errors {
		found = found || e.Line == 6 && e.Field == "rules[0].kind"
	}
	if err != nil || code != ExitError || !found {
		t.Errorf("--json: exit %d, %v, %s", code, err, out)
	}
	if code, _, _ := runCLI(t, "rules", "lint", good); code != ExitError {
		t.Errorf("unknown subcommand: exit %d", code)
	}
}

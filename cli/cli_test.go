package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/frictionhq/friction/internal/testserver"
	"github.com/frictionhq/friction/server"
)

// run runs the friction program in-process against addr.
func run(t *testing.T, addr string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
		if k == "FRICTION_ADDR" {
			return addr
		}
		return ""
	}}
	code = Run(context.Background(), args, env)
	return out.String(), errOut.String(), code
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	lineA   = `{"id":"ch-1","channel":"chat","started_at":"2026-09-14T10:02:00Z","customer":{"id":"c-1"},"agents":[{"id":"a-17","name":"Priya"}],"turns":[{"speaker":"agent","text":"Hi, how can I help?"},{"speaker":"customer","text":"my earbuds won't charge, the charging case is dead"}],"survey":{"type":"csat","score":5,"comment":"Priya was a star"}}`
	lineB   = `{"id":"ca-2","channel":"call","started_at":"2026-09-15T11:00:00Z","turns":[{"speaker":"customer","text":"um the kettle lid is cracked you know"}]}`
	lineC   = `{"id":"em-3","channel":"email","started_at":"2026-09-16T12:00:00Z","subject":"Refund","turns":[{"speaker":"customer","text":"I was charged twice for my order"}]}`
	lineBad = `{"id":"bad-9","channel":"chat","started_at":"2026-09-16T12:00:00Z","turns":[{"speaker":"narrator","text":"hello"}]}`
)

func TestIngestSearchShowDelete(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	dir := t.TempDir()
	file := writeFile(t, dir, "batch.jsonl", lineA+"\n"+lineBad+"\n"+lineB+"\n"+lineC+"\n")

	out, errOut, code := run(t, s.Addr, "ingest", file)
	if code != ExitProblems {
		t.Fatalf("ingest exit %d, want %d (some rejected)\nstdout: %s\nstderr: %s", code, ExitProblems, out, errOut)
	}
	if !strings.Contains(out, "stored 3 transcripts, rejected 1") {
		t.Errorf("summary %q", out)
	}
	wantErr := file + `:2: id "bad-9": turns[0].speaker: "narrator" is not one of agent, customer, system, bot`
	if !strings.Contains(errOut, wantErr) {
		t.Errorf("stderr %q\nwant it to contain %q", errOut, wantErr)
	}

	out, _, code = run(t, s.Addr, "search", "charging case")
	if code != ExitOK || !strings.Contains(out, "ch-1") || strings.Contains(out, "ca-2") {
		t.Errorf("search exit %d:\n%s", code, out)
	}
	if !strings.Contains(out, "**charging** **case**") {
		t.Errorf("search output should highlight the match:\n%s", out)
	}
	out, _, code = run(t, s.Addr, "search", "--channel", "call", "kettle", "--json")
	var resp struct {
		Hits []struct{ ID string } `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &resp); err != nil || code != ExitOK || len(resp.Hits) != 1 || resp.Hits[0].ID != "ca-2" {
		t.Errorf("search --json exit %d, %v: %s", code, err, out)
	}
	_, _, code = run(t, s.Addr, "search", "toaster")
	if code != ExitProblems {
		t.Errorf("search with no hits exit %d, want %d", code, ExitProblems)
	}

	out, _, code = run(t, s.Addr, "show", "ch-1")
	if code != ExitOK || !strings.Contains(out, "customer: my earbuds won't charge") || !strings.Contains(out, "CSAT 5/5") {
		t.Errorf("show exit %d:\n%s", code, out)
	}
	out, _, code = run(t, s.Addr, "delete", "ch-1", "--json")
	if code != ExitOK || !strings.Contains(out, `"deleted":"ch-1"`) {
		t.Errorf("delete exit %d: %s", code, out)
	}
	_, errOut, code = run(t, s.Addr, "show", "ch-1")
	if code != ExitError || !strings.Contains(errOut, "not found") {
		t.Errorf("show deleted exit %d: %s", code, errOut)
	}
}

func TestIngestJSONSummaryAndDirectory(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", lineA+"\n")
	writeFile(t, dir, "b.json", "{\n"+strings.TrimPrefix(lineB, "{")+"\n")
	writeFile(t, dir, "notes.md", "not a transcript")
	out, _, code := run(t, s.Addr, "ingest", "--json", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, out)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Stored != 2 || sum.Rejected != 0 {
		t.Errorf("summary %s (%v), want 2 stored", out, err)
	}
	// Ingesting again replaces, it does not duplicate.
	out, _, _ = run(t, s.Addr, "ingest", dir)
	if !strings.Contains(out, "stored 2 transcripts (2 replaced an earlier version), rejected 0") {
		t.Errorf("re-ingest summary %q", out)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, ExitError, `unknown command "frobnicate"`},
		{[]string{"show"}, ExitError, "usage: friction show"},
		{[]string{"ingest", "/no/such/file.jsonl"}, ExitError, "no such file"},
		{[]string{"search", "--sort", "sideways", "x"}, ExitError, "--sort"},
		{[]string{"search", "--channel", "fax", "x"}, ExitError, "--channel"},
		{[]string{"help"}, ExitOK, "commands:"},
	}
	for _, tt := range tests {
		out, errOut, code := run(t, "127.0.0.1:1", tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("friction %v: exit %d, output %q; want exit %d and %q", tt.args, code, out+errOut, tt.code, tt.want)
		}
	}
}

func TestUnreachableServer(t *testing.T) {
	_, errOut, code := run(t, "127.0.0.1:1", "search", "x", "--timeout", "2s")
	if code != ExitError || !strings.Contains(errOut, "cannot reach frictiond at 127.0.0.1:1") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestIngestOtherFormats(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	dir := t.TempDir()
	writeFile(t, dir, "call-2026-09-20.txt", "[00:00:01] Agent: thanks for calling, how can I help\n[00:00:05] Customer: my card is 4111 1111 1111 1111 and the vacuum brush stopped spinning\n")
	writeFile(t, dir, "note.eml", "From: Dana Ruiz <dana@example.com>\r\nTo: support@orla.example\r\nSubject: Kettle lid\r\nDate: Mon, 14 Sep 2026 10:02:00 +0000\r\nMessage-ID: <abc123@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi, the kettle lid cracked after a week.\r\n")
	out, errOut, code := run(t, s.Addr, "ingest", dir)
	if code != ExitOK || !strings.Contains(out, "stored 2 transcripts") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	out, _, _ = run(t, s.Addr, "search", "vacuum", "--json")
	if !strings.Contains(out, `"id":"call-2026-09-20"`) || !strings.Contains(out, `"channel":"CHANNEL_CALL"`) {
		t.Errorf("text transcript not found as a call: %s", out)
	}
	out, _, _ = run(t, s.Addr, "show", "call-2026-09-20")
	if strings.Contains(out, "4111") || !strings.Contains(out, "[CARD]") {
		t.Errorf("card number not redacted:\n%s", out)
	}
	out, _, _ = run(t, s.Addr, "search", "subject:kettle")
	if !strings.Contains(out, "1 transcript match") {
		t.Errorf("e-mail not searchable by subject:\n%s", out)
	}
	_, errOut, code = run(t, s.Addr, "ingest", "--format", "fax", dir)
	if code != ExitError || !strings.Contains(errOut, "unknown format") {
		t.Errorf("--format fax: exit %d, %s", code, errOut)
	}
	bad := writeFile(t, t.TempDir(), "mystery.dat", "lorem ipsum dolor sit amet\n")
	_, errOut, code = run(t, s.Addr, "ingest", bad)
	if code != ExitProblems || !strings.Contains(errOut, "mystery.dat") {
		t.Errorf("unrecognisable input: exit %d, %s", code, errOut)
	}
}

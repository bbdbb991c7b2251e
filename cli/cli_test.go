package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/internal/testserver"
	"github.com/frictionhq/friction/server"
	"github.com/frictionhq/friction/transcript"
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

func TestClustersShowAnalysisAndReindex(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	dir := t.TempDir()
	var lines []string
	for i, c := range []string{
		"my charging case stopped charging after a week",
		"the charging case won't charge anymore",
		"the charging case doesn't charge at all",
	} {
		lines = append(lines, fmt.Sprintf(`{"id":"m-%d","channel":"chat","started_at":"2026-09-%02dT10:00:00Z","customer":{"id":"c-%d"},"agents":[{"id":"a-17","name":"Priya"}],"turns":[{"speaker":"customer","text":%q},{"speaker":"agent","text":"I'm sorry, I've sent you a replacement."}],"survey":{"type":"csat","score":5,"comment":"Priya was a star"}}`, i, i+1, i, c))
	}
	run(t, s.Addr, "ingest", writeFile(t, dir, "m.jsonl", strings.Join(lines, "\n")+"\n"))

	out, _, code := run(t, s.Addr, "clusters")
	if code != ExitOK || !strings.Contains(out, "charging case") || !strings.Contains(out, "× 30") {
		t.Fatalf("clusters exit %d:\n%s", code, out)
	}
	if !strings.Contains(out, "GROWTH compares a window") {
		t.Errorf("an open window should explain the missing growth:\n%s", out)
	}
	id := strings.Fields(strings.Split(out, "\n")[1])[0]
	weekly, _, code := run(t, s.Addr, "clusters", "--weeks", "1")
	if code != ExitOK || !strings.Contains(weekly, "defect clusters with contacts from 2026-08-27 to 2026-09-03") || !strings.Contains(weekly, "+") {
		t.Errorf("clusters --weeks 1 exit %d:\n%s", code, weekly)
	}
	out, _, code = run(t, s.Addr, "cluster", id, "--examples", "1")
	if code != ExitOK || !strings.Contains(out, "contacts: 3 from 3 customers") || !strings.Contains(out, "masked (behind a positive survey): 100%") || !strings.Contains(out, "[rule ") {
		t.Errorf("cluster %s exit %d:\n%s", id, code, out)
	}
	out, _, _ = run(t, s.Addr, "clusters", "--json", "--sort", "masked")
	if !strings.Contains(out, `"id":"`+id+`"`) {
		t.Errorf("clusters --json: %s", out)
	}
	out, _, _ = run(t, s.Addr, "show", "m-0")
	for _, want := range []string{"MASKED DEFECT:", "defect: ", "cluster " + id, "praise: agent", "driver agent"} {
		if !strings.Contains(out, want) {
			t.Errorf("show m-0 lacks %q:\n%s", want, out)
		}
	}
	_, errOut, code := run(t, s.Addr, "cluster", "dc-nope")
	if code != ExitError || !strings.Contains(errOut, "not found") {
		t.Errorf("missing cluster: exit %d %s", code, errOut)
	}
}

func TestReindexOffline(t *testing.T) {
	dataDir := t.TempDir()
	eng, err := engine.Open(engine.Config{DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := ingest.DecodeNative([]byte(lineB))
	if _, err := eng.Ingest(context.Background(), []*transcript.Transcript{tr}); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "", "reindex", "--data", dataDir)
	if code != ExitError || !strings.Contains(errOut, "stop frictiond") {
		t.Errorf("reindex while open: exit %d, %s", code, errOut)
	}
	eng.Close()
	out, errOut, code := run(t, "", "reindex", "--data", dataDir)
	if code != ExitOK || !strings.Contains(out, "re-analysed and re-indexed 1 transcript") {
		t.Errorf("reindex: exit %d, %s %s", code, out, errOut)
	}
}

func TestAnalyzeClustersAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	mk := func(id, text string) string {
		return fmt.Sprintf(`{"id":%q,"channel":"chat","started_at":"2026-09-01T10:00:00Z","turns":[{"speaker":"customer","text":%q}]}`, id, text) + "\n"
	}
	a := writeFile(t, dir, "a.jsonl", mk("a1", "my charging case stopped charging after a week")+mk("a2", "how do i change my address"))
	b := writeFile(t, dir, "b.jsonl", mk("b1", "the charging case won't charge anymore"))
	out, _, code := run(t, "", "analyze", "--json", a, b)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, out)
	}
	ids := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var got struct {
			ID       string `json:"id"`
			Analysis struct {
				FrictionPoints []struct {
					Category  string `json:"category"`
					ClusterID string `json:"cluster_id"`
				} `json:"friction_points"`
			} `json:"analysis"`
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		for _, f := range got.Analysis.FrictionPoints {
			if f.Category == "product_defect" {
				ids[got.ID] = f.ClusterID
			}
		}
	}
	if ids["a1"] == "" || ids["a1"] != ids["b1"] || ids["a2"] != "" {
		t.Errorf("cluster ids %v: a1 and b1 should share one, a2 has no defect", ids)
	}
}

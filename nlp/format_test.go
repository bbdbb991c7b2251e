package nlp

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/frictionhq/friction/transcript"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func loadFixture(t *testing.T, path string) *transcript.Transcript {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tr transcript.Transcript
	if err := json.Unmarshal(data, &tr); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &tr
}

// TestFormat compares the readable output for each fixture with its golden file.
func TestFormat(t *testing.T) {
	a := analyzer(t)
	paths, err := filepath.Glob("testdata/transcripts/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		t.Run(name, func(t *testing.T) {
			tr := loadFixture(t, p)
			an := a.Analyze(tr)
			checkEvidence(t, tr, an)
			var buf bytes.Buffer
			if err := Format(&buf, tr, an); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", "TestFormat", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("output differs from %s:\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

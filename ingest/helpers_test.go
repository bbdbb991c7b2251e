package ingest

import (
	"os"
	"testing"
	"time"

	"github.com/frictionhq/friction/transcript"
)

// fallbackStart is the DefaultStartedAt the tests give inputs with no date.
var fallbackStart = time.Date(2026, 9, 14, 12, 0, 0, 0, time.UTC)

// readOne reads a fixture with Read and returns its only record.
func readOne(t *testing.T, path string, opts Options) Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []Record
	if err := Read(f, path, opts, func(r Record) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	if len(recs) != 1 {
		t.Fatalf("Read(%s): got %d records, want 1", path, len(recs))
	}
	return recs[0]
}

// checkRecord checks the invariants every record keeps: exactly one of
// Transcript and Err, a valid transcript, an error that says something.
func checkRecord(t *testing.T, r Record) {
	t.Helper()
	switch {
	case r.Transcript == nil && r.Err == nil:
		t.Fatalf("record has neither a transcript nor an error: %+v", r)
	case r.Transcript != nil && r.Err != nil:
		t.Fatalf("record has both a transcript and an error: %v", r.Err)
	case r.Transcript != nil:
		if err := r.Transcript.Validate(); err != nil {
			t.Fatalf("produced an invalid transcript: %v", err)
		}
	default:
		if len(r.Err.Violations) == 0 {
			t.Fatalf("error with no violations: %+v", r.Err)
		}
		for _, v := range r.Err.Violations {
			if v.Description == "" {
				t.Fatalf("violation with no description: %+v", r.Err)
			}
		}
		if r.Err.Error() == "" {
			t.Fatal("error renders as nothing")
		}
	}
}

func turn(sp transcript.Speaker, name, text string, offset int64) transcript.Turn {
	return transcript.Turn{Speaker: sp, Name: name, Text: text, OffsetMS: offset}
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

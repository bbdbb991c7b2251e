package ingest

import (
	"strings"
	"testing"
)

const goodLine = `{"id":"ch-1","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"my earbuds won't charge"}]}`

func readAll(t *testing.T, in string) []Record {
	t.Helper()
	var recs []Record
	if err := ReadNative(strings.NewReader(in), "f.jsonl", func(r Record) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatalf("ReadNative: %v", err)
	}
	return recs
}

func TestReadNativeShapes(t *testing.T) {
	other := strings.Replace(goodLine, "ch-1", "ch-2", 1)
	pretty := "{\n  \"id\": \"ch-1\",\n  \"channel\": \"call\",\n  \"started_at\": \"2026-09-14T10:02:00Z\",\n  \"turns\": [\n    {\"speaker\": \"agent\", \"text\": \"hello\"}\n  ]\n}\n"
	tests := []struct {
		name  string
		in    string
		ids   []string
		lines []int
	}{
		{"jsonl", goodLine + "\n" + other + "\n", []string{"ch-1", "ch-2"}, []int{1, 2}},
		{"jsonl no final newline", goodLine + "\n" + other, []string{"ch-1", "ch-2"}, []int{1, 2}},
		{"blank lines and CRLF", "\n" + goodLine + "\r\n\r\n" + other + "\r\n", []string{"ch-1", "ch-2"}, []int{2, 4}},
		{"byte order mark", "\xEF\xBB\xBF" + goodLine + "\n", []string{"ch-1"}, []int{1}},
		{"single pretty object", pretty, []string{"ch-1"}, []int{1}},
		{"array", "[\n" + goodLine + ",\n" + other + "\n]\n", []string{"ch-1", "ch-2"}, []int{2, 3}},
		{"concatenated pretty objects", pretty + strings.Replace(pretty, "ch-1", "ch-9", 1), []string{"ch-1", "ch-9"}, []int{1, 9}},
		{"empty", "", nil, nil},
		{"only blank", "\n\n  \n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := readAll(t, tt.in)
			if len(recs) != len(tt.ids) {
				t.Fatalf("got %d records, want %d: %+v", len(recs), len(tt.ids), recs)
			}
			for i, r := range recs {
				if r.Err != nil {
					t.Fatalf("record %d: %v", i, r.Err)
				}
				if r.Transcript.ID != tt.ids[i] || r.Line != tt.lines[i] {
					t.Errorf("record %d: got id %q line %d, want %q line %d", i, r.Transcript.ID, r.Line, tt.ids[i], tt.lines[i])
				}
			}
		})
	}
}

func TestReadNativeRejectsOneLineKeepsTheRest(t *testing.T) {
	bad := []struct {
		name, line, id, field, want string
	}{
		{"unknown field", `{"id":"x-1","channel":"chat","started_at":"2026-09-14T10:02:00Z","mood":"sad","turns":[{"speaker":"customer","text":"hi"}]}`, "x-1", "mood", "unknown field"},
		{"wrong type", `{"id":"x-2","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi","offset_ms":"soon"}]}`, "x-2", "turns[0].offset_ms", "an integer"},
		{"bad time", `{"id":"x-3","channel":"chat","started_at":"yesterday","turns":[{"speaker":"customer","text":"hi"}]}`, "x-3", "started_at", "RFC 3339"},
		{"invalid json", `{"id":"x-4","channel":"chat",`, "", "", "invalid JSON"},
		{"validation", `{"id":"x-5","channel":"fax","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi"}]}`, "x-5", "channel", `"fax"`},
		{"not an object", `[1,2]`, "", "", "JSON object"},
		{"two values", goodLine + " " + goodLine, "ch-1", "", "more than one value"},
		{"unknown field in a turn", `{"id":"x-7","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi"},{"speaker":"agent","text":"yo","tone":"warm"}]}`, "x-7", "tone", "unknown field"},
		{"survey score string", `{"id":"x-6","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi"}],"survey":{"type":"csat","score":"five"}}`, "x-6", "survey.score", "a number"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			in := goodLine + "\n" + b.line + "\n" + strings.Replace(goodLine, "ch-1", "ch-3", 1) + "\n"
			recs := readAll(t, in)
			if len(recs) != 3 {
				t.Fatalf("got %d records, want 3", len(recs))
			}
			if recs[0].Err != nil || recs[2].Err != nil {
				t.Fatalf("good lines rejected: %v / %v", recs[0].Err, recs[2].Err)
			}
			e := recs[1].Err
			if e == nil {
				t.Fatalf("line 2 accepted, want rejected")
			}
			if e.Line != 2 || e.Source != "f.jsonl" || e.ID != b.id {
				t.Errorf("got source %q line %d id %q, want f.jsonl line 2 id %q", e.Source, e.Line, e.ID, b.id)
			}
			found := false
			for _, v := range e.Violations {
				if v.Field == b.field && strings.Contains(v.Description, b.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("got violations %+v, want field %q with %q", e.Violations, b.field, b.want)
			}
			if msg := e.Error(); !strings.HasPrefix(msg, "f.jsonl:2: ") {
				t.Errorf("error %q should start with file:line", msg)
			}
		})
	}
}

func TestDecodeNative(t *testing.T) {
	tr, err := DecodeNative([]byte(goodLine))
	if err != nil || tr.ID != "ch-1" || len(tr.Turns) != 1 {
		t.Fatalf("DecodeNative = %+v, %v", tr, err)
	}
}

package ingest

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/frictionhq/friction/transcript"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
		wantErr    string
	}{
		{"a.jsonl", `{"id":"x"}`, FormatNative, ""},
		{"a.ndjson", ``, FormatNative, ""},
		{"a.json", `{"id":"x","channel":"chat","turns":[]}`, FormatNative, ""},
		{"a.json", `[{"id":"x"}]`, FormatNative, ""},
		{"a.JSON", `{"JobName":"j","Transcript":[]}`, FormatTranscribe, ""},
		{"a.json", `{"Version":"1.1.0","Participants":[{"ParticipantId":"A"}],"Transcript":[]}`, FormatTranscribe, ""},
		{"a.json", `{"name":"projects/p/locations/l/conversations/c","latestAnalysis":{"x":[1,{"y":2}]}}`, FormatCCAI, ""},
		{"a.json", `{"conversation_info":{},"entries":[]}`, FormatCCAI, ""},
		{"a.json", `{"transcript":{"transcriptSegments":[]}}`, FormatCCAI, ""},
		{"a.json", `{"jobName":"j","accountId":"1","results":{}}`, "", "plain Amazon Transcribe output"},
		{"a.json", `{"Transcript":[],"entries":[]}`, "", "both Amazon Transcribe and Google CCAI"},
		{"a.txt", `WEBVTT`, FormatText, ""},
		{"chat.TXT", `anything`, FormatText, ""},
		{"m.eml", ``, FormatEML, ""},
		{"c.vtt", ``, FormatVTT, ""},
		{"c.srt", ``, FormatSRT, ""},
		{"-", "\xEF\xBB\xBFWEBVTT\n\n", FormatVTT, ""},
		{"-", "  {\"JobName\":\"j\"}", FormatTranscribe, ""},
		{"-", `{"id":"x"}` + "\n" + `{"id":"y"}`, FormatNative, ""},
		{"upload", "1\n00:00:01,000 --> 00:00:02,000\nAGENT: hi\n", FormatSRT, ""},
		{"upload", "From: a@b.com\r\nTo: c@d.com\r\nSubject: hi\r\n\r\nbody", FormatEML, ""},
		{"upload", "Received: from x\r\n\tby y\r\nFrom: a@b.com\r\n\r\nbody", FormatEML, ""},
		{"upload", "Subject: Refund\nDate: 2026-09-14\n\nAgent: hi\nCustomer: hello\n", FormatText, ""},
		{"upload", "Agent: hi\nCustomer: hello\n", FormatText, ""},
		{"upload", "[00:00:01] Rep: hi\n", FormatText, ""},
		{"upload", "", "", "it is empty"},
		{"upload", "\x00\x01\x02binary", "", "not text"},
		{"upload", "Dear diary, nothing happened today.", "", "match none of the formats"},
	}
	for _, tt := range tests {
		got, err := Detect(tt.name, []byte(tt.head))
		switch {
		case tt.wantErr != "":
			var de *DetectError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Detect(%q, %q): got %q, %v, want an error containing %q", tt.name, tt.head, got, err, tt.wantErr)
			}
		case err != nil || got != tt.want:
			t.Errorf("Detect(%q, %q): got %q, %v, want %q", tt.name, tt.head, got, err, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"", FormatAuto, true}, {"auto", FormatAuto, true}, {"native", FormatNative, true}, {"JSONL", FormatNative, true},
		{"text", FormatText, true}, {"eml", FormatEML, true}, {"vtt", FormatVTT, true}, {"webvtt", FormatVTT, true},
		{"srt", FormatSRT, true}, {"transcribe", FormatTranscribe, true}, {"ccai", FormatCCAI, true},
		{"docx", "", false},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseFormat(%q): got %q, %v, want %q (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
	var ufe *UnknownFormatError
	if _, err := ParseFormat("docx"); !errors.As(err, &ufe) || !strings.Contains(err.Error(), "native, text, eml, vtt, srt, transcribe, ccai") {
		t.Errorf("got %v, want an UnknownFormatError listing the formats", err)
	}
}

func readString(t *testing.T, data, name string, opts Options) ([]Record, error) {
	t.Helper()
	var recs []Record
	err := Read(strings.NewReader(data), name, opts, func(r Record) error {
		checkRecord(t, r)
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

func TestReadNativeThroughRead(t *testing.T) {
	data := `{"id":"a","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi"}]}
{"id":"b","channel":"fax","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi"}]}
`
	recs, err := readString(t, data, "batch.jsonl", Options{})
	if err != nil || len(recs) != 2 {
		t.Fatalf("got %d records, %v; want 2", len(recs), err)
	}
	if recs[0].Transcript == nil || recs[1].Err == nil || recs[1].Line != 2 {
		t.Errorf("got %+v / %+v, want a good first record and a bad second one at line 2", recs[0], recs[1])
	}
}

func TestReadOptions(t *testing.T) {
	text := "Agent: hi\nCustomer: my kettle leaks\n"
	t.Run("bad format name", func(t *testing.T) {
		_, err := readString(t, text, "x.txt", Options{Format: "docx"})
		var ufe *UnknownFormatError
		if !errors.As(err, &ufe) {
			t.Errorf("got %v, want an UnknownFormatError", err)
		}
	})
	t.Run("undetectable", func(t *testing.T) {
		recs, err := readString(t, "just some words", "notes", Options{})
		if err != nil || len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "cannot tell the format of notes") {
			t.Errorf("got %+v, %v; want one bad record saying the format is unknown", recs, err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		recs, err := readString(t, text, "x.txt", Options{MaxBytes: 10, DefaultStartedAt: fallbackStart})
		if err != nil || len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "larger than 10 bytes") {
			t.Errorf("got %+v, %v; want one bad record saying the input is too large", recs, err)
		}
	})
	t.Run("forced format", func(t *testing.T) {
		recs, err := readString(t, text, "-", Options{Format: FormatText, ID: "t-1", DefaultStartedAt: fallbackStart})
		if err != nil || len(recs) != 1 || recs[0].Transcript == nil || recs[0].Transcript.ID != "t-1" {
			t.Errorf("got %+v, %v; want one transcript with id t-1", recs, err)
		}
	})
	t.Run("no id from stdin", func(t *testing.T) {
		recs, _ := readString(t, text, "-", Options{Format: FormatText, DefaultStartedAt: fallbackStart})
		if len(recs) != 1 || recs[0].Err == nil || recs[0].Err.Violations[0].Field != "id" {
			t.Errorf("got %+v, want an id error", recs)
		}
	})
	t.Run("date from file name", func(t *testing.T) {
		recs, _ := readString(t, text, "exports/chat_20260914T100200 Dana.txt", Options{})
		if len(recs) != 1 || recs[0].Transcript == nil {
			t.Fatalf("got %+v", recs)
		}
		tr := recs[0].Transcript
		if want := date("2026-09-14T10:02:00Z"); !tr.StartedAt.Equal(want) || tr.ID != "chat_20260914T100200_Dana" {
			t.Errorf("got id %q start %v, want chat_20260914T100200_Dana and %v", tr.ID, tr.StartedAt, want)
		}
	})
	t.Run("callback error stops", func(t *testing.T) {
		stop := errors.New("stop")
		err := Read(strings.NewReader(text), "x.txt", Options{DefaultStartedAt: fallbackStart}, func(Record) error { return stop })
		if err != stop {
			t.Errorf("got %v, want the callback's error", err)
		}
	})
}

// TestReadFixtures reads every fixture with format detection and checks the
// record invariants, so a new fixture is exercised even before it has a table row.
func TestReadFixtures(t *testing.T) {
	dirs := []string{"text", "eml", "captions", "transcribe", "ccai"}
	for _, dir := range dirs {
		entries, err := os.ReadDir("testdata/" + dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			path := "testdata/" + dir + "/" + e.Name()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := readString(t, string(data), path, Options{DefaultStartedAt: fallbackStart})
			if err != nil || len(recs) != 1 {
				t.Errorf("%s: got %d records, %v", path, len(recs), err)
			}
			// The same bytes without a name are detected from the content.
			if dir == "ccai" || dir == "transcribe" || strings.HasSuffix(path, ".vtt") || strings.HasSuffix(path, ".eml") {
				f, derr := Detect("-", data)
				if r := recs[0]; derr != nil && r.Err == nil {
					t.Errorf("%s: content detection failed: %v", path, derr)
				} else if derr == nil && f == FormatNative {
					t.Errorf("%s: content detected as native", path)
				}
			}
		}
	}
}

func TestDateFromName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"call_2026-09-14.vtt", "2026-09-14T00:00:00Z"},
		{"20260914-1002.txt", "2026-09-14T10:02:00Z"},
		{"dir/2026-09-14T10:02:33_x.srt", "2026-09-14T10:02:33Z"},
		{"20260231.txt", ""},
		{"call-4471.vtt", ""},
		{"-", ""},
	}
	for _, tt := range tests {
		got := dateFromName(tt.in)
		if tt.want == "" && !got.IsZero() || tt.want != "" && !got.Equal(date(tt.want)) {
			t.Errorf("dateFromName(%q): got %v, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRecordErrorText(t *testing.T) {
	r := Parse(FormatText, []byte("Agent: hi\n[00:00:02] Boss: hello\n"), "chat.txt", Options{DefaultStartedAt: fallbackStart})
	if r.Err == nil {
		t.Fatal("want an error")
	}
	if got := r.Err.Error(); !strings.HasPrefix(got, `chat.txt:2: unknown speaker label "Boss"`) {
		t.Errorf("got %q", got)
	}
}

func TestParseAuto(t *testing.T) {
	tests := []struct {
		name, data string
		want       transcript.Channel
		wantErr    string
	}{
		{"doc-1", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Agent>hello\n", transcript.Call, ""},
		{"doc-2", `{"JobName":"j-2","Transcript":[{"ParticipantRole":"CUSTOMER","Content":"hi"}]}`, transcript.Call, ""},
		{"doc-3", "Customer: hi\nAgent: hello\n", transcript.Chat, ""},
		{"doc-4", `{"id":"n-1","channel":"survey","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"ok"}]}`, transcript.Survey, ""},
		{"doc-5", "???", "", "cannot tell the format of doc-5"},
	}
	for _, tt := range tests {
		r := Parse(FormatAuto, []byte(tt.data), tt.name, Options{DefaultStartedAt: fallbackStart})
		checkRecord(t, r)
		switch {
		case tt.wantErr != "":
			if r.Err == nil || !strings.Contains(r.Err.Error(), tt.wantErr) {
				t.Errorf("%s: got %+v, want an error containing %q", tt.name, r, tt.wantErr)
			}
		case r.Err != nil:
			t.Errorf("%s: got error %v", tt.name, r.Err)
		case r.Transcript.Channel != tt.want:
			t.Errorf("%s: got channel %q, want %q", tt.name, r.Transcript.Channel, tt.want)
		}
	}
}

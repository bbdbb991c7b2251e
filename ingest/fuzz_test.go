package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The fuzz targets feed arbitrary bytes to each reader and check what every
// input must give: no panic, one record per single-transcript input, exactly one
// of a transcript (which validates) and an error (which names its source and
// says what is wrong). Their seeds are the fixtures under testdata/ plus the
// corpora under testdata/fuzz/.

func addSeeds(f *testing.F, glob string, extra ...string) {
	f.Helper()
	paths, err := filepath.Glob(glob)
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			continue // testdata/fuzz holds the fuzzer's own corpus
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

func fuzzSingle(t *testing.T, format Format, data []byte) {
	const name = "fuzz-input"
	var recs []Record
	err := Read(bytes.NewReader(data), name, Options{Format: format, DefaultStartedAt: fallbackStart,
		CompanyDomains: []string{"acme-shop.com"}}, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Read returned %v; only reading r or fn may fail", err)
	}
	if format != FormatAuto && format != FormatNative && len(recs) != 1 {
		t.Fatalf("got %d records, want 1", len(recs))
	}
	for _, r := range recs {
		checkRecord(t, r)
		if r.Source != name || r.Err != nil && r.Err.Source != name {
			t.Fatalf("record does not name its source: %+v", r)
		}
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, "testdata/text/*", "Agent: hi\n\tCustomer:\n[99:99] Bot:", "(12:00 AM) Rep - A: x\n(11:59 PM) Client: y")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatText, data) })
}

func FuzzReadEML(f *testing.F) {
	addSeeds(f, "testdata/eml/*", "From: a@acme-shop.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\nhi\r\n--x--")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatEML, data) })
}

func FuzzReadVTT(f *testing.F) {
	addSeeds(f, "testdata/captions/*.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Agent>hi</v><v Customer>yo")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatVTT, data) })
}

func FuzzReadSRT(f *testing.F) {
	addSeeds(f, "testdata/captions/*.srt", "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>AGENT:</i> hi")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatSRT, data) })
}

func FuzzReadTranscribe(f *testing.F) {
	addSeeds(f, "testdata/transcribe/*", `{"Transcript":[{"ParticipantRole":"CUSTOMER","Content":"x","BeginOffsetMillis":1e300}]}`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatTranscribe, data) })
}

func FuzzReadCCAI(f *testing.F) {
	addSeeds(f, "testdata/ccai/*", `{"entries":[{"text":"x","role":"AGENT","start_timestamp_usec":"9e18"}]}`,
		`{"duration":{"seconds":"1e20"},"transcript":{"transcriptSegments":[{"text":"x","words":[{"startOffset":"-1s"}]}]}}`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatCCAI, data) })
}

func FuzzRead(f *testing.F) {
	addSeeds(f, "testdata/*/*")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzSingle(t, FormatAuto, data) })
}

func FuzzReadNative(f *testing.F) {
	addSeeds(f, "testdata/native/*",
		`{"id":"a","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"hi"}]}`,
		`[{"id":"a"},{"id":"b","channel":"call"}`,
		"{\"id\":\"a\"}\n\n{\"id\":\"b\",\"turns\":[{\"speaker\":\"bot\",\"text\":\"x\",\"offset_ms\":-1}]}\n{",
		"{\n \"id\": \"x\",\n \"channel\": \"email\"\n}\n{\"id\": 7}")
	f.Fuzz(func(t *testing.T, data []byte) {
		var recs []Record
		err := ReadNative(bytes.NewReader(data), "fuzz.jsonl", func(r Record) error {
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			t.Fatalf("ReadNative returned %v on an in-memory input", err)
		}
		for _, r := range recs {
			checkRecord(t, r)
			if r.Line < 1 {
				t.Fatalf("record without a line: %+v", r)
			}
		}
	})
}

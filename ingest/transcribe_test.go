package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/frictionhq/friction/transcript"
)

func TestReadTranscribe(t *testing.T) {
	const A, C = transcript.Agent, transcript.Customer
	tests := []struct {
		file string
		want *transcript.Transcript
	}{
		{"call_analytics.json", &transcript.Transcript{
			ID: "acme-call-2026-09-14-4471", Channel: transcript.Call, StartedAt: date("2026-09-14T00:00:00Z"),
			DurationSeconds: 76, Language: "en-US",
			Turns: []transcript.Turn{
				turn(A, "", "Thank you for calling Acme, this is Priya. How can I help?", 500),
				turn(C, "", "My blender smells like it's burning and it sparked once.", 5400),
				turn(A, "", "Please unplug it. I'll send a replacement today.", 70000),
				turn(C, "", "Great, thank you.", 74300),
			},
			Metadata: map[string]string{
				"categories":               "product-defect, positive-resolution",
				"agent_sentiment_score":    "2.5",
				"customer_sentiment_score": "-0.8",
				"customer_sentiment_first": "NEGATIVE",
				"customer_sentiment_last":  "POSITIVE",
			},
		}},
		{"contact_lens.json", &transcript.Transcript{
			ID: "7c77422d-f9ba-4111-ad48-b2f5dadf854a", Channel: transcript.Call, StartedAt: date("2026-09-14T10:02:00Z"),
			DurationSeconds: 87, Language: "en-US",
			Turns: []transcript.Turn{
				turn(A, "", "Acme support, how can I help?", 2540),
				turn(C, "", "My order never arrived.", 5580),
			},
			Metadata: map[string]string{"customer_sentiment_first": "NEGATIVE", "customer_sentiment_last": "NEGATIVE"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := readOne(t, "testdata/transcribe/"+tt.file, Options{})
			checkRecord(t, r)
			if r.Err != nil {
				t.Fatalf("got error %v, want a transcript", r.Err)
			}
			if diff := cmp.Diff(tt.want, r.Transcript); diff != "" {
				t.Errorf("transcript mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadTranscribeErrors(t *testing.T) {
	tests := []struct {
		name, in, field, wantInMsg string
		line                       int
	}{
		{"unknown role", `{"JobName":"j","Transcript":[{"ParticipantRole":"AGENT","Content":"Hi"},{"ParticipantRole":"SPEAKER_2","Content":"Yo"}]}`,
			"Transcript[1].ParticipantRole", `"SPEAKER_2" is not AGENT or CUSTOMER`, 0},
		{"no segments", `{"JobName":"j","Transcript":[]}`, "Transcript", "no segments", 0},
		{"no content", `{"JobName":"j","Transcript":[{"ParticipantRole":"AGENT","Content":"  "}]}`, "Transcript", "no segment has any Content", 0},
		{"negative offset", `{"JobName":"j","Transcript":[{"ParticipantRole":"AGENT","Content":"Hi","BeginOffsetMillis":-5}]}`,
			"Transcript[0].BeginOffsetMillis", "not a usable offset", 0},
		{"wrong type", `{"JobName":"j","Transcript":[{"ParticipantRole":"AGENT","Content":7}]}`, "Transcript.Content", "must be a string", 0},
		{"syntax", "{\"JobName\":\"j\",\n\"Transcript\": [ }", "", "invalid JSON", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(FormatTranscribe, []byte(tt.in), "x.json", Options{DefaultStartedAt: fallbackStart})
			checkRecord(t, r)
			if r.Err == nil {
				t.Fatal("got a transcript, want an error")
			}
			if v := r.Err.Violations[0]; v.Field != tt.field || !strings.Contains(v.Description, tt.wantInMsg) || r.Err.Line != tt.line {
				t.Errorf("got line %d %q: %q, want line %d %q containing %q", r.Err.Line, v.Field, v.Description, tt.line, tt.field, tt.wantInMsg)
			}
		})
	}
}

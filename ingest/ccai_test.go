package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/frictionhq/friction/transcript"
)

func TestReadCCAI(t *testing.T) {
	const A, C, B = transcript.Agent, transcript.Customer, transcript.Bot
	tests := []struct {
		file string
		want *transcript.Transcript
	}{
		{"conversation.json", &transcript.Transcript{
			ID: "conv-8812", Channel: transcript.Call, StartedAt: date("2026-09-14T10:02:00Z"),
			DurationSeconds: 413, Language: "en-US", Queue: "returns",
			Agents: []transcript.Party{{ID: "a-17", Name: "Priya"}},
			Turns: []transcript.Turn{
				turn(A, "", "thank you for calling acme this is priya", 400),
				turn(C, "", "hi my earbuds stopped charging after a week and the case light never comes on", 4100),
				turn(A, "", "i'm sorry i'll send you a replacement today", 11250),
			},
			Metadata: map[string]string{"queue_name": "returns", "order_id": "A-99812", "customer_satisfaction_rating": "5"},
		}},
		{"upload_entries.json", &transcript.Transcript{
			ID: "upload_entries", Channel: transcript.Chat, StartedAt: date("2026-09-14T10:02:00Z"),
			Turns: []transcript.Turn{
				turn(C, "", "Hi, I was charged twice for my order.", 0),
				turn(B, "", "I'm the virtual assistant. Let me connect you to an agent.", 5000),
				turn(A, "", "Hi, I can see the duplicate charge.\nI've refunded it.", 50000),
				turn(C, "", "thanks!", 70000),
			},
			Metadata: map[string]string{"categories": "Billing, Refund"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := readOne(t, "testdata/ccai/"+tt.file, Options{})
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

func TestReadCCAISnakeCaseAndRelative(t *testing.T) {
	in := `{"transcript": {"transcript_segments": [
		{"text": "hello", "segment_participant": {"role": "AUTOMATED_AGENT"}, "words": [{"start_offset": "0.5s"}]},
		{"text": "hi there", "segment_participant": {"role": "END_USER"}, "words": [{"start_offset": {"seconds": "2", "nanos": 0}}]}]},
		"medium": "CHAT", "labels": {"Team_Name": "east"}}`
	r := Parse(FormatCCAI, []byte(in), "conv-1.json", Options{DefaultStartedAt: fallbackStart})
	checkRecord(t, r)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	want := &transcript.Transcript{ID: "conv-1", Channel: transcript.Chat, StartedAt: fallbackStart,
		Turns:    []transcript.Turn{turn(transcript.Bot, "", "hello", 500), turn(transcript.Customer, "", "hi there", 2000)},
		Metadata: map[string]string{"Team_Name": "east"}}
	if diff := cmp.Diff(want, r.Transcript); diff != "" {
		t.Errorf("transcript mismatch (-want +got):\n%s", diff)
	}
	entries := `{"entries": [{"start_timestamp_usec": 1000000, "text": "hi", "role": "CUSTOMER", "user_id": 1},
		{"start_timestamp_usec": 5000000, "text": "hello", "role": "AGENT", "user_id": 2}]}`
	r = Parse(FormatCCAI, []byte(entries), "c2.json", Options{DefaultStartedAt: fallbackStart})
	checkRecord(t, r)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := r.Transcript.Turns[1].OffsetMS; got != 5000 || !r.Transcript.StartedAt.Equal(fallbackStart) {
		t.Errorf("relative timestamps: got offset %d and start %v, want 5000 and %v", got, r.Transcript.StartedAt, fallbackStart)
	}
}

func TestReadCCAIErrors(t *testing.T) {
	tests := []struct {
		name, in, field, wantInMsg string
	}{
		{"no role", "testdata/ccai/no_role.json", "transcript.transcriptSegments[0].segmentParticipant.role", "callMetadata does not say"},
		{"bad role", `{"entries":[{"text":"hi","role":"MANAGER","start_timestamp_usec":1}]}`, "entries[0].role", `"MANAGER" is not`},
		{"no transcript", `{"name":"projects/p/conversations/c"}`, "transcript", "no transcript"},
		{"bad duration", `{"duration":"soon","entries":[{"text":"hi","role":"AGENT"}]}`, "", "duration"},
		{"not an object", `[1,2]`, "", "is a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Record
			if strings.HasPrefix(tt.in, "testdata/") {
				r = readOne(t, tt.in, Options{DefaultStartedAt: fallbackStart})
			} else {
				r = Parse(FormatCCAI, []byte(tt.in), "x.json", Options{DefaultStartedAt: fallbackStart})
			}
			checkRecord(t, r)
			if r.Err == nil {
				t.Fatal("got a transcript, want an error")
			}
			if v := r.Err.Violations[0]; v.Field != tt.field || !strings.Contains(v.Description, tt.wantInMsg) {
				t.Errorf("got %q: %q, want %q containing %q", v.Field, v.Description, tt.field, tt.wantInMsg)
			}
		})
	}
}

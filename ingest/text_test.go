package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/frictionhq/friction/transcript"
)

func TestReadText(t *testing.T) {
	const (
		A = transcript.Agent
		C = transcript.Customer
		S = transcript.System
		B = transcript.Bot
	)
	tests := []struct {
		file string
		opts Options
		want *transcript.Transcript
	}{
		{"chat_export.txt", Options{}, &transcript.Transcript{
			ID: "ch-000123", Channel: transcript.Chat, StartedAt: date("2026-09-14T10:02:00Z"), Queue: "returns",
			Customer: &transcript.Party{Name: "Dana Ruiz"},
			Agents:   []transcript.Party{{Name: "Priya"}},
			Turns: []transcript.Turn{
				turn(A, "Priya", "Hi! How can I help?", 0),
				turn(C, "", "my earbuds won't charge anymore\nI tried two different cables.\nNote: the case light doesn't come on either", 0),
				turn(A, "Priya", "I'm sorry to hear that. Let me check order A-99812.", 0),
				turn(A, "Priya", "I've sent a replacement, it ships today.", 0),
				turn(C, "", "thank you!!", 0),
			},
			Survey:   &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, ScaleMax: 5, Comment: "Priya was a star!"},
			Metadata: map[string]string{"title": "Chat Transcript", "order_id": "A-99812", "visitor_ip": "203.0.113.7"},
		}},
		{"call_elapsed.txt", Options{DefaultStartedAt: fallbackStart}, &transcript.Transcript{
			ID: "call_elapsed", Channel: transcript.Call, StartedAt: fallbackStart,
			Agents: []transcript.Party{{Name: "Priya"}},
			Turns: []transcript.Turn{
				turn(A, "Priya", "Thank you for calling Acme, this is Priya, how can I help you today?", 3000),
				turn(C, "", "hi um yeah my kettle the lid cracked after two weeks", 8000),
				turn(A, "Priya", "I'm sorry about that. Can I get your order number?", 15000),
				turn(C, "", "it's A-55102", 21000),
				turn(A, "Priya", "Thanks. I've set up a replacement\nfor you, it should arrive in three to five business days.", 62000),
				turn(C, "", "great thanks", 69000),
			},
		}},
		{"call_elapsed.txt", Options{DefaultStartedAt: fallbackStart, Channel: transcript.Chat, ID: "given-id"}, nil},
		{"chat_clock.txt", Options{}, &transcript.Transcript{
			ID: "chat_clock", Channel: transcript.Chat, StartedAt: date("2026-09-14T23:58:40Z"), Subject: "Refund request",
			Agents: []transcript.Party{{Name: "Priya"}},
			Turns: []transcript.Turn{
				turn(A, "Priya", "Welcome to Acme chat support!", 0),
				turn(C, "", "hello, I was charged twice for my order", 22000),
				turn(S, "", "Dana joined the chat", 50000),
				turn(A, "Priya", "I see the duplicate charge, I've refunded it.", 95000),
				turn(C, "", "ok thx", 140000),
			},
		}},
		{"chat_absolute.txt", Options{}, &transcript.Transcript{
			ID: "chat_absolute", Channel: transcript.Chat, StartedAt: date("2026-09-14T10:02:33Z"),
			Turns: []transcript.Turn{
				turn(A, "", "Hello, you're chatting with Acme support.", 0),
				turn(C, "", "The app keeps logging me out", 18000),
				turn(A, "", "Please update to version 4.2, that fixes it.", 67000),
				turn(B, "", "Was this conversation helpful?", 92000),
			},
		}},
		{"otter_style.txt", Options{DefaultStartedAt: fallbackStart}, &transcript.Transcript{
			ID: "otter_style", Channel: transcript.Call, StartedAt: fallbackStart,
			Customer: &transcript.Party{Name: "Dana"},
			Turns: []transcript.Turn{
				turn(A, "", "Thanks for calling, how can I help?", 3000),
				turn(C, "Dana", "Yeah hi, my blender makes a burning smell\nevery time I use it.", 7000),
				turn(A, "", "Please stop using it right away. I'll arrange a refund.", 15000),
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := readOne(t, "testdata/text/"+tt.file, tt.opts)
			checkRecord(t, r)
			if r.Err != nil {
				t.Fatalf("got error %v, want a transcript", r.Err)
			}
			got := r.Transcript
			if tt.opts.ID != "" && got.ID != tt.opts.ID {
				t.Errorf("id: got %q, want %q", got.ID, tt.opts.ID)
			}
			if tt.opts.Channel != "" && got.Channel != tt.opts.Channel {
				t.Errorf("channel: got %q, want %q", got.Channel, tt.opts.Channel)
			}
			if tt.want == nil {
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("transcript mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadTextErrors(t *testing.T) {
	tests := []struct {
		file      string
		line      int
		field     string
		wantInMsg string
	}{
		{"names_only.txt", 1, "", `unknown speaker label "Priya"`},
		{"unknown_stamped.txt", 2, "", `unknown speaker label "Manager"`},
		{"mixed_stamps.txt", 2, "offset_ms", "not written like the first one (line 1)"},
		{"preamble_text.txt", 2, "", "text before the first speaker label"},
		{"call_elapsed.txt", 0, "started_at", "does not say when the contact started"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := readOne(t, "testdata/text/"+tt.file, Options{Format: FormatText})
			checkRecord(t, r)
			if r.Err == nil {
				t.Fatalf("got a transcript, want an error")
			}
			v := r.Err.Violations[0]
			if r.Err.Line != tt.line || v.Field != tt.field || !strings.Contains(v.Description, tt.wantInMsg) {
				t.Errorf("got line %d field %q %q, want line %d field %q containing %q",
					r.Err.Line, v.Field, v.Description, tt.line, tt.field, tt.wantInMsg)
			}
			if r.Err.Source != "testdata/text/"+tt.file {
				t.Errorf("source: got %q", r.Err.Source)
			}
		})
	}
}

func TestParseSpeakerLine(t *testing.T) {
	tests := []struct {
		in      string
		known   bool
		speaker transcript.Speaker
		name    string
		text    string
		ms      int64
	}{
		{"Agent: Hi there", true, transcript.Agent, "", "Hi there", 0},
		{"Customer: my earbuds won't charge", true, transcript.Customer, "", "my earbuds won't charge", 0},
		{"[00:01:02] Agent: Hi", true, transcript.Agent, "", "Hi", 62000},
		{"00:01:02 Customer: Hello", true, transcript.Customer, "", "Hello", 62000},
		{"AGENT (Priya): Hi", true, transcript.Agent, "Priya", "Hi", 0},
		{"Agent Priya: Hi", true, transcript.Agent, "Priya", "Hi", 0},
		{"Priya (Agent): Hi", true, transcript.Agent, "Priya", "Hi", 0},
		{"Customer Dana Ruiz: Hi", true, transcript.Customer, "Dana Ruiz", "Hi", 0},
		{"Rep - Priya: Hi", true, transcript.Agent, "Priya", "Hi", 0},
		{"Representative: Hi", true, transcript.Agent, "", "Hi", 0},
		{"Caller: Hi", true, transcript.Customer, "", "Hi", 0},
		{"Client: Hi", true, transcript.Customer, "", "Hi", 0},
		{"User: Hi", true, transcript.Customer, "", "Hi", 0},
		{"Support: Hi", true, transcript.Agent, "", "Hi", 0},
		{"Customer Service: Hi", true, transcript.Agent, "", "Hi", 0},
		{"Virtual Assistant: Hi", true, transcript.Bot, "", "Hi", 0},
		{"HUMAN_AGENT: Hi", true, transcript.Agent, "", "Hi", 0},
		{"END_USER: Hi", true, transcript.Customer, "", "Hi", 0},
		{">> CALLER: Hi", true, transcript.Customer, "", "Hi", 0},
		{"- Agent: Hi", true, transcript.Agent, "", "Hi", 0},
		{"Agent [00:00:05]: Hi", true, transcript.Agent, "", "Hi", 5000},
		{"Agent (10:02 AM): Hi", true, transcript.Agent, "", "Hi", 36120000},
		{"(2:05 PM) Agent: Hi", true, transcript.Agent, "", "Hi", 50700000},
		{"[01:02.500] Agent: Hi", true, transcript.Agent, "", "Hi", 62500},
		{"Agent:Hi", true, transcript.Agent, "", "Hi", 0},
		{"Agent: 10:30 works", true, transcript.Agent, "", "10:30 works", 0},
		{"Agent  0:03", true, transcript.Agent, "", "", 3000},
		{"Note: the case is cracked", false, "", "", "the case is cracked", 0},
		{"see https://acme.com/help", false, "", "", "see https://acme.com/help", 0},
		{"https://acme.com/help", false, "", "", "https://acme.com/help", 0},
		{"I called at 10:30 yesterday", false, "", "", "I called at 10:30 yesterday", 0},
		{"Customer at 5:00", false, "", "", "Customer at 5:00", 0},
		{"ratio 3:1 is fine", false, "", "", "ratio 3:1 is fine", 0},
		{"Visitor IP: 203.0.113.7", false, "", "", "203.0.113.7", 0},
		{"User agent: Mozilla/5.0", false, "", "", "Mozilla/5.0", 0},
		{"Customer email: dana@example.com", false, "", "", "dana@example.com", 0},
		{"Agent Customer: hi", false, "", "", "hi", 0},
	}
	for _, tt := range tests {
		got := parseSpeakerLine(tt.in)
		if got.known != tt.known || got.speaker != tt.speaker || got.name != tt.name || got.text != tt.text || got.stamp.ms != tt.ms {
			t.Errorf("parseSpeakerLine(%q)\n got known=%v speaker=%q name=%q text=%q ms=%d\nwant known=%v speaker=%q name=%q text=%q ms=%d",
				tt.in, got.known, got.speaker, got.name, got.text, got.stamp.ms, tt.known, tt.speaker, tt.name, tt.text, tt.ms)
		}
	}
}

func TestTextUnstampedTurnAmongStamped(t *testing.T) {
	in := "(10:00 AM) Agent: hi\nCustomer: hello\n(10:01:30 AM) Agent: ok\n"
	r := Parse(FormatText, []byte(in), "c.txt", Options{DefaultStartedAt: fallbackStart})
	checkRecord(t, r)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []int64
	for _, tu := range r.Transcript.Turns {
		got = append(got, tu.OffsetMS)
	}
	if want := []int64{0, 0, 90000}; !cmp.Equal(got, want) {
		t.Errorf("offsets: got %v, want %v", got, want)
	}
}

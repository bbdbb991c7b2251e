package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/frictionhq/friction/transcript"
)

func TestReadCaptions(t *testing.T) {
	const A, C = transcript.Agent, transcript.Customer
	tests := []struct {
		file string
		want *transcript.Transcript
	}{
		{"call_voices.vtt", &transcript.Transcript{
			ID: "call_voices", Channel: transcript.Call, StartedAt: fallbackStart, DurationSeconds: 75, Language: "en-US",
			Agents: []transcript.Party{{Name: "Priya"}},
			Turns: []transcript.Turn{
				turn(A, "Priya", "Thanks for calling Acme, this is Priya. How can I help?", 500),
				turn(C, "", "My blender smells like it's burning & it sparked once. it's the BL-900", 5400),
				turn(A, "Priya", "Please unplug it. I'll send a replacement today.", 70000),
			},
		}},
		{"call_prefixes.vtt", &transcript.Transcript{
			ID: "call_prefixes", Channel: transcript.Call, StartedAt: fallbackStart, DurationSeconds: 10,
			Turns: []transcript.Turn{
				turn(A, "", "Acme support, this is Sam.", 1000),
				turn(C, "", "Hi, my order never arrived, it's been two weeks.", 3500),
				turn(A, "", "Let me check.", 8500),
				turn(C, "", "Thanks.", 8500),
			},
		}},
		{"call.srt", &transcript.Transcript{
			ID: "call", Channel: transcript.Call, StartedAt: fallbackStart, DurationSeconds: 14,
			Turns: []transcript.Turn{
				turn(A, "", "Thank you for calling, how can I help?", 1000),
				turn(C, "", "Hi, the kettle lid cracked after two weeks. I only used it a few times.", 4500),
				turn(A, "", "I'm sorry, I'll send a replacement.", 10500),
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := readOne(t, "testdata/captions/"+tt.file, Options{DefaultStartedAt: fallbackStart})
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

func TestReadCaptionsErrors(t *testing.T) {
	tests := []struct {
		name      string
		format    Format
		in        string
		line      int
		wantInMsg string
	}{
		{"no speaker", FormatSRT, "testdata/captions/no_speaker.srt", 3, "the cue names no speaker"},
		{"unknown voice", FormatVTT, "testdata/captions/unknown_voice.vtt", 4, `unknown speaker "Speaker 1"`},
		{"bad timing", FormatSRT, "testdata/captions/bad_timing.srt", 6, "cannot read the cue timing"},
		{"no header", FormatVTT, "00:00:01.000 --> 00:00:02.000\nAGENT: hi\n", 1, "starts with the line WEBVTT"},
		{"no timing", FormatSRT, "1\nAGENT: hello\n", 2, "expected a SubRip cue timing line"},
		{"empty", FormatVTT, "WEBVTT\n\nNOTE nothing here\n", 0, "no WebVTT cues with text"},
		{"names as labels", FormatSRT, "1\n00:00:01,000 --> 00:00:02,000\nAGENT: hi\n\n2\n00:00:02,000 --> 00:00:03,000\nDana: hello\n\n" +
			"3\n00:00:03,000 --> 00:00:04,000\nDana: still there?\n", 7, `unknown speaker label "Dana"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Record
			if strings.HasPrefix(tt.in, "testdata/") {
				r = readOne(t, tt.in, Options{DefaultStartedAt: fallbackStart})
			} else {
				r = Parse(tt.format, []byte(tt.in), "x", Options{DefaultStartedAt: fallbackStart})
			}
			checkRecord(t, r)
			if r.Err == nil {
				t.Fatalf("got a transcript %+v, want an error", r.Transcript)
			}
			if v := r.Err.Violations[0]; r.Err.Line != tt.line || !strings.Contains(v.Description, tt.wantInMsg) {
				t.Errorf("got line %d %q, want line %d containing %q", r.Err.Line, v.Description, tt.line, tt.wantInMsg)
			}
		})
	}
}

func TestVoiceTag(t *testing.T) {
	tests := []struct {
		tag, want string
		ok        bool
	}{
		{"v Agent", "Agent", true},
		{"v.loud Customer", "Customer", true},
		{"v.loud.first Agent Priya", "Agent Priya", true},
		{"v\tBot", "Bot", true},
		{"vx", "", false},
		{"c.yellow", "", false},
		{"/v", "", false},
	}
	for _, tt := range tests {
		got, ok := voiceTag(tt.tag)
		if got != tt.want || ok != tt.ok {
			t.Errorf("voiceTag(%q): got %q %v, want %q %v", tt.tag, got, ok, tt.want, tt.ok)
		}
	}
}

package transcript

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func valid() *Transcript {
	return &Transcript{
		ID:        "ch-1",
		Channel:   Chat,
		StartedAt: time.Date(2026, 9, 14, 10, 2, 0, 0, time.UTC),
		Customer:  &Party{ID: "c-1", Name: "Dana"},
		Agents:    []Party{{ID: "a-17", Name: "Priya"}},
		Turns: []Turn{
			{Speaker: Agent, Text: "Hi! How can I help?"},
			{Speaker: Customer, Text: "my earbuds won't charge"},
		},
		Survey: &SurveyResponse{Type: CSAT, Score: 5, ScaleMax: 5},
	}
}

func TestValidateAcceptsAGoodTranscript(t *testing.T) {
	if err := valid().Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Transcript)
		field  string
		want   string // part of the description
	}{
		{"id missing", func(t *Transcript) { t.ID = "" }, "id", "required"},
		{"id blank", func(t *Transcript) { t.ID = "   " }, "id", "required"},
		{"id too long", func(t *Transcript) { t.ID = strings.Repeat("x", 129) }, "id", "at most 128"},
		{"id 128 is fine", func(t *Transcript) { t.ID = strings.Repeat("x", 128) }, "", ""},
		{"id with space", func(t *Transcript) { t.ID = "a b" }, "id", "spaces"},
		{"id with control", func(t *Transcript) { t.ID = "a\x00b" }, "id", "control"},
		{"channel missing", func(t *Transcript) { t.Channel = "" }, "channel", "required"},
		{"channel unknown", func(t *Transcript) { t.Channel = "fax" }, "channel", `"fax" is not one of`},
		{"survey channel", func(t *Transcript) { t.Channel = Survey }, "", ""},
		{"started_at missing", func(t *Transcript) { t.StartedAt = time.Time{} }, "started_at", "required"},
		{"started_at absurd", func(t *Transcript) { t.StartedAt = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC) }, "started_at", "out of range"},
		{"negative duration", func(t *Transcript) { t.DurationSeconds = -1 }, "duration_seconds", "negative"},
		{"no turns", func(t *Transcript) { t.Turns = nil }, "turns", "at least one"},
		{"too many turns", func(t *Transcript) {
			t.Turns = make([]Turn, DefaultLimits.MaxTurns+1)
		}, "turns", "at most"},
		{"speaker missing", func(t *Transcript) { t.Turns[1].Speaker = "" }, "turns[1].speaker", "required"},
		{"speaker unknown", func(t *Transcript) { t.Turns[0].Speaker = "robot" }, "turns[0].speaker", `"robot"`},
		{"text empty", func(t *Transcript) { t.Turns[1].Text = " \n" }, "turns[1].text", "required"},
		{"text invalid utf8", func(t *Transcript) { t.Turns[1].Text = "a\xffb" }, "turns[1].text", "UTF-8"},
		{"text too long", func(t *Transcript) { t.Turns[1].Text = strings.Repeat("a", DefaultLimits.MaxTurnChars+1) }, "turns[1].text", "at most"},
		{"negative offset", func(t *Transcript) { t.Turns[0].OffsetMS = -5 }, "turns[0].offset_ms", "negative"},
		{"agent with no id or name", func(t *Transcript) { t.Agents = []Party{{}} }, "agents[0]", "id or a name"},
		{"survey type missing", func(t *Transcript) { t.Survey.Type = "" }, "survey.type", "required"},
		{"survey type unknown", func(t *Transcript) { t.Survey.Type = "stars" }, "survey.type", `"stars"`},
		{"csat score above scale", func(t *Transcript) { t.Survey.Score = 6 }, "survey.score", "outside the scale 1-5"},
		{"csat score below scale", func(t *Transcript) { t.Survey.Score = 0 }, "survey.score", "outside"},
		{"nps 0 is fine", func(t *Transcript) { t.Survey = &SurveyResponse{Type: NPS, Score: 0} }, "", ""},
		{"nps 11", func(t *Transcript) { t.Survey = &SurveyResponse{Type: NPS, Score: 11} }, "survey.score", "outside the scale 0-10"},
		{"nps other scale", func(t *Transcript) { t.Survey = &SurveyResponse{Type: NPS, Score: 3, ScaleMax: 5} }, "survey.scale_max", "0-10"},
		{"scale max nonsense", func(t *Transcript) { t.Survey.ScaleMax = 1 }, "survey.scale_max", "not a usable"},
		{"metadata empty key", func(t *Transcript) { t.Metadata = map[string]string{"": "x"} }, "metadata", "empty key"},
		{"metadata too many", func(t *Transcript) {
			t.Metadata = map[string]string{}
			for i := range DefaultLimits.MaxMetadataKeys + 1 {
				t.Metadata[strings.Repeat("k", i+1)] = "v"
			}
		}, "metadata", "keys"},
		{"queue too long", func(t *Transcript) { t.Queue = strings.Repeat("q", 1025) }, "queue", "at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := valid()
			tt.modify(tr)
			err := tr.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want a *ValidationError", err)
			}
			for _, v := range ve.Violations {
				if v.Field == tt.field && strings.Contains(v.Description, tt.want) {
					return
				}
			}
			t.Errorf("got violations %v, want field %q with %q", ve.Violations, tt.field, tt.want)
		})
	}
}

func TestValidationErrorNamesIDAndEveryField(t *testing.T) {
	tr := valid()
	tr.Channel = "fax"
	tr.Turns[0].Speaker = ""
	err := tr.Validate()
	got := err.Error()
	for _, want := range []string{`"ch-1"`, "channel:", "turns[0].speaker:"} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q does not contain %q", got, want)
		}
	}
}

func TestNormalized(t *testing.T) {
	tests := []struct {
		s    SurveyResponse
		want float64
	}{
		{SurveyResponse{Type: CSAT, Score: 5}, 1},
		{SurveyResponse{Type: CSAT, Score: 1}, 0},
		{SurveyResponse{Type: CSAT, Score: 4, ScaleMax: 5}, 0.75},
		{SurveyResponse{Type: NPS, Score: 9}, 0.9},
		{SurveyResponse{Type: NPS, Score: 0}, 0},
		{SurveyResponse{Type: CES, Score: 7}, 1},
		{SurveyResponse{Type: CSAT, Score: 10, ScaleMax: 10}, 1},
	}
	for _, tt := range tests {
		if got := tt.s.Normalized(); got != tt.want {
			t.Errorf("%+v.Normalized() = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	tr := &Transcript{Turns: []Turn{{Text: "one two  three"}, {Text: "\nfour\tfive "}}}
	if got := tr.WordCount(); got != 5 {
		t.Errorf("WordCount() = %d, want 5", got)
	}
}

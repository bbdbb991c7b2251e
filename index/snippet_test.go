package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/frictionhq/friction/transcript"
)

func marked(s Snippet) string {
	r := []rune(s.Text)
	var b strings.Builder
	at := 0
	for _, h := range s.Highlights {
		b.WriteString(string(r[at:h[0]]) + "[" + string(r[h[0]:h[1]]) + "]")
		at = h[1]
	}
	b.WriteString(string(r[at:]))
	return b.String()
}

func TestSnippets(t *testing.T) {
	long := strings.Repeat("filler words here ", 20) + "the lid cracked again " + strings.Repeat("more talk ", 20)
	at := strings.Index(long, "cracked")
	tr := &transcript.Transcript{
		Subject: "Kettle broken",
		Turns: []transcript.Turn{
			{Speaker: transcript.Agent, Text: "hello"},
			{Speaker: transcript.Customer, Text: "the kettle lid cracked, the kettle leaks"},
			{Speaker: transcript.Customer, Text: long},
			{Speaker: transcript.Customer, Text: "naïve café kettle"},
		},
	}
	tests := []struct {
		name    string
		matches []Match
		max     int
		want    []string
	}{
		{"short turn whole", []Match{{Turn: 1, Start: 4, End: 10}, {Turn: 1, Start: 28, End: 34}}, 3,
			[]string{"1 customer: the [kettle] lid cracked, the [kettle] leaks"}},
		{"long turn cut at words", []Match{{Turn: 2, Start: at, End: at + 7}}, 3,
			nil}, // checked below
		{"subject", []Match{{Field: FieldSubject, Turn: -1, Start: 0, End: 6}}, 3, []string{"-1 : [Kettle] broken"}},
		{"rune offsets", []Match{{Turn: 3, Start: len("naïve café "), End: len("naïve café kettle")}}, 3, []string{"3 customer: naïve café [kettle]"}},
		{"most matches first, then turn order, capped", []Match{{Turn: 3, Start: 13, End: 19}, {Turn: 1, Start: 4, End: 10}, {Turn: 1, Start: 28, End: 34}}, 1,
			[]string{"1 customer: the [kettle] lid cracked, the [kettle] leaks"}},
		{"bad offsets ignored", []Match{{Turn: 9, Start: 0, End: 3}, {Turn: 1, Start: 5, End: 500}}, 3, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Snippets(tr, tt.matches, tt.max)
			if tt.want == nil {
				if len(got) != 1 || !strings.HasPrefix(got[0].Text, "…") || !strings.HasSuffix(got[0].Text, "…") ||
					!strings.Contains(marked(got[0]), "[cracked]") || len([]rune(got[0].Text)) > snippetRunes+30 {
					t.Errorf("got %+v, want one cut snippet around [cracked]", got)
				}
				return
			}
			var lines []string
			for _, s := range got {
				lines = append(lines, fmt.Sprintf("%d %s: %s", s.Turn, s.Speaker, marked(s)))
			}
			if fmt.Sprint(lines) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", lines, tt.want)
			}
		})
	}
}

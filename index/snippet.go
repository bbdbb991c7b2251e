package index

import (
	"sort"
	"unicode/utf8"

	"github.com/frictionhq/friction/transcript"
)

// Snippet is the part of a turn around matched words.
type Snippet struct {
	Turn       int                // -1 for the e-mail subject
	Speaker    transcript.Speaker // "" for the subject
	Text       string
	Highlights [][2]int // rune offsets into Text, end exclusive
}

// snippetRunes is about how much text a snippet shows.
const snippetRunes = 160

// Snippets cuts up to max snippets out of t around a hit's matches, the turns with
// the most matches first, then in turn order.
func Snippets(t *transcript.Transcript, matches []Match, max int) []Snippet {
	byTurn := map[int][][2]int{}
	for _, m := range matches {
		text, ok := turnText(t, m.Turn)
		if !ok || m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		byTurn[m.Turn] = append(byTurn[m.Turn], [2]int{m.Start, m.End})
	}
	turns := make([]int, 0, len(byTurn))
	for turn := range byTurn {
		turns = append(turns, turn)
	}
	sort.Slice(turns, func(i, j int) bool {
		ni, nj := len(byTurn[turns[i]]), len(byTurn[turns[j]])
		if ni != nj {
			return ni > nj
		}
		return turns[i] < turns[j]
	})
	if len(turns) > max {
		turns = turns[:max]
	}
	sort.Ints(turns)
	out := make([]Snippet, 0, len(turns))
	for _, turn := range turns {
		text, _ := turnText(t, turn)
		s := cut(text, dedupe(byTurn[turn]))
		s.Turn = turn
		if turn >= 0 {
			s.Speaker = t.Turns[turn].Speaker
		}
		out = append(out, s)
	}
	return out
}

func turnText(t *transcript.Transcript, turn int) (string, bool) {
	if turn == -1 {
		return t.Subject, t.Subject != ""
	}
	if turn < 0 || turn >= len(t.Turns) {
		return "", false
	}
	return t.Turns[turn].Text, true
}

func dedupe(spans [][2]int) [][2]int {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := spans[:0]
	for _, s := range spans {
		if len(out) > 0 && s[0] < out[len(out)-1][1] {
			continue
		}
		out = append(out, s)
	}
	return out
}

// cut returns a window of text around the first span (byte offsets), widened to
// word boundaries, with the spans inside it as rune offsets.
func cut(text string, spans [][2]int) Snippet {
	from, to := 0, len(text)
	if utf8.RuneCountInString(text) > snippetRunes {
		first := spans[0]
		from = backRunes(text, first[0], snippetRunes/3)
		to = forwardRunes(text, from, snippetRunes)
		if to < first[1] {
			to = first[1]
		}
		from = wordStart(text, from)
		if from > first[0] {
			from = first[0]
		}
		to = wordEnd(text, to)
		if to < first[1] {
			to = first[1]
		}
	}
	var s Snippet
	prefix, suffix := "", ""
	if from > 0 {
		prefix = "…"
	}
	if to < len(text) {
		suffix = "…"
	}
	s.Text = prefix + text[from:to] + suffix
	base := utf8.RuneCountInString(prefix)
	for _, sp := range spans {
		if sp[0] < from || sp[1] > to {
			continue
		}
		start := base + utf8.RuneCountInString(text[from:sp[0]])
		s.Highlights = append(s.Highlights, [2]int{start, start + utf8.RuneCountInString(text[sp[0]:sp[1]])})
	}
	return s
}

func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// wordStart moves i forward to the start of a word, unless it already is at one.
func wordStart(s string, i int) int {
	if i == 0 || isSpace(s[i-1]) {
		return i
	}
	for j := i; j < len(s) && j < i+20; j++ {
		if isSpace(s[j]) {
			return j + 1
		}
	}
	return i
}

// wordEnd moves i back to the end of a word, unless it already is at one.
func wordEnd(s string, i int) int {
	if i >= len(s) || isSpace(s[i]) {
		return i
	}
	for j := i; j > 0 && j > i-20; j-- {
		if isSpace(s[j-1]) {
			return j - 1
		}
	}
	return i
}

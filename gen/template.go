package gen

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// expand fills a phrase template. "{a|b|c}" picks one alternative (an empty one is
// allowed, "{really |}"), "{name}" asks slot for a value, and both nest. The result is
// tidied: runs of spaces collapsed, no space before punctuation.
func (g *rng) expand(t string, slot func(string) string) string {
	return tidy(g.expandRaw(t, slot))
}

func (g *rng) expandRaw(t string, slot func(string) string) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); {
		if t[i] != '{' {
			b.WriteByte(t[i])
			i++
			continue
		}
		j := closingBrace(t, i)
		if j < 0 {
			panic(fmt.Sprintf("gen: unbalanced braces in template %q", t))
		}
		inner := t[i+1 : j]
		if alts := splitTop(inner); len(alts) > 1 {
			b.WriteString(g.expandRaw(alts[g.intn(len(alts))], slot))
		} else {
			b.WriteString(g.expandRaw(slot(inner), slot))
		}
		i = j + 1
	}
	return b.String()
}

// closingBrace returns the index of the brace closing the one at open, or -1.
func closingBrace(t string, open int) int {
	depth := 0
	for i := open; i < len(t); i++ {
		switch t[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitTop splits s on the '|' characters that are not inside braces.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

var tidyReplacer = strings.NewReplacer(" ,", ",", " .", ".", " ?", "?", " !", "!", ",.", ".", " ;", ";")

// tidy collapses spaces and removes spaces before punctuation, keeping line breaks.
func tidy(s string) string {
	if strings.Contains(s, "\n") {
		ls := strings.Split(s, "\n")
		for i, l := range ls {
			ls[i] = tidy(l)
		}
		return strings.Join(ls, "\n")
	}
	s = strings.Join(strings.Fields(s), " ")
	for {
		n := tidyReplacer.Replace(s)
		if n == s {
			return s
		}
		s = n
	}
}

// capFirst upper-cases the first letter of s.
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentence capitalises s and ends it with a full stop unless it already ends with
// punctuation.
func sentence(s string) string {
	s = capFirst(strings.TrimSpace(s))
	if s == "" {
		return s
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?", r) || unicode.Is(unicode.So, r) || r == ')' {
		return s
	}
	return s + "."
}

package gen

import (
	"strings"
	"unicode"
)

// sttStyle is how one call's speech-to-text output looks.
type sttStyle struct {
	periods bool    // keeps sentence-final full stops and question marks (still lower case)
	fillers float64 // fillers per customer word
	errs    float64 // chance a confusable word is misheard
}

func (g *generator) newSTTStyle() sttStyle {
	return sttStyle{
		periods: g.r.chance(0.3),
		fillers: 0.03 + g.r.float()*0.06,
		errs:    0.05 + g.r.float()*0.12,
	}
}

// misheard are words a speech-to-text engine gets wrong, with what it writes instead.
var misheard = map[string][]string{
	"earbuds": {"ear buds", "year buds", "air buds"}, "orla": {"or la", "aura", "orlah"},
	"thermostat": {"thermo stat", "thermostats"}, "kettle": {"cattle", "kettles"},
	"refund": {"re fund", "we fund"}, "warranty": {"warrant e", "warranties"}, "receipt": {"receive"},
	"charging": {"charting", "charge in"}, "seal": {"steel", "zeal"}, "gasket": {"gas kit"},
	"brush": {"rush", "bush"}, "replacement": {"replace mint", "replacements"}, "sole": {"soul"},
	"subscription": {"sub scription"}, "priya": {"pria", "korea"}, "keisha": {"keesha"},
	"blank": {"blink", "black"}, "app": {"up", "apps"}, "hinge": {"hinch"}, "leaks": {"leeks", "lakes"},
	"spark": {"spa"}, "case": {"chase", "cace"}, "marco": {"marker"}, "fatima": {"fatema"},
	"lid": {"lead"}, "screen": {"scream"}, "roam": {"rome", "room"}, "aster": {"astor", "easter"},
}

var fillerWords = []string{"um", "uh", "um", "uh", "like", "you know", "i mean", "so", "kind of", "erm"}

// fillerBefore are words a filler naturally comes before.
var fillerBefore = map[string]bool{"i": true, "it": true, "the": true, "they": true, "it's": true, "and": true,
	"but": true, "because": true, "so": true, "my": true, "when": true, "then": true, "just": true, "there's": true,
	"we": true, "that": true, "if": true, "it'll": true, "i've": true, "i'm": true, "like": true, "about": true}

var falseStartWords = map[string]bool{"it": true, "i": true, "the": true, "they": true, "my": true, "we": true, "it's": true, "and": true, "so": true, "there's": true}

// speak turns a written line into speech-to-text output: numbers as words, lower case,
// little or no punctuation, fillers, false starts and misheard words.
func (g *generator) speak(text string, st sttStyle, customer bool) string {
	text = g.r.speakNumbers(text)
	text = strings.ToLower(text)
	var sentences []string
	for _, s := range splitSentences(text) {
		words := strings.Fields(stripPunct(s))
		if len(words) == 0 {
			continue
		}
		words = g.disfluent(words, st, customer)
		out := strings.Join(words, " ")
		if st.periods {
			if strings.HasSuffix(strings.TrimSpace(s), "?") {
				out += "?"
			} else {
				out += "."
			}
		}
		sentences = append(sentences, out)
	}
	return strings.Join(sentences, " ")
}

func (g *generator) disfluent(words []string, st sttStyle, customer bool) []string {
	rate := st.fillers
	if !customer {
		rate /= 3
	}
	var out []string
	for i, w := range words {
		if alts, ok := misheard[strings.Trim(w, "'")]; ok && g.r.chance(st.errs) {
			w = pick(g.r, alts)
		}
		if (i == 0 || fillerBefore[w]) && g.r.chance(rate*2) {
			if customer {
				out = append(out, pick(g.r, fillerWords))
			} else {
				out = append(out, pick(g.r, []string{"um", "uh", "so"}))
			}
		}
		if customer && i < 4 && falseStartWords[w] && g.r.chance(0.12) {
			out = append(out, w)
		}
		out = append(out, w)
	}
	if customer && g.r.chance(0.08) && len(out) > 6 {
		// a false start: the speaker restarts the sentence
		k := 2 + g.r.intn(2)
		out = append(append([]string{}, out[:k]...), out...)
	}
	return out
}

// splitSentences splits text after ., ? and ! that end a sentence.
func splitSentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i, r := range rs {
		if (r == '.' || r == '?' || r == '!') && (i+1 == len(rs) || rs[i+1] == ' ') {
			out = append(out, string(rs[start:i+1]))
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// stripPunct removes punctuation except apostrophes inside words; hyphens and slashes
// become spaces.
func stripPunct(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '\'' || r == '’':
			if i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
				b.WriteRune('\'')
			}
		case r == '-' || r == '/' || r == '–' || r == '—':
			b.WriteRune(' ')
		case r == '%':
			b.WriteString(" percent")
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

package gen

import (
	"regexp"
	"strings"
)

// chatStyle is how one customer types in a chat.
type chatStyle struct {
	lower   bool
	abbrev  float64 // chance each abbreviable phrase is abbreviated
	typos   float64 // chance a longer word has a typo
	noStops bool    // leaves off full stops
	emoji   float64
}

func (g *generator) newChatStyle(cu *customer) chatStyle {
	return chatStyle{
		lower:   cu.lowerChat,
		abbrev:  0.2 + g.r.float()*0.7,
		typos:   0.01 + g.r.float()*0.05,
		noStops: g.r.chance(0.7),
		emoji:   0.15 + g.r.float()*0.5,
	}
}

type abbrev struct {
	re   *regexp.Regexp
	alts []string
}

func ab(phrase string, alts ...string) abbrev {
	return abbrev{regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(phrase) + `\b`), alts}
}

// abbrevs are applied in order, longest phrases first.
var abbrevs = []abbrev{
	ab("I don't know", "idk", "dunno"), ab("to be honest", "tbh"), ab("right now", "rn"),
	ab("thank you", "ty", "thank u", "thanks"), ab("thanks", "thx", "ty", "thanks"),
	ab("please", "pls", "plz"), ab("you're", "ur", "youre"), ab("your", "ur"), ab("you", "u"),
	ab("okay", "ok", "k"), ab("because", "bc", "cuz", "coz"), ab("going to", "gonna"),
	ab("want to", "wanna"), ab("don't", "dont"), ab("can't", "cant"), ab("it's", "its"),
	ab("I'm", "im"), ab("I've", "ive"), ab("that's", "thats"), ab("doesn't", "doesnt"),
	ab("won't", "wont"), ab("probably", "prob"), ab("message", "msg"), ab("minutes", "mins"),
	ab("and", "&"), ab("at the moment", "atm"), ab("by the way", "btw"),
}

var (
	happyWords = []string{"thank", "great", "star", "brilliant", "love", "perfect", "lovely", "amazing", "legend"}
	crossWords = []string{"annoying", "never", "ridiculous", "not good", "fed up", "done with", "nightmare", "cancel", "elsewhere", "disappointing", "not happy", "unhelpful", "listening"}
	happyEmoji = []string{"🙂", "🙏", "😊", "👍", "❤️", "🙌", "😀"}
	crossEmoji = []string{"😡", "😤", "🙄", "😩", "😠", "😞"}
	otherEmoji = []string{"😅", "🤷", "😬", "🤞", "😕"}
)

// chatify turns a written customer line into chat typing.
func (g *generator) chatify(text string, st chatStyle) string {
	low := strings.ToLower(text)
	for _, a := range abbrevs {
		text = a.re.ReplaceAllStringFunc(text, func(m string) string {
			if g.r.chance(st.abbrev) {
				return pick(g.r, a.alts)
			}
			return m
		})
	}
	if st.lower {
		text = strings.ToLower(text)
	}
	words := strings.Fields(text)
	for i, w := range words {
		if len(w) >= 4 && g.r.chance(st.typos) && isWord(w) {
			words[i] = g.typo(w)
		}
	}
	text = strings.Join(words, " ")
	if st.noStops {
		text = strings.TrimSuffix(text, ".")
		text = strings.ReplaceAll(text, ". ", " ")
	}
	if strings.HasSuffix(text, "?") && g.r.chance(0.3) {
		text += "?"
	}
	if g.r.chance(st.emoji) {
		switch {
		case containsAny(low, crossWords):
			text += " " + pick(g.r, crossEmoji)
		case containsAny(low, happyWords):
			text += " " + pick(g.r, happyEmoji)
		case g.r.chance(0.15):
			text += " " + pick(g.r, otherEmoji)
		}
	}
	return text
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func isWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// typo makes one keyboard slip in w: two letters swapped, one dropped, or one doubled.
func (g *generator) typo(w string) string {
	b := []byte(w)
	i := 1 + g.r.intn(len(b)-2)
	switch g.r.intn(3) {
	case 0:
		b[i], b[i+1] = b[i+1], b[i]
	case 1:
		b = append(b[:i], b[i+1:]...)
	default:
		b = append(b[:i+1], b[i:]...)
	}
	return string(b)
}

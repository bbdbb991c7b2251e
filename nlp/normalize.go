package nlp

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/frictionhq/friction/transcript"
)

// TokenKind says what a token is.
type TokenKind uint8

// The token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
	Emoji
)

// Token is one normalised token. Start and End are rune offsets into the text it
// came from, End exclusive, so text[Start:End] (in runes) is what the customer
// wrote; Text is its normalised, lower-case form ("won't" gives "will" and "not",
// both pointing at "won't"; "pls" gives "please").
type Token struct {
	Text       string
	Start, End int
	Kind       TokenKind
	Tag        string // Penn Treebank part of speech, set by the analyzer
	Lemma      string // set by the analyzer
	Polarity   int8   // for emoji and emoticons: +1 or -1
}

// Normalize splits text into normalised tokens, dropping what is not the writer's
// own words in this channel: quoted replies, signatures, "Sent from my iPhone"
// and legal footers in emails, @mentions and links, and fillers and false starts
// in speech. Every token keeps its rune offsets into text.
func Normalize(text string, ch transcript.Channel) []Token {
	return normalize(text, ch, false)
}

// NormalizeQuoted is Normalize that keeps the quoted and forwarded history of
// an email (the "> " lines and what follows "On ... wrote:" or "Forwarded
// message"), dropping only the quote headers themselves and each part's
// signature and footer. The analyzer reads it only when the writer's own
// words state no fault: "Still happening, see below."
func NormalizeQuoted(text string, ch transcript.Channel) []Token {
	return normalize(text, ch, true)
}

func normalize(text string, ch transcript.Channel, quotes bool) []Token {
	runes := []rune(text)
	skip := excludedRegions(text, runes, ch, quotes)
	raw := scan(runes, skip)
	toks := expand(raw, runes)
	return dropFillers(toks)
}

// ---------------------------------------------------------------- email and footer cleanup

var (
	reQuoteHeader  = regexp.MustCompile(`(?i)^\s*(on\s.{3,200}\bwrote:|-{2,}\s*original message\s*-{2,}|-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:|from:\s.*)\s*$`)
	reOnStart      = regexp.MustCompile(`(?i)^\s*on\s.*(\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)
	reWroteEnd     = regexp.MustCompile(`(?i)wrote:\s*$`)
	reSigDash      = regexp.MustCompile(`^\s*--\s*$|^\s*__+\s*$`)
	reSentFrom     = regexp.MustCompile(`(?i)^\s*(sent from my|sent from (outlook|yahoo|mail)|get outlook for)\b.*$`)
	reValediction  = regexp.MustCompile(`(?i)^\s*(best|kind|warm|warmest|many|with)?\s*(regards|wishes|thanks|thank you|cheers|sincerely|best|all the best|thanks again|thanks in advance|yours( truly| sincerely)?|respectfully|ta)\s*[,.!]?\s*(\p{L}+\.?(\s\p{L}+\.?)?)?\s*$`)
	reFooter       = regexp.MustCompile(`(?i)(this (e-?mail|message|communication)( and any attachments?)? (is|are|may be|contains?) (confidential|intended)|intended (solely|only) for the (use of the )?(addressee|recipient|individual)|if you (have )?received this (e-?mail|message|communication) in error|^\s*(disclaimer|confidentiality notice)\s*:|please consider the environment before printing|unsubscribe|privileged and confidential)`)
	reSentFromText = regexp.MustCompile(`(?i)\bsent from my (iphone|ipad|android|samsung|galaxy|mobile|phone|blackberry|pixel)\b[^\n]*`)
)

// excludedRegions marks the runes that are not the writer's own words.
func excludedRegions(text string, runes []rune, ch transcript.Channel, quotes bool) []bool {
	skip := make([]bool, len(runes))
	// Byte offset to rune offset, for regexp matches.
	var b2r []int
	if len(text) != len(runes) {
		b2r = make([]int, len(text)+1)
		ri := 0
		prev := 0
		for bi := range text {
			for k := prev; k < bi; k++ {
				b2r[k] = ri - 1
			}
			b2r[bi] = ri
			prev = bi + 1
			ri++
		}
		for k := prev; k < len(text); k++ {
			b2r[k] = ri - 1
		}
		b2r[len(text)] = len(runes)
	}
	r := func(b int) int {
		if b2r == nil {
			return b
		}
		return b2r[b]
	}
	mark := func(from, to int) {
		for i := from; i < to && i < len(skip); i++ {
			skip[i] = true
		}
	}
	// A match needs "from my" in any case; none of its letters case-folds to
	// a rune outside ASCII, so text without it has no match.
	if containsFoldASCII(text, "from my") {
		for _, m := range reSentFromText.FindAllStringIndex(text, -1) {
			mark(r(m[0]), r(m[1]))
		}
	}
	if ch != transcript.Email && !strings.Contains(text, "\n") {
		return skip
	}
	// Line by line: quoted lines, quote headers, signatures and footers.
	var lines []line
	s := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			lines = append(lines, line{s, i})
			s = i + 1
		}
	}
	if quotes {
		quotedRegions(text, lines, ch, func(from, to int) { mark(r(from), r(to)) })
		return skip
	}
	cutFrom := -1 // byte offset from which everything is cut
	for li, ln := range lines {
		t := text[ln.start:ln.end]
		trim := strings.TrimSpace(t)
		switch {
		case strings.HasPrefix(trim, ">"):
			mark(r(ln.start), r(ln.end))
			continue
		case reQuoteHeader.MatchString(t) && (ch == transcript.Email || !strings.HasPrefix(strings.ToLower(trim), "from:")):
			cutFrom = ln.start
		case ch == transcript.Email && reOnStart.MatchString(t) && li+1 < len(lines) && reWroteEnd.MatchString(text[lines[li+1].start:lines[li+1].end]):
			cutFrom = ln.start
		case reSigDash.MatchString(t) && li > 0:
			cutFrom = ln.start
		case reSentFrom.MatchString(t):
			cutFrom = ln.start
		case reFooter.MatchString(t):
			cutFrom = ln.start
		case ch == transcript.Email && li > 0 && reValediction.MatchString(t) && restIsShort(text, lines[li+1:]):
			cutFrom = ln.start
		}
		if cutFrom >= 0 {
			break
		}
	}
	if cutFrom >= 0 {
		mark(r(cutFrom), len(runes))
	}
	return skip
}

// containsFoldASCII reports whether text contains sub, a lower-case ASCII
// string, ignoring ASCII case.
func containsFoldASCII(text, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(text); i++ {
		k := 0
		for ; k < n; k++ {
			c := text[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[k] {
				break
			}
		}
		if k == n {
			return true
		}
	}
	return false
}

var reHeaderField = regexp.MustCompile(`(?i)^\s*(from|date|sent|to|cc|bcc|subject)\s*:`)

// quotedRegions marks, for NormalizeQuoted, the quote headers and the mail
// header fields after them, and in each part (the writer's message and every
// quoted or forwarded one) the signature, footer and valediction to the end of
// that part.
func quotedRegions(text string, lines []line, ch transcript.Channel, mark func(from, to int)) {
	header := func(t string) bool {
		return reQuoteHeader.MatchString(t) || ch == transcript.Email && reOnStart.MatchString(t)
	}
	cutting := false
	inHeader := false
	for li, ln := range lines {
		t := text[ln.start:ln.end]
		// Quoted lines are read without their "> " marks.
		u := strings.TrimLeft(t, " \t>")
		mark(ln.start, ln.start+len(t)-len(u))
		if header(t) || header(u) || reWroteEnd.MatchString(u) && li > 0 && header(text[lines[li-1].start:lines[li-1].end]) {
			mark(ln.start, ln.end)
			cutting, inHeader = false, true
			continue
		}
		if inHeader && reHeaderField.MatchString(u) {
			mark(ln.start, ln.end)
			continue
		}
		inHeader = false
		if !cutting {
			switch {
			case reSigDash.MatchString(u) && li > 0, reSentFrom.MatchString(u), reFooter.MatchString(u):
				cutting = true
			case ch == transcript.Email && li > 0 && reValediction.MatchString(u) && restIsShort(text, lines[li+1:]):
				cutting = true
			}
		}
		if cutting {
			mark(ln.start, ln.end)
		}
	}
}

// line is a line of text, as byte offsets.
type line struct{ start, end int }

// restIsShort reports whether the lines after a valediction look like a name and
// contact details rather than more message.
func restIsShort(text string, rest []line) bool {
	words := 0
	for _, l := range rest {
		t := text[l.start:l.end]
		if strings.HasPrefix(strings.TrimSpace(t), ">") || reQuoteHeader.MatchString(t) || reSentFrom.MatchString(t) || reFooter.MatchString(t) || reOnStart.MatchString(t) {
			break
		}
		words += len(strings.Fields(t))
	}
	return words <= 12
}

// ---------------------------------------------------------------- scanning

type rawTok struct {
	start, end int // runes
	kind       TokenKind
	pol        int8
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

func isEmojiRune(r rune) bool {
	return (r >= 0x1F300 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF) || r == 0x2B50 || r == 0x2764
}

var emoticons = map[string]int8{
	":)": 1, ":-)": 1, ":D": 1, ":-D": 1, ";)": 1, ";-)": 1, "<3": 1, ":]": 1, "=)": 1, ":P": 1, ":p": 1,
	":(": -1, ":-(": -1, ":'(": -1, ":/": -1, ":-/": -1, ">:(": -1, "D:": -1, ":|": -1, ":@": -1,
}

// emojiPolarity is the sentiment of common emoji; unlisted emoji are neutral.
func emojiPolarity(r rune) int8 {
	switch {
	case r >= 0x1F600 && r <= 0x1F60F, r == 0x1F642, r == 0x1F643, r == 0x1F917, r == 0x1F970, r == 0x1F60D,
		r == 0x1F44D, r == 0x1F44F, r == 0x1F64C, r == 0x1F64F, r == 0x2764, r == 0x1F49A, r == 0x1F499,
		r == 0x1F49C, r == 0x1F49B, r == 0x1F496, r == 0x1F495, r == 0x1F389, r == 0x2728, r == 0x1F31F,
		r == 0x2B50, r == 0x1F929, r == 0x1F60A, r == 0x263A, r == 0x1F618, r == 0x1F4AF, r == 0x1F525:
		if r == 0x1F605 { // sweat smile
			return 0
		}
		return 1
	case r >= 0x1F610 && r <= 0x1F62F, r == 0x1F92C, r == 0x1F621, r == 0x1F620, r == 0x1F47F, r == 0x1F44E,
		r == 0x1F494, r == 0x1F644, r == 0x1F612, r == 0x1F615, r == 0x1F61E, r == 0x1F62D, r == 0x1F622,
		r == 0x1F92F, r == 0x1F926, r == 0x1F937, r == 0x1F630, r == 0x1F631, r == 0x1F928, r == 0x1F9D0,
		r == 0x1F643+1000, r == 0x1F641, r == 0x2639, r == 0x1F62B, r == 0x1F629, r == 0x1F624:
		return -1
	}
	return 0
}

// scan splits runes into raw tokens, skipping excluded runes, links and @mentions.
func scan(runes []rune, skip []bool) []rawTok {
	var out []rawTok
	n := len(runes)
	for i := 0; i < n; {
		c := runes[i]
		if skip[i] || unicode.IsSpace(c) || unicode.IsControl(c) {
			i++
			continue
		}
		// Links and @mentions are not the customer's words.
		if c == '@' && i+1 < n && isWordRune(runes[i+1]) {
			j := i + 1
			for j < n && (isWordRune(runes[j]) || runes[j] == '_') {
				j++
			}
			i = j
			continue
		}
		if hasPrefixFold(runes[i:], "http://") || hasPrefixFold(runes[i:], "https://") || hasPrefixFold(runes[i:], "www.") {
			j := i
			for j < n && !unicode.IsSpace(runes[j]) {
				j++
			}
			i = j
			continue
		}
		// Emoticons.
		if c == ':' || c == ';' || c == '<' || c == '=' || c == '>' || c == 'D' {
			matched := false
			for l := 3; l >= 2; l-- {
				if i+l <= n {
					if p, ok := emoticons[string(runes[i:i+l])]; ok && (i+l == n || !isWordRune(runes[i+l])) && (i == 0 || !isWordRune(runes[i-1])) {
						out = append(out, rawTok{i, i + l, Emoji, p})
						i += l
						matched = true
						break
					}
				}
			}
			if matched {
				continue
			}
		}
		if isEmojiRune(c) {
			j := i + 1
			for j < n && (runes[j] == 0xFE0F || runes[j] == 0x200D || (runes[j] >= 0x1F3FB && runes[j] <= 0x1F3FF)) {
				j++
			}
			out = append(out, rawTok{i, j, Emoji, emojiPolarity(c)})
			i = j
			continue
		}
		if c == '#' && i+1 < n && unicode.IsLetter(runes[i+1]) {
			i++ // a hashtag is its word
			continue
		}
		if isWordRune(c) {
			j := i + 1
			allDigit := unicode.IsDigit(c)
			for j < n && !skip[j] {
				r := runes[j]
				if isWordRune(r) {
					if !unicode.IsDigit(r) {
						allDigit = false
					}
					j++
					continue
				}
				// Inner apostrophes, hyphens, dots and commas in numbers: "won't",
				// "e-04", "3.5", "1,000".
				if j+1 < n && !skip[j+1] && isWordRune(runes[j+1]) {
					if isApos(r) || r == '-' || (r == '.' || r == ',') && allDigit && unicode.IsDigit(runes[j+1]) {
						j++
						continue
					}
				}
				break
			}
			k := Word
			if allDigit {
				k = Number
			}
			out = append(out, rawTok{i, j, k, 0})
			i = j
			continue
		}
		if unicode.IsPunct(c) || unicode.IsSymbol(c) {
			j := i + 1
			// Runs of the same sentence punctuation ("!!!", "...", "?!") are one token.
			if c == '.' || c == '!' || c == '?' {
				for j < n && (runes[j] == '.' || runes[j] == '!' || runes[j] == '?') {
					j++
				}
			}
			out = append(out, rawTok{i, j, Punct, 0})
			i = j
			continue
		}
		i++
	}
	return out
}

func hasPrefixFold(rs []rune, p string) bool {
	i := 0
	for _, pr := range p {
		if i >= len(rs) || unicode.ToLower(rs[i]) != pr {
			return false
		}
		i++
	}
	return true
}

// ---------------------------------------------------------------- expansion

// contractions without apostrophes, as chat and speech-to-text write them.
var bareContractions = map[string][]string{
	"dont": {"do", "not"}, "doesnt": {"does", "not"}, "didnt": {"did", "not"}, "cant": {"can", "not"},
	"wont": {"will", "not"}, "isnt": {"is", "not"}, "wasnt": {"was", "not"}, "arent": {"are", "not"},
	"werent": {"were", "not"}, "havent": {"have", "not"}, "hasnt": {"has", "not"}, "hadnt": {"had", "not"},
	"couldnt": {"could", "not"}, "wouldnt": {"would", "not"}, "shouldnt": {"should", "not"},
	"aint": {"is", "not"}, "im": {"i", "am"}, "ive": {"i", "have"}, "youre": {"you", "are"},
	"theyre": {"they", "are"}, "thats": {"that", "is"}, "whats": {"what", "is"}, "theres": {"there", "is"},
	"gonna": {"going", "to"}, "wanna": {"want", "to"}, "gotta": {"got", "to"}, "cannot": {"can", "not"},
	"didn": {"did", "not"}, "doesn": {"does", "not"}, "ain": {"is", "not"},
}

// abbreviations are chat shorthand and their words.
var abbreviations = map[string][]string{
	"pls": {"please"}, "plz": {"please"}, "plse": {"please"}, "thx": {"thanks"}, "thnx": {"thanks"},
	"thanx": {"thanks"}, "ty": {"thank", "you"}, "tysm": {"thank", "you"}, "u": {"you"}, "ur": {"your"},
	"r": {"are"}, "idk": {"i", "do", "not", "know"}, "bc": {"because"}, "cuz": {"because"},
	"coz": {"because"}, "cos": {"because"}, "b4": {"before"}, "msg": {"message"}, "acct": {"account"},
	"rn": {"right", "now"}, "atm": {"at", "the", "moment"}, "ppl": {"people"}, "yr": {"year"},
	"hrs": {"hours"}, "hr": {"hour"}, "mins": {"minutes"}, "min": {"minute"}, "wk": {"week"},
	"wks": {"weeks"}, "tho": {"though"}, "thru": {"through"}, "w/": {"with"}, "w/o": {"without"},
	"nvm": {"never", "mind"}, "dm": {"message"}, "dms": {"messages"}, "appt": {"appointment"},
	"ok": {"okay"}, "k": {"okay"}, "kk": {"okay"}, "yep": {"yes"}, "yup": {"yes"}, "yeah": {"yes"},
	"ya": {"yes"}, "nope": {"no"}, "nah": {"no"}, "cuz'": {"because"}, "fav": {"favourite"},
	"pw": {"password"}, "pwd": {"password"}, "2day": {"today"}, "2moro": {"tomorrow"}, "tmrw": {"tomorrow"},
	"omw": {"on", "my", "way"}, "bcuz": {"because"}, "becuz": {"because"}, "wat": {"what"}, "wut": {"what"},
	"dis": {"this"}, "da": {"the"}, "cud": {"could"}, "shud": {"should"}, "wud": {"would"},
}

func lowerRunes(rs []rune) string {
	var b strings.Builder
	b.Grow(len(rs))
	for _, r := range rs {
		if r == '’' || r == '‘' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// expand lower-cases tokens and expands contractions and abbreviations; the
// tokens of an expansion all point at the span they came from.
func expand(raw []rawTok, runes []rune) []Token {
	out := make([]Token, 0, len(raw)+len(raw)/4)
	for _, rt := range raw {
		if rt.kind != Word {
			out = append(out, Token{Text: lowerRunes(runes[rt.start:rt.end]), Start: rt.start, End: rt.end, Kind: rt.kind, Polarity: rt.pol})
			continue
		}
		w := lowerRunes(runes[rt.start:rt.end])
		add := func(parts ...string) {
			for _, p := range parts {
				out = append(out, Token{Text: p, Start: rt.start, End: rt.end, Kind: Word})
			}
		}
		if w == "ur" && nextWordIn(raw, runes, rt, youAreNext) {
			add("you", "are")
			continue
		}
		if parts, ok := bareContractions[w]; ok {
			add(parts...)
			continue
		}
		if parts, ok := abbreviations[w]; ok {
			add(parts...)
			continue
		}
		if i := strings.IndexByte(w, '\''); i > 0 {
			base, suf := w[:i], w[i+1:]
			if base == "u" {
				base = "you"
			}
			switch {
			case w == "won't":
				add("will", "not")
			case w == "can't":
				add("can", "not")
			case w == "shan't":
				add("shall", "not")
			case w == "ain't":
				add("is", "not")
			case suf == "t" && strings.HasSuffix(base, "n"):
				add(base[:len(base)-1], "not")
			case suf == "s" && (base == "it" || base == "that" || base == "there" || base == "what" || base == "he" || base == "she" || base == "here" || base == "where" || base == "who" || base == "everything" || base == "nothing" || base == "something" || base == "one" || base == "how" || base == "this"):
				add(base, "is")
			case suf == "s":
				add(base) // possessive
			case suf == "re":
				add(base, "are")
			case suf == "ve":
				add(base, "have")
			case suf == "ll":
				add(base, "will")
			case suf == "d":
				add(base, "would")
			case suf == "m":
				add(base, "am")
			default:
				add(w)
			}
			continue
		}
		add(w)
	}
	return out
}

// youAreNext are the words after which "ur" means "you are", not "your".
var youAreNext = map[string]bool{"a": true, "an": true, "so": true, "very": true, "the": true, "such": true,
	"welcome": true, "amazing": true, "great": true, "brilliant": true, "awesome": true, "right": true,
	"not": true, "really": true, "too": true, "kidding": true, "joking": true, "the best": true, "best": true}

// nextWordIn reports whether the raw token after rt is a word in set.
func nextWordIn(raw []rawTok, runes []rune, rt rawTok, set map[string]bool) bool {
	for i := range raw {
		if raw[i].start == rt.start && i+1 < len(raw) && raw[i+1].kind == Word {
			return set[lowerRunes(runes[raw[i+1].start:raw[i+1].end])]
		}
	}
	return false
}

// ---------------------------------------------------------------- fillers and false starts

var fillers = map[string]bool{
	"um": true, "umm": true, "ummm": true, "uh": true, "uhh": true, "uhm": true, "erm": true, "er": true,
	"ah": true, "ahh": true, "hmm": true, "hmmm": true, "mm": true, "mmm": true, "eh": true,
}

// dropFillers removes fillers ("um", "you know", "I mean") and false starts ("it it").
func dropFillers(toks []Token) []Token {
	// In place: out never runs ahead of i, and what is read behind i
	// (toks[i-1]) is only ever overwritten with itself.
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == Word && fillers[t.Text] {
			// a filler and the comma after it
			if i+1 < len(toks) && toks[i+1].Text == "," {
				i++
			}
			continue
		}
		if t.Kind == Word && t.Text == "you" && i+1 < len(toks) && toks[i+1].Text == "know" && fillerYouKnow(toks, i) {
			i++
			if i+1 < len(toks) && toks[i+1].Text == "," {
				i++
			}
			continue
		}
		if t.Kind == Word && t.Text == "i" && i+1 < len(toks) && toks[i+1].Text == "mean" && i+2 < len(toks) && (toks[i+2].Text == "," || toks[i+2].Kind == Word && toks[i+2].Text != "it" && toks[i+2].Text != "that") && len(out) > 0 && out[len(out)-1].Text == "," {
			i++
			continue
		}
		// False start: the same word twice in a row, from two different spans.
		if t.Kind == Word && len(out) > 0 && out[len(out)-1].Text == t.Text && out[len(out)-1].Start != t.Start && t.Text != "had" && t.Text != "that" && t.Text != "very" && t.Text != "no" && t.Text != "so" && t.Text != "really" {
			out[len(out)-1] = t
			continue
		}
		out = append(out, t)
	}
	return out
}

// fillerYouKnow reports whether "you know" at i is a filler, not "do you know".
func fillerYouKnow(toks []Token, i int) bool {
	if i > 0 {
		switch toks[i-1].Text {
		case "do", "did", "would", "if", "will", "don't", "not", "as", "let", "you", "does", "can", "could":
			return false
		}
	}
	if i+2 < len(toks) {
		switch toks[i+2].Text {
		case "what", "how", "if", "whether", "where", "why", "when", "who", "that", "about", "it", "the", "my", "anything":
			return false
		}
	}
	return true
}

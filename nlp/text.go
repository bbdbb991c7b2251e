package nlp

import (
	"strings"
	"unicode"

	"github.com/jdkato/prose/v3/tag"

	"github.com/frictionhq/friction/transcript"
)

// sent is one sentence of one speaker, as the rules see it.
type sent struct {
	turn    int // transcript turn of its first token; SurveyTurn for the survey comment
	speaker transcript.Speaker
	survey  bool // the survey comment
	// comment: words a driver rule reads - the survey comment, or the
	// customer's words in a survey-only contact.
	comment  bool
	toks     []Token
	turns    []int // turn of each token (a sentence may run across a turn cut in two)
	m        []mtok
	clause   []int // clause number of each token
	question bool  // a real question: inverted or wh-, not "why"
	rhetoric bool  // "why does it not charge?": a complaint in question form
	first    string
}

// doc is a transcript prepared for the rules.
type doc struct {
	t     *transcript.Transcript
	sents []*sent
	runes [][]rune // per turn; the survey comment is last
	env   matchEnv
	// agentStated holds the agent turns whose failures count as confirmed:
	// an observation ("I can see the gasket is leaking") or a paraphrase the
	// customer then affirms ("so water's coming out of the seal?" "yeah").
	agentStated map[int]bool
	// affirmedQ holds the agent's diagnostic questions (by sentence) that
	// the customer's next turn answers yes to.
	affirmedQ map[int]bool
}

func (d *doc) turnRunes(turn int) []rune {
	if turn == SurveyTurn {
		return d.runes[len(d.runes)-1]
	}
	return d.runes[turn]
}

var terminal = map[string]bool{".": true, "!": true, "?": true, ";": true}

func isTerminal(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	if terminal[t.Text] {
		return true
	}
	return strings.ContainsAny(t.Text, ".!?") && !strings.Contains(t.Text, ",")
}

// discourse markers that start a new sentence in unpunctuated speech.
var discourse = map[string]bool{
	"so": true, "but": true, "anyway": true, "okay": true, "alright": true, "because": true, "also": true,
	"actually": true, "now": true, "then": true, "yes": true, "well": true, "basically": true, "plus": true,
	"and": true, "cause": true, "honestly": true, "apparently": true,
}

var pronounSubj = map[string]bool{"i": true, "it": true, "they": true, "he": true, "she": true, "we": true, "you": true, "the": true, "my": true, "that": true, "this": true, "there": true}

var clauseBreak = map[string]bool{
	",": true, "but": true, "though": true, "although": true, "however": true, "because": true, "cause": true,
	"so": true, "except": true, "whereas": true, "while": true, "then": true, ":": true, "-": true, "–": true, "—": true,
	"(": true, ")": true, "unless": true, "until": true,
}

var auxStart = map[string]bool{
	"is": true, "are": true, "does": true, "do": true, "did": true, "can": true, "could": true, "would": true,
	"will": true, "has": true, "have": true, "was": true, "were": true, "should": true, "shall": true, "may": true,
	"am": true, "how": true, "what": true, "where": true, "which": true, "who": true, "when": true, "any": true,
	"anything": true, "whats": true, "have you": true,
}

// prepare tokenises, tags and splits every turn and the survey comment.
func (a *Analyzer) prepare(t *transcript.Transcript) *doc { return a.prepareWith(t, false) }

// prepareWith is prepare; with quotes, the customer's email turns keep their
// quoted and forwarded history (NormalizeQuoted).
func (a *Analyzer) prepareWith(t *transcript.Transcript, quotes bool) *doc {
	d := &doc{t: t, runes: make([][]rune, len(t.Turns)+1)}
	d.env.agentNames = agentNames(t)
	var prev *sent // the open sentence of the previous turn, for turns cut in two
	for i := range t.Turns {
		turn := &t.Turns[i]
		d.runes[i] = []rune(turn.Text)
		var toks []Token
		if quotes && turn.Speaker == transcript.Customer {
			toks = NormalizeQuoted(turn.Text, t.Channel)
		} else {
			toks = Normalize(turn.Text, t.Channel)
		}
		cont := prev != nil && prev.speaker == turn.Speaker && t.Channel == transcript.Call
		prev = d.split(toks, i, turn.Speaker, false, cont, prev)
	}
	if t.Survey != nil && t.Survey.Comment != "" {
		d.runes[len(t.Turns)] = []rune(t.Survey.Comment)
		toks := Normalize(t.Survey.Comment, transcript.Survey)
		d.split(toks, SurveyTurn, transcript.Customer, true, false, nil)
	}
	for _, s := range d.sents {
		a.annotate(s, d)
		s.comment = s.survey || t.Channel == transcript.Survey && s.speaker == transcript.Customer && (t.Survey == nil || t.Survey.Comment == "")
	}
	return d
}

func agentNames(t *transcript.Transcript) map[string]bool {
	m := map[string]bool{}
	add := func(n string) {
		for _, f := range strings.Fields(strings.ToLower(n)) {
			if len(f) > 1 {
				m[f] = true
			}
		}
	}
	for _, ag := range t.Agents {
		add(ag.Name)
	}
	for _, turn := range t.Turns {
		if turn.Speaker == transcript.Agent {
			add(turn.Name)
		}
	}
	return m
}

// split cuts one turn's tokens into sentences and appends them. When cont is
// set, the turn continues open, the unfinished last sentence of the same
// speaker's previous turn. It returns the last sentence when it is unfinished.
func (d *doc) split(toks []Token, turn int, sp transcript.Speaker, survey, cont bool, open *sent) *sent {
	if len(toks) == 0 {
		return nil
	}
	var runes []rune
	if turn == SurveyTurn {
		runes = d.runes[len(d.runes)-1]
	} else {
		runes = d.runes[turn]
	}
	punctuated := false
	for i := range toks {
		if isTerminal(&toks[i]) || toks[i].Text == "," {
			punctuated = true
			break
		}
	}
	// The turn's sentences share one backing array, each a run of it: one
	// allocation instead of a growing slice per sentence.
	buf, tbuf, used := make([]Token, len(toks)), make([]int, len(toks)), 0
	var cur *sent
	if cont && open != nil && len(open.toks) > 0 && !isTerminal(&open.toks[len(open.toks)-1]) {
		cur = open
	}
	flush := func() {
		if cur != nil && len(cur.toks) > 0 {
			if len(d.sents) == 0 || d.sents[len(d.sents)-1] != cur {
				d.sents = append(d.sents, cur)
			}
			if cur != open {
				used += len(cur.toks)
			}
		}
		cur = nil
	}
	words := 0
	for i := range toks {
		tk := toks[i]
		if cur != nil && i > 0 && newlineBetween(runes, toks[i-1].End, tk.Start) {
			flush()
		}
		// Long unpunctuated speech: break before discourse markers.
		if cur != nil && !punctuated && words >= 8 && tk.Kind == Word && discourse[tk.Text] &&
			(tk.Text != "and" || i+1 < len(toks) && pronounSubj[toks[i+1].Text]) {
			flush()
		}
		if cur == nil {
			cur = &sent{turn: turn, speaker: sp, survey: survey, toks: buf[used:used:len(buf)], turns: tbuf[used:used:len(tbuf)]}
			words = 0
		}
		cur.toks = append(cur.toks, tk)
		cur.turns = append(cur.turns, turn)
		if tk.Kind == Word {
			words++
		}
		if isTerminal(&tk) {
			flush()
		}
	}
	last := cur
	flush()
	if last != nil && len(last.toks) > 0 && !isTerminal(&last.toks[len(last.toks)-1]) {
		return last
	}
	return nil
}

func newlineBetween(runes []rune, from, to int) bool {
	if from < 0 || to > len(runes) || from > to {
		return false
	}
	for _, r := range runes[from:to] {
		if r == '\n' {
			return true
		}
	}
	return false
}

// annotate tags a sentence, lemmatises it and finds its clauses and mood.
func (a *Analyzer) annotate(s *sent, d *doc) {
	n := len(s.toks)
	words := make([]tag.Token, n)
	for i, t := range s.toks {
		w := t.Text
		if w == "i" {
			w = "I"
		}
		words[i] = tag.Token{Text: w}
	}
	a.tagger.TagTokens(words)
	s.m = make([]mtok, n)
	s.clause = make([]int, n)
	clause := 0
	for i := range s.toks {
		t := &s.toks[i]
		t.Tag = words[i].Tag
		if t.Kind == Emoji {
			t.Tag = "SYM"
		} else if isErrorCode(t.Text) {
			t.Tag = "CODE"
		}
		t.Lemma = Lemma(t.Text, t.Tag)
		vl := t.Lemma
		if t.Kind == Word && (strings.HasSuffix(t.Text, "ing") || strings.HasSuffix(t.Text, "ed") || strings.HasSuffix(t.Text, "s")) {
			vl = VerbLemma(t.Text)
			if strings.HasSuffix(t.Text, "s") && t.Lemma == t.Text {
				if nl := nounLemma(t.Text); nl != t.Text {
					t.Lemma = nl
				}
			}
		}
		s.m[i] = mtok{text: t.Text, lemma: t.Lemma, vlem: vl, tag: t.Tag}
		if i > 0 && clauseBreak[t.Text] {
			clause++
		} else if i > 0 && t.Text == "and" && i+1 < n && pronounSubj[s.toks[i+1].Text] {
			clause++
		}
		s.clause[i] = clause
	}
	// The tagger, reading lower-case text, takes a noun between a determiner
	// and its verb for an adjective ("the app keeps crashing", "the left
	// earbud keeps cutting out"): a word there is the subject's head noun.
	for i := 1; i+1 < n; i++ {
		if s.m[i].tag != "JJ" || s.toks[i].Kind != Word {
			continue
		}
		prev, next := s.m[i-1].tag, &s.m[i+1]
		if (prev == "DT" || prev == "PRP$" || strings.HasPrefix(prev, "NN") && i > 1 && (s.m[i-2].tag == "DT" || s.m[i-2].tag == "PRP$")) &&
			(strings.HasPrefix(next.tag, "VB") || next.tag == "MD" || next.text == "keeps" || next.text == "leaks") {
			s.m[i].tag = "NN"
			s.toks[i].Tag = "NN"
		}
	}
	// The tagger takes some past forms that can only be verbs for nouns
	// after a subject ("the app froze", "playback froze again").
	for i := 1; i < n; i++ {
		m := &s.m[i]
		if !pastOnly[m.text] || strings.HasPrefix(m.tag, "VB") {
			continue
		}
		if prev := s.m[i-1].tag; strings.HasPrefix(prev, "NN") || prev == "PRP" {
			m.tag, m.lemma, m.vlem = "VBD", irregular[m.text], irregular[m.text]
			s.toks[i].Tag, s.toks[i].Lemma = m.tag, m.lemma
		}
	}
	// Mood.
	first := ""
	for i := range s.toks {
		if s.toks[i].Kind == Word {
			first = s.toks[i].Text
			if (first == "yes" || first == "no" || first == "okay" || first == "so" || first == "and" || first == "but" || first == "oh" || first == "hi" || first == "hello" || first == "right" || first == "sorry") && i+1 < n {
				continue
			}
			break
		}
	}
	s.first = first
	endsQ := n > 0 && s.toks[n-1].Kind == Punct && strings.Contains(s.toks[n-1].Text, "?")
	hasTerm := n > 0 && isTerminal(&s.toks[n-1])
	rhet := first == "why" || first == "how" && n > 1 && s.toks[1].Text == "come"
	if endsQ || (!hasTerm && d.t.Channel == transcript.Call) {
		if auxStart[first] && !rhet {
			s.question = true
		}
		if endsQ && !auxStart[first] && !rhet {
			// "the case, is it cracked?" - a question at its last clause
			last := s.clause[n-1]
			for i := range s.toks {
				if s.clause[i] == last && s.toks[i].Kind == Word {
					if auxStart[s.toks[i].Text] {
						s.question = true
					}
					break
				}
			}
		}
	}
	s.rhetoric = rhet && endsQ
}

// pastOnly are irregular past forms that are never nouns or adjectives.
var pastOnly = map[string]bool{"froze": true, "broke": true, "fell": true, "shook": true, "tore": true,
	"blew": true, "died": true, "went": true, "came": true, "ran": true, "spun": true, "slid": true,
	"sank": true, "threw": true, "became": true, "began": true}

// isCapitalised reports whether a span of the original text starts upper-case.
func isCapitalised(rs []rune) bool {
	return len(rs) > 0 && unicode.IsUpper(rs[0])
}

// isErrorCode reports whether a token looks like an error code: "e4", "e-04",
// "0x80070005", "f07".
func isErrorCode(w string) bool {
	if len(w) < 2 || len(w) > 12 {
		return false
	}
	if strings.HasPrefix(w, "0x") && len(w) > 3 {
		return true
	}
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 'a' && r <= 'z':
			letters++
		case r == '-':
		default:
			return false
		}
	}
	return digits > 0 && letters > 0 && letters <= 3 && unicode.IsLetter(rune(w[0]))
}

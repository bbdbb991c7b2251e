package nlp

import (
	"fmt"
	"strconv"
	"strings"
)

// Pattern syntax, one rule pattern per string, elements separated by spaces:
//
//	word          a word, matched against its lemma or its normalised form
//	a|b|c         any of them
//	no+longer     a multi-word phrase
//	@name         any entry of the pack's lexicon name (entries may be phrases);
//	              @agent_name is the agents' names in the transcript
//	pos:NN        a part-of-speech tag prefix (NN matches NN, NNS, NNP)
//	_             any one token
//	x&y           a token matching both (@fail&pos:VB)
//	?x            optional
//	!x            one token that does not match x
//	*  *N         a gap of up to 3 (N) tokens
//	name=x        capture what x matched, for {name} in a symptom
type pattern struct {
	src   string
	elems []elem
	// first holds every word a match can start with; nil when a match can
	// start anywhere (a part of speech, "_", "!x" or an optional first element).
	first map[string]bool
	// second, when not nil, holds every word the token after the first can
	// be: the first element always takes one token and the second needs a
	// word of it.
	second map[string]bool
}

type elem struct {
	alts    [][]atom // OR of ANDs
	opt     bool
	not     bool
	gap     int // > 0: a gap of 0..gap tokens
	capture string
}

type atomKind uint8

const (
	atomWord atomKind = iota
	atomPhrase
	atomLex
	atomPOS
	atomAny
)

type atom struct {
	kind   atomKind
	word   string
	phrase []string
	lex    *lexicon
	dyn    string // dynamic lexicon name
	pos    string
}

// dynamicLexicons are filled per transcript.
var dynamicLexicons = map[string]bool{"agent_name": true}

func compilePattern(src string, p *RulePack) (*pattern, error) {
	pat := &pattern{src: src}
	fields := strings.Fields(src)
	if len(fields) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	for _, f := range fields {
		var e elem
		if strings.HasPrefix(f, "*") {
			e.gap = 3
			if len(f) > 1 {
				n, err := strconv.Atoi(f[1:])
				if err != nil || n < 1 || n > 12 {
					return nil, fmt.Errorf("pattern %q: bad gap %q (want * or *1 .. *12)", src, f)
				}
				e.gap = n
			}
			pat.elems = append(pat.elems, e)
			continue
		}
		if name, rest, ok := strings.Cut(f, "="); ok && name != "" && isIdent(name) {
			e.capture = name
			f = rest
		}
		switch {
		case strings.HasPrefix(f, "?"):
			e.opt = true
			f = f[1:]
		case strings.HasPrefix(f, "!"):
			e.not = true
			f = f[1:]
		}
		if f == "" {
			return nil, fmt.Errorf("pattern %q: empty element", src)
		}
		for _, alt := range strings.Split(f, "|") {
			var and []atom
			for _, a := range strings.Split(alt, "&") {
				at, err := compileAtom(a, p)
				if err != nil {
					return nil, fmt.Errorf("pattern %q: %v", src, err)
				}
				and = append(and, at)
			}
			e.alts = append(e.alts, and)
		}
		pat.elems = append(pat.elems, e)
	}
	if pat.elems[0].gap > 0 || pat.elems[len(pat.elems)-1].gap > 0 {
		return nil, fmt.Errorf("pattern %q: cannot start or end with a gap", src)
	}
	allOpt := true
	for _, e := range pat.elems {
		if !e.opt && e.gap == 0 {
			allOpt = false
		}
	}
	if allOpt {
		return nil, fmt.Errorf("pattern %q: matches nothing required", src)
	}
	pat.first = firstWords(&pat.elems[0])
	if len(pat.elems) > 1 && oneToken(&pat.elems[0]) {
		if e := &pat.elems[1]; e.gap == 0 && !e.opt && !e.not {
			pat.second = firstWords(e)
		}
	}
	return pat, nil
}

// oneToken reports whether element e takes exactly one token wherever it
// matches before the end of a sentence.
func oneToken(e *elem) bool {
	if e.gap > 0 || e.opt {
		return false
	}
	if e.not {
		return true
	}
	for _, and := range e.alts {
		switch a := and[0]; a.kind {
		case atomWord, atomPOS, atomAny:
		case atomLex:
			if a.dyn == "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// mayMatchAt is a quick test that is false only where matchAt(toks, i, 0)
// cannot match; i < len(toks).
func (p *pattern) mayMatchAt(toks []mtok, i int) bool {
	if p.second == nil {
		return true
	}
	if i+1 >= len(toks) {
		return false
	}
	t := &toks[i+1]
	return p.second[t.text] || p.second[t.lemma] || p.second[t.vlem]
}

// firstWords returns the words element e can start with, or nil for any.
func firstWords(e *elem) map[string]bool {
	if e.opt || e.not {
		return nil
	}
	m := map[string]bool{}
	for _, and := range e.alts {
		a := and[0]
		switch a.kind {
		case atomWord:
			m[a.word] = true
		case atomPhrase:
			m[a.phrase[0]] = true
		case atomLex:
			if a.dyn != "" {
				return nil
			}
			for w := range a.lex.words {
				m[w] = true
			}
			for w := range a.lex.phrase {
				m[w] = true
			}
		default:
			return nil
		}
	}
	return m
}

func isIdent(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_') {
			return false
		}
	}
	return true
}

func compileAtom(a string, p *RulePack) (atom, error) {
	switch {
	case a == "":
		return atom{}, fmt.Errorf("empty alternative")
	case a == "_":
		return atom{kind: atomAny}, nil
	case strings.HasPrefix(a, "@"):
		name := a[1:]
		if dynamicLexicons[name] {
			return atom{kind: atomLex, dyn: name}, nil
		}
		l, ok := p.Lexicons[name]
		if !ok {
			return atom{}, fmt.Errorf("unknown lexicon @%s", name)
		}
		return atom{kind: atomLex, lex: l}, nil
	case strings.HasPrefix(a, "pos:"):
		tag := a[4:]
		if tag == "" || strings.ToUpper(tag) != tag {
			return atom{}, fmt.Errorf("bad part of speech %q (Penn tags such as NN, VB, JJ)", tag)
		}
		return atom{kind: atomPOS, pos: tag}, nil
	}
	if a == "," || a == ":" || a == ";" || a == "-" {
		return atom{kind: atomWord, word: a}, nil
	}
	for _, r := range a {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r == '-' || r == '+' || r == '.' || r == '/') {
			return atom{}, fmt.Errorf("bad word %q (lower-case words, + between the words of a phrase)", a)
		}
	}
	if strings.Contains(a, "+") {
		ph := strings.Split(a, "+")
		for _, w := range ph {
			if w == "" {
				return atom{}, fmt.Errorf("bad phrase %q", a)
			}
		}
		return atom{kind: atomPhrase, phrase: ph}, nil
	}
	return atom{kind: atomWord, word: a}, nil
}

// ---------------------------------------------------------------- matching

// mtok is what the matcher sees of a token.
type mtok struct {
	text, lemma, vlem, tag string
}

func (t *mtok) is(w string) bool { return t.text == w || t.lemma == w || t.vlem == w }

// matchEnv carries the per-transcript dynamic lexicons.
type matchEnv struct {
	agentNames map[string]bool
}

// at returns the token counts the atom matches at i; nil when it does not match.
func (a *atom) at(toks []mtok, i int, env *matchEnv) []int {
	if i >= len(toks) {
		return nil
	}
	return a.appendAt(nil, toks, i, env)
}

var (
	one  = []int{1}
	zero = []int{0}
)

func phraseAt(toks []mtok, i int, ph []string) bool {
	if i+len(ph) > len(toks) {
		return false
	}
	for k, w := range ph {
		if !toks[i+k].is(w) {
			return false
		}
	}
	return true
}

// lengths returns the token counts element e can match at i.
func (e *elem) lengths(toks []mtok, i int, env *matchEnv) []int {
	return e.appendLengths(nil, toks, i, env)
}

// appendLengths appends the token counts element e can match at i to out, in
// the order lengths returns them.
func (e *elem) appendLengths(out []int, toks []mtok, i int, env *matchEnv) []int {
	if e.not {
		if i >= len(toks) {
			return append(out, 0) // "!x" holds at the end of the sentence
		}
		for _, and := range e.alts {
			if andMatches(and, toks, i, env) {
				return out
			}
		}
		return append(out, 1)
	}
	if i >= len(toks) {
		return out
	}
	for _, and := range e.alts {
		start := len(out)
		out = and[0].appendAt(out, toks, i, env)
		if len(out) == start {
			continue
		}
		// AND: a multi-token first atom is intersected by single-token
		// constraints on its first token.
		for k := 1; k < len(and); k++ {
			if !and[k].matches(toks, i, env) {
				out = out[:start]
				break
			}
		}
	}
	return out
}

// andMatches reports whether every atom of and matches at i.
func andMatches(and []atom, toks []mtok, i int, env *matchEnv) bool {
	for k := range and {
		if !and[k].matches(toks, i, env) {
			return false
		}
	}
	return true
}

// matches reports whether the atom matches at i at all (at returns a length).
func (a *atom) matches(toks []mtok, i int, env *matchEnv) bool {
	if i >= len(toks) {
		return false
	}
	t := &toks[i]
	switch a.kind {
	case atomAny:
		return true
	case atomWord:
		return t.is(a.word)
	case atomPOS:
		return strings.HasPrefix(t.tag, a.pos)
	case atomPhrase:
		return phraseAt(toks, i, a.phrase)
	case atomLex:
		if a.dyn != "" {
			return env != nil && env.agentNames[t.text]
		}
		if a.lex.words[t.text] || a.lex.words[t.lemma] || a.lex.words[t.vlem] {
			return true
		}
		for _, ph := range a.lex.phrase[t.text] {
			if phraseAt(toks, i, ph) {
				return true
			}
		}
		if t.lemma != t.text {
			for _, ph := range a.lex.phrase[t.lemma] {
				if phraseAt(toks, i, ph) {
					return true
				}
			}
		}
	}
	return false
}

// appendAt appends the token counts the atom matches at i to out; i < len(toks).
func (a *atom) appendAt(out []int, toks []mtok, i int, env *matchEnv) []int {
	t := &toks[i]
	switch a.kind {
	case atomAny:
		return append(out, 1)
	case atomWord:
		if t.is(a.word) {
			return append(out, 1)
		}
	case atomPOS:
		if strings.HasPrefix(t.tag, a.pos) {
			return append(out, 1)
		}
	case atomPhrase:
		if phraseAt(toks, i, a.phrase) {
			return append(out, len(a.phrase))
		}
	case atomLex:
		if a.dyn != "" {
			if env != nil && env.agentNames[t.text] {
				return append(out, 1)
			}
			return out
		}
		for _, ph := range a.lex.phrase[t.text] {
			if phraseAt(toks, i, ph) {
				out = append(out, len(ph))
			}
		}
		if t.lemma != t.text {
			for _, ph := range a.lex.phrase[t.lemma] {
				if phraseAt(toks, i, ph) {
					out = append(out, len(ph))
				}
			}
		}
		if a.lex.words[t.text] || a.lex.words[t.lemma] || a.lex.words[t.vlem] {
			out = append(out, 1)
		}
	}
	return out
}

// span is a match: tokens [start, end) and captures.
type span struct {
	start, end int
	caps       map[string][2]int
}

// find returns the leftmost matches of p in toks, one per start position, not
// overlapping.
func (p *pattern) find(toks []mtok, env *matchEnv) []span {
	var out []span
	for s := 0; s < len(toks); s++ {
		if p.first != nil {
			t := &toks[s]
			if !p.first[t.text] && !p.first[t.lemma] && !p.first[t.vlem] {
				continue
			}
		}
		var caps map[string][2]int
		end := p.matchAt(toks, s, 0, env, &caps)
		if end >= 0 {
			out = append(out, span{start: s, end: end, caps: caps})
			s = end - 1
		}
	}
	return out
}

// matchAt matches elements from ei at token i and returns the end, or -1.
func (p *pattern) matchAt(toks []mtok, i, ei int, env *matchEnv, caps *map[string][2]int) int {
	if ei == len(p.elems) {
		return i
	}
	e := &p.elems[ei]
	if e.gap > 0 {
		for g := 0; g <= e.gap && i+g <= len(toks); g++ {
			if end := p.matchAt(toks, i+g, ei+1, env, caps); end >= 0 {
				return end
			}
		}
		return -1
	}
	var buf [8]int
	ls := e.appendLengths(buf[:0], toks, i, env)
	// Longest first.
	sortDesc(ls)
	for _, l := range ls {
		if end := p.matchAt(toks, i+l, ei+1, env, caps); end >= 0 {
			if e.capture != "" {
				if *caps == nil {
					*caps = map[string][2]int{}
				}
				(*caps)[e.capture] = [2]int{i, i + l}
			}
			return end
		}
	}
	if e.opt {
		return p.matchAt(toks, i, ei+1, env, caps)
	}
	return -1
}

func sortDesc(ls []int) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j] > ls[j-1]; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

package cluster

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Options tune how mentions are normalised before grouping. The zero value is ready
// to use.
type Options struct {
	// Fold maps a lower-case word to its canonical form, so the rule pack's lexicons
	// ("dies" → "drain", "gasket" → "seal") apply here too. Returning "" drops the
	// word. Nil keeps every word as it is.
	Fold func(word string) string
	// Product maps a raw product value (a SKU such as "EB-200", or a product noun) to
	// its product line ("earbuds"). Nil uses SKUFamily.
	Product func(raw string) string
	// MinorRatio: a part of a product named at least this many times less often
	// than another part of the same product that fails with the same symptom is
	// taken as another name for it (see the package comment). 0 means 2; negative
	// turns the rule off.
	MinorRatio int
	// NoCauses turns off the last pass, which regroups each product's
	// clusters by symptom class (see the package comment, "Causes within a
	// product"), leaving clusters whose signatures nearly agree.
	NoCauses bool
}

// SKUFamily is the default product rule: a SKU (upper case, letters and digits
// around a dash: "EB-200", "KT-17G", "APP-IOS") stands for its family, the letters
// before the first dash ("eb", "kt", "app"), so variants of one product line
// cluster together. Anything else is lower-cased and trimmed.
func SKUFamily(raw string) string {
	raw = strings.TrimSpace(raw)
	head, _, ok := strings.Cut(raw, "-")
	if ok && head != "" && strings.ToUpper(raw) == raw && strings.IndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
		return strings.ToLower(head)
	}
	return strings.ToLower(raw)
}

func (o *Options) minorRatio() int {
	switch {
	case o.MinorRatio < 0:
		return 0
	case o.MinorRatio == 0:
		return 2
	}
	return o.MinorRatio
}

// features is the normalised form of a signature that the similarity rule compares.
type features struct {
	product string
	comp    []string // component tokens, sorted, unique
	symp    []string // symptom tokens, sorted, unique; "not" marks a negated symptom
	vague   bool     // the symptom names no specific failure ("stopped working")
	key     string   // product|comp|symp: the exact-group key
	// support counts the mentions of the product that name this component, whatever
	// the symptom; count those with this very signature.
	support, count int
	// head is the component's head noun, its last word ("earbud" in "left
	// earbud"); "" when unknown.
	head string
}

func (f *features) negated() bool { return contains(f.symp, negation) }

// noise reports whether the symptom is a noise the part makes ("brake makes
// noise", "squeals"), not a failure to work.
func (f *features) noise() bool {
	if f.negated() {
		return false
	}
	for _, t := range f.symp {
		if noiseWords[t] {
			return true
		}
	}
	return false
}

// stopsWorking reports whether a vague symptom says the part stopped working
// ("does not work", "fails"): no report of a noise it makes.
func (f *features) stopsWorking() bool { return f.vague && (f.negated() || contains(f.symp, "fail")) }

// specific reports whether the signature names a product, a component and a
// specific symptom: only such groups found clusters in the first pass.
func (f *features) specific() bool {
	return f.product != "" && len(f.comp) > 0 && !f.vague
}

const negation = "not"

// newFeatures normalises one signature.
func newFeatures(product, component, symptom, signature string, o *Options) *features {
	if component == "" && symptom == "" || strings.Contains(signature, "|") {
		// The signature carries the folded form; the fields may be raw.
		p, c, s := splitSignature(signature)
		if p != "" {
			product = p
		}
		component, symptom = c, s
	}
	f := &features{product: normProduct(product, o)}
	comp := tokens(component, false, o)
	if f.product != "" && equal(sortedSet(comp), sortedSet(tokens(f.product, false, o))) {
		comp = nil // the component is the product itself: "the kettle leaks"
	}
	f.symp = tokens(symptom, true, o)
	if len(comp) > 0 {
		// The component's head noun is not part of the symptom: "case not charging"
		// with component "charging case" is "not charging".
		head := comp[len(comp)-1]
		kept := f.symp[:0]
		for _, t := range f.symp {
			if t != head {
				kept = append(kept, t)
			}
		}
		f.symp = kept
	}
	if len(comp) > 0 {
		f.head = comp[len(comp)-1]
	}
	f.comp = sortedSet(comp)
	f.symp = sortedSet(f.symp)
	f.vague = true
	for _, t := range f.symp {
		if t != negation && !vagueWords[t] {
			f.vague = false
			break
		}
	}
	f.key = f.product + "|" + strings.Join(f.comp, " ") + "|" + strings.Join(f.symp, " ")
	return f
}

// splitSignature reads "component|symptom", "product|component|symptom", or nlp's
// "charging-case/does-not-charge" (where "product/..." means no component). Any
// other form is taken as a symptom with no component.
func splitSignature(sig string) (product, component, symptom string) {
	if !strings.Contains(sig, "|") {
		if c, s, ok := strings.Cut(sig, "/"); ok {
			if c == "product" {
				c = ""
			}
			return "", strings.ReplaceAll(c, "-", " "), strings.ReplaceAll(s, "-", " ")
		}
	}
	parts := strings.Split(sig, "|")
	switch len(parts) {
	case 1:
		return "", "", parts[0]
	case 2:
		return "", parts[0], parts[1]
	default:
		return parts[0], parts[1], strings.Join(parts[2:], " ")
	}
}

func normProduct(raw string, o *Options) string {
	raw, side, cut := strings.Cut(raw, subProduct)
	if cut {
		// A product cut in two by its reports' words (split.go).
		return normProduct(raw, o) + subProduct + side
	}
	if o.Product != nil {
		raw = o.Product(raw)
	} else {
		raw = SKUFamily(raw)
	}
	raw = strings.ToLower(strings.TrimSpace(raw))
	return strings.Map(func(r rune) rune {
		if r == '|' {
			return ' '
		}
		return r
	}, raw)
}

// tokens lower-cases, splits, drops stop words, numbers and durations, folds
// negations to "not", applies Options.Fold and stems, keeping word order.
func tokens(s string, symptom bool, o *Options) []string {
	var out []string
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’')
	})
	for wi, w := range words {
		w = strings.ReplaceAll(w, "’", "'")
		if symptom && wi == len(words)-1 && symptomNegations[w] && wi > 0 {
			// A verb that negates what follows it names the symptom when
			// nothing follows: "does not stop" is not "does not".
			if w = stem(w); w != "" {
				out = append(out, w)
			}
			continue
		}
		if negations[w] || strings.HasSuffix(w, "n't") {
			out = append(out, negation)
			continue
		}
		if i := strings.IndexByte(w, '\''); i >= 0 {
			w = w[:i] // "lid's", "it'll"
		}
		if o.Fold == nil {
			out = appendWord(out, w, symptom)
			continue
		}
		// A lexicon may fold one word into several: "disconnects" → "drops connection".
		for _, f := range strings.Fields(o.Fold(w)) {
			if negations[f] {
				out = append(out, negation)
				continue
			}
			out = appendWord(out, f, symptom)
		}
	}
	return out
}

func appendWord(out []string, w string, symptom bool) []string {
	if stopWords[w] || isNumber(w) {
		return out
	}
	if symptom && symptomNegations[w] {
		return append(out, negation)
	}
	if w = stem(w); w == "" || stopWords[w] {
		return out
	}
	return append(out, w)
}

func sortedSet(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return uniq(s)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return numberWords[w]
		}
	}
	return true
}

// stem strips common English inflections: "batteries" → "battery", "charging",
// "charged", "charges" and "charge" → "charg", "spinning" → "spin". It only has to
// map the forms of one word together, not produce a word.
func stem(w string) string {
	if l, ok := irregularStems[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = undouble(w[:n-2])
	case n > 5 && strings.HasSuffix(w, "ly"):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "er") && !strings.HasSuffix(w, "eer"):
		w = w[:n-2] // "charger" and "charging"; "speaker" and "speak"
	}
	if n = len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

func undouble(w string) string {
	n := len(w)
	if n > 2 && w[n-1] == w[n-2] && strings.IndexByte("bdgmnprt", w[n-1]) >= 0 {
		return w[:n-1]
	}
	return w
}

func uniq(s []string) []string {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

func contains(sorted []string, x string) bool {
	i := sort.SearchStrings(sorted, x)
	return i < len(sorted) && sorted[i] == x
}

// subset reports whether every element of a is in b; both sorted.
func subset(a, b []string) bool {
	if len(a) > len(b) {
		return false
	}
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
		j++
	}
	return true
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// negations are plain and contracted negations; any word ending in "n't" is one too.
var negations = set("not", "no", "never", "cannot", "wont", "cant", "dont", "doesnt", "didnt",
	"isnt", "arent", "wasnt", "werent", "aint", "nothing", "none")

// symptomNegations are verbs that negate the symptom they govern: "stopped charging"
// is "not charging", "fails to connect" is "not connecting".
var symptomNegations = set("stop", "stops", "stopped", "stopping", "fail", "fails", "failed", "failing", "unable", "refuses", "refused", "refuse")

// vagueWords name no specific failure: a symptom made only of them is vague.
var vagueWords = set("work", "function", "fail", "broken", "break", "brok", "fault", "faulty", "defect", "defectiv",
	"problem", "issue", "wrong", "malfunction", "bad", "play", "act", "weird", "right", "proper", "good",
	"happen", "use", "usabl", "funny", "strang", "behav", "mess", "glitch", "glitchy", "damag",
	// An injury is what a fault did, not how the part failed: it joins the
	// cause of the part it names.
	"caus", "cause", "injur", "injury", "injuri")

// noiseWords name a noise: a part that makes one still works, so a report that
// it does not work is no report of the noise.
var noiseWords = set("nois", "noisy", "squeal", "squeak", "squeaky", "rattl", "buzz", "whin", "hum", "click",
	"clunk", "screech", "creak", "grind", "hiss", "knock", "scrap")

var irregularStems = map[string]string{
	"died": "die", "dies": "die", "dying": "die", "dead": "dead",
	"broke": "break", "broken": "break", "breaks": "break", "breaking": "break",
	"ran": "run", "running": "run", "runs": "run", "went": "go", "gone": "go",
	"froze": "freeze", "frozen": "freeze", "freezes": "freeze", "freezing": "freeze",
	"stuck": "stick", "sticks": "stick", "sticking": "stick", "torn": "tear", "tore": "tear",
	"fell": "fall", "fallen": "fall", "burnt": "burn", "shook": "shake", "spun": "spin",
	"blew": "blow", "blown": "blow", "bent": "bend", "split": "split", "lost": "lose", "loses": "lose",
	"losing": "lose", "lose": "lose", "held": "hold", "holds": "hold", "holding": "hold",
	"earbuds": "earbud", "headphones": "headphone",
}

var numberWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "half", "couple",
	"few", "several", "first", "second", "third", "once", "twice")

// stopWords carry no root cause: articles, pronouns, auxiliaries, degree and time
// words and durations ("dies after ten minutes" is "dies").
var stopWords = set(
	"a", "an", "the", "it", "its", "they", "them", "this", "that", "these", "those", "my", "your",
	"our", "their", "his", "her", "i", "me", "we", "you", "he", "she", "is", "are", "am", "was",
	"were", "be", "been", "being", "do", "does", "did", "done", "doing", "will", "would", "can",
	"could", "should", "shall", "may", "might", "must", "have", "has", "had", "having", "to", "of",
	"for", "with", "at", "by", "from", "in", "into", "onto", "and", "or", "but", "so", "just",
	"really", "very", "too", "all", "any", "some", "anymore", "again", "still", "even", "now",
	"then", "also", "already", "quite", "pretty", "totally", "complete", "completely", "entirely",
	"random", "randomly", "constantly", "constant", "sudden", "suddenly", "always", "sometimes",
	"often", "properly", "correctly", "keep", "keeps", "kept", "keeping", "get", "gets", "got",
	"getting", "go", "goes", "going", "after", "before", "within", "about", "like", "around",
	"every", "each", "time", "times", "thing", "things", "bit", "little", "lot", "longer", "more",
	"less", "much", "anything", "something", "second", "seconds", "minute", "minutes", "min",
	"mins", "hour", "hours", "hr", "hrs", "day", "days", "night", "nights", "overnight", "week",
	"weeks", "month", "months", "year", "years", "morning", "mornings", "evening", "today",
	"yesterday", "quick", "quickly", "rapid", "rapidly", "soon", "whole", "new", "ever",
	"seem", "seems", "seemed", "start", "starts", "started", "starting", "begin", "began",
	"tri", "try", "tried", "anyway", "actually", "basically", "literally", "um", "uh", "like",
)

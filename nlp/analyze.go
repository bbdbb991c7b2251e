package nlp

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tag"

	"github.com/frictionhq/friction/transcript"
)

// Analyzer applies a rule pack to transcripts. It is safe for concurrent use.
type Analyzer struct {
	pack   *RulePack
	tagger *tag.Tagger

	neg, hypo, hypoStart, resolved, posw, negw, compStop, compKeep, compPos *lexicon
	observe, affirm, thirdParty, historyRef                                 *lexicon
	catLex                                                                  []catLexicon
}

type catLexicon struct {
	cat Category
	lex *lexicon
}

// New returns an analyzer for a pack. The part-of-speech model is loaded once
// per process and shared.
func New(pack *RulePack) (*Analyzer, error) {
	if pack == nil {
		return nil, fmt.Errorf("nlp: nil rule pack")
	}
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("nlp: loading the part-of-speech model: %w", err)
	}
	a := &Analyzer{pack: pack, tagger: tg}
	lx := func(name string) *lexicon {
		if l := pack.Lexicons[name]; l != nil {
			return l
		}
		return newLexicon(nil)
	}
	a.neg, a.hypo, a.hypoStart, a.resolved = lx("negation"), lx("hypothetical"), lx("hypothetical_start"), lx("resolved")
	a.posw, a.negw, a.compStop, a.compKeep = lx("positive"), lx("negative"), lx("component_stop"), lx("component_modifier")
	a.compPos = lx("component_position")
	a.observe, a.affirm, a.thirdParty = lx("agent_observe"), lx("affirmation"), lx("third_party")
	a.historyRef = lx("history_ref")
	for _, c := range []Category{Account, Billing, Shipping, WebsiteApp, Policy} {
		a.catLex = append(a.catLex, catLexicon{c, lx("cat_" + string(c))})
	}
	return a, nil
}

var defaultAnalyzer = sync.OnceValues(func() (*Analyzer, error) {
	p, err := DefaultRulePack()
	if err != nil {
		return nil, err
	}
	return New(p)
})

// Default returns the analyzer of the embedded rule pack, built once.
func Default() (*Analyzer, error) { return defaultAnalyzer() }

// RulesVersion is the version of the analyzer's rule pack.
func (a *Analyzer) RulesVersion() string { return a.pack.Version }

// Pack returns the analyzer's rule pack.
func (a *Analyzer) Pack() *RulePack { return a.pack }

// hit is one rule match that survived its context checks.
type hit struct {
	rule *Rule
	s    *sent
	si   int
	sp   span
}

// Analyze analyses one transcript. It never fails: text it cannot read yields
// an analysis with fewer labels.
func (a *Analyzer) Analyze(t *transcript.Transcript) *Analysis {
	d := a.prepare(t)
	hits := a.match(d)
	// An email whose own words state no fault may carry it in the history it
	// quotes or forwards ("Still happening, see below"): read that history.
	if t.Channel == transcript.Email && !customerFault(hits) && quotesHistory(t) && a.refersToHistory(d) {
		if qd := a.prepareWith(t, true); qd != nil {
			if qh := a.match(qd); customerFault(qh) {
				d, hits = qd, qh
			}
		}
	}
	res := &Analysis{TranscriptID: t.ID, RulesVersion: a.pack.Version, FrictionPoints: []FrictionPoint{}, Praise: []Praise{}}
	a.defects(d, hits, res)
	a.frictions(d, hits, res)
	a.praise(d, hits, res)
	a.resolution(d, hits, res)
	a.signals(d, hits, res)
	a.survey(d, hits, res)
	return res
}

// customerFault reports whether the customer states a defect or a hazard.
func customerFault(hits []hit) bool {
	for _, h := range hits {
		if (h.rule.Kind == KindDefect || h.rule.Kind == KindSafety) && h.s.speaker == transcript.Customer && !h.s.survey {
			return true
		}
	}
	return false
}

// refersToHistory reports whether the customer's own words point at the
// history they quote or forward ("see below", "still happening").
func (a *Analyzer) refersToHistory(d *doc) bool {
	for _, s := range d.sents {
		if s.speaker != transcript.Customer || s.survey {
			continue
		}
		for i := range s.m {
			if len(a.historyRef.lexAt(s.m, i)) > 0 {
				return true
			}
		}
	}
	return false
}

// quotesHistory reports whether a customer turn quotes or forwards earlier mail.
func quotesHistory(t *transcript.Transcript) bool {
	for _, turn := range t.Turns {
		if turn.Speaker != transcript.Customer {
			continue
		}
		lower := strings.ToLower(turn.Text)
		if strings.Contains(turn.Text, "\n>") || strings.HasPrefix(turn.Text, ">") || strings.Contains(lower, "wrote:") ||
			strings.Contains(lower, "forwarded message") || strings.Contains(lower, "original message") || strings.Contains(lower, "begin forwarded") {
			return true
		}
	}
	return false
}

// match runs every rule over every sentence and keeps the hits whose context
// allows them.
func (a *Analyzer) match(d *doc) []hit {
	var hits []hit
	type key struct {
		rule *Rule
		si   int
	}
	lastEnd := map[key]int{}
	confirmed := false // the second pass: failures the agent states in a confirmation
	try := func(si int, s *sent, ref patRef, i int) {
		if confirmed {
			// Only failures that say what is wrong: the agent's "a known issue"
			// is the confirmation itself.
			if k := ref.rule.Kind; k != KindDefect && k != KindSafety || a.specificity(ref.rule.Symptom) == symptomVague {
				return
			}
		} else if !speakerFits(ref.rule, s) {
			return
		}
		if !ref.pat.mayMatchAt(s.m, i) {
			return
		}
		k := key{ref.rule, si}
		if e, ok := lastEnd[k]; ok && i < e {
			return // inside a match of the same rule
		}
		var caps map[string][2]int
		end := ref.pat.matchAt(s.m, i, 0, &d.env, &caps)
		if end < 0 {
			return
		}
		lastEnd[k] = end
		h := hit{rule: ref.rule, s: s, si: si, sp: span{start: i, end: end, caps: caps}}
		if a.allowed(d, h) {
			hits = append(hits, h)
		}
	}
	p := a.pack
	scan := func(si int, s *sent) {
		for i := range s.m {
			t := &s.m[i]
			for _, ref := range p.index[t.text] {
				try(si, s, ref, i)
			}
			if t.lemma != t.text {
				for _, ref := range p.index[t.lemma] {
					try(si, s, ref, i)
				}
			}
			if t.vlem != t.text && t.vlem != t.lemma {
				for _, ref := range p.index[t.vlem] {
					try(si, s, ref, i)
				}
			}
			for _, ref := range p.free {
				try(si, s, ref, i)
			}
		}
	}
	for si, s := range d.sents {
		scan(si, s)
	}
	// An agent confirming a fault often names it ("the main brush is seizing,
	// we've seen that on some units"): read those sentences for failures too.
	// The whole turn of a confirmation: "that's the left earbud dropping out.
	// That's a fault with the unit."
	var agentConfirms []int
	confirmTurns := map[int]bool{}
	for _, h := range hits {
		if h.rule.Kind == KindConfirm && h.s.speaker == transcript.Agent {
			confirmTurns[h.s.turn] = true
		}
	}
	for si, s := range d.sents {
		if confirmTurns[s.turn] && s.speaker == transcript.Agent && !s.survey && !s.question {
			agentConfirms = append(agentConfirms, si)
		}
	}
	// The agent's own observations and the paraphrases the customer affirms
	// name the fault too.
	for _, si := range a.agentStatements(d, hits) {
		if len(agentConfirms) == 0 || !containsInt(agentConfirms, si) {
			agentConfirms = append(agentConfirms, si)
		}
	}
	sort.Ints(agentConfirms)
	confirmed = true
	for _, si := range agentConfirms {
		scan(si, d.sents[si])
	}
	// Sentence by sentence, rules in pack order.
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].si != hits[j].si {
			return hits[i].si < hits[j].si
		}
		if hits[i].rule.order != hits[j].rule.order {
			return hits[i].rule.order < hits[j].rule.order
		}
		return hits[i].sp.start < hits[j].sp.start
	})
	return hits
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// agentStatements returns the agent's sentences that state a fault with the
// customer's backing, and records their turns in d.agentStated: a statement
// of what the agent observes ("I can see a tear in the gasket", "your
// doorbell has clearly been offline") in a contact where the customer
// complained, and a paraphrase ("okay so water's coming out of the seal")
// that the customer's next turn affirms ("yeah", "exactly"). Questions are
// never statements.
func (a *Analyzer) agentStatements(d *doc, hits []hit) []int {
	var out []int
	complained := -1
	for si, s := range d.sents {
		if s.speaker != transcript.Agent || s.survey {
			continue
		}
		if s.question {
			// A diagnostic question the customer answers yes to ("is it a
			// squeal from the brake?" "yes that") states the fault for them;
			// only the turn's last question is the one answered.
			if a.lastQuestion(d, si) && a.affirmedNext(d, s.turn) && !a.replyFine(d, s.turn) {
				out = append(out, si)
				if d.affirmedQ == nil {
					d.affirmedQ = map[int]bool{}
				}
				d.affirmedQ[si] = true
				if d.agentStated == nil {
					d.agentStated = map[int]bool{}
				}
				d.agentStated[s.turn] = true
			}
			continue
		}
		ok := false
		for i := range s.m {
			if len(a.observe.lexAt(s.m, i)) > 0 {
				if complained < 0 {
					complained = 0
					if a.customerComplained(d, hits) {
						complained = 1
					}
				}
				ok = complained == 1
				break
			}
		}
		if !ok {
			ok = a.affirmedNext(d, s.turn)
		}
		if ok {
			out = append(out, si)
			if d.agentStated == nil {
				d.agentStated = map[int]bool{}
			}
			d.agentStated[s.turn] = true
		}
	}
	return out
}

// replyFine reports whether the customer's reply to agent turn says all is
// well: "yes, the case charges fine" answers "is the case charging okay?".
func (a *Analyzer) replyFine(d *doc, turn int) bool {
	for _, s := range d.sents {
		if s.turn <= turn || s.survey {
			continue
		}
		if s.speaker != transcript.Customer {
			return false
		}
		for i := range s.m {
			switch s.m[i].text {
			case "fine", "okay", "ok", "normal", "alright", "normally", "well":
				return true
			}
			if a.posw.has(s.m[i].text) {
				return true
			}
		}
		return false
	}
	return false
}

// lastQuestion reports whether sentence si is the last question of its turn.
func (a *Analyzer) lastQuestion(d *doc, si int) bool {
	for j := si + 1; j < len(d.sents) && d.sents[j].turn == d.sents[si].turn; j++ {
		if d.sents[j].question {
			return false
		}
	}
	return true
}

// affirmedNext reports whether the customer's turn right after agent turn
// starts by affirming what the agent said: "yeah during and mostly when it
// spins", "exactly", "that's right".
func (a *Analyzer) affirmedNext(d *doc, turn int) bool {
	for _, s := range d.sents {
		if s.turn <= turn || s.survey {
			continue
		}
		if s.speaker != transcript.Customer {
			return false
		}
		if len(s.m) == 0 || len(a.affirm.lexAt(s.m, 0)) == 0 {
			return false
		}
		// "right, I'll give that a go" takes an instruction, not a diagnosis.
		return len(s.m) < 2 || !ackWords[s.m[1].text]
	}
	return false
}

// ackWords after an affirmation word acknowledge an instruction.
var ackWords = map[string]bool{"i": true, "i'll": true, "ill": true, "will": true, "ok": true, "okay": true, "thanks": true, "thank": true, "let": true}

func speakerFits(r *Rule, s *sent) bool {
	switch r.Speaker {
	case "survey":
		return s.comment
	case "customer":
		return s.speaker == transcript.Customer
	case "agent":
		return s.speaker == transcript.Agent && !s.survey
	case "any":
		return true
	}
	return false
}

// featureCancel lists words that make a following "cancelling" a feature's
// name ("noise cancelling is on").
var featureCancel = map[string]bool{"noise": true, "echo": true}

// allowed applies the context checks a rule's kind needs.
func (a *Analyzer) allowed(d *doc, h hit) bool {
	switch h.rule.Kind {
	case KindDriver:
		return true
	case KindDefect, KindSafety, KindFriction, KindChurn:
		if h.s.question && !h.s.rhetoric && !d.affirmedQ[h.si] {
			return false
		}
		// A churn threat is conditional by nature: "if this isn't sorted I'll cancel".
		if a.negated(h.s, h.sp) || h.rule.Kind != KindChurn && a.hypothetical(h.s, h.sp) {
			return false
		}
		if h.rule.ThingSubject && personSubject(h.s, h.sp.start) {
			return false
		}
		// "noise cancelling", "echo cancellation": a feature's name, not a
		// customer cancelling anything.
		if h.rule.Kind == KindChurn && h.sp.start > 0 && featureCancel[h.s.m[h.sp.start-1].text] {
			return false
		}
		if h.rule.Kind == KindDefect || h.rule.Kind == KindSafety {
			if phrasalOther(h.s, h.sp) || usedTo(h.s, h.sp) || a.otherParty(h.s, h.sp) {
				return false
			}
		}
		// "dead easy", "proper good": a state word that only intensifies the
		// praise after it.
		if c, ok := h.sp.caps["state"]; ok && c[1] < len(h.s.m) && c[1]-c[0] == 1 && (a.posw.has(h.s.m[c[1]].text) || a.posw.has(h.s.m[c[1]].lemma)) {
			return false
		}
		if (h.rule.Kind == KindDefect || h.rule.Kind == KindSafety) && a.resolvedAfter(d, h) {
			return false
		}
		return true
	case KindConfirm, KindPraise, KindEffort, KindResolution, KindRemedy:
		if h.s.question && h.rule.Kind != KindEffort {
			return false
		}
		// "if it ever gets hot just unplug it and we'll replace it": a
		// promise on a condition, in any clause of the sentence.
		if h.rule.Kind == KindRemedy && conditional(d, h.si, h.sp.start) {
			return false
		}
		return !a.negated(h.s, h.sp) && !a.hypothetical(h.s, h.sp)
	case KindWorkaround:
		return !a.negated(h.s, h.sp)
	}
	return true
}

// conditional reports whether a word before token i of sentence si sets a
// condition, or one of the sentence it continues ("... call us. And we'll
// replace it").
func conditional(d *doc, si, i int) bool {
	s := d.sents[si]
	for j := 0; j < i && j < len(s.m); j++ {
		switch s.m[j].text {
		case "if", "unless", "whenever", "should", "ever":
			return true
		}
	}
	if si > 0 && len(s.m) > 0 && d.sents[si-1].turn == s.turn {
		switch s.m[0].text {
		case "and", "then", "so", "just":
			prev := d.sents[si-1]
			return conditional(d, si-1, len(prev.m))
		}
	}
	return false
}

var auxiliaries = map[string]bool{"do": true, "does": true, "did": true, "can": true, "could": true, "will": true,
	"would": true, "have": true, "has": true, "had": true, "am": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "just": true, "really": true, "even": true, "also": true, "still": true, "not": true,
	"never": true, "accidentally": true, "then": true, "always": true, "should": true, "might": true, "may": true,
	"got": true, "get": true, "gets": true, "getting": true, "keep": true, "kept": true}

// personSubject reports whether the predicate at i has a person (I, we, you,
// he, she) as subject.
func personSubject(s *sent, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := s.m[j].text
		if auxiliaries[w] || w == "and" || w == "to" {
			continue
		}
		return w == "i" || w == "we" || w == "you" || w == "me" || w == "us" || w == "he" || w == "she"
	}
	return false
}

// phrasalNot are verbs whose particle turns a failure word into something
// else: "hung up on me" ends a call, "the tips keep slipping out" is a fit.
var phrasalNot = map[string]string{"hang": "up", "slip": "out"}

// waitNot are failure words that, as written, ask someone to wait: "yes hang
// on" (while "it hangs on the logo" is a failure).
var waitNot = map[string]string{"hang": "on"}

// compoundNot are failure words that name a product when a noun follows:
// "the smoke alarm", "a smoke detector".
var compoundNot = map[string]map[string]bool{"smoke": {"alarm": true, "alarms": true, "detector": true, "detectors": true, "sensor": true, "sensors": true}}

// phrasalOther reports whether the match is one of the phrasalNot verbs with
// its particle.
func phrasalOther(s *sent, sp span) bool {
	for i := sp.start; i < sp.end && i+1 < len(s.m); i++ {
		if p, ok := phrasalNot[s.m[i].vlem]; ok && s.m[i+1].text == p {
			return true
		}
		if p, ok := phrasalNot[s.m[i].lemma]; ok && s.m[i+1].text == p {
			return true
		}
		if p, ok := waitNot[s.m[i].text]; ok && s.m[i+1].text == p {
			return true
		}
		if i == sp.end-1 && compoundNot[s.m[i].text][s.m[i+1].text] {
			// The noun after the match makes it a name.
			return true
		}
	}
	return false
}

// usedTo reports whether the match describes a past habit ("it used to get
// so hot"): a failure that is over, or of an old product. "used to last all
// day but now it's dead by lunch" matches "dead", after the contrast.
func usedTo(s *sent, sp span) bool {
	for i := sp.start - 1; i >= 1; i-- {
		switch s.m[i].text {
		case "but", "now", "though", "although", "however", "whereas", "still", "since", "these", "nowadays", "anymore":
			return false // a contrast with the present
		}
		if s.m[i].text == "to" && s.m[i-1].text == "used" {
			return true
		}
	}
	return false
}

// otherParty reports whether a failure is someone else's or hearsay: "my
// friend's one broke", "my neighbour said hers leaks", "I read that some
// units catch fire". A first-person word between the other party and the
// failure gives it back to the customer ("my friend told me my case is
// faulty").
func (a *Analyzer) otherParty(s *sent, sp span) bool {
	for i := sp.start - 1; i >= 0 && s.clause[i] == s.clause[sp.start]; i-- {
		switch s.m[i].text {
		case "i", "my", "mine", "me", "we", "our", "ours", "us":
			if i+1 < len(s.m) && len(a.thirdParty.lexAt(s.m, i+1)) > 0 {
				return true // "my" of "my neighbour"
			}
			return false
		}
		if len(a.thirdParty.lexAt(s.m, i)) > 0 {
			return true
		}
	}
	return false
}

// negated reports whether a negation word governs the match: in its clause, at
// most four tokens before it.
func (a *Analyzer) negated(s *sent, sp span) bool {
	// "not that it's broken or anything": a denied complement.
	for i := sp.start - 1; i >= 1 && s.clause[i] == s.clause[sp.start]; i-- {
		if (s.m[i].text == "that" || s.m[i].text == "like" || s.m[i].text == "saying") && s.m[i-1].text == "not" {
			return true
		}
	}
	for i := sp.start - 1; i >= 0 && i >= sp.start-5; i-- {
		if s.clause[i] != s.clause[sp.start] {
			return false
		}
		switch s.m[i].text {
		case "i", "we", "they", "he", "she", "you", "it":
			if i < sp.start-1 || s.m[i].text == "i" {
				return false // a new subject: "if this isn't sorted I'm cancelling"
			}
		}
		if len(a.neg.lexAt(s.m, i)) > 0 {
			// "no, it won't": an interjection, not a negation
			if s.m[i].text == "no" && i+1 < len(s.m) && pronounSubj[s.m[i+1].text] && s.m[i+1].text != "the" && s.m[i+1].text != "my" {
				continue
			}
			if i+1 < len(s.m) && (s.m[i+1].text == "only" || s.m[i+1].text == "just") {
				continue
			}
			if disbelief(s, i+1) {
				continue // "still can't quite believe one came off": it did
			}
			return true
		}
	}
	return false
}

// disbelief reports whether the words from i say the speaker can hardly
// believe something ("can't quite believe", "couldn't believe"), which asserts
// it rather than denying it.
func disbelief(s *sent, i int) bool {
	for j := i; j < len(s.m) && j < i+3; j++ {
		switch s.m[j].text {
		case "quite", "really", "even", "actually", "honestly":
			continue
		case "believe", "imagine":
			return true
		}
		return false
	}
	return false
}

// hypothetical reports whether the match sits in a condition or a supposition:
// "if the battery ever dies", "in case it breaks", "say it stopped working".
func (a *Analyzer) hypothetical(s *sent, sp span) bool {
	// "Couldn't keep my fingers on it": a past inability, not a hypothesis.
	if s.first != "" && a.hypoStart.has(s.first) && !(len(s.m) > 1 && s.m[0].text == "could" && s.m[1].text == "not") {
		return true
	}
	for i := sp.start - 1; i >= 0; i-- {
		if s.clause[i] != s.clause[sp.start] {
			break
		}
		if n := a.hypo.lexAt(s.m, i); len(n) > 0 {
			if s.m[i].text == "ever" && i+1 < len(s.m) && s.m[i+1].text == "since" {
				continue
			}
			// "what happens is it just shuts off": a description.
			if j := i + maxInt(n); s.m[i].text == "what" && j < len(s.m) && s.m[j].text == "is" {
				continue
			}
			if s.m[i].text == "if" && habitualIf(s, i, sp) {
				continue
			}
			// "I wanted to know why it keeps losing connection": a why-question
			// takes its failure as given when the failure recurs.
			if j := i + maxInt(n); s.m[j-1].text == "why" && recurs(s, j, sp.end) {
				return false
			}
			return true
		}
	}
	return false
}

// recurs reports whether tokens from..to say that something keeps happening.
func recurs(s *sent, from, to int) bool {
	for k := from; k < to && k < len(s.m); k++ {
		switch s.m[k].text {
		case "keep", "keeps", "kept", "constantly", "always", "continually", "repeatedly", "still":
			return true
		}
	}
	return false
}

// habitualIf reports whether the "if" at i opens a habitual condition whose
// result is the match: "if I press start it just beeps and does nothing". The
// condition is the customer's own action and the match, after a new subject,
// has no modal; "if it ever breaks" and "if I drop it would it crack" stay
// hypothetical.
func habitualIf(s *sent, i int, sp span) bool {
	if i+1 >= sp.start {
		return false
	}
	switch s.m[i+1].text {
	case "i", "we", "you":
	default:
		return false
	}
	subj := -1
	for j := i + 3; j < sp.start; j++ {
		switch s.m[j].text {
		case "it", "they", "this", "that", "the", "my":
			subj = j
		case "would", "will", "could", "might", "should", "can", "may", "ever":
			return false
		}
	}
	return subj > 0
}

func maxInt(xs []int) int {
	m := 0
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}

// stoppedAgain reports whether token i says the fault stopped: "after I
// tightened the cap it stopped", "it stopped since". "it stopped working" is
// a failure, not a fix.
func stoppedAgain(s *sent, i int) bool {
	if s.m[i].text != "stopped" || i == 0 {
		return false
	}
	switch s.m[i-1].text {
	case "it", "that", "they", "this", "problem", "issue", "noise", "leak", "leaking", "dripping":
	default:
		return false
	}
	if i+1 == len(s.m) {
		return true
	}
	switch s.m[i+1].text {
	case "now", "since", "after", "completely", "altogether", "entirely", ".", "!", "and":
		return true
	}
	return false
}

// resolvedAfter reports whether the speaker says the problem was fixed: "it was
// broken but the update fixed it", "used to cut out but it's been fine since".
func (a *Analyzer) resolvedAfter(d *doc, h hit) bool {
	check := func(s *sent, from int) bool {
		for i := from; i < len(s.m); i++ {
			if n := a.resolved.lexAt(s.m, i); len(n) > 0 || fineAgain(s, i) || stoppedAgain(s, i) {
				if a.cueNegated(s, i) {
					continue
				}
				return true
			}
		}
		return false
	}
	if check(h.s, h.sp.end) {
		return true
	}
	// A past-tense report with the fix said before it, in the same sentence.
	past := false
	for i := h.sp.start; i < h.sp.end; i++ {
		if h.s.m[i].tag == "VBD" || h.s.m[i].tag == "VBN" || h.s.m[i].text == "kept" || h.s.m[i].text == "was" || h.s.m[i].text == "were" || h.s.m[i].text == "used" || h.s.m[i].text == "had" {
			past = true
		}
	}
	for i := h.sp.start - 1; i >= 0 && i >= h.sp.start-3; i-- {
		switch h.s.m[i].text {
		case "was", "were", "had", "kept", "used":
			past = true
		}
	}
	if past {
		for i := 0; i < h.sp.start; i++ {
			if len(a.resolved.lexAt(h.s.m, i)) > 0 && !a.cueNegated(h.s, i) {
				return true
			}
		}
	}
	// The next sentence of the same turn: "It was cracked. You fixed it though."
	if h.si+1 < len(d.sents) {
		next := d.sents[h.si+1]
		if next.turn == h.s.turn && next.speaker == h.s.speaker && past {
			return check(next, 0)
		}
	}
	return false
}

// fineAgain reports whether token i says the thing is fine again: "it's been
// spinning fine", "working okay since", "fine now".
func fineAgain(s *sent, i int) bool {
	switch s.m[i].text {
	case "fine", "okay", "good", "perfect", "great", "normal", "perfectly":
	default:
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if s.m[j].text == "been" {
			return true
		}
	}
	if i+1 < len(s.m) && (s.m[i+1].text == "now" || s.m[i+1].text == "since" || s.m[i+1].text == "again") {
		return true
	}
	return false
}

// cueNegated reports whether a "fixed" cue is denied or only hoped for.
func (a *Analyzer) cueNegated(s *sent, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch s.m[j].text {
		case "not", "never", "no", "supposed", "meant", "tried", "try", "hoping", "hope", "to", "will", "should", "might", "may", "could", "would", "if", "until", "still", "nothing", "can":
			return true
		}
	}
	// "still" anywhere after the cue in the sentence: "the update fixed it for a day but it still crashes"
	for j := i + 1; j < len(s.m); j++ {
		if s.m[j].text == "still" || s.m[j].text == "again" {
			return true
		}
	}
	return false
}

// lexAt returns the token counts the lexicon matches at i.
func (l *lexicon) lexAt(toks []mtok, i int) []int {
	at := atom{kind: atomLex, lex: l}
	return at.at(toks, i, nil)
}

// ---------------------------------------------------------------- evidence

// evidence returns the evidence for tokens [start, end) of a sentence, clipped
// to the turn of its first token.
func (d *doc) evidence(s *sent, start, end int, rule string) Evidence {
	if start >= len(s.toks) {
		start = len(s.toks) - 1
	}
	if end > len(s.toks) {
		end = len(s.toks)
	}
	if end <= start {
		end = start + 1
	}
	// A sentence may run across a turn cut in two: keep the part in the turn
	// of its last token, where the predicate usually is.
	turn := s.turns[end-1]
	for start < end-1 && s.turns[start] != turn {
		start++
	}
	rs := d.turnRunes(turn)
	from, to := s.toks[start].Start, s.toks[end-1].End
	for k := start; k < end; k++ {
		if s.toks[k].Start < from {
			from = s.toks[k].Start
		}
		if s.toks[k].End > to {
			to = s.toks[k].End
		}
	}
	if from < 0 {
		from = 0
	}
	if to > len(rs) {
		to = len(rs)
	}
	if from > to {
		from = to
	}
	return Evidence{Turn: turn, Start: from, End: to, Text: string(rs[from:to]), Rule: rule}
}

func (d *doc) hitEvidence(h hit) Evidence { return d.evidence(h.s, h.sp.start, h.sp.end, h.rule.ID) }

// clauseEvidence widens a hit's evidence to its clause, for a reader.
func (d *doc) clauseEvidence(h hit) Evidence {
	s := h.s
	c := s.clause[h.sp.start]
	start, end := h.sp.start, h.sp.end
	for start > 0 && s.clause[start-1] == c && h.sp.start-start < 8 {
		start--
	}
	for end < len(s.toks) && s.clause[end] == s.clause[h.sp.end-1] && end-h.sp.end < 6 {
		end++
	}
	for start < h.sp.start && (s.toks[start].Kind == Punct || clauseBreak[s.toks[start].Text] || s.toks[start].Text == "and") {
		start++
	}
	for end > h.sp.end && s.toks[end-1].Kind == Punct {
		end--
	}
	return d.evidence(s, start, end, h.rule.ID)
}

// ---------------------------------------------------------------- defects

type defectAcc struct {
	fp        FrictionPoint
	head      string
	compFixed bool
	said      []string // the symptom of every report merged in
}

// component finds the part a defect hit is about: a captured noun, the nearest
// noun phrase before the predicate in its clause, the rule's own component, a
// noun after it, or the last part the speaker named.
func (a *Analyzer) component(h hit, last string) (string, bool) {
	s := h.s
	if c, ok := h.sp.caps["comp"]; ok {
		if np := a.nounPhrase(s, c[1]-1, c[0]); np != "" {
			return np, true
		}
	}
	// Before the predicate, in its clause. A pattern may start before its
	// verb ("!the verb=..."): the predicate is the captured verb or state.
	pred := h.sp.start
	for name, c := range h.sp.caps {
		if (name == "verb" || name == "state") && c[0] > pred {
			pred = c[0]
		}
	}
	for i := pred - 1; i >= 0 && i >= pred-10; i-- {
		if s.clause[i] != s.clause[h.sp.start] {
			break
		}
		if s.m[i].text == "with" || s.m[i].text == "but" {
			break
		}
		if a.isComponentNoun(s, i) {
			if np := a.nounPhrase(s, i, 0); np != "" {
				return np, true
			}
		}
	}
	// Inside the match, after "with"/"in"/"on": "a problem with the lid".
	prep := false
	for i := h.sp.start; i < h.sp.end; i++ {
		switch s.m[i].text {
		case "with", "in", "on", "of", "from", "under", "at", "near", "around", "round":
			prep = true
		}
		if prep && a.isComponentNoun(s, i) && i > h.sp.start {
			if np := a.nounPhrase(s, i, h.sp.start); np != "" {
				return np, true
			}
		}
	}
	if h.rule.Component != "" {
		return h.rule.Component, true
	}
	for i := h.sp.end; i < len(s.m) && i < h.sp.end+6; i++ {
		if s.clause[i] != s.clause[h.sp.end-1] {
			break
		}
		if a.isComponentNoun(s, i) {
			// take the whole noun run
			j := i
			for j+1 < len(s.m) && strings.HasPrefix(s.m[j+1].tag, "NN") && a.isComponentNoun(s, j+1) {
				j++
			}
			if np := a.nounPhrase(s, j, i); np != "" {
				return np, true
			}
		}
	}
	return last, false
}

func (a *Analyzer) isComponentNoun(s *sent, i int) bool {
	m := &s.m[i]
	if !strings.HasPrefix(m.tag, "NN") || s.toks[i].Kind != Word {
		return false
	}
	if a.compStop.has(m.text) || a.compStop.has(m.lemma) || len(m.text) < 2 {
		return false
	}
	return true
}

// nounPhrase returns the lemmatised noun phrase whose head is at i, reaching
// left no further than min: "the charging case" gives "charging case".
func (a *Analyzer) nounPhrase(s *sent, i, min int) string {
	if i < 0 || i >= len(s.m) {
		return ""
	}
	for i >= min && !a.isComponentNoun(s, i) {
		i--
	}
	if i < min || i < 0 {
		return ""
	}
	parts := []string{a.pack.fold(s.m[i].lemma)}
	for j := i - 1; j >= min && j >= i-2; j-- {
		m := &s.m[j]
		if (strings.HasPrefix(m.tag, "NN") && a.isComponentNoun(s, j)) || a.compKeep.has(m.text) || (strings.HasSuffix(m.text, "ing") && (m.tag == "VBG" || m.tag == "NN")) {
			if m.text == "charging" || m.text == "charger" {
				parts = append([]string{"charging"}, parts...)
			} else {
				parts = append([]string{m.lemma}, parts...)
			}
			continue
		}
		break
	}
	np := strings.Join(parts, " ")
	return a.pack.fold(np)
}

// symptom fills the rule's symptom template from the hit's captures.
func (a *Analyzer) symptom(h hit) string {
	tpl := h.rule.Symptom
	if tpl == "" {
		var ws []string
		for i := h.sp.start; i < h.sp.end; i++ {
			if h.s.toks[i].Kind == Word {
				ws = append(ws, h.s.m[i].lemma)
			}
		}
		return strings.Join(ws, " ")
	}
	for name, c := range h.sp.caps {
		if name == "comp" {
			continue
		}
		var ws []string
		for i := c[0]; i < c[1]; i++ {
			// The verb is conjugated for the template; a state and the words
			// after the verb stay as said ("is lifting", "comes unglued").
			l := h.s.m[i].text
			if i == c[0] && name != "state" {
				if l = h.s.m[i].vlem; l == "" {
					l = h.s.m[i].lemma
				}
			}
			ws = append(ws, l)
		}
		w := strings.Join(ws, " ")
		tpl = strings.ReplaceAll(tpl, "{"+name+"}", w)
		tpl = strings.ReplaceAll(tpl, "{"+name+"s}", thirdPerson(w))
	}
	return a.pack.fold(tpl)
}

// thirdPerson conjugates a verb phrase for "it": "crash" gives "crashes".
func thirdPerson(p string) string {
	w, rest, _ := strings.Cut(p, " ")
	switch {
	case w == "be":
		w = "is"
	case w == "have":
		w = "has"
	case w == "do", w == "go":
		w += "es"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"):
		w += "es"
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		w = w[:len(w)-1] + "ies"
	default:
		w += "s"
	}
	if rest != "" {
		return w + " " + rest
	}
	return w
}

// category decides whether a failure belongs to a non-product category: "the
// website won't load" is website_app, "my password doesn't work" account.
func (a *Analyzer) category(h hit, comp string) Category {
	if h.rule.Category != "" {
		return h.rule.Category
	}
	for _, cl := range a.catLex {
		for _, w := range strings.Fields(comp) {
			if cl.lex.has(w) {
				return cl.cat
			}
		}
	}
	// A named part or product failing is a product defect wherever it fails:
	// "the app crashes at checkout" is the app's fault, not the website's.
	// Only what comes before the failure ("the returns website kept
	// crashing") can then make it another category.
	named := comp != "" && (lastWord(comp) == "app" || !genericProduct[lastWord(comp)])
	s := h.s
	c := s.clause[h.sp.start]
	for _, cl := range a.catLex {
		for i := range s.m {
			if named && i >= h.sp.start {
				break
			}
			if s.clause[i] == c || (i >= h.sp.start-6 && i < h.sp.end+6) {
				if n := cl.lex.lexAt(s.m, i); len(n) > 0 {
					return cl.cat
				}
			}
		}
	}
	return ProductDefect
}

// signature is the canonical form clustering groups on: "component|symptom
// class", with an empty component when the product as a whole fails.
func signature(comp, class string) string { return comp + "|" + class }

func (a *Analyzer) defects(d *doc, hits []hit, res *Analysis) {
	var accs []*defectAcc
	confirmedTurns := map[int]hit{}
	for _, h := range hits {
		if h.rule.Kind == KindConfirm {
			if _, ok := confirmedTurns[h.s.turn]; !ok {
				confirmedTurns[h.s.turn] = h
			}
		}
	}
	last := "" // the last part named, for "it" and "they"
	add := func(h hit, by StatedBy, safety string) {
		comp, explicit := a.component(h, last)
		if explicit && comp != "" {
			last = comp
		}
		cat := a.category(h, comp)
		if cat != ProductDefect {
			return // frictions() reports it
		}
		sym := a.symptom(h)
		if h.rule.Kind == KindSafety && h.rule.Symptom == "" {
			sym = h.rule.Safety
		}
		head := comp
		ev := d.clauseEvidence(h)
		for _, acc := range accs {
			if acc.head == head || head == "" || acc.head == "" || acc.fp.Symptom == sym {
				if acc.head == "" && head != "" {
					acc.head, acc.fp.Component = head, comp
				}
				if acc.fp.Symptom == "" || a.specificity(sym) > a.specificity(acc.fp.Symptom) {
					acc.fp.Symptom = sym
					if head != "" {
						acc.head, acc.fp.Component = head, comp
					}
				}
				acc.fp.Evidence = appendEvidence(acc.fp.Evidence, ev)
				acc.said = append(acc.said, sym)
				if safety != "" {
					acc.fp.Safety = appendUnique(acc.fp.Safety, safety)
				}
				if by == StatedByCustomer {
					acc.fp.StatedBy = StatedByCustomer
				}
				return
			}
		}
		fp := FrictionPoint{Category: ProductDefect, Component: comp, Symptom: sym, StatedBy: by, Evidence: []Evidence{ev}}
		if safety != "" {
			fp.Safety = []string{safety}
		}
		accs = append(accs, &defectAcc{fp: fp, head: head, said: []string{sym}})
	}
	for _, h := range hits {
		switch h.rule.Kind {
		case KindDefect, KindSafety:
			if h.rule.Kind == KindDefect && overlapsFriction(hits, h) {
				continue // "the box was smashed": the delivery, not the product
			}
			safety := ""
			if h.rule.Kind == KindSafety {
				safety = h.rule.Safety
			}
			if h.s.speaker == transcript.Customer {
				add(h, StatedByCustomer, safety)
			} else if _, ok := confirmedTurns[h.s.turn]; (ok || d.agentStated[h.s.turn]) && h.s.speaker == transcript.Agent {
				add(h, StatedByAgentConfirmed, safety)
			}
		}
	}
	// An agent's confirmation with no failure stated in its turn, and an
	// agent's workaround, replacement or repair, are evidence of a defect the
	// customer only described vaguely: a workaround when the customer
	// complained, a replacement or repair when they raised nothing else (a
	// parcel, a bill, a login).
	for _, h := range hits {
		if h.rule.Kind != KindConfirm && h.rule.Kind != KindWorkaround && h.rule.Kind != KindRemedy {
			continue
		}
		if h.rule.Kind == KindWorkaround && len(accs) == 0 && (!a.customerComplained(d, hits) || otherFriction(hits)) {
			continue
		}
		if h.rule.Kind == KindRemedy && len(accs) == 0 && a.otherTrouble(d, hits) {
			continue
		}
		if len(accs) > 0 {
			accs[0].fp.Evidence = appendEvidence(accs[0].fp.Evidence, d.clauseEvidence(h))
			continue
		}
		comp, _ := a.component(h, last)
		sym := h.rule.Symptom
		if sym == "" {
			sym = "faulty"
		}
		accs = append(accs, &defectAcc{head: comp, fp: FrictionPoint{Category: ProductDefect, Component: comp, Symptom: sym,
			StatedBy: StatedByAgentConfirmed, Evidence: []Evidence{d.clauseEvidence(h)}}})
	}
	accs, pc := a.consolidate(d, accs)
	if pc != nil {
		res.Product, res.ProductTerms = pc.Product(), pc.Terms()
	}
	for _, acc := range accs {
		sortEvidence(acc.fp.Evidence)
		res.FrictionPoints = append(res.FrictionPoints, acc.fp)
	}
}

// overlapsFriction reports whether a non-product friction rule matched the
// same words as defect hit h: those words are about that friction.
func overlapsFriction(hits []hit, h hit) bool {
	for _, f := range hits {
		if f.rule.Kind == KindFriction && f.si == h.si && f.sp.start < h.sp.end && h.sp.start < f.sp.end {
			return true
		}
	}
	return false
}

// otherFriction reports whether the customer raised a non-product friction,
// which an agent's reset instructions then answer ("password reset").
func otherFriction(hits []hit) bool {
	for _, h := range hits {
		if h.rule.Kind == KindFriction && h.s.speaker == transcript.Customer {
			return true
		}
	}
	return false
}

// otherTrouble reports whether the customer spoke of a delivery or raised a
// friction that is not the product's ("I was charged twice", a fault read as
// the courier's): a replacement then answers that, not a defect.
func (a *Analyzer) otherTrouble(d *doc, hits []hit) bool {
	for _, h := range hits {
		if h.rule.Kind == KindFriction {
			return true
		}
		if h.rule.Kind == KindDefect && h.s.speaker == transcript.Customer {
			if comp, _ := a.component(h, ""); a.category(h, comp) != ProductDefect {
				return true
			}
		}
	}
	l := a.pack.Lexicons["delivery_words"]
	if l == nil {
		return false
	}
	for _, s := range d.sents {
		if s.speaker != transcript.Customer {
			continue
		}
		for i := range s.m {
			if len(l.lexAt(s.m, i)) > 0 {
				return true
			}
		}
	}
	return false
}

// customerComplained reports whether the customer voiced any negative sentiment
// or friction, so a workaround answers a problem rather than a how-to question.
func (a *Analyzer) customerComplained(d *doc, hits []hit) bool {
	for _, s := range d.sents {
		if s.speaker != transcript.Customer || s.survey || s.question {
			continue
		}
		for i := range s.m {
			if a.negw.has(s.m[i].text) || a.negw.has(s.m[i].lemma) {
				return true
			}
		}
	}
	return false
}

func appendEvidence(list []Evidence, e Evidence) []Evidence {
	for i, x := range list {
		if x.Turn == e.Turn && x.Start <= e.Start && x.End >= e.End {
			return list
		}
		if x.Turn == e.Turn && e.Start <= x.Start && e.End >= x.End {
			list[i] = e
			return list
		}
	}
	return append(list, e)
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func sortEvidence(ev []Evidence) {
	sort.SliceStable(ev, func(i, j int) bool {
		ti, tj := ev[i].Turn, ev[j].Turn
		if ti == SurveyTurn {
			ti = 1 << 30
		}
		if tj == SurveyTurn {
			tj = 1 << 30
		}
		if ti != tj {
			return ti < tj
		}
		return ev[i].Start < ev[j].Start
	})
}

// ---------------------------------------------------------------- other frictions

func (a *Analyzer) frictions(d *doc, hits []hit, res *Analysis) {
	byCat := map[Category]*FrictionPoint{}
	var order []Category
	addTo := func(c Category, ev Evidence) {
		fp := byCat[c]
		if fp == nil {
			fp = &FrictionPoint{Category: c}
			byCat[c] = fp
			order = append(order, c)
		}
		fp.Evidence = appendEvidence(fp.Evidence, ev)
	}
	for _, h := range hits {
		switch h.rule.Kind {
		case KindFriction:
			if h.s.speaker == transcript.Customer || h.rule.Speaker != "customer" {
				addTo(h.rule.Category, d.clauseEvidence(h))
			}
		case KindDefect:
			if h.s.speaker != transcript.Customer {
				continue
			}
			comp, _ := a.component(h, "")
			if c := a.category(h, comp); c != ProductDefect {
				addTo(c, d.clauseEvidence(h))
			}
		case KindEffort:
			addTo(Effort, d.hitEvidence(h))
		}
	}
	for _, c := range order {
		fp := byCat[c]
		sortEvidence(fp.Evidence)
		res.FrictionPoints = append(res.FrictionPoints, *fp)
	}
}

// ---------------------------------------------------------------- praise

func (a *Analyzer) praise(d *doc, hits []hit, res *Analysis) {
	idx := map[PraiseTarget]int{}
	for _, h := range hits {
		if h.rule.Kind != KindPraise || h.s.speaker != transcript.Customer {
			continue
		}
		ev := d.clauseEvidence(h)
		i, ok := idx[h.rule.Target]
		if !ok {
			p := Praise{Target: h.rule.Target}
			if h.rule.Target == PraiseAgent {
				p.AgentName = a.praisedAgent(d, h)
			}
			res.Praise = append(res.Praise, p)
			i = len(res.Praise) - 1
			idx[h.rule.Target] = i
		}
		res.Praise[i].Evidence = appendEvidence(res.Praise[i].Evidence, ev)
	}
}

// praisedAgent is the agent's name as said in the praise, or the agent the
// customer was talking to.
func (a *Analyzer) praisedAgent(d *doc, h hit) string {
	rs := d.turnRunes(h.s.turns[0])
	for i := range h.s.toks {
		if d.env.agentNames[h.s.m[i].text] {
			t := h.s.toks[i]
			if t.Start >= 0 && t.End <= len(rs) {
				return string(rs[t.Start:t.End])
			}
		}
	}
	t := d.t
	name := ""
	limit := h.s.turn
	if limit == SurveyTurn {
		limit = len(t.Turns)
	}
	for i := 0; i < limit && i < len(t.Turns); i++ {
		if t.Turns[i].Speaker == transcript.Agent && t.Turns[i].Name != "" {
			name = t.Turns[i].Name
		}
	}
	if name == "" {
		for _, ag := range t.Agents {
			if ag.Name != "" {
				return ag.Name
			}
		}
	}
	return name
}

// ---------------------------------------------------------------- resolution

var resolutionRank = map[ResolutionKind]int{Refund: 5, Replacement: 5, Repair: 5, Workaround: 4, Escalated: 3, Unresolved: 2, Info: 1}

func (a *Analyzer) resolution(d *doc, hits []hit, res *Analysis) {
	var best *hit
	for i := range hits {
		h := &hits[i]
		k := h.rule.Resol
		if h.rule.Kind == KindWorkaround {
			k = Workaround
		} else if h.rule.Kind != KindResolution {
			continue
		}
		if best == nil {
			best = h
			continue
		}
		bk := best.rule.Resol
		if best.rule.Kind == KindWorkaround {
			bk = Workaround
		}
		if resolutionRank[k] >= resolutionRank[bk] {
			best = h
		}
	}
	if best != nil {
		k := best.rule.Resol
		if best.rule.Kind == KindWorkaround {
			k = Workaround
		}
		res.Resolution = &Resolution{Kind: k, Evidence: []Evidence{d.clauseEvidence(*best)}}
		return
	}
	for _, turn := range d.t.Turns {
		if turn.Speaker == transcript.Agent {
			res.Resolution = &Resolution{Kind: Info}
			return
		}
	}
}

// ---------------------------------------------------------------- signals

func (a *Analyzer) signals(d *doc, hits []hit, res *Analysis) {
	sg := &res.Signals
	for _, h := range hits {
		switch h.rule.Kind {
		case KindChurn:
			sg.ChurnRisk = true
			sg.ChurnEvidence = appendEvidence(sg.ChurnEvidence, d.clauseEvidence(h))
		case KindEffort:
			switch h.rule.Signal {
			case "repeat":
				sg.RepeatContact = true
			case "transfer":
				sg.Transfers++
			case "hold":
				sg.LongHold = true
			}
			sg.EffortEvidence = appendEvidence(sg.EffortEvidence, d.hitEvidence(h))
		}
	}
	// Sentiment at the start and the end: the customer's first and last turns.
	var cust []int
	for i, turn := range d.t.Turns {
		if turn.Speaker == transcript.Customer {
			cust = append(cust, i)
		}
	}
	if len(cust) == 0 {
		if d.t.Survey != nil && d.t.Survey.Comment != "" {
			sg.StartSentiment = a.sentiment(d, []int{SurveyTurn})
			sg.EndSentiment = sg.StartSentiment
		}
		return
	}
	n := 2
	if len(cust) < 4 {
		n = 1
	}
	sg.StartSentiment = a.sentiment(d, cust[:n])
	sg.EndSentiment = a.sentiment(d, cust[len(cust)-n:])
}

func (a *Analyzer) sentiment(d *doc, turns []int) *Sentiment {
	in := map[int]bool{}
	for _, t := range turns {
		in[t] = true
	}
	pos, neg := 0.0, 0.0
	var ev []Evidence
	for _, s := range d.sents {
		if !in[s.turn] || (s.turn == SurveyTurn) != s.survey {
			continue
		}
		for i := range s.m {
			pol := 0
			switch {
			case s.toks[i].Kind == Emoji:
				pol = int(s.toks[i].Polarity)
			case a.posw.has(s.m[i].text) || a.posw.has(s.m[i].lemma):
				pol = 1
			case a.negw.has(s.m[i].text) || a.negw.has(s.m[i].lemma):
				pol = -1
			}
			if pol == 0 {
				continue
			}
			if a.negated(s, span{start: i, end: i + 1}) {
				pol = -pol
			}
			if pol > 0 {
				pos++
			} else {
				neg++
			}
			if len(ev) < 3 {
				ev = append(ev, d.evidence(s, i, i+1, "sentiment.lexicon"))
			}
		}
	}
	score := (pos - neg) / (pos + neg + 1)
	label := "neutral"
	switch {
	case score >= 0.25:
		label = "positive"
	case score <= -0.25:
		label = "negative"
	}
	return &Sentiment{Score: roundTo(score, 2), Label: label, Evidence: ev}
}

func roundTo(x float64, places int) float64 {
	p := 1.0
	for i := 0; i < places; i++ {
		p *= 10
	}
	if x < 0 {
		return -float64(int(-x*p+0.5)) / p
	}
	return float64(int(x*p+0.5)) / p
}

// ---------------------------------------------------------------- survey

// afterBut reports whether hit h comes after the last "but" of its sentence:
// what follows a contrast is what the customer means.
func afterBut(h hit) bool {
	last := lastBut(h.s)
	return last >= 0 && h.sp.start > last
}

// lastBut returns the index of s's last "but", or -1.
func lastBut(s *sent) int {
	last := -1
	for i := range s.m {
		if s.m[i].text == "but" {
			last = i
		}
	}
	return last
}

func (a *Analyzer) survey(d *doc, hits []hit, res *Analysis) {
	sv := d.t.Survey
	if sv == nil {
		return
	}
	max := sv.ScaleMax
	if max == 0 {
		max = transcript.DefaultScaleMax(sv.Type)
	}
	norm := sv.Normalized()
	sa := &SurveyAttribution{Type: string(sv.Type), Score: sv.Score, ScaleMax: max, Comment: sv.Comment,
		NormalizedScore: roundTo(norm, 3), Driver: DriverNone}
	sa.Positive = norm >= 0.75 || (sv.Type == transcript.NPS && sv.Score >= 9)
	res.SurveyAttribution = sa

	// The comment's last attributable statement: customers end a comment with
	// what the score is for ("... Thank you Tom, you were great").
	var best *hit
	for i := range hits {
		h := &hits[i]
		if h.rule.Kind != KindDriver || !h.s.comment {
			continue
		}
		if h.rule.Polarity > 0 && !sa.Positive && norm < 0.5 || h.rule.Polarity < 0 && sa.Positive {
			continue
		}
		if exerciseRep(*h) {
			continue
		}
		// "none" only when nothing else is said.
		if best != nil && (best.rule.Driver == DriverNone) != (h.rule.Driver == DriverNone) {
			if best.rule.Driver == DriverNone {
				best = h
			}
			continue
		}
		// In one sentence, what the agent is said to have done outweighs the
		// wait or transfer around it ("45 minutes on hold and then the agent
		// couldn't wait to get rid of me"), unless a "but" turns from it.
		if best != nil && h.si == best.si && afterBut(*h) == afterBut(*best) {
			// "Kai was fine, your courier is not": a lukewarm word on the
			// agent gives way to what else the sentence blames or credits.
			if hl, bl := lukewarmAgent(*h), lukewarmAgent(*best); hl != bl && h.rule.Driver != DriverNone && best.rule.Driver != DriverNone {
				if bl {
					best = h
				}
				continue
			}
			if ha, ba := agentConduct(d, *h), agentConduct(d, *best); ha != ba && (ha && best.rule.Driver == DriverProcess || ba && h.rule.Driver == DriverProcess) {
				if ha {
					best = h
				}
				continue
			}
			// In a poor score, how long a remedy took outweighs the remedy
			// it took for ("the replacement took three weeks to arrive",
			// "still no refund 10 days after"): the wait is what is scored.
			if hd, bd := isDelay(*h), isDelay(*best); !sa.Positive && hd != bd && (hd && best.rule.Driver == DriverResolution || bd && h.rule.Driver == DriverResolution) {
				if hd {
					best = h
				}
				continue
			}
		}
		// "At least a new one's on the way", "sorted in the end I suppose": a
		// concession after a complaint leaves the complaint as the reason.
		if best != nil && (h.si > best.si || h.si == best.si && afterBut(*h) && !afterBut(*best)) && best.rule.Driver != DriverNone && h.rule.Driver != best.rule.Driver && concedes(h.s) {
			continue
		}
		// The last sentence that says something; in it, the first thing said
		// after its last "but" ("Lewis was fine but the product is dangerous").
		// Of two statements from the same word, the longer says more: "easy
		// fix" is about the fix, not the process.
		if best == nil || h.si > best.si || h.si == best.si && afterBut(*h) == afterBut(*best) && h.sp.start < best.sp.start ||
			h.si == best.si && afterBut(*h) == afterBut(*best) && h.sp.start == best.sp.start && h.sp.end > best.sp.end ||
			h.si == best.si && afterBut(*h) && !afterBut(*best) {
			best = h
		}
	}
	// "Controller packed up after a week. Replacement came quick to be
	// fair": a poor score that concedes a remedy after a defect scores the
	// defect.
	if best != nil && !sa.Positive && best.rule.Driver != DriverNone && best.rule.Driver != DriverProduct && concedes(best.s) {
		for i := range hits {
			h := &hits[i]
			if (h.rule.Kind == KindDefect || h.rule.Kind == KindSafety) && h.s.comment && (h.si < best.si || h.si == best.si && h.sp.end <= best.sp.start) {
				best = h
				break
			}
		}
	}
	// "Lucia sent a new one the same day": in a good score, a remedy the
	// comment credits to an agent by name is the agent's.
	namedRemedy := best != nil && sa.Positive && best.rule.Kind == KindDriver && best.rule.Driver == DriverResolution && d.namesAgentIn(best.s)
	// "Leah was brilliant. ... and got the engineer booked for Friday": in a
	// good score, what follows praise of a named agent ("the lady on the
	// phone was lovely") is what the agent did.
	if best != nil && sa.Positive && (best.rule.Driver == DriverResolution || best.rule.Driver == DriverProcess) && (!afterBut(*best) || best.rule.Driver == DriverResolution) {
		for i := range hits {
			h := &hits[i]
			if h.rule.Kind == KindDriver && h.s.comment && h.rule.Driver == DriverAgent && h.si < best.si && h.rule.Polarity >= 0 && (d.namesAgentIn(h.s) || a.refersToAgent(h.s) || d.opensWithName(h.s)) {
				best = h
				break
			}
		}
	}
	// "Kofi was nice but the fan is still loud": in a score that is not
	// good, kind words on the agent before a "but" give way to the defect
	// after it, or to the fix that did not take when it is "still" there.
	var turnedTo Driver
	if best != nil && !sa.Positive && best.rule.Kind == KindDriver && best.rule.Driver == DriverAgent && !afterBut(*best) {
		for _, h := range hits {
			if (h.rule.Kind == KindDefect || h.rule.Kind == KindSafety) && h.s == best.s && afterBut(h) {
				turnedTo = DriverProduct
				break
			}
		}
		// "Hannah was nice but the whistling's still there".
		if stillAfterBut(best.s) {
			turnedTo = DriverResolution
		}
	}
	if best == nil || best.rule.Driver == DriverNone {
		// A comment that only reports a defect is about the product; one that
		// reports a delivery, bill or account problem is about the process.
		for _, h := range hits {
			if (h.rule.Kind == KindDefect || h.rule.Kind == KindSafety || h.rule.Kind == KindFriction) && h.s.comment {
				best = &h
				break
			}
		}
	}
	if best == nil && !sa.Positive && strings.TrimSpace(sv.Comment) != "" {
		// "Two faults on a £300 saw", "Drill's a toy": a poor score whose
		// comment names no other reason, on a contact about a defect, is
		// about the product; the defect is the evidence.
		for _, f := range res.FrictionPoints {
			if f.Category == ProductDefect && len(f.Evidence) > 0 {
				sa.Driver = DriverProduct
				sa.Evidence = f.Evidence[:1]
				break
			}
		}
	}
	if best != nil {
		sa.Driver = best.rule.Driver
		if best.rule.Kind != KindDriver {
			sa.Driver = DriverProduct
			if comp, _ := a.component(*best, ""); best.rule.Kind == KindFriction || a.category(*best, comp) != ProductDefect {
				sa.Driver = DriverProcess
			} else if saysStill(best.s, 0) {
				// "still not cleaning after the 3rd reset": the fix did
				// not take.
				sa.Driver = DriverResolution
			}
		}
		if namedRemedy {
			sa.Driver = DriverAgent
		}
		if turnedTo != "" {
			sa.Driver = turnedTo
		}
		sa.Evidence = []Evidence{d.clauseEvidence(*best)}
	}
	// With no comment the score is attributable only when the contact makes
	// its reason plain: a customer who ends by praising the agent ("ana you've
	// been an absolute star") scored the agent. Otherwise, or with a comment
	// that names nothing, the driver stays none: a good call about a defect
	// does not tell which of them the customer scored.
	if best == nil && strings.TrimSpace(sv.Comment) == "" && !hasComment(d) && sa.Positive {
		if h := a.closingAgentPraise(d, hits); h != nil {
			sa.Driver = DriverAgent
			sa.Evidence = []Evidence{d.clauseEvidence(*h)}
		}
	}
	if sa.Positive && res.HasDefect() {
		res.Masked = true
		res.Explanation = explain(sv, max, sa, res)
	}
}

// exerciseRep reports whether h matched only "rep" as in one lift of a
// weight ("a plate came off mid rep"), not a representative.
func exerciseRep(h hit) bool {
	if h.sp.end-h.sp.start != 1 || h.s.m[h.sp.start].text != "rep" || h.sp.start == 0 {
		return false
	}
	switch p := h.s.m[h.sp.start-1]; p.text {
	case "mid", "per", "each", "every", "last", "final", "one", "first", "single", "a":
		return true
	default:
		return strings.HasPrefix(p.tag, "CD")
	}
}

// saysStill reports whether s says "still" at token from or after.
func saysStill(s *sent, from int) bool {
	for i := from; i < len(s.m); i++ {
		if s.m[i].text == "still" {
			return true
		}
	}
	return false
}

// stillAfterBut reports whether s says "still" after its last "but".
func stillAfterBut(s *sent) bool {
	last := lastBut(s)
	return last >= 0 && saysStill(s, last+1)
}

// opensWithName reports whether comment sentence s opens with a capitalised
// name that then acts or is described ("Ngozi was brilliant", "Bashir had a
// new one out"): an agent named in a survey whose transcript does not say who
// the agent was.
func (d *doc) opensWithName(s *sent) bool {
	if !s.comment || len(s.toks) < 2 || len(s.m) < 2 || s.toks[0].Kind != Word {
		return false
	}
	for _, k := range []string{"product", "sku", "model", "company"} {
		// A product's own name: "Peek was easy to set up".
		if strings.Contains(strings.ToLower(d.t.Metadata[k]), s.m[0].text) {
			return false
		}
	}
	switch s.m[1].text {
	case "was", "is", "has", "had", "sent", "sorted", "got", "arranged", "explained", "stayed", "went", "took", "made":
	default:
		return false
	}
	t := s.toks[0]
	rs := d.turnRunes(s.turns[0])
	if t.Start < 0 || t.End > len(rs) || t.End-t.Start < 3 || !titlecase(rs[t.Start:t.End]) {
		return false
	}
	return strings.HasPrefix(s.m[0].tag, "NNP")
}

// refersToAgent reports whether sentence s refers to an agent without a
// name: "the lady on the phone", "the rep".
func (a *Analyzer) refersToAgent(s *sent) bool {
	l := a.pack.Lexicons["agent_ref"]
	if l == nil {
		return false
	}
	for i := range s.m {
		if len(l.lexAt(s.m, i)) > 0 {
			return true
		}
	}
	return false
}

// concedes reports whether sentence s grants something grudgingly: "at least
// ...", "... in the end", "... I suppose", "to be fair".
func concedes(s *sent) bool {
	for i := range s.m {
		w := s.m[i].text
		next := ""
		if i+1 < len(s.m) {
			next = s.m[i+1].text
		}
		switch {
		case w == "at" && next == "least", w == "in" && next == "the" && i+2 < len(s.m) && s.m[i+2].text == "end",
			w == "to" && next == "be" && i+2 < len(s.m) && s.m[i+2].text == "fair", w == "in" && next == "fairness",
			w == "i" && (next == "suppose" || next == "guess"), w == "eventually":
			return true
		}
	}
	return false
}

// isDelay reports whether h is a process statement about time taken: it
// names a number of minutes, hours, days, weeks or months, a wait, or a
// wish it were sooner.
func isDelay(h hit) bool {
	if h.rule.Driver != DriverProcess {
		return false
	}
	for i := max(0, h.sp.start-1); i < h.sp.end+1 && i < len(h.s.m); i++ {
		switch h.s.m[i].lemma {
		case "minute", "min", "hour", "day", "week", "month", "ages", "forever", "wait", "sooner":
			return true
		}
	}
	return false
}

// agentConduct reports whether h is an agent-driver statement that names the
// agent ("the agent was rude", "Tom was great").
func agentConduct(d *doc, h hit) bool {
	if h.rule.Driver != DriverAgent {
		return false
	}
	for i := h.sp.start; i < h.sp.end && i < len(h.s.m); i++ {
		if t := h.s.m[i].text; d.env.agentNames[t] || agentWords[t] {
			return true
		}
	}
	return false
}

// lukewarmAgent reports whether h only calls the agent fine or okay.
func lukewarmAgent(h hit) bool {
	if h.rule.Driver != DriverAgent {
		return false
	}
	for i := h.sp.start; i < h.sp.end+2 && i < len(h.s.m); i++ {
		switch h.s.m[i].text {
		case "fine", "ok", "okay", "alright":
			return true
		}
	}
	return false
}

var agentWords = map[string]bool{"agent": true, "advisor": true, "adviser": true, "rep": true, "representative": true, "operator": true}

// namesAgent reports whether the customer's turn calls an agent by name.
func namesAgent(d *doc, turn int) bool {
	for _, s := range d.sents {
		if s.turn == turn && !s.survey && d.namesAgentIn(s) {
			return true
		}
	}
	return false
}

// namesAgentIn reports whether sentence s names one of the transcript's
// agents.
func (d *doc) namesAgentIn(s *sent) bool {
	for i := range s.m {
		if d.env.agentNames[s.m[i].text] {
			return true
		}
	}
	return false
}

// hasComment reports whether the transcript has words a driver rule reads.
func hasComment(d *doc) bool {
	for _, s := range d.sents {
		if s.comment {
			return true
		}
	}
	return false
}

// closingAgentPraise returns the customer's praise of the agent in their last
// two turns, addressed to the agent by name in that turn ("ana you've been an
// absolute star", "Dear Ravi, ... you have been so helpful"), or nil. Praise
// without the name is too common a courtesy to credit the score to.
func (a *Analyzer) closingAgentPraise(d *doc, hits []hit) *hit {
	var cust []int
	for i, turn := range d.t.Turns {
		if turn.Speaker == transcript.Customer {
			cust = append(cust, i)
		}
	}
	if len(cust) == 0 {
		return nil
	}
	from := cust[max(0, len(cust)-2)]
	for i := len(hits) - 1; i >= 0; i-- {
		h := &hits[i]
		if h.rule.Kind == KindPraise && h.rule.Target == PraiseAgent && h.s.speaker == transcript.Customer && !h.s.survey && h.s.turn >= from && (namesAgent(d, h.s.turn) || h.rule.ID == "praise.agent-you") {
			return h
		}
	}
	return nil
}

// explain writes why a transcript is masked, for a person.
func explain(sv *transcript.SurveyResponse, max float64, sa *SurveyAttribution, res *Analysis) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s/%s", strings.ToUpper(string(sv.Type)), fmtNum(sv.Score), fmtNum(max))
	switch sa.Driver {
	case DriverAgent:
		b.WriteString(" credited to the agent")
	case DriverResolution:
		b.WriteString(" credited to the resolution")
	case DriverProduct:
		b.WriteString(" about the product")
	case DriverProcess:
		b.WriteString(" about the process")
	default:
		b.WriteString(" with no stated reason")
	}
	if len(sa.Evidence) > 0 {
		fmt.Fprintf(&b, " ('%s')", sa.Evidence[0].Text)
	}
	b.WriteString("; underlying defect")
	ds := res.Defects()
	if len(ds) > 1 {
		b.WriteString("s")
	}
	b.WriteString(": ")
	for i, f := range ds {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(defectPhrase(f))
	}
	return b.String()
}

func defectPhrase(f FrictionPoint) string {
	s := strings.TrimSpace(f.Component + " " + f.Symptom)
	if f.Component == "" {
		s = "product " + f.Symptom
	}
	if len(f.Safety) > 0 {
		s += " (safety: " + strings.Join(f.Safety, ", ") + ")"
	}
	return s
}

func fmtNum(x float64) string {
	if x == float64(int64(x)) {
		return fmt.Sprintf("%d", int64(x))
	}
	return fmt.Sprintf("%g", x)
}

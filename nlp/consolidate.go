package nlp

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/frictionhq/friction/transcript"
)

// This file turns a transcript's raw defect reports into one friction point
// per root cause, with a component that names a part (not the product, a brand
// or a stray word) and the most specific symptom said, and gives each its
// signature: "component|symptom class".

// productContext is what a transcript calls the product as a whole.
type productContext struct {
	// brand holds words written capitalised inside a sentence: brand and model
	// names ("Pulse", "Aster"), which name the product, never a part.
	brand map[string]bool
	// nouns holds the folded lemmas of nouns that name the whole product: the
	// head after a brand name ("Pulse earbuds"), what was bought ("I bought the
	// kettle"), the metadata's product.
	nouns map[string]bool
	// votes counts how often each product noun phrase (one or two folded
	// lemmas, "kettle", "washing machine") is used of the product as a whole.
	votes map[string]int
	// terms counts the folded nouns and brand words the customer used: what
	// clustering learns which product a transcript is about from.
	terms map[string]int
}

// maxTerms is how many product terms an analysis keeps.
const maxTerms = 24

// Terms returns the customer's most frequent nouns and brand words, most
// frequent first, at most maxTerms.
func (pc *productContext) Terms() []string {
	out := make([]string, 0, len(pc.terms))
	for t := range pc.terms {
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y string) int { return cmp.Or(cmp.Compare(pc.terms[y], pc.terms[x]), strings.Compare(x, y)) })
	if len(out) > maxTerms {
		out = out[:maxTerms]
	}
	return out
}

// vote records a product noun phrase: the head at s.m[k-1] and, when the word
// before it (from j on) is a noun or gerund, that modifier too.
func (a *Analyzer) vote(pc *productContext, s *sent, j, k, w int) {
	head := a.pack.fold(s.m[k-1].lemma)
	if head == "" || genericProduct[head] || a.compStop.has(head) || pc.brand[s.m[k-1].text] || len(head) < 3 {
		return
	}
	pc.nouns[head] = true
	phrase := head
	if k-2 >= j {
		m := &s.m[k-2]
		if (nounish(m.tag) || m.tag == "VBG") && !pc.brand[m.text] && !a.compStop.has(m.text) && !genericProduct[m.text] && !ownWords[m.text] && !purchaseSkip[m.text] && len(m.text) > 2 {
			phrase = m.text + " " + head
		}
	}
	pc.votes[phrase] += w
}

// genericProduct are nouns that stand for any product: never its name.
var genericProduct = map[string]bool{"unit": true, "item": true, "product": true, "thing": true, "it": true, "one": true,
	"device": true, "model": true, "order": true, "purchase": true, "parcel": true, "package": true, "delivery": true,
	"account": true, "app": true, "problem": true, "issue": true, "replacement": true, "refund": true, "warranty": true,
	// A bot's or a desk's own name: "I'm Talvoro's assistant", "Talvoro support".
	"assistant": true, "bot": true, "chatbot": true, "support": true, "team": true, "care": true, "helpdesk": true}

// Product returns the noun phrase the transcript most often uses of the
// product as a whole ("kettle", "washing machine"), "" when it names none.
func (pc *productContext) Product() string {
	best, n := "", 0
	for p, c := range pc.votes {
		if c > n || c == n && (len(p) < len(best) || len(p) == len(best) && p < best) {
			best, n = p, c
		}
	}
	return best
}

// productIntro are the words that introduce the product itself, and what must
// follow them: any determiner ("I bought the kettle"), or a possessive or
// demonstrative ("I got my earbuds", "it's about my kettle", "calling about
// these headphones"; not "about the lid", "about a week").
var productIntro = map[string]int{"bought": introAny, "buy": introAny, "ordered": introAny, "purchased": introAny, "purchase": introAny,
	"got": introOwn, "had": introOwn, "received": introOwn, "own": introOwn, "about": introOwn, "regarding": introOwn}

const (
	introAny = iota + 1
	introOwn
)

var ownWords = map[string]bool{"my": true, "these": true, "this": true, "our": true}

// purchaseSkip are the words between a purchase verb and the product noun.
var purchaseSkip = map[string]bool{"my": true, "a": true, "an": true, "the": true, "these": true, "this": true, "some": true,
	"pair": true, "of": true, "new": true, "set": true, "your": true, "their": true, "our": true, "one": true}

func (a *Analyzer) productContext(d *doc) *productContext {
	pc := &productContext{brand: map[string]bool{}, nouns: map[string]bool{}, votes: map[string]int{}, terms: map[string]int{}}
	names := map[string]bool{}
	for n := range d.env.agentNames {
		names[n] = true
	}
	if d.t.Customer != nil {
		for _, f := range strings.Fields(strings.ToLower(d.t.Customer.Name)) {
			names[f] = true
		}
	}
	if d.t.Metadata["sku"] == "" && d.t.Metadata["product"] == "" && d.t.Metadata["company"] != "" {
		// Under a company alone, a brand or model name is the best name of
		// the product there is ("AirPods", "Face ID"): keep it. The terms
		// still tell the company's products apart.
		a.countTerms(d, pc, names)
		return pc
	}
	for _, s := range d.sents {
		for i := 1; i < len(s.toks); i++ {
			t, prev := &s.toks[i], &s.toks[i-1]
			if t.Kind != Word || prev.Kind != Word && !(prev.Kind == Punct && prev.Text == ",") || names[t.Text] || t.Text == "i" {
				continue
			}
			rs := d.turnRunes(s.turns[i])
			if t.Start < 0 || t.End > len(rs) || t.End-t.Start < 2 || !titlecase(rs[t.Start:t.End]) {
				continue
			}
			if (s.speaker == transcript.Bot || s.speaker == transcript.System) && !strings.HasPrefix(s.m[i].tag, "NNP") {
				// A bot writes its menus in title case ("Scooters,
				// Tents, Cool boxes"): only its proper names are brands.
				continue
			}
			pc.brand[t.Text] = true
		}
	}
	for _, s := range d.sents {
		for i := range s.m {
			switch {
			case pc.brand[s.m[i].text]:
				// The head of the noun run after a brand: "Pulse earbuds".
				j := i + 1
				for j < len(s.m) && pc.brand[s.m[j].text] {
					j++
				}
				k := j
				for k < len(s.m) && strings.HasPrefix(s.m[k].tag, "NN") && !a.compKeep.has(s.m[k].text) && a.isComponentNoun(s, k) && !a.failureVerb(&s.m[k]) {
					k++
				}
				if k > j && k-j <= 2 && (k == len(s.m) || !a.compKeep.has(s.m[k].text)) {
					pc.nouns[a.pack.fold(s.m[k-1].lemma)] = true
					a.vote(pc, s, j, k, 2)
				}
			case productIntro[s.m[i].text] > 0 && s.speaker == transcript.Customer:
				weight := 2
				if i+1 < len(s.m) && productIntro[s.m[i].text] == introOwn && !ownWords[s.m[i+1].text] {
					if s.m[i+1].text != "the" || s.m[i].text != "about" && s.m[i].text != "regarding" {
						continue
					}
					// "calling about the washing machine": a weaker sign,
					// as "about the lid" names a part.
					weight = 1
				}
				j := i + 1
				for j < len(s.m) && j < i+5 && (purchaseSkip[s.m[j].text] || pc.brand[s.m[j].text]) {
					j++
				}
				k := j
				for k < len(s.m) && k < j+3 && nounish(s.m[k].tag) && s.toks[k].Kind == Word && !a.compStop.has(s.m[k].text) {
					k++
				}
				if k > j && !a.compKeep.has(s.m[j].text) {
					if weight > 1 {
						pc.nouns[a.pack.fold(s.m[k-1].lemma)] = true
					}
					a.vote(pc, s, j, k, weight)
				}
			}
		}
	}
	a.countTerms(d, pc, names)
	if p := d.t.Metadata["product"]; p != "" {
		f := strings.Fields(strings.ToLower(p))
		head := a.pack.fold(nounLemma(f[len(f)-1]))
		pc.nouns[head] = true
		if !genericProduct[head] {
			pc.votes[head]++
		}
	}
	return pc
}

// countTerms counts the folded nouns and brand words the customer used.
func (a *Analyzer) countTerms(d *doc, pc *productContext, names map[string]bool) {
	for _, s := range d.sents {
		if s.speaker != transcript.Customer && !s.comment && !s.survey {
			continue
		}
		for i := range s.m {
			m := &s.m[i]
			if s.toks[i].Kind != Word || len(m.text) < 3 || names[m.text] || ownWords[m.text] || purchaseSkip[m.text] {
				continue
			}
			if !nounish(m.tag) && !pc.brand[m.text] {
				continue
			}
			l := a.pack.fold(m.lemma)
			if l == "" || genericProduct[l] || a.compStop.has(m.text) || a.compStop.has(l) || a.compPos.has(l) {
				continue
			}
			pc.terms[l]++
		}
	}
}

// failureVerb reports whether a token is a failure verb the tagger may have
// taken for a noun: "leaks" in "my Aster kettle leaks".
func (a *Analyzer) failureVerb(m *mtok) bool {
	l := a.pack.Lexicons["malfunction_verb"]
	return l != nil && (l.has(m.vlem) || l.has(m.lemma))
}

// nounish: a noun, or a word the tagger could not place (a product name in
// lower-case speech is often tagged as a foreign word).
func nounish(tag string) bool { return strings.HasPrefix(tag, "NN") || tag == "FW" }

func titlecase(rs []rune) bool {
	if !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// part returns the component with brand words left out, and "" when what is
// left names the product itself ("Pulse earbuds", "the kettle") or is not a part
// at all. Modifiers that name a part ("left", "charging") keep a product noun a
// part: "left earbud".
func (a *Analyzer) part(comp string, pc *productContext) string {
	var kept []string
	for _, w := range strings.Fields(comp) {
		if pc.brand[w] || a.compStop.has(w) {
			continue
		}
		kept = append(kept, w)
	}
	// Position words alone place the fault without naming a part: "the
	// front", "the bottom". A side ("left") still tells parts apart.
	allPos := true
	for _, w := range kept {
		if !a.compPos.has(w) {
			allPos = false
			break
		}
	}
	if allPos {
		kept = nil
	}
	if len(kept) == 0 {
		return ""
	}
	head := kept[len(kept)-1]
	if !pc.nouns[head] {
		return a.pack.fold(strings.Join(kept, " "))
	}
	for _, w := range kept[:len(kept)-1] {
		if a.compKeep.has(w) {
			return a.pack.fold(strings.Join(kept, " "))
		}
	}
	return ""
}

// Symptom specificity: a vague report ("not working properly", "faulty"), a
// generic stop ("does not power on", "stopped working": the part failed, but
// not how), or a specific failure.
const (
	symptomVague = iota
	symptomGeneric
	symptomSpecific
)

func (a *Analyzer) specificity(symptom string) int {
	switch a.pack.class(symptom) {
	case "", "does not work properly", "faulty", "is faulty":
		return symptomVague
	case "does not work", "is broken":
		return symptomGeneric
	}
	return symptomSpecific
}

// consolidate cleans each defect's component, merges a transcript's reports
// into one friction point, and sets its signature. A contact is nearly always
// about one fault: a customer who says "the ice maker leaks", then "there's
// water under the drawer" and "it froze the drawer shut" is describing one
// cause in several ways, and reporting each as its own defect would split it
// across clusters and count it twice. The most specific symptom said wins;
// every report's evidence is kept.
//
// It also returns the transcript's product noun (productContext.Product).
func (a *Analyzer) consolidate(d *doc, accs []*defectAcc) ([]*defectAcc, *productContext) {
	if len(accs) == 0 {
		return nil, nil
	}
	pc := a.productContext(d)
	// What each report named before part() cleaned it: "the wifi cuts out"
	// names no part, but says what failed.
	said := make(map[*defectAcc]string, len(accs))
	for _, acc := range accs {
		said[acc] = acc.fp.Component
	}
	for _, acc := range accs {
		// The subject of a defect that is the product itself ("the kettle
		// leaks") names it too.
		if f := strings.Fields(acc.fp.Component); len(f) > 0 && len(f) <= 2 {
			if head := a.pack.fold(nounLemma(f[len(f)-1])); pc.nouns[head] && !genericProduct[head] {
				pc.votes[head]++
			}
		}
		acc.fp.Component = a.part(acc.fp.Component, pc)
	}
	first, saidFirst := accs[0], said[accs[0]]
	classes := map[string]bool{}
	for _, acc := range accs {
		for _, sym := range acc.said {
			if a.specificity(sym) == symptomSpecific {
				classes[a.pack.class(sym)] = true
			}
		}
	}
	for _, acc := range accs[1:] {
		comp := first.fp.Component
		a.mergeInto(first, acc)
		if first.fp.Component != comp {
			saidFirst = said[acc] // the part named is the one this report said
		}
	}
	comp, class := a.signatureClass(first, saidFirst)
	first.fp.Signature = signature(comp, class)
	delete(classes, class)
	delete(classes, a.pack.class(first.fp.Symptom))
	first.fp.AlsoSaid = slices.Sorted(maps.Keys(classes))
	return accs[:1], pc
}

// signatureClass returns the component and symptom class a report's
// signature carries: the pack's class of its symptom, refined by what failed,
// as one phrase can name different failures on different parts ("cuts out":
// a connection drops, a motor stops) and different phrases one failure on one
// part ("the charge disappears": the battery drains). said is the component
// as the customer named it, before words that name no part were dropped.
func (a *Analyzer) signatureClass(acc *defectAcc, said string) (comp, class string) {
	comp, class = dedupWords(acc.fp.Component), a.pack.class(acc.fp.Symptom)
	words := a.reportWords(acc, said)
	head := lastWord(comp)
	switch {
	case class == classSync || syncClasses[class] && (words["sync"] || words["syncing"] || words["synced"] || words["synch"] || words["synchronise"] || words["synchronize"]):
		// A sync failure is of the link between the device and the app,
		// whichever side the customer names: "the watch won't sync", "the
		// app doesn't sync", "sync failed".
		return "", classSync
	case a.inLexicon("component_mechanical", head) && stopClasses[class]:
		// A moving part that cuts out, stalls or freezes has stopped
		// moving: it is stuck, as when it jams.
		return comp, classStuck
	case a.linkSaid(acc, said, comp) && (class == classDisconnects || linkClasses[class]):
		// The connection itself failing ("the wifi doesn't work", "the
		// signal keeps dropping"): it disconnects, and the connection is
		// no part.
		if a.inLexicon("component_connection", head) {
			comp = ""
		}
		return comp, classDisconnects
	case drainClasses[class] && (head == "battery" || comp == "" && (words["battery"] || words["charge"])):
		// Charge that disappears or vanishes has drained.
		return comp, classDrains
	case alarmClasses[class] && (words["beeping"] || words["beep"] || words["beeps"] || words["alarm"] || words["alarms"]):
		// An alarm that "won't stop" or "makes a racket" is beeping.
		return comp, classBeeps
	case shatterClasses[class] && (words["glass"] || head == "glass"):
		// Glass that "exploded" or "blew out" has shattered.
		return comp, classCracked
	case class == "comes loose" && head == "battery" && (words["off"] || words["life"] || words["charge"]):
		// Battery life that has "fallen off a cliff" has drained; a
		// battery that falls out has come loose.
		return comp, classDrains
	}
	return comp, class
}

// Symptom classes signatureClass decides between.
const (
	classSync        = "does not sync"
	classStuck       = "is stuck"
	classDisconnects = "disconnects"
	classDrains      = "drains quickly"
	classCracked     = "is cracked"
	classBeeps       = "beeps"
)

var (
	// syncClasses are the classes a failure said of syncing arrives as:
	// "won't sync" (disconnects), "stuck on syncing", "sync failed".
	syncClasses = map[string]bool{classDisconnects: true, classStuck: true, "does not work": true, "does not work properly": true,
		"faulty": true, "is faulty": true, "freezes": true, "shows an error": true, "does not show up": true, "does not display": true}
	// stopClasses are what a moving part that stops is said to do: "cuts
	// out" (disconnects), "stalls" (freezes).
	stopClasses = map[string]bool{classDisconnects: true, "freezes": true}
	// linkClasses are the vague and generic reports a connection failing
	// arrives as: "the bluetooth doesn't work".
	linkClasses = map[string]bool{"does not work": true, "does not work properly": true, "faulty": true, "is faulty": true, "freezes": true}
	// shatterClasses are how glass that shatters is said to fail: "the
	// door glass blew out", "it just exploded".
	shatterClasses = map[string]bool{"blows out": true, "blows up": true, "caught fire": true, "explodes": true}
	// alarmClasses are how a beeping alarm is said to fail.
	alarmClasses = map[string]bool{"does not stop": true, "makes noise": true, "goes off": true, "shuts off": true}
	// drainClasses are how charge is said to go.
	drainClasses = map[string]bool{"disappears": true, "vanishes": true, "goes": true}
)

// linkSaid reports whether a report names a connection as what failed: its
// component as said or as kept is a connection word ("wifi", "signal"), or,
// with no component, its evidence names one ("the bluetooth doesn't work").
func (a *Analyzer) linkSaid(acc *defectAcc, said, comp string) bool {
	cs := []string{said, comp}
	if said == "" && comp == "" {
		for _, ev := range acc.fp.Evidence {
			cs = append(cs, strings.ToLower(ev.Text))
		}
	}
	for _, c := range cs {
		for _, w := range strings.Fields(c) {
			if a.inLexicon("component_connection", w) {
				return true
			}
		}
	}
	return false
}

// reportWords are the lower-case words of a report's component and evidence.
func (a *Analyzer) reportWords(acc *defectAcc, said string) map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
			out[w] = true
		}
	}
	add(said)
	add(acc.fp.Component)
	for _, ev := range acc.fp.Evidence {
		add(ev.Text)
	}
	// "out of sync" is audio lagging video, not data failing to sync.
	for _, ev := range acc.fp.Evidence {
		if strings.Contains(strings.ToLower(ev.Text), "out of sync") {
			delete(out, "sync")
		}
	}
	return out
}

func (a *Analyzer) inLexicon(name, w string) bool {
	l := a.pack.Lexicons[name]
	return l != nil && w != "" && l.has(w)
}

// dedupWords drops a word repeated next to itself: "battery life" folds word
// by word to "battery battery".
func dedupWords(s string) string {
	f := strings.Fields(s)
	out := make([]string, 0, len(f))
	for i, w := range f {
		if i > 0 && w == f[i-1] {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// mergeInto adds y's report to x, keeping the most specific symptom (the first
// said among equals) and the component that goes with it.
func (a *Analyzer) mergeInto(x, y *defectAcc) {
	sx, sy := a.specificity(x.fp.Symptom), a.specificity(y.fp.Symptom)
	switch {
	case sy > sx:
		x.fp.Symptom = y.fp.Symptom
		if y.fp.Component != "" {
			x.fp.Component = y.fp.Component
		}
	case x.fp.Component == "" || y.fp.Component != "" && sy == sx && lastWord(y.fp.Component) == lastWord(x.fp.Component) && len(y.fp.Component) > len(x.fp.Component):
		// A named part over none; "charging case" over "case".
		if y.fp.Component != "" {
			x.fp.Component = y.fp.Component
		}
	}
	for _, ev := range y.fp.Evidence {
		x.fp.Evidence = appendEvidence(x.fp.Evidence, ev)
	}
	for _, s := range y.fp.Safety {
		x.fp.Safety = appendUnique(x.fp.Safety, s)
	}
	if y.fp.StatedBy == StatedByCustomer {
		x.fp.StatedBy = StatedByCustomer
	}
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

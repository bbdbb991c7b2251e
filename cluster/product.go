package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
)

// productResolver keys mentions by product line. It is learnt within one run
// from the mentions that carry a Product (a SKU, a product name, a company):
// their product line (normProduct) is the anchor, and every noun and term
// seen with an anchor votes for it. A mention with no Product takes the anchor
// its terms point to; each anchor is named by the noun most used of it.
type productResolver struct {
	o *Options
	// terms: term → anchor → count of mentions with both.
	terms map[string]map[string]int
	// name: anchor → the name it is keyed by; named is its inverse.
	name, named map[string]string
	// skus is set when some mention's Product is a SKU: then only SKUs are
	// anchors, and a product name ("Voltra Glide S2") is resolved like a
	// term, unless it spells a SKU family (see family).
	skus bool
	// families holds the product lines of the run's SKUs ("gl" for GL-415).
	families map[string]bool
	// nameWords maps the first and last words of product names that spell a
	// SKU family to it (see nameAnchor).
	nameWords map[string]string
	// modifiers are the words of anchors' names before their head.
	modifiers map[string]bool
	// modifierOf maps each such word to the anchors whose names it opens.
	modifierOf map[string]map[string]bool
	// brand holds the words of product names that spell an anchor: they
	// count double when inferring a mention's product.
	brand map[string]bool
}

// family returns the SKU family a product name or noun spells out, "" when
// none or several: a word of the name is the family ("smart TV" for TV-55Q7),
// else the initials of the last two or three words are ("Vantor G15 gaming
// laptop" for GL-415, "e-reader" for ER-6, "SkyHop" for SH-12), else those of
// two or three other consecutive words ("LiftMate 900 garage door opener" for
// GD-900). SKUs are mostly such abbreviations of the product line's name.
func (r *productResolver) family(name string) string {
	words := strings.FieldsFunc(strings.ToLower(splitCamel(name)), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
	var found [3]string
	var many [3]bool
	try := func(level int, f string) {
		if len(f) < 2 || !r.families[f] || f == found[level] {
			return
		}
		if found[level] != "" {
			many[level] = true
		}
		found[level] = f
	}
	for i, w := range words {
		try(0, w)
		init := []byte{w[0]}
		for j := i + 1; j < len(words) && j < i+3; j++ {
			init = append(init, words[j][0])
			level := 2
			if j == len(words)-1 {
				level = 1
			}
			try(level, string(init))
		}
	}
	for l := range found {
		if found[l] != "" {
			if many[l] {
				return ""
			}
			return found[l]
		}
	}
	return ""
}

// splitCamel puts a space inside each camel-case word, so that its parts
// give initials: "SkyHop" is "Sky Hop" (SH-12), "CoolTrek" is "Cool Trek".
func splitCamel(s string) string {
	var b strings.Builder
	var prev rune
	for _, c := range s {
		if unicode.IsUpper(c) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

// isSKU reports whether a product value is a SKU: "EB-200", "KT-17G".
func isSKU(raw string) bool {
	raw = strings.TrimSpace(raw)
	return raw != "" && SKUFamily(raw) != strings.ToLower(raw)
}

// anchor returns the product line m's Product stands for when it is an
// anchor, else "".
func (r *productResolver) anchor(m *Mention) string {
	switch {
	case r.skus && m.Product == "":
		// A noun that spells a SKU family is as good as the SKU: "my cat
		// feeder" for CF-4.
		return r.family(m.Noun)
	case r.skus && !isSKU(m.Product):
		return r.nameAnchor(m.Product)
	}
	return normProduct(m.Product, r.o)
}

// nameAnchor returns the SKU family a product name stands for: the family it
// spells (see family), else the one whose spelt-out names share its first
// word (the brand: "Kibblekeep" for "Kibblekeep cat feeder") or its last (the
// kind: "auto feeder" for "cat feeder"), written together or apart ("re
// volve" is "Revolve").
func (r *productResolver) nameAnchor(name string) string {
	if f := r.family(name); f != "" {
		return f
	}
	for _, w := range nameWords(name) {
		if a := r.nameWords[w]; a != "" {
			return a
		}
	}
	return ""
}

// nameWords returns the words a product name is known by: its first and last
// words and all of them written together, lower case. Digits and sizes are no
// names ("12ft", "35").
func nameWords(name string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(c rune) bool { return !unicode.IsLetter(c) }) {
		if len(w) > 2 {
			words = append(words, w)
		}
	}
	switch len(words) {
	case 0:
		return nil
	case 1:
		return words
	}
	return []string{words[0], words[len(words)-1], strings.Join(words, "")}
}

// learnNameWords maps the name words of every product name that spells a SKU
// family to that family; a word two families share names neither.
func (r *productResolver) learnNameWords(ms []Mention) {
	r.nameWords = map[string]string{}
	for i := range ms {
		p := ms[i].Product
		if isSKU(p) {
			continue
		}
		f := r.family(p)
		if f == "" {
			continue
		}
		for _, w := range nameWords(p) {
			if prev, ok := r.nameWords[w]; ok && prev != f {
				r.nameWords[w] = ""
				continue
			}
			r.nameWords[w] = f
		}
	}
}

// minPurity is the share of a term's anchored mentions that must have one
// anchor for the term to stand for it.
const minPurity = 0.75

// newProductResolver learns the product terms of ms; nil when no mention has
// a noun or terms (the mentions are keyed by Product alone, as given).
func newProductResolver(ms []Mention, o *Options) *productResolver {
	any := false
	for i := range ms {
		if ms[i].Noun != "" || len(ms[i].Terms) > 0 {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	r := &productResolver{o: o, terms: map[string]map[string]int{}, name: map[string]string{}, named: map[string]string{}, brand: map[string]bool{}}
	r.families = map[string]bool{}
	for i := range ms {
		if isSKU(ms[i].Product) {
			r.skus = true
			r.families[normProduct(ms[i].Product, o)] = true
		}
	}
	if r.skus {
		r.learnNameWords(ms)
	}
	nouns := map[string]map[string]int{} // anchor → noun → count
	seen := map[string]bool{}
	for i := range ms {
		m := &ms[i]
		a := r.anchor(m)
		if a == "" {
			continue
		}
		if i > 0 && ms[i-1].TranscriptID == m.TranscriptID && m.TranscriptID != "" {
			continue // one vote per transcript
		}
		clear(seen)
		for _, t := range m.Terms {
			if t != "" && !seen[t] {
				seen[t] = true
				r.vote(t, a)
			}
		}
		if !isSKU(m.Product) {
			// The words of a product name that spells its anchor: brand
			// words ("vantor" in "Vantor G15 gaming laptop").
			for _, t := range strings.Fields(strings.ToLower(m.Product)) {
				if !seen[t] {
					seen[t] = true
					r.vote(t, a)
					r.brand[t] = true
				}
			}
		}
		if n := normNoun(m.Noun); n != "" {
			if nouns[a] == nil {
				nouns[a] = map[string]int{}
			}
			nouns[a][n]++
			if !seen[n] {
				r.vote(n, a)
			}
		}
	}
	// Name each anchor by its most used noun, when that noun is used of no
	// other anchor more; a noun used once names its anchor only when no
	// other anchor uses it at all, and some mention with no anchor uses it.
	users := map[string]int{}
	for _, a := range sortedKeys(nouns) {
		for n := range nouns[a] {
			users[n]++
		}
	}
	// Words the mentions with no anchor use: a noun said once only names
	// its anchor if it can join some of them to it.
	loose := map[string]bool{}
	for i := range ms {
		if r.anchor(&ms[i]) != "" {
			continue
		}
		if n := normNoun(ms[i].Noun); n != "" {
			loose[lastField(n)] = true
		}
		for _, t := range ms[i].Terms {
			loose[t] = true
		}
	}
	owner := map[string]string{}
	best := map[string]int{}
	for _, a := range sortedKeys(nouns) {
		n, c := topCount(nouns[a])
		if c < 2 && (users[n] > 1 || !r.mostlyOf(lastField(n), a) || !loose[lastField(n)]) {
			// Said once, a noun names its anchor only when its head is a
			// word of the anchor's mentions more than of any other's: "air
			// fryer" said once in passing does not name the stand mixer.
			continue
		}
		if c > best[n] {
			owner[n], best[n] = a, c
		}
	}
	heads := map[string][]string{} // a name's last word → the anchors it names
	for n, a := range owner {
		r.name[a] = n
		r.named[n] = a
		if f := strings.Fields(n); len(f) > 1 {
			heads[f[len(f)-1]] = append(heads[f[len(f)-1]], a)
		}
	}
	for h, as := range heads {
		if _, taken := r.named[h]; !taken && len(as) == 1 {
			r.named[h] = as[0] // "fountain" for the "cat fountain"
		}
	}
	// The other words of a name are kinds a shop's products share ("cat"
	// of the cat feeder and the cat fountain): they point to no product.
	r.modifiers = map[string]bool{}
	r.modifierOf = map[string]map[string]bool{}
	for n, a := range r.named {
		if f := strings.Fields(n); len(f) > 1 {
			for _, w := range f[:len(f)-1] {
				r.modifiers[w] = true
				if r.modifierOf[w] == nil {
					r.modifierOf[w] = map[string]bool{}
				}
				r.modifierOf[w][a] = true
			}
		}
	}
	return r
}

// namedIn returns the anchor named by the head of m's noun, or with no noun
// by the first of m's terms that is an anchor's name ("shredder" in a
// transcript that never says "my shredder"); "" when none is.
func (r *productResolver) namedIn(m *Mention) string {
	if f := strings.Fields(normNoun(m.Noun)); len(f) > 0 {
		// The noun's head: "chomp 8 shredder" is the shredder.
		if a, ok := r.named[f[len(f)-1]]; ok {
			return a
		}
		// A noun that is the first word of one product's name and no
		// other's: "my Pulse massage" for the massage gun.
		if len(f) == 1 && len(r.modifierOf[f[0]]) == 1 {
			for a := range r.modifierOf[f[0]] {
				return a
			}
		}
		return ""
	}
	for _, t := range m.Terms {
		if a, ok := r.named[t]; ok {
			return a
		}
	}
	return ""
}

func (r *productResolver) vote(t, a string) {
	if r.terms[t] == nil {
		r.terms[t] = map[string]int{}
	}
	r.terms[t][a]++
}

// key returns the product key of m.
func (r *productResolver) key(m *Mention) string {
	a := r.anchor(m)
	if a == "" {
		a = r.infer(m)
	}
	if a == "" && r.skus && m.Product != "" {
		a = r.family(m.Noun) // anchor already tried it with no Product
	}
	// A product name that spells no SKU family says no more than the noun
	// the customer used: "auto feeder" is keyed like "my feeder".
	unresolved := m.Product == "" || r.skus && !isSKU(m.Product)
	if a == "" && unresolved {
		a = r.namedIn(m)
	}
	if a == "" {
		if n := normNoun(m.Noun); n != "" && unresolved && m.Product != "" && lastField(n) == lastField(strings.ToLower(m.Product)) {
			return n
		}
		if n := normProduct(m.Product, r.o); n != "" {
			return n
		}
		return normNoun(m.Noun)
	}
	if n, ok := r.name[a]; ok {
		return n
	}
	return a
}

// infer returns the anchor m's noun and terms point to: each term used with
// one anchor in at least minPurity of its (two or more) anchored mentions
// votes for it, the noun twice; "" when no anchor wins outright.
func (r *productResolver) infer(m *Mention) string {
	score := map[string]float64{}
	add := func(t string, w float64) {
		if r.modifiers[t] && r.named[t] == "" {
			return
		}
		votes := r.terms[t]
		total := 0
		for _, c := range votes {
			total += c
		}
		if total < 2 && !r.brand[t] {
			return // one mention is no evidence, unless the word names the product
		}
		a, c := topCount(votes)
		if share := float64(c) / float64(total); share >= minPurity {
			score[a] += w * share
		}
	}
	if n := normNoun(m.Noun); n != "" {
		add(n, 2)
	}
	for _, t := range m.Terms {
		w := 1.0
		if r.brand[t] {
			w = 2
		}
		add(t, w)
	}
	// The words of a product name: "Voltra Glide S2".
	for _, t := range strings.Fields(strings.ToLower(m.Product)) {
		add(t, 1)
	}
	bestA, best, second := topTwo(score)
	if best <= second {
		return ""
	}
	return bestA
}

// productWords maps the stem of each single-word term that stands for one
// anchor (in at least minPurity of its two or more anchored mentions) to that
// anchor's product key.
func (r *productResolver) productWords() map[string]string {
	out := map[string]string{}
	for t, votes := range r.terms {
		if strings.Contains(t, " ") {
			continue
		}
		total := 0
		for _, c := range votes {
			total += c
		}
		a, c := topCount(votes)
		if total < 2 || float64(c)/float64(total) < minPurity {
			continue
		}
		key := a
		if n, ok := r.name[a]; ok {
			key = n
		}
		if s := stem(t); s != "" {
			if prev, ok := out[s]; ok && prev != key {
				out[s] = "" // two products: names neither
				continue
			}
			out[s] = key
		}
	}
	return out
}

func normNoun(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func topCount(t map[string]int) (string, int) {
	best, n := "", 0
	for _, k := range sortedKeys(t) {
		if t[k] > n {
			best, n = k, t[k]
		}
	}
	return best, n
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(a, b) })
	return out
}

// byWords gives a product to the mentions left without one, or with a
// product no other transcript has and no SKU or anchor stands for (a
// misheard name, a nickname): the product
// whose transcripts use their words, when one clearly does. A word counts by
// how common it is among a product's mentions, times how much of its use is
// in that product, times how rare it is over all mentions (its inverse
// document frequency), so words many transcripts share ("cat", "have") count
// little.
// keys holds each mention's product key and is updated in place.
func (r *productResolver) byWords(ms []Mention, keys []string) {
	transcripts := map[string]map[string]bool{} // key → its transcripts
	for i := range ms {
		if keys[i] == "" {
			continue
		}
		if transcripts[keys[i]] == nil {
			transcripts[keys[i]] = map[string]bool{}
		}
		transcripts[keys[i]][ms[i].TranscriptID] = true
	}
	weak := func(k string) bool {
		_, named := r.named[k]
		return k == "" || len(transcripts[k]) < 2 && !r.families[k] && !named
	}
	size := map[string]int{}
	uses := map[string]map[string]int{} // term → key → mentions
	total := map[string]int{}           // term → mentions of strong keys
	for i := range ms {
		k := keys[i]
		if weak(k) {
			continue
		}
		size[k]++
		for _, t := range ms[i].Terms {
			if uses[t] == nil {
				uses[t] = map[string]int{}
			}
			uses[t][k]++
			total[t]++
		}
	}
	if len(size) == 0 {
		return
	}
	// How rare each word is over every mention, resolved or not: "cat" in a
	// shop of cat products says little, "fountain" much.
	df := map[string]int{}
	for i := range ms {
		for _, t := range ms[i].Terms {
			df[t]++
		}
	}
	idf := func(t string) float64 { return math.Log(float64(len(ms)+1) / float64(df[t])) }
	for i := range ms {
		if !weak(keys[i]) || len(ms[i].Terms) == 0 {
			continue
		}
		score := map[string]float64{}
		for _, t := range ms[i].Terms {
			for k, n := range uses[t] {
				share, purity := float64(n)/float64(size[k]), float64(n)/float64(total[t])
				score[k] += share * purity * idf(t)
			}
		}
		best, first, second := topTwo(score)
		if first >= minWordScore && first >= 2*second {
			keys[i] = best
		}
	}
}

// minWordScore is the least score of byWords that gives a mention a product:
// about one word that a quarter of a product's mentions use, no other
// product's do, and one mention in seven overall.
const minWordScore = 0.5

// lastField is the last word of s, "" for none.
func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// mostlyOf reports whether term t is a word of anchor a's mentions more often
// than of any other anchor's.
func (r *productResolver) mostlyOf(t, a string) bool {
	votes := r.terms[t]
	for b, c := range votes {
		if b != a && c >= votes[a] {
			return false
		}
	}
	return votes[a] > 0
}

// topTwo returns the key with the highest score (the first in key order among
// equals), its score and the second highest score.
func topTwo(score map[string]float64) (best string, first, second float64) {
	for _, k := range sortedKeys(score) {
		switch v := score[k]; {
		case v > first:
			best, first, second = k, v, first
		case v > second:
			second = v
		}
	}
	return best, first, second
}

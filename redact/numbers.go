package redact

import "strings"

// This file finds card numbers, SSNs and phone numbers. The text is cut into
// tokens (maximal runs of ASCII letters and digits). Tokens that can be part of a
// number (digit groups, digit words such as "four" or "oh", "double four", and
// fillers such as "um" between them) are joined into a sequence as long as only
// short separators (spaces, commas, dashes, dots, parentheses) stand between them.
// Each sequence is then classified as a whole:
//
//   - Cards come first: a contiguous run of 13-19 digits, or groups of 3-6 digits
//     separated by a space or a dash, or spoken digits, whose digits pass the Luhn
//     check.
//   - Written numbers are then matched shape by shape, left to right: +CC
//     international numbers, US numbers (1) 3-3-4, SSNs 3-2-4, national numbers
//     starting with 0, and bare 9- or 10-digit runs when the words before them
//     say what they are (an SSN after "social security", not a phone after "order").
//   - Spoken numbers are matched by their digit count: 9 digits is an SSN, 10 (or 11
//     starting with 1 or 0) a phone number.
//
// A part of a sequence left over beside a redacted card is classified as if the
// card were not there, exactly as it is when the redacted text is scanned again.

// elem is one member of a number sequence.
type elem struct {
	start, end int    // bytes of the text it covers
	gap        string // the text between the previous token and this one
	nd         int    // digits it stands for; 0 for a filler
	d          byte   // the digit, for spoken elements
	spoken     bool   // a digit word, "double x", or a filler
	oh         bool   // the word "oh" or "o", which may be an interjection
}

// context is what the words just before a sequence say about it.
type context struct {
	ssn, phone, order bool
}

type scanner struct {
	s    string
	skip []span // regions already redacted by another detector (e-mail addresses)
	out  []span

	seq     []elem
	seqBuf  [32]elem
	words   [4][2]int // the last context words: start and end
	nwords  int
	prevEnd int // end of the previous token

	ctx     context // what the words before the current sequence say
	ctxRead bool    // ctx is filled in; it is read only when a rule needs it

	mult      int // 2 or 3 after "double" or "triple", waiting for its digit
	multStart int
	multEnd   int
	multGap   string
}

func (sc *scanner) run() []span {
	s := sc.s
	sc.seq = sc.seqBuf[:0]
	next := 0 // next skip region
	for i := 0; i < len(s); {
		if next < len(sc.skip) && i >= sc.skip[next].start {
			sc.dropMult()
			sc.flush()
			i = sc.skip[next].end
			sc.prevEnd = i
			next++
			continue
		}
		if !isAlnum(s[i]) {
			i++
			continue
		}
		start := i
		digits, letters := false, false
		for i < len(s) && isAlnum(s[i]) {
			if isDigit(s[i]) {
				digits = true
			} else {
				letters = true
			}
			i++
		}
		sc.token(start, i, digits, letters)
		sc.prevEnd = i
	}
	sc.dropMult()
	sc.flush()
	return sc.out
}

func (sc *scanner) token(start, end int, digits, letters bool) {
	s := sc.s
	gap := s[sc.prevEnd:start]
	switch {
	case digits && !letters:
		sc.add(elem{start: start, end: end, gap: gap, nd: end - start})
	case letters && !digits:
		w := s[start:end]
		if start > 0 && end < len(s) && s[start-1] == '[' && s[end] == ']' && isPlaceholderName(w) {
			sc.dropMult()
			sc.flush()
			return
		}
		if d, ok := digitWord(w); ok {
			sc.add(elem{start: start, end: end, gap: gap, nd: 1, d: d, spoken: true, oh: d == '0' && (len(w) <= 2)})
			return
		}
		if m := multiplier(w); m > 0 {
			sc.dropMult()
			sc.mult, sc.multStart, sc.multEnd, sc.multGap = m, start, end, gap
			return
		}
		sc.dropMult()
		if isFiller(w) {
			if len(sc.seq) > 0 && gapJoins(gap) {
				sc.seq = append(sc.seq, elem{start: start, end: end, gap: gap, spoken: true})
			} else {
				sc.flush()
			}
			return
		}
		sc.flush()
		sc.pushWord(start, end)
	default: // letters and digits together: a model, order or tracking number
		sc.dropMult()
		sc.flush()
		sc.mixed(start, end)
	}
}

// add appends e to the current sequence, or starts a new one.
func (sc *scanner) add(e elem) {
	if sc.mult > 0 {
		single := e.nd == 1
		if single && gapJoins(e.gap) {
			if !e.spoken {
				e.d = sc.s[e.start]
			}
			e.start, e.gap, e.nd, e.spoken, e.oh = sc.multStart, sc.multGap, sc.mult, true, false
			sc.mult = 0
		} else {
			sc.dropMult()
		}
	}
	if len(sc.seq) > 0 && !gapJoins(e.gap) {
		sc.flush()
	}
	sc.seq = append(sc.seq, e)
}

// dropMult turns a "double" that no digit followed back into an ordinary word.
func (sc *scanner) dropMult() {
	if sc.mult == 0 {
		return
	}
	sc.mult = 0
	sc.flush()
	sc.pushWord(sc.multStart, sc.multEnd)
}

func (sc *scanner) pushWord(start, end int) {
	sc.words[sc.nwords%len(sc.words)] = [2]int{start, end}
	sc.nwords++
}

// gapJoins reports whether gap is a separator inside a number: one to three
// spaces, commas, dots, dashes or parentheses.
func gapJoins(gap string) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ' ', ',', '.', '-', '(', ')':
		default:
			return false
		}
	}
	return true
}

// phoneGap reports whether gap may separate the groups of a phone number.
func phoneGap(gap string) bool { return gapJoins(gap) && strings.IndexByte(gap, ',') < 0 }

// cardGap reports whether gap may separate the groups of a written card number.
func cardGap(gap string) bool { return gap == " " || gap == "-" || gap == " - " }

func (sc *scanner) flush() {
	seq := sc.seq
	sc.seq = sc.seq[:0]
	if len(seq) > 1 && seq[0].oh && strings.ContainsAny(seq[1].gap, ",.") {
		seq = seq[1:] // "Oh, four one one one ..."
	}
	n := 0
	for _, e := range seq {
		n += e.nd
	}
	if n < 7 {
		return
	}
	sc.ctxRead = false
	sc.classify(seq)
}

func (sc *scanner) emit(start, end int, k Kind) {
	sc.out = append(sc.out, span{start: start, end: end, kind: k})
}

// mixed redacts card-length digit runs inside a token that also has letters.
func (sc *scanner) mixed(start, end int) {
	s := sc.s
	for i := start; i < end; {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < end && isDigit(s[j]) {
			j++
		}
		if n := j - i; n >= 13 && n <= 19 && luhn(s[i:j]) {
			sc.emit(i, j, Card)
		}
		i = j
	}
}

func (sc *scanner) classify(seq []elem) {
	for {
		for len(seq) > 0 && seq[0].nd == 0 {
			seq = seq[1:]
		}
		for len(seq) > 0 && seq[len(seq)-1].nd == 0 {
			seq = seq[:len(seq)-1]
		}
		if len(seq) == 0 {
			return
		}
		spoken := false
		for _, e := range seq {
			if e.spoken {
				spoken = true
				break
			}
		}
		if !spoken {
			sc.written(seq)
			return
		}
		i, j := sc.findCard(seq)
		if i < 0 {
			sc.spokenNumber(seq)
			return
		}
		sc.classify(seq[:i]) // holds no card, so this does not recurse further
		sc.emit(seq[i].start, seq[j].end, Card)
		seq = seq[j+1:]
	}
}

// findCard returns the leftmost, then longest, run of elements whose 13-19 digits
// pass the Luhn check, or -1, -1.
func (sc *scanner) findCard(seq []elem) (int, int) {
	for i := range seq {
		if seq[i].nd == 0 {
			continue
		}
		n, best := 0, -1
		for j := i; j < len(seq); j++ {
			n += seq[j].nd
			if n > 19 {
				break
			}
			if n >= 13 && seq[j].nd > 0 && sc.luhnElems(seq[i:j+1]) {
				best = j
			}
		}
		if best >= 0 {
			return i, best
		}
	}
	return -1, -1
}

// spokenNumber classifies a sequence with spoken digits and no card by its length.
func (sc *scanner) spokenNumber(seq []elem) {
	ctx := sc.context()
	if ctx.order {
		return
	}
	var buf [32]byte
	d := sc.appendDigits(buf[:0], seq)
	if counting(d) {
		return // "one two three four five six seven eight nine ten"
	}
	switch n := len(d); {
	case n == 9 && validSSN(string(d)):
		sc.emit(seq[0].start, seq[len(seq)-1].end, SSN)
	case n == 10, n == 11 && (d[0] == '1' || d[0] == '0'), n == 7 && ctx.phone:
		sc.emit(seq[0].start, seq[len(seq)-1].end, Phone)
	}
}

// written matches written shapes left to right.
func (sc *scanner) written(seq []elem) {
	for i := 0; i < len(seq); {
		k, j := sc.matchWritten(seq, i)
		if j < 0 {
			i++
			continue
		}
		start := seq[i].start
		if k == Phone {
			start -= phonePrefix(seq[i].gap)
		}
		sc.emit(start, seq[j].end, k)
		i = j + 1
	}
}

// matchWritten returns the kind and last element of a number starting at seq[i],
// or -1.
func (sc *scanner) matchWritten(seq []elem, i int) (Kind, int) {
	e := seq[i]
	d := sc.s[e.start:e.end]
	// A card as one run of digits.
	if e.nd >= 13 && e.nd <= 19 && luhn(d) {
		return Card, i
	}
	// A card in groups: 4111 1111 1111 1111, 3782 822463 10005.
	if e.nd >= 4 && e.nd <= 6 {
		n, best := e.nd, -1
		for j := i + 1; j < len(seq) && j-i < 5; j++ {
			g := seq[j]
			if g.nd < 3 || g.nd > 6 || !cardGap(g.gap) {
				break
			}
			if n += g.nd; n > 19 {
				break
			}
			if n >= 13 && sc.luhnElems(seq[i:j+1]) {
				best = j
			}
		}
		if best >= 0 {
			return Card, best
		}
	}
	// International: +44 20 7946 0958, +1 (555) 123-4567.
	if strings.HasSuffix(e.gap, "+") {
		n, j := 0, i
		for ; j < len(seq); j++ {
			if j > i && !phoneGap(seq[j].gap) || n+seq[j].nd > 15 {
				break
			}
			n += seq[j].nd
		}
		if n >= 8 {
			return Phone, j - 1
		}
	}
	// US: (555) 123-4567, 555.123.4567, 1-800-555-0199.
	k := i
	if d == "1" && i+1 < len(seq) && phoneGap(seq[i+1].gap) {
		k = i + 1
	}
	if k+2 < len(seq) && seq[k].nd == 3 && seq[k+1].nd == 3 && seq[k+2].nd == 4 &&
		phoneGap(seq[k+1].gap) && phoneGap(seq[k+2].gap) {
		return Phone, k + 2
	}
	// SSN: 123-45-6789, 123 45 6789.
	if e.nd == 3 && i+2 < len(seq) && seq[i+1].nd == 2 && seq[i+2].nd == 4 {
		g1, g2 := seq[i+1].gap, seq[i+2].gap
		if g1 == g2 && (g1 == "-" || g1 == " " || g1 == ".") {
			var buf [9]byte
			if validSSN(string(sc.appendDigits(buf[:0], seq[i:i+3]))) {
				return SSN, i + 2
			}
		}
	}
	if e.nd != 9 && e.nd != 10 && e.nd != 11 && d[0] != '0' && (e.nd != 3 || i+1 == len(seq)) {
		return 0, -1 // no rule below can match
	}
	ctx := sc.context()
	marked := hasMarkBefore(e.gap) // #123456789, $1234567890
	if e.nd == 9 && ctx.ssn && !marked && validSSN(d) {
		return SSN, i
	}
	if ctx.order || marked {
		return 0, -1
	}
	// A bare US number: 5551234567, 15551234567.
	if e.nd == 10 && d[0] >= '2' || e.nd == 11 && d[0] == '1' && d[1] >= '2' {
		return Phone, i
	}
	// A national number with a trunk 0: 020 7946 0958, 07700 900123.
	if d[0] == '0' && e.nd >= 2 {
		n, best := e.nd, -1
		if n == 10 || n == 11 {
			best = i
		}
		for j := i + 1; j < len(seq) && j-i < 4; j++ {
			g := seq[j]
			if g.nd < 2 || !phoneGap(g.gap) {
				break
			}
			if n += g.nd; n > 11 {
				break
			}
			if n >= 10 {
				best = j
			}
		}
		if best >= 0 {
			return Phone, best
		}
	}
	// A local number after a word like "call": 555-0199.
	if ctx.phone && e.nd == 3 && d[0] >= '2' && i+1 < len(seq) && seq[i+1].nd == 4 &&
		(seq[i+1].gap == "-" || seq[i+1].gap == "." || seq[i+1].gap == " ") {
		return Phone, i + 1
	}
	return 0, -1
}

// phonePrefix returns how many bytes at the end of gap belong to the phone
// number that follows it: a "+" and an opening parenthesis.
func phonePrefix(gap string) int {
	n := 0
	if strings.HasSuffix(gap[:len(gap)-n], "(") {
		n++
	}
	if strings.HasSuffix(gap[:len(gap)-n], "+") {
		n++
	}
	return n
}

// hasMarkBefore reports whether gap ends with a sign that makes the number after
// it an order number or an amount.
func hasMarkBefore(gap string) bool {
	for _, m := range []string{"#", "$", "£", "€", "¥"} {
		if strings.HasSuffix(gap, m) {
			return true
		}
	}
	return false
}

func (sc *scanner) appendDigits(buf []byte, seq []elem) []byte {
	for _, e := range seq {
		if !e.spoken {
			buf = append(buf, sc.s[e.start:e.end]...)
			continue
		}
		for k := 0; k < e.nd; k++ {
			buf = append(buf, e.d)
		}
	}
	return buf
}

func (sc *scanner) luhnElems(seq []elem) bool {
	var buf [32]byte
	return luhn(string(sc.appendDigits(buf[:0], seq)))
}

// luhn reports whether the digits in d pass the Luhn check.
func luhn(d string) bool {
	sum, double := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

// counting reports whether d counts up or down one by one, as people do aloud.
func counting(d []byte) bool {
	up, down := true, true
	for i := 1; i < len(d); i++ {
		up = up && d[i] == d[i-1]+1
		down = down && d[i] == d[i-1]-1
	}
	return up || down
}

// validSSN reports whether the nine digits in d could be an issued SSN: not area
// 000, 666 or 900-999, not group 00, not serial 0000, and not one of the numbers
// famous from advertising.
func validSSN(d string) bool {
	if len(d) != 9 {
		return false
	}
	area, group, serial := d[:3], d[3:5], d[5:]
	switch {
	case area == "000", area == "666", d[0] == '9', group == "00", serial == "0000":
		return false
	case d == "078051120", d == "219099999":
		return false
	}
	return true
}

var (
	ssnWords   = []string{"ssn", "ssns", "social", "security", "ss"}
	phoneWords = []string{"phone", "call", "calling", "number", "cell", "mobile", "reach", "text",
		"tel", "telephone", "callback", "fax", "dial", "contact", "ph", "landline"}
	orderWords = []string{"order", "orders", "tracking", "ticket", "case", "invoice", "confirmation",
		"reference", "ref", "model", "serial", "sku", "item", "po", "claim", "rma", "booking",
		"reservation", "transaction", "receipt", "account", "acct", "id", "part", "upc", "isbn",
		"imei", "policy", "member", "membership", "shipment", "parcel", "package", "awb"}
)

// context reads the last few ordinary words before the current sequence.
func (sc *scanner) context() context {
	if sc.ctxRead {
		return sc.ctx
	}
	var c context
	n := sc.nwords
	if n > len(sc.words) {
		n = len(sc.words)
	}
	for k := 0; k < n; k++ {
		w := sc.words[(sc.nwords-1-k)%len(sc.words)]
		word := sc.s[w[0]:w[1]]
		c.ssn = c.ssn || anyFold(word, ssnWords)
		c.phone = c.phone || anyFold(word, phoneWords)
		c.order = c.order || anyFold(word, orderWords)
	}
	sc.ctx, sc.ctxRead = c, true
	return c
}

func anyFold(w string, list []string) bool {
	for _, x := range list {
		if len(x) == len(w) && strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

func isPlaceholderName(w string) bool {
	return w == "CARD" || w == "SSN" || w == "EMAIL" || w == "PHONE"
}

// digitWord returns the digit a spoken digit word stands for.
func digitWord(w string) (byte, bool) {
	if len(w) > 5 {
		return 0, false
	}
	var names []string
	switch w[0] | 0x20 {
	case 'z':
		names = []string{"zero"}
	case 'o':
		names = []string{"o", "oh", "one"}
	case 't':
		names = []string{"two", "three"}
	case 'f':
		names = []string{"four", "five"}
	case 's':
		names = []string{"six", "seven"}
	case 'e':
		names = []string{"eight"}
	case 'n':
		names = []string{"nine", "niner"}
	default:
		return 0, false
	}
	for _, name := range names {
		if len(name) == len(w) && strings.EqualFold(w, name) {
			return digitValue[name], true
		}
	}
	return 0, false
}

var digitValue = map[string]byte{
	"zero": '0', "o": '0', "oh": '0', "one": '1', "two": '2', "three": '3', "four": '4',
	"five": '5', "six": '6', "seven": '7', "eight": '8', "nine": '9', "niner": '9',
}

func multiplier(w string) int {
	switch {
	case len(w) == 6 && strings.EqualFold(w, "double"):
		return 2
	case len(w) == 6 && (strings.EqualFold(w, "triple") || strings.EqualFold(w, "treble")):
		return 3
	}
	return 0
}

func isFiller(w string) bool {
	if len(w) > 6 {
		return false
	}
	switch w[0] | 0x20 {
	case 'u', 'e', 'a', 'h', 'm', 'd':
	default:
		return false
	}
	return anyFold(w, fillers)
}

// fillers may stand between the digits of a number said aloud: hesitations, and
// the separators people say ("five two one dash four four").
var fillers = []string{"um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hm", "hmm", "mm", "mhm", "dash", "hyphen"}

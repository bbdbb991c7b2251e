package ingest

import (
	"strings"
	"time"
	"unicode"

	"github.com/frictionhq/friction/transcript"
)

// This file reads speaker labels and timestamps, the grammar that text
// transcripts and caption speaker prefixes share:
//
//	Agent: text                      Customer Dana Ruiz: text
//	[00:01:02] Agent: text           AGENT (Priya): text
//	00:01:02 Customer: text          Priya (Agent): text
//	(10:02:33 AM) Rep - Priya: text  Agent [00:01:02]: text
//	2026-09-14 10:02:33 Agent: text  >> CALLER: text
//	Agent  0:03                      (a label alone: the text follows on the next lines)

// roles maps speaker labels, lower case, to speakers.
var roles = buildRoles()

func buildRoles() map[string]transcript.Speaker {
	roles := map[string]transcript.Speaker{}
	for sp, words := range map[transcript.Speaker][]string{
		transcript.Agent: {"agent", "rep", "representative", "csr", "advisor", "adviser", "associate",
			"support", "specialist", "operator", "staff", "employee", "consultant", "tech", "technician",
			"expert", "customer service", "customer support", "customer care", "support agent",
			"support rep", "service agent", "live agent", "human agent", "customer service rep",
			"customer service representative", "customer service agent", "sales rep", "salesperson"},
		transcript.Customer: {"customer", "caller", "client", "user", "visitor", "guest", "member",
			"consumer", "end user", "buyer", "shopper", "patient", "subscriber", "cust"},
		transcript.System: {"system", "system message", "automated message", "auto message"},
		transcript.Bot: {"bot", "chatbot", "chat bot", "virtual agent", "virtual assistant", "ivr",
			"automated agent", "assistant", "ai assistant", "ai agent", "va"},
	} {
		for _, w := range words {
			roles[w] = sp
		}
	}
	return roles
}

// expectedLabels is what error messages say a speaker label should look like.
const expectedLabels = `Agent, Customer, System or Bot (or a synonym such as Rep, Representative, Support, ` +
	`Caller, Client or User), optionally with a name ("Agent Priya:", "AGENT (Priya):") and a time ("[00:01:02] Agent:")`

// roleOf returns the speaker a label names, ignoring case, dashes and underscores.
func roleOf(label string) (transcript.Speaker, bool) {
	if label == "" || len(label) > 40 {
		return "", false
	}
	l := strings.ToLower(label)
	l = strings.NewReplacer("_", " ", "-", " ", ".", "").Replace(l)
	l = strings.Join(strings.Fields(l), " ")
	sp, ok := roles[l]
	return sp, ok
}

// parseLabel reads a speaker label with an optional name: "Agent", "AGENT (Priya)",
// "Priya (Agent)", "Agent Priya", "Rep - Priya", "HUMAN_AGENT".
func parseLabel(label string) (sp transcript.Speaker, name string, ok bool) {
	l := strings.Join(strings.Fields(label), " ")
	if l == "" {
		return "", "", false
	}
	if last := l[len(l)-1]; last == ')' || last == ']' {
		open := strings.LastIndexAny(l, "([")
		if open >= 0 {
			inner := strings.TrimSpace(l[open+1 : len(l)-1])
			outer := strings.TrimSpace(l[:open])
			if sp, ok := roleOf(inner); ok && (outer == "" || !isRole(outer)) {
				return sp, outer, true
			}
			if sp, ok := roleOf(outer); ok {
				return sp, inner, true
			}
			return "", "", false
		}
	}
	for _, sep := range []string{" - ", " – ", " | ", ", "} {
		if i := strings.Index(l, sep); i > 0 {
			left, right := strings.TrimSpace(l[:i]), strings.TrimSpace(l[i+len(sep):])
			if sp, ok := roleOf(left); ok {
				return sp, right, true
			}
			if sp, ok := roleOf(right); ok {
				return sp, left, true
			}
			return "", "", false
		}
	}
	words := strings.Fields(l)
	for k := min(len(words), 4); k >= 1; k-- {
		if sp, ok := roleOf(strings.Join(words[:k], " ")); ok {
			name := strings.Join(words[k:], " ")
			if len(words)-k > 3 || notNames[strings.ToLower(name)] || isRole(name) {
				return "", "", false // "Visitor IP", "Customer email", "User agent": a field, not a speaker
			}
			return sp, name, true
		}
	}
	return "", "", false
}

// notNames are words that, after a role word, make a field name rather than a
// speaker with a name.
var notNames = map[string]bool{
	"ip": true, "id": true, "name": true, "email": true, "e-mail": true, "phone": true, "number": true,
	"address": true, "type": true, "status": true, "location": true, "browser": true, "device": true,
	"os": true, "language": true, "country": true, "city": true, "since": true, "rating": true,
	"score": true, "tier": true, "segment": true, "account": true, "info": true, "details": true,
	"notes": true, "note": true, "comment": true, "comments": true, "feedback": true, "ip address": true,
	"time": true, "timezone": true, "wait time": true, "url": true, "page": true, "platform": true,
}

func isRole(s string) bool {
	_, ok := roleOf(s)
	return ok
}

// stampKind says how a timestamp is to be read.
type stampKind uint8

const (
	noStamp       stampKind = iota
	bareStamp               // 00:01:02: elapsed time, or a clock time when the first one is past 1:00
	clockStamp              // 10:02 AM: a time of day
	absoluteStamp           // 2026-09-14 10:02:33: a date and time
)

type stamp struct {
	kind stampKind
	ms   int64     // for bare and clock stamps: milliseconds since 0:00
	at   time.Time // for absolute stamps
}

// parseStamp reads "01:02", "1:02:03", "01:02:03.500", "10:02 AM" or a date and
// time such as "2026-09-14 10:02:33". Bare MM:SS and H:MM:SS are elapsed times
// (or clock times, see stampMode); with AM or PM they are times of day.
func parseStamp(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if s == "" || !isASCIIDigit(s[0]) || len(s) > 40 {
		return stamp{}, false
	}
	if len(s) >= 8 && (strings.IndexByte(s[:5], '-') >= 0 || strings.IndexByte(s[:6], '/') >= 0) {
		if t, ok := parseDateTime(s); ok && strings.IndexByte(s, ':') >= 0 {
			return stamp{kind: absoluteStamp, at: t}, true
		}
		return stamp{}, false
	}
	low := strings.ToLower(s)
	for _, suffix := range []string{"a.m.", "p.m.", "am", "pm"} {
		if !strings.HasSuffix(low, suffix) {
			continue
		}
		ms, ok := parseClock(strings.TrimSpace(s[:len(s)-len(suffix)]), true)
		h := ms / 3600000
		if !ok || h < 1 || h > 12 {
			return stamp{}, false
		}
		if h == 12 {
			ms -= 12 * 3600000
		}
		if suffix[0] == 'p' {
			ms += 12 * 3600000
		}
		return stamp{kind: clockStamp, ms: ms}, true
	}
	ms, ok := parseClock(s, false)
	if !ok {
		return stamp{}, false
	}
	return stamp{kind: bareStamp, ms: ms}, true
}

// parseClock reads H:MM:SS[.mmm] and, with two fields, MM:SS[.mmm] (or H:MM when
// hoursFirst) into milliseconds.
func parseClock(s string, hoursFirst bool) (int64, bool) {
	frac := int64(0)
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		f := s[i+1:]
		if len(f) > 3 || !allDigits(f) {
			return 0, false
		}
		for len(f) < 3 {
			f += "0"
		}
		frac = int64(atoi(f))
		s = s[:i]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var v [3]int64
	for i, p := range parts {
		if !allDigits(p) || len(p) > 2 && i > 0 || len(p) > 3 {
			return 0, false
		}
		v[i] = int64(atoi(p))
		if i > 0 && (len(p) != 2 || v[i] > 59) {
			return 0, false
		}
	}
	switch {
	case len(parts) == 3:
		return v[0]*3600000 + v[1]*60000 + v[2]*1000 + frac, true
	case hoursFirst:
		return v[0]*3600000 + v[1]*60000 + frac, true
	}
	return v[0]*60000 + v[1]*1000 + frac, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// takeStamp reads a timestamp at the start of s, bracketed or bare, and returns it
// with the rest of s.
func takeStamp(s string) (stamp, string, bool) {
	if s == "" {
		return stamp{}, s, false
	}
	if s[0] == '[' || s[0] == '(' {
		closer := byte(']')
		if s[0] == '(' {
			closer = ')'
		}
		end := strings.IndexByte(s, closer)
		if end < 0 || end > 40 {
			return stamp{}, s, false
		}
		st, ok := parseStamp(s[1:end])
		if !ok {
			return stamp{}, s, false
		}
		return st, s[end+1:], true
	}
	if !isASCIIDigit(s[0]) {
		return stamp{}, s, false
	}
	// Try the longest run of up to three space-separated fields first:
	// "2026-09-14 10:02:33 PM", "2026-09-14 10:02:33", "10:02 AM", "00:01:02".
	var ends []int
	for i := 0; i < len(s) && i < 40 && len(ends) < 3; i++ {
		if s[i] == ' ' || s[i] == '\t' {
			if i > 0 && s[i-1] != ' ' && s[i-1] != '\t' {
				ends = append(ends, i)
			}
		}
	}
	if len(ends) < 3 && len(s) <= 40 {
		ends = append(ends, len(s))
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if st, ok := parseStamp(strings.TrimRight(s[:ends[k]], ":-|")); ok {
			return st, s[ends[k]:], true
		}
	}
	return stamp{}, s, false
}

// speakerLine is what one line of a text transcript says.
type speakerLine struct {
	label     string // the label as written, "" when the line has none
	known     bool   // the label names a speaker
	speaker   transcript.Speaker
	name      string
	stamp     stamp
	text      string // the text after the label, or the whole line
	labelOnly bool   // a label (and time) alone on its line: the text follows
}

// parseSpeakerLine reads one line of a text transcript.
func parseSpeakerLine(line string) speakerLine {
	s := strings.TrimSpace(line)
	plain := speakerLine{text: s}
	if s == "" {
		return plain
	}
	for _, p := range []string{">>", "- ", "– ", "— "} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	st, rest, stamped := takeStamp(s)
	if stamped {
		s = strings.TrimLeft(rest, " \t-|–—")
		if s == "" {
			return speakerLine{stamp: st}
		}
	}
	// "Agent  0:03" or "Customer Dana (00:01:05)": a label and a time alone, set
	// apart by two spaces or brackets.
	if !stamped {
		if f := strings.Fields(s); len(f) >= 2 && len(f) <= 6 {
			last := f[len(f)-1]
			bracketed := strings.HasPrefix(last, "(") || strings.HasPrefix(last, "[")
			before := strings.TrimRight(s[:strings.LastIndex(s, last)], " \t")
			if gap := len(s) - len(last) - len(before); gap >= 2 || bracketed {
				if ts, ok := parseStamp(strings.Trim(last, "[]()")); ok && strings.IndexByte(before, ':') < 0 {
					if sp, name, ok := parseLabel(before); ok {
						return speakerLine{label: before, known: true, speaker: sp, name: name, stamp: ts, labelOnly: true}
					}
				}
			}
		}
	}
	colon := labelEnd(s)
	if colon < 0 {
		if stamped {
			return speakerLine{stamp: st, text: s}
		}
		return plain
	}
	label := strings.TrimSpace(s[:colon])
	text := s[colon+1:]
	// A time after the label: "Agent [00:01:02]:", "Agent (10:02 AM):", "Agent 00:01:02:".
	if !stamped {
		if i := strings.LastIndexAny(label, "[("); i > 0 && (label[len(label)-1] == ']' || label[len(label)-1] == ')') {
			if ts, ok := parseStamp(label[i+1 : len(label)-1]); ok {
				st, stamped, label = ts, true, strings.TrimSpace(label[:i])
			}
		} else if f := strings.Fields(label); len(f) >= 2 {
			if ts, ok := parseStamp(f[len(f)-1]); ok {
				st, stamped, label = ts, true, strings.Join(f[:len(f)-1], " ")
			}
		}
	}
	if strings.HasPrefix(text, "//") || !labelSyntax(label) {
		if stamped {
			return speakerLine{stamp: st, text: s}
		}
		return plain
	}
	out := speakerLine{label: label, stamp: st, text: strings.TrimSpace(text)}
	if sp, name, ok := parseLabel(label); ok {
		out.known, out.speaker, out.name = true, sp, name
	} else if text != "" && text[0] != ' ' && text[0] != '\t' {
		// "Note:the box" is text, not an unknown label; only known labels may
		// have their text glued to the colon.
		if stamped {
			return speakerLine{stamp: st, text: s}
		}
		return plain
	}
	return out
}

// labelEnd returns the index of the colon that ends a speaker label, skipping
// colons inside brackets and in times such as "(10:02)", or -1.
func labelEnd(s string) int {
	depth := 0
	for i := 0; i < len(s) && i < 64; i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ':':
			if depth > 0 {
				continue
			}
			// A colon between digits belongs to a time: "Agent 00:01:02: hi".
			if i > 0 && i+1 < len(s) && isASCIIDigit(s[i-1]) && isASCIIDigit(s[i+1]) {
				continue
			}
			return i
		}
	}
	return -1
}

// labelSyntax reports whether s could be a speaker label: a short run of words
// that starts with a letter.
func labelSyntax(s string) bool {
	if s == "" || len(s) > 48 {
		return false
	}
	words := 0
	in := false
	for i, r := range s {
		if i == 0 && !unicode.IsLetter(r) {
			return false
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".-_'()[]&", r):
			if !in {
				words++
			}
			in = true
		case r == ' ':
			in = false
		default:
			return false
		}
	}
	return words <= 5
}

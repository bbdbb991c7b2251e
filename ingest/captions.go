package ingest

import (
	"html"
	"strings"

	"github.com/frictionhq/friction/transcript"
)

// This file reads WebVTT and SubRip (SRT) captions of a recorded call. The speaker
// of a cue comes from a WebVTT voice tag (<v Agent>, <v.loud Customer Dana>) or a
// prefix in the cue text ("AGENT: ...", ">> Customer: ...", "- Agent: ..."); a cue
// with neither continues the previous speaker. Cue start times become turn
// offsets, and consecutive cues of one speaker are merged into one turn.

// parseCueTiming reads "00:00:01.000 --> 00:00:04.000 [settings]"; SRT writes a
// comma before the milliseconds.
func parseCueTiming(line string) (start, end int64, ok bool) {
	l, r, found := strings.Cut(line, "-->")
	if !found {
		return 0, 0, false
	}
	rf := strings.Fields(r)
	if len(rf) == 0 {
		return 0, 0, false
	}
	start, ok1 := parseClock(strings.TrimSpace(l), false)
	end, ok2 := parseClock(rf[0], false)
	return start, end, ok1 && ok2
}

// firstUse is where a label was first seen.
type firstUse struct {
	label string
	line  int
}

// piece is a stretch of cue text with its speaker.
type piece struct {
	voice  string // the voice tag's annotation, or the prefix label
	voiced bool   // a voice tag or a prefix named the speaker
	text   string
}

func parseCaptions(data []byte, vtt bool) (*transcript.Transcript, *RecordError) {
	kind := "SubRip"
	if vtt {
		kind = "WebVTT"
	}
	s := sanitize(strings.TrimPrefix(string(data), "\uFEFF"))
	lines := strings.Split(s, "\n")
	t := &transcript.Transcript{Channel: transcript.Call}
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if vtt {
		if i == len(lines) || !strings.HasPrefix(lines[i], "WEBVTT") {
			return nil, lineError(i+1, "", "a WebVTT file starts with the line WEBVTT")
		}
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
			if k, v, ok := strings.Cut(lines[i], ":"); ok && strings.EqualFold(strings.TrimSpace(k), "language") {
				if v = strings.TrimSpace(v); len(v) <= 35 {
					t.Language = v
				}
			}
		}
	}
	var (
		turns      []transcript.Turn
		prev       transcript.Speaker
		prevName   string
		maxEnd     int64
		cues       int
		unknownAt  = map[string]firstUse{} // unknown prefix label, lower case -> its first use
		unknownCnt = map[string]int{}
	)
	for i < len(lines) {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		start := i
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			i++
		}
		block := lines[start:i]
		if vtt {
			first := strings.TrimSpace(block[0])
			if first == "NOTE" || strings.HasPrefix(first, "NOTE ") || first == "STYLE" || first == "REGION" {
				continue
			}
		}
		k := 0
		if !strings.Contains(block[0], "-->") {
			k = 1
		}
		if k >= len(block) || !strings.Contains(block[k], "-->") {
			return nil, lineError(start+k+1, "", "expected a %s cue timing line such as %s", kind, exampleTiming(vtt))
		}
		cueStart, cueEnd, ok := parseCueTiming(block[k])
		if !ok {
			return nil, lineError(start+k+1, "", "cannot read the cue timing %q; expected %s", strings.TrimSpace(block[k]), exampleTiming(vtt))
		}
		cues++
		maxEnd = max(maxEnd, cueEnd)
		payloadLine := start + k + 2
		for _, pc := range cuePieces(block[k+1:]) {
			text := strings.Join(strings.Fields(pc.text), " ")
			if text == "" {
				continue
			}
			sp, name := prev, prevName
			if pc.voiced {
				var ok bool
				sp, name, ok = parseLabel(pc.voice)
				if !ok {
					if pc.voice == "" {
						return nil, lineError(payloadLine, "", "a voice tag names no one; expected %s", expectedLabels)
					}
					return nil, lineError(payloadLine, "", "unknown speaker %q; expected %s", pc.voice, expectedLabels)
				}
			} else if sl := parseSpeakerLine(text); sl.label != "" && !sl.known {
				key := strings.ToLower(sl.label)
				if _, seen := unknownAt[key]; !seen {
					unknownAt[key] = firstUse{label: sl.label, line: payloadLine}
				}
				unknownCnt[key]++
			}
			if sp == "" {
				return nil, lineError(payloadLine, "", "the cue names no speaker; expected a voice tag such as <v Agent> "+
					"or a prefix such as \"Agent:\" (%s)", expectedLabels)
			}
			turns = mergeTurn(turns, transcript.Turn{Speaker: sp, Name: name, Text: text, OffsetMS: cueStart}, " ")
			prev, prevName = sp, name
			addSpeaker(t, sp, name)
		}
	}
	var worst *firstUse
	for key, n := range unknownCnt {
		if first := unknownAt[key]; n >= 2 && (worst == nil || first.line < worst.line) {
			worst = &first
		}
	}
	if worst != nil {
		return nil, lineError(worst.line, "", "unknown speaker label %q; expected %s", worst.label, expectedLabels)
	}
	if cues == 0 || len(turns) == 0 {
		return nil, lineError(0, "turns", "no %s cues with text found", kind)
	}
	t.Turns = turns
	t.DurationSeconds = int((maxEnd + 999) / 1000)
	return t, nil
}

func exampleTiming(vtt bool) string {
	if vtt {
		return "00:00:01.000 --> 00:00:04.000"
	}
	return "00:00:01,000 --> 00:00:04,000"
}

// addSpeaker records a named agent or customer on the transcript.
func addSpeaker(t *transcript.Transcript, sp transcript.Speaker, name string) {
	switch {
	case name == "":
	case sp == transcript.Agent:
		addAgent(t, transcript.Party{Name: name})
	case sp == transcript.Customer && t.Customer == nil:
		t.Customer = &transcript.Party{Name: name}
	}
}

// cuePieces splits a cue's lines into pieces by voice tag and speaker prefix, and
// strips other markup (<i>, <c.yellow>, <00:00:01.500>, {\an8}) and entities.
func cuePieces(payload []string) []piece {
	var out []piece
	var cur piece
	var b strings.Builder
	flush := func() {
		cur.text = html.UnescapeString(b.String())
		b.Reset()
		if strings.TrimSpace(cur.text) != "" {
			out = append(out, cur)
		}
	}
	for li, line := range payload {
		if li > 0 {
			b.WriteByte('\n')
		}
		// A speaker prefix at the start of a line starts a new piece.
		if !strings.Contains(line, "<v") {
			if sl := parseSpeakerLine(stripTags(line)); sl.known {
				flush()
				cur = piece{voice: sl.label, voiced: true}
				b.WriteString(sl.text)
				continue
			}
		}
		for j := 0; j < len(line); {
			c := line[j]
			switch {
			case c == '<':
				end := strings.IndexByte(line[j:], '>')
				if end < 0 {
					b.WriteString(line[j:])
					j = len(line)
					continue
				}
				tag := line[j+1 : j+end]
				j += end + 1
				if name, ok := voiceTag(tag); ok {
					flush()
					cur = piece{voice: name, voiced: true}
				}
			case c == '{' && j+1 < len(line) && line[j+1] == '\\':
				end := strings.IndexByte(line[j:], '}')
				if end < 0 {
					j = len(line)
				} else {
					j += end + 1
				}
			default:
				b.WriteByte(c)
				j++
			}
		}
	}
	flush()
	return out
}

// voiceTag returns the annotation of a WebVTT voice tag such as "v Agent" or
// "v.loud.first Customer Dana".
func voiceTag(tag string) (string, bool) {
	if len(tag) < 2 || tag[0] != 'v' || (tag[1] != ' ' && tag[1] != '.' && tag[1] != '\t') {
		return "", false
	}
	rest := tag[1:]
	if rest[0] == '.' {
		i := strings.IndexAny(rest, " \t")
		if i < 0 {
			return "", true
		}
		rest = rest[i:]
	}
	return strings.TrimSpace(html.UnescapeString(rest)), true
}

// stripTags removes <...> markup and {\...} overrides from one line.
func stripTags(s string) string {
	if strings.IndexByte(s, '<') < 0 && !strings.Contains(s, "{\\") {
		return html.UnescapeString(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if end := strings.IndexByte(s[i:], '>'); end >= 0 {
				i += end + 1
				continue
			}
		}
		if s[i] == '{' && i+1 < len(s) && s[i+1] == '\\' {
			if end := strings.IndexByte(s[i:], '}'); end >= 0 {
				i += end + 1
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return html.UnescapeString(b.String())
}

package ingest

import (
	"strconv"
	"strings"
	"time"

	"github.com/frictionhq/friction/transcript"
)

// This file reads plain-text transcripts: one turn per speaker label, continuation
// lines belonging to the turn above them. Before the first turn, a header block
// may say what the contact is ("Date: 2026-09-14 10:02", "Subject: ...",
// "Conversation ID: ch-123", "CSAT: 5/5"); see headerFields. Other "Key: value"
// header lines become metadata, and a first line with no colon is the title. A
// timestamped line with no label ("[10:02:40] Dana joined the chat") is a system
// turn.

// headerFields maps the header keys a text transcript may start with, lower case,
// to the field they fill.
var headerFields = map[string]string{
	"date": "started_at", "started": "started_at", "started at": "started_at", "start time": "started_at",
	"call date": "started_at", "chat date": "started_at", "created": "started_at",
	"conversation date": "started_at", "date/time": "started_at", "chat started": "started_at",
	"subject": "subject", "topic": "subject",
	"id": "id", "conversation id": "id", "chat id": "id", "call id": "id", "transcript id": "id",
	"contact id": "id", "interaction id": "id", "session id": "id",
	"ticket": "ticket_id", "ticket id": "ticket_id", "case": "case_id", "case id": "case_id",
	"queue": "queue", "department": "queue", "skill": "queue", "team": "queue",
	"language": "language", "lang": "language", "locale": "language",
	"customer id": "customer.id", "customer name": "customer.name",
	"agent id": "agent.id", "agent name": "agent.name",
	"channel": "channel", "duration": "duration",
	"csat": "csat", "nps": "nps", "ces": "ces", "survey comment": "survey.comment",
	"order": "order_id", "order id": "order_id", "order number": "order_id",
	"sku": "sku", "product": "product", "tags": "tags", "priority": "priority",
}

type textParser struct {
	t     *transcript.Transcript
	date  time.Time // from the header
	turns []transcript.Turn

	cur     *transcript.Turn
	curText []string

	mode      stampKind // how the transcript's timestamps are read
	firstMS   int64
	firstAt   time.Time
	lastMS    int64 // the last clock reading, days included
	days      int64 // midnights passed
	firstLine int

	lastOffset int64
}

func parseText(data []byte, name string) (*transcript.Transcript, *RecordError) {
	s := sanitize(strings.TrimPrefix(string(data), "\uFEFF"))
	lines := strings.Split(s, "\n")
	parsed := make([]speakerLine, len(lines))
	unknown := map[string]int{}
	for i, l := range lines {
		parsed[i] = parseSpeakerLine(l)
		if p := parsed[i]; p.label != "" && !p.known {
			unknown[strings.ToLower(p.label)]++
		}
	}
	p := &textParser{t: &transcript.Transcript{Metadata: map[string]string{}}}
	preamble, title := true, false
	for i, sl := range parsed {
		lineNo := i + 1
		raw := strings.TrimRight(lines[i], " \t")
		if preamble {
			trimmed := strings.TrimSpace(raw)
			if trimmed == "" || strings.Trim(trimmed, "=-*_#~ ") == "" {
				continue
			}
			if sl.stamp.kind == noStamp {
				if key, val, ok := headerLine(trimmed); ok {
					if err := p.header(key, val, lineNo); err != nil {
						return nil, err
					}
					continue
				}
			}
			if !sl.known && sl.stamp.kind == noStamp {
				if !title && sl.label == "" && len(trimmed) <= 120 {
					p.t.Metadata["title"] = trimmed // "Chat transcript", "Call with Acme Support"
					title = true
					continue
				}
				// Another "Key: value" header ("Visitor IP: ...", "Browser: ...") is
				// kept as metadata, unless the key comes back later as a speaker.
				if key := metadataKey(sl.label); key != "" && unknown[strings.ToLower(sl.label)] < 2 {
					if sl.text != "" {
						p.t.Metadata[key] = sl.text
					}
					continue
				}
			}
		}
		switch {
		case sl.known:
			preamble = false
			if err := p.startTurn(sl.speaker, sl.name, sl.stamp, lineNo); err != nil {
				return nil, err
			}
			if sl.text != "" {
				p.curText = append(p.curText, sl.text)
			}
		case sl.label != "" && (sl.stamp.kind != noStamp || p.cur == nil || unknown[strings.ToLower(sl.label)] >= 2):
			return nil, lineError(lineNo, "", "unknown speaker label %q; expected %s", sl.label, expectedLabels)
		case sl.stamp.kind != noStamp:
			preamble = false
			if err := p.startTurn(transcript.System, "", sl.stamp, lineNo); err != nil {
				return nil, err
			}
			if sl.text != "" {
				p.curText = append(p.curText, sl.text)
			}
		case p.cur == nil:
			return nil, lineError(lineNo, "", "text before the first speaker label; expected a line such as "+
				`"Agent: ...", "Customer: ..." or "[00:01:02] Agent: ..." (labels: %s)`, expectedLabels)
		default:
			p.curText = append(p.curText, raw)
		}
	}
	p.endTurn()
	if len(p.turns) == 0 {
		return nil, lineError(0, "turns", "no speaker turns found; expected lines such as \"Agent: ...\" and \"Customer: ...\"")
	}
	t := p.t
	t.Turns = p.turns
	if t.Channel == "" {
		t.Channel = transcript.Chat
		if p.mode == bareStamp {
			t.Channel = transcript.Call // elapsed times come from recordings
		}
	}
	switch {
	case p.mode == absoluteStamp && p.date.IsZero():
		t.StartedAt = p.firstAt
	case p.mode == clockStamp:
		day := p.date
		if day.IsZero() {
			day = dateFromName(name)
		}
		if !day.IsZero() && day.Equal(day.Truncate(24*time.Hour)) {
			t.StartedAt = day.Add(time.Duration(p.firstMS) * time.Millisecond)
		} else {
			t.StartedAt = day
		}
	default:
		t.StartedAt = p.date
	}
	return t, nil
}

// metadataKey turns a header label into a metadata key: "Visitor IP" -> "visitor_ip".
func metadataKey(label string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
		} else {
			under = true
		}
	}
	return b.String()
}

// headerLine splits "Key: value" when the key is a known header key.
func headerLine(s string) (key, val string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", "", false
	}
	key = strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(s[:i], " #")), " "))
	if _, known := headerFields[key]; !known {
		return "", "", false
	}
	return key, strings.TrimSpace(s[i+1:]), true
}

func (p *textParser) header(key, val string, line int) *RecordError {
	t := p.t
	if val == "" {
		return nil
	}
	switch field := headerFields[key]; field {
	case "started_at":
		at, ok := parseDateTime(val)
		if !ok {
			return lineError(line, "started_at", "cannot read the date %q; write it as 2026-09-14 10:02:00 or 2026-09-14T10:02:00Z", val)
		}
		p.date = at
	case "subject":
		t.Subject = val
	case "id":
		t.ID = cleanID(val)
	case "queue":
		t.Queue = val
	case "language":
		t.Language = val
	case "customer.id", "customer.name":
		if t.Customer == nil {
			t.Customer = &transcript.Party{}
		}
		if field == "customer.id" {
			t.Customer.ID = val
		} else {
			t.Customer.Name = val
		}
	case "agent.id", "agent.name":
		if len(t.Agents) == 0 {
			t.Agents = append(t.Agents, transcript.Party{})
		}
		if field == "agent.id" {
			t.Agents[0].ID = val
		} else {
			t.Agents[0].Name = val
		}
	case "channel":
		ch, ok := channelFromWord(val)
		if !ok {
			return lineError(line, "channel", "%q is not a channel; expected call, chat, email or survey", val)
		}
		t.Channel = ch
	case "duration":
		secs, ok := parseDuration(val)
		if !ok {
			return lineError(line, "duration_seconds", "cannot read the duration %q; write it as 00:06:52 or 412", val)
		}
		t.DurationSeconds = secs
	case "csat", "nps", "ces":
		score, scale, ok := parseScore(val)
		if !ok {
			return lineError(line, "survey.score", "cannot read the score %q; write it as 5 or 5/5", val)
		}
		comment := ""
		if t.Survey != nil {
			comment = t.Survey.Comment
		}
		t.Survey = &transcript.SurveyResponse{Type: transcript.SurveyType(field), Score: score, ScaleMax: scale, Comment: comment}
	case "survey.comment":
		if t.Survey == nil {
			return lineError(line, "survey.comment", "a survey comment needs a score first (CSAT:, NPS: or CES:)")
		}
		t.Survey.Comment = val
	default:
		t.Metadata[field] = val
	}
	return nil
}

func channelFromWord(s string) (transcript.Channel, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "call", "phone", "voice", "phone call", "telephone":
		return transcript.Call, true
	case "chat", "web chat", "webchat", "live chat", "sms", "messaging", "whatsapp", "text":
		return transcript.Chat, true
	case "email", "e-mail", "mail":
		return transcript.Email, true
	case "survey":
		return transcript.Survey, true
	}
	return "", false
}

// parseDuration reads "412", "412s", "00:06:52" or "6:52".
func parseDuration(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "s")
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return n, true
	}
	if ms, ok := parseClock(s, false); ok {
		return int(ms / 1000), true
	}
	return 0, false
}

// parseScore reads "5", "4.5" or "5/5".
func parseScore(s string) (score, scale float64, ok bool) {
	num, den, hasDen := strings.Cut(strings.TrimSpace(s), "/")
	score, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil {
		return 0, 0, false
	}
	if hasDen {
		if scale, err = strconv.ParseFloat(strings.TrimSpace(den), 64); err != nil {
			return 0, 0, false
		}
	}
	return score, scale, true
}

func (p *textParser) startTurn(sp transcript.Speaker, name string, st stamp, line int) *RecordError {
	p.endTurn()
	offset, err := p.offset(st, line)
	if err != nil {
		return err
	}
	p.cur = &transcript.Turn{Speaker: sp, Name: name, OffsetMS: offset}
	p.lastOffset = offset
	switch {
	case name == "":
	case sp == transcript.Agent:
		addAgent(p.t, transcript.Party{Name: name})
	case sp == transcript.Customer && p.t.Customer == nil:
		p.t.Customer = &transcript.Party{Name: name}
	case sp == transcript.Customer && p.t.Customer.Name == "":
		p.t.Customer.Name = name
	}
	return nil
}

// endTurn closes the current turn. A turn with no text (an attachment, a label
// with nothing after it) is dropped.
func (p *textParser) endTurn() {
	if p.cur == nil {
		return
	}
	text := strings.TrimSpace(strings.Join(p.curText, "\n"))
	if text != "" {
		p.cur.Text = text
		p.turns = append(p.turns, *p.cur)
	}
	p.cur, p.curText = nil, nil
}

// offset turns a line's timestamp into milliseconds since the first one (clock
// and absolute times) or since the start of the recording (elapsed times). The
// first timestamp decides how all are read: a bare time under one hour is
// elapsed time, a later bare time or one with AM/PM is a time of day.
func (p *textParser) offset(st stamp, line int) (int64, *RecordError) {
	if st.kind == noStamp {
		if p.mode == noStamp {
			return 0, nil
		}
		return p.lastOffset, nil // an unstamped turn among stamped ones: as late as the last
	}
	kind := st.kind
	if p.mode == noStamp {
		switch {
		case kind == bareStamp && st.ms >= 3600000:
			kind = clockStamp
		case kind == absoluteStamp:
			p.firstAt = st.at
		}
		p.mode, p.firstMS, p.lastMS, p.firstLine = kind, st.ms, st.ms, line
	}
	switch p.mode {
	case bareStamp:
		if kind != bareStamp {
			return 0, p.mixed(line)
		}
		p.lastMS = st.ms
		return st.ms, nil
	case clockStamp:
		if kind == absoluteStamp {
			return 0, p.mixed(line)
		}
		if st.ms+p.days*86400000 < p.lastMS-6*3600000 {
			p.days++ // past midnight
		}
		ms := st.ms + p.days*86400000
		p.lastMS = ms
		if ms < p.firstMS {
			return 0, nil
		}
		return ms - p.firstMS, nil
	default: // absoluteStamp
		if kind != absoluteStamp {
			return 0, p.mixed(line)
		}
		d := st.at.Sub(p.firstAt)
		if d < 0 {
			return 0, lineError(line, "offset_ms", "the time goes back before the first one (line %d)", p.firstLine)
		}
		p.lastMS = d.Milliseconds()
		return p.lastMS, nil
	}
}

func (p *textParser) mixed(line int) *RecordError {
	return lineError(line, "offset_ms", "the timestamp is not written like the first one (line %d); "+
		"use one form throughout: elapsed (00:01:02), time of day (10:02:33 AM) or date and time (2026-09-14 10:02:33)", p.firstLine)
}

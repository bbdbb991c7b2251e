package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/frictionhq/friction/transcript"
)

// This file reads Google Contact Center AI Insights conversations, in two shapes:
//
//   - a Conversation resource as the API returns it: transcript.transcriptSegments[]
//     with text, segmentParticipant.role (HUMAN_AGENT, AUTOMATED_AGENT, END_USER) or
//     a channelTag that callMetadata maps to agent or customer, and
//     words[].startOffset; name, startTime, duration, medium, languageCode,
//     agentId and labels around it;
//   - the conversation upload format: entries[] with text, role (AGENT,
//     AUTOMATED_AGENT, CUSTOMER, END_USER), user_id and start_timestamp_usec, and
//     conversation_info.categories[].display_name.
//
// Both the API's lowerCamelCase and protobuf's snake_case field names are read, and
// durations and times as strings ("1.500s", RFC 3339) or {seconds, nanos} objects.

type ccaiDoc struct {
	Name         string
	StartTime    *protoTime
	Duration     *protoDuration
	LanguageCode string
	AgentID      string `json:"agentId"`
	Labels       map[string]string
	Medium       string
	CallMetadata *struct {
		CustomerChannel int
		AgentChannel    int
	}
	Transcript *struct {
		TranscriptSegments []ccaiSegment
	}
	QualityMetadata *struct {
		CustomerSatisfactionRating float64
		AgentInfo                  []struct {
			AgentID     string `json:"agentId"`
			DisplayName string
		}
	}
	ConversationInfo *struct {
		Categories []struct {
			DisplayName string
		}
	}
	Entries []ccaiEntry
}

type ccaiSegment struct {
	Text               string
	MessageTime        *protoTime
	ChannelTag         int
	SegmentParticipant *struct {
		Role string
	}
	Words []struct {
		StartOffset *protoDuration
	}
}

type ccaiEntry struct {
	Text               string
	Role               string
	StartTimestampUsec flexInt
}

func parseCCAI(data []byte) (*transcript.Transcript, *RecordError) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &RecordError{Line: jsonErrorLine(data, err), Violations: []transcript.FieldViolation{jsonViolation(err)}}
	}
	if _, ok := raw.(map[string]any); !ok {
		return nil, lineError(1, "", "a CCAI conversation is a JSON object")
	}
	norm, err := json.Marshal(camelKeys(raw, ""))
	if err != nil {
		return nil, lineError(0, "", "cannot read the conversation: %v", err)
	}
	var doc ccaiDoc
	if err := json.Unmarshal(norm, &doc); err != nil {
		return nil, &RecordError{Violations: []transcript.FieldViolation{jsonViolation(err)}}
	}
	t := &transcript.Transcript{Channel: transcript.Call, Metadata: map[string]string{}}
	if i := strings.LastIndexByte(doc.Name, '/'); doc.Name != "" {
		t.ID = cleanID(doc.Name[i+1:])
	}
	t.Language = doc.LanguageCode
	if doc.StartTime != nil {
		t.StartedAt = doc.StartTime.t
	}
	if doc.Duration != nil && doc.Duration.ms > 0 {
		t.DurationSeconds = int(math.Ceil(float64(doc.Duration.ms) / 1000))
	}
	switch {
	case doc.Transcript != nil && len(doc.Transcript.TranscriptSegments) > 0:
		if strings.EqualFold(doc.Medium, "CHAT") {
			t.Channel = transcript.Chat
		}
		if err := ccaiSegments(t, &doc); err != nil {
			return nil, err
		}
	case len(doc.Entries) > 0:
		t.Channel = transcript.Chat
		if err := ccaiEntries(t, doc.Entries); err != nil {
			return nil, err
		}
	default:
		return nil, lineError(0, "transcript", "no transcript; expected transcript.transcriptSegments[] "+
			"(a Conversation resource) or entries[] (the conversation upload format)")
	}
	if doc.AgentID != "" {
		addAgent(t, transcript.Party{ID: doc.AgentID})
	}
	if q := doc.QualityMetadata; q != nil {
		for _, a := range q.AgentInfo {
			if a.AgentID != "" && len(t.Agents) > 0 && t.Agents[0].ID == a.AgentID && t.Agents[0].Name == "" {
				t.Agents[0].Name = a.DisplayName
				continue
			}
			addAgent(t, transcript.Party{ID: a.AgentID, Name: a.DisplayName})
		}
		if q.CustomerSatisfactionRating != 0 {
			t.Metadata["customer_satisfaction_rating"] = strconv.FormatFloat(q.CustomerSatisfactionRating, 'g', -1, 64)
		}
	}
	for _, k := range []string{"queue", "queue_name", "queueName"} {
		if q := doc.Labels[k]; q != "" && t.Queue == "" {
			t.Queue = q
		}
	}
	for k, v := range doc.Labels {
		if len(t.Metadata) < transcript.DefaultLimits.MaxMetadataKeys && k != "" {
			t.Metadata[k] = v
		}
	}
	if ci := doc.ConversationInfo; ci != nil {
		var cats []string
		for _, c := range ci.Categories {
			if c.DisplayName != "" {
				cats = append(cats, c.DisplayName)
			}
		}
		if len(cats) > 0 {
			t.Metadata["categories"] = strings.Join(cats, ", ")
		}
	}
	return t, nil
}

func ccaiSegments(t *transcript.Transcript, doc *ccaiDoc) *RecordError {
	var turns []transcript.Turn
	var last int64
	for i, seg := range doc.Transcript.TranscriptSegments {
		field := fmt.Sprintf("transcript.transcriptSegments[%d]", i)
		role := ""
		if seg.SegmentParticipant != nil {
			role = seg.SegmentParticipant.Role
		}
		sp, ok := ccaiRole(role)
		if !ok && (role == "" || role == "ROLE_UNSPECIFIED") && doc.CallMetadata != nil && seg.ChannelTag != 0 {
			switch seg.ChannelTag {
			case doc.CallMetadata.AgentChannel:
				sp, ok = transcript.Agent, true
			case doc.CallMetadata.CustomerChannel:
				sp, ok = transcript.Customer, true
			}
		}
		if !ok {
			if role == "" || role == "ROLE_UNSPECIFIED" {
				return lineError(0, field+".segmentParticipant.role", "missing, and callMetadata does not say whose channel %d is; "+
					"expected HUMAN_AGENT, AUTOMATED_AGENT or END_USER", seg.ChannelTag)
			}
			return lineError(0, field+".segmentParticipant.role", "%q is not HUMAN_AGENT, AUTOMATED_AGENT or END_USER", role)
		}
		text := strings.TrimSpace(sanitize(seg.Text))
		if text == "" {
			continue
		}
		offset := last
		switch {
		case len(seg.Words) > 0 && seg.Words[0].StartOffset != nil:
			offset = seg.Words[0].StartOffset.ms
		case seg.MessageTime != nil && !t.StartedAt.IsZero():
			offset = seg.MessageTime.t.Sub(t.StartedAt).Milliseconds()
		case seg.MessageTime != nil:
			t.StartedAt = seg.MessageTime.t
			offset = 0
		}
		if offset < 0 {
			return lineError(0, field, "starts before the conversation (offset %d ms)", offset)
		}
		last = offset
		turns = mergeTurn(turns, transcript.Turn{Speaker: sp, Text: text, OffsetMS: offset}, " ")
	}
	if len(turns) == 0 {
		return lineError(0, "transcript.transcriptSegments", "no segment has any text")
	}
	t.Turns = turns
	return nil
}

// ccaiEpoch separates absolute start_timestamp_usec values (microseconds since
// 1970, as the format defines them) from the small relative ones some exporters
// write: anything before 2000 is taken as relative to the conversation's start.
const ccaiEpoch = 946684800 * 1e6

func ccaiEntries(t *transcript.Transcript, entries []ccaiEntry) *RecordError {
	var turns []transcript.Turn
	var first int64
	absolute := len(entries) > 0 && entries[0].StartTimestampUsec >= ccaiEpoch
	for i, e := range entries {
		field := fmt.Sprintf("entries[%d]", i)
		sp, ok := ccaiRole(e.Role)
		if !ok {
			if e.Role == "" {
				return lineError(0, field+".role", "missing; expected AGENT, AUTOMATED_AGENT, CUSTOMER or END_USER")
			}
			return lineError(0, field+".role", "%q is not AGENT, AUTOMATED_AGENT, CUSTOMER or END_USER", e.Role)
		}
		text := strings.TrimSpace(sanitize(e.Text))
		if text == "" {
			continue
		}
		us := int64(e.StartTimestampUsec)
		if us < 0 {
			return lineError(0, field+".start_timestamp_usec", "must not be negative")
		}
		if absolute && i == 0 {
			first = us
			t.StartedAt = time.UnixMicro(us).UTC()
		}
		offset := us / 1000
		if absolute {
			if us < first {
				return lineError(0, field+".start_timestamp_usec", "is before the first entry's")
			}
			offset = (us - first) / 1000
		}
		turns = mergeTurn(turns, transcript.Turn{Speaker: sp, Text: text, OffsetMS: offset}, "\n")
	}
	if len(turns) == 0 {
		return lineError(0, "entries", "no entry has any text")
	}
	t.Turns = turns
	return nil
}

func ccaiRole(role string) (transcript.Speaker, bool) {
	switch strings.ToUpper(strings.TrimSpace(role)) {
	case "HUMAN_AGENT", "AGENT", "ANY_AGENT":
		return transcript.Agent, true
	case "END_USER", "CUSTOMER":
		return transcript.Customer, true
	case "AUTOMATED_AGENT":
		return transcript.Bot, true
	}
	return "", false
}

// camelKeys rewrites snake_case object keys as lowerCamelCase, except inside
// labels, whose keys are the user's own.
func camelKeys(v any, parent string) any {
	switch v := v.(type) {
	case map[string]any:
		if parent == "labels" {
			return v
		}
		out := make(map[string]any, len(v))
		for k, val := range v {
			ck := camel(k)
			out[ck] = camelKeys(val, ck)
		}
		return out
	case []any:
		for i := range v {
			v[i] = camelKeys(v[i], parent)
		}
		return v
	}
	return v
}

func camel(k string) string {
	if strings.IndexByte(k, '_') < 0 {
		return k
	}
	var b strings.Builder
	up := false
	for _, r := range k {
		if r == '_' {
			up = b.Len() > 0
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// protoDuration reads a google.protobuf.Duration: "1.500s" or {"seconds":1,"nanos":500000000}.
type protoDuration struct{ ms int64 }

func (d *protoDuration) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "s"), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < -1e9 || f > 1e9 {
			return fmt.Errorf("duration %q is not like \"1.500s\"", s)
		}
		d.ms = int64(math.Round(f * 1000))
		return nil
	}
	var o struct {
		Seconds flexInt
		Nanos   flexInt
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return fmt.Errorf("a duration must be a string like \"1.500s\" or {seconds, nanos}")
	}
	if o.Seconds < -1e9 || o.Seconds > 1e9 {
		return fmt.Errorf("duration of %d seconds is out of range", o.Seconds)
	}
	d.ms = int64(o.Seconds)*1000 + int64(o.Nanos)/1e6
	return nil
}

// protoTime reads a google.protobuf.Timestamp: RFC 3339 or {"seconds":...,"nanos":...}.
type protoTime struct{ t time.Time }

func (p *protoTime) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return fmt.Errorf("time %q is not RFC 3339", s)
		}
		p.t = t
		return nil
	}
	var o struct {
		Seconds flexInt
		Nanos   flexInt
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return fmt.Errorf("a time must be an RFC 3339 string or {seconds, nanos}")
	}
	if o.Seconds < 0 || o.Seconds > 7258118400 { // 2200
		return fmt.Errorf("time of %d seconds is out of range", o.Seconds)
	}
	p.t = time.Unix(int64(o.Seconds), int64(o.Nanos)).UTC()
	return nil
}

// flexInt reads an integer written as a JSON number or, as protobuf writes int64
// values, a string.
type flexInt int64

func (n *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		return nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || math.IsNaN(f) || math.Abs(f) > 9e18 {
			return fmt.Errorf("%s is not an integer", string(b))
		}
		v = int64(f)
	}
	*n = flexInt(v)
	return nil
}

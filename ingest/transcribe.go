package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/frictionhq/friction/transcript"
)

// This file reads the output of an Amazon Transcribe Call Analytics job (and the
// near-identical Amazon Connect Contact Lens analysis files): Transcript[] segments
// with ParticipantRole (or a ParticipantId that Participants[] maps to a role),
// Content, BeginOffsetMillis and Sentiment. Consecutive segments of one speaker
// become one turn. Vendor fields Friction has no place for are ignored; matched
// categories and sentiment are kept as metadata:
//
//	categories                  MatchedCategories, comma-separated
//	customer_sentiment_score    OverallSentiment.CUSTOMER (-5..5)
//	agent_sentiment_score       OverallSentiment.AGENT
//	customer_sentiment_first    Sentiment of the customer's first segment (POSITIVE, ...)
//	customer_sentiment_last     Sentiment of the customer's last segment
//	contact_id                  CustomerMetadata.ContactId, when JobName is the id

type tcaDoc struct {
	JobName      string
	LanguageCode string
	Channel      string
	Participants []struct {
		ParticipantId   string
		ParticipantRole string
	}
	Categories *struct {
		MatchedCategories []string
	}
	ConversationCharacteristics *struct {
		TotalConversationDurationMillis float64
		Sentiment                       *struct {
			OverallSentiment map[string]float64
		}
	}
	CustomerMetadata *struct {
		ContactId  string
		InputS3Uri string
	}
	Transcript []tcaSegment
}

type tcaSegment struct {
	ParticipantId     string
	ParticipantRole   string
	Content           string
	BeginOffsetMillis float64
	EndOffsetMillis   float64
	Sentiment         string
	AbsoluteTime      string // Contact Lens chat
}

func parseTranscribe(data []byte) (*transcript.Transcript, *RecordError) {
	var doc tcaDoc
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), &doc); err != nil {
		return nil, &RecordError{Line: jsonErrorLine(data, err), Violations: []transcript.FieldViolation{jsonViolation(err)}}
	}
	if len(doc.Transcript) == 0 {
		return nil, lineError(0, "Transcript", "no segments; Amazon Transcribe Call Analytics output has a Transcript array of "+
			"{ParticipantRole, Content, BeginOffsetMillis} objects")
	}
	t := &transcript.Transcript{Channel: transcript.Call, Metadata: map[string]string{}}
	if strings.EqualFold(doc.Channel, "CHAT") {
		t.Channel = transcript.Chat
	}
	t.Language = doc.LanguageCode
	contactID := ""
	if doc.CustomerMetadata != nil {
		contactID = doc.CustomerMetadata.ContactId
	}
	switch {
	case doc.JobName != "":
		t.ID = cleanID(doc.JobName)
		if contactID != "" {
			t.Metadata["contact_id"] = contactID
		}
	case contactID != "":
		t.ID = cleanID(contactID)
	}
	roleOfID := map[string]string{}
	for _, p := range doc.Participants {
		roleOfID[p.ParticipantId] = p.ParticipantRole
	}
	var (
		first       time.Time
		maxEnd      float64
		custFirst   string
		custLast    string
		turns       []transcript.Turn
		sawCustomer bool
	)
	for i, seg := range doc.Transcript {
		field := fmt.Sprintf("Transcript[%d]", i)
		role := seg.ParticipantRole
		if role == "" {
			role = roleOfID[seg.ParticipantId]
		}
		if role == "" {
			role = seg.ParticipantId // Contact Lens voice files use the role as the id
		}
		sp, ok := transcribeRole(role)
		if !ok {
			if role == "" {
				return nil, lineError(0, field+".ParticipantRole", "missing; expected AGENT or CUSTOMER")
			}
			return nil, lineError(0, field+".ParticipantRole", "%q is not AGENT or CUSTOMER", role)
		}
		text := strings.TrimSpace(sanitize(seg.Content))
		if text == "" {
			continue // events and silences carry no text
		}
		if seg.BeginOffsetMillis < 0 || math.IsNaN(seg.BeginOffsetMillis) || seg.BeginOffsetMillis > 1e12 {
			return nil, lineError(0, field+".BeginOffsetMillis", "%v is not a usable offset", seg.BeginOffsetMillis)
		}
		offset := int64(seg.BeginOffsetMillis)
		if seg.AbsoluteTime != "" {
			at, err := time.Parse(time.RFC3339Nano, seg.AbsoluteTime)
			if err != nil {
				return nil, lineError(0, field+".AbsoluteTime", "must be an RFC 3339 time, not %q", seg.AbsoluteTime)
			}
			if first.IsZero() {
				first = at
			}
			if d := at.Sub(first); d > 0 {
				offset = d.Milliseconds()
			} else {
				offset = 0
			}
		}
		maxEnd = max(maxEnd, seg.EndOffsetMillis)
		if sp == transcript.Customer && seg.Sentiment != "" {
			if !sawCustomer {
				custFirst = seg.Sentiment
			}
			custLast = seg.Sentiment
		}
		if sp == transcript.Customer {
			sawCustomer = true
		}
		turns = mergeTurn(turns, transcript.Turn{Speaker: sp, Text: text, OffsetMS: offset}, " ")
	}
	if len(turns) == 0 {
		return nil, lineError(0, "Transcript", "no segment has any Content")
	}
	t.Turns = turns
	t.StartedAt = first
	if t.StartedAt.IsZero() && doc.CustomerMetadata != nil {
		t.StartedAt = dateIn(doc.CustomerMetadata.InputS3Uri)
	}
	if t.StartedAt.IsZero() {
		t.StartedAt = dateIn(doc.JobName)
	}
	if cc := doc.ConversationCharacteristics; cc != nil {
		if cc.TotalConversationDurationMillis > 0 && cc.TotalConversationDurationMillis < 1e12 {
			maxEnd = max(maxEnd, cc.TotalConversationDurationMillis)
		}
		if cc.Sentiment != nil {
			for role, score := range cc.Sentiment.OverallSentiment {
				if sp, ok := transcribeRole(role); ok && (sp == transcript.Customer || sp == transcript.Agent) {
					t.Metadata[string(sp)+"_sentiment_score"] = strconv.FormatFloat(score, 'g', -1, 64)
				}
			}
		}
	}
	if maxEnd > 0 && maxEnd < 1e12 {
		t.DurationSeconds = int(math.Ceil(maxEnd / 1000))
	}
	if custFirst != "" {
		t.Metadata["customer_sentiment_first"] = custFirst
		t.Metadata["customer_sentiment_last"] = custLast
	}
	if doc.Categories != nil {
		var cats []string
		for _, c := range doc.Categories.MatchedCategories {
			if c = strings.TrimSpace(c); c != "" {
				cats = append(cats, c)
			}
		}
		if len(cats) > 0 {
			t.Metadata["categories"] = strings.Join(cats, ", ")
		}
	}
	return t, nil
}

func transcribeRole(role string) (transcript.Speaker, bool) {
	switch r := strings.ToUpper(strings.TrimSpace(role)); {
	case r == "AGENT", r == "SUPERVISOR":
		return transcript.Agent, true
	case r == "CUSTOMER":
		return transcript.Customer, true
	case r == "SYSTEM":
		return transcript.System, true
	case strings.Contains(r, "BOT"):
		return transcript.Bot, true
	}
	return "", false
}

// jsonErrorLine returns the line of a JSON syntax error, or 0.
func jsonErrorLine(data []byte, err error) int {
	if se, ok := err.(*json.SyntaxError); ok && se.Offset > 0 && se.Offset <= int64(len(data)) {
		return 1 + bytes.Count(data[:se.Offset], []byte("\n"))
	}
	return 0
}

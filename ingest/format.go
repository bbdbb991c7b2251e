package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/frictionhq/friction/transcript"
)

// Format names an input format.
type Format string

// The input formats. FormatAuto tells Read to detect the format from the file name
// and the content.
const (
	FormatAuto       Format = ""
	FormatNative     Format = "native"     // Friction's JSON or JSON Lines
	FormatText       Format = "text"       // plain text with speaker labels
	FormatEML        Format = "eml"        // an RFC 5322 e-mail
	FormatVTT        Format = "vtt"        // WebVTT captions
	FormatSRT        Format = "srt"        // SubRip captions
	FormatTranscribe Format = "transcribe" // Amazon Transcribe Call Analytics (or Contact Lens) output
	FormatCCAI       Format = "ccai"       // Google Contact Center AI Insights conversation
)

// Formats lists every format a user can name, in the order help text shows them.
var Formats = []Format{FormatNative, FormatText, FormatEML, FormatVTT, FormatSRT, FormatTranscribe, FormatCCAI}

// UnknownFormatError is returned for a format name that is not one of Formats.
type UnknownFormatError struct {
	Name string
}

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown format %q; expected one of %s", e.Name, formatList())
}

func formatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// ParseFormat turns a --format value into a Format. "" and "auto" mean detect.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case "", "auto":
		return FormatAuto, nil
	case "json", "jsonl":
		return FormatNative, nil
	case "txt":
		return FormatText, nil
	case "webvtt":
		return FormatVTT, nil
	default:
		for _, known := range Formats {
			if f == known {
				return f, nil
			}
		}
		return "", &UnknownFormatError{Name: s}
	}
}

// Options control how Read turns an input into transcripts. The zero value detects
// the format and takes everything else from the input.
type Options struct {
	// Format forces a format; FormatAuto detects it.
	Format Format
	// ID, when set, is the id of a transcript read from a single-transcript format
	// (everything but native), in place of the one from the content or file name.
	ID string
	// Channel, when set, is the channel of a transcript read from a
	// single-transcript format, in place of the one the format implies.
	Channel transcript.Channel
	// DefaultStartedAt is the start time of a transcript whose input says nothing
	// about when it happened (text, captions, Transcribe output) and whose file
	// name holds no date. When it is zero such an input is an error.
	DefaultStartedAt time.Time
	// CompanyDomains are the e-mail domains of the company's own staff: an e-mail
	// sent from one of them (or a subdomain) is the agent's. Without them, the
	// first sender of a thread is taken to be the customer.
	CompanyDomains []string
	// MaxBytes bounds a single-transcript input; 0 means MaxDocumentBytes.
	MaxBytes int64
}

// MaxDocumentBytes is the default bound on one input of a single-transcript format.
const MaxDocumentBytes = MaxRecordBytes

// sniffBytes is how much of an input detection looks at.
const sniffBytes = 64 << 10

// Read reads the transcripts in r and calls fn for each record, good or bad, in
// input order. name is the file name (or "-" for standard input): it names the
// source in errors, its extension helps detect the format, and it gives an id and
// sometimes a date to inputs that have none. Native input can hold many
// transcripts; every other format holds one, so fn is called once.
//
// A malformed input, or one whose format cannot be told, is a Record with a
// RecordError, never a half-built transcript. Read returns an error only when r
// cannot be read, when opts names an unknown format, or when fn returns one.
func Read(r io.Reader, name string, opts Options, fn func(Record) error) error {
	format := opts.Format
	if format != FormatAuto {
		f, err := ParseFormat(string(format))
		if err != nil {
			return err
		}
		format = f
	}
	br := bufio.NewReaderSize(r, sniffBytes)
	if format == FormatAuto {
		head, err := br.Peek(sniffBytes)
		if err != nil && err != io.EOF {
			return err
		}
		f, derr := Detect(name, head)
		if derr != nil {
			return fn(badRecord(name, 0, "", transcript.FieldViolation{Description: derr.Error()}))
		}
		format = f
	}
	if format == FormatNative {
		return ReadNative(br, name, fn)
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = MaxDocumentBytes
	}
	data, err := io.ReadAll(io.LimitReader(br, limit+1))
	if err != nil {
		return err
	}
	if int64(len(data)) > limit {
		return fn(badRecord(name, 0, "", transcript.FieldViolation{
			Description: fmt.Sprintf("input is larger than %d bytes", limit)}))
	}
	return fn(Parse(format, data, name, opts))
}

// Parse reads one transcript from data, a whole input in memory (the gRPC
// server's raw documents). FormatAuto detects the format; native data must then
// hold a single JSON object (use Read for JSON Lines). name plays the part it plays
// for Read. Parse never panics; a bad input gives a Record with Err set.
func Parse(format Format, data []byte, name string, opts Options) Record {
	if format == FormatAuto {
		f, err := Detect(name, data[:min(len(data), sniffBytes)])
		if err != nil {
			return badRecord(name, 0, "", transcript.FieldViolation{Description: err.Error()})
		}
		format = f
	}
	var t *transcript.Transcript
	var rerr *RecordError
	switch format {
	case FormatText:
		t, rerr = parseText(data, name)
	case FormatEML:
		t, rerr = parseEML(data, opts)
	case FormatVTT:
		t, rerr = parseCaptions(data, true)
	case FormatSRT:
		t, rerr = parseCaptions(data, false)
	case FormatTranscribe:
		t, rerr = parseTranscribe(data)
	case FormatCCAI:
		t, rerr = parseCCAI(data)
	case FormatNative:
		t, rerr = DecodeNative(data)
	default:
		rerr = &RecordError{Violations: []transcript.FieldViolation{{Description: (&UnknownFormatError{Name: string(format)}).Error()}}}
	}
	if rerr == nil && format != FormatNative {
		rerr = finish(t, name, opts)
	}
	if rerr != nil {
		rerr.Source = name
		if rerr.ID == "" && t != nil {
			rerr.ID = t.ID
		}
		return Record{Source: name, Line: rerr.Line, Err: rerr}
	}
	return Record{Source: name, Line: 1, Transcript: t}
}

// finish fills what the content did not give (id, channel, start time) from the
// options and the file name, and validates the transcript.
func finish(t *transcript.Transcript, name string, opts Options) *RecordError {
	if opts.ID != "" {
		t.ID = opts.ID
	}
	if t.ID == "" {
		t.ID = idFromName(name)
	}
	if t.ID == "" {
		return &RecordError{Violations: []transcript.FieldViolation{{Field: "id",
			Description: "the input names no id and has no file name to take one from; give the transcript an id"}}}
	}
	if opts.Channel != "" {
		t.Channel = opts.Channel
	}
	if t.StartedAt.IsZero() {
		t.StartedAt = dateFromName(name)
	}
	if t.StartedAt.IsZero() {
		t.StartedAt = opts.DefaultStartedAt
	}
	if t.StartedAt.IsZero() {
		return &RecordError{ID: t.ID, Violations: []transcript.FieldViolation{{Field: "started_at",
			Description: "the input does not say when the contact started and its file name holds no date; give a default start time"}}}
	}
	if len(t.Metadata) == 0 {
		t.Metadata = nil
	}
	if err := t.Validate(); err != nil {
		var ve *transcript.ValidationError
		if errors.As(err, &ve) {
			return &RecordError{ID: t.ID, Violations: ve.Violations}
		}
		return &RecordError{ID: t.ID, Violations: []transcript.FieldViolation{{Description: err.Error()}}}
	}
	return nil
}

func badRecord(source string, line int, id string, vs ...transcript.FieldViolation) Record {
	return Record{Source: source, Line: line, Err: &RecordError{Source: source, Line: line, ID: id, Violations: vs}}
}

// lineError is a RecordError for one problem at one line of the input.
func lineError(line int, field, format string, args ...any) *RecordError {
	return &RecordError{Line: line, Violations: []transcript.FieldViolation{{Field: field, Description: fmt.Sprintf(format, args...)}}}
}

// DetectError says why the format of an input could not be told.
type DetectError struct {
	Name   string // the input's name
	Reason string // what was seen
}

func (e *DetectError) Error() string {
	return fmt.Sprintf("cannot tell the format of %s: %s; expected native JSON or JSON Lines, "+
		"Amazon Transcribe Call Analytics or Google CCAI JSON, WebVTT (.vtt), SubRip (.srt), "+
		"an e-mail (.eml), or text with speaker labels such as \"Agent:\" and \"Customer:\"; "+
		"name the format to skip detection (one of %s)", e.Name, e.Reason, formatList())
}

// Detect tells the format of an input from its name and its first bytes. The
// extension decides (.jsonl native, .txt text, .eml, .vtt, .srt), except that a
// .json file is told apart by its keys (native, Transcribe or CCAI). Without a
// known extension the content decides.
func Detect(name string, head []byte) (Format, error) {
	switch strings.ToLower(path.Ext(filepath.ToSlash(name))) {
	case ".jsonl", ".ndjson":
		return FormatNative, nil
	case ".json":
		return sniffJSON(name, head)
	case ".txt", ".text", ".log":
		return FormatText, nil
	case ".eml":
		return FormatEML, nil
	case ".vtt":
		return FormatVTT, nil
	case ".srt":
		return FormatSRT, nil
	}
	return sniffContent(name, head)
}

func sniffContent(name string, head []byte) (Format, error) {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(b) == 0 {
		return "", &DetectError{Name: name, Reason: "it is empty"}
	}
	switch {
	case bytes.HasPrefix(b, []byte("WEBVTT")):
		return FormatVTT, nil
	case b[0] == '{' || b[0] == '[' && !looksLikeText(b): // "[00:00:01] Agent:" is text
		return sniffJSON(name, head)
	case looksLikeSRT(b):
		return FormatSRT, nil
	case looksLikeEmail(b):
		return FormatEML, nil
	case looksLikeText(b):
		return FormatText, nil
	}
	if bytes.IndexByte(b[:min(len(b), 1024)], 0) >= 0 {
		return "", &DetectError{Name: name, Reason: "it is not text"}
	}
	return "", &DetectError{Name: name, Reason: "its first lines match none of the formats"}
}

// sniffJSON tells native, Transcribe and CCAI JSON apart by the top-level keys of
// the first object.
func sniffJSON(name string, head []byte) (Format, error) {
	keys, firstString := topLevelKeys(head)
	has := func(ks ...string) bool {
		for _, k := range ks {
			if keys[k] {
				return true
			}
		}
		return false
	}
	transcribe := has("Transcript", "JobName", "ConversationCharacteristics", "CustomerMetadata", "Participants")
	ccai := has("entries", "conversation_info", "conversationInfo", "transcript", "transcriptSegments",
		"transcript_segments", "dataSource", "data_source", "callMetadata", "call_metadata") ||
		strings.HasPrefix(firstString["name"], "projects/")
	switch {
	case transcribe && ccai:
		return "", &DetectError{Name: name, Reason: "its keys look like both Amazon Transcribe and Google CCAI output"}
	case transcribe:
		return FormatTranscribe, nil
	case ccai:
		return FormatCCAI, nil
	case has("results") && has("jobName", "accountId"):
		return "", &DetectError{Name: name, Reason: "it is plain Amazon Transcribe output, which has no agent and customer roles; use Call Analytics (format transcribe)"}
	}
	return FormatNative, nil
}

// topLevelKeys returns the keys of the first JSON object in head, and the values of
// those that are strings. head may be cut short; the keys seen so far are returned.
func topLevelKeys(head []byte) (map[string]bool, map[string]string) {
	keys := map[string]bool{}
	strs := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return keys, strs
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, ok := tok.(string)
		if !ok {
			break
		}
		keys[key] = true
		v, err := dec.Token()
		if err != nil {
			break
		}
		switch v := v.(type) {
		case string:
			strs[key] = v
		case json.Delim: // skip the nested value
			depth := 1
			for depth > 0 {
				t, err := dec.Token()
				if err != nil {
					return keys, strs
				}
				if d, ok := t.(json.Delim); ok {
					if d == '{' || d == '[' {
						depth++
					} else {
						depth--
					}
				}
			}
		}
	}
	return keys, strs
}

// firstLines returns up to n non-blank lines from the start of b.
func firstLines(b []byte, n int) []string {
	var lines []string
	for len(b) > 0 && len(lines) < n {
		i := bytes.IndexByte(b, '\n')
		var line []byte
		if i < 0 {
			line, b = b, nil
		} else {
			line, b = b[:i], b[i+1:]
		}
		if s := strings.TrimSpace(string(line)); s != "" {
			lines = append(lines, s)
		}
	}
	return lines
}

func looksLikeSRT(b []byte) bool {
	lines := firstLines(b, 2)
	if len(lines) == 0 {
		return false
	}
	if strings.Contains(lines[0], "-->") {
		_, _, ok := parseCueTiming(lines[0])
		return ok
	}
	if len(lines) < 2 || strings.Trim(lines[0], "0123456789") != "" {
		return false
	}
	_, _, ok := parseCueTiming(lines[1])
	return ok
}

var emailHeaders = map[string]bool{"from": true, "mime-version": true, "message-id": true, "received": true,
	"return-path": true, "delivered-to": true, "x-mailer": true, "dkim-signature": true}

// looksLikeEmail reports whether b starts with a block of RFC 5322 header fields
// that includes at least one field only e-mail has.
func looksLikeEmail(b []byte) bool {
	strong := false
	n := 0
	for len(b) > 0 && n < 200 {
		i := bytes.IndexByte(b, '\n')
		var line []byte
		if i < 0 {
			line, b = b, nil
		} else {
			line, b = b[:i], b[i+1:]
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			break
		}
		n++
		if line[0] == ' ' || line[0] == '\t' {
			if n == 1 {
				return false
			}
			continue // a folded header line
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 {
			return false
		}
		for _, c := range line[:colon] {
			if c <= ' ' || c > '~' {
				return false
			}
		}
		if emailHeaders[strings.ToLower(string(line[:colon]))] {
			strong = true
		}
	}
	return strong
}

func looksLikeText(b []byte) bool {
	for _, line := range firstLines(b, 30) {
		if l := parseSpeakerLine(line); l.known {
			return true
		}
	}
	return false
}

// idFromName makes an id from a file name: the base name without its extension,
// with spaces and control characters replaced.
func idFromName(name string) string {
	if name == "" || name == "-" {
		return ""
	}
	base := path.Base(filepath.ToSlash(name))
	base = strings.TrimSuffix(base, path.Ext(base))
	return cleanID(base)
}

// cleanID turns s into a valid transcript id: no spaces or control characters, at
// most 128 characters.
func cleanID(s string) string {
	s = cleanIDChars(s)
	if utf8.RuneCountInString(s) > transcript.DefaultLimits.MaxIDLen {
		s = string([]rune(s)[:transcript.DefaultLimits.MaxIDLen])
	}
	return s
}

// cleanIDChars replaces spaces and drops control characters and invalid UTF-8.
func cleanIDChars(s string) string {
	s = strings.ToValidUTF8(strings.TrimSpace(s), "")
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return '_'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

var nameDate = regexp.MustCompile(`(19[7-9]\d|2\d\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:[T_ -]?([01]\d|2[0-3])[:\-.h]?([0-5]\d)(?:[:\-.m]?([0-5]\d))?)?`)

// dateFromName finds a date (and time) such as 2026-09-14, 20260914 or
// 20260914T100200 in a file name, in UTC.
func dateFromName(name string) time.Time {
	if name == "" || name == "-" {
		return time.Time{}
	}
	return dateIn(path.Base(filepath.ToSlash(name)))
}

func dateIn(s string) time.Time {
	m := nameDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	num := func(s string) int {
		n := 0
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	t := time.Date(y, time.Month(mo), d, num(m[4]), num(m[5]), num(m[6]), 0, time.UTC)
	if t.Day() != d { // 2026-02-31
		return time.Time{}
	}
	return t
}

// dateLayouts are the ways people write a date and time in transcript headers.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 3:04 PM",
	"2006-01-02 3:04:05 PM",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"01/02/2006 3:04:05 PM",
	"01/02/2006 3:04 PM",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04 PM",
	"1/2/2006 15:04",
	"01/02/2006",
	"1/2/2006",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.ANSIC,
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04:05 PM",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"Monday, January 2, 2006 3:04 PM",
	"Monday, January 2, 2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2 January 2006 15:04",
	"2 January 2006",
}

// parseDateTime reads a date as people write it in headers. Times without a zone
// are UTC; a trailing "UTC" or "GMT" is accepted.
func parseDateTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, z := range []string{" UTC", " GMT", " Z"} {
		if strings.HasSuffix(s, z) {
			s = strings.TrimSpace(strings.TrimSuffix(s, z))
			break
		}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// sanitize makes s valid UTF-8 and normalises line ends.
func sanitize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// mergeTurn appends text to the last turn when it has the same speaker and name,
// or adds a new turn.
func mergeTurn(turns []transcript.Turn, t transcript.Turn, sep string) []transcript.Turn {
	if n := len(turns); n > 0 && turns[n-1].Speaker == t.Speaker && turns[n-1].Name == t.Name {
		turns[n-1].Text += sep + t.Text
		return turns
	}
	return append(turns, t)
}

// addAgent records an agent once.
func addAgent(t *transcript.Transcript, p transcript.Party) {
	if strings.TrimSpace(p.ID) == "" && strings.TrimSpace(p.Name) == "" {
		return
	}
	for _, a := range t.Agents {
		if (p.ID != "" && a.ID == p.ID) || (p.ID == "" && a.Name == p.Name) {
			return
		}
	}
	t.Agents = append(t.Agents, p)
}

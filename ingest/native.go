package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/frictionhq/friction/transcript"
)

// MaxRecordBytes bounds one JSON record, so a file with no newlines cannot make the
// reader buffer without limit.
const MaxRecordBytes = 16 << 20

// Record is one transcript read from an input, or the reason it could not be read.
type Record struct {
	Source     string // file name, or "-" for standard input
	Line       int    // 1-based line where the record starts
	Transcript *transcript.Transcript
	Err        *RecordError // set when Transcript is nil
}

// RecordError says where a bad record is and everything wrong with it.
type RecordError struct {
	Source     string                      `json:"source,omitempty"`
	Line       int                         `json:"line,omitempty"`
	ID         string                      `json:"id,omitempty"`
	Violations []transcript.FieldViolation `json:"violations"`
}

func (e *RecordError) Error() string {
	var b strings.Builder
	if e.Source != "" {
		b.WriteString(e.Source)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.ID != "" {
		fmt.Fprintf(&b, "id %q: ", e.ID)
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		if v.Field != "" {
			b.WriteString(v.Field + ": ")
		}
		b.WriteString(v.Description)
	}
	return b.String()
}

// ReadNative reads native JSON transcripts from r and calls fn for each record, good
// or bad, in input order. It accepts JSON Lines, a single object (pretty-printed or
// not), a stream of concatenated objects, or an array of objects. Each transcript is
// decoded strictly (unknown fields are errors) and validated. ReadNative stops early
// only when fn returns an error or the input cannot be read, or when a syntax error
// leaves no way to find the next record.
func ReadNative(r io.Reader, source string, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	// Skip blank lines, then decide from the first real line: a complete JSON object
	// means JSON Lines; anything else (a '[' or a pretty-printed object) is read as
	// one JSON document.
	line := 0
	for {
		raw, err := readLine(br)
		if errors.Is(err, errLineTooLong) {
			return fmt.Errorf("%s: line %d is longer than %d bytes", source, line+1, MaxRecordBytes)
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(raw) == 0 && err == io.EOF {
			return nil
		}
		line++
		trimmed := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF")))
		if len(trimmed) == 0 {
			if err == io.EOF {
				return nil
			}
			continue
		}
		if trimmed[0] == '{' && json.Valid(trimmed) {
			if ferr := fn(decodeRecord(trimmed, source, line)); ferr != nil || err == io.EOF {
				return ferr
			}
			return readLines(br, source, line, fn)
		}
		rest := io.MultiReader(bytes.NewReader(append(trimmed, '\n')), br)
		return readDocument(rest, source, line-1, fn)
	}
}

// readLines reads JSON Lines: one record per non-blank line.
func readLines(br *bufio.Reader, source string, line int, fn func(Record) error) error {
	for {
		raw, err := readLine(br)
		if len(raw) > 0 || err == nil {
			line++
			raw = bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xEF\xBB\xBF")))
			if len(raw) > 0 {
				if ferr := fn(decodeRecord(raw, source, line)); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, errLineTooLong) {
			if ferr := fn(Record{Source: source, Line: line, Err: &RecordError{Source: source, Line: line,
				Violations: []transcript.FieldViolation{{Description: fmt.Sprintf("line is longer than %d bytes", MaxRecordBytes)}}}}); ferr != nil {
				return ferr
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", source, line+1, err)
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its newline. A line longer than
// MaxRecordBytes is skipped to its end and reported as errLineTooLong.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxRecordBytes {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(buf, []byte("\n")), err
	}
}

// readDocument reads one JSON value at a time (objects, or the elements of
// arrays), tracking line numbers through the decoder's input offset.
func readDocument(r io.Reader, source string, linesBefore int, fn func(Record) error) error {
	var data bytes.Buffer
	if _, err := io.Copy(&data, io.LimitReader(r, 1<<30)); err != nil {
		return err
	}
	src := data.Bytes()
	dec := json.NewDecoder(bytes.NewReader(src))
	lineAt := func(off int64) int { return linesBefore + 1 + bytes.Count(src[:off], []byte("\n")) }
	emit := func() (bool, error) {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err == io.EOF {
				return false, nil
			}
			line := lineAt(start + int64(leadingSpace(src[start:])))
			return false, fn(Record{Source: source, Line: line, Err: &RecordError{Source: source, Line: line,
				Violations: []transcript.FieldViolation{{Description: "invalid JSON: " + err.Error()}}}})
		}
		line := lineAt(start + int64(leadingSpace(src[start:])))
		return true, fn(decodeRecord(raw, source, line))
	}
	for {
		start := dec.InputOffset()
		rest := src[start:]
		skip := leadingSpace(rest)
		if skip == len(rest) {
			return nil
		}
		if rest[skip] != '[' {
			ok, err := emit()
			if err != nil || !ok {
				return err
			}
			continue
		}
		if _, err := dec.Token(); err != nil { // the '[', unless stray bytes come first
			line := lineAt(start + int64(skip))
			return fn(Record{Source: source, Line: line, Err: &RecordError{Source: source, Line: line,
				Violations: []transcript.FieldViolation{{Description: "invalid JSON: " + err.Error()}}}})
		}
		for dec.More() {
			ok, err := emit()
			if err != nil || !ok {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // the ']'
			line := lineAt(dec.InputOffset())
			return fn(Record{Source: source, Line: line, Err: &RecordError{Source: source, Line: line,
				Violations: []transcript.FieldViolation{{Description: "invalid JSON: " + err.Error()}}}})
		}
	}
}

func leadingSpace(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' || b[i] == ',') {
		i++
	}
	return i
}

// DecodeNative decodes and validates one native JSON transcript.
func DecodeNative(raw []byte) (*transcript.Transcript, *RecordError) {
	r := decodeRecord(raw, "", 0)
	return r.Transcript, r.Err
}

func decodeRecord(raw []byte, source string, line int) Record {
	fail := func(id string, vs ...transcript.FieldViolation) Record {
		return Record{Source: source, Line: line, Err: &RecordError{Source: source, Line: line, ID: id, Violations: vs}}
	}
	var t transcript.Transcript
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		v := jsonViolation(err)
		v.Field = locateInArray(raw, v.Field)
		return fail(guessID(raw), v)
	}
	if dec.More() {
		return fail(t.ID, transcript.FieldViolation{Description: "invalid JSON: more than one value on the line"})
	}
	if err := t.Validate(); err != nil {
		var ve *transcript.ValidationError
		if errors.As(err, &ve) {
			return fail(t.ID, ve.Violations...)
		}
		return fail(t.ID, transcript.FieldViolation{Description: err.Error()})
	}
	return Record{Source: source, Line: line, Transcript: &t}
}

// guessID pulls the id out of a record that failed strict decoding, so the error
// can name it.
func guessID(raw []byte) string {
	var probe struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(raw, &probe) != nil {
		return ""
	}
	if s, ok := probe.ID.(string); ok {
		return s
	}
	return ""
}

// locateInArray adds the element index encoding/json leaves out of a field path
// inside an array ("turns.offset_ms" → "turns[3].offset_ms") by decoding the
// array's elements one by one.
func locateInArray(raw []byte, field string) string {
	for _, arr := range []struct {
		name string
		elem func() any
	}{
		{"turns", func() any { return &transcript.Turn{} }},
		{"agents", func() any { return &transcript.Party{} }},
	} {
		rest, ok := strings.CutPrefix(field, arr.name+".")
		if !ok {
			continue
		}
		var probe map[string]json.RawMessage
		if json.Unmarshal(raw, &probe) != nil {
			return field
		}
		var elems []json.RawMessage
		if json.Unmarshal(probe[arr.name], &elems) != nil {
			return field
		}
		for i, e := range elems {
			dec := json.NewDecoder(bytes.NewReader(e))
			dec.DisallowUnknownFields()
			if dec.Decode(arr.elem()) != nil {
				return fmt.Sprintf("%s[%d].%s", arr.name, i, rest)
			}
		}
	}
	return field
}

// jsonViolation turns an encoding/json error into a violation that names the field.
func jsonViolation(err error) transcript.FieldViolation {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	var timeErr *time.ParseError
	msg := err.Error()
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return transcript.FieldViolation{Description: fmt.Sprintf("a transcript must be a JSON object, not %s", typeErr.Value)}
		}
		return transcript.FieldViolation{Field: jsonPath(field), Description: fmt.Sprintf("must be %s, not %s", typeName(typeErr.Type.String()), typeErr.Value)}
	case errors.As(err, &syntaxErr):
		return transcript.FieldViolation{Description: "invalid JSON: " + strings.TrimPrefix(msg, "json: ")}
	case errors.As(err, &timeErr) || strings.Contains(msg, "Time.UnmarshalJSON"):
		return transcript.FieldViolation{Field: "started_at", Description: "must be an RFC 3339 time such as 2026-09-14T10:02:00Z"}
	case strings.HasPrefix(msg, "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return transcript.FieldViolation{Field: name, Description: "unknown field"}
	case err == io.ErrUnexpectedEOF:
		return transcript.FieldViolation{Description: "invalid JSON: unexpected end of input"}
	}
	return transcript.FieldViolation{Description: "invalid JSON: " + strings.TrimPrefix(msg, "json: ")}
}

// jsonPath turns encoding/json's "turns.0.speaker" into "turns[0].speaker".
func jsonPath(field string) string {
	parts := strings.Split(field, ".")
	var b strings.Builder
	for i, p := range parts {
		if p != "" && strings.Trim(p, "0123456789") == "" {
			b.WriteString("[" + p + "]")
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

func typeName(goType string) string {
	switch {
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "an integer"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "string", strings.HasSuffix(goType, ".Channel"), strings.HasSuffix(goType, ".Speaker"), strings.HasSuffix(goType, ".SurveyType"):
		return "a string"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case strings.HasPrefix(goType, "map["), strings.HasPrefix(goType, "*"), strings.Contains(goType, "transcript."):
		return "an object"
	}
	return goType
}

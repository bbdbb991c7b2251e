package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/frictionhq/friction/apiconv"
	"github.com/frictionhq/friction/ingest"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/transcript"
)

// ingestBatch is how many transcripts go in one IngestTranscripts stream. Each
// stream's response acknowledges its transcripts as durable, so a smaller batch
// means finer progress and less to resend after a failure. Within a stream they
// go in messages of ingestMessage, so the server analyses one while it writes
// the one before.
const (
	ingestBatch   = 1000
	ingestMessage = 200
)

// rejection is one transcript that was not stored, and where it came from.
type rejection struct {
	Source     string                      `json:"source"`
	Line       int                         `json:"line,omitempty"`
	ID         string                      `json:"id,omitempty"`
	Violations []transcript.FieldViolation `json:"violations"`
}

func (r rejection) String() string {
	e := ingest.RecordError{Source: r.Source, Line: r.Line, ID: r.ID, Violations: r.Violations}
	return e.Error()
}

type ingestSummary struct {
	Stored     int         `json:"stored"`
	Replaced   int         `json:"replaced"`
	Rejected   int         `json:"rejected"`
	Rejections []rejection `json:"rejections"`
}

// pending is a transcript read from a file, waiting to be sent.
type pending struct {
	t      *transcript.Transcript
	source string
	line   int
}

func runIngest(ctx context.Context, c *cmdContext) int {
	var domains listFlag
	format := c.fs.String("format", "auto", "input `format`: auto (by extension and content), "+formatNames())
	id := c.fs.String("id", "", "transcript `id` for a single non-JSON input (default: from the content or file name)")
	channel := c.fs.String("channel", "", "override the `channel` the format implies (call, chat, email, survey)")
	startedAt := c.fs.String("started-at", "", "`time` for inputs that carry no date (default: the file's modification time)")
	c.fs.Var(&domains, "company-domain", "e-mail `domain` whose senders are agents (repeatable)")
	if code, ok := c.parse(1, -1); !ok {
		return code
	}
	opts := ingest.Options{ID: *id, Channel: transcript.Channel(*channel), CompanyDomains: domains}
	var err error
	if opts.Format, err = ingest.ParseFormat(*format); err != nil {
		return c.fail(fmt.Errorf("--format: %w", err))
	}
	if *channel != "" && !slices.Contains(transcript.Channels, opts.Channel) {
		return c.fail(fmt.Errorf("--channel %q: want call, chat, email or survey", *channel))
	}
	if *startedAt != "" {
		if opts.DefaultStartedAt, err = parseDate(*startedAt); err != nil {
			return c.fail(fmt.Errorf("--started-at: %w", err))
		}
	}
	inputs, err := expandInputs(c.args)
	if err == nil && *id != "" && len(inputs) > 1 {
		err = fmt.Errorf("--id names one transcript, but %d inputs were given", len(inputs))
	}
	if err != nil {
		return c.fail(err)
	}
	client, err := c.client()
	if err != nil {
		return c.fail(err)
	}
	// The bar counts transcripts the server has acknowledged as durable.
	var bar *progressbar.ProgressBar
	if !c.json && isTerminal(c.env.Stderr) {
		bar = progressbar.NewOptions64(countRecords(inputs),
			progressbar.OptionSetWriter(c.env.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionSetItsString("transcripts"),
			progressbar.OptionShowIts(),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100e6),
			progressbar.OptionClearOnFinish())
	}

	sum := &ingestSummary{Rejections: []rejection{}}
	var batch []pending
	send := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := sendBatch(ctx, c, client, batch, sum)
		if bar != nil && err == nil {
			_ = bar.Add(len(batch))
		}
		batch = batch[:0]
		return err
	}
	for _, in := range inputs {
		err := in.read(c.env.Stdin, opts, func(rec ingest.Record) error {
			if rec.Err != nil {
				if bar != nil {
					_ = bar.Add(1)
				}
				sum.Rejected++
				sum.Rejections = append(sum.Rejections, rejection{Source: rec.Source, Line: rec.Line, ID: rec.Err.ID, Violations: rec.Err.Violations})
				return nil
			}
			batch = append(batch, pending{t: rec.Transcript, source: rec.Source, line: rec.Line})
			if len(batch) == ingestBatch {
				return send()
			}
			return nil
		})
		if err == nil {
			err = send()
		}
		if err != nil {
			if bar != nil {
				_ = bar.Clear()
				_ = bar.Exit()
				fmt.Fprintln(c.env.Stderr)
			}
			printIngestSummary(c, sum)
			return c.fail(err)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	printIngestSummary(c, sum)
	if sum.Rejected > 0 {
		return ExitProblems
	}
	return ExitOK
}

// sendBatch streams one batch and records what the server did with each transcript.
func sendBatch(ctx context.Context, c *cmdContext, client pb.FrictionServiceClient, batch []pending, sum *ingestSummary) error {
	ctx, cancel := c.ctx(ctx)
	defer cancel()
	stream, err := client.IngestTranscripts(ctx)
	if err != nil {
		return err
	}
	for from := 0; from < len(batch); from += ingestMessage {
		part := batch[from:min(from+ingestMessage, len(batch))]
		req := &pb.IngestTranscriptsRequest{Transcripts: make([]*pb.Transcript, len(part))}
		for i, p := range part {
			req.Transcripts[i] = apiconv.TranscriptToProto(p.t)
		}
		if err := stream.Send(req); err == io.EOF {
			break // the server ended the stream; CloseAndRecv says why
		} else if err != nil {
			return err
		}
	}
	resp, err := stream.CloseAndRecv()
	if err != nil {
		return err
	}
	for _, r := range resp.GetResults() {
		i := int(r.GetIndex())
		if i < 0 || i >= len(batch) {
			continue
		}
		switch r.GetStatus() {
		case pb.IngestResult_STATUS_STORED:
			sum.Stored++
			if r.GetReplaced() {
				sum.Replaced++
			}
		default:
			rej := rejection{Source: batch[i].source, Line: batch[i].line, ID: r.GetId()}
			for _, v := range r.GetViolations() {
				rej.Violations = append(rej.Violations, transcript.FieldViolation{Field: v.GetField(), Description: v.GetDescription()})
			}
			sum.Rejected++
			sum.Rejections = append(sum.Rejections, rej)
		}
	}
	return nil
}

func printIngestSummary(c *cmdContext, sum *ingestSummary) {
	if c.json {
		_ = json.NewEncoder(c.env.Stdout).Encode(sum)
		return
	}
	for _, r := range sum.Rejections {
		fmt.Fprintln(c.env.Stderr, "rejected:", r)
	}
	msg := fmt.Sprintf("stored %s", plural(sum.Stored, "transcript", "transcripts"))
	if sum.Replaced > 0 {
		msg += fmt.Sprintf(" (%d replaced an earlier version)", sum.Replaced)
	}
	msg += fmt.Sprintf(", rejected %d", sum.Rejected)
	fmt.Fprintln(c.env.Stdout, msg)
}

func formatNames() string {
	names := make([]string, len(ingest.Formats))
	for i, f := range ingest.Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// input is one file to read, or standard input.
type input struct {
	path string // "-" for standard input
	size int64  // -1 when unknown
}

// ingestExtensions are the files a directory walk picks up.
var ingestExtensions = map[string]bool{
	".json": true, ".jsonl": true, ".ndjson": true, ".txt": true, ".eml": true, ".vtt": true, ".srt": true,
}

// expandInputs turns the arguments into files: directories are walked for
// transcript files, in name order.
func expandInputs(args []string) ([]input, error) {
	var out []input
	for _, arg := range args {
		if arg == "-" {
			out = append(out, input{path: "-", size: -1})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, input{path: arg, size: info.Size()})
			continue
		}
		var found []input
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !ingestExtensions[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return err
			}
			found = append(found, input{path: path, size: fi.Size()})
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no transcript files (*.json, *.jsonl, *.txt, *.eml, *.vtt, *.srt) in the directory", arg)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	return out, nil
}

// read parses one input. A file with no date of its own is dated by its
// modification time unless --started-at says otherwise.
func (in input) read(stdin io.Reader, opts ingest.Options, fn func(ingest.Record) error) error {
	var r io.Reader
	if in.path == "-" {
		r = stdin
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
		if opts.DefaultStartedAt.IsZero() {
			if fi, err := f.Stat(); err == nil {
				opts.DefaultStartedAt = fi.ModTime().UTC()
			}
		}
	}
	return ingest.Read(r, in.path, opts, fn)
}

// countRecords estimates how many transcripts the inputs hold, for the progress
// bar: the non-blank lines of JSON Lines files, one per other file, and -1
// (unknown) when standard input is among them.
func countRecords(inputs []input) int64 {
	var n int64
	for _, in := range inputs {
		if in.path == "-" {
			return -1
		}
		ext := strings.ToLower(filepath.Ext(in.path))
		if ext != ".jsonl" && ext != ".ndjson" {
			n++
			continue
		}
		f, err := os.Open(in.path)
		if err != nil {
			n++
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), ingest.MaxRecordBytes)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) > 0 {
				n++
			}
		}
		f.Close()
	}
	return n
}

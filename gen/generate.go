package gen

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/frictionhq/friction/transcript"
)

// Config says what corpus to generate. The same Config always gives the same bytes.
type Config struct {
	Seed  uint64
	N     int       // number of transcripts
	Start time.Time // the first day (UTC); contacts fall in [Start, Start + Weeks)
	Weeks int
}

// DefaultStart is the first day of a corpus when none is given: Monday 3 August 2026.
var DefaultStart = time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC)

// DefaultWeeks is how many weeks a corpus spans when none is given.
const DefaultWeeks = 12

// Validate reports what is wrong with c.
func (c Config) Validate() error {
	var errs []error
	if c.N < 1 || c.N > 1_000_000 {
		errs = append(errs, fmt.Errorf("n must be between 1 and 1000000, got %d", c.N))
	}
	if c.Weeks < 1 || c.Weeks > 520 {
		errs = append(errs, fmt.Errorf("weeks must be between 1 and 520, got %d", c.Weeks))
	}
	if c.Start.IsZero() {
		errs = append(errs, errors.New("start is required"))
	}
	return errors.Join(errs...)
}

// Corpus is a generated set of transcripts with their labels, in the same order.
type Corpus struct {
	Transcripts []transcript.Transcript
	Labels      []Label
}

// generator holds the state of one generation run.
type generator struct {
	r         *rng
	cfg       Config
	customers []*customer
}

// Generate makes a corpus. Transcripts come in time order with ids in that order.
func Generate(cfg Config) (*Corpus, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg.Start = time.Date(cfg.Start.Year(), cfg.Start.Month(), cfg.Start.Day(), 0, 0, 0, 0, time.UTC)
	g := &generator{r: newRNG(cfg.Seed), cfg: cfg}
	out := &Corpus{}
	for i, s := range g.skeletons() {
		c := g.plan(s)
		c.id = fmt.Sprintf("%s-%06d", idPrefix[c.ch], i+1)
		t := g.render(c)
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("gen: generated an invalid transcript (a bug): %w", err)
		}
		out.Transcripts = append(out.Transcripts, *t)
		out.Labels = append(out.Labels, c.lab)
		c.cust.remember(c)
	}
	return out, nil
}

var idPrefix = map[transcript.Channel]string{
	transcript.Call: "ca", transcript.Chat: "ch", transcript.Email: "em", transcript.Survey: "sv",
}

func (cu *customer) remember(c *contact) {
	if len(c.lab.Defects) > 0 {
		cu.lastRC = c.defects[0].rc
		cu.lastRCID = c.id
		cu.lastRes = c.res
	}
}

// render writes the transcript of a planned contact and completes its label.
func (g *generator) render(c *contact) *transcript.Transcript {
	t := &transcript.Transcript{
		ID: c.id, Channel: c.ch, StartedAt: c.at,
		Customer: &transcript.Party{ID: c.cust.id, Name: c.cust.name()},
	}
	if c.ch == transcript.Survey {
		g.renderSurveyOnly(c, t)
	} else {
		w := &writer{g: g, c: c}
		lines := w.build()
		switch c.ch {
		case transcript.Call:
			g.renderCall(c, t, lines)
		case transcript.Chat:
			g.renderChat(c, t, lines)
		case transcript.Email:
			g.renderEmail(c, t, lines)
		}
		g.attachSurvey(c, t)
	}
	c.finishLabel(t)
	return t
}

// WriteTranscripts writes the transcripts as JSONL, one transcript.Transcript per line.
func (c *Corpus) WriteTranscripts(w io.Writer) error { return writeJSONL(w, c.Transcripts) }

// WriteLabels writes the labels as JSONL, one Label per line.
func (c *Corpus) WriteLabels(w io.Writer) error { return writeJSONL(w, c.Labels) }

func writeJSONL[T any](w io.Writer, xs []T) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range xs {
		if err := enc.Encode(&xs[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

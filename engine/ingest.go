package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/frictionhq/friction/index"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/redact"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

// IngestResult is what happened to one transcript of a batch.
type IngestResult struct {
	ID       string
	Stored   bool // durable in the store
	Replaced bool // an earlier transcript with this id was replaced
	// Rejected says why the transcript was not stored; nil when Stored.
	Rejected *transcript.ValidationError
}

// Ingest validates, prepares and stores a batch of transcripts, then indexes them.
// Results are in input order. Valid transcripts are stored even when others are
// rejected; when Ingest returns, every result with Stored set is durable. An error
// means the store could not commit and nothing of the batch was stored.
func (e *Engine) Ingest(ctx context.Context, batch []*transcript.Transcript) ([]IngestResult, error) {
	return e.Commit(ctx, e.Prepare(batch))
}

// Prepared is a batch validated, redacted and analysed, ready to Commit. Preparing
// is the CPU-heavy half of ingest and needs no lock, so a caller with a stream of
// batches can prepare the next while the current one commits.
type Prepared struct {
	results  []IngestResult
	recs     []*store.Record // nil where rejected
	analyses []*nlp.Analysis
}

// Prepare validates, redacts and analyses a batch on all cores.
func (e *Engine) Prepare(batch []*transcript.Transcript) *Prepared {
	p := &Prepared{
		results:  make([]IngestResult, len(batch)),
		recs:     make([]*store.Record, len(batch)),
		analyses: make([]*nlp.Analysis, len(batch)),
	}
	e.parallel(len(batch), func(i int) {
		t := batch[i]
		p.results[i].ID = t.ID
		if err := t.ValidateWith(e.cfg.Limits); err != nil {
			var ve *transcript.ValidationError
			if !errors.As(err, &ve) {
				ve = &transcript.ValidationError{ID: t.ID, Violations: []transcript.FieldViolation{{Description: err.Error()}}}
			}
			p.results[i].Rejected = ve
			return
		}
		p.recs[i] = e.prepare(t)
		p.analyses[i] = e.analyze(p.recs[i])
	})
	return p
}

// Commit stores a prepared batch durably, then indexes it and updates the
// clusters. Batches commit in the order Commit is called.
func (e *Engine) Commit(ctx context.Context, p *Prepared) ([]IngestResult, error) {
	var good []*store.Record
	var goodAnalyses []*nlp.Analysis
	var goodIdx []int
	for i, rec := range p.recs {
		if rec != nil {
			good = append(good, rec)
			goodAnalyses = append(goodAnalyses, p.analyses[i])
			goodIdx = append(goodIdx, i)
		}
	}
	if len(good) == 0 {
		return p.results, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	put, err := e.store.Put(good)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	for j, i := range goodIdx {
		p.results[i].Stored = true
		p.results[i].Replaced = put[j].Replaced
	}
	clusterIDs := e.clusters.update(good, goodAnalyses)
	docs := make([]*index.Document, len(good))
	for j, rec := range good {
		docs[j] = e.document(rec, goodAnalyses[j], clusterIDs[j])
	}
	e.applyToIndex(docs, nil, put[len(put)-1].Seq, len(good))
	return p.results, nil
}

// IngestStream ingests batches as next returns them, preparing each batch while
// the one before it commits, and calls done with each batch's results in order.
// next returns nil when there are no more batches.
func (e *Engine) IngestStream(ctx context.Context, next func() ([]*transcript.Transcript, error), done func([]IngestResult) error) error {
	type prepared struct {
		p   *Prepared
		err error
	}
	ready := make(chan prepared, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(ready)
		for {
			batch, err := next()
			if err != nil || batch == nil {
				if err != nil {
					select {
					case ready <- prepared{err: err}:
					case <-stop:
					}
				}
				return
			}
			select {
			case ready <- prepared{p: e.Prepare(batch)}:
			case <-stop:
				return
			}
		}
	}()
	for pr := range ready {
		if pr.err != nil {
			return pr.err
		}
		res, err := e.Commit(ctx, pr.p)
		if err != nil {
			return err
		}
		if err := done(res); err != nil {
			return err
		}
	}
	return nil
}

// prepare turns a valid transcript into the record to store: a deep copy with
// PII redacted, so nothing the caller passed in is changed.
func (e *Engine) prepare(t *transcript.Transcript) *store.Record {
	c := t.Clone()
	c.StartedAt = c.StartedAt.UTC()
	counts := e.redactor.Transcript(c)
	counts.Add(e.redactParties(c))
	rec := &store.Record{Transcript: *c, IngestedAt: e.cfg.Now().UTC()}
	if counts.Total() > 0 {
		rec.Redactions = map[string]int{}
		for _, k := range redact.Kinds {
			if n := counts.Get(k); n > 0 {
				rec.Redactions[k.String()] = n
			}
		}
	}
	return rec
}

// redactParties keeps PII out of customer and agent ids and names, which the
// redactor leaves alone because they are usually plain names. An id that holds
// an e-mail address or a phone number becomes a stable pseudonym, so the same
// customer still groups together; a name is redacted like text.
func (e *Engine) redactParties(t *transcript.Transcript) redact.Counts {
	var total redact.Counts
	fix := func(p *transcript.Party) {
		if _, n := e.redactor.Text(p.ID); n.Total() > 0 {
			sum := sha256.Sum256([]byte(p.ID))
			p.ID = "pii-" + hex.EncodeToString(sum[:6])
			total.Add(n)
		}
		if red, n := e.redactor.Text(p.Name); n.Total() > 0 {
			p.Name = red
			total.Add(n)
		}
	}
	if t.Customer != nil {
		fix(t.Customer)
	}
	for i := range t.Agents {
		fix(&t.Agents[i])
	}
	return total
}

// applyToIndex indexes a committed store write. The write is already durable, so
// an index failure is not the caller's failure: it is logged, and the change log
// lets the index catch up on the next write or at the next start. Callers hold
// writeMu.
func (e *Engine) applyToIndex(docs []*index.Document, deletes []string, seq uint64, writes int) {
	if e.indexLagging {
		if err := e.catchUpIndex(); err != nil {
			e.log.Error("index still behind the store", "err", err)
			return
		}
		e.indexLagging = false
		e.untrimmed = 0
		return // catching up applied this write too
	}
	if err := e.index.Apply(docs, deletes, seq); err != nil {
		e.indexLagging = true
		e.log.Error("index update failed; it will catch up from the store", "err", err, "seq", seq)
		return
	}
	e.untrimmed += writes
	if e.untrimmed >= trimEvery {
		if err := e.store.TrimChanges(seq); err != nil {
			e.log.Warn("trim change log", "err", err)
			return
		}
		e.untrimmed = 0
	}
}

// parallel runs fn(0..n-1) on all cores.
func (e *Engine) parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// Get returns a stored transcript with its analysis, or ErrNotFound.
func (e *Engine) Get(id string) (*store.Record, error) {
	return e.store.Get(id)
}

// Delete removes a transcript from the store and the index, or returns ErrNotFound.
func (e *Engine) Delete(id string) error {
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	seq, err := e.store.Delete(id)
	if err != nil {
		return err
	}
	e.clusters.remove(id)
	e.applyToIndex(nil, []string{id}, seq, 1)
	return nil
}

// Stats is a quick count of what the engine holds.
type Stats struct {
	Transcripts int
	Indexed     uint64
}

// Counts returns how many transcripts are stored and indexed.
func (e *Engine) Counts() (Stats, error) {
	n, err := e.store.Count()
	if err != nil {
		return Stats{}, err
	}
	ix, err := e.index.DocCount()
	return Stats{Transcripts: n, Indexed: ix}, err
}

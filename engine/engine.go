package engine

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/frictionhq/friction/index"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/redact"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

// Errors callers can test for with errors.Is.
var (
	ErrNotFound = store.ErrNotFound
	// ErrInvalid marks bad input: a bad query, page token or filter.
	ErrInvalid = errors.New("invalid argument")
	// ErrDataDirInUse means another frictiond has the data directory open.
	ErrDataDirInUse = errors.New("data directory is in use by another frictiond")
)

// Config sets up an Engine.
type Config struct {
	DataDir string
	Logger  *slog.Logger      // nil: discard
	Limits  transcript.Limits // zero: transcript.DefaultLimits
	Now     func() time.Time  // nil: time.Now
	// Analyzer analyses transcripts; nil uses the embedded rule pack.
	Analyzer *nlp.Analyzer
	// SilentRatio is the number of silent customers assumed per customer who
	// made contact, for the affected-customer estimate; 0 means 30.
	SilentRatio float64
	// Redaction chooses which kinds of PII are replaced before anything is
	// stored or indexed; the zero value redacts every kind.
	Redaction redact.Config
}

// Engine is safe for concurrent use.
type Engine struct {
	cfg      Config
	log      *slog.Logger
	store    *store.Store
	index    *index.Index
	redactor *redact.Redactor
	analyzer *nlp.Analyzer
	clusters *clusters

	// writeMu serialises store writes with their index batches, so the index
	// applies changes in sequence order.
	writeMu      sync.Mutex
	untrimmed    int
	indexLagging bool
}

// trimEvery is how many writes may pile up in the store's change log before the
// entries the index has applied are dropped.
const trimEvery = 5000

// Open opens (or creates) the data directory, and rebuilds or catches up the
// index from the store.
func Open(cfg Config) (*Engine, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Limits == (transcript.Limits{}) {
		cfg.Limits = transcript.DefaultLimits
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	st, err := store.Open(filepath.Join(cfg.DataDir, "friction.db"))
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("%s: %w", cfg.DataDir, ErrDataDirInUse)
	}
	if err != nil {
		return nil, err
	}
	e := &Engine{cfg: cfg, log: cfg.Logger, store: st, redactor: redact.New(cfg.Redaction), analyzer: cfg.Analyzer}
	if e.analyzer == nil {
		if e.analyzer, err = nlp.Default(); err != nil {
			st.Close()
			return nil, fmt.Errorf("load the embedded rule pack: %w", err)
		}
	}
	e.log.Info("PII redaction", "redacting", redactedKinds(cfg.Redaction))
	e.log.Info("rules", "version", e.analyzer.RulesVersion())
	err = e.reanalyzeIfRulesChanged()
	if err == nil {
		err = e.loadClusters()
	}
	if err == nil {
		err = e.openIndex()
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return e, nil
}

// indexStamp names what the index's labels were derived with; a change rebuilds it.
func (e *Engine) indexStamp() string { return "rules:" + e.analyzer.RulesVersion() }

func (e *Engine) openIndex() error {
	dir := filepath.Join(e.cfg.DataDir, "index")
	ix, fresh, err := index.Open(dir, e.indexStamp())
	if err != nil {
		return err
	}
	e.index = ix
	if fresh {
		return e.rebuildIndex()
	}
	return e.catchUpIndex()
}

// rebuildIndex fills an empty index from every stored transcript.
func (e *Engine) rebuildIndex() error {
	start := time.Now()
	last, err := e.store.LastSeq()
	if err != nil {
		return err
	}
	const batch = 1000
	var docs []*index.Document
	n := 0
	flush := func() error {
		if err := e.index.Apply(docs, nil, 0); err != nil {
			return err
		}
		n += len(docs)
		docs = docs[:0]
		return nil
	}
	err = e.store.ForEach(func(rec *store.Record) error {
		docs = append(docs, e.document(rec, nil, nil))
		if len(docs) == batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = e.index.Apply(nil, nil, last)
	}
	if err != nil {
		return fmt.Errorf("rebuild index: %w", err)
	}
	if n > 0 {
		e.log.Info("index rebuilt from store", "transcripts", n, "took", time.Since(start).Round(time.Millisecond))
	}
	return e.store.TrimChanges(last)
}

// catchUpIndex applies the store changes the index missed (a crash between a
// store commit and its index batch).
func (e *Engine) catchUpIndex() error {
	applied, err := e.index.AppliedSeq()
	if err != nil {
		return err
	}
	last, err := e.store.LastSeq()
	if err != nil {
		return err
	}
	if applied >= last {
		return e.store.TrimChanges(applied)
	}
	oldest, err := e.store.OldestChange()
	if err != nil {
		return err
	}
	if oldest == 0 || oldest > applied+1 {
		// The log no longer reaches back far enough: rebuild from scratch.
		e.log.Warn("index too far behind the store; rebuilding", "applied", applied, "last", last)
		if err := e.index.Close(); err != nil {
			return err
		}
		dir := filepath.Join(e.cfg.DataDir, "index")
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		return e.openIndex()
	}
	ids := map[string]bool{}
	err = e.store.Changes(applied, func(_ uint64, id string) error {
		ids[id] = true
		return nil
	})
	if err != nil {
		return err
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	recs, err := e.store.GetMany(list)
	if err != nil {
		return err
	}
	var docs []*index.Document
	var deletes []string
	for i, rec := range recs {
		if rec == nil {
			deletes = append(deletes, list[i])
		} else {
			docs = append(docs, e.document(rec, nil, nil))
		}
	}
	if err := e.index.Apply(docs, deletes, last); err != nil {
		return fmt.Errorf("catch up index: %w", err)
	}
	e.log.Info("index caught up with store", "changes", len(list), "from_seq", applied, "to_seq", last)
	return e.store.TrimChanges(last)
}

// document builds the index document for a stored record: its text and
// metadata, and its analysis labels. a may be nil to decode the stored analysis;
// clusterIDs may be nil to look them up.
func (e *Engine) document(rec *store.Record, a *nlp.Analysis, clusterIDs []string) *index.Document {
	doc := index.NewDocument(&rec.Transcript)
	if a == nil {
		var err error
		if a, err = AnalysisOf(rec); err != nil {
			e.log.Warn("stored analysis unreadable; indexed without labels", "id", rec.Transcript.ID, "err", err)
		}
	}
	if a != nil && clusterIDs == nil {
		clusterIDs = e.clusters.idsFor(rec, a)
	}
	addLabels(doc, a, clusterIDs)
	return doc
}

// Close flushes and closes the index and the store.
func (e *Engine) Close() error {
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	errIndex := e.index.Close()
	errStore := e.store.Close()
	return errors.Join(errIndex, errStore)
}

// redactedKinds names the kinds of PII a redaction config replaces, for the log.
func redactedKinds(c redact.Config) string {
	var on []string
	for _, k := range []struct {
		name string
		off  bool
	}{{"card", c.DisableCards}, {"ssn", c.DisableSSNs}, {"email", c.DisableEmails}, {"phone", c.DisablePhones}} {
		if !k.off {
			on = append(on, k.name)
		}
	}
	if len(on) == 0 {
		return "nothing (redaction is off)"
	}
	return strings.Join(on, ", ")
}

package engine

import (
	"os"
	"path/filepath"
	"time"

	"github.com/frictionhq/friction/store"
)

// reanalyzeBatch is how many records one re-analysis transaction rewrites.
const reanalyzeBatch = 500

// reanalyzeIfRulesChanged re-analyses every stored transcript when the rules
// version differs from the one the stored analyses were made with, so history
// reads the same as new data. The index is rebuilt after it (its stamp names the
// rules version).
func (e *Engine) reanalyzeIfRulesChanged() error {
	stored, err := e.store.Meta(metaRulesVersion)
	if err != nil {
		return err
	}
	if stored == e.analyzer.RulesVersion() {
		return nil
	}
	n, err := e.store.Count()
	if err != nil {
		return err
	}
	if n > 0 {
		e.log.Info("rules changed; re-analysing stored transcripts", "from", stored, "to", e.analyzer.RulesVersion(), "transcripts", n)
		if _, err := e.Reanalyze(nil); err != nil {
			return err
		}
	}
	return e.store.SetMeta(metaRulesVersion, e.analyzer.RulesVersion())
}

// Reanalyze re-analyses every stored transcript with the current rules and
// rewrites it; progress, if not nil, is called after each batch with the count
// done and the total. It is meant for start-up and maintenance, before the index
// is opened or while it is rebuilt.
func (e *Engine) Reanalyze(progress func(done, total int)) (int, error) {
	start := time.Now()
	var ids []string
	err := e.store.ForEach(func(rec *store.Record) error {
		ids = append(ids, rec.Transcript.ID)
		return nil
	})
	if err != nil {
		return 0, err
	}
	for from := 0; from < len(ids); from += reanalyzeBatch {
		recs, err := e.store.GetMany(ids[from:min(from+reanalyzeBatch, len(ids))])
		if err != nil {
			return from, err
		}
		var kept []*store.Record
		for _, rec := range recs {
			if rec != nil {
				kept = append(kept, rec)
			}
		}
		e.parallel(len(kept), func(i int) { e.analyze(kept[i]) })
		if _, err := e.store.Put(kept); err != nil {
			return from, err
		}
		if progress != nil {
			progress(min(from+reanalyzeBatch, len(ids)), len(ids))
		}
	}
	e.log.Info("re-analysed stored transcripts", "transcripts", len(ids), "took", time.Since(start).Round(time.Millisecond))
	return len(ids), nil
}

// Reindex re-analyses every stored transcript with the current rules, rebuilds
// the search index from the store, and reclusters: everything derived is made
// anew from the source of truth.
func (e *Engine) Reindex(progress func(done, total int)) (int, error) {
	e.writeMu.Lock()
	defer e.writeMu.Unlock()
	n, err := e.Reanalyze(progress)
	if err != nil {
		return n, err
	}
	if err := e.store.SetMeta(metaRulesVersion, e.analyzer.RulesVersion()); err != nil {
		return n, err
	}
	if err := e.index.Close(); err != nil {
		return n, err
	}
	if err := os.RemoveAll(filepath.Join(e.cfg.DataDir, "index")); err != nil {
		return n, err
	}
	if err := e.loadClusters(); err != nil {
		return n, err
	}
	return n, e.openIndex()
}

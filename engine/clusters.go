package engine

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

// metaClusterRegistry is the store meta key of the cluster id registry, which
// keeps cluster ids stable across restarts and re-analysis.
const metaClusterRegistry = "cluster_registry"

// clusters holds every product-defect mention and the latest clustering of them.
// Clustering is redone lazily, when a question needs it after new data arrived.
type clusters struct {
	mu           sync.Mutex
	byTranscript map[string][]cluster.Mention
	reg          *cluster.Registry
	result       *cluster.Result
	dirty        bool
	opts         cluster.Options
}

// Mentions turns a transcript's product defects into clustering mentions, with
// ids "<transcript id>#<n>". The engine, make eval and the offline analyze
// command all build mentions here, so they cluster alike.
func Mentions(t *transcript.Transcript, a *nlp.Analysis) []cluster.Mention {
	if a == nil {
		return nil
	}
	var score *float64
	if t.Survey != nil {
		s := t.Survey.Normalized()
		score = &s
	}
	src := cluster.Source{TranscriptID: t.ID, CustomerID: t.CustomerID(), At: t.StartedAt, Channel: string(t.Channel),
		Product: cluster.ProductOf(t.Metadata), Noun: a.Product, Terms: a.ProductTerms, Masked: a.Masked, Score: score}
	if len(a.Defects()) > 0 {
		src.Words = transcriptWords(t)
	}
	var ds []cluster.Defect
	for _, f := range a.Defects() {
		d := cluster.Defect{Component: f.Component, Symptom: f.Symptom, Signature: f.Signature, Safety: f.Safety, AlsoSaid: f.AlsoSaid}
		for _, ev := range f.Evidence {
			d.Evidence = append(d.Evidence, cluster.Evidence{Turn: ev.Turn, Start: ev.Start, End: ev.End, Text: ev.Text, Rule: ev.Rule})
		}
		ds = append(ds, d)
	}
	return cluster.MentionsFrom(src, ds)
}

// transcriptWords are the words of what the customer and agents said and of
// the survey comment: clustering tells a product's faults apart by them.
func transcriptWords(t *transcript.Transcript) []string {
	texts := make([]string, 0, len(t.Turns)+1)
	for _, turn := range t.Turns {
		if turn.Speaker == transcript.Customer || turn.Speaker == transcript.Agent {
			texts = append(texts, turn.Text)
		}
	}
	if t.Survey != nil {
		texts = append(texts, t.Survey.Comment)
	}
	return cluster.Words(texts...)
}

func mentions(rec *store.Record, a *nlp.Analysis) []cluster.Mention {
	return Mentions(&rec.Transcript, a)
}

// loadClusters reads every stored analysis into mentions and the id registry
// from the store.
func (e *Engine) loadClusters() error {
	c := &clusters{byTranscript: map[string][]cluster.Mention{}, dirty: true}
	raw, err := e.store.Meta(metaClusterRegistry)
	if err != nil {
		return err
	}
	if raw == "" {
		c.reg = cluster.NewRegistry()
	} else if c.reg, err = cluster.LoadRegistry([]byte(raw)); err != nil {
		e.log.Warn("cluster registry unreadable; cluster ids start afresh", "err", err)
		c.reg = cluster.NewRegistry()
	}
	err = e.store.ForEach(func(rec *store.Record) error {
		a, err := AnalysisOf(rec)
		if err != nil {
			return err
		}
		if ms := mentions(rec, a); len(ms) > 0 {
			c.byTranscript[rec.Transcript.ID] = ms
		}
		return nil
	})
	if err != nil {
		return err
	}
	e.clusters = c
	return nil
}

// update records the defects of stored (or replaced) transcripts and returns,
// per record, the cluster id of each of its defects for the index.
func (c *clusters) update(recs []*store.Record, as []*nlp.Analysis) [][]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([][]string, len(recs))
	for i, rec := range recs {
		ms := mentions(rec, as[i])
		id := rec.Transcript.ID
		if len(ms) == 0 {
			if _, had := c.byTranscript[id]; had {
				delete(c.byTranscript, id)
				c.dirty = true
			}
			continue
		}
		c.byTranscript[id] = ms
		c.dirty = true
		ids[i] = c.idsLocked(ms)
	}
	return ids
}

// idsFor returns the cluster ids of a stored transcript's defects, in order.
func (c *clusters) idsFor(rec *store.Record, a *nlp.Analysis) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.idsLocked(mentions(rec, a))
}

func (c *clusters) idsLocked(ms []cluster.Mention) []string {
	if len(ms) == 0 {
		return nil
	}
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = c.reg.Resolve(c.reg.Assign(m, c.opts))
	}
	return ids
}

func (c *clusters) remove(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byTranscript[id]; ok {
		delete(c.byTranscript, id)
		c.dirty = true
	}
}

// current returns the clustering of every mention, redoing it if data changed,
// and saves the registry so ids survive a restart.
func (e *Engine) currentClusters() (*cluster.Result, error) {
	c := e.clusters
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty && c.result != nil {
		return c.result, nil
	}
	tids := make([]string, 0, len(c.byTranscript))
	n := 0
	for id, ms := range c.byTranscript {
		tids = append(tids, id)
		n += len(ms)
	}
	sort.Strings(tids) // the same data always clusters the same way
	all := make([]cluster.Mention, 0, n)
	for _, id := range tids {
		all = append(all, c.byTranscript[id]...)
	}
	c.result = cluster.Run(all, c.reg, c.opts)
	c.dirty = false
	data, err := c.reg.Bytes()
	if err == nil {
		err = e.store.SetMeta(metaClusterRegistry, string(data))
	}
	if err != nil {
		return nil, fmt.Errorf("save cluster registry: %w", err)
	}
	return c.result, nil
}

// ClusterQuery selects and orders defect clusters.
type ClusterQuery struct {
	Window     cluster.Window
	Sort       cluster.Sort
	SafetyOnly bool
	PageSize   int
	PageToken  string
}

// ListClusters returns the defect clusters active in a window.
func (e *Engine) ListClusters(q ClusterQuery) (page []cluster.Stats, total int, next string, err error) {
	res, err := e.currentClusters()
	if err != nil {
		return nil, 0, "", err
	}
	all := res.Stats(q.Window, e.statsOptions(0))
	if q.SafetyOnly {
		kept := all[:0]
		for _, s := range all {
			if s.Safety {
				kept = append(kept, s)
			}
		}
		all = kept
	}
	cluster.SortStats(all, q.Sort)
	page, next, err = cluster.Page(all, q.PageSize, q.PageToken)
	if errors.Is(err, cluster.ErrPageToken) {
		return nil, 0, "", fmt.Errorf("%w: page_token is not from this listing", ErrInvalid)
	}
	return page, len(all), next, err
}

// GetCluster returns one cluster's statistics in a window, or ErrNotFound.
func (e *Engine) GetCluster(id string, w cluster.Window, examples int) (cluster.Stats, error) {
	res, err := e.currentClusters()
	if err != nil {
		return cluster.Stats{}, err
	}
	s, ok := res.StatsOf(id, w, e.statsOptions(examples))
	if !ok {
		return cluster.Stats{}, fmt.Errorf("defect cluster %q: %w", id, ErrNotFound)
	}
	return s, nil
}

// TranscriptClusterIDs returns the cluster id of each product defect of a
// stored transcript, in the order of its analysis's defects.
func (e *Engine) TranscriptClusterIDs(rec *store.Record, a *nlp.Analysis) []string {
	res, err := e.currentClusters()
	if err != nil || a == nil {
		return e.clusters.idsFor(rec, a)
	}
	ms := mentions(rec, a)
	ids := make([]string, len(ms))
	var assigned []string // registry ids, looked up once if any mention is not clustered
	for i, m := range ms {
		if c, ok := res.ClusterOf(m.ID); ok {
			ids[i] = c
			continue
		}
		if assigned == nil {
			assigned = e.clusters.idsFor(rec, a)
		}
		ids[i] = assigned[i]
	}
	return ids
}

// AssignClusterIDs returns the cluster id of each product defect of a
// transcript that is not stored (AnalyzeTranscript), from the id registry
// alone: the id its signature is registered under, else that of the most
// similar root cause. Unlike TranscriptClusterIDs it never re-clusters, so
// an ad-hoc analysis costs the same during a long ingest as at rest.
func (e *Engine) AssignClusterIDs(rec *store.Record, a *nlp.Analysis) []string {
	if a == nil {
		return nil
	}
	return e.clusters.idsFor(rec, a)
}

func (e *Engine) statsOptions(examples int) cluster.StatsOptions {
	return cluster.StatsOptions{SilentRatio: e.cfg.SilentRatio, Examples: examples}
}

package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

const (
	internalAppliedSeq = "friction_applied_seq"
	internalMapping    = "friction_mapping_version"
	internalStamp      = "friction_stamp"
)

// Index is a Bleve index of transcripts. It is safe for concurrent use.
type Index struct {
	bi   bleve.Index
	path string
}

// Open opens the index at dir, creating it when missing. Fresh is true when the
// index was created (or recreated because its mapping version or stamp changed),
// so the caller must fill it from the store. The stamp is the caller's own
// version marker (for example the rules version whose labels the index holds).
func Open(dir, stamp string) (ix *Index, fresh bool, err error) {
	if _, statErr := os.Stat(dir); statErr == nil {
		bi, err := bleve.Open(dir)
		if err == nil {
			mv, _ := bi.GetInternal([]byte(internalMapping))
			st, _ := bi.GetInternal([]byte(internalStamp))
			if string(mv) == MappingVersion && string(st) == stamp {
				return &Index{bi: bi, path: dir}, false, nil
			}
			bi.Close()
		}
		// Unreadable or from another version: derived data, so rebuild it.
		if err := os.RemoveAll(dir); err != nil {
			return nil, false, fmt.Errorf("remove stale index %s: %w", dir, err)
		}
	}
	m, err := newMapping()
	if err != nil {
		return nil, false, err
	}
	bi, err := bleve.New(dir, m)
	if err != nil {
		return nil, false, fmt.Errorf("create index %s: %w", dir, err)
	}
	b := bi.NewBatch()
	b.SetInternal([]byte(internalMapping), []byte(MappingVersion))
	b.SetInternal([]byte(internalStamp), []byte(stamp))
	b.SetInternal([]byte(internalAppliedSeq), []byte("0"))
	if err := bi.Batch(b); err != nil {
		bi.Close()
		return nil, false, err
	}
	return &Index{bi: bi, path: dir}, true, nil
}

// Close flushes and closes the index.
func (ix *Index) Close() error { return ix.bi.Close() }

// AppliedSeq returns the store change sequence the index has applied up to.
func (ix *Index) AppliedSeq() (uint64, error) {
	v, err := ix.bi.GetInternal([]byte(internalAppliedSeq))
	if err != nil || len(v) == 0 {
		return 0, err
	}
	return strconv.ParseUint(string(v), 10, 64)
}

// Apply indexes docs and removes deletes in one batch and records appliedSeq as
// the store sequence now reflected. The batch is durable when Apply returns.
func (ix *Index) Apply(docs []*Document, deletes []string, appliedSeq uint64) error {
	b := ix.bi.NewBatch()
	for _, d := range docs {
		if err := b.Index(d.ID, d.fields); err != nil {
			return fmt.Errorf("index %q: %w", d.ID, err)
		}
	}
	for _, id := range deletes {
		b.Delete(id)
	}
	b.SetInternal([]byte(internalAppliedSeq), []byte(strconv.FormatUint(appliedSeq, 10)))
	return ix.bi.Batch(b)
}

// DocCount returns the number of indexed transcripts.
func (ix *Index) DocCount() (uint64, error) { return ix.bi.DocCount() }

// Sort orders search hits.
type Sort int

// The sort orders.
const (
	ByRelevance Sort = iota
	ByNewest
	ByOldest
	ByScoreAscending
	ByScoreDescending
)

// Filter keeps hits whose keyword field has any of Values.
type Filter struct {
	Field  string
	Values []string
}

// Query is one search.
type Query struct {
	Text     string // Bleve query-string syntax; empty matches all
	Filters  []Filter
	Start    time.Time // inclusive; zero for no bound
	End      time.Time // exclusive; zero for no bound
	MinScore *float64  // normalised survey score bounds, inclusive
	MaxScore *float64
	Facets   []string // facet names: see FacetNames
	Sort     Sort
	Size     int
	// Paging: After holds the sort values of the previous page's last hit (deep
	// paging without skipping); From is used instead for survey-score sorts, where
	// a transcript with no survey has no sort value to resume from.
	After []string
	From  int
}

// FacetNames lists the facets Search can compute.
var FacetNames = []string{"channel", "queue", "agent", "category", "cluster", "masked", "driver", "safety", "survey_score", "date"}

// Result is one page of hits.
type Result struct {
	Total  uint64
	Hits   []Hit
	Next   []string // sort values to pass as After for the next page; nil on the last
	More   bool     // there is a next page
	Facets []Facet
	Took   time.Duration
}

// Hit is one matching transcript.
type Hit struct {
	ID      string
	Score   float64
	Matches []Match
}

// Match is one matched term: the turn it is in and its byte offsets in that turn's text.
type Match struct {
	Field      string
	Turn       int
	Start, End int
}

// Facet counts hits by one field.
type Facet struct {
	Name    string
	Buckets []Bucket
	Missing int64
	Other   int64
}

// Bucket is one facet value and its count.
type Bucket struct {
	Key   string
	Count int64
}

// ErrBadQuery wraps query-string syntax errors, so callers can tell bad input
// from a failing index.
var ErrBadQuery = errors.New("bad query")

// Search runs q.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	var conj []query.Query
	if q.Text != "" {
		qs := bleve.NewQueryStringQuery(q.Text)
		if _, err := qs.Parse(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
		}
		conj = append(conj, qs)
	}
	for _, f := range q.Filters {
		if len(f.Values) == 0 {
			continue
		}
		var dis []query.Query
		for _, v := range f.Values {
			tq := bleve.NewTermQuery(v)
			tq.SetField(f.Field)
			dis = append(dis, tq)
		}
		conj = append(conj, bleve.NewDisjunctionQuery(dis...))
	}
	if !q.Start.IsZero() || !q.End.IsZero() {
		yes, no := true, false
		dq := bleve.NewDateRangeInclusiveQuery(q.Start, q.End, &yes, &no)
		dq.SetField(FieldStartedAt)
		conj = append(conj, dq)
	}
	if q.MinScore != nil || q.MaxScore != nil {
		yes := true
		nq := bleve.NewNumericRangeInclusiveQuery(q.MinScore, q.MaxScore, &yes, &yes)
		nq.SetField(FieldSurvey)
		conj = append(conj, nq)
	}
	var root query.Query
	switch len(conj) {
	case 0:
		root = bleve.NewMatchAllQuery()
	case 1:
		root = conj[0]
	default:
		root = bleve.NewConjunctionQuery(conj...)
	}

	size := q.Size
	if size <= 0 {
		size = 20
	}
	req := bleve.NewSearchRequestOptions(root, size+1, q.From, false)
	req.IncludeLocations = q.Text != ""
	req.SortByCustom(sortOrder(q.Sort))
	if len(q.After) > 0 {
		if q.From > 0 {
			return nil, fmt.Errorf("%w: both After and From set", ErrBadQuery)
		}
		req.SetSearchAfter(q.After)
	}
	facetRanges, err := ix.addFacets(ctx, req, q)
	if err != nil {
		return nil, err
	}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &Result{Total: res.Total, Took: res.Took}
	for i, h := range res.Hits {
		if i == size {
			out.More = true
			if q.Sort != ByScoreAscending && q.Sort != ByScoreDescending {
				next, err := afterValues(q.Sort, res.Hits[size-1])
				if err != nil {
					return nil, err
				}
				out.Next = next
			}
			break
		}
		out.Hits = append(out.Hits, Hit{ID: h.ID, Score: h.Score, Matches: matches(h)})
	}
	out.Facets = facets(res.Facets, q.Facets, facetRanges)
	return out, nil
}

func sortOrder(s Sort) search.SortOrder {
	byID := &search.SortDocID{}
	field := func(name string, desc bool, typ search.SortFieldType) *search.SortField {
		return &search.SortField{Field: name, Desc: desc, Type: typ, Missing: search.SortFieldMissingLast}
	}
	switch s {
	case ByNewest:
		return search.SortOrder{field(FieldStartedAt, true, search.SortFieldAsDate), byID}
	case ByOldest:
		return search.SortOrder{field(FieldStartedAt, false, search.SortFieldAsDate), byID}
	case ByScoreAscending:
		return search.SortOrder{field(FieldSurvey, false, search.SortFieldAsNumber), byID}
	case ByScoreDescending:
		return search.SortOrder{field(FieldSurvey, true, search.SortFieldAsNumber), byID}
	}
	return search.SortOrder{&search.SortScore{Desc: true}, byID}
}

func matches(h *search.DocumentMatch) []Match {
	var out []Match
	for field, terms := range h.Locations {
		for _, locs := range terms {
			for _, l := range locs {
				turn := 0
				if len(l.ArrayPositions) > 0 {
					turn = int(l.ArrayPositions[0])
				}
				if field == FieldSubject {
					turn = -1
				}
				out = append(out, Match{Field: field, Turn: turn, Start: int(l.Start), End: int(l.End)})
			}
		}
	}
	return out
}

// afterValues turns a hit's sort values into the form SearchAfter reads: the
// score as a number (the hit says only "_score") and dates as RFC 3339 text
// rather than Bleve's prefix-coded terms.
func afterValues(s Sort, h *search.DocumentMatch) ([]string, error) {
	out := append([]string(nil), h.Sort...)
	if len(out) == 0 {
		return out, nil
	}
	if s == ByRelevance {
		out[0] = strconv.FormatFloat(h.Score, 'g', -1, 64)
	}
	if s == ByNewest || s == ByOldest {
		t, err := decodeDateSort(out[0])
		if err != nil {
			return nil, err
		}
		out[0] = t.Format(time.RFC3339Nano)
	}
	return out, nil
}

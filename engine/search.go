package engine

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/frictionhq/friction/index"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

// MaxPageSize bounds one page of search hits.
const MaxPageSize = 500

// SearchRequest is a search with its filters and paging.
type SearchRequest struct {
	Query      string // Bleve query-string syntax
	Channels   []transcript.Channel
	Start, End time.Time // End exclusive; zero for open
	Queues     []string
	AgentIDs   []string
	Categories []string
	ClusterIDs []string
	Masked     *bool
	MinScore   *float64 // normalised survey score, inclusive
	MaxScore   *float64
	Facets     []string
	Sort       index.Sort
	PageSize   int // 0: 20
	PageToken  string
}

// SearchHit is one matching transcript with the snippets around its matches.
type SearchHit struct {
	Record   *store.Record
	Score    float64
	Snippets []index.Snippet
}

// SearchResult is one page.
type SearchResult struct {
	Hits          []SearchHit
	Total         uint64
	NextPageToken string
	Facets        []index.Facet
	Took          time.Duration
}

// snippetsPerHit bounds the snippets shown for one transcript.
const snippetsPerHit = 3

// pageToken is the opaque paging state handed to clients.
type pageToken struct {
	After []string `json:"a,omitempty"`
	From  int      `json:"f,omitempty"`
	Query uint32   `json:"q"` // hash of the request, so a token is not reused with another query
}

// Search runs a search and loads the hits from the store.
func (e *Engine) Search(ctx context.Context, req SearchRequest) (*SearchResult, error) {
	start := time.Now()
	if req.PageSize < 0 || req.PageSize > MaxPageSize {
		return nil, fmt.Errorf("%w: page_size must be 0..%d", ErrInvalid, MaxPageSize)
	}
	if !req.Start.IsZero() && !req.End.IsZero() && !req.Start.Before(req.End) {
		return nil, fmt.Errorf("%w: window start must be before its end", ErrInvalid)
	}
	q := index.Query{
		Text:     req.Query,
		Start:    req.Start,
		End:      req.End,
		MinScore: req.MinScore,
		MaxScore: req.MaxScore,
		Facets:   req.Facets,
		Sort:     req.Sort,
		Size:     req.PageSize,
	}
	channels := make([]string, len(req.Channels))
	for i, c := range req.Channels {
		channels[i] = string(c)
	}
	q.Filters = []index.Filter{
		{Field: index.FieldChannel, Values: channels},
		{Field: index.FieldQueue, Values: req.Queues},
		{Field: index.FieldAgentID, Values: req.AgentIDs},
		{Field: index.FieldCategory, Values: req.Categories},
		{Field: index.FieldCluster, Values: req.ClusterIDs},
	}
	if req.Masked != nil {
		q.Filters = append(q.Filters, index.Filter{Field: index.FieldMasked, Values: []string{fmt.Sprint(*req.Masked)}})
	}
	fingerprint := requestHash(req)
	if req.PageToken != "" {
		tok, err := decodePageToken(req.PageToken)
		if err != nil || tok.Query != fingerprint {
			return nil, fmt.Errorf("%w: page_token is not from this search", ErrInvalid)
		}
		q.After, q.From = tok.After, tok.From
	}
	res, err := e.index.Search(ctx, q)
	if errors.Is(err, index.ErrBadQuery) || errors.Is(err, index.ErrUnknownFacet) {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Total: res.Total, Facets: res.Facets}
	if res.More {
		tok := pageToken{Query: fingerprint}
		if res.Next != nil {
			tok.After = res.Next
		} else {
			tok.From = q.From + len(res.Hits)
		}
		out.NextPageToken = encodePageToken(tok)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	recs, err := e.store.GetMany(ids)
	if err != nil {
		return nil, err
	}
	for i, h := range res.Hits {
		if recs[i] == nil {
			continue // deleted between the search and the load
		}
		out.Hits = append(out.Hits, SearchHit{
			Record:   recs[i],
			Score:    h.Score,
			Snippets: index.Snippets(&recs[i].Transcript, h.Matches, snippetsPerHit),
		})
	}
	out.Took = time.Since(start)
	return out, nil
}

func requestHash(req SearchRequest) uint32 {
	req.PageToken, req.PageSize = "", 0
	data, _ := json.Marshal(req)
	h := fnv.New32a()
	h.Write(data)
	return h.Sum32()
}

func encodePageToken(t pageToken) string {
	data, _ := json.Marshal(t)
	return base64.RawURLEncoding.EncodeToString(data)
}

func decodePageToken(s string) (pageToken, error) {
	var t pageToken
	data, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return t, err
	}
	err = json.Unmarshal(data, &t)
	return t, err
}

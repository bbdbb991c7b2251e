package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/frictionhq/friction/apiconv"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/index"
	"github.com/frictionhq/friction/ingest"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/transcript"
)

// IngestTranscripts stores each request message's batch before acknowledging
// it, so everything acknowledged in the response is already durable. The next
// message is received and analysed while the current one is written.
func (s *Service) IngestTranscripts(stream pb.FrictionService_IngestTranscriptsServer) error {
	resp := &pb.IngestTranscriptsResponse{}
	// pending carries each message's result skeleton from the reader to the
	// writer, in order.
	type message struct {
		results  []*pb.IngestResult // one per transcript sent to the engine
		rejected []*pb.IngestResult // records of raw documents that did not parse
	}
	pending := make(chan message, 4)
	index := 0
	next := func() ([]*transcript.Transcript, error) {
		req, err := stream.Recv()
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if n := len(req.GetTranscripts()) + len(req.GetDocuments()); n > s.opts.MaxBatch {
			return nil, status.Errorf(codes.ResourceExhausted, "a request message holds %d transcripts and documents, at most %d allowed; split the batch", n, s.opts.MaxBatch)
		}
		batch := []*transcript.Transcript{}
		var m message
		for _, p := range req.GetTranscripts() {
			batch = append(batch, apiconv.TranscriptFromProto(p))
			m.results = append(m.results, &pb.IngestResult{Index: int32(index), Id: p.GetId()})
			index++
		}
		for _, doc := range req.GetDocuments() {
			err := readDocument(doc, func(rec ingest.Record) error {
				r := &pb.IngestResult{Document: doc.GetName(), Line: int32(rec.Line), Index: -1}
				if rec.Err != nil {
					r.Id = rec.Err.ID
					r.Status = pb.IngestResult_STATUS_REJECTED
					r.Violations = violationsToProto(rec.Err.Violations)
					m.rejected = append(m.rejected, r)
					return nil
				}
				r.Id = rec.Transcript.ID
				batch = append(batch, rec.Transcript)
				m.results = append(m.results, r)
				return nil
			})
			if err != nil {
				m.rejected = append(m.rejected, &pb.IngestResult{Document: doc.GetName(), Index: -1, Status: pb.IngestResult_STATUS_REJECTED,
					Violations: []*pb.FieldViolation{{Description: err.Error()}}})
			}
		}
		pending <- m
		return batch, nil
	}
	done := func(out []engine.IngestResult) error {
		m := <-pending
		for i, r := range out {
			res := m.results[i]
			if r.Stored {
				res.Status = pb.IngestResult_STATUS_STORED
				res.Replaced = r.Replaced
				resp.StoredCount++
			} else {
				res.Status = pb.IngestResult_STATUS_REJECTED
				res.Violations = violationsToProto(r.Rejected.Violations)
				resp.RejectedCount++
			}
		}
		resp.Results = append(resp.Results, m.results...)
		resp.Results = append(resp.Results, m.rejected...)
		resp.RejectedCount += int32(len(m.rejected))
		return nil
	}
	err := s.eng.IngestStream(stream.Context(), next, done)
	s.opts.Metrics.countIngest(int(resp.StoredCount), int(resp.RejectedCount))
	if err != nil {
		return toStatus(s.log, "IngestTranscripts", err)
	}
	return stream.SendAndClose(resp)
}

// readDocument parses a raw document in any format ingest knows; the format is
// detected from the name and content unless the document names it. A document
// with no date of its own is dated now.
func readDocument(doc *pb.RawDocument, fn func(ingest.Record) error) error {
	name := doc.GetName()
	if name == "" {
		name = "document"
	}
	format, err := ingest.ParseFormat(doc.GetFormat())
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	opts := ingest.Options{Format: format, DefaultStartedAt: time.Now().UTC()}
	return ingest.Read(bytes.NewReader(doc.GetContent()), name, opts, fn)
}

func violationsToProto(vs []transcript.FieldViolation) []*pb.FieldViolation {
	out := make([]*pb.FieldViolation, len(vs))
	for i, v := range vs {
		out[i] = &pb.FieldViolation{Field: v.Field, Description: v.Description}
	}
	return out
}

// GetTranscript returns a stored transcript.
func (s *Service) GetTranscript(ctx context.Context, req *pb.GetTranscriptRequest) (*pb.GetTranscriptResponse, error) {
	if req.GetId() == "" {
		return nil, requiredField("id")
	}
	rec, err := s.eng.Get(req.GetId())
	if errors.Is(err, engine.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "transcript %q not found", req.GetId())
	}
	if err != nil {
		return nil, toStatus(s.log, "GetTranscript", err)
	}
	analysis, err := s.analysisOf(rec)
	if err != nil {
		return nil, toStatus(s.log, "GetTranscript", err)
	}
	return &pb.GetTranscriptResponse{
		Transcript: apiconv.TranscriptToProto(&rec.Transcript),
		Analysis:   analysis,
		IngestedAt: timestamppb.New(rec.IngestedAt),
	}, nil
}

// DeleteTranscript removes a transcript from the store and the index.
func (s *Service) DeleteTranscript(ctx context.Context, req *pb.DeleteTranscriptRequest) (*pb.DeleteTranscriptResponse, error) {
	if req.GetId() == "" {
		return nil, requiredField("id")
	}
	err := s.eng.Delete(req.GetId())
	if errors.Is(err, engine.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "transcript %q not found", req.GetId())
	}
	if err != nil {
		return nil, toStatus(s.log, "DeleteTranscript", err)
	}
	return &pb.DeleteTranscriptResponse{}, nil
}

var sortFromProto = map[pb.SearchSort]index.Sort{
	pb.SearchSort_SEARCH_SORT_UNSPECIFIED:      index.ByRelevance,
	pb.SearchSort_SEARCH_SORT_RELEVANCE:        index.ByRelevance,
	pb.SearchSort_SEARCH_SORT_NEWEST:           index.ByNewest,
	pb.SearchSort_SEARCH_SORT_OLDEST:           index.ByOldest,
	pb.SearchSort_SEARCH_SORT_SCORE_ASCENDING:  index.ByScoreAscending,
	pb.SearchSort_SEARCH_SORT_SCORE_DESCENDING: index.ByScoreDescending,
}

// SearchTranscripts runs a search.
func (s *Service) SearchTranscripts(ctx context.Context, req *pb.SearchTranscriptsRequest) (*pb.SearchTranscriptsResponse, error) {
	sort, ok := sortFromProto[req.GetSort()]
	if !ok {
		return nil, badRequest("unknown sort", transcript.FieldViolation{Field: "sort", Description: fmt.Sprintf("unknown value %d", req.GetSort())})
	}
	sr := engine.SearchRequest{
		Query:      req.GetQuery(),
		Queues:     req.GetQueues(),
		AgentIDs:   req.GetAgentIds(),
		ClusterIDs: req.GetClusterIds(),
		Masked:     req.Masked,
		MinScore:   req.MinSurveyScore,
		MaxScore:   req.MaxSurveyScore,
		Facets:     req.GetFacets(),
		Sort:       sort,
		PageSize:   int(req.GetPageSize()),
		PageToken:  req.GetPageToken(),
	}
	for _, c := range req.GetChannels() {
		ch := apiconv.ChannelFromProto(c)
		if ch == "" || apiconv.ChannelToProto(ch) == 0 {
			return nil, badRequest("unknown channel", transcript.FieldViolation{Field: "channels", Description: fmt.Sprintf("unknown channel %v", c)})
		}
		sr.Channels = append(sr.Channels, ch)
	}
	for _, c := range req.GetCategories() {
		sr.Categories = append(sr.Categories, CategoryName(c))
	}
	if w := req.GetWindow(); w != nil {
		if w.GetStartTime() != nil {
			sr.Start = w.GetStartTime().AsTime()
		}
		if w.GetEndTime() != nil {
			sr.End = w.GetEndTime().AsTime()
		}
	}
	res, err := s.eng.Search(ctx, sr)
	if err != nil {
		return nil, toStatus(s.log, "SearchTranscripts", err)
	}
	out := &pb.SearchTranscriptsResponse{
		TotalSize:     int64(res.Total),
		NextPageToken: res.NextPageToken,
		TookMicros:    res.Took.Microseconds(),
	}
	for _, h := range res.Hits {
		t := &h.Record.Transcript
		hit := &pb.SearchHit{
			Id:         t.ID,
			Score:      h.Score,
			Channel:    apiconv.ChannelToProto(t.Channel),
			StartedAt:  apiconv.TimestampOrNil(t.StartedAt),
			CustomerId: t.CustomerID(),
			Queue:      t.Queue,
			Subject:    t.Subject,
			Survey:     apiconv.SurveyToProto(t.Survey),
		}
		for _, a := range t.Agents {
			hit.Agents = append(hit.Agents, &pb.Party{Id: a.ID, Name: a.Name})
		}
		for _, sn := range h.Snippets {
			p := &pb.Snippet{Turn: int32(sn.Turn), Speaker: apiconv.SpeakerToProto(sn.Speaker), Text: sn.Text}
			for _, r := range sn.Highlights {
				p.Highlights = append(p.Highlights, &pb.TextRange{Start: int32(r[0]), End: int32(r[1])})
			}
			hit.Snippets = append(hit.Snippets, p)
		}
		out.Hits = append(out.Hits, hit)
	}
	for _, f := range res.Facets {
		pf := &pb.Facet{Name: f.Name, Missing: f.Missing, Other: f.Other}
		for _, b := range f.Buckets {
			pf.Buckets = append(pf.Buckets, &pb.FacetBucket{Key: b.Key, Count: b.Count})
		}
		out.Facets = append(out.Facets, pf)
	}
	return out, nil
}

// CategoryName is the index term for a category enum: "product_defect".
func CategoryName(c pb.Category) string {
	name := c.String()
	const prefix = "CATEGORY_"
	if len(name) > len(prefix) && name[:len(prefix)] == prefix {
		name = name[len(prefix):]
	}
	return string(bytes.ToLower([]byte(name)))
}

package server

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/frictionhq/friction/apiconv"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/ingest"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

// analysisOf converts a stored record's analysis with its redactions and
// cluster ids.
func (s *Service) analysisOf(rec *store.Record) (*pb.Analysis, error) {
	a, err := engine.AnalysisOf(rec)
	if err != nil || a == nil {
		return nil, err
	}
	return apiconv.AnalysisWithContextToProto(a, rec.Redactions, s.eng.TranscriptClusterIDs(rec, a)), nil
}

// AnalyzeTranscript analyses a transcript, given as a message or a raw document,
// without storing it.
func (s *Service) AnalyzeTranscript(ctx context.Context, req *pb.AnalyzeTranscriptRequest) (*pb.AnalyzeTranscriptResponse, error) {
	var t *transcript.Transcript
	switch in := req.GetInput().(type) {
	case *pb.AnalyzeTranscriptRequest_Transcript:
		t = apiconv.TranscriptFromProto(in.Transcript)
	case *pb.AnalyzeTranscriptRequest_Document:
		var parsed []*transcript.Transcript
		var bad *ingest.RecordError
		err := readDocument(in.Document, func(rec ingest.Record) error {
			if rec.Err != nil && bad == nil {
				bad = rec.Err
			}
			if rec.Transcript != nil {
				parsed = append(parsed, rec.Transcript)
			}
			return nil
		})
		switch {
		case err != nil:
			return nil, badRequest(err.Error(), transcript.FieldViolation{Field: "document", Description: err.Error()})
		case bad != nil:
			return nil, badRequest(bad.Error(), bad.Violations...)
		case len(parsed) != 1:
			return nil, badRequest(fmt.Sprintf("the document holds %d transcripts; AnalyzeTranscript takes one", len(parsed)),
				transcript.FieldViolation{Field: "document", Description: "must hold exactly one transcript"})
		}
		t = parsed[0]
	default:
		return nil, requiredField("transcript")
	}
	rec, a, err := s.eng.Analyze(t)
	if err != nil {
		return nil, toStatus(s.log, "AnalyzeTranscript", err)
	}
	return &pb.AnalyzeTranscriptResponse{
		Transcript: apiconv.TranscriptToProto(&rec.Transcript),
		Analysis:   apiconv.AnalysisWithContextToProto(a, rec.Redactions, s.eng.AssignClusterIDs(rec, a)),
	}, nil
}

// ListDefectClusters lists the defect clusters active in a window.
func (s *Service) ListDefectClusters(ctx context.Context, req *pb.ListDefectClustersRequest) (*pb.ListDefectClustersResponse, error) {
	sortBy, ok := apiconv.ClusterSortFromProto(req.GetSort())
	if !ok {
		return nil, badRequest("unknown sort", transcript.FieldViolation{Field: "sort", Description: fmt.Sprintf("unknown value %d", req.GetSort())})
	}
	if req.GetPageSize() < 0 || req.GetPageSize() > 1000 {
		return nil, badRequest("page_size out of range", transcript.FieldViolation{Field: "page_size", Description: "must be 0..1000"})
	}
	w := apiconv.WindowFromProto(req.GetWindow())
	if !w.Start.IsZero() && !w.End.IsZero() && !w.Start.Before(w.End) {
		return nil, badRequest("empty window", transcript.FieldViolation{Field: "window", Description: "start_time must be before end_time"})
	}
	page, total, next, err := s.eng.ListClusters(engine.ClusterQuery{
		Window: w, Sort: sortBy, SafetyOnly: req.GetSafetyOnly(), PageSize: int(req.GetPageSize()), PageToken: req.GetPageToken(),
	})
	if err != nil {
		return nil, toStatus(s.log, "ListDefectClusters", err)
	}
	out := &pb.ListDefectClustersResponse{TotalSize: int64(total), NextPageToken: next}
	for i := range page {
		out.Clusters = append(out.Clusters, apiconv.ClusterToProto(&page[i], s.surveyOf))
	}
	return out, nil
}

// GetDefectCluster returns one cluster with its trend and examples.
func (s *Service) GetDefectCluster(ctx context.Context, req *pb.GetDefectClusterRequest) (*pb.GetDefectClusterResponse, error) {
	if req.GetId() == "" {
		return nil, requiredField("id")
	}
	if req.GetExampleCount() < 0 || req.GetExampleCount() > 100 {
		return nil, badRequest("example_count out of range", transcript.FieldViolation{Field: "example_count", Description: "must be 0..100"})
	}
	st, err := s.eng.GetCluster(req.GetId(), apiconv.WindowFromProto(req.GetWindow()), int(req.GetExampleCount()))
	if errors.Is(err, engine.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "defect cluster %q not found", req.GetId())
	}
	if err != nil {
		return nil, toStatus(s.log, "GetDefectCluster", err)
	}
	return &pb.GetDefectClusterResponse{Cluster: apiconv.ClusterToProto(&st, s.surveyOf)}, nil
}

// surveyOf returns a stored transcript's survey, for cluster examples.
func (s *Service) surveyOf(id string) *transcript.SurveyResponse {
	rec, err := s.eng.Get(id)
	if err != nil {
		return nil
	}
	return rec.Transcript.Survey
}

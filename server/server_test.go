package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/testing/protocmp"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/frictionhq/friction/internal/testserver"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/server"
)

func transcript(id, text string) *pb.Transcript {
	return &pb.Transcript{
		Id:        id,
		Channel:   pb.Channel_CHANNEL_CHAT,
		StartedAt: timestamppb.New(time.Date(2026, 9, 14, 10, 2, 0, 0, time.UTC)),
		Customer:  &pb.Party{Id: "c-1", Name: "Dana"},
		Agents:    []*pb.Party{{Id: "a-17", Name: "Priya"}},
		Turns: []*pb.Turn{
			{Speaker: pb.Speaker_SPEAKER_AGENT, Text: "Hi! How can I help?"},
			{Speaker: pb.Speaker_SPEAKER_CUSTOMER, Text: text},
		},
		Survey:   &pb.Survey{Type: pb.SurveyType_SURVEY_TYPE_CSAT, Score: 5, ScaleMax: 5, Comment: "Priya was a star"},
		Metadata: map[string]string{"sku": "EB-200"},
	}
}

func ingest(t *testing.T, c pb.FrictionServiceClient, reqs ...*pb.IngestTranscriptsRequest) *pb.IngestTranscriptsResponse {
	t.Helper()
	stream, err := c.IngestTranscripts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reqs {
		if err := stream.Send(r); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := stream.CloseAndRecv()
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestIngestGetRoundTrip(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	in := transcript("ch-1", "my earbuds won't charge")
	resp := ingest(t, s.Client, &pb.IngestTranscriptsRequest{Transcripts: []*pb.Transcript{in}})
	if resp.GetStoredCount() != 1 || resp.GetRejectedCount() != 0 {
		t.Fatalf("got %v", resp)
	}
	got, err := s.Client.GetTranscript(context.Background(), &pb.GetTranscriptRequest{Id: "ch-1"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got.GetTranscript(), protocmp.Transform()); diff != "" {
		t.Errorf("stored transcript differs (-sent +got):\n%s", diff)
	}
	if got.GetIngestedAt() == nil {
		t.Error("ingested_at not set")
	}
}

func TestIngestRejectsBadTranscriptsKeepsGoodOnes(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	bad := transcript("bad-1", "x")
	bad.Channel = pb.Channel_CHANNEL_UNSPECIFIED
	bad.Turns[0].Speaker = pb.Speaker(42)
	resp := ingest(t, s.Client,
		&pb.IngestTranscriptsRequest{Transcripts: []*pb.Transcript{transcript("ok-1", "kettle leaks"), bad}},
		&pb.IngestTranscriptsRequest{Transcripts: []*pb.Transcript{transcript("ok-2", "lid cracked")}},
	)
	want := []struct {
		index  int32
		id     string
		status pb.IngestResult_Status
	}{{0, "ok-1", pb.IngestResult_STATUS_STORED}, {1, "bad-1", pb.IngestResult_STATUS_REJECTED}, {2, "ok-2", pb.IngestResult_STATUS_STORED}}
	if len(resp.GetResults()) != len(want) {
		t.Fatalf("got %d results, want %d", len(resp.GetResults()), len(want))
	}
	for i, w := range want {
		r := resp.GetResults()[i]
		if r.GetIndex() != w.index || r.GetId() != w.id || r.GetStatus() != w.status {
			t.Errorf("result %d = %v, want index %d id %s %v", i, r, w.index, w.id, w.status)
		}
	}
	fields := map[string]bool{}
	for _, v := range resp.GetResults()[1].GetViolations() {
		fields[v.GetField()] = true
	}
	if !fields["channel"] || !fields["turns[0].speaker"] {
		t.Errorf("violations %v should name channel and turns[0].speaker", resp.GetResults()[1].GetViolations())
	}
	if _, err := s.Client.GetTranscript(context.Background(), &pb.GetTranscriptRequest{Id: "bad-1"}); status.Code(err) != codes.NotFound {
		t.Errorf("rejected transcript: Get = %v, want NotFound", err)
	}
}

func TestIngestRawDocument(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	doc := `{"id":"d-1","channel":"email","started_at":"2026-09-14T10:02:00Z","subject":"Broken kettle","turns":[{"speaker":"customer","text":"the kettle leaks"}]}
{"id":"d-2","channel":"email","started_at":"tuesday","turns":[{"speaker":"customer","text":"hi"}]}
`
	resp := ingest(t, s.Client, &pb.IngestTranscriptsRequest{Documents: []*pb.RawDocument{{Name: "mail.jsonl", Content: []byte(doc)}}})
	if resp.GetStoredCount() != 1 || resp.GetRejectedCount() != 1 {
		t.Fatalf("got %v, want 1 stored and 1 rejected", resp)
	}
	for _, r := range resp.GetResults() {
		if r.GetId() == "d-2" && (r.GetLine() != 2 || r.GetDocument() != "mail.jsonl" || r.GetViolations()[0].GetField() != "started_at") {
			t.Errorf("rejection %v should name mail.jsonl line 2 and started_at", r)
		}
	}
}

func TestIngestRawDocumentsOfOtherFormats(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	text := "Agent: Orla support, how can I help?\nCustomer: the thermostat screen goes blank every morning\n"
	resp := ingest(t, s.Client, &pb.IngestTranscriptsRequest{Documents: []*pb.RawDocument{
		{Name: "chat-77.txt", Content: []byte(text)},
		{Name: "x.bin", Format: "fax", Content: []byte("?")},
	}})
	if resp.GetStoredCount() != 1 || resp.GetRejectedCount() != 1 {
		t.Fatalf("got %v, want the text stored and the fax rejected", resp)
	}
	got, err := s.Client.GetTranscript(context.Background(), &pb.GetTranscriptRequest{Id: "chat-77"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.GetTranscript().GetTurns()); n != 2 || got.GetTranscript().GetTurns()[1].GetSpeaker() != pb.Speaker_SPEAKER_CUSTOMER {
		t.Errorf("parsed turns %v", got.GetTranscript().GetTurns())
	}
}

func TestIngestBatchLimit(t *testing.T) {
	s := testserver.Start(t, server.Options{MaxBatch: 2})
	stream, err := s.Client.IngestTranscripts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stream.Send(&pb.IngestTranscriptsRequest{Transcripts: []*pb.Transcript{transcript("a", "x"), transcript("b", "x"), transcript("c", "x")}})
	_, err = stream.CloseAndRecv()
	if status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("got %v, want ResourceExhausted", err)
	}
}

func TestErrorsAreStatusCodes(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	ctx := context.Background()
	_, err := s.Client.GetTranscript(ctx, &pb.GetTranscriptRequest{Id: "nope"})
	if status.Code(err) != codes.NotFound {
		t.Errorf("Get missing: %v, want NotFound", err)
	}
	_, err = s.Client.DeleteTranscript(ctx, &pb.DeleteTranscriptRequest{Id: "nope"})
	if status.Code(err) != codes.NotFound {
		t.Errorf("Delete missing: %v, want NotFound", err)
	}
	_, err = s.Client.GetTranscript(ctx, &pb.GetTranscriptRequest{})
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument {
		t.Fatalf("Get without id: %v, want InvalidArgument", err)
	}
	var br *errdetails.BadRequest
	for _, d := range st.Details() {
		if b, ok := d.(*errdetails.BadRequest); ok {
			br = b
		}
	}
	if br == nil || br.GetFieldViolations()[0].GetField() != "id" {
		t.Errorf("details %v, want a BadRequest naming id", st.Details())
	}
	_, err = s.Client.SearchTranscripts(ctx, &pb.SearchTranscriptsRequest{Query: `"unclosed`})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("bad query: %v, want InvalidArgument", err)
	}
	_, err = s.Client.GetStats(ctx, &pb.GetStatsRequest{})
	if status.Code(err) != codes.Unimplemented {
		t.Errorf("GetStats: %v, want Unimplemented until built", err)
	}
	_, err = s.Client.GetDefectCluster(ctx, &pb.GetDefectClusterRequest{Id: "dc-nope"})
	if status.Code(err) != codes.NotFound {
		t.Errorf("GetDefectCluster missing: %v, want NotFound", err)
	}
	_, err = s.Client.ListDefectClusters(ctx, &pb.ListDefectClustersRequest{PageToken: "junk"})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("ListDefectClusters bad token: %v, want InvalidArgument", err)
	}
}

func TestSearchDeleteOverGRPC(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	ctx := context.Background()
	ingest(t, s.Client, &pb.IngestTranscriptsRequest{Transcripts: []*pb.Transcript{
		transcript("a", "the charging case is dead"), transcript("b", "my kettle leaks"),
	}})
	resp, err := s.Client.SearchTranscripts(ctx, &pb.SearchTranscriptsRequest{Query: "customer:charging", Facets: []string{"channel"}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetTotalSize() != 1 || resp.GetHits()[0].GetId() != "a" {
		t.Fatalf("got %v, want only a", resp)
	}
	sn := resp.GetHits()[0].GetSnippets()[0]
	if sn.GetTurn() != 1 || sn.GetSpeaker() != pb.Speaker_SPEAKER_CUSTOMER || !strings.Contains(sn.GetText(), "charging") {
		t.Errorf("snippet %v, want turn 1 by the customer", sn)
	}
	if _, err := s.Client.DeleteTranscript(ctx, &pb.DeleteTranscriptRequest{Id: "a"}); err != nil {
		t.Fatal(err)
	}
	resp, _ = s.Client.SearchTranscripts(ctx, &pb.SearchTranscriptsRequest{Query: "charging"})
	if resp.GetTotalSize() != 0 {
		t.Errorf("deleted transcript still found: %v", resp)
	}
}

func TestHealthAndReflection(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	ctx := context.Background()
	h, err := healthpb.NewHealthClient(s.Conn).Check(ctx, &healthpb.HealthCheckRequest{Service: "friction.v1.FrictionService"})
	if err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("health = %v, %v; want SERVING", h, err)
	}
	rs, err := reflectionpb.NewServerReflectionClient(s.Conn).ServerReflectionInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rs.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}})
	r, err := rs.Recv()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, svc := range r.GetListServicesResponse().GetService() {
		found = found || svc.GetName() == "friction.v1.FrictionService"
	}
	if !found {
		t.Errorf("reflection does not list friction.v1.FrictionService: %v", r)
	}
}

package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/frictionhq/friction/internal/testserver"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/server"
)

// maskedCase is a 5/5 survey that praises the agent while the product is broken.
func maskedCase(id string, day int, complaint string) *pb.Transcript {
	return &pb.Transcript{
		Id:        id,
		Channel:   pb.Channel_CHANNEL_CHAT,
		StartedAt: timestamppb.New(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, day)),
		Customer:  &pb.Party{Id: "c-" + id},
		Agents:    []*pb.Party{{Id: "a-17", Name: "Priya"}},
		Turns: []*pb.Turn{
			{Speaker: pb.Speaker_SPEAKER_AGENT, Text: "Hi, you're chatting with Priya. How can I help?"},
			{Speaker: pb.Speaker_SPEAKER_CUSTOMER, Text: complaint},
			{Speaker: pb.Speaker_SPEAKER_AGENT, Text: "I'm so sorry about that. I've issued a full refund to your card."},
			{Speaker: pb.Speaker_SPEAKER_CUSTOMER, Text: "Thank you so much, you've been really helpful!"},
		},
		Survey: &pb.Survey{Type: pb.SurveyType_SURVEY_TYPE_CSAT, Score: 5, ScaleMax: 5, Comment: "Priya was a star, so kind and quick"},
	}
}

func TestAnalyzeTranscriptFindsTheMaskedDefect(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	in := maskedCase("rt-1", 0, "My earbuds charging case stopped charging after a week. Call me on 555-201-7788.")
	resp, err := s.Client.AnalyzeTranscript(context.Background(), &pb.AnalyzeTranscriptRequest{Input: &pb.AnalyzeTranscriptRequest_Transcript{Transcript: in}})
	if err != nil {
		t.Fatal(err)
	}
	a := resp.GetAnalysis()
	if !a.GetMasked() || a.GetExplanation() == "" {
		t.Errorf("masked %v, explanation %q; want a masked defect explained", a.GetMasked(), a.GetExplanation())
	}
	if a.GetRulesVersion() == "" || a.GetRedactions()["phone"] != 1 {
		t.Errorf("rules version %q, redactions %v", a.GetRulesVersion(), a.GetRedactions())
	}
	turns := resp.GetTranscript().GetTurns()
	found := false
	for _, f := range a.GetFrictionPoints() {
		if f.GetCategory() != pb.Category_CATEGORY_PRODUCT_DEFECT {
			continue
		}
		found = true
		for _, ev := range f.GetEvidence() {
			text := []rune(turns[ev.GetTurn()].GetText())
			if got := string(text[ev.GetStart():ev.GetEnd()]); got != ev.GetText() || ev.GetRule() == "" {
				t.Errorf("evidence %v does not point at its text (%q)", ev, got)
			}
		}
	}
	if !found {
		t.Errorf("no product defect in %v", a.GetFrictionPoints())
	}
	if strings.Contains(turns[1].GetText(), "555-201-7788") {
		t.Errorf("the analysed transcript should be redacted: %q", turns[1].GetText())
	}
	if _, err := s.Client.GetTranscript(context.Background(), &pb.GetTranscriptRequest{Id: "rt-1"}); status.Code(err) != codes.NotFound {
		t.Errorf("AnalyzeTranscript must not store: Get = %v", err)
	}
}

func TestAnalyzeRawDocumentAndBadInput(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	ctx := context.Background()
	resp, err := s.Client.AnalyzeTranscript(ctx, &pb.AnalyzeTranscriptRequest{Input: &pb.AnalyzeTranscriptRequest_Document{Document: &pb.RawDocument{
		Name: "c.txt", Content: []byte("Agent: how can I help?\nCustomer: the kettle lid cracked the first time I used it\n"),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.GetAnalysis().GetFrictionPoints()) == 0 {
		t.Errorf("no friction found in a cracked lid: %v", resp.GetAnalysis())
	}
	_, err = s.Client.AnalyzeTranscript(ctx, &pb.AnalyzeTranscriptRequest{})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("empty request: %v, want InvalidArgument", err)
	}
	bad := maskedCase("x", 0, "hi")
	bad.Channel = pb.Channel_CHANNEL_UNSPECIFIED
	_, err = s.Client.AnalyzeTranscript(ctx, &pb.AnalyzeTranscriptRequest{Input: &pb.AnalyzeTranscriptRequest_Transcript{Transcript: bad}})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("invalid transcript: %v, want InvalidArgument", err)
	}
}

func TestStoredAnalysisClustersAndSearchLabels(t *testing.T) {
	s := testserver.Start(t, server.Options{})
	ctx := context.Background()
	complaints := []string{
		"My earbuds charging case stopped charging after a week.",
		"the charging case won't charge anymore, the light doesn't come on",
		"The charging case doesn't charge at all now.",
		"my charging case won't charge, i tried three cables",
	}
	var batch []*pb.Transcript
	for i, c := range complaints {
		batch = append(batch, maskedCase(fmt.Sprintf("m-%d", i), i*3, c))
	}
	ingest(t, s.Client, &pb.IngestTranscriptsRequest{Transcripts: batch})

	got, err := s.Client.GetTranscript(ctx, &pb.GetTranscriptRequest{Id: "m-0"})
	if err != nil {
		t.Fatal(err)
	}
	if !got.GetAnalysis().GetMasked() {
		t.Fatalf("stored analysis not masked: %v", got.GetAnalysis())
	}
	var clusterID string
	for _, f := range got.GetAnalysis().GetFrictionPoints() {
		if f.GetCategory() == pb.Category_CATEGORY_PRODUCT_DEFECT && clusterID == "" {
			clusterID = f.GetClusterId()
		}
	}
	if clusterID == "" {
		t.Fatalf("defect without a cluster id: %v", got.GetAnalysis())
	}

	list, err := s.Client.ListDefectClusters(ctx, &pb.ListDefectClustersRequest{Sort: pb.ClusterSort_CLUSTER_SORT_MASKED_SHARE})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.GetClusters()) == 0 {
		t.Fatal("no clusters")
	}
	top := list.GetClusters()[0]
	if top.GetId() != clusterID || top.GetTranscriptCount() != 4 || top.GetMaskedShare() != 1 {
		t.Errorf("top cluster %s: %d transcripts, masked share %v; want %s with 4, all masked",
			top.GetId(), top.GetTranscriptCount(), top.GetMaskedShare(), clusterID)
	}
	if a := top.GetAffected(); a.GetCustomers() != 4*30 || !strings.Contains(a.GetAssumption(), "30") {
		t.Errorf("affected %v, want 4 customers x 30 with the assumption stated", a)
	}
	one, err := s.Client.GetDefectCluster(ctx, &pb.GetDefectClusterRequest{Id: clusterID, ExampleCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	if ex := one.GetCluster().GetExamples(); len(ex) != 2 || len(ex[0].GetEvidence()) == 0 || ex[0].GetSurvey().GetScore() != 5 {
		t.Errorf("examples %v, want 2 with evidence and their survey", ex)
	}

	for q, want := range map[string]int64{
		"masked:true":                4,
		"category:product_defect":    4,
		"cluster:" + clusterID:       4,
		"driver:agent":               4,
		"masked:false":               0,
		"charging +category:billing": 0,
	} {
		res, err := s.Client.SearchTranscripts(ctx, &pb.SearchTranscriptsRequest{Query: q})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if res.GetTotalSize() != want {
			t.Errorf("search %q: %d hits, want %d", q, res.GetTotalSize(), want)
		}
	}
}

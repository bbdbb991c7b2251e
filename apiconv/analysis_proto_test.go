package apiconv

import (
	"reflect"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/frictionhq/friction/nlp"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/transcript"
)

// TestAnalysisToProtoEnums checks that every domain enum value has an API value.
func TestAnalysisToProtoEnums(t *testing.T) {
	for _, c := range nlp.Categories {
		if categoryToProto[c] == pb.Category_CATEGORY_UNSPECIFIED {
			t.Errorf("category %q has no proto value", c)
		}
	}
	if len(driverToProto) != len(pb.Driver_name)-1 || len(resolutionToProto) != len(pb.ResolutionKind_name)-1 ||
		len(praiseTargetToProto) != len(pb.PraiseTarget_name)-1 || len(statedByToProto) != len(pb.StatedBy_name)-1 ||
		len(categoryToProto) != len(pb.Category_name)-1 {
		t.Error("an enum map does not cover its proto enum")
	}
}

// TestAnalysisToProtoCoverage fills every field of an analysis and checks that
// each reaches the proto.
func TestAnalysisToProtoCoverage(t *testing.T) {
	ev := []nlp.Evidence{{Turn: 1, Start: 2, End: 5, Text: "abc", Rule: "r"}}
	a := &nlp.Analysis{
		TranscriptID: "t-1", RulesVersion: "v1", Masked: true, Explanation: "x", Product: "kettle", ProductTerms: []string{"kettle", "lid"},
		FrictionPoints: []nlp.FrictionPoint{{Category: nlp.ProductDefect, Component: "lid", Symptom: "is cracked",
			Signature: "lid/is-cracked", StatedBy: nlp.StatedByAgentConfirmed, Safety: []string{"burning"}, Evidence: ev}},
		Praise: []nlp.Praise{{Target: nlp.PraiseAgent, AgentName: "Priya", Evidence: ev}},
		SurveyAttribution: &nlp.SurveyAttribution{Type: "nps", Score: 9, ScaleMax: 10, Comment: "c",
			NormalizedScore: 0.9, Positive: true, Driver: nlp.DriverAgent, Evidence: ev},
		Resolution: &nlp.Resolution{Kind: nlp.Workaround, Evidence: ev},
		Signals: nlp.Signals{ChurnRisk: true, ChurnEvidence: ev, RepeatContact: true, Transfers: 2, LongHold: true,
			EffortEvidence: ev, StartSentiment: &nlp.Sentiment{Score: -0.5, Label: "negative", Evidence: ev},
			EndSentiment: &nlp.Sentiment{Score: 0.5, Label: "positive"}},
	}
	pev := []*pb.Evidence{{Turn: 1, Start: 2, End: 5, Text: "abc", Rule: "r"}}
	want := &pb.Analysis{
		TranscriptId: "t-1", RulesVersion: "v1", Masked: true, Explanation: "x", Product: "kettle", ProductTerms: []string{"kettle", "lid"},
		FrictionPoints: []*pb.FrictionPoint{{Category: pb.Category_CATEGORY_PRODUCT_DEFECT, Component: "lid", Symptom: "is cracked",
			Signature: "lid/is-cracked", StatedBy: pb.StatedBy_STATED_BY_AGENT_CONFIRMED, Safety: []string{"burning"}, Evidence: pev}},
		Praise: []*pb.Praise{{Target: pb.PraiseTarget_PRAISE_TARGET_AGENT, AgentName: "Priya", Evidence: pev}},
		SurveyAttribution: &pb.SurveyAttribution{Present: true, Survey: &pb.Survey{Type: pb.SurveyType_SURVEY_TYPE_NPS, Score: 9, ScaleMax: 10, Comment: "c"},
			NormalizedScore: 0.9, Positive: true, Driver: pb.Driver_DRIVER_AGENT, Evidence: pev},
		Resolution: &pb.Resolution{Kind: pb.ResolutionKind_RESOLUTION_KIND_WORKAROUND, Evidence: pev},
		Signals: &pb.Signals{ChurnRisk: true, ChurnEvidence: pev, RepeatContact: true, Transfers: 2, LongHold: true,
			EffortEvidence: pev, StartSentiment: &pb.Sentiment{Score: -0.5, Label: "negative", Evidence: pev},
			EndSentiment: &pb.Sentiment{Score: 0.5, Label: "positive"}},
	}
	if got := AnalysisToProto(a); !proto.Equal(got, want) {
		t.Errorf("AnalysisToProto:\ngot  %v\nwant %v", got, want)
	}
	// Every exported field of the Go type was set above: a new field without a
	// conversion shows up here.
	checkAllSet(t, reflect.ValueOf(*a), "Analysis")
	if AnalysisToProto(nil) != nil {
		t.Error("nil analysis converted to non-nil")
	}
}

func checkAllSet(t *testing.T, v reflect.Value, path string) {
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		name := path + "." + v.Type().Field(i).Name
		if f.IsZero() {
			t.Errorf("%s is not set in the coverage test", name)
		}
		if f.Kind() == reflect.Struct {
			checkAllSet(t, f, name)
		}
	}
}

// TestAnalyzedTranscriptConverts runs a real analysis through the conversion.
func TestAnalyzedTranscriptConverts(t *testing.T) {
	an, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	tr := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "the lid cracked and it leaks"}}}
	p := AnalysisToProto(an.Analyze(tr))
	if len(p.GetFrictionPoints()) == 0 || p.GetFrictionPoints()[0].GetCategory() != pb.Category_CATEGORY_PRODUCT_DEFECT {
		t.Errorf("got %v", p)
	}
	if p.GetSurveyAttribution().GetPresent() {
		t.Error("survey present without a survey")
	}
}

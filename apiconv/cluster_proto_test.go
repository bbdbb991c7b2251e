package apiconv

import (
	"testing"
	"time"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/transcript"
)

// Every field of DefectCluster is filled from a fully populated Stats, so a
// field added to the API without a conversion fails here.
func TestClusterToProtoFillsEveryField(t *testing.T) {
	day := time.Date(2026, 9, 7, 0, 0, 0, 0, time.UTC)
	score := 0.9
	s := cluster.Stats{
		ID: "dc-1", Label: "earbuds · charging case does not charge", Product: "earbuds", Component: "charging case",
		Symptom: "does not charge", Terms: []string{"case", "charge"}, Transcripts: 4, Customers: 3,
		FirstSeen: day, LastSeen: day.AddDate(0, 0, 6), Weekly: []cluster.WeeklyCount{{WeekStart: day, Count: 4}},
		Previous: 1, Growth: 3, Channels: []cluster.ChannelCount{{Channel: "chat", Count: 4}}, MaskedShare: 0.5,
		AverageScore: &score, Affected: cluster.Affected{Customers: 90, SilentRatio: 30, Assumption: "3 × 30"},
		Safety: true, SafetyKinds: []string{"overheating"},
		Examples: []cluster.Example{{TranscriptID: "t1", Channel: "chat", At: day, Masked: true, Score: &score,
			Evidence: []cluster.Evidence{{Turn: 1, Start: 0, End: 4, Text: "case", Rule: "r"}}}},
	}
	p := ClusterToProto(&s, func(string) *transcript.SurveyResponse {
		return &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5}
	})
	m := p.ProtoReflect()
	fields := m.Descriptor().Fields()
	for i := range fields.Len() {
		if f := fields.Get(i); !m.Has(f) {
			t.Errorf("DefectCluster.%s is not filled", f.Name())
		}
	}
	ex := p.GetExamples()[0].ProtoReflect()
	exFields := ex.Descriptor().Fields()
	for i := range exFields.Len() {
		if f := exFields.Get(i); !ex.Has(f) {
			t.Errorf("ClusterExample.%s is not filled", f.Name())
		}
	}
	if got := p.GetExamples()[0].GetEvidence()[0].GetTranscriptId(); got != "t1" {
		t.Errorf("example evidence names transcript %q, want t1", got)
	}
}

package apiconv

import (
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/frictionhq/friction/cluster"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/transcript"
)

// ClusterSortFromProto converts a cluster sort; unspecified means by size.
func ClusterSortFromProto(s pb.ClusterSort) (cluster.Sort, bool) {
	switch s {
	case pb.ClusterSort_CLUSTER_SORT_UNSPECIFIED, pb.ClusterSort_CLUSTER_SORT_SIZE:
		return cluster.BySize, true
	case pb.ClusterSort_CLUSTER_SORT_GROWTH:
		return cluster.ByGrowth, true
	case pb.ClusterSort_CLUSTER_SORT_MASKED_SHARE:
		return cluster.ByMaskedShare, true
	}
	return 0, false
}

// WindowFromProto converts a time window; nil is open on both sides.
func WindowFromProto(w *pb.TimeWindow) cluster.Window {
	var out cluster.Window
	if w.GetStartTime() != nil {
		out.Start = w.GetStartTime().AsTime()
	}
	if w.GetEndTime() != nil {
		out.End = w.GetEndTime().AsTime()
	}
	return out
}

// ClusterToProto converts one cluster's statistics. surveys, if not nil, gives
// the survey of an example's transcript.
func ClusterToProto(s *cluster.Stats, surveys func(transcriptID string) *transcript.SurveyResponse) *pb.DefectCluster {
	p := &pb.DefectCluster{
		Id:              s.ID,
		Label:           s.Label,
		Product:         s.Product,
		Component:       s.Component,
		Symptom:         s.Symptom,
		Terms:           s.Terms,
		TranscriptCount: s.Transcripts,
		CustomerCount:   s.Customers,
		FirstSeen:       TimestampOrNil(s.FirstSeen),
		LastSeen:        TimestampOrNil(s.LastSeen),
		Growth:          s.Growth,
		MaskedShare:     s.MaskedShare,
		AverageScore:    s.AverageScore,
		Safety:          s.Safety,
		Affected: &pb.AffectedEstimate{
			Customers:   s.Affected.Customers,
			SilentRatio: s.Affected.SilentRatio,
			Assumption:  s.Affected.Assumption,
		},
	}
	for _, w := range s.Weekly {
		p.Weekly = append(p.Weekly, &pb.WeeklyCount{WeekStart: timestamppb.New(w.WeekStart), Count: w.Count})
	}
	for _, c := range s.Channels {
		p.Channels = append(p.Channels, &pb.ChannelCount{Channel: ChannelToProto(transcript.Channel(c.Channel)), Count: c.Count})
	}
	for _, ex := range s.Examples {
		e := &pb.ClusterExample{
			TranscriptId: ex.TranscriptID,
			Channel:      ChannelToProto(transcript.Channel(ex.Channel)),
			StartedAt:    TimestampOrNil(ex.At),
			Masked:       ex.Masked,
		}
		if surveys != nil {
			e.Survey = SurveyToProto(surveys(ex.TranscriptID))
		}
		for _, ev := range ex.Evidence {
			e.Evidence = append(e.Evidence, &pb.Evidence{
				Turn: int32(ev.Turn), Start: int32(ev.Start), End: int32(ev.End), Text: ev.Text, Rule: ev.Rule, TranscriptId: ex.TranscriptID,
			})
		}
		p.Examples = append(p.Examples, e)
	}
	return p
}

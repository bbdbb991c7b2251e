package apiconv

import (
	"github.com/frictionhq/friction/nlp"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/transcript"
)

var categoryToProto = map[nlp.Category]pb.Category{
	nlp.ProductDefect: pb.Category_CATEGORY_PRODUCT_DEFECT,
	nlp.Shipping:      pb.Category_CATEGORY_SHIPPING,
	nlp.Billing:       pb.Category_CATEGORY_BILLING,
	nlp.Account:       pb.Category_CATEGORY_ACCOUNT,
	nlp.WebsiteApp:    pb.Category_CATEGORY_WEBSITE_APP,
	nlp.Policy:        pb.Category_CATEGORY_POLICY,
	nlp.Effort:        pb.Category_CATEGORY_EFFORT,
	nlp.Other:         pb.Category_CATEGORY_OTHER,
}

var statedByToProto = map[nlp.StatedBy]pb.StatedBy{
	nlp.StatedByCustomer:       pb.StatedBy_STATED_BY_CUSTOMER,
	nlp.StatedByAgentConfirmed: pb.StatedBy_STATED_BY_AGENT_CONFIRMED,
}

var praiseTargetToProto = map[nlp.PraiseTarget]pb.PraiseTarget{
	nlp.PraiseAgent:   pb.PraiseTarget_PRAISE_TARGET_AGENT,
	nlp.PraiseProduct: pb.PraiseTarget_PRAISE_TARGET_PRODUCT,
	nlp.PraiseCompany: pb.PraiseTarget_PRAISE_TARGET_COMPANY,
	nlp.PraiseProcess: pb.PraiseTarget_PRAISE_TARGET_PROCESS,
}

var driverToProto = map[nlp.Driver]pb.Driver{
	nlp.DriverAgent:      pb.Driver_DRIVER_AGENT,
	nlp.DriverResolution: pb.Driver_DRIVER_RESOLUTION,
	nlp.DriverProduct:    pb.Driver_DRIVER_PRODUCT,
	nlp.DriverProcess:    pb.Driver_DRIVER_PROCESS,
	nlp.DriverNone:       pb.Driver_DRIVER_NONE,
}

var resolutionToProto = map[nlp.ResolutionKind]pb.ResolutionKind{
	nlp.Refund:      pb.ResolutionKind_RESOLUTION_KIND_REFUND,
	nlp.Replacement: pb.ResolutionKind_RESOLUTION_KIND_REPLACEMENT,
	nlp.Repair:      pb.ResolutionKind_RESOLUTION_KIND_REPAIR,
	nlp.Workaround:  pb.ResolutionKind_RESOLUTION_KIND_WORKAROUND,
	nlp.Escalated:   pb.ResolutionKind_RESOLUTION_KIND_ESCALATED,
	nlp.Unresolved:  pb.ResolutionKind_RESOLUTION_KIND_UNRESOLVED,
	nlp.Info:        pb.ResolutionKind_RESOLUTION_KIND_INFO,
}

// AnalysisToProto converts an analysis to its API form; nil stays nil. The
// proto's cluster ids and redaction counts are not the analyzer's to set: the
// caller fills them.
func AnalysisToProto(a *nlp.Analysis) *pb.Analysis {
	if a == nil {
		return nil
	}
	p := &pb.Analysis{
		TranscriptId: a.TranscriptID,
		RulesVersion: a.RulesVersion,
		Masked:       a.Masked,
		Explanation:  a.Explanation,
		Product:      a.Product,
		ProductTerms: a.ProductTerms,
		Signals:      signalsToProto(&a.Signals),
	}
	for _, f := range a.FrictionPoints {
		p.FrictionPoints = append(p.FrictionPoints, &pb.FrictionPoint{
			Category:  categoryToProto[f.Category],
			Component: f.Component,
			Symptom:   f.Symptom,
			Signature: f.Signature,
			StatedBy:  statedByToProto[f.StatedBy],
			ClusterId: f.ClusterID,
			Safety:    append([]string(nil), f.Safety...),
			Evidence:  EvidenceToProto(f.Evidence),
		})
	}
	for _, pr := range a.Praise {
		p.Praise = append(p.Praise, &pb.Praise{
			Target:    praiseTargetToProto[pr.Target],
			AgentName: pr.AgentName,
			Evidence:  EvidenceToProto(pr.Evidence),
		})
	}
	if sa := a.SurveyAttribution; sa != nil {
		p.SurveyAttribution = &pb.SurveyAttribution{
			Present: true,
			Survey: SurveyToProto(&transcript.SurveyResponse{Type: transcript.SurveyType(sa.Type), Score: sa.Score,
				ScaleMax: sa.ScaleMax, Comment: sa.Comment}),
			NormalizedScore: sa.NormalizedScore,
			Positive:        sa.Positive,
			Driver:          driverToProto[sa.Driver],
			Evidence:        EvidenceToProto(sa.Evidence),
		}
	} else {
		p.SurveyAttribution = &pb.SurveyAttribution{Present: false}
	}
	if r := a.Resolution; r != nil {
		p.Resolution = &pb.Resolution{Kind: resolutionToProto[r.Kind], Evidence: EvidenceToProto(r.Evidence)}
	}
	return p
}

func signalsToProto(s *nlp.Signals) *pb.Signals {
	return &pb.Signals{
		ChurnRisk:      s.ChurnRisk,
		ChurnEvidence:  EvidenceToProto(s.ChurnEvidence),
		RepeatContact:  s.RepeatContact,
		Transfers:      int32(s.Transfers),
		LongHold:       s.LongHold,
		EffortEvidence: EvidenceToProto(s.EffortEvidence),
		StartSentiment: sentimentToProto(s.StartSentiment),
		EndSentiment:   sentimentToProto(s.EndSentiment),
	}
}

func sentimentToProto(s *nlp.Sentiment) *pb.Sentiment {
	if s == nil {
		return nil
	}
	return &pb.Sentiment{Score: s.Score, Label: s.Label, Evidence: EvidenceToProto(s.Evidence)}
}

// EvidenceToProto converts evidence spans.
func EvidenceToProto(ev []nlp.Evidence) []*pb.Evidence {
	if len(ev) == 0 {
		return nil
	}
	out := make([]*pb.Evidence, len(ev))
	for i, e := range ev {
		out[i] = &pb.Evidence{Turn: int32(e.Turn), Start: int32(e.Start), End: int32(e.End), Text: e.Text, Rule: e.Rule}
	}
	return out
}

// AnalysisWithContextToProto converts an analysis and adds what the engine knows
// beside it: the PII redacted before analysis, by kind, and the cluster id of
// each product defect, in the order of the analysis's defects.
func AnalysisWithContextToProto(a *nlp.Analysis, redactions map[string]int, clusterIDs []string) *pb.Analysis {
	p := AnalysisToProto(a)
	if p == nil {
		return nil
	}
	for k, n := range redactions {
		if p.Redactions == nil {
			p.Redactions = map[string]int32{}
		}
		p.Redactions[k] = int32(n)
	}
	i := 0
	for _, f := range p.FrictionPoints {
		if f.Category != pb.Category_CATEGORY_PRODUCT_DEFECT {
			continue
		}
		if i < len(clusterIDs) {
			f.ClusterId = clusterIDs[i]
		}
		i++
	}
	return p
}

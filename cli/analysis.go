package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	pb "github.com/frictionhq/friction/proto/friction/v1"
)

// printAnalysis writes an analysis for a person: each label with the evidence
// behind it quoted, and the rule that found it.
func printAnalysis(w io.Writer, t *pb.Transcript, a *pb.Analysis) {
	if a == nil {
		return
	}
	fmt.Fprintf(w, "\nanalysis (rules %s)\n", a.GetRulesVersion())
	quote := func(evs []*pb.Evidence) {
		for _, ev := range evs {
			who := ""
			if i := int(ev.GetTurn()); i >= 0 && i < len(t.GetTurns()) {
				who = ", " + lowerEnum(t.GetTurns()[i].GetSpeaker().String(), "SPEAKER_")
			}
			where := fmt.Sprintf("turn %d%s", ev.GetTurn(), who)
			if ev.GetTurn() < 0 {
				where = "survey comment"
			}
			fmt.Fprintf(w, "    %s: %q [rule %s]\n", where, ev.GetText(), ev.GetRule())
		}
	}
	if a.GetMasked() {
		fmt.Fprintf(w, "  MASKED DEFECT: %s\n", a.GetExplanation())
	}
	for _, f := range a.GetFrictionPoints() {
		cat := lowerEnum(f.GetCategory().String(), "CATEGORY_")
		if f.GetCategory() == pb.Category_CATEGORY_PRODUCT_DEFECT {
			line := fmt.Sprintf("  defect: %s %s", f.GetComponent(), f.GetSymptom())
			if len(f.GetSafety()) > 0 {
				line += fmt.Sprintf(" (safety: %s)", strings.Join(f.GetSafety(), ", "))
			}
			var extra []string
			if f.GetClusterId() != "" {
				extra = append(extra, "cluster "+f.GetClusterId())
			}
			if f.GetStatedBy() != pb.StatedBy_STATED_BY_UNSPECIFIED {
				extra = append(extra, "stated by "+lowerEnum(f.GetStatedBy().String(), "STATED_BY_"))
			}
			if len(extra) > 0 {
				line += " [" + strings.Join(extra, "; ") + "]"
			}
			fmt.Fprintln(w, line)
		} else {
			fmt.Fprintf(w, "  friction: %s\n", cat)
		}
		quote(f.GetEvidence())
	}
	for _, p := range a.GetPraise() {
		target := lowerEnum(p.GetTarget().String(), "PRAISE_TARGET_")
		if p.GetAgentName() != "" {
			target += " (" + p.GetAgentName() + ")"
		}
		fmt.Fprintf(w, "  praise: %s\n", target)
		quote(p.GetEvidence())
	}
	if sa := a.GetSurveyAttribution(); sa.GetPresent() {
		pos := "not positive"
		if sa.GetPositive() {
			pos = "positive"
		}
		fmt.Fprintf(w, "  survey: %s (%s), driver %s\n", surveyText(sa.GetSurvey()), pos, lowerEnum(sa.GetDriver().String(), "DRIVER_"))
		quote(sa.GetEvidence())
	}
	if r := a.GetResolution(); r != nil && r.GetKind() != pb.ResolutionKind_RESOLUTION_KIND_UNSPECIFIED {
		fmt.Fprintf(w, "  resolution: %s\n", lowerEnum(r.GetKind().String(), "RESOLUTION_KIND_"))
		quote(r.GetEvidence())
	}
	if s := a.GetSignals(); s != nil {
		if s.GetChurnRisk() {
			fmt.Fprintln(w, "  churn risk")
			quote(s.GetChurnEvidence())
		}
		var effort []string
		if s.GetRepeatContact() {
			effort = append(effort, "repeat contact")
		}
		if s.GetTransfers() > 0 {
			effort = append(effort, plural(int(s.GetTransfers()), "transfer", "transfers"))
		}
		if s.GetLongHold() {
			effort = append(effort, "long hold")
		}
		if len(effort) > 0 {
			fmt.Fprintf(w, "  effort: %s\n", strings.Join(effort, ", "))
			quote(s.GetEffortEvidence())
		}
		if st, end := s.GetStartSentiment(), s.GetEndSentiment(); st != nil && end != nil {
			fmt.Fprintf(w, "  sentiment: %s (%+.2f) at the start, %s (%+.2f) at the end\n", st.GetLabel(), st.GetScore(), end.GetLabel(), end.GetScore())
		}
	}
	if len(a.GetRedactions()) > 0 {
		kinds := make([]string, 0, len(a.GetRedactions()))
		for k, n := range a.GetRedactions() {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(w, "  redacted before storing: %s\n", strings.Join(kinds, ", "))
	}
}

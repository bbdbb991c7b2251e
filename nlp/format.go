package nlp

import (
	"fmt"
	"io"
	"strings"

	"github.com/frictionhq/friction/transcript"
)

// Format writes an analysis for a person: each label with its evidence quoted
// and the rule that produced it.
func Format(w io.Writer, t *transcript.Transcript, a *Analysis) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s (%s, %s, rules %s)\n", t.ID, t.Channel, plural(len(t.Turns), "turn", "turns"), a.RulesVersion)
	if len(a.FrictionPoints) == 0 {
		b.WriteString("  no friction found\n")
	}
	for _, f := range a.FrictionPoints {
		switch f.Category {
		case ProductDefect:
			fmt.Fprintf(b, "  defect: %s", defectPhrase(f))
			fmt.Fprintf(b, " [signature %s; stated by %s]\n", f.Signature, strings.ReplaceAll(string(f.StatedBy), "_", " "))
		default:
			fmt.Fprintf(b, "  friction: %s\n", strings.ReplaceAll(string(f.Category), "_", "/"))
		}
		writeEvidence(b, t, f.Evidence)
	}
	for _, p := range a.Praise {
		fmt.Fprintf(b, "  praise: %s", p.Target)
		if p.AgentName != "" {
			fmt.Fprintf(b, " (%s)", p.AgentName)
		}
		b.WriteString("\n")
		writeEvidence(b, t, p.Evidence)
	}
	if sa := a.SurveyAttribution; sa != nil {
		mood := "not positive"
		if sa.Positive {
			mood = "positive"
		}
		fmt.Fprintf(b, "  survey: %s %s/%s (%s), driver %s\n", strings.ToUpper(sa.Type), fmtNum(sa.Score), fmtNum(sa.ScaleMax), mood, sa.Driver)
		writeEvidence(b, t, sa.Evidence)
	}
	if a.Masked {
		fmt.Fprintf(b, "  MASKED: %s\n", a.Explanation)
	}
	if r := a.Resolution; r != nil {
		fmt.Fprintf(b, "  resolution: %s\n", r.Kind)
		writeEvidence(b, t, r.Evidence)
	}
	sg := a.Signals
	if sg.ChurnRisk {
		b.WriteString("  churn risk\n")
		writeEvidence(b, t, sg.ChurnEvidence)
	}
	if sg.RepeatContact || sg.Transfers > 0 || sg.LongHold {
		var parts []string
		if sg.RepeatContact {
			parts = append(parts, "repeat contact")
		}
		if sg.Transfers > 0 {
			parts = append(parts, plural(sg.Transfers, "transfer", "transfers"))
		}
		if sg.LongHold {
			parts = append(parts, "long hold")
		}
		fmt.Fprintf(b, "  effort: %s\n", strings.Join(parts, ", "))
		writeEvidence(b, t, sg.EffortEvidence)
	}
	if sg.StartSentiment != nil && sg.EndSentiment != nil {
		fmt.Fprintf(b, "  sentiment: %s (%+.2f) at the start, %s (%+.2f) at the end\n",
			sg.StartSentiment.Label, sg.StartSentiment.Score, sg.EndSentiment.Label, sg.EndSentiment.Score)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeEvidence(b *strings.Builder, t *transcript.Transcript, ev []Evidence) {
	for _, e := range ev {
		who := "survey comment"
		if e.Turn >= 0 && e.Turn < len(t.Turns) {
			who = fmt.Sprintf("turn %d, %s", e.Turn, t.Turns[e.Turn].Speaker)
		}
		fmt.Fprintf(b, "    %s: %q [rule %s]\n", who, e.Text, e.Rule)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

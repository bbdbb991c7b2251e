package gen

import (
	"testing"
)

// TestEvalCoverage checks that the evaluation corpus holds enough of everything the
// analyser is scored on.
func TestEvalCoverage(t *testing.T) {
	c := corpus(t, Eval.Config)
	count := map[string]int{}
	clusterWeeks := map[string][]int{}
	contacts := map[string]int{}
	weeks := Eval.Config.Weeks
	for i, l := range c.Labels {
		tr := c.Transcripts[i]
		contacts[tr.CustomerID()]++
		count["channel:"+l.Channel]++
		count["resolution:"+l.Resolution]++
		count["driver:"+l.Driver]++
		week := int(tr.StartedAt.Sub(Eval.Config.Start).Hours()) / (24 * 7)
		for _, d := range l.Defects {
			count["cluster:"+d.Cluster]++
			count["stated_by:"+d.StatedBy]++
			if clusterWeeks[d.Cluster] == nil {
				clusterWeeks[d.Cluster] = make([]int, weeks)
			}
			clusterWeeks[d.Cluster][week]++
		}
		for _, x := range l.Frictions {
			count["friction:"+x]++
		}
		for _, x := range l.Decoys {
			count["decoy:"+x]++
		}
		for _, x := range l.Praise {
			count["praise:"+x]++
		}
		for k, on := range map[string]bool{"masked": l.Masked, "safety": l.Safety, "churn": l.Churn, "repeat": l.RepeatOf != ""} {
			if on {
				count[k]++
			}
		}
	}
	want := map[string]int{
		"masked": 100, "safety": 40, "churn": 60, "repeat": 40,
		"stated_by:customer": 300, "stated_by:agent_confirmed": 30,
	}
	for _, ch := range []string{"call", "chat", "email", "survey"} {
		want["channel:"+ch] = 150
	}
	for _, ci := range Clusters() {
		want["cluster:"+ci.Key] = 20
	}
	for _, x := range []string{FrictionShipping, FrictionBilling, FrictionAccount, FrictionWebsiteApp, FrictionPolicy, FrictionEffort} {
		want["friction:"+x] = 30
	}
	for _, x := range []string{DecoyNegation, DecoyHypothetical, DecoyAgentQuestion, DecoyFixedPast, DecoyOtherProductOK, DecoyHowTo} {
		want["decoy:"+x] = 40
	}
	for _, x := range []string{ResolutionRefund, ResolutionReplacement, ResolutionRepair, ResolutionWorkaround, ResolutionEscalated, ResolutionUnresolved, ResolutionInfo} {
		want["resolution:"+x] = 15
	}
	for _, x := range []string{DriverAgent, DriverResolution, DriverProduct, DriverProcess, DriverNone} {
		want["driver:"+x] = 40
	}
	for _, x := range []string{PraiseAgent, PraiseProduct, PraiseCompany, PraiseProcess} {
		want["praise:"+x] = 5
	}
	for k, min := range want {
		if count[k] < min {
			t.Errorf("%s: %d in the eval corpus, want at least %d", k, count[k], min)
		}
	}

	repeaters := 0
	for _, n := range contacts {
		if n >= 2 {
			repeaters++
		}
	}
	if share := float64(repeaters) / float64(len(contacts)); share < 0.25 || share > 0.4 {
		t.Errorf("%.0f%% of customers have 2+ contacts, want about 30%%", 100*share)
	}

	// emerging root causes grow; flat ones do not
	third := weeks / 3
	for _, ci := range Clusters() {
		ws := clusterWeeks[ci.Key]
		first, last := 0, 0
		for w := range third {
			first += ws[w]
			last += ws[weeks-1-w]
		}
		switch ci.Trend {
		case "emerging":
			if last < 2*first+5 {
				t.Errorf("%s is emerging but has %d reports in the first weeks and %d in the last", ci.Key, first, last)
			}
		case "flat":
			if last > 2*first+5 || first > 2*last+5 {
				t.Errorf("%s is flat but has %d reports in the first weeks and %d in the last", ci.Key, first, last)
			}
		}
	}
}

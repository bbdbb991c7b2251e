package eval

import (
	"os"
	"testing"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/gen"
	"github.com/frictionhq/friction/nlp"
)

// Floors a little under what the analyzer reaches on the generated corpus, so a
// rule change that loses ground fails here.
var floors = map[string]float64{
	"defect":       0.95,
	"masked":       0.93,
	"agent praise": 0.92,
	"safety":       0.92,
	"churn":        0.95,
	"driver":       0.90,
	// Defect clustering, pairwise against the root causes, missed and
	// invented defects counted (0.35 before symptom classes and per-transcript
	// merging; 0.75 with them; 0.77 with agent-stated faults and part folds).
	"cluster F1": 0.79, // 0.78 with within-product consolidation, 0.81 with the causes pass
}

// holdoutFloors are a little under what the analyzer reaches on the
// hand-written holdout corpus (testdata/holdout), whose wording nobody on the
// team wrote: a change that only fits the generator's phrasing and loses
// generality fails here. See testdata/holdout/README.md before tuning on it.
var holdoutFloors = map[string]float64{
	"defect":     0.93,
	"masked":     0.85,
	"driver":     0.92,
	"churn":      0.90,
	"cluster F1": 0.80, // 0.73 before within-product consolidation, 0.77 with it, 0.82 with the causes pass
}

// tuningFloors are a little under what the analyzer reaches on the second
// hand-written corpus (testdata/tuning), by another author, on product lines
// and wording the rules were not written for (defect 0.64 and churn 0.86
// before rules 2026.11.6; driver 0.68 and safety 0.57 before 2026.11.7).
var tuningFloors = map[string]float64{
	"defect": 0.95,
	// 0.97 until rules 2026.12.1 fixed a workaround pattern that matched
	// any "there's a": one masked transcript was found only through it.
	"masked": 0.93,
	"churn":  0.88,
	"driver": 0.87,
	"safety": 0.93,
	// 0.47 before within-product consolidation and SKU families, 0.55 with,
	// 0.71 with the causes pass.
	"cluster F1": 0.75,
}

// tuning2Floors and tuning3Floors are a little under what the analyzer reaches
// on two more hand-written corpora by independent authors (testdata/tuning2,
// testdata/tuning3). Before rules 2026.11.8: tuning2 defect 0.77, masked
// 0.78, safety 0.00, churn 0.75, driver 0.83; tuning3 defect 0.86, masked
// 0.90, safety 0.90, churn 0.75, driver 0.75.
var tuning2Floors = map[string]float64{
	"defect": 0.92,
	"masked": 0.90,
	"safety": 0.80,
	"churn":  0.92,
	"driver": 0.83,
	// 0.16 before within-product consolidation and SKU families, 0.36 with,
	// 0.60 with the causes pass.
	"cluster F1": 0.60,
}

var tuning3Floors = map[string]float64{
	"defect": 0.95,
	"masked": 0.91,
	"safety": 0.94,
	"churn":  0.92,
	"driver": 0.78,
	// 0.64 before within-product consolidation and SKU families, 0.74 with,
	// 0.77 with the causes pass.
	"cluster F1": 0.76,
}

// holdout2Floors are a little under what the analyzer reaches on the third
// hand-written corpus (testdata/holdout2). It was held out until rules
// 2026.11.9 were tuned on it, so it now guards against regressions only.
// Before 2026.11.9: defect 0.82, masked 0.80, agent praise 0.90, safety 0.87,
// churn 0.71, driver 0.70, cluster F1 0.48; with it 0.94, 0.95, 0.95, 0.95,
// 0.96, 0.84 and 0.58.
var holdout2Floors = map[string]float64{
	"defect":       0.93,
	"masked":       0.91, // 0.95 until the workaround pattern fix of 2026.12.1 (see tuningFloors)
	"agent praise": 0.93,
	"safety":       0.93,
	"churn":        0.94,
	"driver":       0.82,
	"cluster F1":   0.74, // 0.58 before the causes pass, 0.71 with it
}

// holdout3Floors are a little under what the analyzer reaches on the
// hand-written holdout3 (calls, chats, emails and surveys). First seen at
// rules 2026.12.1 with the causes pass: defect 0.80, masked 0.76, driver
// 0.75, agent praise 0.86, safety 0.83, churn 0.73, cluster F1 0.55; its
// misses were then fixed in general form, so it guards against regressions
// only.
var holdout3Floors = map[string]float64{
	"defect":       0.89,
	"masked":       0.81,
	"driver":       0.83,
	"agent praise": 0.84,
	"safety":       0.81,
	"churn":        0.90,
	"cluster F1":   0.66,
}

// holdout5Floors: the fourth hand-written contact-center set. First seen at
// rules 2026.12.1: defect 0.82, masked 0.84, driver 0.67, agent praise 0.90,
// safety 0.73, churn 0.63, cluster F1 0.47; then tuned on, so it guards
// against regressions only.
var holdout5Floors = map[string]float64{
	"defect":       0.91,
	"masked":       0.90,
	"driver":       0.77,
	"agent praise": 0.87,
	"safety":       0.92,
	"churn":        0.89,
	"cluster F1":   0.73,
}

// holdout7Floors: the fifth hand-written contact-center set. First seen at
// rules 2026.12.1: defect 0.82, masked 0.85, driver 0.79, agent praise 0.87,
// safety 0.87, churn 0.73, cluster F1 0.34; then tuned on, so it guards
// against regressions only.
var holdout7Floors = map[string]float64{
	"defect":       0.83,
	"masked":       0.85,
	"driver":       0.75, // 0.77 until closing praise without the agent's name counted (its author reads it as none)
	"agent praise": 0.84,
	"safety":       0.84,
	"churn":        0.70,
	"cluster F1":   0.60,
}

// holdout8Floors: the sixth hand-written contact-center set. First seen at
// rules 2026.12.1: defect 0.87, masked 0.79, driver 0.77, agent praise 0.94,
// safety 0.69, churn 0.76, cluster F1 0.60; then tuned on (products named in
// passing, blades that run on), so it guards against regressions only.
var holdout8Floors = map[string]float64{
	"defect":       0.88,
	"masked":       0.77,
	"driver":       0.76,
	"agent praise": 0.92,
	"safety":       0.89,
	"churn":        0.74,
	"cluster F1":   0.64,
}

// holdout9Floors: the seventh hand-written contact-center set. First seen at
// rules 2026.12.1: defect 0.83, masked 0.78, driver 0.76, agent praise 0.87,
// safety 0.97, churn 0.78, cluster F1 0.57; then tuned on (charge that lasts
// minutes, wrong speeds, loud fans), so it guards against regressions only.
var holdout9Floors = map[string]float64{
	"defect":       0.91,
	"masked":       0.88,
	"driver":       0.75,
	"agent praise": 0.85,
	"safety":       0.95,
	"churn":        0.75,
	"cluster F1":   0.67,
}

// holdout10Floors: the eighth hand-written contact-center set. First seen at
// rules 2026.12.1: defect 0.85, masked 0.72, driver 0.81, agent praise 0.83,
// safety 0.67, churn 0.88, cluster F1 0.54; then tuned on (tyres that go
// soft, wrong locations), so it guards against regressions only.
var holdout10Floors = map[string]float64{
	"defect":     0.87,
	"masked":     0.73,
	"driver":     0.80,
	"churn":      0.85,
	"cluster F1": 0.60,
}

// holdout11Floors: the third hand-written Twitter-style set. First seen at
// rules 2026.12.1: defect 0.72, agent praise 0.86, safety 0.82, churn 0.75,
// cluster F1 0.49; then tuned on (devices that forget, late alerts), so it
// guards against regressions only.
var holdout11Floors = map[string]float64{
	"defect":     0.84,
	"cluster F1": 0.64,
}

// holdout12Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout12 (rules 2026.12.1): defect
// 0.849, masked 0.821, driver 0.844, agent praise 0.870, safety 0.605, churn
// 0.750, cluster F1 0.578. Nothing has been tuned on it: it still measures
// generalisation, so read its README before changing that.
var holdout12Floors = map[string]float64{
	"defect":       0.83,
	"masked":       0.80,
	"driver":       0.82,
	"agent praise": 0.85,
	"safety":       0.58,
	"churn":        0.72,
	"cluster F1":   0.55,
}

// holdout13Floors: the tenth hand-written contact-center set (car
// accessories). First seen at rules 2026.12.2 (commit ddf0495): defect 0.93,
// masked 0.96, driver 0.78, agent praise 0.91, safety 0.63, churn 0.71,
// cluster F1 0.63; then tuned on (survey drivers), so it guards against
// regressions only.
var holdout13Floors = map[string]float64{
	"defect":       0.91,
	"masked":       0.93,
	"driver":       0.80,
	"agent praise": 0.88,
	"safety":       0.60,
	"churn":        0.68,
	"cluster F1":   0.60,
}

// holdout14Floors: the twelfth hand-written contact-center set (large
// appliances). First seen at rules 2026.12.2 (commit ddf0495): defect 0.923,
// masked 0.842, driver 0.578, agent praise 0.865, safety 0.649, churn 0.778,
// cluster F1 0.568; then tuned on (survey drivers), so it guards against
// regressions only.
var holdout14Floors = map[string]float64{
	"defect":       0.90,
	"masked":       0.80,
	"driver":       0.78,
	"agent praise": 0.84,
	"safety":       0.62,
	"churn":        0.75,
	"cluster F1":   0.54,
}

// holdout15Floors: the fourth hand-written Twitter-style set. First seen at
// commit ff2e463: defect 0.81, agent praise 0.78, safety 0.57, churn 0.53,
// cluster F1 0.51; then tuned on (overheating plugs, whistling noise
// cancelling, unrecognised cartridges), so it guards against regressions only.
var holdout15Floors = map[string]float64{
	"defect":       0.88,
	"agent praise": 0.75,
	"safety":       0.64,
	"churn":        0.50,
	"cluster F1":   0.66,
}

// holdout16Floors: the eleventh hand-written contact-center set (music and
// office gear). First seen at rules 2026.12.2 (commit ddf0495): defect 0.83,
// masked 0.76, driver 0.74, agent praise 0.80, safety 0.35, churn 0.75,
// cluster F1 0.55; then tuned on (shocks, keys that stick, wrong speeds,
// grudging survey comments), so it guards against regressions only.
var holdout16Floors = map[string]float64{
	"defect":       0.90,
	"masked":       0.82,
	"driver":       0.79,
	"agent praise": 0.78,
	"safety":       0.66,
	"churn":        0.72,
	"cluster F1":   0.66,
}

// holdout17Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout17 (garden and outdoor power;
// rules 2026.12.2, commit 1f9b54a): defect 0.913, masked 0.837, driver 0.844,
// agent praise 0.979, safety 0.788, churn 0.571, cluster F1 0.598. Nothing has
// been tuned on it: read its README before changing that.
var holdout17Floors = map[string]float64{
	"defect":       0.89,
	"masked":       0.80,
	"driver":       0.82,
	"agent praise": 0.95,
	"safety":       0.76,
	"churn":        0.54,
	"cluster F1":   0.57,
}

// holdout18Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout18 (Twitter-style; rules
// 2026.12.2, commit 9aabded): defect 0.855, agent praise 0.600, safety 0.703,
// churn 0.727, cluster F1 0.708. Nothing has been tuned on it: read its
// README before changing that.
var holdout18Floors = map[string]float64{
	"defect":       0.83,
	"agent praise": 0.57,
	"safety":       0.67,
	"churn":        0.70,
	"cluster F1":   0.68,
}

// holdout19Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout19 (nursery and baby gear;
// rules 2026.12.3, commit 3c9ff58): defect 0.932, masked 0.900, driver
// 0.703, agent praise 0.927, safety 0.778, churn 0.778, cluster F1 0.715.
// Nothing has been tuned on it: read its README before changing that.
var holdout19Floors = map[string]float64{
	"defect":       0.91,
	"masked":       0.87,
	"driver":       0.68,
	"agent praise": 0.90,
	"safety":       0.75,
	"churn":        0.75,
	"cluster F1":   0.69,
}

// holdout20Floors: home fitness equipment. First seen at rules 2026.12.3
// (commit 3c9ff58): defect 0.889, masked 0.889, driver 0.723, agent praise
// 0.800, safety 0.645, churn 0.737, cluster F1 0.551; see its README for
// whether it has been tuned on since.
var holdout20Floors = map[string]float64{
	"defect":       0.87,
	"masked":       0.86,
	"driver":       0.70,
	"agent praise": 0.77,
	"safety":       0.62,
	"churn":        0.71,
	"cluster F1":   0.53,
}

// holdout21Floors: home heating and comfort. First seen at rules 2026.12.3
// (commit 3c9ff58): defect 0.881, masked 0.850, driver 0.672, agent praise
// 0.884, safety 0.800, churn 0.800, cluster F1 0.628; see its README for
// whether it has been tuned on since.
var holdout21Floors = map[string]float64{
	"defect":       0.86,
	"masked":       0.82,
	"driver":       0.65,
	"agent praise": 0.86,
	"safety":       0.77,
	"churn":        0.77,
	"cluster F1":   0.60,
}

// holdout22Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout22 (Twitter-style; rules
// 2026.12.2, commit 84f686b): defect 0.877, agent praise 0.545, safety 0.750,
// churn 0.696, cluster F1 0.577. Nothing has been tuned on it: read its
// README before changing that.
var holdout22Floors = map[string]float64{
	"defect":       0.85,
	"agent praise": 0.52,
	"safety":       0.72,
	"churn":        0.67,
	"cluster F1":   0.55,
}

// holdout23Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout23 (pet tech; rules
// 2026.12.11, commit cdb66b0): defect 0.901, masked 0.927, driver 0.769,
// agent praise 0.936, safety 0.667, churn 0.750, cluster F1 0.607 (the same
// as at the session-start rules 2026.12.2). Nothing has been tuned on it:
// read its README before changing that.
var holdout23Floors = map[string]float64{
	"defect":       0.88,
	"masked":       0.90,
	"driver":       0.74,
	"agent praise": 0.91,
	"safety":       0.64,
	"churn":        0.72,
	"cluster F1":   0.58,
}

// holdout24Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout24 (mobility and outdoor gear;
// rules 2026.12.11, commit 6ea1ba6): defect 0.894, masked 0.842, driver 0.781,
// agent praise 0.830, safety 0.774, churn 0.875, cluster F1 0.571. Nothing has
// been tuned on it: read its README before changing that.
var holdout24Floors = map[string]float64{
	"defect":       0.87,
	"masked":       0.81,
	"driver":       0.75,
	"agent praise": 0.80,
	"safety":       0.74,
	"churn":        0.84,
	"cluster F1":   0.54,
}

// holdout25Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout25 (small kitchen appliances;
// rules 2026.12.14, commit b32283f): defect 0.939, masked 0.900, driver 0.672,
// agent praise 0.945, safety 0.529, churn 0.667, cluster F1 0.750. Nothing has
// been tuned on it: read its README before changing that.
var holdout25Floors = map[string]float64{
	"defect":       0.91,
	"masked":       0.87,
	"driver":       0.64,
	"agent praise": 0.92,
	"safety":       0.50,
	"churn":        0.64,
	"cluster F1":   0.72,
}

// holdout26Floors are a little under what the analyzer reached the first
// and only time it saw the hand-written holdout26 (home security and
// networking; rules 2026.12.15, commit c3e8de7): defect 0.914, masked 0.884,
// driver 0.781, agent praise 0.864, safety 0.537, churn 0.778, cluster F1
// 0.703. Nothing has been tuned on it: read its README before changing that.
var holdout26Floors = map[string]float64{
	"defect":       0.89,
	"masked":       0.85,
	"driver":       0.75,
	"agent praise": 0.83,
	"safety":       0.50,
	"churn":        0.75,
	"cluster F1":   0.67,
}

// holdout28Floors are a little under what the analyzer reached the first
// time it saw the hand-written holdout28 (DIY tools and smart garage gear;
// rules 2026.12.17, commit 1ec6607): defect 0.851, masked 0.872, driver
// 0.723, agent praise 0.800, safety 0.625, churn 0.462, cluster F1 0.580. See
// its README for whether it has been tuned on since.
var holdout28Floors = map[string]float64{
	"defect":       0.82,
	"masked":       0.84,
	"driver":       0.69,
	"agent praise": 0.77,
	"safety":       0.59,
	"churn":        0.43,
	"cluster F1":   0.55,
}

// holdout27Floors are a little under what the analyzer reached the first
// time it saw the hand-written holdout27 (home health devices; rules
// 2026.12.17, commit 89ddf06): defect 0.908, masked 0.923, driver 0.844, agent
// praise 0.979, safety 0.710, churn 0.727, cluster F1 0.668. See its README
// for whether it has been tuned on since.
var holdout27Floors = map[string]float64{
	"defect":       0.88,
	"masked":       0.89,
	"driver":       0.81,
	"agent praise": 0.95,
	"safety":       0.68,
	"churn":        0.70,
	"cluster F1":   0.64,
}

// holdout6Floors: the second hand-written Twitter-style set. First seen:
// defect 0.85, agent praise 0.93, safety 0.88, churn 0.46, cluster F1 0.68;
// then tuned on, so it guards against regressions only.
var holdout6Floors = map[string]float64{
	"defect":       0.87,
	"agent praise": 0.90,
	"safety":       0.85,
	"churn":        0.87, // 0.95 before deleting the app needed to be said as intent
	"cluster F1":   0.76,
}

// holdout4Floors are a little under what the analyzer reaches on the
// hand-written Twitter-style threads (testdata/holdout4). First seen at rules
// 2026.12.1: defect 0.87, agent praise 0.88, safety 0.88, churn 0.76, cluster
// F1 0.58; its misses were then fixed in general form, so it now guards
// against regressions only. No thread has a survey, so masked and driver are
// not scored.
var holdout4Floors = map[string]float64{
	"defect":       0.88,
	"agent praise": 0.85,
	"safety":       0.85,
	"churn":        0.85,
	"cluster F1":   0.74,
}

// TestEvalFloors scores every labelled corpus against its floors.
func TestEvalFloors(t *testing.T) {
	for _, c := range []struct {
		corpus         string // testdata/<corpus>.jsonl and .labels.jsonl
		minTranscripts int
		floors         map[string]float64
	}{
		{"corpus/eval", 100, floors},
		{"holdout/holdout", 50, holdoutFloors},
		{"tuning/tuning", 50, tuningFloors},
		{"tuning2/tuning2", 50, tuning2Floors},
		{"tuning3/tuning3", 50, tuning3Floors},
		{"holdout2/holdout2", 100, holdout2Floors},
		{"holdout3/holdout3", 100, holdout3Floors},
		{"holdout4/holdout4", 100, holdout4Floors},
		{"holdout5/holdout5", 100, holdout5Floors},
		{"holdout6/holdout6", 100, holdout6Floors},
		{"holdout7/holdout7", 100, holdout7Floors},
		{"holdout8/holdout8", 100, holdout8Floors},
		{"holdout9/holdout9", 100, holdout9Floors},
		{"holdout10/holdout10", 100, holdout10Floors},
		{"holdout11/holdout11", 100, holdout11Floors},
		{"holdout12/holdout12", 100, holdout12Floors},
		{"holdout13/holdout13", 100, holdout13Floors},
		{"holdout14/holdout14", 100, holdout14Floors},
		{"holdout15/holdout15", 100, holdout15Floors},
		{"holdout16/holdout16", 100, holdout16Floors},
		{"holdout17/holdout17", 100, holdout17Floors},
		{"holdout18/holdout18", 100, holdout18Floors},
		{"holdout19/holdout19", 100, holdout19Floors},
		{"holdout20/holdout20", 100, holdout20Floors},
		{"holdout21/holdout21", 100, holdout21Floors},
		{"holdout22/holdout22", 120, holdout22Floors},
		{"holdout23/holdout23", 100, holdout23Floors},
		{"holdout24/holdout24", 100, holdout24Floors},
		{"holdout25/holdout25", 100, holdout25Floors},
		{"holdout26/holdout26", 100, holdout26Floors},
		{"holdout27/holdout27", 100, holdout27Floors},
		{"holdout28/holdout28", 100, holdout28Floors},
	} {
		t.Run(c.corpus, func(t *testing.T) {
			checkFloors(t, "../testdata/"+c.corpus+".jsonl", "../testdata/"+c.corpus+".labels.jsonl", c.minTranscripts, c.floors)
		})
	}
}

func checkFloors(t *testing.T, corpus, labels string, minTranscripts int, floors map[string]float64) {
	t.Helper()
	if _, err := os.Stat(labels); err != nil {
		t.Skipf("no labelled corpus: %v", err)
	}
	a, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := LoadCorpus(corpus)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := LoadLabels(labels)
	if err != nil {
		t.Fatal(err)
	}
	r := Run(a, ts, ls)
	if r.Transcripts < minTranscripts {
		t.Fatalf("only %d labelled transcripts", r.Transcripts)
	}
	got := map[string]float64{
		"defect": r.Defect.F1(), "masked": r.Masked.F1(), "agent praise": r.AgentPraise.F1(),
		"safety": r.Safety.F1(), "churn": r.Churn.F1(), "driver": r.DriverAccuracy(),
		"cluster F1": r.Clusters.F1,
	}
	for k, floor := range floors {
		if got[k] < floor {
			t.Errorf("%s: %.3f, below the floor %.2f", k, got[k], floor)
		}
	}
	if t.Failed() {
		r.Print(os.Stderr)
	}
}

func TestBinary(t *testing.T) {
	var b Binary
	for _, c := range []struct{ want, got bool }{{true, true}, {true, true}, {true, false}, {false, true}, {false, false}} {
		b.add(c.want, c.got)
	}
	if b.TP != 2 || b.FP != 1 || b.FN != 1 || b.TN != 1 {
		t.Fatalf("%+v", b)
	}
	if p, r, f := b.Precision(), b.Recall(), b.F1(); p != 2.0/3 || r != 2.0/3 || f < 0.666 || f > 0.667 {
		t.Errorf("p %v r %v f %v", p, r, f)
	}
	if (Binary{}).F1() != 1 {
		t.Error("empty F1 should be 1")
	}
}

func TestPairDefects(t *testing.T) {
	want := []gen.DefectLabel{{Component: "charging case", Symptom: "does not charge"}, {Component: "left earbud", Symptom: "drops connection"}}
	ms := []cluster.Mention{{Component: "left earbud", Symptom: "disconnects"}, {Component: "case", Symptom: "does not charge"}, {Component: "lid", Symptom: "leaks"}}
	if got := pairDefects(want, ms); got[0] != 1 || got[1] != 0 {
		t.Errorf("got %v, want [1 0]", got)
	}
	if got := pairDefects(want[:1], nil); got[0] != -1 {
		t.Errorf("no mentions: got %v, want [-1]", got)
	}
}

func TestScoreClustersCountsMissedAndInvented(t *testing.T) {
	labels := map[string]gen.Label{
		"a": {Defects: []gen.DefectLabel{{Cluster: "X", Component: "case", Symptom: "does not charge"}}},
		"b": {Defects: []gen.DefectLabel{{Cluster: "X", Component: "case", Symptom: "does not charge"}}},
		"c": {Defects: []gen.DefectLabel{{Cluster: "X", Component: "case", Symptom: "does not charge"}}},
		"d": {},
	}
	m := func(tid string) []cluster.Mention {
		return []cluster.Mention{{ID: tid + "#0", TranscriptID: tid, Product: "EB-200", Component: "case", Symptom: "does not charge"}}
	}
	// c's defect is missed; d's mention is invented and joins a and b.
	r := scoreClusters([]string{"a", "b", "c", "d"}, map[string][]cluster.Mention{"a": m("a"), "b": m("b"), "d": m("d")}, labels, cluster.Options{})
	if r.Missed != 1 || r.Invented != 1 || r.Matched != 2 {
		t.Fatalf("missed %d invented %d matched %d, want 1 1 2", r.Missed, r.Invented, r.Matched)
	}
	// Truth pairs: ab ac bc = 3; predicted: ab ad bd = 3; both: ab.
	if r.Precision != 1.0/3 || r.Recall != 1.0/3 {
		t.Errorf("precision %v recall %v, want 1/3 each", r.Precision, r.Recall)
	}
}

// Clustering the same mentions gives the same clusters every time: a map
// walked in random order must never decide a join (it once did, through a
// floating-point sum whose rounding followed the order; holdout24 showed it
// about one run in three).
func TestClusteringIsDeterministic(t *testing.T) {
	a, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := LoadCorpus("../testdata/holdout24/holdout24.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var ms []cluster.Mention
	for _, tr := range ts {
		ms = append(ms, engine.Mentions(tr, a.Analyze(tr))...)
	}
	first := cluster.Run(ms, nil, cluster.Options{}).Assignments()
	for range 12 {
		got := cluster.Run(ms, nil, cluster.Options{}).Assignments()
		for id, c := range first {
			if got[id] != c {
				t.Fatalf("mention %s: cluster %s, then %s", id, c, got[id])
			}
		}
	}
}

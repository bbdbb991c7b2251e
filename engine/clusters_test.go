package engine

import (
	"fmt"
	"testing"

	"github.com/frictionhq/friction/cluster"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

func defectTranscripts() []*transcript.Transcript {
	var out []*transcript.Transcript
	for i, text := range []string{
		"the kettle lid cracked after two days",
		"my kettle lid has cracked down the middle",
		"the lid of the kettle cracked when i opened it",
		"the robot vacuum brush keeps jamming",
		"the vacuum brush jams every few minutes",
	} {
		out = append(out, tr(fmt.Sprintf("d-%d", i), transcript.Chat, i, text))
	}
	return out
}

func clusterIDs(t *testing.T, e *Engine) map[string]string {
	t.Helper()
	page, _, _, err := e.ListClusters(ClusterQuery{PageSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, s := range page {
		ids[s.Label] = s.ID
	}
	return ids
}

func TestClusterIDsStableAcrossRestartAndReingest(t *testing.T) {
	dir := t.TempDir()
	e := openEngine(t, dir)
	ingest(t, e, defectTranscripts()...)
	before := clusterIDs(t, e)
	if len(before) < 2 {
		t.Fatalf("want the lid and brush causes apart, got %v", before)
	}
	e.Close()

	e = openEngine(t, dir)
	defer e.Close()
	ingest(t, e, defectTranscripts()...) // re-ingest the same ids
	ingest(t, e, tr("d-new", transcript.Call, 9, "um the kettle lid is cracked again"))
	after := clusterIDs(t, e)
	for label, id := range before {
		if after[label] != id {
			t.Errorf("cluster %q changed id across restart and re-ingest: %s -> %s", label, id, after[label])
		}
	}
	rec, _ := e.Get("d-new")
	a, _ := AnalysisOf(rec)
	ids := e.TranscriptClusterIDs(rec, a)
	if len(ids) == 0 || ids[0] != before[labelOf(t, e, "d-0")] {
		t.Errorf("new cracked-lid transcript got clusters %v, want the existing lid cluster", ids)
	}
}

func labelOf(t *testing.T, e *Engine, id string) string {
	rec, err := e.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := AnalysisOf(rec)
	ids := e.TranscriptClusterIDs(rec, a)
	if len(ids) == 0 {
		t.Fatalf("%s has no defect", id)
	}
	s, err := e.GetCluster(ids[0], cluster.Window{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return s.Label
}

func TestRulesChangeReanalysesHistory(t *testing.T) {
	dir := t.TempDir()
	e := openEngine(t, dir)
	ingest(t, e, defectTranscripts()...)
	e.Close()
	// Pretend the stored analyses came from older rules.
	e = openEngine(t, dir)
	if err := e.store.SetMeta(metaRulesVersion, "old"); err != nil {
		t.Fatal(err)
	}
	rec, _ := e.Get("d-0")
	rec.RulesVersion, rec.Analysis = "old", nil
	if _, err := e.store.Put([]*store.Record{rec}); err != nil {
		t.Fatal(err)
	}
	e.Close()

	e = openEngine(t, dir)
	defer e.Close()
	rec, _ = e.Get("d-0")
	if rec.RulesVersion != e.RulesVersion() || len(rec.Analysis) == 0 {
		t.Errorf("after a rules change d-0 has rules %q (want %q), analysis %d bytes", rec.RulesVersion, e.RulesVersion(), len(rec.Analysis))
	}
	if got := searchIDs(t, e, SearchRequest{Query: "category:product_defect"}); len(got) != 5 {
		t.Errorf("labels not re-indexed: %v", got)
	}
}

// An ad-hoc analysis (AnalyzeTranscript) takes the id of the root cause it
// belongs to from the registry, without re-clustering stored data.
func TestAssignClusterIDsWithoutReclustering(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	ingest(t, e, defectTranscripts()...)
	lid := labelOf(t, e, "d-0")
	want := clusterIDs(t, e)[lid]
	ingest(t, e, tr("d-more", transcript.Chat, 7, "the vacuum brush jams again")) // the clustering is now stale
	rec, a, err := e.Analyze(tr("adhoc", transcript.Chat, 8, "the kettle lid cracked on day one"))
	if err != nil {
		t.Fatal(err)
	}
	ids := e.AssignClusterIDs(rec, a)
	if len(ids) != 1 || ids[0] != want {
		t.Errorf("ad-hoc cracked lid: clusters %v, want [%s]", ids, want)
	}
	if !e.clusters.dirty {
		t.Error("AssignClusterIDs re-clustered")
	}
}

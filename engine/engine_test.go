package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/frictionhq/friction/index"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

var day0 = time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)

func tr(id string, ch transcript.Channel, day int, turns ...string) *transcript.Transcript {
	t := &transcript.Transcript{ID: id, Channel: ch, StartedAt: day0.AddDate(0, 0, day),
		Agents: []transcript.Party{{ID: "a-1", Name: "Priya"}}, Customer: &transcript.Party{ID: "c-" + id}}
	for i, text := range turns {
		sp := transcript.Customer
		if i%2 == 1 {
			sp = transcript.Agent
		}
		t.Turns = append(t.Turns, transcript.Turn{Speaker: sp, Text: text})
	}
	return t
}

func openEngine(t *testing.T, dir string) *Engine {
	t.Helper()
	e, err := Open(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func ingest(t *testing.T, e *Engine, ts ...*transcript.Transcript) []IngestResult {
	t.Helper()
	res, err := e.Ingest(context.Background(), ts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func searchIDs(t *testing.T, e *Engine, req SearchRequest) []string {
	t.Helper()
	res, err := e.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%+v): %v", req, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.Record.Transcript.ID)
	}
	sort.Strings(ids)
	return ids
}

func TestIngestKeepsValidAndRejectsInvalid(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	bad := tr("bad", "fax", 0, "hello")
	res := ingest(t, e, tr("a", transcript.Chat, 0, "my kettle leaks"), bad, tr("b", transcript.Call, 1, "the lid cracked"))
	if !res[0].Stored || res[1].Stored || !res[2].Stored {
		t.Fatalf("got %+v, want a and b stored, bad rejected", res)
	}
	if res[1].Rejected == nil || res[1].Rejected.Violations[0].Field != "channel" {
		t.Errorf("rejection %+v should name the channel field", res[1].Rejected)
	}
	if _, err := e.Get("bad"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(bad) = %v, want ErrNotFound", err)
	}
}

func TestReplaceKeepsStoreAndIndexInStep(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	ingest(t, e, tr("a", transcript.Chat, 0, "the kettle leaks"))
	res := ingest(t, e, tr("a", transcript.Chat, 0, "the toaster burns bread"))
	if !res[0].Replaced {
		t.Errorf("second ingest of a: Replaced = false")
	}
	if got := searchIDs(t, e, SearchRequest{Query: "kettle"}); len(got) != 0 {
		t.Errorf("old text still found: %v", got)
	}
	if got := searchIDs(t, e, SearchRequest{Query: "toaster"}); len(got) != 1 {
		t.Errorf("new text not found: %v", got)
	}
	if c, _ := e.Counts(); c.Transcripts != 1 || c.Indexed != 1 {
		t.Errorf("counts %+v, want 1 stored, 1 indexed", c)
	}
}

func TestSearchFiltersAndFields(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	ingest(t, e,
		tr("c1", transcript.Call, 0, "my earbuds will not charge", "have you tried a refund"),
		tr("c2", transcript.Chat, 7, "i want a refund for the kettle", "sure"),
		tr("c3", transcript.Email, 14, "the charging case is cracked", "we will send a replacement"),
	)
	tests := []struct {
		name string
		req  SearchRequest
		want []string
	}{
		{"words", SearchRequest{Query: "charge"}, []string{"c1", "c3"}},
		{"customer said", SearchRequest{Query: "customer:refund"}, []string{"c2"}},
		{"agent said", SearchRequest{Query: "agent:refund"}, []string{"c1"}},
		{"channel field in query", SearchRequest{Query: "channel:email"}, []string{"c3"}},
		{"channel filter", SearchRequest{Query: "refund", Channels: []transcript.Channel{transcript.Chat}}, []string{"c2"}},
		{"date window", SearchRequest{Start: day0.AddDate(0, 0, 5), End: day0.AddDate(0, 0, 10)}, []string{"c2"}},
		{"phrase", SearchRequest{Query: `"charging case"`}, []string{"c3"}},
		{"must not", SearchRequest{Query: "charge -cracked"}, []string{"c1"}},
		{"fuzzy", SearchRequest{Query: "kettel~1"}, []string{"c2"}},
		{"all", SearchRequest{}, []string{"c1", "c2", "c3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchIDs(t, e, tt.req)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSearchSnippetsNameTheTurn(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	ingest(t, e, tr("c1", transcript.Call, 0, "hello there", "how can i help", "my kettle lid is cracked"))
	res, err := e.Search(context.Background(), SearchRequest{Query: "cracked"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %v, %+v", err, res)
	}
	sn := res.Hits[0].Snippets
	if len(sn) != 1 || sn[0].Turn != 2 || sn[0].Speaker != transcript.Customer {
		t.Fatalf("snippets %+v, want one from turn 2 by the customer", sn)
	}
	h := sn[0].Highlights[0]
	if got := string([]rune(sn[0].Text)[h[0]:h[1]]); got != "cracked" {
		t.Errorf("highlight covers %q, want cracked", got)
	}
}

func TestSearchBadInput(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	for _, req := range []SearchRequest{
		{Query: `"unclosed phrase`},
		{PageToken: "not-a-token"},
		{Facets: []string{"colour"}},
		{PageSize: MaxPageSize + 1},
		{Start: day0, End: day0},
	} {
		if _, err := e.Search(context.Background(), req); !errors.Is(err, ErrInvalid) {
			t.Errorf("Search(%+v) = %v, want ErrInvalid", req, err)
		}
	}
}

func TestDeepPagingVisitsEveryHitOnce(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	var batch []*transcript.Transcript
	for i := range 57 {
		batch = append(batch, tr(fmt.Sprintf("t%02d", i), transcript.Chat, i%9, "the battery drains overnight"))
	}
	ingest(t, e, batch...)
	for _, sortBy := range []index.Sort{index.ByRelevance, index.ByNewest, index.ByOldest, index.ByScoreAscending} {
		seen := map[string]int{}
		req := SearchRequest{Query: "battery", PageSize: 10, Sort: sortBy}
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatalf("sort %v: paging does not end", sortBy)
			}
			res, err := e.Search(context.Background(), req)
			if err != nil {
				t.Fatalf("sort %v page %d: %v", sortBy, pages, err)
			}
			for _, h := range res.Hits {
				seen[h.Record.Transcript.ID]++
			}
			if res.NextPageToken == "" {
				break
			}
			req.PageToken = res.NextPageToken
		}
		if len(seen) != 57 {
			t.Errorf("sort %v: saw %d distinct hits, want 57", sortBy, len(seen))
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("sort %v: %s seen %d times", sortBy, id, n)
			}
		}
	}
}

func TestFacets(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	a := tr("a", transcript.Chat, 0, "x")
	a.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5}
	ingest(t, e, a, tr("b", transcript.Chat, 8, "x"), tr("c", transcript.Call, 8, "x"))
	res, err := e.Search(context.Background(), SearchRequest{Facets: []string{"channel", "date", "survey_score"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range res.Facets {
		got[f.Name] = fmt.Sprint(f.Buckets)
	}
	want := map[string]string{
		"channel":      "[{chat 2} {call 1}]",
		"date":         "[{2026-08-31 1} {2026-09-07 2}]",
		"survey_score": "[{0.00-0.25 0} {0.25-0.50 0} {0.50-0.75 0} {0.75-1.00 1}]",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("facet %s = %s, want %s", k, got[k], w)
		}
	}
}

// A crash between the store commit and the index batch leaves the index behind;
// the next start must replay the store's change log.
func TestIndexCatchesUpAfterCrash(t *testing.T) {
	dir := t.TempDir()
	e := openEngine(t, dir)
	ingest(t, e, tr("a", transcript.Chat, 0, "kettle"), tr("gone", transcript.Chat, 0, "toaster"))
	e.Close()

	// Simulate writes the index never saw.
	st, err := store.Open(filepath.Join(dir, "friction.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.Put([]*store.Record{{Transcript: *tr("b", transcript.Chat, 1, "kettle again")}})
	st.Delete("gone")
	st.Close()

	e = openEngine(t, dir)
	defer e.Close()
	if got := searchIDs(t, e, SearchRequest{Query: "kettle"}); fmt.Sprint(got) != "[a b]" {
		t.Errorf("after restart kettle finds %v, want [a b]", got)
	}
	if got := searchIDs(t, e, SearchRequest{Query: "toaster"}); len(got) != 0 {
		t.Errorf("deleted transcript still found: %v", got)
	}
}

func TestIndexRebuiltWhenMissing(t *testing.T) {
	dir := t.TempDir()
	e := openEngine(t, dir)
	ingest(t, e, tr("a", transcript.Chat, 0, "kettle"))
	e.Close()
	if err := os.RemoveAll(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	e = openEngine(t, dir)
	defer e.Close()
	if got := searchIDs(t, e, SearchRequest{Query: "kettle"}); fmt.Sprint(got) != "[a]" {
		t.Errorf("after rebuild kettle finds %v, want [a]", got)
	}
}

func TestSecondEngineOnSameDirIsRefused(t *testing.T) {
	dir := t.TempDir()
	e := openEngine(t, dir)
	defer e.Close()
	if _, err := Open(Config{DataDir: dir}); !errors.Is(err, ErrDataDirInUse) {
		t.Fatalf("second Open: %v, want ErrDataDirInUse", err)
	}
}

func TestDelete(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	ingest(t, e, tr("a", transcript.Chat, 0, "kettle"))
	if err := e.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if err := e.Delete("a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if got := searchIDs(t, e, SearchRequest{Query: "kettle"}); len(got) != 0 {
		t.Errorf("deleted transcript found: %v", got)
	}
}

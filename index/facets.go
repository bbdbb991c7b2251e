package index

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
)

// termFacetFields maps facet names to the keyword field they count.
var termFacetFields = map[string]string{
	"channel":  FieldChannel,
	"queue":    FieldQueue,
	"agent":    FieldAgentName,
	"category": FieldCategory,
	"cluster":  FieldCluster,
	"masked":   FieldMasked,
	"driver":   FieldDriver,
	"safety":   FieldSafety,
}

// scoreBuckets split the normalised survey score; the top one is what the spec
// calls a positive survey.
var scoreBuckets = []struct {
	name     string
	min, max float64
}{
	{"0.00-0.25", 0, 0.25}, {"0.25-0.50", 0.25, 0.5}, {"0.50-0.75", 0.5, 0.75}, {"0.75-1.00", 0.75, 1.0001},
}

const termFacetSize = 20

// ErrUnknownFacet is returned for a facet name not in FacetNames.
var ErrUnknownFacet = fmt.Errorf("unknown facet")

type dateRange struct {
	name       string
	start, end time.Time
}

// addFacets adds the requested facets to req and returns the date buckets used,
// in order, so results can be listed chronologically.
func (ix *Index) addFacets(ctx context.Context, req *bleve.SearchRequest, q Query) ([]dateRange, error) {
	var dates []dateRange
	for _, name := range q.Facets {
		if field, ok := termFacetFields[name]; ok {
			req.AddFacet(name, bleve.NewFacetRequest(field, termFacetSize))
			continue
		}
		switch name {
		case "survey_score":
			f := bleve.NewFacetRequest(FieldSurvey, len(scoreBuckets))
			for _, b := range scoreBuckets {
				min, max := b.min, b.max
				f.AddNumericRange(b.name, &min, &max)
			}
			req.AddFacet(name, f)
		case "date":
			var err error
			if dates, err = ix.dateBuckets(ctx, q.Start, q.End); err != nil {
				return nil, err
			}
			f := bleve.NewFacetRequest(FieldStartedAt, len(dates))
			for _, d := range dates {
				f.AddDateTimeRange(d.name, d.start, d.end)
			}
			req.AddFacet(name, f)
		default:
			return nil, fmt.Errorf("%w %q (known: %v)", ErrUnknownFacet, name, FacetNames)
		}
	}
	return dates, nil
}

// dateBuckets splits [start, end) into weeks (Monday to Monday, UTC), or months
// when that would make more than 26 buckets. An open bound is taken from the
// oldest or newest transcript.
func (ix *Index) dateBuckets(ctx context.Context, start, end time.Time) ([]dateRange, error) {
	var err error
	if start.IsZero() {
		if start, err = ix.edgeDate(ctx, ByOldest); err != nil {
			return nil, err
		}
	}
	if end.IsZero() {
		if end, err = ix.edgeDate(ctx, ByNewest); err != nil {
			return nil, err
		}
		end = end.Add(time.Second)
	}
	if !start.Before(end) {
		return nil, nil
	}
	week := startOfWeek(start)
	if end.Sub(week) <= 26*7*24*time.Hour {
		var out []dateRange
		for w := week; w.Before(end); w = w.AddDate(0, 0, 7) {
			out = append(out, dateRange{name: w.Format("2006-01-02"), start: w, end: w.AddDate(0, 0, 7)})
		}
		return out, nil
	}
	var out []dateRange
	for m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC); m.Before(end); m = m.AddDate(0, 1, 0) {
		out = append(out, dateRange{name: m.Format("2006-01"), start: m, end: m.AddDate(0, 1, 0)})
	}
	return out, nil
}

// edgeDate returns the started_at of the oldest or newest transcript.
func (ix *Index) edgeDate(ctx context.Context, s Sort) (time.Time, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	req.SortByCustom(sortOrder(s))
	req.Fields = nil
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil || len(res.Hits) == 0 || len(res.Hits[0].Sort) == 0 {
		return time.Time{}, err
	}
	return decodeDateSort(res.Hits[0].Sort[0])
}

// startOfWeek returns Monday 00:00 UTC of t's week.
func startOfWeek(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

func facets(res search.FacetResults, names []string, dates []dateRange) []Facet {
	var out []Facet
	for _, name := range names {
		fr, ok := res[name]
		if !ok {
			continue
		}
		f := Facet{Name: name, Missing: int64(fr.Missing), Other: int64(fr.Other)}
		switch name {
		case "survey_score":
			counts := map[string]int64{}
			for _, r := range fr.NumericRanges {
				counts[r.Name] = int64(r.Count)
			}
			for _, b := range scoreBuckets {
				f.Buckets = append(f.Buckets, Bucket{Key: b.name, Count: counts[b.name]})
			}
		case "date":
			counts := map[string]int64{}
			for _, r := range fr.DateRanges {
				counts[r.Name] = int64(r.Count)
			}
			for _, d := range dates {
				f.Buckets = append(f.Buckets, Bucket{Key: d.name, Count: counts[d.name]})
			}
		default:
			if fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					f.Buckets = append(f.Buckets, Bucket{Key: t.Term, Count: int64(t.Count)})
				}
			}
			sort.SliceStable(f.Buckets, func(i, j int) bool { return f.Buckets[i].Count > f.Buckets[j].Count })
		}
		out = append(out, f)
	}
	return out
}

// decodeDateSort reads a hit's date sort value, which Bleve gives either as RFC
// 3339 text or still prefix-coded, depending on the path the hit took.
func decodeDateSort(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t, nil
	}
	ns, err := numeric.PrefixCoded(v).Int64()
	if err != nil {
		return time.Time{}, fmt.Errorf("decode date sort value: %w", err)
	}
	return time.Unix(0, ns).UTC(), nil
}

package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	pb "github.com/frictionhq/friction/proto/friction/v1"
)

// listFlag collects a repeatable, comma-separated flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

var searchSorts = map[string]pb.SearchSort{
	"relevance": pb.SearchSort_SEARCH_SORT_RELEVANCE,
	"newest":    pb.SearchSort_SEARCH_SORT_NEWEST,
	"oldest":    pb.SearchSort_SEARCH_SORT_OLDEST,
	"score":     pb.SearchSort_SEARCH_SORT_SCORE_ASCENDING,
	"-score":    pb.SearchSort_SEARCH_SORT_SCORE_DESCENDING,
}

func runSearch(ctx context.Context, c *cmdContext) int {
	var channels, facets listFlag
	c.fs.Var(&channels, "channel", "only these `channels` (call, chat, email, survey; repeatable or comma-separated)")
	c.fs.Var(&facets, "facet", "count hits by these `facets` (channel, queue, agent, survey_score, date ...)")
	window := windowFlags(c)
	sortBy := c.fs.String("sort", "relevance", "`order`: relevance, newest, oldest, score (worst first), -score")
	limit := c.fs.Int("limit", 20, "hits per page")
	page := c.fs.String("page", "", "page `token` printed by the previous page")
	if code, ok := c.parse(0, 1); !ok {
		return code
	}
	req := &pb.SearchTranscriptsRequest{PageSize: int32(*limit), PageToken: *page, Facets: facets}
	if len(c.args) == 1 {
		req.Query = c.args[0]
	}
	for _, ch := range channels {
		v, ok := pb.Channel_value["CHANNEL_"+strings.ToUpper(ch)]
		if !ok || v == 0 {
			return c.fail(fmt.Errorf("--channel %q: want call, chat, email or survey", ch))
		}
		req.Channels = append(req.Channels, pb.Channel(v))
	}
	s, ok := searchSorts[*sortBy]
	if !ok {
		return c.fail(fmt.Errorf("--sort %q: want relevance, newest, oldest, score or -score", *sortBy))
	}
	req.Sort = s
	w, err := window()
	if err != nil {
		return c.fail(err)
	}
	req.Window = w
	client, err := c.client()
	if err != nil {
		return c.fail(err)
	}
	rctx, cancel := c.ctx(ctx)
	defer cancel()
	resp, err := client.SearchTranscripts(rctx, req)
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		if err := c.printProto(resp); err != nil {
			return c.fail(err)
		}
	} else {
		printSearch(c.env.Stdout, req, resp, isTerminal(c.env.Stdout))
	}
	if len(resp.GetHits()) == 0 {
		return ExitProblems
	}
	return ExitOK
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date like 2026-09-01 or 2026-09-01T10:00:00Z", s)
}

func printSearch(w io.Writer, req *pb.SearchTranscriptsRequest, resp *pb.SearchTranscriptsResponse, color bool) {
	what := "all transcripts"
	if req.GetQuery() != "" {
		what = fmt.Sprintf("%q", req.GetQuery())
	}
	fmt.Fprintf(w, "%s match %s (%s)\n", plural(int(resp.GetTotalSize()), "transcript", "transcripts"), what,
		(time.Duration(resp.GetTookMicros()) * time.Microsecond).Round(time.Microsecond*10))
	for _, h := range resp.GetHits() {
		fmt.Fprintln(w)
		fmt.Fprintln(w, hitHeader(h))
		for _, sn := range h.GetSnippets() {
			who := lowerEnum(sn.GetSpeaker().String(), "SPEAKER_")
			if sn.GetTurn() < 0 {
				who = "subject"
			}
			fmt.Fprintf(w, "  #%d %s: %s\n", sn.GetTurn(), who, highlight(sn, color))
		}
	}
	for _, f := range resp.GetFacets() {
		fmt.Fprintf(w, "\n%s:", f.GetName())
		for _, b := range f.GetBuckets() {
			fmt.Fprintf(w, "  %s %d", b.GetKey(), b.GetCount())
		}
		if f.GetMissing() > 0 {
			fmt.Fprintf(w, "  (none) %d", f.GetMissing())
		}
		fmt.Fprintln(w)
	}
	if resp.GetNextPageToken() != "" {
		fmt.Fprintf(w, "\nmore: add --page %s\n", resp.GetNextPageToken())
	}
}

func hitHeader(h *pb.SearchHit) string {
	parts := []string{h.GetId(), lowerEnum(h.GetChannel().String(), "CHANNEL_")}
	if h.GetStartedAt() != nil {
		parts = append(parts, h.GetStartedAt().AsTime().UTC().Format("2006-01-02 15:04"))
	}
	if h.GetCustomerId() != "" {
		parts = append(parts, "customer "+h.GetCustomerId())
	}
	for _, a := range h.GetAgents() {
		name := a.GetName()
		if name == "" {
			name = a.GetId()
		}
		parts = append(parts, "agent "+name)
	}
	if s := h.GetSurvey(); s != nil {
		parts = append(parts, surveyText(s))
	}
	if h.GetSubject() != "" {
		parts = append(parts, fmt.Sprintf("%q", h.GetSubject()))
	}
	return strings.Join(parts, "  ")
}

func surveyText(s *pb.Survey) string {
	max := s.GetScaleMax()
	if max == 0 {
		switch s.GetType() {
		case pb.SurveyType_SURVEY_TYPE_NPS:
			max = 10
		case pb.SurveyType_SURVEY_TYPE_CES:
			max = 7
		default:
			max = 5
		}
	}
	return fmt.Sprintf("%s %g/%g", strings.ToUpper(lowerEnum(s.GetType().String(), "SURVEY_TYPE_")), s.GetScore(), max)
}

// highlight marks the matched words: bold on a terminal, **word** elsewhere.
func highlight(sn *pb.Snippet, color bool) string {
	open, close := "**", "**"
	if color {
		open, close = "\x1b[1;33m", "\x1b[0m"
	}
	runes := []rune(sn.GetText())
	var b strings.Builder
	at := 0
	for _, r := range sn.GetHighlights() {
		s, e := int(r.GetStart()), int(r.GetEnd())
		if s < at || e > len(runes) || s >= e {
			continue
		}
		b.WriteString(string(runes[at:s]))
		b.WriteString(open + string(runes[s:e]) + close)
		at = e
	}
	b.WriteString(string(runes[at:]))
	return strings.ReplaceAll(b.String(), "\n", " ")
}

package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	pb "github.com/frictionhq/friction/proto/friction/v1"
)

var clusterSorts = map[string]pb.ClusterSort{
	"size":   pb.ClusterSort_CLUSTER_SORT_SIZE,
	"growth": pb.ClusterSort_CLUSTER_SORT_GROWTH,
	"masked": pb.ClusterSort_CLUSTER_SORT_MASKED_SHARE,
}

// windowFlags adds --from and --to to a command and returns a function that
// reads them into a TimeWindow (nil when neither is set).
func windowFlags(c *cmdContext) func() (*pb.TimeWindow, error) {
	from := c.fs.String("from", "", "only contacts on or after this `date` (2026-09-01 or RFC 3339)")
	to := c.fs.String("to", "", "only contacts before this `date`")
	return func() (*pb.TimeWindow, error) {
		if *from == "" && *to == "" {
			return nil, nil
		}
		w := &pb.TimeWindow{}
		if *from != "" {
			t, err := parseDate(*from)
			if err != nil {
				return nil, fmt.Errorf("--from: %w", err)
			}
			w.StartTime = timestamppb.New(t)
		}
		if *to != "" {
			t, err := parseDate(*to)
			if err != nil {
				return nil, fmt.Errorf("--to: %w", err)
			}
			w.EndTime = timestamppb.New(t)
		}
		return w, nil
	}
}

func runClusters(ctx context.Context, c *cmdContext) int {
	window := windowFlags(c)
	weeks := c.fs.Int("weeks", 0, "only the last `N` weeks up to the newest contact, growth against the N weeks before")
	sortBy := c.fs.String("sort", "size", "`order`: size, growth or masked (share hidden behind good surveys)")
	safety := c.fs.Bool("safety", false, "only clusters with safety signals")
	limit := c.fs.Int("limit", 20, "clusters per page")
	page := c.fs.String("page", "", "page `token` printed by the previous page")
	if code, ok := c.parse(0, 0); !ok {
		return code
	}
	s, ok := clusterSorts[*sortBy]
	if !ok {
		return c.fail(fmt.Errorf("--sort %q: want size, growth or masked", *sortBy))
	}
	w, err := window()
	if err != nil {
		return c.fail(err)
	}
	if *weeks < 0 || (*weeks > 0 && w != nil) {
		return c.fail(fmt.Errorf("--weeks takes a positive number and cannot be combined with --from/--to"))
	}
	client, err := c.client()
	if err != nil {
		return c.fail(err)
	}
	rctx, cancel := c.ctx(ctx)
	defer cancel()
	if *weeks > 0 {
		if w, err = lastWeeks(rctx, client, *weeks); err != nil {
			return c.fail(err)
		}
	}
	resp, err := client.ListDefectClusters(rctx, &pb.ListDefectClustersRequest{
		Window: w, Sort: s, SafetyOnly: *safety, PageSize: int32(*limit), PageToken: *page,
	})
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		if err := c.printProto(resp); err != nil {
			return c.fail(err)
		}
	} else {
		printClusters(c.env.Stdout, resp, w)
	}
	if len(resp.GetClusters()) == 0 {
		return ExitProblems
	}
	return ExitOK
}

// lastWeeks is the window of the last n weeks up to the newest stored contact.
func lastWeeks(ctx context.Context, client pb.FrictionServiceClient, n int) (*pb.TimeWindow, error) {
	newest, err := client.SearchTranscripts(ctx, &pb.SearchTranscriptsRequest{Sort: pb.SearchSort_SEARCH_SORT_NEWEST, PageSize: 1})
	if err != nil {
		return nil, err
	}
	if len(newest.GetHits()) == 0 {
		return nil, fmt.Errorf("no transcripts stored yet")
	}
	end := newest.GetHits()[0].GetStartedAt().AsTime().Add(time.Second)
	return &pb.TimeWindow{StartTime: timestamppb.New(end.AddDate(0, 0, -7*n)), EndTime: timestamppb.New(end)}, nil
}

func printClusters(w io.Writer, resp *pb.ListDefectClustersResponse, window *pb.TimeWindow) {
	if window != nil {
		fmt.Fprintf(w, "defect clusters with contacts from %s to %s\n\n", day(window.GetStartTime()), day(window.GetEndTime()))
	}
	if len(resp.GetClusters()) == 0 {
		fmt.Fprintln(w, "no defect clusters in this window")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tROOT CAUSE\tCONTACTS\tCUSTOMERS\tGROWTH\tMASKED\tAVG SCORE\tAFFECTED*\t")
	ratio := resp.GetClusters()[0].GetAffected().GetSilentRatio()
	for _, cl := range resp.GetClusters() {
		label := cl.GetLabel()
		if cl.GetSafety() {
			label = "⚠ " + label
		}
		score := "—"
		if cl.AverageScore != nil {
			score = fmt.Sprintf("%.2f", cl.GetAverageScore())
		}
		growth := "—" // growth needs a closed window to compare with the one before
		if window.GetStartTime() != nil && window.GetEndTime() != nil {
			growth = growthText(cl.GetGrowth())
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%.0f%%\t%s\t~%d\t\n", cl.GetId(), label, cl.GetTranscriptCount(), cl.GetCustomerCount(),
			growth, 100*cl.GetMaskedShare(), score, cl.GetAffected().GetCustomers())
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d clusters. MASKED: share of contacts whose defect hides behind a positive survey.\n", resp.GetTotalSize())
	fmt.Fprintf(w, "* AFFECTED estimates customers with the defect, contacts or not: distinct customers in contact × %g,\n", ratio)
	fmt.Fprintln(w, "  the assumed silent-customer ratio (the industry's figure; set in config).")
	if window.GetStartTime() == nil || window.GetEndTime() == nil {
		fmt.Fprintln(w, "GROWTH compares a window with the one before it: give --weeks N or --from and --to.")
	}
	if resp.GetNextPageToken() != "" {
		fmt.Fprintf(w, "more: add --page %s\n", resp.GetNextPageToken())
	}
}

func growthText(g float64) string {
	return fmt.Sprintf("%+.0f%%", 100*g)
}

func runCluster(ctx context.Context, c *cmdContext) int {
	window := windowFlags(c)
	examples := c.fs.Int("examples", 5, "example transcripts to show")
	if code, ok := c.parse(1, 1); !ok {
		return code
	}
	w, err := window()
	if err != nil {
		return c.fail(err)
	}
	client, err := c.client()
	if err != nil {
		return c.fail(err)
	}
	rctx, cancel := c.ctx(ctx)
	defer cancel()
	resp, err := client.GetDefectCluster(rctx, &pb.GetDefectClusterRequest{Id: c.args[0], Window: w, ExampleCount: int32(*examples)})
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		if err := c.printProto(resp); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	printCluster(c.env.Stdout, resp.GetCluster())
	return ExitOK
}

func printCluster(w io.Writer, cl *pb.DefectCluster) {
	fmt.Fprintf(w, "%s  %s\n", cl.GetId(), cl.GetLabel())
	if cl.GetSafety() {
		fmt.Fprintln(w, "⚠ safety signals")
	}
	if len(cl.GetTerms()) > 0 {
		fmt.Fprintf(w, "terms: %s\n", strings.Join(cl.GetTerms(), ", "))
	}
	fmt.Fprintf(w, "contacts: %d from %d customers", cl.GetTranscriptCount(), cl.GetCustomerCount())
	if cl.GetFirstSeen() != nil {
		fmt.Fprintf(w, ", %s to %s", day(cl.GetFirstSeen()), day(cl.GetLastSeen()))
	}
	fmt.Fprintf(w, "\ngrowth against the previous window: %s\n", growthText(cl.GetGrowth()))
	fmt.Fprintf(w, "masked (behind a positive survey): %.0f%%", 100*cl.GetMaskedShare())
	if cl.AverageScore != nil {
		fmt.Fprintf(w, "; average survey score %.2f of 1", cl.GetAverageScore())
	}
	fmt.Fprintf(w, "\naffected customers: ~%d (%s)\n", cl.GetAffected().GetCustomers(), cl.GetAffected().GetAssumption())
	var ch []string
	for _, c := range cl.GetChannels() {
		ch = append(ch, fmt.Sprintf("%s %d", lowerEnum(c.GetChannel().String(), "CHANNEL_"), c.GetCount()))
	}
	fmt.Fprintf(w, "channels: %s\n", strings.Join(ch, ", "))
	if len(cl.GetWeekly()) > 0 {
		fmt.Fprintln(w, "\nweekly contacts:")
		max := int64(1)
		for _, wk := range cl.GetWeekly() {
			max = maxInt64(max, wk.GetCount())
		}
		for _, wk := range cl.GetWeekly() {
			bar := strings.Repeat("█", int((wk.GetCount()*30+max-1)/max))
			fmt.Fprintf(w, "  %s %3d %s\n", day(wk.GetWeekStart()), wk.GetCount(), bar)
		}
	}
	if len(cl.GetExamples()) > 0 {
		fmt.Fprintln(w, "\nexamples:")
	}
	for _, ex := range cl.GetExamples() {
		head := fmt.Sprintf("  %s  %s  %s", ex.GetTranscriptId(), lowerEnum(ex.GetChannel().String(), "CHANNEL_"), day(ex.GetStartedAt()))
		if ex.GetSurvey() != nil {
			head += "  " + surveyText(ex.GetSurvey())
		}
		if ex.GetMasked() {
			head += "  masked"
		}
		fmt.Fprintln(w, head)
		for _, ev := range ex.GetEvidence() {
			fmt.Fprintf(w, "    %s\n", evidenceText(ev))
		}
	}
}

func day(ts *timestamppb.Timestamp) string {
	if ts == nil {
		return "—"
	}
	return ts.AsTime().UTC().Format(time.DateOnly)
}

func maxInt64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// evidenceText is how the CLI quotes a piece of evidence.
func evidenceText(ev *pb.Evidence) string {
	where := fmt.Sprintf("turn %d", ev.GetTurn())
	if ev.GetTurn() < 0 {
		where = "survey comment"
	}
	return fmt.Sprintf("%s: %q [rule %s]", where, ev.GetText(), ev.GetRule())
}

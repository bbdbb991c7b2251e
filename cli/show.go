package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	pb "github.com/frictionhq/friction/proto/friction/v1"
)

func runShow(ctx context.Context, c *cmdContext) int {
	if code, ok := c.parse(1, 1); !ok {
		return code
	}
	client, err := c.client()
	if err != nil {
		return c.fail(err)
	}
	rctx, cancel := c.ctx(ctx)
	defer cancel()
	resp, err := client.GetTranscript(rctx, &pb.GetTranscriptRequest{Id: c.args[0]})
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		if err := c.printProto(resp); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	printTranscript(c.env.Stdout, resp.GetTranscript())
	printAnalysis(c.env.Stdout, resp.GetTranscript(), resp.GetAnalysis())
	return ExitOK
}

func printTranscript(w io.Writer, t *pb.Transcript) {
	fmt.Fprintf(w, "%s  %s", t.GetId(), lowerEnum(t.GetChannel().String(), "CHANNEL_"))
	if t.GetStartedAt() != nil {
		fmt.Fprintf(w, "  %s", t.GetStartedAt().AsTime().UTC().Format("2006-01-02 15:04 MST"))
	}
	if t.GetDurationSeconds() > 0 {
		fmt.Fprintf(w, "  %dm%02ds", t.GetDurationSeconds()/60, t.GetDurationSeconds()%60)
	}
	if t.GetQueue() != "" {
		fmt.Fprintf(w, "  queue %s", t.GetQueue())
	}
	fmt.Fprintln(w)
	if c := t.GetCustomer(); c != nil {
		fmt.Fprintf(w, "customer: %s\n", partyText(c))
	}
	if len(t.GetAgents()) > 0 {
		names := make([]string, len(t.GetAgents()))
		for i, a := range t.GetAgents() {
			names[i] = partyText(a)
		}
		fmt.Fprintf(w, "agents: %s\n", strings.Join(names, ", "))
	}
	if t.GetSubject() != "" {
		fmt.Fprintf(w, "subject: %s\n", t.GetSubject())
	}
	if s := t.GetSurvey(); s != nil {
		fmt.Fprintf(w, "survey: %s", surveyText(s))
		if s.GetComment() != "" {
			fmt.Fprintf(w, "  %q", s.GetComment())
		}
		fmt.Fprintln(w)
	}
	if len(t.GetMetadata()) > 0 {
		keys := make([]string, 0, len(t.GetMetadata()))
		for k := range t.GetMetadata() {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "%s: %s\n", k, t.GetMetadata()[k])
		}
	}
	fmt.Fprintln(w)
	for i, turn := range t.GetTurns() {
		who := lowerEnum(turn.GetSpeaker().String(), "SPEAKER_")
		if turn.GetName() != "" {
			who += " (" + turn.GetName() + ")"
		}
		text := strings.ReplaceAll(strings.TrimSpace(turn.GetText()), "\n", "\n      ")
		fmt.Fprintf(w, "%3d %s: %s\n", i, who, text)
	}
}

func partyText(p *pb.Party) string {
	switch {
	case p.GetName() != "" && p.GetId() != "":
		return fmt.Sprintf("%s (%s)", p.GetName(), p.GetId())
	case p.GetName() != "":
		return p.GetName()
	}
	return p.GetId()
}

func runDelete(ctx context.Context, c *cmdContext) int {
	if code, ok := c.parse(1, 1); !ok {
		return code
	}
	client, err := c.client()
	if err != nil {
		return c.fail(err)
	}
	rctx, cancel := c.ctx(ctx)
	defer cancel()
	if _, err := client.DeleteTranscript(rctx, &pb.DeleteTranscriptRequest{Id: c.args[0]}); err != nil {
		return c.fail(err)
	}
	if c.json {
		_ = json.NewEncoder(c.env.Stdout).Encode(map[string]string{"deleted": c.args[0]})
	} else {
		fmt.Fprintf(c.env.Stdout, "deleted %s\n", c.args[0])
	}
	return ExitOK
}

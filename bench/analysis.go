package bench

import (
	"context"
	"net"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/frictionhq/friction/apiconv"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/nlp"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/server"
	"github.com/frictionhq/friction/transcript"
)

// onAllCores runs fn(i) for i in [0, n) on GOMAXPROCS goroutines and returns
// items per second.
func onAllCores(n int, fn func(i int)) float64 {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		}()
	}
	wg.Wait()
	return float64(n) / time.Since(start).Seconds()
}

// AnalysisThroughput is transcripts per second analysed on all cores.
func AnalysisThroughput(ts []*transcript.Transcript) (float64, error) {
	an, err := nlp.Default()
	if err != nil {
		return 0, err
	}
	return onAllCores(len(ts), func(i int) { an.Analyze(ts[i]) }), nil
}

// TaggingThroughput is the analysis baseline: prose v3's part-of-speech tagger
// alone over the same transcripts' words (split on spaces), on all cores.
func TaggingThroughput(ts []*transcript.Transcript) (float64, error) {
	tg, err := tag.New()
	if err != nil {
		return 0, err
	}
	return onAllCores(len(ts), func(i int) {
		for _, turn := range ts[i].Turns {
			words := strings.Fields(turn.Text)
			toks := make([]tag.Token, len(words))
			for j, w := range words {
				toks[j] = tag.Token{Text: w}
			}
			tg.TagTokens(toks)
		}
	}), nil
}

// Latency is a distribution of request times.
type Latency struct {
	P50, P99 time.Duration
}

func percentiles(ds []time.Duration) Latency {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return Latency{P50: at(0.50), P99: at(0.99)}
}

// AnalyzeRPCLatency sends AnalyzeTranscript for t n times, one at a time, to a
// real gRPC server on a loopback port, and returns the latency distribution
// beside that of the health check RPC on the same connection (the transport's
// own cost).
func AnalyzeRPCLatency(dataDir string, t *transcript.Transcript, n int) (analyze, health Latency, err error) {
	eng, err := engine.Open(engine.Config{DataDir: dataDir})
	if err != nil {
		return analyze, health, err
	}
	defer eng.Close()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return analyze, health, err
	}
	gs, _ := server.New(eng, server.Options{})
	go gs.Serve(lis)
	defer gs.Stop()
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return analyze, health, err
	}
	defer conn.Close()
	client, hc := pb.NewFrictionServiceClient(conn), healthpb.NewHealthClient(conn)
	req := &pb.AnalyzeTranscriptRequest{Input: &pb.AnalyzeTranscriptRequest_Transcript{Transcript: apiconv.TranscriptToProto(t)}}
	ctx := context.Background()
	var as, hs []time.Duration
	for i := range n + n/10 { // the first tenth warms up
		start := time.Now()
		if _, err := client.AnalyzeTranscript(ctx, req); err != nil {
			return analyze, health, err
		}
		d := time.Since(start)
		start = time.Now()
		if _, err := hc.Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
			return analyze, health, err
		}
		if i >= n/10 {
			as, hs = append(as, d), append(hs, time.Since(start))
		}
	}
	return percentiles(as), percentiles(hs), nil
}

// TwentyTurns picks a transcript with at least 20 turns from ts and trims it to
// 20, or builds one by joining transcripts' turns when none is that long.
func TwentyTurns(ts []*transcript.Transcript) *transcript.Transcript {
	var out *transcript.Transcript
	for _, t := range ts {
		if len(t.Turns) >= 20 {
			out = t.Clone()
			break
		}
	}
	if out == nil {
		out = ts[0].Clone()
		for _, t := range ts[1:] {
			if len(out.Turns) >= 20 {
				break
			}
			out.Turns = append(out.Turns, t.Turns...)
		}
	}
	out.Turns = out.Turns[:min(20, len(out.Turns))]
	return out
}

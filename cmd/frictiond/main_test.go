package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/timestamppb"

	pb "github.com/frictionhq/friction/proto/friction/v1"
)

// These tests run the real frictiond binary, as a user or an operator would.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "frictiond-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "frictiond")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build frictiond: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type daemon struct {
	cmd      *exec.Cmd
	grpcAddr string
	httpAddr string
	stderr   *strings.Builder
	mu       *sync.Mutex
	done     chan error
}

var listening = regexp.MustCompile(`msg=listening grpc=(\S+) http=(\S+)`)

// start runs frictiond on dataDir with kernel-chosen loopback ports and waits
// until it is listening.
func start(t *testing.T, dataDir string, extra ...string) *daemon {
	t.Helper()
	args := append([]string{"--data", dataDir, "--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"}, extra...)
	cmd := exec.Command(binary, args...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d := &daemon{cmd: cmd, stderr: &strings.Builder{}, mu: &sync.Mutex{}, done: make(chan error, 1)}
	ready := make(chan [2]string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			line := sc.Text()
			d.mu.Lock()
			d.stderr.WriteString(line + "\n")
			d.mu.Unlock()
			if m := listening.FindStringSubmatch(line); m != nil {
				ready <- [2]string{m[1], m[2]}
			}
		}
		d.done <- cmd.Wait()
	}()
	select {
	case addrs := <-ready:
		d.grpcAddr, d.httpAddr = addrs[0], addrs[1]
	case err := <-d.done:
		t.Fatalf("frictiond exited before listening: %v\n%s", err, d.log())
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("frictiond did not start:\n%s", d.log())
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-d.done
		}
	})
	return d
}

func (d *daemon) log() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.stderr.String()
}

func (d *daemon) client(t *testing.T) pb.FrictionServiceClient {
	conn, err := grpc.NewClient(d.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return pb.NewFrictionServiceClient(conn)
}

func (d *daemon) stop(t *testing.T, sig syscall.Signal) error {
	t.Helper()
	d.cmd.Process.Signal(sig)
	select {
	case err := <-d.done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatalf("frictiond did not exit after %v:\n%s", sig, d.log())
	}
	return nil
}

var words = strings.Fields("the charging case stopped working after a week and the left earbud drains overnight " +
	"my kettle lid cracked and the seal leaks hot water onto the counter while the thermostat screen goes blank " +
	"i was charged twice and the parcel arrived late so i want a refund or a replacement please thanks")

func synth(i int) *pb.Transcript {
	var b strings.Builder
	for w := range 120 {
		b.WriteString(words[(i*7+w*3)%len(words)])
		b.WriteByte(' ')
	}
	return &pb.Transcript{
		Id:        fmt.Sprintf("k-%05d", i),
		Channel:   pb.Channel_CHANNEL_CALL,
		StartedAt: timestamppb.New(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)),
		Turns: []*pb.Turn{
			{Speaker: pb.Speaker_SPEAKER_AGENT, Text: "thank you for calling how can i help"},
			{Speaker: pb.Speaker_SPEAKER_CUSTOMER, Text: b.String()},
		},
	}
}

// testCtx bounds a test's RPCs, so a hang fails the test with a message instead
// of stalling the suite.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// ingestBatch sends one batch in its own stream and returns the acknowledged ids.
func ingestBatch(ctx context.Context, c pb.FrictionServiceClient, from, n int) ([]string, error) {
	stream, err := c.IngestTranscripts(ctx)
	if err != nil {
		return nil, err
	}
	req := &pb.IngestTranscriptsRequest{}
	for i := from; i < from+n; i++ {
		req.Transcripts = append(req.Transcripts, synth(i))
	}
	if err := stream.Send(req); err != nil && err != io.EOF {
		return nil, err
	}
	resp, err := stream.CloseAndRecv()
	if err != nil {
		return nil, err
	}
	var acked []string
	for _, r := range resp.GetResults() {
		if r.GetStatus() == pb.IngestResult_STATUS_STORED {
			acked = append(acked, r.GetId())
		}
	}
	return acked, nil
}

// Every transcript the server acknowledged survives kill -9 in the middle of a
// long ingest, in the store and in the index.
func TestKill9DuringIngestLosesNothingAcknowledged(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir)
	c := d.client(t)
	ctx := testCtx(t)

	var acked []string
	killed := make(chan struct{})
	const batch = 40
	for b := 0; b < 200; b++ {
		if b == 8 {
			// Kill while the next batches are in flight.
			go func() {
				time.Sleep(15 * time.Millisecond)
				d.cmd.Process.Signal(syscall.SIGKILL)
				close(killed)
			}()
		}
		ids, err := ingestBatch(ctx, c, b*batch, batch)
		if err != nil {
			break // the server is gone: these were never acknowledged
		}
		acked = append(acked, ids...)
	}
	<-killed
	select {
	case <-d.done:
	case <-time.After(30 * time.Second):
		t.Fatal("frictiond did not die after SIGKILL")
	}
	if len(acked) < 8*batch {
		t.Fatalf("only %d acknowledged before the kill; want at least %d", len(acked), 8*batch)
	}

	d2 := start(t, dir)
	c2 := d2.client(t)
	for _, id := range acked {
		if _, err := c2.GetTranscript(ctx, &pb.GetTranscriptRequest{Id: id}); err != nil {
			t.Fatalf("acknowledged %s lost after kill -9: %v", id, err)
		}
	}
	res, err := c2.SearchTranscripts(ctx, &pb.SearchTranscriptsRequest{Query: "thank", PageSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.GetTotalSize() < int64(len(acked)) {
		t.Errorf("index holds %d after restart, want at least the %d acknowledged", res.GetTotalSize(), len(acked))
	}
	t.Logf("%d acknowledged before kill -9; all present after restart (%d indexed)", len(acked), res.GetTotalSize())
}

func TestRestartKeepsDataAndGracefulStop(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir)
	ids, err := ingestBatch(testCtx(t), d.client(t), 0, 25)
	if err != nil || len(ids) != 25 {
		t.Fatalf("ingest: %v, %d stored", err, len(ids))
	}
	if err := d.stop(t, syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM exit: %v\n%s", err, d.log())
	}
	if !strings.Contains(d.log(), "msg=stopped") {
		t.Errorf("graceful stop not logged:\n%s", d.log())
	}
	d = start(t, dir)
	res, err := d.client(t).SearchTranscripts(testCtx(t), &pb.SearchTranscriptsRequest{Query: "kettle"})
	if err != nil || res.GetTotalSize() != 25 {
		t.Fatalf("after restart: %v, %v; want 25 hits", res.GetTotalSize(), err)
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Get("http://" + d.httpAddr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"transcripts":25`) {
		t.Errorf("/healthz = %d %s", resp.StatusCode, body)
	}
	d.client(t).SearchTranscripts(testCtx(t), &pb.SearchTranscriptsRequest{Query: "kettle"})
	resp, err = (&http.Client{Timeout: 30 * time.Second}).Get("http://" + d.httpAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"friction_stored_transcripts 25", `friction_rpc_duration_seconds_count{code="OK",method="/friction.v1.FrictionService/SearchTranscripts"}`, "go_goroutines"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestSecondServerOnSameDataDirRefused(t *testing.T) {
	dir := t.TempDir()
	start(t, dir)
	out, err := exec.Command(binary, "--data", dir, "--grpc-addr", "127.0.0.1:0", "--http-addr", "").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "in use by another frictiond") {
		t.Errorf("second frictiond: %v, %s", err, out)
	}
}

func TestRefusesNonLoopbackAddress(t *testing.T) {
	out, err := exec.Command(binary, "--data", t.TempDir(), "--grpc-addr", "0.0.0.0:7400").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "loopback") {
		t.Errorf("frictiond on 0.0.0.0: %v, %s", err, out)
	}
}

func TestLoadDemo(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "demo.jsonl")
	os.WriteFile(file, []byte(`{"id":"demo-1","channel":"chat","started_at":"2026-09-14T10:02:00Z","turns":[{"speaker":"customer","text":"the vacuum brush stopped spinning"}]}`+"\n"), 0o644)
	d := start(t, filepath.Join(dir, "data"), "--load-demo", file)
	res, err := d.client(t).SearchTranscripts(testCtx(t), &pb.SearchTranscriptsRequest{Query: "vacuum"})
	if err != nil || res.GetTotalSize() != 1 {
		t.Fatalf("demo not searchable: %v, %v", res, err)
	}
}

func TestConfigFileFlagsOverrideAndCheckConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "friction.yaml")
	os.WriteFile(cfg, []byte("data: "+filepath.Join(dir, "from-config")+"\nsilent_ratio: 12\nredaction:\n  emails: false\n"), 0o644)
	out, err := exec.Command(binary, "--config", cfg, "--check-config", "--data", filepath.Join(dir, "from-flag")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "from-flag") || !strings.Contains(string(out), "silent ratio 12") {
		t.Errorf("--check-config: %v\n%s", err, out)
	}
	os.WriteFile(cfg, []byte("data: x\nsilent_ratoi: 12\n"), 0o644)
	out, err = exec.Command(binary, "--config", cfg, "--check-config").CombinedOutput()
	if err == nil || !strings.Contains(string(out), cfg+`:2: unknown key "silent_ratoi"`) {
		t.Errorf("bad config: %v\n%s", err, out)
	}
	d := start(t, filepath.Join(dir, "data"), "--config", writeConfig(t, dir, "redaction:\n  emails: false\n"))
	if !strings.Contains(d.log(), "redacting=\"card, ssn, phone\"") {
		t.Errorf("the redaction choice should be logged:\n%s", d.log())
	}
}

func writeConfig(t *testing.T, dir, body string) string {
	path := filepath.Join(dir, "second.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Command frictiond is the Friction server: gRPC API, HTTP health endpoint, and
// one data directory holding the transcript store and the search index.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/server"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "frictiond:", err)
		os.Exit(1)
	}
}

type config struct {
	dataDir   string
	grpcAddr  string
	httpAddr  string
	loadDemo  string
	logLevel  string
	logFormat string
	drain     time.Duration
}

func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("frictiond", flag.ContinueOnError)
	fs.StringVar(&c.dataDir, "data", "./friction-data", "data `directory` (store and index)")
	fs.StringVar(&c.grpcAddr, "grpc-addr", "127.0.0.1:7400", "gRPC listen `address`")
	fs.StringVar(&c.httpAddr, "http-addr", "127.0.0.1:7401", "HTTP listen `address` (/healthz); empty to disable")
	fs.StringVar(&c.loadDemo, "load-demo", "", "ingest this native JSONL `file` at start (the demo corpus)")
	fs.StringVar(&c.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.StringVar(&c.logFormat, "log-format", "text", "text or json")
	fs.DurationVar(&c.drain, "drain-timeout", 15*time.Second, "how long a graceful stop waits for RPCs in flight")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	for _, a := range []struct{ flag, addr string }{{"--grpc-addr", c.grpcAddr}, {"--http-addr", c.httpAddr}} {
		if a.addr == "" && a.flag == "--http-addr" {
			continue
		}
		if err := requireLoopback(a.addr); err != nil {
			return c, fmt.Errorf("%s: %w", a.flag, err)
		}
	}
	return c, nil
}

// requireLoopback refuses addresses reachable from other machines: without API
// keys the server must not be exposed.
func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%q is not a loopback address; without API keys frictiond listens on loopback only (127.0.0.1 or ::1)", addr)
	}
	return nil
}

func newLogger(c config) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(os.Stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, opts)), nil
	}
	return nil, fmt.Errorf("--log-format: %q is not text or json", c.logFormat)
}

func run(args []string) error {
	c, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	log, err := newLogger(c)
	if err != nil {
		return err
	}
	eng, err := engine.Open(engine.Config{DataDir: c.dataDir, Logger: log})
	if errors.Is(err, engine.ErrDataDirInUse) {
		return fmt.Errorf("%w; stop the other frictiond or use another --data directory", err)
	}
	if err != nil {
		return err
	}
	defer func() {
		if err := eng.Close(); err != nil {
			log.Error("close", "err", err)
		}
	}()
	if c.loadDemo != "" {
		if err := loadDemo(eng, c.loadDemo, log); err != nil {
			return err
		}
	}

	grpcLis, err := net.Listen("tcp", c.grpcAddr)
	if err != nil {
		return fmt.Errorf("grpc listen: %w", err)
	}
	gs, health := server.New(eng, server.Options{Logger: log})
	errc := make(chan error, 2)
	go func() { errc <- gs.Serve(grpcLis) }()

	var hs *http.Server
	httpAddr := ""
	if c.httpAddr != "" {
		httpLis, err := net.Listen("tcp", c.httpAddr)
		if err != nil {
			gs.Stop()
			return fmt.Errorf("http listen: %w", err)
		}
		httpAddr = httpLis.Addr().String()
		hs = &http.Server{Handler: httpHandler(eng), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := hs.Serve(httpLis); !errors.Is(err, http.ErrServerClosed) {
				errc <- err
			}
		}()
	}
	counts, _ := eng.Counts()
	log.Info("listening", "grpc", grpcLis.Addr().String(), "http", httpAddr, "data", c.dataDir, "transcripts", counts.Transcripts)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	select {
	case s := <-sig:
		log.Info("shutting down", "signal", s.String())
	case err := <-errc:
		return err
	}
	// Drain: refuse new work, let RPCs in flight finish, then flush and close.
	health.SetServingStatus("", healthpb.HealthCheckResponse_NOT_SERVING)
	health.Shutdown()
	stopped := make(chan struct{})
	go func() { gs.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(c.drain):
		log.Warn("drain timeout; cancelling RPCs in flight", "timeout", c.drain)
		gs.Stop()
	}
	if hs != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(ctx)
	}
	log.Info("stopped")
	return nil
}

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

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/frictionhq/friction/config"
	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/redact"
	"github.com/frictionhq/friction/server"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "frictiond:", err)
		os.Exit(1)
	}
}

// options are frictiond's settings: the config file, then flags over it.
type options struct {
	config.Config
	checkOnly bool
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("frictiond", flag.ContinueOnError)
	def := config.Default()
	configPath := fs.String("config", "", "YAML configuration `file`; flags override it")
	fs.BoolVar(&o.checkOnly, "check-config", false, "check the configuration and the rule pack, then exit")
	dataDir := fs.String("data", def.DataDir, "data `directory` (store and index)")
	grpcAddr := fs.String("grpc-addr", def.GRPCAddr, "gRPC listen `address`")
	httpAddr := fs.String("http-addr", def.HTTPAddr, "HTTP listen `address` (/healthz); empty to disable")
	loadDemo := fs.String("load-demo", "", "ingest this native JSONL `file` at start (the demo corpus)")
	rules := fs.String("rules", "", "rule pack `file` replacing the embedded one")
	silent := fs.Float64("silent-ratio", def.SilentRatio, "silent customers assumed per customer in contact about a defect")
	logLevel := fs.String("log-level", def.Log.Level, "debug, info, warn or error")
	logFormat := fs.String("log-format", def.Log.Format, "text or json")
	drain := fs.Duration("drain-timeout", def.DrainTimeout, "how long a graceful stop waits for RPCs in flight")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	o.Config = def
	if *configPath != "" {
		c, err := config.Load(*configPath)
		if err != nil {
			return o, err
		}
		o.Config = c
	}
	// Flags given on the command line win over the file.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "data":
			o.DataDir = *dataDir
		case "grpc-addr":
			o.GRPCAddr = *grpcAddr
		case "http-addr":
			o.HTTPAddr = *httpAddr
		case "load-demo":
			o.LoadDemo = *loadDemo
		case "rules":
			o.Rules = *rules
		case "silent-ratio":
			o.SilentRatio = *silent
		case "log-level":
			o.Log.Level = *logLevel
		case "log-format":
			o.Log.Format = *logFormat
		case "drain-timeout":
			o.DrainTimeout = *drain
		}
	})
	if err := o.Validate(); err != nil {
		return o, err
	}
	for _, a := range []struct{ flag, addr string }{{"grpc address", o.GRPCAddr}, {"http address", o.HTTPAddr}} {
		if a.addr == "" && a.flag == "http address" {
			continue
		}
		if err := requireLoopback(a.addr); err != nil {
			return o, fmt.Errorf("%s: %w", a.flag, err)
		}
	}
	return o, nil
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

func newLogger(c config.Log) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		return nil, fmt.Errorf("log level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.Format {
	case "text":
		return slog.New(slog.NewTextHandler(os.Stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, opts)), nil
	}
	return nil, fmt.Errorf("log format: %q is not text or json", c.Format)
}

func run(args []string) error {
	c, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	log, err := newLogger(c.Log)
	if err != nil {
		return err
	}
	analyzer, err := nlp.Load(c.Rules)
	if err != nil {
		return err
	}
	if c.checkOnly {
		fmt.Printf("configuration ok: data %s, grpc %s, http %s, rules %s, silent ratio %g\n",
			c.DataDir, c.GRPCAddr, c.HTTPAddr, analyzer.RulesVersion(), c.SilentRatio)
		return nil
	}
	eng, err := engine.Open(engine.Config{
		DataDir:     c.DataDir,
		Logger:      log,
		Analyzer:    analyzer,
		SilentRatio: c.SilentRatio,
		Redaction: redact.Config{
			DisableCards:  !config.On(c.Redaction.Cards),
			DisableSSNs:   !config.On(c.Redaction.SSNs),
			DisableEmails: !config.On(c.Redaction.Emails),
			DisablePhones: !config.On(c.Redaction.Phones),
		},
	})
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
	if c.LoadDemo != "" {
		if err := loadDemo(eng, c.LoadDemo, log); err != nil {
			return err
		}
	}

	grpcLis, err := net.Listen("tcp", c.GRPCAddr)
	if err != nil {
		return fmt.Errorf("grpc listen: %w", err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	gs, health := server.New(eng, server.Options{Logger: log, Metrics: server.NewMetrics(reg, eng)})
	errc := make(chan error, 2)
	go func() { errc <- gs.Serve(grpcLis) }()

	var hs *http.Server
	httpAddr := ""
	if c.HTTPAddr != "" {
		httpLis, err := net.Listen("tcp", c.HTTPAddr)
		if err != nil {
			gs.Stop()
			return fmt.Errorf("http listen: %w", err)
		}
		httpAddr = httpLis.Addr().String()
		hs = &http.Server{Handler: httpHandler(eng, reg), ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := hs.Serve(httpLis); !errors.Is(err, http.ErrServerClosed) {
				errc <- err
			}
		}()
	}
	counts, _ := eng.Counts()
	log.Info("listening", "grpc", grpcLis.Addr().String(), "http", httpAddr, "data", c.DataDir, "transcripts", counts.Transcripts)

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
	case <-time.After(c.DrainTimeout):
		log.Warn("drain timeout; cancelling RPCs in flight", "timeout", c.DrainTimeout)
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

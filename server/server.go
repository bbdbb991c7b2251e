package server

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	"github.com/frictionhq/friction/engine"
	pb "github.com/frictionhq/friction/proto/friction/v1"
)

// Options configure the gRPC server.
type Options struct {
	Logger *slog.Logger
	// MaxRecvBytes bounds one request message (an ingest batch).
	MaxRecvBytes int
	// MaxBatch bounds the transcripts and documents in one ingest request message.
	MaxBatch int
	// Metrics, if not nil, records RPC latency and ingest outcomes.
	Metrics *Metrics
}

// DefaultOptions are sane limits for contact-center traffic.
var DefaultOptions = Options{MaxRecvBytes: 64 << 20, MaxBatch: 5000}

// Service implements friction.v1.FrictionService on an engine.
type Service struct {
	pb.UnimplementedFrictionServiceServer
	eng  *engine.Engine
	log  *slog.Logger
	opts Options
}

// New builds the gRPC server: panic recovery and logging interceptors, message
// size limits, the Friction service, health and reflection. The returned health
// server reports SERVING; set it to NOT_SERVING before a graceful stop.
func New(eng *engine.Engine, opts Options) (*grpc.Server, *health.Server) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxRecvBytes == 0 {
		opts.MaxRecvBytes = DefaultOptions.MaxRecvBytes
	}
	if opts.MaxBatch == 0 {
		opts.MaxBatch = DefaultOptions.MaxBatch
	}
	log := opts.Logger
	s := grpc.NewServer(
		grpc.MaxRecvMsgSize(opts.MaxRecvBytes),
		grpc.ChainUnaryInterceptor(recoverUnary(log), metricsUnary(opts.Metrics), logUnary(log)),
		grpc.ChainStreamInterceptor(recoverStream(log), metricsStream(opts.Metrics), logStream(log)),
	)
	pb.RegisterFrictionServiceServer(s, &Service{eng: eng, log: log, opts: opts})
	hs := health.NewServer()
	hs.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	hs.SetServingStatus(pb.FrictionService_ServiceDesc.ServiceName, healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(s, hs)
	reflection.Register(s)
	return s, hs
}

func recoverUnary(log *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		defer func() {
			if r := recover(); r != nil {
				log.Error("panic in handler", "method", info.FullMethod, "panic", r, "stack", string(debug.Stack()))
				err = status.Error(codes.Internal, "internal error; see the server log")
			}
		}()
		return handler(ctx, req)
	}
}

func recoverStream(log *slog.Logger) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
		defer func() {
			if r := recover(); r != nil {
				log.Error("panic in handler", "method", info.FullMethod, "panic", r, "stack", string(debug.Stack()))
				err = status.Error(codes.Internal, "internal error; see the server log")
			}
		}()
		return handler(srv, ss)
	}
}

func logUnary(log *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		resp, err := handler(ctx, req)
		logCall(log, info.FullMethod, start, err)
		return resp, err
	}
}

func logStream(log *slog.Logger) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		start := time.Now()
		err := handler(srv, ss)
		logCall(log, info.FullMethod, start, err)
		return err
	}
}

func logCall(log *slog.Logger, method string, start time.Time, err error) {
	code := status.Code(err)
	level := slog.LevelDebug
	switch code {
	case codes.OK, codes.NotFound, codes.InvalidArgument, codes.Canceled:
	case codes.Unimplemented:
		level = slog.LevelInfo
	default:
		level = slog.LevelWarn
	}
	log.Log(context.Background(), level, "rpc", "method", method, "code", code.String(), "took", time.Since(start))
}

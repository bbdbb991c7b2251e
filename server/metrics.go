package server

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"

	"github.com/frictionhq/friction/engine"
)

// Metrics are the server's Prometheus metrics: RPC rate and latency by method
// and code, ingest outcomes, and the size of what the engine holds.
type Metrics struct {
	rpcs       *prometheus.HistogramVec
	ingested   *prometheus.CounterVec
	registerer prometheus.Registerer
}

// NewMetrics registers Friction's metrics with reg; eng, if not nil, also
// exports the stored and indexed transcript counts.
func NewMetrics(reg prometheus.Registerer, eng *engine.Engine) *Metrics {
	m := &Metrics{
		rpcs: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "friction", Name: "rpc_duration_seconds",
			Help:    "gRPC calls by method and status code, and how long they took.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"method", "code"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "friction", Name: "ingested_transcripts_total",
			Help: "Transcripts received by IngestTranscripts, by outcome (stored or rejected).",
		}, []string{"outcome"}),
		registerer: reg,
	}
	reg.MustRegister(m.rpcs, m.ingested)
	if eng != nil {
		reg.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "friction", Name: "stored_transcripts",
				Help: "Transcripts in the store."}, func() float64 {
				c, _ := eng.Counts()
				return float64(c.Transcripts)
			}),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "friction", Name: "indexed_transcripts",
				Help: "Transcripts in the search index."}, func() float64 {
				c, _ := eng.Counts()
				return float64(c.Indexed)
			}),
		)
	}
	return m
}

func (m *Metrics) observe(method string, start time.Time, err error) {
	if m == nil {
		return
	}
	m.rpcs.WithLabelValues(method, status.Code(err).String()).Observe(time.Since(start).Seconds())
}

func (m *Metrics) countIngest(stored, rejected int) {
	if m == nil {
		return
	}
	m.ingested.WithLabelValues("stored").Add(float64(stored))
	m.ingested.WithLabelValues("rejected").Add(float64(rejected))
}

func metricsUnary(m *Metrics) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		resp, err := handler(ctx, req)
		m.observe(info.FullMethod, start, err)
		return resp, err
	}
}

func metricsStream(m *Metrics) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		start := time.Now()
		err := handler(srv, ss)
		m.observe(info.FullMethod, start, err)
		return err
	}
}

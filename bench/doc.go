// Package bench measures Friction's throughput and latency beside a baseline
// measured in the same run on the same documents, so the ratio holds on a noisy
// machine. cmd/friction-bench (make bench) prints the table the README records.
package bench

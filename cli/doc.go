// Package cli implements the friction command: a client of frictiond over gRPC,
// and offline tools that need no server. Run is the whole program, so tests drive
// it in-process against a real server.
//
// Exit codes: 0 success, 1 the command ran but found problems (some transcripts
// rejected, nothing found), 2 the command failed (bad usage, server unreachable).
package cli

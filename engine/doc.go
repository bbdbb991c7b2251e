// Package engine is Friction's core: it takes transcripts in (validate, redact,
// analyse, store durably, index) and answers questions about them. It owns the
// store and the index and keeps the index in step with the store, replaying the
// store's change log after a crash. Transports (gRPC, CLI) call it; it knows
// nothing about them.
package engine

// Package ingest reads transcripts from the files contact centers export and turns
// them into transcript.Transcripts, saying exactly which record is wrong and why
// when one is.
//
// The native format is JSON: one object, an array of objects, or JSON Lines.
package ingest

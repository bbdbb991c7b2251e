// Package ingest reads transcripts from the files contact centers export and turns
// them into transcript.Transcripts, saying exactly which record is wrong and why
// when one is.
//
// Read is the entry point for the CLI and the server alike: it detects the format
// from the file name and content (or takes it from Options) and handles Friction's
// native JSON (one object, an array, or JSON Lines), plain text with speaker
// labels, RFC 5322 e-mail, WebVTT and SRT captions, Amazon Transcribe Call
// Analytics output and Google CCAI Insights conversations.
package ingest

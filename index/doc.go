// Package index is Friction's full-text search over transcripts, built on Bleve.
//
// The index is derived data: the store holds the transcripts, and the index can be
// rebuilt from it at any time. It records the store's change sequence it has
// applied, so the owner can replay what a crash left out. It stores no text; hits
// carry term locations (turn, byte offsets) from which snippets are cut out of the
// stored transcript.
package index

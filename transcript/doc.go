// Package transcript defines Friction's contact record: one call, chat, email or
// survey with its turns, survey and metadata, and the rules that make a record valid.
//
// It is the shared vocabulary of the project: parsers produce Transcripts, the store
// keeps them, the analyser reads them. It depends on nothing else in Friction.
package transcript

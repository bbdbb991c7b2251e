// Package nlp is Friction's explainable analysis engine. It normalises call, chat
// and email text (quoted replies, signatures, fillers, emoji, abbreviations) while
// keeping a map back to the stored turn text, tags it with parts of speech and
// lemmas, and applies a YAML rule pack to find friction points (product defects
// with component, symptom and a clustering signature), praise, survey drivers,
// masked defects, resolutions and churn and effort signals.
//
// Every label carries its Evidence: the exact rune span of the stored turn text
// and the id of the rule that produced it.
//
// The package has no gRPC, protobuf or index dependencies; apiconv converts an
// Analysis to its API form.
package nlp

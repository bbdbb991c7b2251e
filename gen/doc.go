// Package gen generates seeded, realistic, labelled contact-centre transcripts: the
// demo corpus the server loads and the labelled corpus the NLP is scored on.
//
// A corpus is a set of calls (speech-to-text style), chats (bot, emoji, typos), email
// threads (signatures, footers, quoted replies) and survey-only feedback about a
// fictional brand, Orla, and its product lines: earbuds, a kettle, a robot vacuum, a
// smart thermostat, the Orla Home app and running shoes. Twelve recurring root causes
// (see Clusters) are described in many phrasings, among non-defect friction
// (shipping, billing, account, website, policy, effort), praise for agents, masked
// defects behind good surveys, churn threats, and decoys that look like defect reports
// and are not (negations, hypotheticals, agents' diagnostic questions, faults fixed in
// the past, other products that work, how-to questions).
//
// Transcripts are written in Friction's native JSONL (transcript.Transcript), and every
// one passes Validate. The ground truth goes only to a side file of Labels, one per
// line, keyed by transcript id: nothing in a transcript names its label.
//
// Everything comes from one math/rand/v2 PCG seeded by Config.Seed, so a seed always
// gives the same bytes. The phrase banks are part of the output: editing one changes
// the committed corpora, and TestCommittedCorpora fails until they are regenerated.
// From the module root, either
//
//	go run ./cmd/friction-gen -seed 20260803 -n 400 -start 2026-08-03 -weeks 12 \
//		-out testdata/corpus/demo.jsonl -labels testdata/corpus/demo.labels.jsonl
//	go run ./cmd/friction-gen -seed 771500 -n 1200 -start 2026-08-03 -weeks 12 \
//		-out testdata/corpus/eval.jsonl -labels testdata/corpus/eval.labels.jsonl
//
// or, equivalently, go test ./gen -run TestCommittedCorpora -update.
//
// The label schema (Label, DefectLabel and the constants beside them) is stable for
// the evaluation code; the phrase banks and the mix of contacts are not.
package gen

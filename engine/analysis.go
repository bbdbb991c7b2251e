package engine

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/frictionhq/friction/index"
	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/store"
	"github.com/frictionhq/friction/transcript"
)

// metaRulesVersion is the store meta key holding the rules version every stored
// analysis was made with.
const metaRulesVersion = "rules_version"

// analyze runs the analyser on a prepared record and stores the result in it.
func (e *Engine) analyze(rec *store.Record) *nlp.Analysis {
	a := e.analyzer.Analyze(&rec.Transcript)
	a.TranscriptID = rec.Transcript.ID
	data, err := json.Marshal(a)
	if err != nil {
		// An Analysis is plain data; failing to encode it is a programming error.
		panic(fmt.Sprintf("encode analysis of %q: %v", rec.Transcript.ID, err))
	}
	rec.Analysis = data
	rec.RulesVersion = e.analyzer.RulesVersion()
	return a
}

// AnalysisOf decodes a record's stored analysis; nil when it has none.
func AnalysisOf(rec *store.Record) (*nlp.Analysis, error) {
	if len(rec.Analysis) == 0 {
		return nil, nil
	}
	var a nlp.Analysis
	if err := json.Unmarshal(rec.Analysis, &a); err != nil {
		return nil, fmt.Errorf("decode analysis of %q: %w", rec.Transcript.ID, err)
	}
	return &a, nil
}

// Analyze analyses a transcript without storing it: it is validated and redacted
// exactly as ingest would, so what the caller sees is what would be stored.
func (e *Engine) Analyze(t *transcript.Transcript) (*store.Record, *nlp.Analysis, error) {
	if err := t.ValidateWith(e.cfg.Limits); err != nil {
		return nil, nil, err
	}
	rec := e.prepare(t)
	return rec, e.analyze(rec), nil
}

// RulesVersion is the version of the rule pack in use.
func (e *Engine) RulesVersion() string { return e.analyzer.RulesVersion() }

// addLabels puts an analysis's searchable labels on an index document.
func addLabels(doc *index.Document, a *nlp.Analysis, clusterIDs []string) {
	if a == nil {
		return
	}
	l := a.Labels()
	doc.Add(index.FieldCategory, l.Categories...)
	doc.Add(index.FieldComponent, l.Components...)
	doc.Add(index.FieldSignature, l.Signatures...)
	doc.Add(index.FieldSafety, l.Safety...)
	doc.Add(index.FieldPraise, l.Praise...)
	doc.Add(index.FieldCluster, clusterIDs...)
	if l.Driver != "" {
		doc.Add(index.FieldDriver, l.Driver)
	}
	if l.Resolution != "" {
		doc.Add(index.FieldResolution, l.Resolution)
	}
	doc.Add(index.FieldMasked, strconv.FormatBool(l.Masked))
	doc.Add(index.FieldChurn, strconv.FormatBool(l.Churn))
}

package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the mapping does; an index built with another
// version is rebuilt.
const MappingVersion = "1"

// Field names, as used in query strings ("customer:refund", "channel:call").
const (
	FieldText       = "text"     // every turn
	FieldCustomer   = "customer" // what the customer said
	FieldAgent      = "agent"    // what agents said
	FieldSubject    = "subject"
	FieldChannel    = "channel"
	FieldStartedAt  = "started_at"
	FieldQueue      = "queue"
	FieldAgentID    = "agent_id"
	FieldAgentName  = "agent_name"
	FieldCustomerID = "customer_id"
	FieldLanguage   = "language"
	FieldSurvey     = "survey_score" // normalised 0..1
	FieldSurveyType = "survey_type"

	// Labels from the analysis.
	FieldCategory   = "category"
	FieldMasked     = "masked" // "true" or "false"
	FieldDriver     = "driver"
	FieldComponent  = "component"
	FieldSignature  = "signature"
	FieldCluster    = "cluster"
	FieldSafety     = "safety" // safety kinds: burning, smoke ...
	FieldChurn      = "churn"  // "true" or "false"
	FieldResolution = "resolution"
	FieldPraise     = "praise" // praise targets: agent, product ...
)

// textFields are searched by words and give highlight locations.
var textFields = []string{FieldText, FieldCustomer, FieldAgent, FieldSubject}

// keywordFields are exact-match filters and facets.
var keywordFields = []string{
	FieldChannel, FieldQueue, FieldAgentID, FieldAgentName, FieldCustomerID, FieldLanguage, FieldSurveyType,
	FieldCategory, FieldMasked, FieldDriver, FieldComponent, FieldSignature, FieldCluster, FieldSafety,
	FieldChurn, FieldResolution, FieldPraise,
}

// newMapping builds a lean mapping: no _all field, nothing stored, term vectors
// only where highlights need them, doc values only where sorting and facets do.
func newMapping() (*mapping.IndexMappingImpl, error) {
	doc := bleve.NewDocumentStaticMapping()

	for _, name := range textFields {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		doc.AddFieldMappingsAt(name, f)
	}
	for _, name := range keywordFields {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = true
		doc.AddFieldMappingsAt(name, f)
	}
	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.DocValues = true
	doc.AddFieldMappingsAt(FieldStartedAt, date)

	score := bleve.NewNumericFieldMapping()
	score.Store = false
	score.IncludeInAll = false
	score.DocValues = true
	doc.AddFieldMappingsAt(FieldSurvey, score)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = keyword.Name
	m.DefaultField = FieldText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}

package gen

import "path/filepath"

// Preset is a corpus committed under testdata/corpus, with the config that makes it.
type Preset struct {
	Name   string
	Config Config
}

// The committed corpora. Changing a config, or any phrase bank, changes the files:
// regenerate them with the commands in the package documentation.
var (
	// Demo is the corpus the server loads at `make run`.
	Demo = Preset{Name: "demo", Config: Config{Seed: 20260803, N: 400, Start: DefaultStart, Weeks: DefaultWeeks}}
	// Eval is the labelled corpus `make eval` scores the analyser on.
	Eval = Preset{Name: "eval", Config: Config{Seed: 771500, N: 1200, Start: DefaultStart, Weeks: DefaultWeeks}}
)

// Presets lists the committed corpora.
func Presets() []Preset { return []Preset{Demo, Eval} }

// CorpusDir is where the committed corpora live, relative to the module root.
const CorpusDir = "testdata/corpus"

// TranscriptsPath is the transcripts file of p, relative to the module root.
func (p Preset) TranscriptsPath() string { return filepath.Join(CorpusDir, p.Name+".jsonl") }

// LabelsPath is the labels file of p, relative to the module root.
func (p Preset) LabelsPath() string { return filepath.Join(CorpusDir, p.Name+".labels.jsonl") }

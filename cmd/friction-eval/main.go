// Command friction-eval scores the analyzer on labelled corpora. Give -corpus
// and -labels once, or several times in pairs to score several corpora in one
// run (the generator's and the hand-written holdout, say):
//
//	friction-eval -corpus testdata/corpus/eval.jsonl -labels testdata/corpus/eval.labels.jsonl \
//	    -corpus testdata/holdout/holdout.jsonl -labels testdata/holdout/holdout.labels.jsonl
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/frictionhq/friction/eval"
	"github.com/frictionhq/friction/nlp"
)

// paths is a flag that may be given several times.
type paths []string

func (p *paths) String() string     { return strings.Join(*p, ",") }
func (p *paths) Set(v string) error { *p = append(*p, v); return nil }

const (
	defaultCorpus = "testdata/corpus/eval.jsonl"
	defaultLabels = "testdata/corpus/eval.labels.jsonl"
)

func main() {
	var corpora, labelFiles paths
	flag.Var(&corpora, "corpus", "labelled corpus (native JSONL); repeat with -labels to score several (default "+defaultCorpus+")")
	flag.Var(&labelFiles, "labels", "labels, one JSON object per line, for the -corpus in the same position (default "+defaultLabels+")")
	rules := flag.String("rules", "", "rule pack to use instead of the embedded one")
	mistakes := flag.String("mistakes", "", "print the transcripts wrong on this label (defect, masked, driver ...; all for every label)")
	max := flag.Int("max", 40, "most mistakes to print")
	clusters := flag.Bool("clusters", false, "list the defect clusters of the corpus (labels not needed) instead of scoring")
	minSize := flag.Int("min-size", 2, "with -clusters: smallest cluster to list")
	examples := flag.Int("examples", 5, "with -clusters: evidence quotes per cluster")
	flag.Parse()
	if len(corpora) == 0 {
		corpora = paths{defaultCorpus}
	}
	if len(labelFiles) == 0 && len(corpora) == 1 && corpora[0] == defaultCorpus {
		labelFiles = paths{defaultLabels}
	}
	var err error
	switch {
	case *clusters:
		for _, c := range corpora {
			if err = list(c, *rules, *minSize, *examples); err != nil {
				break
			}
		}
	case len(labelFiles) != len(corpora):
		err = fmt.Errorf("%d -corpus but %d -labels: give them in pairs", len(corpora), len(labelFiles))
	default:
		for i := range corpora {
			if len(corpora) > 1 {
				if i > 0 {
					fmt.Println()
				}
				fmt.Printf("=== %s\n", corpora[i])
			}
			if err = run(corpora[i], labelFiles[i], *rules, *mistakes, *max); err != nil {
				break
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "friction-eval:", err)
		os.Exit(2)
	}
}

func analyzer(rulesPath string) (*nlp.Analyzer, error) {
	if rulesPath == "" {
		return nlp.Default()
	}
	p, err := nlp.LoadRulePack(rulesPath)
	if err != nil {
		return nil, err
	}
	return nlp.New(p)
}

func list(corpusPath, rulesPath string, minSize, examples int) error {
	a, err := analyzer(rulesPath)
	if err != nil {
		return err
	}
	corpus, err := eval.LoadCorpus(corpusPath)
	if err != nil {
		return err
	}
	eval.ListClusters(os.Stdout, a, corpus, minSize, examples)
	return nil
}

func run(corpusPath, labelsPath, rulesPath, mistakes string, max int) error {
	a, err := analyzer(rulesPath)
	if err != nil {
		return err
	}
	corpus, err := eval.LoadCorpus(corpusPath)
	if err != nil {
		return err
	}
	labels, err := eval.LoadLabels(labelsPath)
	if err != nil {
		return err
	}
	r := eval.Run(a, corpus, labels)
	fmt.Printf("rules %s\n", a.RulesVersion())
	r.Print(os.Stdout)
	if mistakes != "" {
		if mistakes == "all" {
			mistakes = ""
		}
		fmt.Println()
		r.PrintMistakes(os.Stdout, mistakes, max)
	}
	return nil
}

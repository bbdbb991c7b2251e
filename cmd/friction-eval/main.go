// Command friction-eval scores the analyzer on a labelled corpus.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/frictionhq/friction/eval"
	"github.com/frictionhq/friction/nlp"
)

func main() {
	corpus := flag.String("corpus", "testdata/corpus/eval.jsonl", "labelled corpus (native JSONL)")
	labels := flag.String("labels", "testdata/corpus/eval.labels.jsonl", "labels, one JSON object per line")
	rules := flag.String("rules", "", "rule pack to use instead of the embedded one")
	mistakes := flag.String("mistakes", "", "print the transcripts wrong on this label (defect, masked, driver ...; all for every label)")
	max := flag.Int("max", 40, "most mistakes to print")
	clusters := flag.Bool("clusters", false, "list the defect clusters of the corpus (labels not needed) instead of scoring")
	minSize := flag.Int("min-size", 2, "with -clusters: smallest cluster to list")
	examples := flag.Int("examples", 5, "with -clusters: evidence quotes per cluster")
	flag.Parse()
	var err error
	if *clusters {
		err = list(*corpus, *rules, *minSize, *examples)
	} else {
		err = run(*corpus, *labels, *rules, *mistakes, *max)
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

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
	flag.Parse()
	if err := run(*corpus, *labels, *rules, *mistakes, *max); err != nil {
		fmt.Fprintln(os.Stderr, "friction-eval:", err)
		os.Exit(2)
	}
}

func run(corpusPath, labelsPath, rulesPath, mistakes string, max int) error {
	var a *nlp.Analyzer
	var err error
	if rulesPath == "" {
		a, err = nlp.Default()
	} else {
		var p *nlp.RulePack
		if p, err = nlp.LoadRulePack(rulesPath); err == nil {
			a, err = nlp.New(p)
		}
	}
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

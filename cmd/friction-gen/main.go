// Command friction-gen writes a seeded corpus of realistic, labelled contact-centre
// transcripts: the transcripts as Friction JSONL, the ground-truth labels to a side file.
//
//	friction-gen -seed 20260803 -n 400 -out demo.jsonl -labels demo.labels.jsonl
//
// See the gen package for what the corpus contains and how the committed corpora are
// regenerated.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/frictionhq/friction/gen"
)

func main() {
	if err := run(os.Args[1:]); errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	} else if err != nil {
		fmt.Fprintln(os.Stderr, "friction-gen:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("friction-gen", flag.ContinueOnError)
	seed := fs.Uint64("seed", 1, "random seed; the same seed and flags always give the same files")
	n := fs.Int("n", 400, "number of transcripts")
	out := fs.String("out", "", "transcripts JSONL file to write (required)")
	labels := fs.String("labels", "", "labels JSONL file to write (required)")
	start := fs.String("start", gen.DefaultStart.Format(time.DateOnly), "first day of the corpus, YYYY-MM-DD (UTC)")
	weeks := fs.Int("weeks", gen.DefaultWeeks, "number of weeks the corpus spans")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if *out == "" || *labels == "" {
		return errors.New("-out and -labels are required")
	}
	day, err := time.Parse(time.DateOnly, *start)
	if err != nil {
		return fmt.Errorf("-start: %w", err)
	}
	c, err := gen.Generate(gen.Config{Seed: *seed, N: *n, Start: day, Weeks: *weeks})
	if err != nil {
		return err
	}
	if err := writeFile(*out, c.WriteTranscripts); err != nil {
		return err
	}
	return writeFile(*labels, c.WriteLabels)
}

func writeFile(path string, write func(w io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

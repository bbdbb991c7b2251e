package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/frictionhq/friction/engine"
	"github.com/frictionhq/friction/ingest"
	"github.com/frictionhq/friction/transcript"
)

// loadDemo ingests a native JSONL file at start. Ids are stable, so loading it
// again replaces the same transcripts rather than adding copies.
func loadDemo(eng *engine.Engine, path string, log *slog.Logger) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("--load-demo: %w", err)
	}
	defer f.Close()
	start := time.Now()
	var batch []*transcript.Transcript
	stored, rejected := 0, 0
	flush := func() error {
		res, err := eng.Ingest(context.Background(), batch)
		if err != nil {
			return err
		}
		for _, r := range res {
			if r.Stored {
				stored++
			} else {
				rejected++
				log.Warn("demo transcript rejected", "id", r.ID, "reason", r.Rejected.Error())
			}
		}
		batch = batch[:0]
		return nil
	}
	err = ingest.ReadNative(f, path, func(rec ingest.Record) error {
		if rec.Err != nil {
			rejected++
			log.Warn("demo record rejected", "err", rec.Err.Error())
			return nil
		}
		batch = append(batch, rec.Transcript)
		if len(batch) == 500 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("--load-demo %s: %w", path, err)
	}
	log.Info("demo corpus loaded", "file", path, "stored", stored, "rejected", rejected, "took", time.Since(start).Round(time.Millisecond),
		"try", "bin/friction clusters --sort masked; bin/friction search 'masked:true customer:charging'")
	return nil
}

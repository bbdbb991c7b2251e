package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/schollz/progressbar/v3"

	"github.com/frictionhq/friction/engine"
)

// runReindex rebuilds everything derived from the store (analyses, index,
// clusters) in a data directory, offline: frictiond must be stopped.
func runReindex(ctx context.Context, c *cmdContext) int {
	dataDir := c.fs.String("data", "./friction-data", "frictiond's data `directory`")
	rules := c.fs.String("rules", "", "rule pack `PACK.yaml` to use instead of the embedded one")
	if code, ok := c.parse(0, 0); !ok {
		return code
	}
	an, err := loadAnalyzer(*rules)
	if err != nil {
		return c.fail(err)
	}
	log := slog.New(slog.NewTextHandler(c.env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	eng, err := engine.Open(engine.Config{DataDir: *dataDir, Analyzer: an, Logger: log})
	if errors.Is(err, engine.ErrDataDirInUse) {
		return c.fail(fmt.Errorf("%w: stop frictiond before reindexing %s", err, *dataDir))
	}
	if err != nil {
		return c.fail(err)
	}
	defer eng.Close()
	var bar *progressbar.ProgressBar
	progress := func(done, total int) {
		if bar == nil && !c.json && isTerminal(c.env.Stderr) {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(c.env.Stderr),
				progressbar.OptionSetDescription("re-analysing"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		}
		if bar != nil {
			_ = bar.Set(done)
		}
	}
	n, err := eng.Reindex(progress)
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		return c.fail(err)
	}
	if c.json {
		_ = c.printJSON(map[string]any{"reindexed": n, "rules_version": eng.RulesVersion()})
	} else {
		fmt.Fprintf(c.env.Stdout, "re-analysed and re-indexed %s with rules %s\n", plural(n, "transcript", "transcripts"), eng.RulesVersion())
	}
	return ExitOK
}

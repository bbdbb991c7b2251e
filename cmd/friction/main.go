// Command friction is the Friction command-line client: ingest transcripts, search
// them, show and delete them. See `friction help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/frictionhq/friction/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}

package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	pb "github.com/frictionhq/friction/proto/friction/v1"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitError    = 2
)

// DefaultAddr is where frictiond listens by default.
const DefaultAddr = "127.0.0.1:7400"

// Env is the program's outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// isTerminal reports whether w is a terminal (progress bars and colour only then).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, c *cmdContext) int
}

var commands = []command{
	{"ingest", "FILE|DIR|- ...", "stream transcripts (JSON, JSONL, text, e-mail, captions, Transcribe, CCAI) into the server", runIngest},
	{"search", "QUERY", "search transcripts (Bleve query-string syntax)", runSearch},
	{"show", "ID", "print a stored transcript", runShow},
	{"delete", "ID", "delete a stored transcript", runDelete},
	{"clusters", "", "list defect clusters (root causes), largest first", runClusters},
	{"cluster", "ID", "show one defect cluster with its trend and examples", runCluster},
	{"reindex", "", "re-analyse and re-index a data directory offline (frictiond stopped)", runReindex},
	{"analyze", "FILE...", "analyse transcripts offline, with no server", runAnalyze},
	{"rules", "check PACK.yaml", "run a rule pack's examples as tests", runRules},
}

// cmdContext holds what every command gets: its flags, arguments and output.
type cmdContext struct {
	env     Env
	fs      *flag.FlagSet
	args    []string
	addr    string
	json    bool
	timeout time.Duration
	conn    *grpc.ClientConn
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: friction COMMAND [flags] ARGS")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %-16s %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "\ncommon flags:")
	fmt.Fprintln(w, "  --addr HOST:PORT  server address (env FRICTION_ADDR, default "+DefaultAddr+")")
	fmt.Fprintln(w, "  --json            machine-readable output")
	fmt.Fprintln(w, "\nRun 'friction COMMAND -h' for a command's flags.")
}

// Run runs the friction program with args (without the program name) and returns
// its exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return ExitError
		}
		return ExitOK
	}
	for _, cmd := range commands {
		if cmd.name != args[0] {
			continue
		}
		c := &cmdContext{env: env, fs: flag.NewFlagSet("friction "+cmd.name, flag.ContinueOnError)}
		c.fs.SetOutput(env.Stderr)
		addr := env.Getenv("FRICTION_ADDR")
		if addr == "" {
			addr = DefaultAddr
		}
		c.fs.StringVar(&c.addr, "addr", addr, "server `address` (env FRICTION_ADDR)")
		c.fs.BoolVar(&c.json, "json", false, "machine-readable JSON output")
		c.fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "timeout for each request")
		c.fs.Usage = func() {
			fmt.Fprintf(env.Stderr, "usage: friction %s [flags] %s\n  %s\n\nflags:\n", cmd.name, cmd.args, cmd.help)
			c.fs.PrintDefaults()
		}
		c.fs.Bool("h", false, "")
		c.args = args[1:]
		// Flags are registered by the command, then parsed; see parse.
		code := cmd.run(ctx, c)
		if c.conn != nil {
			c.conn.Close()
		}
		return code
	}
	fmt.Fprintf(env.Stderr, "friction: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return ExitError
}

// parse parses the command's flags, which may come before or after its arguments,
// and checks the number of arguments. It returns false (after printing why) when
// the command should stop with the returned code.
func (c *cmdContext) parse(minArgs, maxArgs int) (int, bool) {
	var positional []string
	rest := c.args
	for {
		if err := c.fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return ExitOK, false
			}
			return ExitError, false
		}
		if h := c.fs.Lookup("h"); h != nil && h.Value.String() == "true" {
			c.fs.Usage()
			return ExitOK, false
		}
		rest = c.fs.Args()
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		rest = rest[1:]
	}
	c.args = positional
	if len(c.args) < minArgs || (maxArgs >= 0 && len(c.args) > maxArgs) {
		c.fs.Usage()
		return ExitError, false
	}
	return 0, true
}

func (c *cmdContext) client() (pb.FrictionServiceClient, error) {
	if c.conn == nil {
		conn, err := grpc.NewClient(c.addr,
			grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20)))
		if err != nil {
			return nil, fmt.Errorf("--addr %s: %w", c.addr, err)
		}
		c.conn = conn
	}
	return pb.NewFrictionServiceClient(c.conn), nil
}

// fail prints an error the way every command does and returns ExitError.
func (c *cmdContext) fail(err error) int {
	msg := err.Error()
	if st, ok := status.FromError(err); ok {
		msg = st.Message()
		if st.Code().String() == "Unavailable" {
			msg = fmt.Sprintf("cannot reach frictiond at %s (is it running? set --addr or FRICTION_ADDR): %s", c.addr, st.Message())
		}
	}
	if c.json {
		_ = json.NewEncoder(c.env.Stdout).Encode(map[string]string{"error": msg})
	} else {
		fmt.Fprintln(c.env.Stderr, "friction:", msg)
	}
	return ExitError
}

var protoJSON = protojson.MarshalOptions{Multiline: false, EmitUnpopulated: false, UseProtoNames: true}

// printJSON writes a value as one line of JSON.
func (c *cmdContext) printJSON(v any) error {
	return json.NewEncoder(c.env.Stdout).Encode(v)
}

// printProto writes a message as one line of JSON.
func (c *cmdContext) printProto(m proto.Message) error {
	data, err := protoJSON.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(c.env.Stdout, string(data))
	return err
}

func (c *cmdContext) ctx(parent context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(parent, c.timeout)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func lowerEnum(s, prefix string) string {
	return strings.ToLower(strings.TrimPrefix(s, prefix))
}

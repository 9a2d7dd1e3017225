// Command actorgraph turns news articles into a knowledge graph of armed and
// political actors, stores it in Cayley, queries it with Gizmo and exports
// it. It holds flags, files, standard streams, exit codes and progress; the
// work is done by packages extract and graph.
//
// Exit codes: 0 when everything went well, 1 when some input or the
// command failed (each failure reported on one line of standard error), 2
// for a usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

func main() {
	// ACTORGRAPH_CPUPROFILE=FILE writes a CPU profile of the whole run
	// (BENCHMARKS.md uses it to see where build's time goes).
	if p := os.Getenv("ACTORGRAPH_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "actorgraph: ACTORGRAPH_CPUPROFILE: %v\n", err)
			os.Exit(exitFailed)
		}
		code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		pprof.StopCPUProfile()
		f.Close()
		os.Exit(code)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // some inputs or the command failed
	exitUsage  = 2 // bad flags or arguments
	exitCrash  = 3 // ACTORGRAPH_CRASH_AFTER simulated a kill
)

// env is what a command may touch of the process: its streams and
// environment. Commands get it instead of reaching for package os, so that
// run has no hidden inputs beyond os.Getenv, read here once.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// tuneGC sets the collector for a command that extracts or loads.
// Extraction makes short-lived garbage by the megabyte and keeps little:
// collecting at (1 + percent/100) × the live heap rather than 2× saves a
// fifth of `actorgraph extract`'s CPU time (bench/run.sh), and the soft
// limit bounds the heap whatever the input. GOGC and GOMEMLIMIT in the
// environment win.
func (e *env) tuneGC(percent int, limit int64) {
	if e.getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
	if e.getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}

// extractGC is tuneGC's setting for extract and eval: a 100 MiB heap is
// 5× what extraction keeps live.
func (e *env) extractGC() { e.tuneGC(400, 100<<20) }

// errReported says that the failures were already printed, one line each,
// and the exit code is 1.
var errReported = errors.New("failures reported")

// usageError marks a bad flag or argument: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// run runs actorgraph with the arguments (without the program name) and
// returns the exit code. main is a call to it, so tests run it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	root := newRoot(e)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errReported):
		return exitFailed
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "actorgraph: %s\nRun 'actorgraph help' for usage.\n", oneLine(err))
		return exitUsage
	}
	fmt.Fprintf(stderr, "actorgraph: %s\n", oneLine(err))
	return exitFailed
}

// oneLine keeps the first line of an error message: a JavaScript error
// from Gizmo may carry a stack trace after it.
func oneLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimSpace(msg)
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "actorgraph",
		Short: "Turn news articles into a knowledge graph of armed and political actors",
		Long: `actorgraph reads news articles (text, Markdown, HTML, JSON Lines), extracts the
actors they name and what they say the actors did to each other, and keeps the
result as a graph with provenance: every edge points back to the document and
sentence it came from. The graph lives in an embedded Cayley store, answers
Gizmo queries and exports as N-Quads, JSON-LD, GraphML, DOT, SVG or PNG.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q", args[0])
			}
			cmd.SetOut(e.stderr)
			cmd.Usage()
			return usageError{errors.New("no command given")}
		},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(
		extractCmd(e),
		buildCmd(e),
		retractCmd(e),
		queryCmd(e),
		exportCmd(e),
		explainCmd(e),
		schemaCmd(e),
		evalCmd(e),
	)
	return root
}

// args wraps a cobra argument check so that its failure is a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// readFlags are the flags of the commands that read articles.
type readFlags struct {
	date     string
	jobs     int
	maxBytes int64
}

func (f *readFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.date, "date", "", "publication `date` (YYYY-MM-DD) of articles that give none; relative dates resolve against it")
	cmd.Flags().IntVarP(&f.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "extract `N` documents at a time")
	// The limit is a flag so that tests can exercise it with a small file.
	cmd.Flags().Int64Var(&f.maxBytes, "max-bytes", extract.DefaultMaxBytes, "largest document accepted, in bytes")
	cmd.Flags().MarkHidden("max-bytes")
}

func (f *readFlags) options() (extract.ReadOptions, error) {
	opt := extract.ReadOptions{MaxBytes: f.maxBytes}
	if f.jobs < 1 {
		return opt, usagef("-j %d: want at least 1", f.jobs)
	}
	if f.maxBytes < 1 {
		return opt, usagef("--max-bytes %d: want at least 1", f.maxBytes)
	}
	if f.date != "" {
		t, err := time.Parse(time.DateOnly, f.date)
		if err != nil {
			return opt, usagef("--date %q: want YYYY-MM-DD", f.date)
		}
		opt.Published = t
	}
	return opt, nil
}

// defaultDB is where the store lives unless --db says otherwise.
const defaultDB = "actorgraph.db"

func addDBFlag(cmd *cobra.Command, db *string) {
	cmd.Flags().StringVar(db, "db", defaultDB, "store `directory` (bolt)")
}

// openExisting opens the store at path for a command that reads it, which
// should not create an empty store by mistake.
func openExisting(path string) (*graph.Store, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s (run actorgraph build first, or give --db)", path)
		}
		return nil, err
	}
	s, err := graph.Open("bolt", path, graph.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// isTerminal reports whether w is a terminal, for the progress bar.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// output opens the -o file, or returns stdout for "" and "-". The close
// function removes a partly written file when the command failed.
func output(e *env, path string) (w io.Writer, done func(failed bool) error, err error) {
	if path == "" || path == "-" {
		return e.stdout, func(bool) error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func(failed bool) error {
		err := f.Close()
		if failed {
			os.Remove(path)
			return nil
		}
		return err
	}, nil
}

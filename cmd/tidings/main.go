// Command tidings is the whole Tidings news platform in one binary: the web
// UI and API, the background workers, and the command-line tools.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"syscall"

	"github.com/tidings/tidings/internal/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	stop()
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "tidings:", err)
		}
		os.Exit(exitCode(err))
	}
}

// Main is one run of the tidings command. End-to-end tests build one with
// their own streams and environment, Run it, and Close it.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether Stdout is a terminal (progress bars).
	IsTerminal bool
	// OnListen, when set, is told the address `serve` listens on (tests
	// listen on :0).
	OnListen func(addr string)

	Config config.Config
	Logger *slog.Logger

	closers []func() error
}

// NewMain returns a Main on the process's streams and environment.
func NewMain() *Main {
	return &Main{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		IsTerminal: isTerminal(os.Stdout),
	}
}

// command is one subcommand: run gets the arguments after its name.
type command struct {
	summary string
	run     func(ctx context.Context, m *Main, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":     {"web UI, API and background workers", runServe},
		"worker":    {"background workers only (scale-out)", runWorker},
		"migrate":   {"apply migrations and exit", runMigrate},
		"add":       {"subscribe to a feed or a site URL", runAdd},
		"import":    {"import OPML from a file or URL", runImport},
		"export":    {"print the subscriptions as OPML", runExport},
		"refresh":   {"fetch every due source now (--wait: until done)", runRefresh},
		"sources":   {"show every source and its health", runSources},
		"stats":     {"count what is stored (--json)", runStats},
		"analyze":   {"JSONL articles in, JSONL intelligence out", runAnalyze},
		"reanalyze": {"re-derive intelligence for stored articles", runReanalyze},
		"eval":      {"score analysis on the evaluation sets in ../shared/data", runEval},
		"user":      {"manage accounts (user add NAME [--admin])", runUser},
	}
}

// Run parses the configuration and runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	cfg, err := config.FromEnv(m.Getenv)
	if err != nil {
		return usageError{err}
	}
	m.Config = cfg
	if m.Logger == nil {
		m.Logger = slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage(cmds)
		if len(args) == 0 {
			return usageError{errors.New("missing command")}
		}
		return nil
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		m.usage(cmds)
		return usageError{fmt.Errorf("unknown command %q", args[0])}
	}
	if path := m.Getenv("TIDINGS_CPUPROFILE"); path != "" {
		// For performance work: a CPU profile of the whole command.
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	return cmd.run(ctx, m, args[1:])
}

// Close releases whatever the subcommand opened, last opened first.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i]())
	}
	m.closers = nil
	return errors.Join(errs...)
}

func (m *Main) onClose(f func() error) { m.closers = append(m.closers, f) }

func (m *Main) usage(cmds map[string]command) {
	fmt.Fprintln(m.Stderr, "usage: tidings COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(m.Stderr, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(m.Stderr, "\nenvironment: TIDINGS_DATABASE_URL (sqlite:PATH or postgres://…), TIDINGS_LISTEN, TIDINGS_ALLOW_PRIVATE_NETWORKS")
}

// newFlagSet returns a flag set for a subcommand that prints to m.Stderr.
func (m *Main) newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("tidings "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

// usageError marks errors in how the command was called (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// heapProfile writes the live heap to TIDINGS_MEMPROFILE when it is set, for
// memory work; commands call it while their working state is still live.
func (m *Main) heapProfile() {
	path := m.Getenv("TIDINGS_MEMPROFILE")
	if path == "" {
		return
	}
	if f, err := os.Create(path); err == nil {
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}
}

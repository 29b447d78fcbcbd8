package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// The command line: the same binary runs headless jobs. Each subcommand
// lives in its own file (cmd_<name>.go) and is one line of commands().

// command is one subcommand.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	run     func(e *env, args []string) error
}

// commands is the dispatch table. Add a command: a new cmd_<name>.go and
// one line here.
func commands() []command {
	return []command{
		{"init", "--data DIR --house NAME --beds SPEC --manager NAME [--passcode-stdin]", "create a house; prints the recovery key once", runInit},
		{"demo", "--data DIR [--years N]", "a persistent demo house (every manager's passcode: porchlight); with --years 2 to 10, a 40-bed house with that much history", runDemo},
		{"import", "residents FILE.csv --data DIR [--dry-run] [--skip-bad] [--dates dmy|mdy]", "import residents from a spreadsheet", runImport},
		{"export", "residents|signouts|chores|meetings --data DIR --out FILE.csv [--from DATE] [--to DATE]", "write records to a CSV file (not encrypted)", runExport},
		{"report", "--data DIR [--week YYYY-MM-DD] [--copy house|manager] [--paper a4|letter] [--include notes,contacts,incidents] --out FILE.pdf", "the weekly house report as a PDF", runReport},
		{"backup", "--data DIR --to FOLDER", "write one encrypted backup file, check it, print its path", runBackup},
		{"restore", "--from FILE --data NEWDIR", "restore a backup into an empty or new folder, then verify it", runRestore},
		{"verify", "--data DIR", "check every record decodes and every index agrees", runVerify},
	}
}

// env is the outside world a command sees, so tests can give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdinFD        int  // -1 when stdin is not a file
	stderrTerm     bool // progress is shown only on a terminal
}

func osEnv() *env {
	return &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		stdinFD: int(os.Stdin.Fd()), stderrTerm: term.IsTerminal(int(os.Stderr.Fd()))}
}

// usageError is wrong usage: exit status 2, with the usage.
type usageError struct {
	cmd string // "" for the whole program
	msg string
}

func (u usageError) Error() string { return u.msg }

func usagef(cmd, format string, args ...any) error {
	return usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// isCommandLine reports whether args ask for a subcommand rather than the app.
func isCommandLine(args []string) bool {
	return len(args) > 0 && !strings.HasPrefix(args[0], "-")
}

// runCLI runs a subcommand and returns the exit status: 0 done, 1 a
// failure told in one line, 2 wrong usage.
func runCLI(e *env, args []string) int {
	name := args[0]
	if name == "help" {
		printUsage(e.stdout, "")
		return 0
	}
	for _, c := range commands() {
		if c.name == name {
			return finish(e, c.run(e, args[1:]))
		}
	}
	return finish(e, usagef("", "unknown command %q", name))
}

func finish(e *env, err error) int {
	var u usageError
	var h helpRequest
	switch {
	case err == nil:
		return 0
	case errors.As(err, &h):
		printUsage(e.stdout, h.fs.Name())
		fmt.Fprintln(e.stdout, "options:")
		h.fs.SetOutput(e.stdout)
		h.fs.PrintDefaults()
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &u):
		fmt.Fprintln(e.stderr, "porchlight:", u.msg)
		printUsage(e.stderr, u.cmd)
		return 2
	}
	fmt.Fprintln(e.stderr, "porchlight:", oneLine(err.Error()))
	return 1
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// printUsage prints one command's usage, or the whole list.
func printUsage(w io.Writer, cmd string) {
	for _, c := range commands() {
		if c.name == cmd {
			fmt.Fprintf(w, "usage: porchlight %s %s\n  %s\n", c.name, c.args, c.summary)
			return
		}
	}
	fmt.Fprintln(w, "usage: porchlight [--data DIR] [--demo] [--kiosk] [--version]   the app")
	for _, c := range commands() {
		fmt.Fprintf(w, "       porchlight %s %s\n", c.name, c.args)
	}
	fmt.Fprintln(w, "Commands that open the store take --manager NAME and read the passcode from the terminal,")
	fmt.Fprintln(w, "or from standard input with --passcode-stdin; --recovery-key-stdin unlocks with the recovery key.")
}

// newFlags makes a subcommand's flag set, quiet so that errors come out
// once, through finish.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// helpRequest is -h or --help: the command's usage and options on standard
// output, exit status 0.
type helpRequest struct{ fs *flag.FlagSet }

func (h helpRequest) Error() string { return "help for " + h.fs.Name() }

// parseArgs parses flags and positional arguments in any order and returns
// the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequest{fs}
			}
			return nil, usagef(fs.Name(), "%v", err)
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// need refuses a missing required flag.
func need(cmd string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return usagef(cmd, "%s is required", pairs[i])
		}
	}
	return nil
}

// progress shows a counter on a terminal and nothing when piped.
type progress struct {
	e     *env
	shown bool
}

func (p *progress) show(format string, args ...any) {
	if !p.e.stderrTerm {
		return
	}
	fmt.Fprintf(p.e.stderr, "\r\033[K"+format, args...)
	p.shown = true
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.e.stderr, "\r\033[K")
	}
}

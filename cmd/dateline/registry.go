package main

import (
	"context"
	"flag"
	"io"
	"sort"
)

// Env is what a subcommand gets from main: its streams and the global flags.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	DB             string // store path (--db, DATELINE_DB)
	Quiet          bool
	IsTerminal     bool // stderr is a terminal: progress bars instead of lines
}

// command is one subcommand. Files in this package register theirs from
// init, so each capability's wiring sits in its own file.
type command struct {
	Name    string // "ingest", or "eval timex" for a sub-subcommand
	Summary string
	Usage   string // argument synopsis after the name, for help
	Run     func(ctx context.Context, env *Env, args []string) error
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.Name]; dup {
		panic("dateline: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// newFlags returns a flag set for a subcommand that reports errors instead
// of exiting, so main alone decides the exit status.
func newFlags(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("dateline "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		io.WriteString(env.Stderr, "usage: dateline "+name+" "+usage+"\n")
		fs.PrintDefaults()
	}
	return fs
}

// usageError marks a bad command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

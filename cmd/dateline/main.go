// Command dateline ingests dated news articles, analyses them and answers
// "what happened, when, and who said so". main only parses the command line
// and wires packages together; the work is in internal/.
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
	"strings"
	"syscall"

	"golang.org/x/term"
)

// Exit statuses. A partial ingest (some records bad, the rest stored) has
// its own status so scripts can tell it from a failure.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitPartial = 3
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		env.IsTerminal = term.IsTerminal(int(f.Fd()))
	}
	global := flag.NewFlagSet("dateline", flag.ContinueOnError)
	global.SetOutput(stderr)
	defDB := os.Getenv("DATELINE_DB")
	if defDB == "" {
		defDB = "dateline.db"
	}
	global.StringVar(&env.DB, "db", defDB, "store file (SQLite); also $DATELINE_DB")
	global.BoolVar(&env.Quiet, "quiet", false, "print no progress")
	logLevel := global.String("log", "warn", "log level: debug, info, warn, error")
	cpuProfile := global.String("cpuprofile", "", "write a CPU profile to `FILE` (for measuring hot paths)")
	global.Usage = func() { printHelp(stderr) }
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(stderr, "dateline: --log %q: want debug, info, warn or error\n", *logLevel)
		return exitUsage
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl})))

	rest := global.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
		printHelp(stdout)
		if len(rest) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "dateline:", err)
			return exitError
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "dateline:", err)
			return exitError
		}
		defer pprof.StopCPUProfile()
	}
	cmd, cargs := lookup(rest)
	if cmd == nil {
		var subs []string
		for _, n := range commandNames() {
			if strings.HasPrefix(n, rest[0]+" ") {
				subs = append(subs, n)
			}
		}
		if len(subs) > 0 {
			fmt.Fprintf(stderr, "dateline: %q needs a subcommand: %s\n", rest[0], strings.Join(subs, ", "))
		} else {
			fmt.Fprintf(stderr, "dateline: unknown command %q; run 'dateline help'\n", strings.Join(rest[:min(2, len(rest))], " "))
		}
		return exitUsage
	}
	err := cmd.Run(ctx, env, cargs)
	return exitCode(stderr, err)
}

// lookup finds the longest registered command name the arguments start
// with: "eval timex --gold …" finds "eval timex".
func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, args[2:]
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c, args[1:]
	}
	return nil, nil
}

func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "dateline:", ue.msg)
		return exitUsage
	}
	if strings.HasPrefix(err.Error(), "flag provided but not defined") || strings.HasPrefix(err.Error(), "invalid value") {
		return exitUsage
	}
	var pe *partialError
	if errors.As(err, &pe) {
		fmt.Fprintln(stderr, "dateline:", err)
		return exitPartial
	}
	fmt.Fprintln(stderr, "dateline:", err)
	return exitError
}

// partialError ends a run that read some inputs and failed on others; done
// says what became of the good ones ("stored", "extracted"; empty means
// stored, which ingest and the web inputs rely on).
type partialError struct {
	bad, good int
	done      string
}

func (e *partialError) Error() string {
	done := e.done
	if done == "" {
		done = "stored"
	}
	return fmt.Sprintf("%d record(s) could not be read (%d %s); see the messages above", e.bad, e.good, done)
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "dateline: what happened, when, and who reported it — from piles of dated news articles")
	fmt.Fprintln(w, "\nusage: dateline [--db FILE] [--quiet] COMMAND [ARGS]")
	fmt.Fprintln(w, "\ncommands:")
	for _, n := range commandNames() {
		c := commands[n]
		fmt.Fprintf(w, "  %-16s %s\n", n, c.Summary)
	}
	fmt.Fprintln(w, "\nRun 'dateline COMMAND -h' for a command's flags.")
}

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/pipeline"
	"github.com/datelinehq/dateline/internal/sample"
	"github.com/datelinehq/dateline/internal/store/sqlite"
)

func init() {
	register(&command{Name: "demo", Summary: "ingest the bundled sample corpus into a temporary store, show what dateline finds, then serve it",
		Usage: "[--no-serve] [--addr HOST:PORT]", Run: runDemo})
}

// demoServe starts the web server on a store; serve.go sets it. Nil means
// this build has no web server.
var demoServe func(ctx context.Context, env *Env, st dateline.Store, addr string) error

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "demo", "[flags]")
	noServe := fs.Bool("no-serve", false, "print the walkthrough and exit instead of serving the corpus")
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve on")
	keep := fs.Bool("keep", false, "keep the temporary store and print its path")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "dateline-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if !*keep {
		defer os.RemoveAll(dir)
	}
	path := filepath.Join(dir, "demo.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	pipe, err := pipeline.New(ctx, st, pipeline.Options{Analyze: true})
	if err != nil {
		return err
	}
	out := env.Stdout
	fmt.Fprintln(out, "== dateline demo: the bundled sample corpus (invented outlets and events, March–April 2025)")
	var docs []dateline.Document
	err = ingest.WalkFS(ctx, sample.FS, "data", "sample", ingest.Options{Now: time.Now}, func(d dateline.Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return fmt.Errorf("demo: the bundled corpus is broken: %w", err)
	}
	start := time.Now()
	res, err := pipe.Ingest(ctx, docs)
	if err == nil {
		err = pipe.Settle(ctx)
	}
	if err != nil {
		return err
	}
	took := time.Since(start)
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "ingested %d articles (%d near-duplicate copies) in %s\n\n", res.Added, stats.Duplicates, took.Round(time.Millisecond))

	steps := []struct {
		title string
		args  []string
	}{
		{"dateline stats", []string{"stats"}},
		{"dateline search resignation", []string{"search", "--limit", "3", "resignation"}},
		{"dateline stories", []string{"stories", "--top", "5"}},
		{"dateline timeline --dates 6 --per-date 1 \"Harlow Falls water\"", []string{"timeline", "--dates", "6", "--per-date", "1", "Harlow Falls water"}},
		{"dateline entities --top 8", []string{"entities", "--top", "8"}},
		{"dateline quotes --source Marsh --limit 3", []string{"quotes", "--source", "Marsh", "--limit", "3"}},
	}
	sub := *env
	sub.DB = path
	for _, s := range steps {
		fmt.Fprintf(out, "$ %s\n", s.title)
		c, cargs := lookup(s.args)
		if err := c.Run(ctx, &sub, cargs); err != nil {
			return fmt.Errorf("demo: %s: %w", s.title, err)
		}
		fmt.Fprintln(out)
	}
	if *keep {
		fmt.Fprintf(out, "store kept at %s (use --db %s)\n", path, path)
	}
	if *noServe || demoServe == nil {
		return nil
	}
	return demoServe(ctx, &sub, st, *addr)
}

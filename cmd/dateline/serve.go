package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/pipeline"
	"github.com/datelinehq/dateline/internal/timeline"
	"github.com/datelinehq/dateline/internal/web"
)

func init() {
	demoServe = func(ctx context.Context, env *Env, st dateline.Store, addr string) error {
		return serveStore(ctx, env, st, addr, 0)
	}
	register(&command{Name: "serve", Summary: "serve the web pages and the JSON API over the store", Usage: "[--addr 127.0.0.1:8080]", Run: runServe})
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve", "[--addr 127.0.0.1:8080]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (HOST:PORT); writes need $DATELINE_TOKEN")
	cache := fs.Int("cache", 256, "timelines and search pages kept in memory; 0 turns the cache off (for benchmarks)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cache < 0 {
		return usageError{"--cache must be 0 or more"}
	}
	if *cache == 0 {
		*cache = -1 // web.Deps: negative means off
	}
	if fs.NArg() > 0 {
		return usageError{"serve takes no arguments; did you mean --addr " + fs.Arg(0) + "?"}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	return serveStore(ctx, env, st, *addr, *cache)
}

// serveStore serves st until ctx ends; `dateline demo` serves its sample
// store through it (demoServe).
// cache is web.Deps.CacheSize: 0 for the default, negative for none.
func serveStore(ctx context.Context, env *Env, st dateline.Store, addr string, cache int) error {
	p, err := pipeline.New(ctx, st, pipeline.Options{Analyze: true, Logger: slog.Default()})
	if err != nil {
		return err
	}
	token := os.Getenv("DATELINE_TOKEN")
	srv := web.New(web.Deps{
		Store: st,
		Timeline: func(ctx context.Context, q web.TimelineRequest) (dateline.Timeline, error) {
			// The CLI's selection of candidate articles, so `dateline
			// timeline` and /timeline agree.
			return timeline.FromStore(ctx, st, timeline.Request{Query: q.Query, Entity: q.Entity, Story: q.Story, From: q.From, To: q.To})
		},
		Ingest:    apiIngest(p),
		Token:     token,
		Logger:    slog.Default(),
		CacheSize: cache,
	})
	return web.ListenAndServe(ctx, addr, srv, func(bound string) {
		writes := "writes disabled (set DATELINE_TOKEN to allow POST /api/articles)"
		if token != "" {
			writes = "writes allowed with the bearer token in DATELINE_TOKEN"
		}
		fmt.Fprintf(env.Stdout, "dateline: serving %s at http://%s/ — %s; Ctrl-C stops\n", env.DB, bound, writes)
	})
}

// apiIngest reads a JSONL body with the CLI's reader and runs it through
// the same pipeline as `dateline ingest`, in batches.
func apiIngest(p *pipeline.Pipeline) func(context.Context, io.Reader) (web.IngestResult, error) {
	const batch = 256
	return func(ctx context.Context, r io.Reader) (web.IngestResult, error) {
		var res web.IngestResult
		var docs []dateline.Document
		flush := func() error {
			if len(docs) == 0 {
				return nil
			}
			pr, err := p.Ingest(ctx, docs)
			res.Added += pr.Added
			res.Skipped += pr.Skipped
			res.Duplicates += pr.Duplicates
			docs = docs[:0]
			return err
		}
		// The clock only rejects articles dated in the future.
		err := ingest.Walk(ctx, "-", ingest.Options{Now: time.Now, Stdin: r}, func(d dateline.Document, err error) error {
			res.Read++
			if err != nil {
				// The reader names its input "<stdin>"; here it is the body,
				// one article a line.
				res.Errors = append(res.Errors, strings.Replace(err.Error(), "<stdin>", "body article", 1))
				return nil
			}
			docs = append(docs, d)
			if len(docs) >= batch {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err == nil {
			err = p.Settle(ctx)
		}
		return res, err
	}
}

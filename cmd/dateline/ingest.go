package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/pipeline"
	"github.com/datelinehq/dateline/internal/store/sqlite"
)

func init() {
	register(&command{Name: "ingest", Summary: "read dated articles (files, folders, - for stdin) into the store", Usage: "[--strict] [--no-analyze] PATH...", Run: runIngest})
}

// openStore opens the SQLite store the global flags name.
func openStore(ctx context.Context, env *Env) (*sqlite.DB, error) {
	return sqlite.Open(ctx, env.DB)
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// ingestRun is one ingest. The walk (reading, decompressing, parsing) runs
// on the caller's goroutine and hands full batches to a preparer goroutine
// (analysis, on the pipeline's worker pool) that runs up to two batches
// ahead of a writer goroutine (dedup, stories, storing: one batch waits in
// the channel while the next is analysed), so parsing, analysis and
// storage overlap while batches still reach the store in arrival order.
type ingestRun struct {
	env      *Env
	pipe     *pipeline.Pipeline
	strict   bool
	batch    []dateline.Document
	size     int
	bad      int
	bytes    atomic.Int64
	progress *progress

	work chan []dateline.Document
	done chan struct{}
	mu   sync.Mutex // guards res and err
	res  pipeline.Result
	err  error
}

func (r *ingestRun) start(ctx context.Context) {
	r.work = make(chan []dateline.Document, 2)
	r.done = make(chan struct{})
	ready := make(chan *pipeline.Batch, 1)
	go func() {
		defer close(ready)
		for docs := range r.work {
			if r.failed() != nil {
				continue // drain: a failed store takes no more batches
			}
			b, err := r.pipe.Prepare(ctx, docs)
			if err != nil {
				r.record(pipeline.Result{Seen: len(docs)}, err)
				continue
			}
			ready <- b
		}
	}()
	go func() {
		defer close(r.done)
		for b := range ready {
			if r.failed() != nil {
				continue
			}
			res, err := r.pipe.Commit(ctx, b)
			seen := r.record(res, err)
			r.progress.update(seen, r.bytes.Load())
		}
	}()
}

// record adds a batch's result and keeps its error, the first one only; it
// returns how many documents have been seen so far.
func (r *ingestRun) record(res pipeline.Result, err error) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Add(res)
	if err != nil && r.err == nil {
		r.err = err
	}
	return r.res.Seen
}

func (r *ingestRun) failed() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// flush hands the current batch to the writer.
func (r *ingestRun) flush() error {
	if len(r.batch) > 0 {
		r.work <- r.batch
		r.batch = make([]dateline.Document, 0, r.size)
	}
	return r.failed()
}

// wait flushes what is left and waits for the writer to finish.
func (r *ingestRun) wait() error {
	if len(r.batch) > 0 {
		r.work <- r.batch
		r.batch = nil
	}
	close(r.work)
	<-r.done
	return r.failed()
}

func (r *ingestRun) take() ingest.Func {
	return func(doc dateline.Document, err error) error {
		if err != nil {
			r.bad++
			r.progress.clear()
			fmt.Fprintln(r.env.Stderr, "dateline:", err)
			if r.strict {
				return err
			}
			return nil
		}
		r.batch = append(r.batch, doc)
		if len(r.batch) >= r.size {
			return r.flush()
		}
		return nil
	}
}

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "ingest", "[flags] PATH...")
	strict := fs.Bool("strict", false, "stop at the first record that cannot be read")
	noAnalyze := fs.Bool("no-analyze", false, "store and index only; skip sentences, entities, time expressions and attributions")
	noFold := fs.Bool("no-fold", false, "skip near-duplicate folding and story assignment (bulk load; run 'dateline recluster' after)")
	batch := fs.Int("batch", 256, "documents per transaction")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"ingest: name at least one file or folder (or - for standard input)"}
	}
	if *batch < 1 {
		return usageError{"ingest: --batch must be at least 1"}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	pipe, err := pipeline.New(ctx, st, pipeline.Options{Analyze: !*noAnalyze, NoFold: *noFold})
	if err != nil {
		return err
	}
	return ingestPaths(ctx, env, pipe, fs.Args(), *strict, *batch)
}

// ingestPaths runs every path through the pipeline, reporting progress and
// a summary; it is shared by ingest and demo.
func ingestPaths(ctx context.Context, env *Env, pipe *pipeline.Pipeline, paths []string, strict bool, batch int) error {
	var total int64
	for _, p := range paths {
		total += sizeOf(p)
	}
	r := &ingestRun{env: env, pipe: pipe, strict: strict, size: batch}
	r.progress = newProgress(env, total)
	start := time.Now()
	opts := ingest.Options{Now: time.Now, Stdin: env.Stdin, BytesRead: &r.bytes}
	r.start(ctx)
	var err error
	for _, p := range paths {
		if err = ingest.Walk(ctx, p, opts, r.take()); err != nil {
			break
		}
	}
	if werr := r.wait(); err == nil {
		err = werr
	}
	if err == nil {
		err = pipe.Settle(ctx)
	}
	r.progress.done()
	if err != nil {
		// What was flushed is committed; say so, so the user knows a rerun continues.
		return fmt.Errorf("%w (stored %d new document(s) before stopping; rerun to continue)", err, r.res.Added)
	}
	return r.summary(env, time.Since(start))
}

func (r *ingestRun) summary(env *Env, took time.Duration) error {
	if !env.Quiet {
		rate := float64(r.res.Seen) / max(took.Seconds(), 1e-9)
		fmt.Fprintf(env.Stderr, "ingested %d new document(s), %d already stored, %d near-duplicate(s), %d bad record(s) in %s (%.0f docs/s)\n",
			r.res.Added, r.res.Skipped, r.res.Duplicates, r.bad, took.Round(time.Millisecond), rate)
	}
	if r.bad > 0 {
		return &partialError{bad: r.bad, good: r.res.Added}
	}
	return nil
}

// sizeOf is the bytes under a path, for progress; 0 when unknown (stdin).
func sizeOf(p string) int64 {
	if p == "-" {
		return 0
	}
	var n int64
	filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// progress draws a one-line bar on a terminal, prints a plain line every few
// seconds otherwise, and nothing with --quiet.
type progress struct {
	mu    sync.Mutex
	env   *Env
	total int64
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(env *Env, total int64) *progress {
	now := time.Now()
	return &progress{env: env, total: total, start: now, last: now}
}

func (p *progress) update(docs int, bytes int64) {
	if p.env.Quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	every := 5 * time.Second
	if p.env.IsTerminal {
		every = 200 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	line := fmt.Sprintf("%d docs  %.0f docs/s  %.1f MB", docs, float64(docs)/max(el, 1e-9), float64(bytes)/1e6)
	if p.total > 0 && bytes > 0 {
		frac := min(float64(bytes)/float64(p.total), 1)
		eta := time.Duration(el/frac*(1-frac)) * time.Second
		line = fmt.Sprintf("%s %3.0f%%  %s  ETA %s", bar(frac, 20), frac*100, line, eta.Round(time.Second))
	}
	if p.env.IsTerminal {
		fmt.Fprintf(p.env.Stderr, "\r\x1b[K%s", line)
		p.drawn = true
	} else {
		fmt.Fprintln(p.env.Stderr, "progress:", line)
	}
}

func bar(frac float64, width int) string {
	n := int(frac * float64(width))
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.env.Stderr, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *progress) done() { p.clear() }

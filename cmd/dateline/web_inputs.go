package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/htmleval"
	"github.com/datelinehq/dateline/internal/feed"
	"github.com/datelinehq/dateline/internal/htmlpage"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/shareddata"
)

// newIngestSink gives `watch` the pipeline that stores what it finds; the
// file that wires ingest sets it. The returned func closes the sink.
var newIngestSink func(ctx context.Context, env *Env) (feed.Sink, func() error, error)

func init() {
	register(&command{
		Name:    "extract",
		Summary: "extract main text, metadata and publication date from HTML pages (trafilatura-style output)",
		Usage:   "[--format text|json|jsonl] [--index FILE] [--fetched TIME] PATH...",
		Run:     runExtract,
	})
	register(&command{
		Name:    "watch",
		Summary: "poll RSS/Atom/JSON feeds and ingest each new item's page",
		Usage:   "[--once] [--interval D] [--state FILE] URL... | --feeds FILE",
		Run:     runWatch,
	})
	register(&command{
		Name:    "eval html",
		Summary: "score text and date extraction on the trafilatura and htmldate evaluation sets",
		Usage:   "[--extract INDEX] [--dates INDEX] [--baseline] [--pages]",
		Run:     runEvalHTML,
	})
}

// extractRecord is one page of `dateline extract` output.
type extractRecord struct {
	File           string  `json:"file"`
	URL            string  `json:"url"`
	Title          string  `json:"title"`
	Site           string  `json:"site"`
	Author         string  `json:"author"`
	Text           string  `json:"text"`
	Date           string  `json:"date"`
	Published      string  `json:"published,omitempty"`
	DateSource     string  `json:"date_source"`
	DateConfidence float64 `json:"date_confidence"`
	Error          string  `json:"error,omitempty"`
}

func runExtract(ctx context.Context, env *Env, args []string) error {
	fset := newFlags(env, "extract", "[--format text|json|jsonl] [--index FILE] [--fetched TIME] PATH...")
	format := fset.String("format", "text", "output: text (readable), json (one array) or jsonl (one object a line)")
	index := fset.String("index", "", "JSONL `FILE` with {\"file\",\"url\"} lines giving each page's URL (as the evaluation sets do)")
	fetchedFlag := fset.String("fetched", "", "capture `TIME` (RFC 3339 or YYYY-MM-DD): no publication date after it is believed")
	pageURL := fset.String("url", "", "the page's URL, when extracting one file or stdin")
	if err := fset.Parse(args); err != nil {
		return err
	}
	switch *format {
	case "text", "json", "jsonl":
	default:
		return usageError{"extract: --format must be text, json or jsonl"}
	}
	paths := fset.Args()
	if len(paths) == 0 {
		return usageError{"extract: give .html or .html.gz files, folders, or - for stdin"}
	}
	var fetched time.Time
	if *fetchedFlag != "" {
		t, err := time.Parse(time.RFC3339, *fetchedFlag)
		if err != nil {
			t, err = time.Parse(dateline.DateLayout, *fetchedFlag)
		}
		if err != nil {
			return usageError{fmt.Sprintf("extract: --fetched %q: want RFC 3339 or YYYY-MM-DD", *fetchedFlag)}
		}
		fetched = t
	}
	urls := map[string]string{}
	if *index != "" {
		m, err := readURLIndex(*index)
		if err != nil {
			return err
		}
		urls = m
	}
	files, err := htmlFiles(paths)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if *format == "json" {
		out.WriteString("[\n")
	}
	bad := 0
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		u := urls[strings.TrimSuffix(filepath.Base(f), ".gz")]
		if *pageURL != "" {
			u = *pageURL
		}
		rec := extractFile(ctx, env, f, htmlpage.Options{URL: u, Fetched: fetched})
		if rec.Error != "" {
			bad++
			fmt.Fprintf(env.Stderr, "extract: %s: %s\n", f, rec.Error)
		}
		switch *format {
		case "text":
			if rec.Error != "" {
				continue
			}
			fmt.Fprintf(out, "== %s\nurl: %s\ntitle: %s\nsite: %s\nauthor: %s\ndate: %s (%s, %.2f)\n\n%s\n\n", rec.File, rec.URL, rec.Title, rec.Site, rec.Author, rec.Date, rec.DateSource, rec.DateConfidence, rec.Text)
		case "jsonl":
			if err := enc.Encode(rec); err != nil {
				return err
			}
		case "json":
			if i > 0 {
				out.WriteString(",\n")
			}
			b, err := json.Marshal(rec)
			if err != nil {
				return err
			}
			out.Write(b)
		}
	}
	if *format == "json" {
		out.WriteString("\n]\n")
	}
	if bad > 0 {
		return &partialError{bad: bad, good: len(files) - bad, done: "extracted"}
	}
	return nil
}

func extractFile(ctx context.Context, env *Env, path string, opts htmlpage.Options) extractRecord {
	rec := extractRecord{File: path}
	var r io.Reader
	if path == "-" {
		r = env.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			rec.Error = err.Error()
			return rec
		}
		defer f.Close()
		r = f
		if strings.HasSuffix(path, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				rec.Error = err.Error()
				return rec
			}
			defer gz.Close()
			r = gz
		}
	}
	// Refuse what is not a page at all (binary junk, an empty file, a WARC
	// or JSON file given by mistake) instead of "extracting" its bytes.
	br := bufio.NewReader(r)
	head, _ := br.Peek(4096)
	switch f := ingest.Detect(head); f {
	case ingest.FormatUnknown:
		rec.Error = "not an HTML page: the file is empty or binary"
		return rec
	case ingest.FormatWARC, ingest.FormatJSONL, ingest.FormatJSONArray, ingest.FormatFeed:
		rec.Error = fmt.Sprintf("not an HTML page but %s; dateline ingest reads it", f)
		return rec
	}
	p, err := htmlpage.Extract(ctx, br, opts)
	if err != nil {
		rec.Error = err.Error()
		return rec
	}
	rec.URL, rec.Title, rec.Site, rec.Author, rec.Text = p.URL, p.Title, p.Site, p.Author, p.Text
	if !p.Date.IsZero() {
		rec.Date = p.Date.Format(dateline.DateLayout)
		rec.Published = p.Date.Format(time.RFC3339)
	}
	rec.DateSource, rec.DateConfidence = p.DateSource, p.DateConfidence
	return rec
}

// htmlFiles expands folders into their .html/.htm(.gz) files, sorted.
func htmlFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, dateline.Errorf(dateline.Invalid, "extract", "%w", err)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := strings.TrimSuffix(strings.ToLower(d.Name()), ".gz")
			if !d.IsDir() && (strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, dateline.Errorf(dateline.Invalid, "extract", "%w", err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func readURLIndex(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, dateline.Errorf(dateline.Invalid, "extract --index", "%w", err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r struct{ File, Path, URL string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, dateline.Errorf(dateline.Invalid, fmt.Sprintf("extract --index: %s:%d", path, n), "%w", err)
		}
		for _, k := range []string{r.File, r.Path} {
			if k != "" {
				m[strings.TrimSuffix(filepath.Base(k), ".gz")] = r.URL
			}
		}
	}
	return m, sc.Err()
}

func runWatch(ctx context.Context, env *Env, args []string) error {
	fset := newFlags(env, "watch", "[--once] [--interval D] [--state FILE] URL... | --feeds FILE")
	once := fset.Bool("once", false, "poll every feed once and exit")
	interval := fset.Duration("interval", 15*time.Minute, "time between polls of one feed")
	hostGap := fset.Duration("host-interval", 2*time.Second, "minimum gap between two requests to one host")
	feedsFile := fset.String("feeds", "", "`FILE` listing feeds: one URL a line, or OPML")
	statePath := fset.String("state", "", "state `FILE` remembering seen items (default: next to the store, <db>.watch.json)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	feeds := fset.Args()
	if *feedsFile != "" {
		b, err := os.ReadFile(*feedsFile)
		if err != nil {
			return dateline.Errorf(dateline.Invalid, "watch", "%w", err)
		}
		list, err := feed.ParseList(b)
		if err != nil {
			return err
		}
		feeds = append(feeds, list...)
	}
	if len(feeds) == 0 {
		return usageError{"watch: give feed URLs or --feeds FILE"}
	}
	if newIngestSink == nil {
		return dateline.Errorf(dateline.Internal, "watch", "no ingest pipeline is wired into this build")
	}
	sink, closeSink, err := newIngestSink(ctx, env)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			closeSink()
		}
	}()
	if *statePath == "" {
		*statePath = env.DB + ".watch.json"
	}
	w := &feed.Watcher{
		Sink: sink, StatePath: *statePath, Interval: *interval, HostInterval: *hostGap,
		Logf: func(format string, a ...any) { fmt.Fprintf(env.Stderr, "watch: "+format+"\n", a...) },
	}
	if *once {
		rep, err := w.Poll(ctx, feeds, true)
		if !env.Quiet {
			fmt.Fprintf(env.Stderr, "watch: %d feed(s) polled, %d unchanged, %d failed; %d new item(s), %d ingested, %d error(s)\n",
				rep.Polled, rep.NotModified, rep.Failed, rep.NewItems, rep.Ingested, rep.Errors)
		}
		if err != nil {
			return err
		}
		closed = true
		if err := closeSink(); err != nil {
			return err
		}
		if rep.Failed > 0 || rep.Errors > 0 {
			return &partialError{bad: rep.Failed + rep.Errors, good: rep.Ingested}
		}
		return nil
	}
	err = w.Run(ctx, feeds)
	closed = true
	if cerr := closeSink(); err == nil {
		err = cerr
	}
	return err
}

func runEvalHTML(ctx context.Context, env *Env, args []string) error {
	fset := newFlags(env, "eval html", "[--extract INDEX] [--dates INDEX] [--baseline] [--pages]")
	root, _ := shareddata.Root()
	extractIdx := fset.String("extract", filepath.Join(root, "data", "html", "extract", "index.jsonl"), "extraction set `INDEX` (trafilatura's)")
	datesIdx := fset.String("dates", filepath.Join(root, "data", "html", "dates", "index.jsonl"), "date set `INDEX` (htmldate's)")
	baseline := fset.Bool("baseline", false, "score go-trafilatura and go-htmldate alone, with their defaults, instead of dateline")
	pages := fset.Bool("pages", false, "print every page's outcome")
	if err := fset.Parse(args); err != nil {
		return err
	}
	ex, name := htmleval.Ours, "dateline"
	if *baseline {
		ex, name = htmleval.Library, "library alone (go-trafilatura + go-htmldate)"
	}
	out := env.Stdout
	fmt.Fprintf(out, "extractor: %s\n", name)
	if *extractIdx != "" {
		cases, err := htmleval.LoadExtract(*extractIdx)
		if err != nil {
			return err
		}
		start := time.Now()
		rep, err := htmleval.RunExtract(ctx, cases, ex)
		if err != nil {
			return err
		}
		took := time.Since(start)
		c := rep.All
		fmt.Fprintf(out, "\ntext extraction: %d pages (%s, %.1f pages/s)\n", c.Pages, took.Round(time.Millisecond), float64(c.Pages)/took.Seconds())
		fmt.Fprintf(out, "  TP %d  FN %d  FP %d  TN %d\n", c.TP, c.FN, c.FP, c.TN)
		fmt.Fprintf(out, "  precision %.3f  recall %.3f  accuracy %.3f  F1 %.3f\n", c.Precision(), c.Recall(), c.Accuracy(), c.F1())
		fmt.Fprintf(out, "  %-5s %5s %9s %7s %9s %6s\n", "lang", "pages", "precision", "recall", "accuracy", "F1")
		for _, l := range htmleval.Langs(rep.ByLang, func(c htmleval.Counts) int { return c.Pages }) {
			c := rep.ByLang[l]
			fmt.Fprintf(out, "  %-5s %5d %9.3f %7.3f %9.3f %6.3f\n", l, c.Pages, c.Precision(), c.Recall(), c.Accuracy(), c.F1())
		}
		if *pages {
			for _, p := range rep.Pages {
				fmt.Fprintf(out, "  page %s %s TP=%d FN=%d FP=%d TN=%d %s\n", p.File, p.Lang, p.Counts.TP, p.Counts.FN, p.Counts.FP, p.Counts.TN, p.Err)
			}
		}
	}
	if *datesIdx != "" {
		cases, err := htmleval.LoadDates(*datesIdx)
		if err != nil {
			return err
		}
		start := time.Now()
		rep, err := htmleval.RunDates(ctx, cases, ex)
		if err != nil {
			return err
		}
		took := time.Since(start)
		d := rep.All
		fmt.Fprintf(out, "\npublication dates: %d pages (%s)\n", d.Pages, took.Round(time.Millisecond))
		fmt.Fprintf(out, "  exact-day accuracy %.3f  coverage %.3f  (%d correct, %d dated)\n", d.Accuracy(), d.Coverage(), d.Correct, d.Found)
		fmt.Fprintf(out, "  %-5s %5s %9s %9s\n", "lang", "pages", "accuracy", "coverage")
		for _, l := range htmleval.Langs(rep.ByLang, func(c htmleval.DateCounts) int { return c.Pages }) {
			c := rep.ByLang[l]
			fmt.Fprintf(out, "  %-5s %5d %9.3f %9.3f\n", l, c.Pages, c.Accuracy(), c.Coverage())
		}
		if *pages {
			for _, p := range rep.Pages {
				fmt.Fprintf(out, "  page %s %s want=%s got=%s %s\n", p.File, p.Lang, p.Want, p.Got, p.Err)
			}
		}
	}
	return nil
}

package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/pipeline"
	"github.com/datelinehq/dateline/internal/sample"
	"github.com/datelinehq/dateline/internal/store/sqlite"
	"github.com/datelinehq/dateline/internal/timeline"
)

// sampleEnv is a server over the sample corpus, ingested through the real
// pipeline, and what the browser tests look for in it.
type sampleEnv struct {
	srv        *Server
	st         dateline.Store
	query      string // a timeline query with several dates
	minDates   int
	wantQuotes bool
	xssID      string   // the article with script payloads
	xssWord    string   // a word that finds it in search
	xssPages   []string // more pages that show its text
	storyID    string   // a story with syndicated copies
	articleID  string   // a well-annotated article
}

// sampleClock is the ingest clock: after every sample date, fixed so the
// tests do not depend on when they run.
func sampleClock() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }

// storeTimeline is the server's timeline as cmd/dateline wires it.
func storeTimeline(st dateline.Store) func(context.Context, TimelineRequest) (dateline.Timeline, error) {
	return func(ctx context.Context, q TimelineRequest) (dateline.Timeline, error) {
		return timeline.FromStore(ctx, st, timeline.Request{Query: q.Query, Entity: q.Entity, Story: q.Story, From: q.From, To: q.To})
	}
}

// pipelineIngest is the server's ingest over a pipeline, as cmd/dateline
// wires it.
func pipelineIngest(p *pipeline.Pipeline) func(context.Context, io.Reader) (IngestResult, error) {
	return func(ctx context.Context, r io.Reader) (IngestResult, error) {
		var docs []dateline.Document
		var res IngestResult
		err := ingest.Walk(ctx, "-", ingest.Options{Now: sampleClock, Stdin: r}, func(d dateline.Document, err error) error {
			res.Read++
			if err != nil {
				res.Errors = append(res.Errors, err.Error())
				return nil
			}
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			return res, err
		}
		pr, err := p.Ingest(ctx, docs)
		res.Added, res.Duplicates, res.Skipped = pr.Added, pr.Duplicates, pr.Skipped
		return res, err
	}
}

// sampleStore is one ingested copy of the sample corpus, made once per
// test binary.
type sampleStore struct {
	once sync.Once
	file string
	err  error
}

var (
	sampleDir    string
	sampleDirErr error
	sampleDirMu  sync.Mutex
	// The corpus alone (for the screenshots) and with the XSS article.
	sampleStores [2]sampleStore
)

func tempDir() (string, error) {
	sampleDirMu.Lock()
	defer sampleDirMu.Unlock()
	if sampleDir == "" && sampleDirErr == nil {
		sampleDir, sampleDirErr = os.MkdirTemp("", "dateline-web-")
	}
	return sampleDir, sampleDirErr
}

// sampleStoreFile ingests the sample corpus (and, with xss, the XSS
// article) through the real pipeline once per test binary, and returns the
// file. Tests open it read-only in effect: nothing writes to it afterwards.
func sampleStoreFile(t testing.TB, xss bool) string {
	t.Helper()
	i := 0
	if xss {
		i = 1
	}
	s := &sampleStores[i]
	s.once.Do(func() { s.file, s.err = ingestSample(xss) })
	if s.err != nil {
		t.Fatalf("ingest the sample corpus: %v", s.err)
	}
	return s.file
}

func ingestSample(xss bool) (string, error) {
	dir, err := tempDir()
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, "sample.db")
	if xss {
		file = filepath.Join(dir, "sample-xss.db")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, file)
	if err != nil {
		return "", err
	}
	defer st.Close()
	p, err := pipeline.New(ctx, st, pipeline.Options{Analyze: true})
	if err != nil {
		return "", err
	}
	var docs []dateline.Document
	err = ingest.WalkFS(ctx, sample.FS, "data", "sample", ingest.Options{Now: sampleClock}, func(d dateline.Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return "", err
	}
	if _, err := p.Ingest(ctx, docs); err != nil {
		return "", err
	}
	if err := p.Settle(ctx); err != nil { // as `dateline ingest` does at the end of a run
		return "", err
	}
	if xss {
		res, err := pipelineIngest(p)(ctx, bytes.NewReader(sample.XSS))
		if err != nil {
			return "", err
		}
		if res.Added != 1 {
			return "", fmt.Errorf("the XSS article was not added: %+v", res)
		}
	}
	return file, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sampleDir != "" {
		os.RemoveAll(sampleDir)
	}
	os.Exit(code)
}

func sampleServer(t testing.TB, xss bool) sampleEnv {
	t.Helper()
	src := sampleStoreFile(t, xss)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(Deps{Store: st, Timeline: storeTimeline(st)})
	env := sampleEnv{srv: s, st: st, query: "water", minDates: 4, wantQuotes: true,
		xssID: "xss-1", xssWord: "advisory",
	}
	// The story with the most syndicated copies, and its best-annotated article.
	sts, err := st.Stories(ctx, dateline.StoryQuery{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	bestCopies, bestNotes := -1, -1
	for _, sto := range sts {
		copies := 0
		err := st.Articles(ctx, dateline.Filter{Story: sto.ID, IncludeDuplicates: true}, func(a dateline.Article) error {
			if a.DuplicateOf != "" {
				copies++
				return nil
			}
			if notes := len(a.Attributions) * min(len(a.Timexes), 3); notes > bestNotes && a.Title != "" {
				bestNotes, env.articleID = notes, a.ID
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if copies > bestCopies {
			bestCopies, env.storyID = copies, sto.ID
		}
	}
	if env.storyID == "" || env.articleID == "" {
		t.Fatalf("the sample store has no stories (%d) or no annotated article", len(sts))
	}
	if xss {
		a, err := st.Article(ctx, env.xssID)
		if err != nil {
			t.Fatalf("the XSS article was not stored: %v", err)
		}
		env.xssPages = []string{"/", storyHref(a.Story)}
	}
	return env
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/pipeline"
	"github.com/datelinehq/dateline/internal/sample"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (rerun with -update after checking the change):\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// sampleStore ingests the bundled corpus the way demo does.
func sampleStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "sample.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pipe, err := pipeline.New(ctx, st, pipeline.Options{Analyze: true})
	if err != nil {
		t.Fatal(err)
	}
	var docs []dateline.Document
	err = ingest.WalkFS(ctx, sample.FS, "data", "", ingest.Options{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}, func(d dateline.Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipe.Ingest(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := pipe.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, db, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

func TestGoldenSeed(t *testing.T) {
	seeds := shareddata.Path(t, "seeds")
	db := filepath.Join(t.TempDir(), "seed.db")
	mustCLI(t, db, "--quiet", "ingest", seeds)
	var res dateline.SearchResult
	json.Unmarshal([]byte(mustCLI(t, db, "search", "--json", "Sessions")), &res)
	if len(res.Hits) != 1 {
		t.Fatalf("search Sessions: %+v", res)
	}
	golden(t, "seed_show.golden", mustCLI(t, db, "show", res.Hits[0].ID))
	golden(t, "seed_timeline.golden", mustCLI(t, db, "timeline", "Trump"))
	golden(t, "seed_quotes.golden", mustCLI(t, db, "quotes"))
}

func TestGoldenSample(t *testing.T) {
	db := sampleStore(t)
	golden(t, "sample_stories.golden", mustCLI(t, db, "stories"))
	golden(t, "sample_timeline_water.golden", mustCLI(t, db, "timeline", "Harlow Falls water"))
	golden(t, "sample_timeline_okafor.golden", mustCLI(t, db, "timeline", "Raymond Okafor"))
	golden(t, "sample_timeline_strike.golden", mustCLI(t, db, "timeline", "--format", "markdown", "Kestrel strike"))
	golden(t, "sample_entities.golden", mustCLI(t, db, "entities", "--top", "25"))
	golden(t, "sample_quotes_marsh.golden", mustCLI(t, db, "quotes", "--source", "Marsh"))

	// The water story, syndicated copies folded.
	var stories []dateline.Story
	json.Unmarshal([]byte(mustCLI(t, db, "stories", "--format", "json")), &stories)
	var water string
	for _, s := range stories {
		if strings.Contains(mustCLI(t, db, "story", s.ID), "Harlow Falls") && s.Articles > 20 {
			water = s.ID
			break
		}
	}
	if water == "" {
		t.Fatal("no large Harlow Falls story")
	}
	golden(t, "sample_story_water.golden", mustCLI(t, db, "story", water))
}

// TestSampleTimelineDatesAreEvents checks the timeline against what the
// corpus's authors recorded: most dates it picks must be dates of events
// the articles report (not just days articles were published), and it must
// place the Feb. 28 readings — known only from later articles — at Feb. 28.
func TestSampleTimelineDatesAreEvents(t *testing.T) {
	db := sampleStore(t)
	man, err := sample.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	events := map[string]bool{}
	for _, e := range man {
		if e.Story == "water" {
			for _, ev := range e.Events {
				events[ev.Date] = true
			}
		}
	}
	var tl dateline.Timeline
	if err := json.Unmarshal([]byte(mustCLI(t, db, "timeline", "--format", "json", "--dates", "10", "Harlow Falls water")), &tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Dates) != 10 {
		t.Fatalf("asked for 10 dates, got %d", len(tl.Dates))
	}
	hits := 0
	for _, d := range tl.Dates {
		if events[d.Date] {
			hits++
		}
		for _, s := range d.Sentences {
			if len(s.Citations) == 0 {
				t.Errorf("%s: sentence without a citation: %q", d.Date, s.Text)
			}
		}
	}
	if hits < 8 {
		t.Errorf("only %d of 10 timeline dates are event dates of the water story", hits)
	}
	found := false
	for _, d := range tl.Dates {
		found = found || d.Date == "2025-02-28"
	}
	if !found {
		t.Error("the Feb. 28 readings, reported only later, are not on the timeline at their own date")
	}
}

package web

import (
	"context"
	"encoding/json"
	"net/url"
	"sort"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/sample"
)

// TestSampleCorpus runs the pages and the API over the sample corpus as the
// real pipeline stored it.
func TestSampleCorpus(t *testing.T) {
	env := sampleServer(t, true)
	s, ctx := env.srv, context.Background()

	manifest, err := sample.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	stats, err := env.st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != len(manifest)+1 {
		t.Errorf("store holds %d documents, want the manifest's %d and the XSS article", stats.Documents, len(manifest))
	}
	// Articles read from JSONL keep their ids; text files get content ids.
	var ids []string
	for _, e := range manifest {
		if e.ID != e.File {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		t.Fatal("no JSONL article in the manifest")
	}
	have, err := env.st.Has(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if !have[id] {
			t.Errorf("manifest article %s was not stored under its id", id)
			continue
		}
		for _, target := range []string{articleHref(id), "/api" + articleHref(id)} {
			if w := do(t, s, "GET", target, nil); w.Code != 200 {
				t.Errorf("GET %s: %d", target, w.Code)
			}
		}
	}

	// Every story page renders, and folding agrees with the stored links:
	// a copy whose original is in the same story is listed under it.
	sts, err := env.st.Stories(ctx, dateline.StoryQuery{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	folded := 0
	for _, st := range sts {
		if w := do(t, s, "GET", storyHref(st.ID), nil); w.Code != 200 {
			t.Errorf("GET %s: %d", storyHref(st.ID), w.Code)
		}
		w := do(t, s, "GET", "/api"+storyHref(st.ID), nil)
		var v StoryView
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("story %s: %v", st.ID, err)
		}
		under := map[string]string{}
		for _, a := range v.Articles {
			for _, c := range a.AlsoCarriedBy {
				under[c.ID] = a.ID
			}
		}
		err := env.st.Articles(ctx, dateline.Filter{Story: st.ID, IncludeDuplicates: true}, func(a dateline.Article) error {
			if a.DuplicateOf == "" {
				return nil
			}
			orig, err := env.st.Article(ctx, a.DuplicateOf)
			if err != nil || orig.Story != st.ID {
				return nil
			}
			folded++
			if under[a.ID] != a.DuplicateOf {
				t.Errorf("story %s: copy %s of %s listed under %q", st.ID, a.ID, a.DuplicateOf, under[a.ID])
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if folded == 0 {
		t.Error("no syndicated copy was folded under its original anywhere in the sample")
	}

	// A timeline: dates in order, every citation resolves to an article page.
	w := do(t, s, "GET", "/api/timeline?q=water", nil)
	var tl dateline.Timeline
	if err := json.Unmarshal(w.Body.Bytes(), &tl); err != nil || w.Code != 200 {
		t.Fatalf("timeline: %d %v", w.Code, err)
	}
	if len(tl.Dates) < env.minDates {
		t.Errorf("timeline of water has %d dates", len(tl.Dates))
	}
	if !sort.SliceIsSorted(tl.Dates, func(i, j int) bool { return tl.Dates[i].Date < tl.Dates[j].Date }) {
		t.Error("timeline dates out of order")
	}
	for _, d := range tl.Dates {
		for _, sn := range d.Sentences {
			for _, c := range sn.Citations {
				if !have[c.ArticleID] {
					if w := do(t, s, "GET", articleHref(c.ArticleID), nil); w.Code != 200 {
						t.Errorf("citation %s: %d", c.ArticleID, w.Code)
					}
				}
			}
		}
	}

	// The most covered entities have pages, with a timeline.
	es, err := env.st.Entities(ctx, dateline.EntityQuery{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		w := do(t, s, "GET", entityHref(e.Name), nil)
		if w.Code != 200 {
			t.Errorf("GET %s: %d", entityHref(e.Name), w.Code)
		}
		w = do(t, s, "GET", "/api/timeline?entity="+url.QueryEscape(e.Name), nil)
		if w.Code != 200 {
			t.Errorf("timeline of %s: %d %s", e.Name, w.Code, w.Body)
		}
	}

	for _, target := range []string{"/", "/search?q=Castlemere", "/timeline?q=strike&from=2025-03-01&to=2025-04-30"} {
		if w := do(t, s, "GET", target, nil); w.Code != 200 {
			t.Errorf("GET %s: %d", target, w.Code)
		}
	}
}

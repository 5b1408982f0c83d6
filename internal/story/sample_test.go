package story_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/sample"
	"github.com/datelinehq/dateline/internal/story"
)

// sampleDocs reads the bundled corpus the way `dateline demo` does.
func sampleDocs(t *testing.T) []dateline.Article {
	t.Helper()
	now := func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	var arts []dateline.Article
	err := ingest.WalkFS(context.Background(), sample.FS, "data", "sample", ingest.Options{Now: now}, func(d dateline.Document, err error) error {
		if err != nil {
			return err
		}
		arts = append(arts, dateline.Article{Document: d})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// fold runs dedup then the online clusterer over arts in the given order,
// settles, and returns each article's original and story.
func fold(arts []dateline.Article) (dupOf, storyOf map[string]string) {
	// The corpus spans seven weeks; a window that holds all of it lets
	// Settle see everything, as a recluster would.
	ix := dedup.NewIndex(dedup.Options{})
	c := story.NewClusterer(story.Options{Window: 60 * 24 * time.Hour})
	dupOf, storyOf = map[string]string{}, map[string]string{}
	for i := range arts {
		a := arts[i]
		r := ix.Check(&a)
		a.DuplicateOf = r.Original
		dupOf[a.ID] = r.Original
		for _, id := range r.Relinked {
			dupOf[id] = a.ID
		}
		_, ch := c.Assign(&a)
		for _, as := range ch {
			storyOf[as.ArticleID] = as.Story
		}
	}
	for _, as := range c.Settle() {
		storyOf[as.ArticleID] = as.Story
	}
	return dupOf, storyOf
}

// TestSampleCorpus is the golden test of the bundled corpus: in two
// arrival orders, every syndicated copy folds onto its wire original and
// the stories come out as the manifest writes them (each one-off alone).
func TestSampleCorpus(t *testing.T) {
	manifest, err := sample.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	arts := sampleDocs(t)
	// Ingest names file-per-article documents by content, the manifest by
	// file; match those by date and outlet, which are unique among files.
	entry := map[string]sample.Entry{} // ingest ID → manifest entry
	byID := map[string]sample.Entry{}
	byDateOutlet := map[string][]sample.Entry{}
	for _, e := range manifest {
		byID[e.ID] = e
		byDateOutlet[e.Date+"|"+e.Outlet] = append(byDateOutlet[e.Date+"|"+e.Outlet], e)
	}
	for _, a := range arts {
		if e, ok := byID[a.ID]; ok {
			entry[a.ID] = e
			continue
		}
		var files []sample.Entry
		for _, e := range byDateOutlet[a.Published.Format(dateline.DateLayout)+"|"+a.Source] {
			if strings.HasSuffix(e.File, ".txt") && !strings.Contains(e.File, "/") {
				files = append(files, e)
			}
		}
		if len(files) != 1 {
			t.Fatalf("%s (%s, %s): %d manifest files match", a.ID, a.Published.Format(dateline.DateLayout), a.Source, len(files))
		}
		entry[a.ID] = files[0]
	}
	if len(entry) != len(manifest) {
		t.Fatalf("read %d articles, the manifest lists %d", len(entry), len(manifest))
	}
	want := map[string]sample.Entry{}
	for _, e := range entry {
		want[e.ID] = e
	}
	// rename maps a result keyed by ingest IDs onto manifest IDs.
	rename := func(m map[string]string, values bool) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			if values && v != "" {
				v = entry[v].ID
			}
			out[entry[k].ID] = v
		}
		return out
	}
	byDate := append([]dateline.Article(nil), arts...)
	sort.SliceStable(byDate, func(i, j int) bool { return byDate[i].Published.Before(byDate[j].Published) })
	rev := append([]dateline.Article(nil), byDate...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	shuf := append([]dateline.Article(nil), arts...)
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(shuf), func(i, j int) { shuf[i], shuf[j] = shuf[j], shuf[i] })

	var first map[string]string
	for _, order := range []struct {
		name string
		arts []dateline.Article
	}{{"by date", byDate}, {"reversed", rev}, {"shuffled", shuf}} {
		t.Run(order.name, func(t *testing.T) {
			dupOf, storyOf := fold(order.arts)
			dupOf, storyOf = rename(dupOf, true), rename(storyOf, false)
			for id, e := range want {
				if dupOf[id] != e.DuplicateOf {
					t.Errorf("%s: duplicate of %q, want %q", id, dupOf[id], e.DuplicateOf)
				}
			}
			// Stories as written: same manifest story ⇔ same system story.
			ws := make([]string, 0, len(want))
			for id := range want {
				ws = append(ws, id)
			}
			sort.Strings(ws)
			var bad []string
			for i, a := range ws {
				for _, b := range ws[i+1:] {
					ga := want[a].Story != "" && want[a].Story == want[b].Story
					sa := storyOf[a] == storyOf[b]
					if ga != sa {
						bad = append(bad, fmt.Sprintf("%s [%s] / %s [%s]: together %v, want %v", a, want[a].Story, b, want[b].Story, sa, ga))
					}
				}
			}
			if len(bad) > 0 {
				t.Errorf("%d pairs differ from the manifest:\n%s", len(bad), strings.Join(bad[:min(len(bad), 15)], "\n"))
			}
			if first == nil {
				first = storyOf
			} else {
				for id, s := range first {
					if storyOf[id] != s {
						t.Errorf("%s: story %s, in date order %s", id, storyOf[id], s)
					}
				}
			}
		})
	}
}

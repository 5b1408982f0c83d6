package dedupeval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

func TestDebugFP(t *testing.T) {
	if os.Getenv("DATELINE_SWEEP") == "" {
		t.Skip()
	}
	dir := shareddata.Path(t, "data", "tls", "t17")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "articles.jsonl.gz"))
	var arts []dateline.Article
	for _, f := range files {
		a, _ := clustereval.LoadArticles(context.Background(), f)
		arts = append(arts, a...)
	}
	copies := Build(arts, Options{})
	stream := append([]dateline.Article(nil), arts...)
	gold := map[string]string{}
	for _, c := range copies {
		stream = append(stream, c.Article)
		gold[c.Article.ID] = c.Original
	}
	orig := Stream(stream, Options{}.withDefaults().Dedup)
	for _, c := range copies {
		r := orig[c.Article.ID]
		if r == "" {
			r = c.Article.ID
		}
		ro := orig[c.Original]
		if ro == "" {
			ro = c.Original
		}
		if r != ro {
			t.Logf("copy %s -> %s ; original %s -> %s", c.Article.ID, r, c.Original, ro)
		}
	}
	for id, r := range orig {
		if _, isCopy := gold[id]; isCopy {
			continue
		}
		for _, c := range copies {
			if c.Original == r || c.Original == id {
				t.Logf("real %s -> %s (copied original %s)", id, r, c.Original)
				break
			}
		}
	}
}

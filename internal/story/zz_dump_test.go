package story_test

import (
	"bufio"
	"context"
	"fmt"
	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/shareddata"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/story"
)

// TestZZDump writes every result of dedup and story over T17 for before/after comparison.
func TestZZDump(t *testing.T) {
	out := os.Getenv("DUMP_OUT")
	if out == "" {
		t.Skip()
	}
	arts := dumpT17(t)
	f, _ := os.Create(out)
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	for _, cfg := range []struct {
		d dedup.Options
		s story.Options
	}{
		{},
		{dedup.Options{Window: 3 * 24 * time.Hour, MaxDocs: 300}, story.Options{Window: 5 * 24 * time.Hour, MaxDocs: 400}},
	} {
		ix := dedup.NewIndex(cfg.d)
		c := story.NewClusterer(cfg.s)
		for j := range arts {
			a := arts[j]
			var r dedup.Result
			if os.Getenv("DUMP_PREPARED") != "" {
				r = ix.CheckPrepared(&a, ix.Prepare(&a))
			} else {
				r = ix.Check(&a)
			}
			fmt.Fprintf(w, "D %s %+v\n", a.ID, r)
			a.DuplicateOf = r.Original
			var id string
			var ch []dateline.Assignment
			if os.Getenv("DUMP_PREPARED") != "" {
				id, ch = c.AssignPrepared(&a, c.Prepare(&a))
			} else {
				id, ch = c.Assign(&a)
			}
			fmt.Fprintf(w, "S %s %s %+v\n", a.ID, id, ch)
			if j%500 == 499 {
				fmt.Fprintf(w, "ST %+v\n", c.Stories())
			}
			if j%1500 == 1499 {
				fmt.Fprintf(w, "SE %+v\n", c.Settle())
			}
		}
		fmt.Fprintf(w, "ST %+v\n", c.Stories())
		fmt.Fprintf(w, "SE %+v\n", c.Settle())
		fmt.Fprintf(w, "ST %+v\n", c.Stories())
		fmt.Fprintf(w, "LEN %d %d\n", ix.Len(), c.Len())
	}
	as, ss := story.Batch(arts[:1200], story.Options{})
	fmt.Fprintf(w, "BA %+v\nBS %+v\n", as, ss)
}

func dumpT17(t *testing.T) []dateline.Article {
	dir := shareddata.Path(t, "data", "tls", "t17")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "articles.jsonl.gz"))
	sort.Strings(files)
	var arts []dateline.Article
	for _, f := range files {
		a, err := clustereval.LoadArticles(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a...)
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.Before(arts[j].Published) })
	return arts
}

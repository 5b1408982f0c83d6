package story

import (
	"fmt"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/dedup"
)

// TestPreparedMatchesPlain runs dedup and stories over the small corpus
// twice: plainly, and with every article prepared beforehand on several
// goroutines (while the index and clusterer are in use, as a pipeline's
// worker pool would), and wants the same results. Run it with -race.
func TestPreparedMatchesPlain(t *testing.T) {
	arts := corpusArticles()
	// Copies of the first articles, so dedup finds something.
	for _, a := range arts[:3] {
		a.ID += "-copy"
		a.Source = "syndicator"
		a.Published = a.Published.AddDate(0, 0, 1)
		arts = append(arts, a)
	}
	run := func(prepared bool) string {
		ix := dedup.NewIndex(dedup.Options{})
		c := NewClusterer(Options{})
		dp := make([]*dedup.Prepared, len(arts))
		sp := make([]*Prepared, len(arts))
		var wg sync.WaitGroup
		if prepared {
			for w := 0; w < 3; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for j := w; j < len(arts); j += 3 {
						dp[j] = ix.Prepare(&arts[j])
						sp[j] = c.Prepare(&arts[j])
					}
				}(w)
			}
			wg.Wait()
		}
		var out []string
		for j := range arts {
			a := arts[j]
			var r dedup.Result
			var id string
			var ch []dateline.Assignment
			if prepared {
				r = ix.CheckPrepared(&a, dp[j])
				a.DuplicateOf = r.Original
				id, ch = c.AssignPrepared(&a, sp[j])
			} else {
				r = ix.Check(&a)
				a.DuplicateOf = r.Original
				id, ch = c.Assign(&a)
			}
			out = append(out, fmt.Sprintf("%s %+v %s %+v", a.ID, r, id, ch))
		}
		out = append(out, fmt.Sprintf("%+v %+v %+v", c.Stories(), c.Settle(), c.Stories()))
		return fmt.Sprint(out)
	}
	plain, prepared := run(false), run(true)
	if plain != prepared {
		t.Errorf("prepared path differs:\n%s\nplain:\n%s", prepared, plain)
	}
	// A Prepared handed to the wrong article is not used.
	ix := dedup.NewIndex(dedup.Options{})
	c := NewClusterer(Options{})
	a, b := arts[0], arts[len(arts)-1]
	if r := ix.CheckPrepared(&b, ix.Prepare(&a)); r.Original != "" || r.Words == 0 {
		t.Errorf("first check with a stray Prepared: %+v", r)
	}
	c.AssignPrepared(&b, c.Prepare(&a))
	want := NewClusterer(Options{})
	want.Assign(&b)
	if got, want := fmt.Sprint(c.Stories()), fmt.Sprint(want.Stories()); got != want {
		t.Errorf("with a stray Prepared: %s, want %s", got, want)
	}
}

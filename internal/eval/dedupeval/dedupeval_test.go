package dedupeval

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
)

// corpus makes n invented articles of distinct random words, so no two are
// alike and every copy can only match its own original.
func corpus(n int) []dateline.Article {
	rng := rand.New(rand.NewPCG(3, 3))
	day := time.Date(2011, 3, 1, 0, 0, 0, 0, time.UTC)
	var out []dateline.Article
	for i := 0; i < n; i++ {
		var lines []string
		for l := 0; l < 8; l++ {
			var w []string
			for k := 0; k < 18; k++ {
				w = append(w, fmt.Sprintf("w%d", rng.IntN(5000)))
			}
			lines = append(lines, strings.Join(w, " ")+" .")
		}
		a := dateline.Article{}
		a.ID = fmt.Sprintf("doc%03d", i)
		a.Source = fmt.Sprintf("outlet%d", i%4)
		a.Published = day.AddDate(0, 0, i%20)
		a.Text = strings.Join(lines, "\n")
		out = append(out, a)
	}
	return out
}

func TestBuildDeterministic(t *testing.T) {
	arts := corpus(40)
	a, b := Build(arts, Options{Originals: 10}), Build(arts, Options{Originals: 10})
	if len(a) != 10*len(Kinds) {
		t.Fatalf("Build made %d copies, want %d", len(a), 10*len(Kinds))
	}
	for i := range a {
		if a[i].Article.ID != b[i].Article.ID || a[i].Article.Text != b[i].Article.Text {
			t.Fatalf("copy %d differs between two builds with one seed", i)
		}
	}
	if c := Build(arts, Options{Originals: 10, Seed: 2}); c[0].Article.Text == a[0].Article.Text && c[0].Original == a[0].Original {
		t.Errorf("another seed built the same first copy")
	}
}

func TestRunScores(t *testing.T) {
	rep := Run(corpus(60), Options{Originals: 20})
	// Every original has len(Kinds) copies: (k+1)k/2 gold pairs each.
	gold := 20 * (len(Kinds) + 1) * len(Kinds) / 2
	if rep.TP+rep.FN != gold || rep.Copies != 20*len(Kinds) {
		t.Fatalf("report %+v: want %d gold pairs", rep, gold)
	}
	if rep.Precision < 0.99 || rep.Recall < 0.95 {
		t.Errorf("on distinct random texts precision %.3f recall %.3f:\n%s", rep.Precision, rep.Recall, rep)
	}
}

func TestPerturbations(t *testing.T) {
	text := "NEW ORLEANS -LRB- AP -RRB- -- The judge 's ruling , `` final '' , was n't appealed .\nSecond line said more ."
	if got := detokenise(text); got != `NEW ORLEANS (AP) -- The judge's ruling, "final", wasn't appealed.`+"\nSecond line said more." {
		t.Errorf("detokenise = %q", got)
	}
	if got := truncate("one two\nthree four\nfive six", 0.8); got != "one two\nthree four" {
		t.Errorf("truncate = %q", got)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	if got := reword(rng, "said said said said", 1); got != "stated stated stated stated" {
		t.Errorf("reword = %q", got)
	}
}

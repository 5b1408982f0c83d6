package story

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

func loadECB(t testing.TB) ([]dateline.Article, map[string]string) {
	t.Helper()
	path := shareddata.Path(t, "data", "stories", "ecbplus-odd-topics.jsonl")
	arts, err := clustereval.LoadArticles(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	gold, err := clustereval.ReadFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return arts, gold
}

func partition(as []dateline.Assignment) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.ArticleID] = a.Story
	}
	return m
}

func shuffled(arts []dateline.Article, seed uint64) []dateline.Article {
	sh := append([]dateline.Article(nil), arts...)
	rand.New(rand.NewPCG(seed, 0)).Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
	return sh
}

// online assigns every article in order and returns the final story of
// each, following the changes Assign reports.
func online(c *Clusterer, arts []dateline.Article) map[string]string {
	sys := map[string]string{}
	for i := range arts {
		_, ch := c.Assign(&arts[i])
		for _, a := range ch {
			sys[a.ArticleID] = a.Story
		}
	}
	return sys
}

// TestECBFloor guards the ECB+ odd-topic scores of Batch (measured 0.873
// pairwise F1, 0.905 B-cubed F1 when written) and checks that settling an
// online run in any order gives Batch's stories exactly.
func TestECBFloor(t *testing.T) {
	arts, gold := loadECB(t)
	as, _ := Batch(arts, Options{})
	want := partition(as)
	s := clustereval.Score(gold, want)
	t.Logf("batch:\n%s", s)
	if s.Pairwise.F1 < 0.84 || s.BCubed.F1 < 0.88 {
		t.Errorf("batch pairwise F1 %.4f, B-cubed F1 %.4f: below the floor 0.84/0.88", s.Pairwise.F1, s.BCubed.F1)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		c := NewClusterer(Options{Window: -1})
		sys := online(c, shuffled(arts, seed))
		t.Logf("online, shuffle %d:\n%s", seed, clustereval.Score(gold, sys))
		for _, a := range c.Settle() {
			sys[a.ArticleID] = a.Story
		}
		for id, st := range want {
			if sys[id] != st {
				t.Fatalf("shuffle %d: after Settle %s is in %s, Batch put it in %s", seed, id, sys[id], st)
			}
		}
	}
}

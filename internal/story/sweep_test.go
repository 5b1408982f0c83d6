package story

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
)

// TestSweep is a development aid (DATELINE_SWEEP=1), not a check.
func TestSweep(t *testing.T) {
	if os.Getenv("DATELINE_SWEEP") == "" {
		t.Skip("set DATELINE_SWEEP=1")
	}
	arts, gold := loadECB(t)
	halves := func(as []dateline.Assignment) (clustereval.Scores, clustereval.Scores) {
		g1, g2, s := map[string]string{}, map[string]string{}, map[string]string{}
		for _, a := range as {
			s[a.ArticleID] = a.Story
		}
		for id, g := range gold {
			n, _ := strconv.Atoi(strings.SplitN(id, "_", 2)[0])
			if n <= 21 {
				g1[id] = g
			} else {
				g2[id] = g
			}
		}
		return clustereval.Score(g1, s), clustereval.Score(g2, s)
	}
	if m := os.Getenv("LINK"); m != "" {
		linkMode, _ = strconv.Atoi(m)
	}
	for _, th := range fl("TH", "0.1 0.15 0.2 0.25") {
		for _, pb := range fl("PB", "1.5") {
			for _, mt := range fl("MT", "0.1 0.15 0.2 0.3") {
				as, _ := Batch(arts, Options{Threshold: th, ProperBoost: pb, MergeThreshold: mt})
				s := scoreAssignments(gold, as)
				a, b := halves(as)
				t.Logf("th %.2f pb %.1f mt %.1f: pw %.3f b3 %.3f  | halves pw %.3f/%.3f b3 %.3f/%.3f clusters %d", th, pb, mt, s.Pairwise.F1, s.BCubed.F1, a.Pairwise.F1, b.Pairwise.F1, a.BCubed.F1, b.BCubed.F1, s.System)
			}
		}
	}
}

func fl(env, def string) []float64 {
	v := os.Getenv(env)
	if v == "" {
		v = def
	}
	var out []float64
	for _, f := range strings.Fields(v) {
		x, _ := strconv.ParseFloat(f, 64)
		out = append(out, x)
	}
	return out
}

func envf(env string, def float64) float64 {
	if v := os.Getenv(env); v != "" {
		x, _ := strconv.ParseFloat(v, 64)
		return x
	}
	return def
}

package story

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
)

func TestHAC(t *testing.T) {
	if os.Getenv("DATELINE_SWEEP") == "" {
		t.Skip()
	}
	arts, gold := loadECB(t)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	c := NewClusterer(Options{ProperBoost: envf("PB", 1.5), DocTerms: int(envf("DT", 100)), LeadTerms: int(envf("LT", 40)), LeadBoost: envf("LB", 2)})
	for i := range arts {
		c.count(&arts[i])
	}
	c.frozen = true
	n := len(arts)
	vecs := make([][]tw, n)
	for i := range arts {
		vecs[i], _ = c.vector(&arts[i])
	}
	ts := time.Duration(envf("TS", 7)*24) * time.Hour
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
		for j := range sim[i] {
			if i != j {
				sim[i][j] = dot(vecs[i], vecs[j]) * timeFactor(arts[i].Published, arts[i].Published, arts[j].Published, arts[j].Published, ts)
			}
		}
	}
	// average-link HAC
	for _, th := range fl("TH", "0.05 0.08 0.1 0.12 0.15 0.2") {
		members := make([][]int, n)
		for i := range members {
			members[i] = []int{i}
		}
		alive := make([]bool, n)
		for i := range alive {
			alive[i] = true
		}
		// cluster similarity sums
		S := make([][]float64, n)
		for i := range S {
			S[i] = append([]float64(nil), sim[i]...)
		}
		for {
			bi, bj, bs := -1, -1, th
			for i := 0; i < n; i++ {
				if !alive[i] {
					continue
				}
				for j := i + 1; j < n; j++ {
					if !alive[j] {
						continue
					}
					s := S[i][j] / float64(len(members[i])*len(members[j]))
					if s >= bs {
						bi, bj, bs = i, j, s
					}
				}
			}
			if bi < 0 {
				break
			}
			for k := 0; k < n; k++ {
				S[bi][k] += S[bj][k]
				S[k][bi] = S[bi][k]
			}
			members[bi] = append(members[bi], members[bj]...)
			alive[bj] = false
		}
		sys := map[string]string{}
		for i := range members {
			if alive[i] {
				for _, m := range members[i] {
					sys[arts[m].ID] = fmt.Sprint(i)
				}
			}
		}
		s := clustereval.Score(gold, sys)
		t.Logf("hac th %.2f: pw %.3f (P %.3f R %.3f) b3 %.3f clusters %d", th, s.Pairwise.F1, s.Pairwise.P, s.Pairwise.R, s.BCubed.F1, s.System)
	}
	_ = dateline.DateLayout
}

func TestSimStats(t *testing.T) {
	if os.Getenv("DATELINE_SWEEP") == "" {
		t.Skip()
	}
	arts, gold := loadECB(t)
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	c := NewClusterer(Options{ProperBoost: envf("PB", 1.5)})
	for i := range arts {
		c.count(&arts[i])
	}
	c.frozen = true
	vecs := make([][]tw, len(arts))
	for i := range arts {
		vecs[i], _ = c.vector(&arts[i])
	}
	type agg struct{ s float64; n int }
	st := map[string]*agg{}
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			gi, gj := gold[arts[i].ID], gold[arts[j].ID]
			ti, tj := gi[:strings.Index(gi, "_")], gj[:strings.Index(gj, "_")]
			if ti != tj {
				continue
			}
			k := ti + " cross"
			if gi == gj {
				k = gi
			}
			if st[k] == nil {
				st[k] = &agg{}
			}
			st[k].s += dot(vecs[i], vecs[j])
			st[k].n++
		}
	}
	var keys []string
	for k := range st {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-14s %.3f (%d pairs)", k, st[k].s/float64(st[k].n), st[k].n)
	}
}

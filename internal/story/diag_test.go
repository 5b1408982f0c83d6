package story

import (
	"fmt"
	"os"
	"sort"
	"testing"
	"time"
)

func TestDiag(t *testing.T) {
	if os.Getenv("DATELINE_SWEEP") == "" {
		t.Skip()
	}
	arts, gold := loadECB(t)
	as, _ := Batch(arts, Options{Threshold: 0.2, MergeThreshold: 0.2, TimeScale: time.Duration(envf("TS", 7)*24) * time.Hour})
	bySys := map[string]map[string]int{}
	for _, a := range as {
		if bySys[a.Story] == nil {
			bySys[a.Story] = map[string]int{}
		}
		bySys[a.Story][gold[a.ArticleID]]++
	}
	var lines []string
	for s, m := range bySys {
		var parts []string
		for g, n := range m {
			parts = append(parts, fmt.Sprintf("%s:%d", g, n))
		}
		sort.Strings(parts)
		lines = append(lines, fmt.Sprint(parts, " ", s))
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
}

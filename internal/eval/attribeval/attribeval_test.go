package attribeval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
)

func rels(t *testing.T, ann string) []brat.Relation {
	t.Helper()
	d, err := brat.Read(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	return d.Relations()
}

const gold = "T1\tSource 0 5\tSmith\n" +
	"T2\tCue 6 10\tsaid\n" +
	"T3\tContent 11 30\tthat taxes will rise\n" +
	"T4\tAttribution 6 10\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"T5\tCue 40 50\treportedly\n" +
	"T6\tContent 51 70;80 90\tx\n" +
	"T7\tAttribution 40 50\treportedly\n" +
	"E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreDoc(t *testing.T) {
	tests := []struct {
		name                                 string
		sys                                  string
		srcExact, srcOv, cueOv, conOv, conEx [2]int // matched, system count
		rel                                  [2]int
	}{
		{"identical", gold, [2]int{1, 1}, [2]int{1, 1}, [2]int{2, 2}, [2]int{2, 2}, [2]int{2, 2}, [2]int{2, 2}},
		{"empty", "", [2]int{0, 0}, [2]int{0, 0}, [2]int{0, 0}, [2]int{0, 0}, [2]int{0, 0}, [2]int{0, 0}},
		{"overlapping not exact",
			"T1\tSource 0 3\tSmi\nT2\tCue 6 12\tsaid t\nT3\tContent 16 35\tx\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
			[2]int{0, 1}, [2]int{1, 1}, [2]int{1, 1}, [2]int{1, 1}, [2]int{0, 1}, [2]int{1, 1}},
		{"cue right content elsewhere",
			"T2\tCue 6 10\tsaid\nT3\tContent 100 120\tx\nE1\tAttribution:T2 Content:T3 Cue:T2\n",
			[2]int{0, 0}, [2]int{0, 0}, [2]int{1, 1}, [2]int{0, 1}, [2]int{0, 1}, [2]int{0, 1}},
		{"one big content claims one gold only",
			"T2\tCue 6 50\tx\nT3\tContent 0 95\tx\nE1\tAttribution:T2 Content:T3 Cue:T2\n",
			[2]int{0, 0}, [2]int{0, 0}, [2]int{1, 1}, [2]int{1, 1}, [2]int{0, 1}, [2]int{1, 1}},
		{"discontinuous piece overlaps",
			"T5\tCue 41 45\tx\nT6\tContent 85 88\tx\nE1\tAttribution:T5 Content:T6 Cue:T5\n",
			[2]int{0, 0}, [2]int{0, 0}, [2]int{1, 1}, [2]int{1, 1}, [2]int{0, 1}, [2]int{1, 1}},
	}
	g := rels(t, gold)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreDoc(g, rels(t, tt.sys))
			check := func(what string, c *Count, want [2]int, goldN int) {
				t.Helper()
				if c.MatchSys != want[0] || c.System != want[1] || c.Gold != goldN {
					t.Errorf("%s: matched %d of %d system (gold %d), want %d of %d (gold %d)", what, c.MatchSys, c.System, c.Gold, want[0], want[1], goldN)
				}
			}
			check("source exact", s.Exact["source"], tt.srcExact, 1)
			check("source overlap", s.Overlap["source"], tt.srcOv, 1)
			check("cue overlap", s.Overlap["cue"], tt.cueOv, 2)
			check("content overlap", s.Overlap["content"], tt.conOv, 2)
			check("content exact", s.Exact["content"], tt.conEx, 2)
			check("relation", &s.Relation, tt.rel, 2)
		})
	}
}

func TestCountF1(t *testing.T) {
	c := Count{System: 4, Gold: 2, MatchSys: 2, MatchGold: 2}
	if !near(c.P(), 0.5) || !near(c.R(), 1) || !near(c.F1(), 2.0/3) {
		t.Errorf("P/R/F1 = %v %v %v", c.P(), c.R(), c.F1())
	}
	if (Count{}).F1() != 0 {
		t.Error("empty count F1 not 0")
	}
}

func TestScoreFolders(t *testing.T) {
	dir := t.TempDir()
	goldDir := filepath.Join(dir, "dev")
	os.MkdirAll(filepath.Join(goldDir, "attributions"), 0o755)
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// doc_a has two annotators: the first in sorted order (…_1111) is gold.
	write(filepath.Join(goldDir, "attributions", "doc_a_1111.ann"), gold)
	write(filepath.Join(goldDir, "attributions", "doc_a_2222.ann"), "")
	write(filepath.Join(goldDir, "attributions", "doc_b_1111.ann"), gold)
	sysDir := filepath.Join(dir, "sys")
	os.MkdirAll(sysDir, 0o755)
	write(filepath.Join(sysDir, "doc_a.ann"), gold)
	write(filepath.Join(sysDir, "stray.ann"), gold)

	rep, err := Score(context.Background(), goldDir, sysDir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Docs != 2 || rep.MultiAnnot != 1 || len(rep.MissingSystem) != 1 || len(rep.ExtraSystem) != 1 {
		t.Fatalf("docs %d multi %d missing %v extra %v", rep.Docs, rep.MultiAnnot, rep.MissingSystem, rep.ExtraSystem)
	}
	// doc_a perfect, doc_b empty: precision 1, recall 1/2.
	if c := rep.Relation; !near(c.P(), 1) || !near(c.R(), 0.5) {
		t.Errorf("relation P %v R %v", c.P(), c.R())
	}
	var b strings.Builder
	rep.Print(&b)
	if !strings.Contains(b.String(), "relation") {
		t.Errorf("report lacks the relation row:\n%s", b.String())
	}
	if _, err := Score(context.Background(), sysDir+"/nope", sysDir); err == nil {
		t.Error("no error for a gold folder without .ann files")
	}
}

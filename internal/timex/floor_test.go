package timex

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/eval/timexeval"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/timeml"
)

// scoreCorpus tags every file of a gold TimeML folder and scores it. When
// TIMEX_DIFF names a file, every comparison is written there for study:
// OK (right value), VALUE, EXTENT, MISS and FP lines, one tab-separated
// line each, so errors can be counted per expression family.
func scoreCorpus(t *testing.T, dir string, diff *strings.Builder) timexeval.Counts {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no TimeML files in %s: %v", dir, err)
	}
	sort.Strings(files)
	var total timexeval.Counts
	for _, f := range files {
		d, err := timeml.ReadFile(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		var sys []timeml.Timex
		for _, x := range Tag(d.Text, nil, d.DCT) {
			sys = append(sys, timeml.Timex{Start: x.Start, End: x.End, Type: x.Type, Value: x.Value})
		}
		total.Add(timexeval.Compare(d.Timexes, sys))
		if diff != nil {
			writeDiff(diff, filepath.Base(f), d, sys)
		}
	}
	return total
}

func writeDiff(w *strings.Builder, name string, d *timeml.Doc, sys []timeml.Timex) {
	ctx := func(s, e int) string {
		a, b := max(0, s-40), min(len(d.Text), e+30)
		return strings.ReplaceAll(d.Text[a:s]+"[["+d.Text[s:e]+"]]"+d.Text[e:b], "\n", " ")
	}
	used := make([]bool, len(sys))
	for _, g := range d.Timexes {
		found := false
		for i, x := range sys {
			if x.Start < g.End && g.Start < x.End {
				used[i] = true
				found = true
				if x.Start != g.Start || x.End != g.End {
					fmt.Fprintf(w, "EXTENT\t%s\t%s\t%q vs %q\t%s\n", name, d.DCTValue, d.Text[g.Start:g.End], d.Text[x.Start:x.End], ctx(g.Start, g.End))
				}
				if strings.EqualFold(x.Value, g.Value) {
					fmt.Fprintf(w, "OK\t%s\t%s\t%q %s %s\n", name, d.DCTValue, d.Text[x.Start:x.End], x.Type, x.Value)
				}
				if !strings.EqualFold(x.Value, g.Value) || x.Type != g.Type {
					fmt.Fprintf(w, "VALUE\t%s\t%s\t%q gold %s %s sys %s %s\t%s\n", name, d.DCTValue, d.Text[g.Start:g.End], g.Type, g.Value, x.Type, x.Value, ctx(g.Start, g.End))
				}
			}
		}
		if !found {
			fmt.Fprintf(w, "MISS\t%s\t%s\t%q %s %s\t%s\n", name, d.DCTValue, d.Text[g.Start:g.End], g.Type, g.Value, ctx(g.Start, g.End))
		}
	}
	for i, x := range sys {
		if !used[i] {
			fmt.Fprintf(w, "FP\t%s\t%s\t%q %s %s\t%s\n", name, d.DCTValue, d.Text[x.Start:x.End], x.Type, x.Value, ctx(x.Start, x.End))
		}
	}
}

// TestFloor pins the tagger's TempEval-3 scores on the gold corpora a little
// under what was measured, so a regression shows up as a failure.
func TestFloor(t *testing.T) {
	var diff *strings.Builder
	if os.Getenv("TIMEX_DIFF") != "" {
		diff = &strings.Builder{}
	}
	var all timexeval.Counts
	for _, corpus := range []string{"timebank", "aquaint"} {
		c := scoreCorpus(t, shareddata.Path(t, "data", "timeml", corpus), diff)
		s := c.Scores()
		t.Logf("%s: strict P %.4f R %.4f F1 %.4f | relaxed P %.4f R %.4f F1 %.4f | type acc %.4f | value acc %.4f F1 %.4f",
			corpus, s.StrictP, s.StrictR, s.StrictF1, s.RelaxedP, s.RelaxedR, s.RelaxedF1, s.TypeAcc, s.ValueAcc, s.ValueF1)
		all.Add(c)
	}
	// TIMEX_EXTRA names another folder of TimeML files to score and log
	// (silver data, say); it does not count towards the floor.
	if extra := os.Getenv("TIMEX_EXTRA"); extra != "" {
		es := scoreCorpus(t, extra, diff).Scores()
		t.Logf("%s: strict F1 %.4f | relaxed P %.4f R %.4f F1 %.4f | value acc %.4f F1 %.4f", extra, es.StrictF1, es.RelaxedP, es.RelaxedR, es.RelaxedF1, es.ValueAcc, es.ValueF1)
	}
	s := all.Scores()
	t.Logf("both: strict P %.4f R %.4f F1 %.4f | relaxed P %.4f R %.4f F1 %.4f | type acc %.4f | value acc %.4f F1 %.4f",
		s.StrictP, s.StrictR, s.StrictF1, s.RelaxedP, s.RelaxedR, s.RelaxedF1, s.TypeAcc, s.ValueAcc, s.ValueF1)
	if diff != nil {
		if err := os.WriteFile(os.Getenv("TIMEX_DIFF"), []byte(diff.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const minStrict, minValue = 0.891, 0.822
	if s.StrictF1 < minStrict || s.ValueF1 < minValue {
		t.Errorf("strict F1 %.4f (floor %.3f), value F1 %.4f (floor %.3f): the tagger got worse", s.StrictF1, minStrict, s.ValueF1, minValue)
	}
}

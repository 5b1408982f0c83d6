// Package timexeval scores time-expression annotations the TempEval-3 way:
// extents matched by overlap (relaxed) and by identical span (strict), P/R/F1
// micro-averaged over a corpus with the DCT left out, then type and value
// accuracy over the relaxed matches. Value F1 is value accuracy × relaxed F1.
package timexeval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/metric"
	"github.com/datelinehq/dateline/internal/timeml"
)

// Counts are the raw tallies P/R/F1 and the accuracies come from.
type Counts struct {
	Gold, System    int // annotations in each
	StrictMatch     int // system annotations with a gold one of identical extent
	RelaxedGold     int // gold annotations overlapped by some system annotation
	RelaxedSystem   int // system annotations overlapping some gold annotation
	TypeOK, ValueOK int // among relaxed matches (one pair per system annotation)
	RelaxedPairs    int // the pairs the accuracies are counted over
}

// Add accumulates c2 into c.
func (c *Counts) Add(c2 Counts) {
	c.Gold += c2.Gold
	c.System += c2.System
	c.StrictMatch += c2.StrictMatch
	c.RelaxedGold += c2.RelaxedGold
	c.RelaxedSystem += c2.RelaxedSystem
	c.TypeOK += c2.TypeOK
	c.ValueOK += c2.ValueOK
	c.RelaxedPairs += c2.RelaxedPairs
}

// Scores are the figures TempEval-3 reports.
type Scores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	TypeAcc, ValueAcc             float64
	TypeF1, ValueF1               float64
}

// Scores computes the figures from the tallies.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP = metric.Ratio(c.StrictMatch, c.System)
	s.StrictR = metric.Ratio(c.StrictMatch, c.Gold)
	s.StrictF1 = metric.F1(s.StrictP, s.StrictR)
	s.RelaxedP = metric.Ratio(c.RelaxedSystem, c.System)
	s.RelaxedR = metric.Ratio(c.RelaxedGold, c.Gold)
	s.RelaxedF1 = metric.F1(s.RelaxedP, s.RelaxedR)
	s.TypeAcc = metric.Ratio(c.TypeOK, c.RelaxedPairs)
	s.ValueAcc = metric.Ratio(c.ValueOK, c.RelaxedPairs)
	s.TypeF1 = s.TypeAcc * s.RelaxedF1
	s.ValueF1 = s.ValueAcc * s.RelaxedF1
	return s
}

// Compare tallies one document's system annotations against its gold ones.
// Each system annotation is paired for the accuracies with the gold
// annotation it overlaps most (the earliest on a tie), as the TE3 scorer
// pairs a system extent with one gold extent.
func Compare(gold, system []timeml.Timex) Counts {
	c := Counts{Gold: len(gold), System: len(system)}
	goldHit := make([]bool, len(gold))
	for _, s := range system {
		best, bestOv := -1, 0
		strict := false
		for gi, g := range gold {
			ov := min(s.End, g.End) - max(s.Start, g.Start)
			if ov <= 0 {
				continue
			}
			goldHit[gi] = true
			if g.Start == s.Start && g.End == s.End {
				strict = true
			}
			if ov > bestOv {
				best, bestOv = gi, ov
			}
		}
		if best < 0 {
			continue
		}
		c.RelaxedSystem++
		if strict {
			c.StrictMatch++
		}
		c.RelaxedPairs++
		g := gold[best]
		if strings.EqualFold(g.Type, s.Type) {
			c.TypeOK++
		}
		if normValue(g.Value) == normValue(s.Value) {
			c.ValueOK++
		}
	}
	for _, h := range goldHit {
		if h {
			c.RelaxedGold++
		}
	}
	return c
}

func normValue(v string) string { return strings.ToUpper(strings.TrimSpace(v)) }

// FileResult is one document's tallies.
type FileResult struct {
	Name   string
	Counts Counts
}

// Result is a corpus score.
type Result struct {
	Files []FileResult
	Total Counts
}

// CompareDirs scores every .tml file of goldDir against the file of the same
// name in systemDir. A gold file with no system counterpart counts as a system
// that found nothing, so a crash on one file cannot raise the score. The
// stripped texts must agree: offsets mean nothing otherwise.
func CompareDirs(ctx context.Context, goldDir, systemDir string) (*Result, error) {
	const op = "eval timex"
	names, err := filepath.Glob(filepath.Join(goldDir, "*.tml"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if len(names) == 0 {
		return nil, dateline.Errorf(dateline.Invalid, op, "no .tml files in %s", goldDir)
	}
	sort.Strings(names)
	res := &Result{}
	for _, gp := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g, err := timeml.ReadFile(ctx, gp)
		if err != nil {
			return nil, fmt.Errorf("%s: gold: %w", op, err)
		}
		base := filepath.Base(gp)
		var sys []timeml.Timex
		sp := filepath.Join(systemDir, base)
		if _, err := os.Stat(sp); err == nil {
			s, err := timeml.ReadFile(ctx, sp)
			if err != nil {
				return nil, fmt.Errorf("%s: system: %w", op, err)
			}
			if s.Text != g.Text {
				return nil, dateline.Errorf(dateline.Invalid, op, "%s: the system file's text differs from the gold file's once tags are stripped; offsets cannot be compared", base)
			}
			sys = s.Timexes
		} else if !os.IsNotExist(err) {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		c := Compare(g.Timexes, sys)
		res.Files = append(res.Files, FileResult{Name: base, Counts: c})
		res.Total.Add(c)
	}
	return res, nil
}

// Report prints the corpus figures, and one line per file when verbose.
func (r *Result) Report(w io.Writer, verbose bool) error {
	var err error
	p := func(format string, a ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, a...)
		}
	}
	if verbose {
		p("%-32s %5s %5s %7s %7s %7s\n", "file", "gold", "sys", "strict", "relax", "value")
		for _, f := range r.Files {
			s := f.Counts.Scores()
			p("%-32s %5d %5d %7.4f %7.4f %7.4f\n", f.Name, f.Counts.Gold, f.Counts.System, s.StrictF1, s.RelaxedF1, s.ValueF1)
		}
		p("\n")
	}
	c := r.Total
	s := c.Scores()
	p("files %d   gold timexes %d   system timexes %d\n", len(r.Files), c.Gold, c.System)
	p("strict   P %.4f  R %.4f  F1 %.4f\n", s.StrictP, s.StrictR, s.StrictF1)
	p("relaxed  P %.4f  R %.4f  F1 %.4f\n", s.RelaxedP, s.RelaxedR, s.RelaxedF1)
	p("type     accuracy %.4f  F1 %.4f\n", s.TypeAcc, s.TypeF1)
	p("value    accuracy %.4f  F1 %.4f\n", s.ValueAcc, s.ValueF1)
	return err
}

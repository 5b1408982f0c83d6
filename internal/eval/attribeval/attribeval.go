// Package attribeval scores attribution annotations against PolNeAR-style
// gold: per span type (source, cue, content) exact and overlap precision,
// recall and F1, and relation-level F1, where a system attribution matches a
// gold one when their cues overlap and their contents overlap.
//
// Matching is one-to-one: a gold span can be claimed by one system span
// only, so a system that draws one huge content over three quotations gets
// credit for one. Spans are compared as sets of character ranges
// (discontinuous spans overlap when any of their pieces do, and are exact
// when all pieces agree). Duplicate spans of one type in one document (two
// attributions sharing a source span) count once on each side.
package attribeval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/metric"
)

// Types scored, in report order.
var Types = []string{"source", "cue", "content"}

// Count is matched/total on the system and gold sides.
type Count struct {
	System, Gold        int // spans or relations on each side
	MatchSys, MatchGold int // how many of them found a partner
}

// Add accumulates o into c.
func (c *Count) Add(o Count) {
	c.System += o.System
	c.Gold += o.Gold
	c.MatchSys += o.MatchSys
	c.MatchGold += o.MatchGold
}

// P is precision, R recall, F1 their harmonic mean; 0 when undefined.
func (c Count) P() float64 { return metric.Ratio(c.MatchSys, c.System) }
func (c Count) R() float64 { return metric.Ratio(c.MatchGold, c.Gold) }
func (c Count) F1() float64 {
	return metric.F1(c.P(), c.R())
}

// Scores is the result for one document or a whole corpus.
type Scores struct {
	Exact    map[string]*Count
	Overlap  map[string]*Count
	Relation Count
}

func newScores() *Scores {
	s := &Scores{Exact: map[string]*Count{}, Overlap: map[string]*Count{}}
	for _, t := range Types {
		s.Exact[t] = &Count{}
		s.Overlap[t] = &Count{}
	}
	return s
}

// Add accumulates o into s.
func (s *Scores) Add(o *Scores) {
	for _, t := range Types {
		s.Exact[t].Add(*o.Exact[t])
		s.Overlap[t].Add(*o.Overlap[t])
	}
	s.Relation.Add(o.Relation)
}

// ScoreDoc compares one document's system relations with its gold ones.
func ScoreDoc(gold, sys []brat.Relation) *Scores {
	s := newScores()
	part := func(rs []brat.Relation, typ string) [][]brat.Range {
		seen := map[string]bool{}
		var out [][]brat.Range
		for _, r := range rs {
			var tb *brat.TextBound
			switch typ {
			case "source":
				tb = r.Source
			case "cue":
				tb = r.Cue
			case "content":
				tb = r.Content
			}
			if tb == nil || len(tb.Ranges) == 0 {
				continue
			}
			k := key(tb.Ranges)
			if !seen[k] {
				seen[k] = true
				out = append(out, tb.Ranges)
			}
		}
		return out
	}
	for _, t := range Types {
		g, y := part(gold, t), part(sys, t)
		s.Exact[t].System, s.Exact[t].Gold = len(y), len(g)
		s.Overlap[t].System, s.Overlap[t].Gold = len(y), len(g)
		gk := map[string]bool{}
		for _, r := range g {
			gk[key(r)] = true
		}
		for _, r := range y {
			if gk[key(r)] {
				s.Exact[t].MatchSys++
				s.Exact[t].MatchGold++
			}
		}
		m := match(len(y), len(g), func(i, j int) int { return overlap(y[i], g[j]) })
		s.Overlap[t].MatchSys, s.Overlap[t].MatchGold = m, m
	}
	s.Relation.System, s.Relation.Gold = len(sys), len(gold)
	m := match(len(sys), len(gold), func(i, j int) int {
		a, b := sys[i], gold[j]
		if a.Cue == nil || b.Cue == nil || a.Content == nil || b.Content == nil {
			return 0
		}
		c, d := overlap(a.Cue.Ranges, b.Cue.Ranges), overlap(a.Content.Ranges, b.Content.Ranges)
		if c == 0 || d == 0 {
			return 0
		}
		return c + d
	})
	s.Relation.MatchSys, s.Relation.MatchGold = m, m
	return s
}

// match pairs system items with gold items one-to-one, greedily by the
// largest weight first, and returns the number of pairs. Weights of 0 do
// not pair. Ties break by index, so the result is deterministic.
func match(ns, ng int, weight func(i, j int) int) int {
	type pair struct{ i, j, w int }
	var ps []pair
	for i := 0; i < ns; i++ {
		for j := 0; j < ng; j++ {
			if w := weight(i, j); w > 0 {
				ps = append(ps, pair{i, j, w})
			}
		}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].w > ps[b].w })
	usedS, usedG := make([]bool, ns), make([]bool, ng)
	n := 0
	for _, p := range ps {
		if usedS[p.i] || usedG[p.j] {
			continue
		}
		usedS[p.i], usedG[p.j] = true, true
		n++
	}
	return n
}

// overlap is the number of characters two range sets share.
func overlap(a, b []brat.Range) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func key(rs []brat.Range) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%d-%d;", r.Start, r.End)
	}
	return b.String()
}

// Report is the corpus result with the bookkeeping a reader needs to trust it.
type Report struct {
	*Scores
	Docs          int      // documents scored
	MissingSystem []string // gold documents with no system file (scored as empty)
	ExtraSystem   []string // system files with no gold (ignored)
	MultiAnnot    int      // documents with more than one gold annotator
}

// GoldFile pairs a document name with the gold .ann file chosen for it.
type GoldFile struct {
	Name string
	Path string
}

// GoldFiles lists the gold documents under dir, which may be a PolNeAR split
// (holding attributions/ and text/) or the attributions folder itself. Gold
// files are named <name>_<annotator>.ann; when a document has several
// annotators, the first in sorted order is used. multi counts those documents.
func GoldFiles(dir string) (files []GoldFile, multi int, err error) {
	ann := dir
	if st, err := os.Stat(filepath.Join(dir, "attributions")); err == nil && st.IsDir() {
		ann = filepath.Join(dir, "attributions")
	}
	paths, err := filepath.Glob(filepath.Join(ann, "*.ann"))
	if err != nil {
		return nil, 0, fmt.Errorf("attribeval: listing %s: %w", ann, err)
	}
	if len(paths) == 0 {
		return nil, 0, dateline.Errorf(dateline.Invalid, "attribeval", "no .ann files in %s (want a PolNeAR split folder or its attributions/ folder)", dir)
	}
	sort.Strings(paths)
	byName := map[string][]string{}
	for _, p := range paths {
		base := strings.TrimSuffix(filepath.Base(p), ".ann")
		name := base
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			name = base[:i]
		}
		byName[name] = append(byName[name], p)
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if len(byName[n]) > 1 {
			multi++
		}
		files = append(files, GoldFile{Name: n, Path: byName[n][0]})
	}
	return files, multi, nil
}

// Score compares every gold document under goldDir with <name>.ann in
// sysDir. A system file may also carry the annotator suffix of the gold
// file (<name>_<annotator>.ann), so a copy of the gold folder scores 1.0.
func Score(ctx context.Context, goldDir, sysDir string) (*Report, error) {
	golds, multi, err := GoldFiles(goldDir)
	if err != nil {
		return nil, err
	}
	sysPaths, err := filepath.Glob(filepath.Join(sysDir, "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("attribeval: listing %s: %w", sysDir, err)
	}
	if len(sysPaths) == 0 {
		return nil, dateline.Errorf(dateline.Invalid, "attribeval", "no .ann files in system folder %s", sysDir)
	}
	sysByBase := map[string]string{}
	for _, p := range sysPaths {
		sysByBase[strings.TrimSuffix(filepath.Base(p), ".ann")] = p
	}
	used := map[string]bool{}
	rep := &Report{Scores: newScores(), MultiAnnot: multi}
	for _, g := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gold, err := readRelations(g.Path)
		if err != nil {
			return nil, err
		}
		sp, ok := sysByBase[g.Name]
		if !ok {
			sp, ok = sysByBase[strings.TrimSuffix(filepath.Base(g.Path), ".ann")]
		}
		var sys []brat.Relation
		if ok {
			used[sp] = true
			if sys, err = readRelations(sp); err != nil {
				return nil, err
			}
		} else {
			rep.MissingSystem = append(rep.MissingSystem, g.Name)
		}
		rep.Add(ScoreDoc(gold, sys))
		rep.Docs++
	}
	for _, p := range sysPaths {
		if !used[p] {
			rep.ExtraSystem = append(rep.ExtraSystem, filepath.Base(p))
		}
	}
	return rep, nil
}

func readRelations(path string) ([]brat.Relation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("attribeval: %w", err)
	}
	defer f.Close()
	doc, err := brat.Read(f)
	if err != nil {
		return nil, fmt.Errorf("attribeval: %s: %w", path, err)
	}
	return doc.Relations(), nil
}

// Print writes the report as a table.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "documents %d (gold with several annotators: %d, first annotator in sorted order used)\n", r.Docs, r.MultiAnnot)
	if len(r.MissingSystem) > 0 {
		fmt.Fprintf(w, "gold documents without a system file (scored as empty): %d\n", len(r.MissingSystem))
	}
	if len(r.ExtraSystem) > 0 {
		fmt.Fprintf(w, "system files without gold (ignored): %d\n", len(r.ExtraSystem))
	}
	fmt.Fprintf(w, "%-9s %-8s %6s %6s %6s %7s %7s\n", "span", "match", "P", "R", "F1", "system", "gold")
	for _, t := range Types {
		for _, m := range []struct {
			name string
			c    *Count
		}{{"exact", r.Exact[t]}, {"overlap", r.Overlap[t]}} {
			fmt.Fprintf(w, "%-9s %-8s %6.3f %6.3f %6.3f %7d %7d\n", t, m.name, m.c.P(), m.c.R(), m.c.F1(), m.c.System, m.c.Gold)
		}
	}
	c := r.Relation
	fmt.Fprintf(w, "%-9s %-8s %6.3f %6.3f %6.3f %7d %7d\n", "relation", "overlap", c.P(), c.R(), c.F1(), c.System, c.Gold)
}

package tlseval

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

func pday(v string) (int64, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return 0, false
	}
	return t.Unix() / 86400, true
}

type feats struct{ pub, ment, rel, ment7, mentLate float64 }

var lateDays int64 = 7

func taskFeats(task Task) map[int64]*feats {
	lo, hi := dayNum(task.From), dayNum(task.To)
	f := map[int64]*feats{}
	get := func(d int64) *feats {
		if f[d] == nil {
			f[d] = &feats{}
		}
		return f[d]
	}
	for _, a := range task.Articles {
		pub := dayNum(a.Published)
		get(pub).pub++
		seenE, seenR := map[int64]bool{}, map[int64]bool{}
		for _, tx := range a.Timexes {
			if tx.Type != "DATE" && tx.Type != "TIME" {
				continue
			}
			d, ok := pday(tx.Value)
			if !ok || d > pub || d < lo || d > hi {
				continue
			}
			if strings.ContainsAny(tx.Text, "0123456789") {
				seenE[d] = true
			} else {
				seenR[d] = true
			}
		}
		for d := range seenE {
			get(d).ment++
			if pub-d <= lateDays {
				get(d).ment7++
			} else {
				get(d).mentLate++
			}
		}
		for d := range seenR {
			if !seenE[d] {
				get(d).rel++
			}
		}
	}
	return f
}

func TestDiagDev(t *testing.T) {
	if os.Getenv("DL_DIAG") == "" {
		t.Skip("dev only")
	}
	topics := tuneTopics(t)
	scorers := map[string]func(*feats) float64{
		"cur":   func(x *feats) float64 { return x.ment + 0.5*x.rel + 0.5*x.pub },
		"ment":  func(x *feats) float64 { return x.ment },
		"pub":   func(x *feats) float64 { return x.pub },
		"m+.25p": func(x *feats) float64 { return x.ment + 0.5*x.rel + 0.25*x.pub },
		"m+1p":  func(x *feats) float64 { return x.ment + 0.5*x.rel + 1*x.pub },
		"late2": func(x *feats) float64 { return x.ment + x.mentLate + 0.5*x.rel + 0.5*x.pub },
	}
	names := []string{}
	for n := range scorers {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, tp := range topics {
		for _, task := range tp.Tasks() {
			f := taskFeats(task)
			ref := map[int64]bool{}
			for _, d := range task.Ref {
				ref[dayNum(d.Date)] = true
			}
			cov := 0
			for d := range ref {
				if f[d] != nil {
					cov++
				}
			}
			line := fmt.Sprintf("%-6s %d N=%3d days=%4d cov=%.2f", tp.Name, task.Index, task.N, len(f), float64(cov)/float64(len(ref)))
			for _, n := range names {
				sc := scorers[n]
				days := make([]int64, 0, len(f))
				for d := range f {
					days = append(days, d)
				}
				sort.Slice(days, func(i, j int) bool {
					a, b := sc(f[days[i]]), sc(f[days[j]])
					if a != b {
						return a > b
					}
					return days[i] < days[j]
				})
				hit := 0
				for i := 0; i < task.N && i < len(days); i++ {
					if ref[days[i]] {
						hit++
					}
				}
				line += fmt.Sprintf(" %s %.2f", n, float64(hit)/float64(task.N))
			}
			fmt.Println(line)
		}
	}
}

func TestDiagGrid(t *testing.T) {
	if os.Getenv("DL_DIAG") == "" {
		t.Skip("dev only")
	}
	topics := tuneTopics(t)
	fmt.Sscan(os.Getenv("LATE"), &lateDays)
	type tk struct {
		topic string
		f     map[int64]*feats
		ref   map[int64]bool
		n     int
	}
	var tasks []tk
	for _, tp := range topics {
		for _, task := range tp.Tasks() {
			ref := map[int64]bool{}
			for _, d := range task.Ref {
				ref[dayNum(d.Date)] = true
			}
			tasks = append(tasks, tk{tp.Name, taskFeats(task), ref, task.N})
		}
	}
	type w struct{ late, rel, pub, pubNext, log float64 }
	var grid []w
	for _, late := range []float64{1, 1.5, 2, 3, 4} {
		for _, rel := range []float64{0.5, 1, 1.5} {
			for _, pub := range []float64{0.5, 1, 1.5, 2} {
				for _, pn := range []float64{0, 0.25, 0.5} {
					for _, lg := range []float64{0} {
						grid = append(grid, w{late, rel, pub, pn, lg})
					}
				}
			}
		}
	}
	f1 := func(x tk, g w) float64 {
		sc := func(d int64) float64 {
			a := x.f[d]
			s := a.ment7 + g.late*a.mentLate + g.rel*a.rel + g.pub*a.pub
			if b := x.f[d+1]; b != nil {
				s += g.pubNext * b.pub
			}
			if g.log > 0 {
				// dampen: sqrt
				return s / (1 + 0*s)
			}
			return s
		}
		days := make([]int64, 0, len(x.f))
		for d := range x.f {
			days = append(days, d)
		}
		sort.Slice(days, func(i, j int) bool {
			a, b := sc(days[i]), sc(days[j])
			if a != b {
				return a > b
			}
			return days[i] < days[j]
		})
		hit := 0
		for i := 0; i < x.n && i < len(days); i++ {
			if x.ref[days[i]] {
				hit++
			}
		}
		return float64(hit) / float64(x.n)
	}
	res := make([][]float64, len(grid))
	for gi, g := range grid {
		for _, x := range tasks {
			res[gi] = append(res[gi], f1(x, g))
		}
	}
	mean := func(gi int, keep func(string) bool) float64 {
		s, n := 0.0, 0
		for i, x := range tasks {
			if keep(x.topic) {
				s += res[gi][i]
				n++
			}
		}
		return s / float64(n)
	}
	best, bv := 0, -1.0
	for gi := range grid {
		if v := mean(gi, func(string) bool { return true }); v > bv {
			best, bv = gi, v
		}
	}
	cur := -1
	for gi, g := range grid {
		if g == (w{1, 0.5, 0.5, 0, 0}) || (cur < 0 && gi == 0) {
			cur = gi
		}
	}
	fmt.Printf("current %.3f  best-all %+v %.3f\n", mean(cur, func(string) bool { return true }), grid[best], bv)
	// LOTO
	var loto []float64
	for _, tp := range topics {
		b, bv := 0, -1.0
		for gi := range grid {
			if v := mean(gi, func(s string) bool { return s != tp.Name }); v > bv {
				b, bv = gi, v
			}
		}
		for i, x := range tasks {
			if x.topic == tp.Name {
				loto = append(loto, res[b][i])
			}
		}
		fmt.Printf("  %s -> %+v held %.3f\n", tp.Name, grid[b], mean(b, func(s string) bool { return s == tp.Name }))
	}
	s := 0.0
	for _, v := range loto {
		s += v
	}
	fmt.Printf("LOTO %.3f\n", s/float64(len(loto)))
}

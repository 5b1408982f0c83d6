package attrib

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

// TestCueErrors is error analysis for the cue model: with ATTRIB_ERRS set
// to a folder of system .ann files for PolNeAR train (the cross-validated
// output of TestPolNeAR), it prints the gold cues no system cue overlaps
// and the system cues no gold cue overlaps, counted by their text.
func TestCueErrors(t *testing.T) {
	sys := os.Getenv("ATTRIB_ERRS")
	if sys == "" {
		t.Skip("set ATTRIB_ERRS to a folder of system .ann files for train")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", "train")
	golds, _, err := attribeval.GoldFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	word := os.Getenv("ATTRIB_WORD")
	fn, fp, tp := map[string]int{}, map[string]int{}, map[string]int{}
	cues := func(path string) [][]brat.Range {
		f, err := os.Open(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		d, err := brat.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		var out [][]brat.Range
		for _, r := range d.Relations() {
			if r.Cue != nil {
				out = append(out, r.Cue.Ranges)
			}
		}
		return out
	}
	hit := func(a []brat.Range, bs [][]brat.Range) bool {
		for _, b := range bs {
			for _, x := range a {
				for _, y := range b {
					if max(x.Start, y.Start) < min(x.End, y.End) {
						return true
					}
				}
			}
		}
		return false
	}
	for _, g := range golds {
		tb, _ := os.ReadFile(filepath.Join(dir, "text", g.Name+".txt"))
		runes := []rune(string(tb))
		txt := func(rs []brat.Range) string {
			var p []string
			for _, r := range rs {
				if r.End <= len(runes) {
					p = append(p, string(runes[r.Start:r.End]))
				}
			}
			return strings.ToLower(strings.Join(p, " … "))
		}
		show := func(kind string, c []brat.Range) {
			if word == "" || txt(c) != word || len(c) == 0 {
				return
			}
			lo, hi := max(0, c[0].Start-120), min(len(runes), c[len(c)-1].End+80)
			fmt.Printf("%s %s: %s[[%s]]%s\n", kind, g.Name, string(runes[lo:c[0].Start]), string(runes[c[0].Start:c[len(c)-1].End]), string(runes[c[len(c)-1].End:hi]))
		}
		gc, sc := cues(g.Path), cues(filepath.Join(sys, g.Name+".ann"))
		for _, c := range gc {
			if hit(c, sc) {
				tp[txt(c)]++
			} else {
				fn[txt(c)]++
				show("FN", c)
			}
		}
		for _, c := range sc {
			if !hit(c, gc) {
				fp[txt(c)]++
				show("FP", c)
			}
		}
	}
	top := func(name string, m map[string]int) {
		ks := make([]string, 0, len(m))
		n := 0
		for k, v := range m {
			ks = append(ks, k)
			n += v
		}
		sort.Slice(ks, func(i, j int) bool {
			if m[ks[i]] != m[ks[j]] {
				return m[ks[i]] > m[ks[j]]
			}
			return ks[i] < ks[j]
		})
		fmt.Printf("%s: %d\n", name, n)
		for _, k := range ks[:min(len(ks), 60)] {
			fmt.Printf("  %5d %5d %s\n", m[k], tp[k], k)
		}
	}
	lx := lexicon()
	cand, candN := 0, 0
	for k, v := range fn {
		f := strings.Fields(k)
		if len(f) > 0 && lx.seen(f[len(f)-1]) {
			cand += v
		}
		candN += v
	}
	fmt.Printf("missed gold cues whose last word is a candidate: %d of %d\n", cand, candN)
	top("missed gold cues (count, found)", fn)
	top("spurious system cues (count, found)", fp)
}

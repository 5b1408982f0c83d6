package attrib

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

// TestSourceErrors is error analysis for source and content placement:
// with ATTRIB_ERRS set as for TestCueErrors, it takes each gold relation
// whose cue a system cue overlaps and counts how the two sources and
// contents compare. ATTRIB_SHOW=kind prints examples of one outcome.
func TestSourceErrors(t *testing.T) {
	sys := os.Getenv("ATTRIB_ERRS")
	if sys == "" {
		t.Skip("set ATTRIB_ERRS to a folder of system .ann files for train")
	}
	show := os.Getenv("ATTRIB_SHOW")
	dir := shareddata.Path(t, "data", "attrib", "polnear", "train")
	golds, _, err := attribeval.GoldFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	read := func(path string) []brat.Relation {
		f, err := os.Open(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		d, err := brat.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		return d.Relations()
	}
	ov := func(a, b *brat.TextBound) bool {
		if a == nil || b == nil {
			return false
		}
		for _, x := range a.Ranges {
			for _, y := range b.Ranges {
				if max(x.Start, y.Start) < min(x.End, y.End) {
					return true
				}
			}
		}
		return false
	}
	counts := map[string]int{}
	shown := 0
	for _, g := range golds {
		tb, _ := os.ReadFile(filepath.Join(dir, "text", g.Name+".txt"))
		runes := []rune(string(tb))
		txt := func(b *brat.TextBound) string {
			if b == nil {
				return "-"
			}
			s := ""
			for _, r := range b.Ranges {
				if r.End <= len(runes) {
					s += string(runes[r.Start:r.End]) + " | "
				}
			}
			return s
		}
		sr := read(filepath.Join(sys, g.Name+".ann"))
		for _, gr := range read(g.Path) {
			for _, s := range sr {
				if !ov(gr.Cue, s.Cue) {
					continue
				}
				var k string
				switch {
				case gr.Source == nil && s.Source == nil:
					k = "src none/none"
				case gr.Source == nil:
					k = "src gold-none"
				case s.Source == nil:
					k = "src sys-none"
				case ov(gr.Source, s.Source):
					k = "src ok"
				default:
					k = "src wrong"
				}
				counts[k]++
				c := "con ok"
				if !ov(gr.Content, s.Content) {
					c = "con wrong"
				}
				counts[c]++
				if (k == show || c == show) && shown < 40 {
					shown++
					fmt.Printf("%s\n  cue %q\n  gold src %q con %q\n  sys  src %q con %q\n", k+"/"+c, txt(gr.Cue), txt(gr.Source), txt(gr.Content), txt(s.Source), txt(s.Content))
				}
				break
			}
		}
	}
	for _, k := range []string{"src ok", "src wrong", "src sys-none", "src gold-none", "src none/none", "con ok", "con wrong"} {
		fmt.Printf("%-14s %d\n", k, counts[k])
	}
}

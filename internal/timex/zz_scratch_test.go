package timex

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/timeml"
)

// Scratch: TIMEX_FILE=path go test -run TestScratch -v
func TestScratch(t *testing.T) {
	f := os.Getenv("TIMEX_FILE")
	if f == "" {
		t.Skip()
	}
	d, err := timeml.ReadFile(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range Tag(d.Text, nil, d.DCT) {
		a, b := max(0, x.Start-60), min(len(d.Text), x.End+40)
		fmt.Printf("%s %s %q  ...%s\n", x.Type, x.Value, x.Text, d.Text[a:b])
	}
}

func TestScratchCues(t *testing.T) {
	txt := os.Getenv("TIMEX_TEXT")
	if txt == "" {
		t.Skip()
	}
	toks := tokenize(txt)
	assignSentences(txt, toks, nil)
	markCues(toks)
	for _, tk := range toks {
		fmt.Printf("%s/%d/%d ", tk.low, tk.cue, tk.sent)
	}
	fmt.Println()
}

func TestScratchTag(t *testing.T) {
	txt := os.Getenv("TIMEX_TAG")
	if txt == "" {
		t.Skip()
	}
	for _, x := range Tag(txt, nil, date(1989, 10, 27)) {
		fmt.Printf("%s %s %q\n", x.Type, x.Value, x.Text)
	}
}

func TestScratchForms(t *testing.T) {
	dirs := os.Getenv("TIMEX_DIRS")
	if dirs == "" {
		t.Skip()
	}
	type agg struct{ n, match, ok int }
	forms := map[string]*agg{}
	for _, dir := range strings.Split(dirs, ",") {
		files, _ := filepath.Glob(filepath.Join(dir, "*.tml"))
		for _, f := range files {
			d, err := timeml.ReadFile(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range Tag(d.Text, nil, d.DCT) {
				k := strings.ToLower(x.Text)
				if os.Getenv("TIMEX_BYVAL") != "" {
					k = x.Type + " " + regexp.MustCompile(`[0-9]`).ReplaceAllString(x.Value, "9")
				}
				a := forms[k]
				if a == nil {
					a = &agg{}
					forms[k] = a
				}
				a.n++
				for _, g := range d.Timexes {
					if g.Start < x.End && x.Start < g.End {
						a.match++
						if strings.EqualFold(g.Value, x.Value) {
							a.ok++
						}
						break
					}
				}
			}
		}
	}
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return forms[keys[i]].n > forms[keys[j]].n })
	for _, k := range keys {
		a := forms[k]
		fmt.Printf("%5d %5d %5d %.2f\t%s\n", a.n, a.match, a.ok, float64(a.ok)/float64(a.n), k)
	}
}

package attrib

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// render prints attributions one a line, for golden files a person can read.
func render(atts []dateline.Attribution) string {
	var b strings.Builder
	for i, a := range atts {
		src := "-"
		if a.Source != nil {
			src = fmt.Sprintf("%q", a.Source.Text)
			if a.Source.Entity != "" {
				src += " =" + a.Source.Entity
			}
			if a.Source.Anonymous {
				src += " (anonymous)"
			}
		}
		carried := ""
		if a.CarriedBy != nil {
			carried = fmt.Sprintf(" carried-by=%d", *a.CarriedBy)
		}
		fmt.Fprintf(&b, "%d %s%s\n  source  %s\n  cue     %q\n  content %q\n", i, a.Kind, carried, src, a.Cue.Text, a.Content.Text)
	}
	return b.String()
}

func TestSeedGolden(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Fatalf("no seeds in %s", dir)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := seedBody(string(b))
		atts := Find(text, sentence.Split(text), nil)
		checkAttributions(t, text, atts)
		got := render(atts)
		golden := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(p), ".txt")+".golden")
		if *update {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s:\n%s", p, golden, got)
		}
	}
}

// seedBody drops the dated-text header ("date 2017-06-07 "), as the
// ingest reader does, so offsets and sentences are the body's.
func seedBody(s string) string {
	t := strings.TrimLeft(s, " \t\r\n")
	if strings.HasPrefix(t, "date ") && len(t) >= 16 {
		return strings.TrimLeft(t[15:], " \t\r\n")
	}
	return s
}

// checkAttributions asserts what Find promises for any text.
func checkAttributions(t *testing.T, text string, atts []dateline.Attribution) {
	t.Helper()
	for i, a := range atts {
		parts := []dateline.AttrSpan{a.Cue, a.Content}
		if a.Source != nil {
			parts = append(parts, *a.Source)
		}
		for _, s := range parts {
			if s.Start < 0 || s.End <= s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("attribution %d: bad span %+v", i, s)
			}
		}
		if a.Kind != dateline.Direct && a.Kind != dateline.Indirect {
			t.Fatalf("attribution %d: kind %q", i, a.Kind)
		}
		if a.CarriedBy != nil && (*a.CarriedBy < 0 || *a.CarriedBy >= len(atts) || *a.CarriedBy == i) {
			t.Fatalf("attribution %d: carried by %d", i, *a.CarriedBy)
		}
		// no cycles: following CarriedBy ends within len(atts) steps
		for k, n := i, 0; atts[k].CarriedBy != nil; k, n = *atts[k].CarriedBy, n+1 {
			if n > len(atts) {
				t.Fatalf("attribution %d: CarriedBy cycle", i)
			}
		}
	}
}

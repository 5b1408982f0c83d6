package timex

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// familyLine is one line of testdata/families.txt: a comment or blank line
// (text empty), or a DCT and a text to tag.
type familyLine struct {
	raw  string
	dct  time.Time // zero for 0001-01-01: no publication date
	text string
}

func readFamilies(t *testing.T) []familyLine {
	t.Helper()
	in, err := os.Open(filepath.Join("testdata", "families.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out []familyLine
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			out = append(out, familyLine{raw: line})
			continue
		}
		dctStr, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("line without a tab: %q", line)
		}
		dct, err := time.Parse(dateline.DateLayout, dctStr)
		if err != nil {
			t.Fatal(err)
		}
		if dct.Year() == 1 {
			dct = time.Time{}
		}
		out = append(out, familyLine{raw: line, dct: dct, text: text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden tags one sentence per expression family and compares every
// expression's text, type, value and anchor with testdata/families.golden.
func TestGolden(t *testing.T) {
	var got strings.Builder
	for _, l := range readFamilies(t) {
		fmt.Fprintln(&got, l.raw)
		if l.text == "" {
			continue
		}
		for _, x := range Tag(l.text, nil, l.dct) {
			fmt.Fprintf(&got, "\t%q\t%s\t%s\t%s\n", x.Text, x.Type, x.Value, x.Anchor)
		}
	}
	path := filepath.Join("testdata", "families.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("tagging differs from %s; if the change is right, run go test ./internal/timex -update\n%s", path, diffLines(string(want), got.String()))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, a, c)
		}
	}
	return b.String()
}

// TestSeed checks the expressions the seed article must give.
func TestSeed(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed in %s", dir)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// The dated-text format: "date YYYY-MM-DD" and the body.
	text := strings.TrimLeft(string(b), " \t\r\n")
	head, body, _ := strings.Cut(text, " ")
	if head != "date" {
		t.Fatalf("seed does not start with a date line: %q", text[:20])
	}
	dctStr, body, _ := strings.Cut(body, " ")
	dct, err := time.Parse(dateline.DateLayout, strings.TrimSpace(dctStr))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]dateline.Timex{}
	for _, x := range Tag(body, nil, dct) {
		if body[x.Start:x.End] != x.Text {
			t.Errorf("span [%d,%d) is %q, Text is %q", x.Start, x.End, body[x.Start:x.End], x.Text)
		}
		got[x.Text] = x
	}
	for text, want := range map[string]string{"Tuesday": "2017-06-06", "Monday": "2017-06-05", "weeks": "PXW"} {
		x, ok := got[text]
		if !ok {
			t.Errorf("%q not found; got %v", text, got)
			continue
		}
		if x.Value != want {
			t.Errorf("%q = %s, want %s", text, x.Value, want)
		}
	}
	if x := got["Tuesday"]; x.Anchor != "2017-06-07" {
		t.Errorf("Tuesday anchored on %q, want the DCT 2017-06-07", x.Anchor)
	}
}

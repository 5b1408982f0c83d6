package htmlpage

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDebugDates prints the date evidence of pages named in DEBUG_DATES
// (comma-separated file names of the shared date set). Manual aid only.
func TestDebugDates(t *testing.T) {
	names := os.Getenv("DEBUG_DATES")
	if names == "" {
		t.Skip("manual")
	}
	idx := "/work/shared/data/html/dates/index.jsonl"
	f, _ := os.Open(idx)
	defer f.Close()
	want := map[string]bool{}
	for _, n := range strings.Split(names, ",") {
		want[n] = true
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c struct{ File, URL, Date, Path string }
		json.Unmarshal(sc.Bytes(), &c)
		if !want[c.File] && !want["all"] {
			continue
		}
		g, _ := os.Open("/work/shared/data/html/dates/" + c.Path)
		gz, _ := gzip.NewReader(g)
		raw, _ := io.ReadAll(gz)
		g.Close()
		text, _ := decode(raw, "")
		doc, _ := html.Parse(strings.NewReader(text))
		fmt.Printf("== %s %s want=%s\n", c.File, c.URL, c.Date)
		for _, cd := range collect(doc) {
			fmt.Printf("   %.2f %s %s\n", cd.confidence, cd.t.Format("2006-01-02T15:04Z07:00"), cd.source)
		}
		d := findDate(doc, Options{URL: c.URL})
		fmt.Printf("   => %s %s %.2f %q\n", d.t.Format("2006-01-02"), d.source, d.confidence, d.evidence)
	}
}

// TestDebugDateScore scores findDate alone on the shared date set (manual).
func TestDebugDateScore(t *testing.T) {
	if os.Getenv("DEBUG_DATESCORE") == "" {
		t.Skip("manual")
	}
	f, _ := os.Open("/work/shared/data/html/dates/index.jsonl")
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n, ok, found := 0, 0, 0
	bySrc := map[string][2]int{}
	for sc.Scan() {
		var c struct{ File, URL, Date, Path string }
		json.Unmarshal(sc.Bytes(), &c)
		g, _ := os.Open("/work/shared/data/html/dates/" + c.Path)
		gz, _ := gzip.NewReader(g)
		raw, _ := io.ReadAll(gz)
		g.Close()
		text, _ := decode(raw, "")
		doc, _ := html.Parse(strings.NewReader(text))
		d := findDate(doc, Options{URL: c.URL, SkipTextDateSearch: os.Getenv("DEBUG_FAST") != ""})
		n++
		src := d.source
		if i := strings.IndexByte(src, ':'); i > 0 {
			src = src[:i]
		}
		v := bySrc[src]
		v[0]++
		if !d.t.IsZero() {
			found++
		}
		good := d.t.Format("2006-01-02") == c.Date
		if good {
			ok++
			v[1]++
		} else if os.Getenv("DEBUG_DATESCORE") == "v" {
			fmt.Printf("MISS %s want=%s got=%s %s %q\n", c.File, c.Date, d.t.Format("2006-01-02"), d.source, d.evidence)
		}
		bySrc[src] = v
	}
	fmt.Printf("dates acc=%.3f cov=%.3f n=%d %v\n", float64(ok)/float64(n), float64(found)/float64(n), n, bySrc)
}

package brat

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
)

const sample = "T1\tSource 0 2\tHe\n" +
	"T2\tCue 3 7\tsaid\n" +
	"T3\tContent 8 12;20 25\tthat … more\n" +
	"T4\tAttribution 3 7\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"#1\tAnnotatorNotes T3\ta note\n" +
	"a surface string that ran onto a second line\n" +
	"T5\tCue 30 40\treportedly\n" +
	"T6\tContent 41 50\tsomething\n" +
	"T7\tAttribution 30 40\treportedly\n" +
	"E2\tAttribution-no-source:T7 Content:T6 Cue:T5 \n" +
	"E3\tAttribution-no-source:T99 \n"

func TestRead(t *testing.T) {
	doc, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Bounds) != 7 || len(doc.Events) != 3 {
		t.Fatalf("got %d bounds, %d events", len(doc.Bounds), len(doc.Events))
	}
	if got := doc.Bounds["T3"].Ranges; len(got) != 2 || got[1] != (Range{20, 25}) {
		t.Errorf("discontinuous ranges = %v", got)
	}
	rels := doc.Relations()
	if len(rels) != 2 {
		t.Fatalf("relations = %d, want 2 (the empty event is dropped)", len(rels))
	}
	if rels[0].Source == nil || rels[0].Source.Text != "He" || rels[1].Source != nil {
		t.Errorf("sources = %+v / %+v", rels[0].Source, rels[1].Source)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"T1\tCue x 7\tsaid\n",
		"T1\tCue 7 3\tsaid\n",
		"T1\tCue\tsaid\n",
		"E1\tAttribution\n",
		"E1\t\n",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q): no error", in)
		} else if dateline.ErrorKind(err) != dateline.Invalid {
			t.Errorf("Read(%q): kind %v, want invalid", in, dateline.ErrorKind(err))
		}
	}
}

func TestWriteRoundTrip(t *testing.T) {
	text := "“I have not had that discussion,” Sean Spicer told reporters.\nNext é."
	q := strings.Index(text, "told reporters")
	s := strings.Index(text, "Sean Spicer")
	c := strings.Index(text, ",”") + len(",”")
	atts := []dateline.Attribution{{
		Source:  &dateline.AttrSpan{Start: s, End: s + len("Sean Spicer")},
		Cue:     dateline.AttrSpan{Start: q, End: q + len("told reporters")},
		Content: dateline.AttrSpan{Start: 0, End: c},
		Kind:    dateline.Direct,
	}, {
		Cue:     dateline.AttrSpan{Start: q, End: q + 4},
		Content: dateline.AttrSpan{Start: len(text) - 5, End: len(text)},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, text, atts); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rels := doc.Relations()
	if len(rels) != 2 {
		t.Fatalf("relations = %d:\n%s", len(rels), buf.String())
	}
	runes := []rune(text)
	sub := func(tb *TextBound) string { return string(runes[tb.Ranges[0].Start:tb.Ranges[0].End]) }
	if got := sub(rels[0].Source); got != "Sean Spicer" {
		t.Errorf("source = %q", got)
	}
	if got := sub(rels[0].Content); got != "“I have not had that discussion,”" {
		t.Errorf("content = %q", got)
	}
	if got := sub(rels[1].Content); got != "t é." {
		t.Errorf("content = %q", got)
	}
	if rels[1].Source != nil {
		t.Errorf("sourceless attribution got a source")
	}
	bad := []dateline.Attribution{{Cue: dateline.AttrSpan{Start: 0, End: len(text) + 1}}}
	if err := Write(&bytes.Buffer{}, text, bad); err == nil {
		t.Error("Write accepted a span outside the text")
	}
}

func TestByteOffsets(t *testing.T) {
	text := "a“b"
	got := ByteOffsets(text)
	want := []int{0, 1, 4, 5}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	o := newOffsets(text)
	for b, c := range map[int]int{0: 0, 1: 1, 2: 1, 3: 1, 4: 2, 5: 3} {
		if o.char(b) != c {
			t.Errorf("char(%d) = %d, want %d", b, o.char(b), c)
		}
	}
}

// TestReadPolNeAR reads every train file: the reader must accept the real
// data, and every event must yield a cue or a content inside its text.
func TestReadPolNeAR(t *testing.T) {
	dir := shareddata.Path(t, "data", "attrib", "polnear", "train")
	files, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .ann files under %s: %v", dir, err)
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		total += len(doc.Relations())
	}
	// The data README counts 22,501 events; a few have neither cue nor
	// content and are dropped.
	if total < 22400 || total > 22501 {
		t.Errorf("read %d relations from train, want about 22,501", total)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("T1\tCue 1 2;3 4\tx\nE1\tAttribution:T1 Cue:T1\n")
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, r := range doc.Relations() {
			for _, tb := range []*TextBound{r.Source, r.Cue, r.Content} {
				if tb == nil {
					continue
				}
				for _, rg := range tb.Ranges {
					if rg.Start < 0 || rg.End < rg.Start {
						t.Fatalf("bad range %v", rg)
					}
				}
			}
		}
	})
}

package timeml

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline/internal/shareddata"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3> it lost money for <TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>.
</TEXT>
<TLINK lid="l1" timeID="t1" relatedToTime="t0"/>
</TimeML>
`

func TestParse(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(1998, 1, 8, 0, 0, 0, 0, time.UTC); !d.DCT.Equal(want) {
		t.Errorf("DCT = %v, want %v", d.DCT, want)
	}
	wantText := "\nAT&amp;T said on Tuesday it lost money for three weeks.\n"
	if d.Text != wantText {
		t.Errorf("Text = %q, want %q", d.Text, wantText)
	}
	want := []Timex{
		{TID: "t1", Type: "DATE", Value: "1998-01-06"},
		{TID: "t2", Type: "DURATION", Value: "P3W"},
	}
	if len(d.Timexes) != len(want) {
		t.Fatalf("got %d timexes, want %d", len(d.Timexes), len(want))
	}
	for i, w := range want {
		g := d.Timexes[i]
		if g.TID != w.TID || g.Type != w.Type || g.Value != w.Value {
			t.Errorf("timex %d = %+v, want %+v", i, g, w)
		}
	}
	if got := d.Text[d.Timexes[0].Start:d.Timexes[0].End]; got != "Tuesday" {
		t.Errorf("first timex covers %q", got)
	}
}

func TestParseDCTVariants(t *testing.T) {
	for _, in := range []string{
		`<DCT>SHANGHAI, <TIMEX3 tid="t0" type="TIME" value="1997-04-02" functionInDocument="CREATION_TIME">April 2</TIMEX3> (AFP)</DCT><TEXT>x</TEXT>`,
		`<TIMEX3 tid="t0" type="DATE" value="1997-04-02T10:00" functionInDocument="CREATION_TIME">April 2</TIMEX3><TEXT>x</TEXT>`,
	} {
		d, err := Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(1997, 4, 2, 0, 0, 0, 0, time.UTC); !d.DCT.Equal(want) {
			t.Errorf("DCT of %q = %v, want %v", in, d.DCT, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no text":      "<TimeML><DCT></DCT></TimeML>",
		"unclosed":     "<TEXT>hello",
		"open tag":     "<TEXT>a <TIMEX3 tid=\"t1\"</TEXT>",
		"stray close":  "<TEXT>a </TIMEX3></TEXT>",
		"never closed": "<TEXT>a <TIMEX3 tid=\"t1\">b</TEXT>",
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestWriteWidensEntities(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	// [3,6) falls inside "&amp;"; the tag must not split the entity.
	out, err := d.Write([]Timex{{Start: 4, End: 6, Type: "DATE", Value: "X"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `<TIMEX3 tid="t1" type="DATE" value="X">&amp;</TIMEX3>`) {
		t.Errorf("entity split or not widened:\n%s", out)
	}
	back, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if back.Text != d.Text {
		t.Errorf("text changed: %q vs %q", back.Text, d.Text)
	}
}

func TestWriteRejectsOverlap(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Write([]Timex{{Start: 10, End: 20}, {Start: 15, End: 25}}); err == nil {
		t.Error("overlapping annotations written without error")
	}
}

// TestRoundTripCorpus checks, on every gold file, that writing our tags and
// stripping them again gives back the stripped text byte for byte, and that
// the gold annotations survive a write and a read unchanged.
func TestRoundTripCorpus(t *testing.T) {
	ctx := context.Background()
	n := 0
	for _, corpus := range []string{"timebank", "aquaint"} {
		files, _ := filepath.Glob(filepath.Join(shareddata.Path(t, "data", "timeml", corpus), "*.tml"))
		for _, f := range files {
			d, err := ReadFile(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if d.DCT.IsZero() {
				t.Errorf("%s: no DCT", f)
			}
			for _, ts := range [][]Timex{nil, d.Timexes} {
				out, err := d.Write(ts)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				back, err := Parse(out)
				if err != nil {
					t.Fatalf("%s: reparse: %v", f, err)
				}
				if back.Text != d.Text {
					t.Fatalf("%s: stripped text differs after writing %d tags", f, len(ts))
				}
				if back.DCTValue != d.DCTValue {
					t.Errorf("%s: DCT %q became %q", f, d.DCTValue, back.DCTValue)
				}
				if len(back.Timexes) != len(ts) {
					t.Fatalf("%s: wrote %d timexes, read %d", f, len(ts), len(back.Timexes))
				}
				for i := range ts {
					a, b := ts[i], back.Timexes[i]
					if a.Start != b.Start || a.End != b.End || a.Type != b.Type || a.Value != b.Value {
						t.Errorf("%s: timex %d %+v became %+v", f, i, a, b)
					}
				}
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no TimeML files found")
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(context.Background(), filepath.Join(t.TempDir(), "nope.tml"))
	if !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("err = %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("<TEXT><TIMEX3 tid='a'/>x</TEXT>"))
	f.Add([]byte("<TEXT>a&amp;b</TEXT>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b)
		if err != nil {
			return
		}
		for _, x := range d.Timexes {
			if x.Start < 0 || x.End > len(d.Text) || x.Start > x.End {
				t.Fatalf("timex %+v out of range of %d bytes", x, len(d.Text))
			}
		}
		out, err := d.Write(nil)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("our own output does not parse: %v", err)
		}
		if back.Text != d.Text {
			t.Fatalf("round trip changed the text")
		}
	})
}

package timexeval

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/timeml"
)

func tx(s, e int, typ, val string) timeml.Timex {
	return timeml.Timex{Start: s, End: e, Type: typ, Value: val}
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		name      string
		gold, sys []timeml.Timex
		want      Counts
		strictF1  float64
		relaxedF1 float64
		valueF1   float64
	}{
		{
			name:     "perfect",
			gold:     []timeml.Timex{tx(0, 5, "DATE", "2017-06-06"), tx(10, 15, "DURATION", "PXW")},
			sys:      []timeml.Timex{tx(0, 5, "DATE", "2017-06-06"), tx(10, 15, "DURATION", "PXW")},
			want:     Counts{Gold: 2, System: 2, StrictMatch: 2, RelaxedGold: 2, RelaxedSystem: 2, TypeOK: 2, ValueOK: 2, RelaxedPairs: 2},
			strictF1: 1, relaxedF1: 1, valueF1: 1,
		},
		{
			name:     "overlap only, wrong value",
			gold:     []timeml.Timex{tx(0, 10, "DATE", "2017-06-06")},
			sys:      []timeml.Timex{tx(3, 10, "DATE", "2017-06-05")},
			want:     Counts{Gold: 1, System: 1, RelaxedGold: 1, RelaxedSystem: 1, TypeOK: 1, RelaxedPairs: 1},
			strictF1: 0, relaxedF1: 1, valueF1: 0,
		},
		{
			name:     "a miss and a false alarm",
			gold:     []timeml.Timex{tx(0, 5, "DATE", "2017"), tx(20, 25, "DATE", "2016")},
			sys:      []timeml.Timex{tx(0, 5, "DATE", "2017"), tx(40, 45, "SET", "P1W")},
			want:     Counts{Gold: 2, System: 2, StrictMatch: 1, RelaxedGold: 1, RelaxedSystem: 1, TypeOK: 1, ValueOK: 1, RelaxedPairs: 1},
			strictF1: 0.5, relaxedF1: 0.5, valueF1: 0.5,
		},
		{
			name: "touching spans do not overlap",
			gold: []timeml.Timex{tx(0, 5, "DATE", "2017")},
			sys:  []timeml.Timex{tx(5, 9, "DATE", "2017")},
			want: Counts{Gold: 1, System: 1},
		},
		{
			name:     "one system span over two gold ones pairs with the larger overlap",
			gold:     []timeml.Timex{tx(0, 4, "DATE", "A"), tx(5, 15, "DURATION", "B")},
			sys:      []timeml.Timex{tx(0, 15, "DURATION", "B")},
			want:     Counts{Gold: 2, System: 1, RelaxedGold: 2, RelaxedSystem: 1, TypeOK: 1, ValueOK: 1, RelaxedPairs: 1},
			strictF1: 0, relaxedF1: 1, valueF1: 1,
		},
		{
			name:     "values compare case-insensitively, types must agree",
			gold:     []timeml.Timex{tx(0, 4, "DATE", "present_ref")},
			sys:      []timeml.Timex{tx(0, 4, "TIME", "PRESENT_REF")},
			want:     Counts{Gold: 1, System: 1, StrictMatch: 1, RelaxedGold: 1, RelaxedSystem: 1, ValueOK: 1, RelaxedPairs: 1},
			strictF1: 1, relaxedF1: 1, valueF1: 1,
		},
		{
			name: "nothing found",
			gold: []timeml.Timex{tx(0, 4, "DATE", "2017")},
			want: Counts{Gold: 1},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Compare(c.gold, c.sys)
			if got != c.want {
				t.Errorf("counts = %+v, want %+v", got, c.want)
			}
			s := got.Scores()
			for _, f := range []struct {
				name      string
				got, want float64
			}{{"strict F1", s.StrictF1, c.strictF1}, {"relaxed F1", s.RelaxedF1, c.relaxedF1}, {"value F1", s.ValueF1, c.valueF1}} {
				if math.Abs(f.got-f.want) > 1e-9 {
					t.Errorf("%s = %v, want %v", f.name, f.got, f.want)
				}
			}
		})
	}
}

const goldDoc = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2017-06-07" functionInDocument="CREATION_TIME">June 7</TIMEX3></DCT>
<TEXT>He left on <TIMEX3 tid="t1" type="DATE" value="2017-06-06">Tuesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="PXW">weeks</TIMEX3>.</TEXT></TimeML>`

const sysDoc = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2017-06-07" functionInDocument="CREATION_TIME">June 7</TIMEX3></DCT>
<TEXT>He left <TIMEX3 tid="t1" type="DATE" value="2017-06-06">on Tuesday</TIMEX3> after weeks.</TEXT></TimeML>`

func TestCompareDirs(t *testing.T) {
	gold, sys := t.TempDir(), t.TempDir()
	write := func(dir, name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(gold, "a.tml", goldDoc)
	write(sys, "a.tml", sysDoc)
	write(gold, "b.tml", goldDoc) // no system file: all missed
	res, err := CompareDirs(context.Background(), gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Gold: 4, System: 1, RelaxedGold: 1, RelaxedSystem: 1, TypeOK: 1, ValueOK: 1, RelaxedPairs: 1}
	if res.Total != want {
		t.Errorf("total = %+v, want %+v", res.Total, want)
	}
	var buf bytes.Buffer
	if err := res.Report(&buf, true); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"a.tml", "b.tml", "strict", "relaxed", "value"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, buf.String())
		}
	}

	// A system file whose text was changed cannot be scored by offset.
	write(sys, "a.tml", strings.Replace(sysDoc, "left", "went", 1))
	if _, err := CompareDirs(context.Background(), gold, sys); err == nil {
		t.Error("differing texts were scored")
	}
	if _, err := CompareDirs(context.Background(), t.TempDir(), sys); err == nil {
		t.Error("an empty gold folder was scored")
	}
}

package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","date":"2017-06-07","text":"one","source":"x"}`,
		``,
		`{"maintext":"two","date_publish":"2017-06-07 10:00:00","source_domain":"y.com","title":"T"}`,
		`not json`,
		`{"text":"three"}`,
		`{"text":"","date":"2017-01-01","id":"stub"}`,
		`{"text":"four","date":"2017-13-45"}`,
		`{"content":"five","pubdate":"Wed, 07 Jun 2017 10:00:00 +0000","id":17}`,
		"{\"text\":\"caf\xe9\",\"date\":\"2017-01-01\"}",
		`{"body":"six","time":"1496800000"}`,
		`[1,2]`,
	}, "\n")
	r := NewReader(strings.NewReader(in))
	type got struct {
		id, text, src, ps string
		line              int
		err               string
	}
	var gots []got
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		var le *LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("fatal error: %v", err)
		}
		g := got{id: d.ID, text: d.Text, src: d.Source, ps: d.PublishedSource, line: r.Line()}
		if err != nil {
			g.err = err.Error()
		}
		gots = append(gots, g)
	}
	want := []got{
		{id: "a", text: "one", src: "x", ps: "json:date", line: 1},
		{text: "two", src: "y.com", ps: "json:date_publish", line: 3},
		{line: 4, err: "line 4: invalid JSON"},
		{text: "three", line: 5, err: "line 5: missing date"},
		{id: "stub", ps: "json:date", line: 6},
		{text: "four", line: 7, err: `line 7: field "date": impossible date "2017-13-45"`},
		{id: "17", text: "five", ps: "json:pubdate", line: 8},
		{line: 9, err: "line 9: invalid UTF-8"},
		{text: "six", ps: "json:time", line: 10},
		{line: 11, err: "line 11: not a JSON object"},
	}
	if len(gots) != len(want) {
		t.Fatalf("got %d records, want %d: %+v", len(gots), len(want), gots)
	}
	for i := range want {
		g, w := gots[i], want[i]
		if w.err != "" {
			if !strings.HasPrefix(g.err, w.err) {
				t.Errorf("record %d: err %q, want prefix %q", i, g.err, w.err)
			}
			continue
		}
		if g.err != "" || g.id != w.id || g.text != w.text || g.src != w.src || g.ps != w.ps || g.line != w.line {
			t.Errorf("record %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestLongLineSkipped(t *testing.T) {
	long := `{"text":"` + strings.Repeat("x", MaxLine+10) + `","date":"2017-01-01"}`
	in := long + "\n" + `{"text":"ok","date":"2017-01-01"}` + "\n"
	r := NewReader(strings.NewReader(in))
	_, err := r.Next()
	var le *LineError
	if !errors.As(err, &le) || le.Line != 1 || !strings.Contains(err.Error(), "too long") {
		t.Fatalf("first record: %v", err)
	}
	d, err := r.Next()
	if err != nil || d.Text != "ok" || r.Line() != 2 {
		t.Fatalf("record after the long line: %+v %v line %d", d, err, r.Line())
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2017-06-07":                "2017-06-07T00:00:00Z",
		"2017-06-07T10:00:00+02:00": "2017-06-07T08:00:00Z",
		"2017-06-07 10:00:00":       "2017-06-07T10:00:00Z",
		"1496800000":                "2017-06-07T01:46:40Z",
	} {
		got, err := ParseDate(in)
		if err != nil || got.Format("2006-01-02T15:04:05Z07:00") != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2017-02-30", "12"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"id":"a","date":"2017-06-07","text":"one"}`))
	f.Add([]byte(`{"text":1,"date":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b)
		if err == nil && d.Published.IsZero() {
			t.Fatalf("accepted a record without a date: %+v", d)
		}
	})
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("{\"text\":\"a\",\"date\":\"2017-01-01\"}\n\n{}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := NewReader(strings.NewReader(string(b)))
		for i := 0; i < 10000; i++ {
			_, err := r.Next()
			var le *LineError
			if err != nil && !errors.As(err, &le) {
				return
			}
		}
		t.Fatal("reader did not end")
	})
}

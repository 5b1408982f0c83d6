package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/sample"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var testNow = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

type result struct {
	docs []dateline.Document
	errs []string
}

func collect(t *testing.T, walk func(Func) error) result {
	t.Helper()
	var r result
	err := walk(func(d dateline.Document, err error) error {
		if err != nil {
			r.errs = append(r.errs, err.Error())
			return nil
		}
		r.docs = append(r.docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	return r
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{" date 2017-06-07 US attorney", FormatDatedText},
		{"\ufeffdate 2017-06-07\nbody", FormatDatedText},
		{`{"text": "x"}`, FormatJSONL},
		{`[{"text": "x"}]`, FormatJSONArray},
		{"<!DOCTYPE html><html>", FormatHTML},
		{`<?xml version="1.0"?><rss version="2.0">`, FormatFeed},
		{`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed},
		{"WARC/1.1\r\nWARC-Type: warcinfo", FormatWARC},
		{"Just some article text.\nMore.", FormatPlainText},
		{"\x00\x01\x02\x03binary", FormatUnknown},
		{"", FormatUnknown},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSampleCorpus(t *testing.T) {
	man, err := sample.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	r := collect(t, func(fn Func) error {
		return WalkFS(context.Background(), sample.FS, "data", "", Options{Now: testNow}, fn)
	})
	if len(r.errs) != 0 {
		t.Fatalf("sample corpus has bad records: %v", r.errs)
	}
	byOrigin := map[string]dateline.Document{}
	for _, d := range r.docs {
		byOrigin[filepath.ToSlash(d.Origin)] = d
	}
	if len(r.docs) != len(man) {
		t.Errorf("read %d documents, manifest lists %d", len(r.docs), len(man))
	}
	for _, e := range man {
		d, ok := byOrigin[e.Origin()]
		if !ok {
			t.Errorf("no document from %s", e.Origin())
			continue
		}
		if got := d.Published.Format(dateline.DateLayout); got != e.Date {
			t.Errorf("%s: date %s, want %s", e.Origin(), got, e.Date)
		}
		if d.Source == "" {
			t.Errorf("%s: no source", e.Origin())
		}
		if !strings.HasPrefix(e.File, "0") && d.ID != e.ID {
			t.Errorf("%s: id %q, want %q", e.Origin(), d.ID, e.ID)
		}
		if d.Title == "" && !strings.HasPrefix(e.File, "ptb") {
			t.Errorf("%s: no title", e.Origin())
		}
	}
}

func TestSeed(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	r := collect(t, func(fn Func) error { return Walk(context.Background(), dir, Options{Now: testNow}, fn) })
	if len(r.errs) != 0 || len(r.docs) != 1 {
		t.Fatalf("seed: %d docs, errors %v", len(r.docs), r.errs)
	}
	d := r.docs[0]
	if d.Published.Format(dateline.DateLayout) != "2017-06-07" || d.PublishedSource != dateline.DateFromHeader {
		t.Errorf("seed date %v from %q", d.Published, d.PublishedSource)
	}
	if !strings.HasPrefix(d.Text, "US attorney-general Jeff Sessions") {
		t.Errorf("seed text starts %q", d.Text[:40])
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestBadInputs(t *testing.T) {
	var lines []string
	for i := 0; i < 200; i++ {
		lines = append(lines, `{"id":"id`+string(rune('a'+i%26))+strings.Repeat("x", i)+`","date":"2017-01-02","text":"article body number `+strings.Repeat("y", i)+`"}`)
	}
	good := []byte(strings.Join(lines, "\n") + "\n")
	full := gz(good)
	tests := []struct {
		name     string
		content  []byte
		wantDocs int    // at least this many documents still come through
		wantErr  string // in some record error
	}{
		{"truncated gzip", full[:len(full)/2], 1, "truncated"},
		{"binary junk", []byte("\x00\x01\x02\xff\xfe junk \x00"), 0, "unrecognised format"},
		{"empty", []byte("   \n"), 0, "empty input"},
		{"impossible date", []byte("date 2017-13-45 body"), 0, "impossible date"},
		{"future date", []byte("date 2031-01-01 body"), 0, "in the future"},
		{"future date jsonl", []byte(`{"id":"f","date":"2999-01-01","text":"x"}`), 0, "t.jsonl:1: date 2999-01-01 is in the future"},
		{"missing date jsonl", []byte(`{"text":"a"}` + "\n" + `{"text":"b","date":"2017-01-01"}`), 1, "t.jsonl:1: missing date"},
		{"invalid utf8", []byte("date 2017-01-01 caf\xe9"), 0, "invalid UTF-8"},
		{"plain text without folder date", []byte("Some body text."), 0, "missing date"},
		{"a feed, not articles", []byte(`<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`), 0, "dateline watch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "t.jsonl")
			if err := os.WriteFile(p, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			r := collect(t, func(fn Func) error { return Walk(context.Background(), p, Options{Now: testNow}, fn) })
			if len(r.docs) < tt.wantDocs {
				t.Errorf("got %d documents, want at least %d", len(r.docs), tt.wantDocs)
			}
			joined := strings.Join(r.errs, "\n")
			if !strings.Contains(joined, tt.wantErr) || !strings.Contains(joined, "t.jsonl") {
				t.Errorf("errors %q do not name the file and %q", joined, tt.wantErr)
			}
		})
	}
}

func TestFolderTree(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bbc", "2010-04-20")
	os.MkdirAll(p, 0o755)
	os.WriteFile(filepath.Join(p, "683.htm.txt"), []byte("The rig exploded .\nEleven workers died ."), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.json"), []byte(`{"ignored": true}`), 0o644)
	r := collect(t, func(fn Func) error { return Walk(context.Background(), dir, Options{Now: testNow}, fn) })
	if len(r.errs) != 0 || len(r.docs) != 1 {
		t.Fatalf("docs %d errs %v", len(r.docs), r.errs)
	}
	d := r.docs[0]
	if d.ID != "bbc/2010-04-20/683.htm" || d.Source != "bbc" || d.PublishedSource != dateline.DateFromFolder || d.Published.Format(dateline.DateLayout) != "2010-04-20" {
		t.Errorf("folder doc = %+v", d)
	}
}

func TestStdinAndJSONArray(t *testing.T) {
	in := strings.NewReader(`[{"id":"x","date":"2017-01-01","text":"a"},{"date":"2017-01-01"}]`)
	r := collect(t, func(fn Func) error {
		return Walk(context.Background(), "-", Options{Now: testNow, Stdin: in}, fn)
	})
	if len(r.docs) != 1 || len(r.errs) != 1 || !strings.Contains(r.errs[0], "<stdin>[1]: no text") {
		t.Errorf("docs %v errs %v", r.docs, r.errs)
	}
}

func TestContentIDStable(t *testing.T) {
	d := dateline.Document{Published: testNow(), Text: "  body  "}
	e := dateline.Document{Published: testNow(), Text: "body"}
	if ContentID(d) != ContentID(e) {
		t.Error("surrounding white space changed the id")
	}
	e.Source = "x"
	if ContentID(d) == ContentID(e) {
		t.Error("outlet did not change the id")
	}
}

func FuzzReadOne(f *testing.F) {
	f.Add([]byte("date 2017-06-07 body"))
	f.Add([]byte(`{"id":"a","date":"2017-01-01","text":"x"}`))
	f.Add(gz([]byte(`{"id":"a","date":"2017-01-01","text":"x"}`)))
	f.Add([]byte(`[{"date":"2017-01-01","text":"x"}, 1]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		err := readOne(context.Background(), "f", "f", bytes.NewReader(b), Options{Now: testNow}, func(d dateline.Document, err error) error {
			if err == nil && (d.ID == "" || d.Published.IsZero()) {
				t.Fatalf("document without id or date: %+v", d)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("readOne returned a fatal error for in-memory input: %v", err)
		}
	})
}

package sample

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestManifestMatchesFiles(t *testing.T) {
	es, err := Manifest()
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 50 || len(es) > 70 {
		t.Errorf("manifest has %d entries, want 50-70", len(es))
	}

	// Every article file on disk, and every line of every JSONL file.
	onDisk := map[string]bool{}
	jsonlLines := map[string]int{}
	err = fs.WalkDir(FS, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "data/")
		switch {
		case rel == "manifest.json":
		case strings.HasSuffix(rel, ".jsonl"):
			b, err := FS.ReadFile(p)
			if err != nil {
				return err
			}
			n := 0
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				n++
				onDisk[rel+":"+strconv.Itoa(n)] = true
			}
			jsonlLines[rel] = n
		default:
			onDisk[rel] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	ids := map[string]Entry{}
	listed := map[string]bool{}
	for _, e := range es {
		key := e.File
		if e.Line > 0 {
			key += ":" + strconv.Itoa(e.Line)
		}
		if listed[key] {
			t.Errorf("%s listed twice", key)
		}
		listed[key] = true
		if !onDisk[key] {
			t.Errorf("manifest lists %s, which is not in data/", key)
		}
		if _, dup := ids[e.ID]; dup {
			t.Errorf("id %q used twice", e.ID)
		}
		ids[e.ID] = e
		if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
			t.Errorf("%s: date %q: %v", e.ID, e.Date, err)
		}
		for _, ev := range e.Events {
			if _, err := time.Parse(time.DateOnly, ev.Date); err != nil {
				t.Errorf("%s: event date %q: %v", e.ID, ev.Date, err)
			}
			if ev.Date > e.Date {
				t.Errorf("%s: event %q dated %s after the article", e.ID, ev.Summary, ev.Date)
			}
		}
		switch e.Story {
		case "water", "strike", "":
		default:
			t.Errorf("%s: unknown story %q", e.ID, e.Story)
		}
		if e.Outlet == "" {
			t.Errorf("%s: no outlet", e.ID)
		}
	}
	for k := range onDisk {
		if !listed[k] {
			t.Errorf("%s is in data/ but not in the manifest", k)
		}
	}
	copies := 0
	for _, e := range es {
		if e.DuplicateOf == "" {
			continue
		}
		copies++
		orig, ok := ids[e.DuplicateOf]
		if !ok {
			t.Errorf("%s: duplicate_of %q is no manifest id", e.ID, e.DuplicateOf)
			continue
		}
		if orig.DuplicateOf != "" {
			t.Errorf("%s: duplicate_of %s, itself a copy", e.ID, orig.ID)
		}
		if orig.Story != e.Story {
			t.Errorf("%s: story %q differs from its original's %q", e.ID, e.Story, orig.Story)
		}
	}
	if copies < 8 {
		t.Errorf("%d syndicated copies, want at least 8", copies)
	}
}

// TestArticleContents checks each entry against its file's own content:
// dated-text headers, folder dates, and the JSONL id and date fields.
func TestArticleContents(t *testing.T) {
	es, err := Manifest()
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string][]string{}
	for _, e := range es {
		t.Run(e.ID, func(t *testing.T) {
			if e.Line > 0 {
				ls, ok := lines[e.File]
				if !ok {
					b, err := FS.ReadFile(path.Join("data", e.File))
					if err != nil {
						t.Fatal(err)
					}
					ls = strings.Split(strings.TrimRight(string(b), "\n"), "\n")
					lines[e.File] = ls
				}
				if e.Line > len(ls) {
					t.Fatalf("line %d past end of %s", e.Line, e.File)
				}
				var rec struct {
					ID, Date, Title, Text, Source string
				}
				if err := json.Unmarshal([]byte(ls[e.Line-1]), &rec); err != nil {
					t.Fatalf("%s:%d: %v", e.File, e.Line, err)
				}
				if rec.ID != e.ID {
					t.Errorf("id field %q, manifest %q", rec.ID, e.ID)
				}
				if !strings.HasPrefix(rec.Date, e.Date) {
					t.Errorf("date field %q, manifest %q", rec.Date, e.Date)
				}
				if rec.Source != e.Outlet {
					t.Errorf("source field %q, manifest %q", rec.Source, e.Outlet)
				}
				if strings.TrimSpace(rec.Text) == "" {
					t.Error("empty text")
				}
				return
			}
			wantID := e.File
			if strings.HasPrefix(e.File, "tree/") {
				wantID = strings.TrimSuffix(strings.TrimPrefix(e.File, "tree/"), ".txt")
			}
			if e.ID != wantID {
				t.Errorf("file-per-article id %q, want %q", e.ID, wantID)
			}
			b, err := FS.ReadFile(path.Join("data", e.File))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(e.File, "tree/") {
				if dir := strings.Split(e.File, "/")[2]; dir != e.Date {
					t.Errorf("folder date %s, manifest %s", dir, e.Date)
				}
				return
			}
			want := "date " + e.Date
			if !bytes.HasPrefix(b, []byte(want)) || len(b) <= len(want) ||
				(b[len(want)] != ' ' && b[len(want)] != '\n') {
				t.Errorf("file does not start with %q and a space or newline", want)
			}
		})
	}
}

func TestXSSFixture(t *testing.T) {
	var rec map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(XSS), &rec); err != nil {
		t.Fatalf("xss.jsonl: %v", err)
	}
	for _, f := range []string{"id", "date", "title", "text"} {
		if _, ok := rec[f]; !ok {
			t.Errorf("xss.jsonl lacks %q", f)
		}
	}
	if !bytes.Contains(XSS, []byte("<script>")) {
		t.Error("xss.jsonl carries no <script> payload")
	}
}

package clustereval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// LoadArticles reads the evaluation corpora's JSONL (optionally gzipped):
// one article a line with id, date (YYYY-MM-DD or null), title, text and
// source. It exists so the evaluations run without the ingest pipeline; a
// missing or null date leaves Published zero.
func LoadArticles(ctx context.Context, path string) ([]dateline.Article, error) {
	op := "eval: " + path
	f, err := os.Open(path)
	if err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "open: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, dateline.Errorf(dateline.Invalid, op, "gzip: %w", err)
		}
		defer gz.Close()
		r = gz
	}
	var out []dateline.Article
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	line := 0
	for sc.Scan() {
		line++
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec struct {
			ID     string  `json:"id"`
			Date   *string `json:"date"`
			Title  string  `json:"title"`
			Text   string  `json:"text"`
			Source string  `json:"source"`
		}
		at := fmt.Sprintf("%s:%d", op, line)
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, dateline.Errorf(dateline.Invalid, at, "not a JSON object: %w", err)
		}
		if rec.ID == "" {
			return nil, dateline.Errorf(dateline.Invalid, at, `missing "id"`)
		}
		var a dateline.Article
		a.ID, a.Title, a.Text, a.Source = rec.ID, rec.Title, rec.Text, rec.Source
		if rec.Date != nil && *rec.Date != "" {
			t, err := time.Parse(dateline.DateLayout, *rec.Date)
			if err != nil {
				return nil, dateline.Errorf(dateline.Invalid, at, "date %q: want YYYY-MM-DD", *rec.Date)
			}
			a.Published = t
			a.PublishedSource = dateline.DateFromJSON + ":date"
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "read: %w", err)
	}
	return out, nil
}

package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/store/storetest"
)

func openTemp(t *testing.T) dateline.Store {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) { storetest.Run(t, openTemp) }

func TestMatchExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"resignation", `"resignation"`},
		{"Jeff Sessions", `"Jeff" "Sessions"`},
		{`"special counsel" Trump`, `"special counsel" "Trump"`},
		{"attorney-general", `"attorney" "general"`},
		{"a OR b", `"a" OR "b"`},
		{"OR a OR", `"a"`},
		{`unterminated "quote here`, `"unterminated" "quote" "here"`},
	}
	for _, tt := range tests {
		got, err := MatchExpr(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("MatchExpr(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "re.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := dateline.Article{Document: dateline.Document{ID: "x", Text: "hello world"}}
	a.Published = mustDay("2020-01-02")
	if _, err := db.Put(ctx, []dateline.Article{a}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if _, err := db.Article(ctx, "x"); err != nil {
		t.Errorf("article lost after reopen: %v", err)
	}
}

func TestOpenRejectsNonDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	if err := writeFile(path, []byte("this is not a database, just some text that is long enough to be a header…………")); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), path); err == nil {
		t.Fatal("Open on a text file succeeded")
	}
}

func TestSpanCodec(t *testing.T) {
	for _, spans := range [][]dateline.Span{{}, {{Start: 0, End: 5}}, {{Start: 0, End: 56}, {Start: 57, End: 1203}}} {
		got, err := decodeSpans(encodeSpans(spans))
		if err != nil || len(got) != len(spans) {
			t.Fatalf("round trip of %v: %v, %v", spans, got, err)
		}
		for i := range spans {
			if got[i] != spans[i] {
				t.Errorf("round trip of %v: %v", spans, got)
			}
		}
	}
	for _, bad := range []string{"1", "1,", ",1", "1,2,3", "a,b", "1,,2"} {
		if _, err := decodeSpans(bad); err == nil {
			t.Errorf("decodeSpans(%q) accepted it", bad)
		}
	}
}

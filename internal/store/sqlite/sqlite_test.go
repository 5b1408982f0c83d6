package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
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

// TestIndexMergeSettings checks that migration 0002 leaves the full-text
// index write-optimised (docs/BENCHMARKS.md §1) in a fresh store and in
// one upgraded from the first schema, and that search still works on it.
func TestIndexMergeSettings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "merge.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check := func(when string) {
		t.Helper()
		for k, want := range map[string]int{"automerge": 0, "crisismerge": 64} {
			var v int
			if err := db.db.QueryRowContext(ctx, "SELECT v FROM documents_fts_config WHERE k = ?", k).Scan(&v); err != nil {
				t.Fatalf("%s: read %s: %v", when, k, err)
			}
			if v != want {
				t.Errorf("%s: %s = %d, want %d", when, k, v, want)
			}
		}
	}
	check("fresh store")
	// Back to the first schema's state, then migrate again.
	for _, q := range []string{
		"INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 4)",
		"INSERT INTO documents_fts(documents_fts, rank) VALUES ('crisismerge', 16)",
	} {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range append(undoEntityGroups, "PRAGMA user_version = 1") {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.migrate(ctx); err != nil {
		t.Fatal(err)
	}
	check("upgraded store")
	var docs []dateline.Article
	for i := 0; i < 300; i++ {
		a := dateline.Article{Document: dateline.Document{ID: fmt.Sprint("d", i), Text: fmt.Sprintf("report %d on the flood", i)}}
		a.Published = mustDay("2020-01-02")
		docs = append(docs, a)
	}
	// Many small commits: each flushes a segment, none is merged.
	for i := 0; i < len(docs); i += 10 {
		if _, err := db.Put(ctx, docs[i:i+10]); err != nil {
			t.Fatal(err)
		}
	}
	res, err := db.Search(ctx, dateline.Filter{Query: "flood", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != len(docs) || len(res.Hits) != 5 {
		t.Errorf("search found %d of %d documents, %d hits shown; want all and 5", res.Total, len(docs), len(res.Hits))
	}
}

// TestDerivedRows stores documents with many entities and attributions, a
// name repeated inside one document and aliases repeated across documents,
// and reads the entity, alias and attribution tables back.
func TestDerivedRows(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var arts []dateline.Article
	for d := 0; d < 3; d++ {
		a := dateline.Article{Document: dateline.Document{ID: fmt.Sprintf("doc%d", d), Published: mustDay("2021-05-0" + fmt.Sprint(d+1)), Text: "text"}}
		a.Sentences = []dateline.Span{{Start: 0, End: 4}}
		for i := 0; i < 70; i++ {
			name := fmt.Sprintf("Person %d", i)
			a.Entities = append(a.Entities, dateline.Entity{Name: name, Type: "PERSON", Aliases: []string{fmt.Sprintf("P%d", i)}})
			a.Mentions = append(a.Mentions, dateline.Mention{Start: 0, End: 4, Text: "text", Type: "PERSON", Entity: name})
		}
		// The same name twice in one document: its mention counts add up.
		a.Entities = append(a.Entities, dateline.Entity{Name: "Person 0", Type: "PERSON"})
		for i := 0; i < 40; i++ {
			a.Attributions = append(a.Attributions, dateline.Attribution{
				Source:  &dateline.AttrSpan{Start: 0, End: 1, Text: "t", Entity: "Person 1"},
				Cue:     dateline.AttrSpan{Start: 1, End: 2, Text: "e"},
				Content: dateline.AttrSpan{Start: 2, End: 4, Text: "xt"},
				Kind:    "indirect",
			})
		}
		arts = append(arts, a)
	}
	if n, err := db.Put(ctx, arts); err != nil || n != 3 {
		t.Fatalf("Put = %d, %v", n, err)
	}
	var ents, p0, aliases, atts, maxIdx int
	for q, dst := range map[string]*int{
		`SELECT count(*) FROM doc_entities`:                                     &ents,
		`SELECT mentions FROM doc_entities WHERE doc = 1 AND name = 'Person 0'`: &p0,
		`SELECT count(*) FROM entity_aliases`:                                   &aliases,
		`SELECT count(*) FROM attributions`:                                     &atts,
		`SELECT max(idx) FROM attributions WHERE doc = 3`:                       &maxIdx,
	} {
		if err := db.db.QueryRowContext(ctx, q).Scan(dst); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if ents != 3*70 || p0 != 2 || aliases != 70 || atts != 3*40 || maxIdx != 39 {
		t.Errorf("entity rows %d (want 210), Person 0 mentions %d (want 2), alias rows %d (want 70), attribution rows %d (want 120), last idx %d (want 39)",
			ents, p0, aliases, atts, maxIdx)
	}
}

// undoEntityGroups takes a store back to the schema before migration 3.
var undoEntityGroups = []string{
	"DROP INDEX doc_entities_key",
	"ALTER TABLE doc_entities DROP COLUMN key",
	"DROP INDEX entity_aliases_akey",
	"ALTER TABLE entity_aliases DROP COLUMN docs",
	"ALTER TABLE entity_aliases DROP COLUMN akey",
	"ALTER TABLE entity_aliases DROP COLUMN nkey",
	"DROP INDEX attributions_source_key",
	"ALTER TABLE attributions DROP COLUMN source_key",
	"ALTER TABLE attributions DROP COLUMN about_keys",
}

// TestEntityGroupsMigration: a store written before migration 3 gets the
// same keys and alias counts from the migration's SQL as ingestion writes
// with entityKey, also for names at the edges of the folding.
func TestEntityGroupsMigration(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	as := []dateline.Article{
		{Document: dateline.Document{ID: "a", Text: "a"}, Analysis: dateline.Analysis{Entities: []dateline.Entity{
			{Name: "The Gulf of Mexico", Type: dateline.EntityLoc, Aliases: []string{"Gulf", "the Gulf"}},
			{Name: "United States", Type: dateline.EntityLoc, Aliases: []string{"U.S.", "the U.S."}},
			{Name: "Al-Jazeera", Type: dateline.EntityMedia, Aliases: []string{"Al Jazeera"}},
			{Name: "Barack Obama", Type: dateline.EntityPerson, Aliases: []string{"Obama", "OBAMA"}}}}},
		{Document: dateline.Document{ID: "b", Text: "b"}, Analysis: dateline.Analysis{Entities: []dateline.Entity{
			{Name: "Barack Obama", Type: dateline.EntityPerson, Aliases: []string{"Obama"}}, {Name: "Obama", Type: dateline.EntityPerson}}}},
	}
	// attributions: one by the Gulf about "The U.S." and Al-Jazeera, one with no source
	as[0].Text = "The Gulf said The U.S. and Al-Jazeera agreed."
	as[0].Mentions = []dateline.Mention{{Start: 14, End: 17, Entity: "The Gulf of Mexico"}, {Start: 18, End: 27, Entity: "United States"}, {Start: 32, End: 42, Entity: "Al-Jazeera"}}
	as[0].Attributions = []dateline.Attribution{
		{Source: &dateline.AttrSpan{Start: 0, End: 8, Text: "The Gulf", Entity: "The Gulf of Mexico"}, Cue: dateline.AttrSpan{Start: 9, End: 13}, Content: dateline.AttrSpan{Start: 14, End: 50}},
		{Cue: dateline.AttrSpan{Start: 9, End: 13}, Content: dateline.AttrSpan{Start: 14, End: 50}},
	}
	// names at the edges of the folding: non-ASCII letters (left alone
	// by SQLite's lower()), invalid UTF-8, "the" alone, a doubled space
	edge := []string{"THE  ROCK", "Théâtre-Français", "the", "The ", "Thebes", "St. Louis", "-the x", "ÉCOLE.", "x\xffy"}
	c := dateline.Article{Document: dateline.Document{ID: "c", Text: strings.Repeat("x", 20*len(edge))}}
	for i, name := range edge {
		c.Entities = append(c.Entities, dateline.Entity{Name: name, Type: dateline.EntityLoc, Aliases: []string{edge[(i+1)%len(edge)]}})
		c.Mentions = append(c.Mentions, dateline.Mention{Start: 20*i + 10, End: 20*i + 12, Entity: name})
		c.Attributions = append(c.Attributions, dateline.Attribution{Source: &dateline.AttrSpan{Start: 20 * i, End: 20*i + 2, Entity: name},
			Cue: dateline.AttrSpan{Start: 20*i + 3, End: 20*i + 5}, Content: dateline.AttrSpan{Start: 20*i + 6, End: 20*i + 20}})
	}
	as = append(as, c)
	for i := range as {
		as[i].Published = mustDay("2010-01-02")
	}
	if _, err := db.Put(ctx, as); err != nil {
		t.Fatal(err)
	}
	dump := func() string {
		var b strings.Builder
		for _, q := range []string{"SELECT name, key FROM doc_entities ORDER BY doc, name", "SELECT alias, name, docs, akey, nkey FROM entity_aliases ORDER BY alias, name",
			"SELECT source_entity, source_key, about, about_keys FROM attributions ORDER BY doc, idx"} {
			rows, err := db.db.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, vals...)
			}
			rows.Close()
		}
		return b.String()
	}
	want := dump()
	if !strings.Contains(want, "The Gulf of Mexico gulf of mexico") || !strings.Contains(want, "Obama Barack Obama 2 obama barack obama") ||
		!strings.Contains(want, "The Gulf of Mexico gulf of mexico \tThe Gulf of Mexico\tUnited States\tAl-Jazeera\t \tgulf of mexico\tunited states\tal jazeera\t") {
		t.Fatalf("ingestion wrote:\n%s", want)
	}
	for _, q := range append(undoEntityGroups, "PRAGMA user_version = 2") {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dump(); got != want {
		t.Errorf("after migration:\n%s\nwant (as ingestion writes):\n%s", got, want)
	}
}

// Package sqlite is the embedded dateline.Store: one SQLite file in WAL mode
// through the pure-Go modernc.org/sqlite driver (no cgo), with an FTS5 index
// for search and migrations embedded in the binary.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a dateline.Store over one SQLite file.
type DB struct {
	db   *sql.DB
	path string
}

var _ dateline.Store = (*DB)(nil)

// Open opens (creating if needed) the store at path and brings its schema up
// to date. Several processes may open the same file: WAL lets readers work
// while one writer ingests.
func Open(ctx context.Context, file string) (*DB, error) {
	const op = "store: open"
	if file == "" {
		return nil, dateline.Errorf(dateline.Invalid, op, "no database path given (use --db or DATELINE_DB)")
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "foreign_keys(ON)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + file + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op + " " + file, Err: err}
	}
	db.SetMaxOpenConns(4)
	s := &DB{db: db, path: file}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op + " " + file, Err: err}
	}
	return s, nil
}

// Close releases the database.
func (s *DB) Close() error { return s.db.Close() }

// migrate applies every embedded migration newer than PRAGMA user_version,
// each in its own transaction with the version bump.
func (s *DB) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w (is it a SQLite file?)", err)
	}
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		if n <= version {
			continue
		}
		body, err := migrations.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", e.Name(), err)
		}
	}
	return nil
}

func day(t time.Time) string { return t.UTC().Format(dateline.DateLayout) }

// Put stores articles in one transaction, skipping ids already stored.
func (s *DB) Put(ctx context.Context, articles []dateline.Article) (int, error) {
	const op = "store: put"
	if len(articles) == 0 {
		return 0, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO documents
		(id, url, source, title, published, day, published_source, origin, text, duplicate_of, story,
		 sentences, timexes, mentions, entities, attributions)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING`)
	if err != nil {
		return 0, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
	}
	defer ins.Close()
	fts, err := tx.PrepareContext(ctx, `INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)`)
	if err != nil {
		return 0, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
	}
	defer fts.Close()
	derived := newTxStmts(tx)
	defer derived.close()
	added := 0
	for i := range articles {
		a := &articles[i]
		if a.ID == "" {
			return 0, dateline.Errorf(dateline.Invalid, op, "article %d has no id", i)
		}
		if a.Published.IsZero() {
			return 0, dateline.Errorf(dateline.Invalid, op, "article %s has no publication date", a.ID)
		}
		parts, err := encodeParts(&a.Analysis)
		if err != nil {
			return 0, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		res, err := ins.ExecContext(ctx, a.ID, a.URL, a.Source, a.Title, a.Published.UTC().Format(time.RFC3339),
			day(a.Published), a.PublishedSource, a.Origin, a.Text, a.DuplicateOf, a.Story,
			parts[0], parts[1], parts[2], parts[3], parts[4])
		if err != nil {
			return 0, &dateline.Error{Kind: dateline.Unavailable, Op: op + " " + a.ID, Err: err}
		}
		n, _ := res.RowsAffected()
		if n == 0 {
			continue
		}
		rowid, err := res.LastInsertId()
		if err != nil {
			return 0, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		if _, err := fts.ExecContext(ctx, rowid, a.Title, a.Text); err != nil {
			return 0, &dateline.Error{Kind: dateline.Unavailable, Op: op + " fts " + a.ID, Err: err}
		}
		if err := putDerived(ctx, derived, rowid, a); err != nil {
			return 0, &dateline.Error{Kind: dateline.Unavailable, Op: op + " " + a.ID, Err: err}
		}
		added++
	}
	if err := tx.Commit(); err != nil {
		return 0, &dateline.Error{Kind: dateline.Unavailable, Op: op + " commit", Err: err}
	}
	return added, nil
}

func analysed(a *dateline.Analysis) bool {
	return a.Sentences != nil || a.Timexes != nil || a.Mentions != nil || a.Entities != nil || a.Attributions != nil
}

// encodeParts gives the JSON of each analysis part, all "" for a document
// that was not analysed.
func encodeParts(a *dateline.Analysis) ([5]string, error) {
	var out [5]string
	if !analysed(a) {
		return out, nil
	}
	out[0] = encodeSpans(a.Sentences)
	for i, v := range []any{nil, nonNilSlice(a.Timexes), nonNilSlice(a.Mentions), nonNilSlice(a.Entities), nonNilSlice(a.Attributions)} {
		if i == 0 {
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return out, err
		}
		out[i] = string(b)
	}
	return out, nil
}

// encodeSpans writes sentence spans as "start,end,start,end…": every
// timeline reads them, and this parses many times faster than JSON objects.
func encodeSpans(spans []dateline.Span) string {
	b := make([]byte, 0, len(spans)*10)
	for i, sp := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(sp.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(sp.End), 10)
	}
	return string(b)
}

func decodeSpans(s string) ([]dateline.Span, error) {
	out := make([]dateline.Span, 0, strings.Count(s, ",")/2+1)
	if s == "" {
		return out, nil
	}
	var nums [2]int
	k := 0
	n := 0
	digits := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			n = n*10 + int(s[i]-'0')
			digits++
			continue
		}
		if (i < len(s) && s[i] != ',') || digits == 0 {
			return nil, fmt.Errorf("bad span list at byte %d", i)
		}
		nums[k] = n
		n, digits = 0, 0
		k++
		if k == 2 {
			out = append(out, dateline.Span{Start: nums[0], End: nums[1]})
			k = 0
		}
	}
	if k != 0 {
		return nil, fmt.Errorf("odd number of offsets in span list")
	}
	return out, nil
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// putDerived fills the entity and attribution tables for one new document.
func putDerived(ctx context.Context, tx *txStmts, rowid int64, a *dateline.Article) error {
	counts := map[string]int{}
	for _, m := range a.Mentions {
		counts[m.Entity]++
	}
	for _, e := range a.Entities {
		if e.Name == "" {
			continue
		}
		aliases, _ := json.Marshal(nonNil(e.Aliases))
		nkey := entityKey(e.Name)
		if _, err := tx.exec(ctx, `INSERT INTO doc_entities(doc, name, type, mentions, aliases, key) VALUES (?,?,?,?,?,?)
			ON CONFLICT(doc, name) DO UPDATE SET mentions = mentions + excluded.mentions`,
			rowid, e.Name, e.Type, max(counts[e.Name], 1), string(aliases), nkey); err != nil {
			return err
		}
		// An alias row counts a document once, however many of the row's
		// spellings it used ("Obama", "OBAMA": the column folds case as
		// NOCASE does); migration 3 counts the same way.
		counted := map[string]bool{}
		// the aliases as the JSON column holds them (invalid UTF-8
		// replaced), so that migration 3, which counts from that column,
		// finds the same rows
		var stored []string
		_ = json.Unmarshal(aliases, &stored)
		for _, al := range stored {
			f := asciiFold(al)
			if counted[f] {
				continue
			}
			counted[f] = true
			if _, err := tx.exec(ctx, `INSERT INTO entity_aliases(alias, name, docs, akey, nkey) VALUES (?,?,1,?,?)
				ON CONFLICT(alias, name) DO UPDATE SET docs = docs + 1`, al, e.Name, entityKey(al), nkey); err != nil {
				return err
			}
		}
	}
	for i, at := range a.Attributions {
		body, err := json.Marshal(at)
		if err != nil {
			return err
		}
		var srcText, srcEnt string
		if at.Source != nil {
			srcText, srcEnt = at.Source.Text, at.Source.Entity
		}
		var about, aboutKeys []string
		for _, m := range a.Mentions {
			if m.Start >= at.Content.Start && m.End <= at.Content.End && m.Entity != "" {
				about = append(about, m.Entity)
				aboutKeys = append(aboutKeys, entityKey(m.Entity))
			}
		}
		srcKey := ""
		if srcEnt != "" {
			srcKey = entityKey(srcEnt)
		}
		if _, err := tx.exec(ctx, `INSERT INTO attributions(doc, idx, source_text, source_entity, about, body, source_key, about_keys) VALUES (?,?,?,?,?,?,?,?)`,
			rowid, i, srcText, srcEnt, "\t"+strings.Join(about, "\t")+"\t", string(body), srcKey, "\t"+strings.Join(aboutKeys, "\t")+"\t"); err != nil {
			return err
		}
	}
	return nil
}

// txStmts prepares each statement once per transaction and reuses it: the
// driver caches none, and parsing the same INSERT again for every entity
// and attribution row took a tenth of a full ingest's CPU time.
type txStmts struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func newTxStmts(tx *sql.Tx) *txStmts { return &txStmts{tx: tx, m: map[string]*sql.Stmt{}} }

func (t *txStmts) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.m[q]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	t.m[q] = st
	return st, nil
}

func (t *txStmts) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (t *txStmts) queryRow(ctx context.Context, q string, args ...any) scanner {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

func (t *txStmts) close() {
	for _, st := range t.m {
		st.Close()
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Has reports which ids are stored.
func (s *DB) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		part := ids[:n]
		ids = ids[n:]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, "SELECT id FROM documents WHERE id IN (?"+strings.Repeat(",?", len(part)-1)+")", args...)
		if err != nil {
			return nil, &dateline.Error{Kind: dateline.Unavailable, Op: "store: has", Err: err}
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

const docCols = `d.id, d.url, d.source, d.title, d.published, d.published_source, d.origin, d.text, d.duplicate_of, d.story`

// partCols lists the analysis columns in Part bit order.
var partCols = []string{"d.sentences", "d.timexes", "d.mentions", "d.entities", "d.attributions"}

// articleCols is the select list for an article with the given parts.
func articleCols(parts dateline.Part) string {
	if parts == 0 {
		parts = dateline.PartAll
	}
	cols := docCols
	for i, c := range partCols {
		if parts&(1<<i) != 0 {
			cols += ", " + c
		}
	}
	return cols
}

type scanner interface{ Scan(...any) error }

func scanArticle(r scanner, parts dateline.Part) (dateline.Article, error) {
	if parts == 0 {
		parts = dateline.PartAll
	}
	var a dateline.Article
	var published string
	var raw [5]string
	dest := []any{&a.ID, &a.URL, &a.Source, &a.Title, &published, &a.PublishedSource, &a.Origin, &a.Text, &a.DuplicateOf, &a.Story}
	for i := range raw {
		if parts&(1<<i) != 0 {
			dest = append(dest, &raw[i])
		}
	}
	if err := r.Scan(dest...); err != nil {
		return a, err
	}
	t, err := time.Parse(time.RFC3339, published)
	if err != nil {
		return a, fmt.Errorf("article %s: stored date %q: %w", a.ID, published, err)
	}
	a.Published = t
	if parts&dateline.PartSentences != 0 && (raw[0] != "" || raw[1] != "") {
		if a.Sentences, err = decodeSpans(raw[0]); err != nil {
			return a, fmt.Errorf("article %s: stored sentences: %w", a.ID, err)
		}
	}
	targets := []any{nil, &a.Timexes, &a.Mentions, &a.Entities, &a.Attributions}
	for i, js := range raw {
		if i == 0 || js == "" {
			continue
		}
		if err := json.Unmarshal([]byte(js), targets[i]); err != nil {
			return a, fmt.Errorf("article %s: stored %s: %w", a.ID, partCols[i][2:], err)
		}
	}
	return a, nil
}

// Article returns one stored article.
func (s *DB) Article(ctx context.Context, id string) (dateline.Article, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+articleCols(0)+" FROM documents d WHERE d.id = ?", id)
	a, err := scanArticle(row, 0)
	if errors.Is(err, sql.ErrNoRows) {
		return a, dateline.Errorf(dateline.NotFound, "store: article", "no article with id %q", id)
	}
	if err != nil {
		return a, &dateline.Error{Kind: dateline.Unavailable, Op: "store: article " + id, Err: err}
	}
	return a, nil
}

// where builds the WHERE clause a filter asks for (without the FTS match).
func where(f dateline.Filter) (string, []any) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds = append(conds, "d.day >= ?")
		args = append(args, day(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "d.day <= ?")
		args = append(args, day(f.To))
	}
	if f.Source != "" {
		conds = append(conds, "d.source = ?")
		args = append(args, f.Source)
	}
	if f.Story != "" {
		conds = append(conds, "d.story = ?")
		args = append(args, f.Story)
	}
	if f.Entity != "" {
		conds = append(conds, "d.rowid IN (SELECT doc FROM doc_entities WHERE key IN ("+groupKeysSQL+"))")
		args = append(args, entityKey(f.Entity), entityKey(f.Entity))
	}
	if !f.IncludeDuplicates {
		conds = append(conds, "d.duplicate_of = ''")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " AND " + strings.Join(conds, " AND "), args
}

// Articles streams the selected articles, oldest first. With a query, only
// articles matching it are streamed (still oldest first).
//
// It selects and orders row ids first, then reads the rows in chunks: sorting
// whole rows (text and analysis) would copy every one through the sorter.
func (s *DB) Articles(ctx context.Context, f dateline.Filter, fn func(dateline.Article) error) error {
	const op = "store: articles"
	w, args := where(f)
	q := "SELECT d.rowid FROM documents d WHERE 1=1" + w
	if f.Query != "" {
		m, err := MatchExpr(f.Query)
		if err != nil {
			return &dateline.Error{Kind: dateline.Invalid, Op: op, Err: err}
		}
		q += " AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
		args = append(args, m)
	}
	q += " ORDER BY d.published, d.id"
	q += page(f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	const chunk = 256
	cols := articleCols(f.Parts)
	for len(ids) > 0 {
		part := ids[:min(chunk, len(ids))]
		ids = ids[len(part):]
		pos := make(map[int64]int, len(part))
		qargs := make([]any, len(part))
		for i, id := range part {
			pos[id] = i
			qargs[i] = id
		}
		rows, err := s.db.QueryContext(ctx, "SELECT d.rowid, "+cols+" FROM documents d WHERE d.rowid IN (?"+strings.Repeat(",?", len(part)-1)+")", qargs...)
		if err != nil {
			return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
		got := make([]dateline.Article, len(part))
		for rows.Next() {
			var rowid int64
			a, err := scanArticle(rowScanner{rows, &rowid}, f.Parts)
			if err != nil {
				rows.Close()
				return &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
			}
			got[pos[rowid]] = a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
		for _, a := range got {
			if a.ID == "" {
				continue // deleted between the two reads
			}
			if err := fn(a); err != nil {
				return err
			}
		}
	}
	return nil
}

// rowScanner scans a leading rowid column before the article's columns.
type rowScanner struct {
	r     scanner
	rowid *int64
}

func (rs rowScanner) Scan(dest ...any) error {
	return rs.r.Scan(append([]any{rs.rowid}, dest...)...)
}

// Coverage counts the selected articles per publication day.
func (s *DB) Coverage(ctx context.Context, f dateline.Filter) (map[string]int, error) {
	const op = "store: coverage"
	w, args := where(f)
	q := "SELECT d.day, count(*) FROM documents d WHERE 1=1" + w
	if f.Query != "" {
		m, err := MatchExpr(f.Query)
		if err != nil {
			return nil, &dateline.Error{Kind: dateline.Invalid, Op: op, Err: err}
		}
		q += " AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
		args = append(args, m)
	}
	rows, err := s.db.QueryContext(ctx, q+" GROUP BY d.day", args...)
	if err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		out[d] = n
	}
	return out, rows.Err()
}

// MatchExpr turns what a user typed into an FTS5 query: each word becomes a
// quoted term (so punctuation cannot break the syntax), "quoted phrases"
// stay phrases, and a bare OR between terms is kept. An empty result is an
// error: there is nothing to search for.
func MatchExpr(q string) (string, error) {
	var parts []string
	rest := q
	for {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			parts = append(parts, terms(rest)...)
			break
		}
		parts = append(parts, terms(rest[:i])...)
		rest = rest[i+1:]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			parts = append(parts, terms(rest)...)
			break
		}
		if ws := words(rest[:j]); len(ws) > 0 {
			parts = append(parts, `"`+strings.Join(ws, " ")+`"`)
		}
		rest = rest[j+1:]
	}
	// Drop ORs that do not stand between two terms.
	var out []string
	for i, p := range parts {
		if p == "OR" && (len(out) == 0 || out[len(out)-1] == "OR" || i == len(parts)-1) {
			continue
		}
		out = append(out, p)
	}
	if len(out) > 0 && out[len(out)-1] == "OR" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return "", fmt.Errorf("query %q has no words to search for", q)
	}
	return strings.Join(out, " "), nil
}

func terms(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if f == "OR" {
			out = append(out, "OR")
			continue
		}
		for _, w := range words(f) {
			out = append(out, `"`+w+`"`)
		}
	}
	return out
}

// words splits on anything that is not a letter or digit, the way the
// unicode61 tokenizer does.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127)
	})
}

// Search ranks matching articles by BM25 (title weighted over text) and
// returns a page of hits with snippets.
func (s *DB) Search(ctx context.Context, f dateline.Filter) (dateline.SearchResult, error) {
	const op = "store: search"
	var res dateline.SearchResult
	m, err := MatchExpr(f.Query)
	if err != nil {
		return res, &dateline.Error{Kind: dateline.Invalid, Op: op, Err: err}
	}
	w, args := where(f)
	base := " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?" + w
	cargs := append([]any{m}, args...)
	if err := s.db.QueryRowContext(ctx, "SELECT count(*)"+base, cargs...).Scan(&res.Total); err != nil {
		return res, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	// Rank first and make snippets for the one page only: snippet() costs
	// far more than bm25() and would otherwise run for every match.
	q := "WITH top AS (SELECT documents_fts.rowid AS r, bm25(documents_fts, 3.0, 1.0) AS score" + base +
		fmt.Sprintf(" ORDER BY score, d.id LIMIT %d OFFSET %d)", limit, max(f.Offset, 0)) +
		" SELECT d.id, d.title, d.source, d.url, d.published, d.story, -top.score," +
		" snippet(documents_fts, 1, char(2), char(3), '…', 24)" +
		" FROM top JOIN documents_fts ON documents_fts.rowid = top.r JOIN documents d ON d.rowid = top.r" +
		" WHERE documents_fts MATCH ? ORDER BY top.score, d.id"
	cargs = append(cargs, m)
	rows, err := s.db.QueryContext(ctx, q, cargs...)
	if err != nil {
		return res, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer rows.Close()
	res.Hits = []dateline.Hit{}
	for rows.Next() {
		var h dateline.Hit
		var published string
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.URL, &published, &h.Story, &h.Score, &h.Snippet); err != nil {
			return res, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		h.Published, _ = time.Parse(time.RFC3339, published)
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return res, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	return res, nil
}

// Stats summarises the store.
func (s *DB) Stats(ctx context.Context) (dateline.Stats, error) {
	const op = "store: stats"
	st := dateline.Stats{BySource: map[string]int{}}
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(duplicate_of <> ''), 0), count(DISTINCT source), min(published), max(published) FROM documents`).
		Scan(&st.Documents, &st.Duplicates, &st.Sources, &first, &last)
	if err != nil {
		return st, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	if first.Valid {
		st.First, _ = time.Parse(time.RFC3339, first.String)
		st.Last, _ = time.Parse(time.RFC3339, last.String)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stories`).Scan(&st.Stories); err != nil {
		return st, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	if err := s.db.QueryRowContext(ctx, `WITH `+canonSQL+` SELECT count(DISTINCT coalesce(c.gkey, e.key)) FROM doc_entities e LEFT JOIN canon c ON c.akey = e.key`).Scan(&st.Entities); err != nil {
		return st, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT source, count(*) FROM documents GROUP BY source`)
	if err != nil {
		return st, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer rows.Close()
	for rows.Next() {
		var src string
		var n int
		if err := rows.Scan(&src, &n); err != nil {
			return st, err
		}
		st.BySource[src] = n
	}
	return st, rows.Err()
}

// Assign records story membership and duplicate links, and replaces the
// summaries of the given stories, in one transaction.
func (s *DB) Assign(ctx context.Context, as []dateline.Assignment, stories []dateline.Story) error {
	const op = "store: assign"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer tx.Rollback()
	st := newTxStmts(tx)
	defer st.close()
	for _, a := range as {
		if _, err := st.exec(ctx, `UPDATE documents SET
			story = CASE WHEN ? = '' THEN story ELSE ? END,
			duplicate_of = CASE WHEN ? = '' THEN duplicate_of ELSE ? END WHERE id = ?`,
			a.Story, a.Story, a.DuplicateOf, a.DuplicateOf, a.ArticleID); err != nil {
			return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
	}
	for _, story := range stories {
		var n, outlets int
		var first, last sql.NullString
		if err := st.queryRow(ctx, `SELECT count(*), count(DISTINCT source), min(day), max(day) FROM documents WHERE story = ?`, story.ID).
			Scan(&n, &outlets, &first, &last); err != nil {
			return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
		if n == 0 {
			if _, err := st.exec(ctx, `DELETE FROM stories WHERE id = ?`, story.ID); err != nil {
				return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
			}
			continue
		}
		if story.Label == "" {
			// No label from the clusterer: the earliest headline, else the
			// opening words of the earliest article.
			var title, text string
			if err := st.queryRow(ctx, `SELECT title, substr(text, 1, 200) FROM documents WHERE story = ?
				ORDER BY title = '', published, id LIMIT 1`, story.ID).Scan(&title, &text); err != nil {
				return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
			}
			story.Label = title
			if story.Label == "" {
				story.Label = openingWords(text, 12)
			}
		}
		if _, err := st.exec(ctx, `INSERT INTO stories(id, label, first, last, articles, outlets) VALUES (?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET label=excluded.label, first=excluded.first, last=excluded.last, articles=excluded.articles, outlets=excluded.outlets`,
			story.ID, story.Label, first.String, last.String, n, outlets); err != nil {
			return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
	}
	if err := tx.Commit(); err != nil {
		return &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	return nil
}

// ResetStories forgets every story and duplicate link.
func (s *DB) ResetStories(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return &dateline.Error{Kind: dateline.Unavailable, Op: "store: reset stories", Err: err}
	}
	defer tx.Rollback()
	for _, q := range []string{`UPDATE documents SET story = '', duplicate_of = ''`, `DELETE FROM stories`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return &dateline.Error{Kind: dateline.Unavailable, Op: "store: reset stories", Err: err}
		}
	}
	return tx.Commit()
}

func scanStory(r scanner) (dateline.Story, error) {
	var st dateline.Story
	var first, last string
	if err := r.Scan(&st.ID, &st.Label, &first, &last, &st.Articles, &st.Outlets); err != nil {
		return st, err
	}
	st.First, _ = time.Parse(dateline.DateLayout, first)
	st.Last, _ = time.Parse(dateline.DateLayout, last)
	return st, nil
}

// Stories lists stories, the most covered first.
func (s *DB) Stories(ctx context.Context, q dateline.StoryQuery) ([]dateline.Story, error) {
	const op = "store: stories"
	var conds []string
	var args []any
	if !q.From.IsZero() {
		conds = append(conds, "last >= ?")
		args = append(args, day(q.From))
	}
	if !q.To.IsZero() {
		conds = append(conds, "first <= ?")
		args = append(args, day(q.To))
	}
	sqlq := "SELECT id, label, first, last, articles, outlets FROM stories"
	if len(conds) > 0 {
		sqlq += " WHERE " + strings.Join(conds, " AND ")
	}
	sqlq += " ORDER BY articles DESC, last DESC, id"
	sqlq += page(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer rows.Close()
	out := []dateline.Story{}
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Story returns one story's summary.
func (s *DB) Story(ctx context.Context, id string) (dateline.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, "SELECT id, label, first, last, articles, outlets FROM stories WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, dateline.Errorf(dateline.NotFound, "store: story", "no story with id %q", id)
	}
	if err != nil {
		return st, &dateline.Error{Kind: dateline.Unavailable, Op: "store: story", Err: err}
	}
	return st, nil
}

// mergeAliases lists the spellings in as other than name, each once
// (case folded), sorted.
func mergeAliases(name string, as []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range as {
		// a dash left over from the text ("president --") is no part of it
		a = strings.TrimRight(a, " -–—")
		if k := strings.ToLower(a); a != "" && !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// Quotes lists attributions across documents, newest first.
func (s *DB) Quotes(ctx context.Context, q dateline.QuoteQuery) ([]dateline.Quote, error) {
	const op = "store: quotes"
	var conds []string
	var args []any
	// The groups' keys are looked up first: inside the query, every
	// attribution row would ask for them again (three times slower on
	// Timeline17).
	if q.Source != "" {
		keys, err := s.groupKeys(ctx, q.Source)
		if err != nil {
			return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
		conds = append(conds, "(a.source_key IN (SELECT value FROM json_each(?)) OR a.source_text LIKE ? ESCAPE '\\')")
		args = append(args, keys, "%"+likeEscape(q.Source)+"%")
	}
	if q.About != "" {
		keys, err := s.groupKeys(ctx, q.About)
		if err != nil {
			return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
		}
		// about_keys lists the keys of the entities named in the content
		// between tabs
		conds = append(conds, "EXISTS (SELECT 1 FROM json_each(?) g WHERE instr(a.about_keys, char(9) || g.value || char(9)) > 0)")
		args = append(args, keys)
	}
	if q.Story != "" {
		conds = append(conds, "d.story = ?")
		args = append(args, q.Story)
	}
	sqlq := `SELECT d.id, d.source, d.published, a.body FROM attributions a JOIN documents d ON d.rowid = a.doc WHERE d.duplicate_of = ''`
	if len(conds) > 0 {
		sqlq += " AND " + strings.Join(conds, " AND ")
	}
	sqlq += " ORDER BY d.published DESC, d.id, a.idx"
	sqlq += page(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	defer rows.Close()
	out := []dateline.Quote{}
	for rows.Next() {
		var qu dateline.Quote
		var published, body string
		if err := rows.Scan(&qu.ArticleID, &qu.Outlet, &published, &body); err != nil {
			return nil, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		qu.Published, _ = time.Parse(time.RFC3339, published)
		if err := json.Unmarshal([]byte(body), &qu.Attr); err != nil {
			return nil, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		out = append(out, qu)
	}
	return out, rows.Err()
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// IntegrityCheck runs SQLite's integrity check and the FTS5 index check.
func (s *DB) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return &dateline.Error{Kind: dateline.Unavailable, Op: "store: check", Err: err}
	}
	if res != "ok" {
		return dateline.Errorf(dateline.Internal, "store: check", "integrity check: %s", res)
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')"); err != nil {
		return dateline.Errorf(dateline.Internal, "store: check", "full-text index: %v", err)
	}
	return nil
}

// openingWords is the first n words of s, with an ellipsis when cut.
func openingWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return strings.Join(ws, " ")
	}
	return strings.Join(ws[:n], " ") + "…"
}

// page is the LIMIT/OFFSET clause for a page of results; no limit, no clause.
func page(limit, offset int) string {
	if limit <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(offset, 0))
}

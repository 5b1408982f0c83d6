package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Entity groups. A document names its entities on its own evidence, so
// one article's "Barack Obama" (also called "Obama" there) and another's
// plain "Obama" arrive as two names. The store joins a name to the longer
// name it stood for as an alias when the store's own documents agree on
// it: in at least groupMinDocs documents, and in at least groupShare of
// the documents where it was an alias of anything. "Bush", an alias of
// several people, stays its own entity; "Gaddafi", nearly always Muammar
// Gaddafi's, joins him. The groups are worked out from entity_aliases at
// query time, so they follow the store as it grows.
const (
	groupMinDocs = 3
	groupShare   = 0.8
)

// A document that uses two spellings of one alias key ("Gulf", "the
// Gulf") counts twice in the sums below, in the share's numerator and
// its total alike.
//
// canonSQL defines the common table canon(akey, gkey): each name key that
// joins a group, and the group's key. A target that is itself joined to a
// longer name is followed one step further ("obama" → "barack obama" →
// "president barack obama" would end at the last); the lengths grow at
// each step, so there are no cycles.
var canonSQL = fmt.Sprintf(`canon1 AS MATERIALIZED (
	SELECT akey, nkey FROM (
		SELECT akey, nkey, sum(docs) AS d, sum(sum(docs)) OVER (PARTITION BY akey) AS tot,
			row_number() OVER (PARTITION BY akey ORDER BY sum(docs) DESC, nkey) AS rk
		FROM entity_aliases WHERE docs > 0 GROUP BY akey, nkey)
	WHERE rk = 1 AND d >= %d AND d >= %g * tot AND length(nkey) > length(akey)),
canon AS MATERIALIZED (
	SELECT c1.akey, coalesce(c2.nkey, c1.nkey) AS gkey FROM canon1 c1 LEFT JOIN canon1 c2 ON c2.akey = c1.nkey)`,
	groupMinDocs, groupShare)

// groupKeysSQL selects every name key of the group that the key bound to
// its two parameters (the same value twice) belongs to.
var groupKeysSQL = `WITH ` + canonSQL + `,
	g(k) AS (SELECT coalesce((SELECT gkey FROM canon WHERE akey = ?), ?))
	SELECT k FROM g UNION SELECT akey FROM canon WHERE gkey = (SELECT k FROM g)`

// groupKeys returns, as a JSON array, the keys of every name in the group
// of name.
func (s *DB) groupKeys(ctx context.Context, name string) (string, error) {
	k := entityKey(name)
	var keys string
	err := s.db.QueryRowContext(ctx, `SELECT json_group_array(k) FROM (`+groupKeysSQL+`)`, k, k).Scan(&keys)
	return keys, err
}

// entityKey folds a name for matching: ASCII letters in lower case (as
// SQLite's lower() and NOCASE fold them), hyphens as spaces, stops
// dropped and a leading "the " dropped (migration 3 writes the same in
// SQL for stores made before it; TestEntityGroupsMigration holds the two
// equal), so "The Gulf of Mexico" and "Gulf
// of Mexico", "Al-Jazeera" and "Al Jazeera", "U.S." and "US" are one name.
func entityKey(name string) string {
	k := strings.ReplaceAll(strings.ReplaceAll(asciiFold(name), "-", " "), ".", "")
	return strings.TrimPrefix(k, "the ")
}

// asciiFold is s with ASCII letters in lower case, as SQLite's lower()
// and NOCASE fold it (they leave other letters alone).
func asciiFold(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Entities aggregates document entities by group (see canonSQL).
func (s *DB) Entities(ctx context.Context, q dateline.EntityQuery) ([]dateline.EntityStat, error) {
	const op = "store: entities"
	var conds []string
	var args []any
	if q.Type != "" {
		conds = append(conds, "e.type = ?")
		args = append(args, strings.ToUpper(q.Type))
	}
	if q.Name != "" {
		// the group of the name itself, and of every name it was an alias of
		conds = append(conds, `coalesce(c.gkey, e.key) IN (
			SELECT coalesce(c2.gkey, k.k) FROM (SELECT ? AS k UNION SELECT nkey FROM entity_aliases WHERE akey = ?) k
			LEFT JOIN canon c2 ON c2.akey = k.k)`)
		k := entityKey(q.Name)
		args = append(args, k, k)
	}
	sqlq := `WITH ` + canonSQL + `
		SELECT coalesce(c.gkey, e.key) AS g, sum(e.mentions), count(DISTINCT e.doc), min(d.day), max(d.day)
		FROM doc_entities e JOIN documents d ON d.rowid = e.doc AND d.duplicate_of = ''
		LEFT JOIN canon c ON c.akey = e.key`
	if len(conds) > 0 {
		sqlq += " WHERE " + strings.Join(conds, " AND ")
	}
	sqlq += " GROUP BY g ORDER BY count(DISTINCT e.doc) DESC, sum(e.mentions) DESC, g"
	sqlq += page(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	out := []dateline.EntityStat{}
	var keys []string
	for rows.Next() {
		var e dateline.EntityStat
		var g, first, last string
		if err := rows.Scan(&g, &e.Mentions, &e.Documents, &first, &last); err != nil {
			rows.Close()
			return nil, &dateline.Error{Kind: dateline.Internal, Op: op, Err: err}
		}
		e.First, _ = time.Parse(dateline.DateLayout, first)
		e.Last, _ = time.Parse(dateline.DateLayout, last)
		out = append(out, e)
		keys = append(keys, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	if len(out) == 0 {
		return out, nil
	}
	if err := s.describeGroups(ctx, keys, out); err != nil {
		return nil, &dateline.Error{Kind: dateline.Unavailable, Op: op, Err: err}
	}
	return out, nil
}

// describeGroups gives each group of the page its display name, type,
// names and aliases, in one query over the page's groups only: gathering
// them for every group costs more than the aggregation itself.
func (s *DB) describeGroups(ctx context.Context, keys []string, out []dateline.EntityStat) error {
	kj, _ := json.Marshal(keys)
	rows, err := s.db.QueryContext(ctx, `WITH `+canonSQL+`
		SELECT coalesce(c.gkey, e.key) AS g, e.name, e.type, count(DISTINCT e.doc), sum(e.mentions), json_group_array(e.aliases)
		FROM doc_entities e JOIN documents d ON d.rowid = e.doc AND d.duplicate_of = ''
		LEFT JOIN canon c ON c.akey = e.key
		WHERE e.key IN (SELECT value FROM json_each(?1) UNION SELECT akey FROM canon WHERE gkey IN (SELECT value FROM json_each(?1)))
		GROUP BY g, e.name, e.type`, string(kj))
	if err != nil {
		return err
	}
	defer rows.Close()
	type nameRow struct {
		name, typ      string
		docs, mentions int
		aliases        string
	}
	byGroup := map[string][]nameRow{}
	for rows.Next() {
		var g string
		var r nameRow
		if err := rows.Scan(&g, &r.name, &r.typ, &r.docs, &r.mentions, &r.aliases); err != nil {
			return err
		}
		byGroup[g] = append(byGroup[g], r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i, g := range keys {
		if len(byGroup[g]) == 0 {
			// its documents became copies between the two queries
			continue
		}
		names := map[string][2]int{} // documents, mentions by spelling
		types := map[string][2]int{}
		var al []string
		for _, r := range byGroup[g] {
			n := names[r.name]
			names[r.name] = [2]int{n[0] + r.docs, n[1] + r.mentions}
			t := types[r.typ]
			types[r.typ] = [2]int{t[0] + r.docs, t[1] + r.mentions}
			// a JSON array of each document's JSON array of aliases
			var docs []string
			if json.Unmarshal([]byte(r.aliases), &docs) != nil {
				continue
			}
			for _, d := range docs {
				var ls []string
				if json.Unmarshal([]byte(d), &ls) == nil {
					al = append(al, ls...)
				}
			}
		}
		// The name is the spelling most documents use. One of several
		// words all in capitals ("PORT AVERY", from a dateline or a
		// shouted headline) gives way to any other spelling; a single
		// word in capitals does not, since that is how acronyms are
		// written ("BP", "NATO", "U.S.").
		out[i].Name = ranked(names, shouted)[0]
		out[i].Type = ranked(types, nil)[0]
		out[i].Names = ranked(names, nil)
		out[i].Aliases = mergeAliases(out[i].Name, append(out[i].Names, al...))
	}
	return nil
}

func shouted(name string) bool {
	return strings.Contains(name, " ") && strings.ToUpper(name) == name && strings.ToLower(name) != name
}

// ranked lists the keys of m (documents, mentions) by documents, then
// mentions, then key, with those demote reports true after the others.
func ranked(m map[string][2]int, demote func(string) bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if demote != nil {
			if di, dj := demote(out[i]), demote(out[j]); di != dj {
				return dj
			}
		}
		a, b := m[out[i]], m[out[j]]
		if a[0] != b[0] {
			return a[0] > b[0]
		}
		if a[1] != b[1] {
			return a[1] > b[1]
		}
		return out[i] < out[j]
	})
	return out
}

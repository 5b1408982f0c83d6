package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ptb"
)

func init() {
	register(&command{Name: "search", Summary: "full-text search, BM25-ranked, with snippets", Usage: "[--from DATE --to DATE --source S --limit N --json] QUERY", Run: runSearch})
	register(&command{Name: "show", Summary: "one article with its analysis", Usage: "[--json] ID", Run: runShow})
	register(&command{Name: "stats", Summary: "documents, sources, stories and date range in the store", Usage: "[--json]", Run: runStats})
	register(&command{Name: "entities", Summary: "the most covered entities across the store", Usage: "[--type T --top N --json]", Run: runEntities})
	register(&command{Name: "entity", Summary: "one entity: aliases, mentions, the documents", Usage: "[--json] NAME", Run: runEntity})
	register(&command{Name: "quotes", Summary: "who said what, across the store", Usage: "[--source NAME] [--about ENTITY] [--limit N --json]", Run: runQuotes})
}

// parseDay reads a --from/--to value.
func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		return t, usageError{fmt.Sprintf("--%s %q: want a date as YYYY-MM-DD", flag, s)}
	}
	return t, nil
}

// renderSnippet shows the store's highlight marks as bold on a terminal and
// as [brackets] elsewhere.
func renderSnippet(s string, term bool) string {
	open, close := "[", "]"
	if term {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	s = strings.ReplaceAll(s, dateline.HighlightStart, open)
	s = strings.ReplaceAll(s, dateline.HighlightEnd, close)
	return strings.Join(strings.Fields(ptb.Detokenize(s)), " ")
}

func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "search", "[flags] QUERY")
	from := fs.String("from", "", "published on or after `DATE` (YYYY-MM-DD)")
	to := fs.String("to", "", "published on or before `DATE`")
	source := fs.String("source", "", "only this outlet")
	limit := fs.Int("limit", 10, "at most `N` hits")
	offset := fs.Int("offset", 0, "skip the first `N` hits")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"search: give a query"}
	}
	f := dateline.Filter{Query: strings.Join(fs.Args(), " "), Source: *source, Limit: *limit, Offset: *offset}
	var err error
	if f.From, err = parseDay("from", *from); err != nil {
		return err
	}
	if f.To, err = parseDay("to", *to); err != nil {
		return err
	}
	if *limit < 1 || *limit > 1000 {
		return usageError{"search: --limit must be between 1 and 1000"}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Search(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "%d match(es) for %q\n", res.Total, f.Query)
	for i, h := range res.Hits {
		meta := h.Published.Format(dateline.DateLayout)
		if h.Source != "" {
			meta = h.Source + ", " + meta
		}
		if h.Title != "" {
			fmt.Fprintf(env.Stdout, "\n%d. %s  (%s)\n   id: %s\n", f.Offset+i+1, h.Title, meta, h.ID)
		} else {
			fmt.Fprintf(env.Stdout, "\n%d. %s  (%s)\n", f.Offset+i+1, h.ID, meta)
		}
		fmt.Fprintf(env.Stdout, "   %s\n", renderSnippet(h.Snippet, false))
	}
	return nil
}

func runShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "show", "[--json] ID")
	asJSON := fs.Bool("json", false, "print the document JSON")
	raw := fs.Bool("raw", false, "print the text exactly as stored (no detokenising)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"show: give one article id"}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Article(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, a)
	}
	printArticle(env.Stdout, a, *raw)
	return nil
}

func printArticle(w io.Writer, a dateline.Article, raw bool) {
	if a.Title != "" {
		fmt.Fprintf(w, "%s\n", a.Title)
	}
	fmt.Fprintf(w, "id:        %s\n", a.ID)
	fmt.Fprintf(w, "published: %s (from %s)\n", a.Published.Format(dateline.DateLayout), a.PublishedSource)
	if a.Source != "" {
		fmt.Fprintf(w, "outlet:    %s\n", a.Source)
	}
	if a.URL != "" {
		fmt.Fprintf(w, "url:       %s\n", a.URL)
	}
	if a.Story != "" {
		fmt.Fprintf(w, "story:     %s\n", a.Story)
	}
	if a.DuplicateOf != "" {
		fmt.Fprintf(w, "copy of:   %s\n", a.DuplicateOf)
	}
	text := a.Text
	if !raw && ptb.Looks(text) {
		text = ptb.Detokenize(text)
	}
	fmt.Fprintf(w, "\n%s\n", text)
	if len(a.Timexes) > 0 {
		fmt.Fprintf(w, "\ntime expressions (%d):\n", len(a.Timexes))
		for _, t := range a.Timexes {
			fmt.Fprintf(w, "  %-28q %-8s %s\n", t.Text, t.Type, t.Value)
		}
	}
	if len(a.Entities) > 0 {
		fmt.Fprintf(w, "\nentities (%d):\n", len(a.Entities))
		counts := map[string]int{}
		for _, m := range a.Mentions {
			counts[m.Entity]++
		}
		for _, e := range a.Entities {
			aliases := ""
			if len(e.Aliases) > 0 {
				aliases = "  aka " + strings.Join(e.Aliases, ", ")
			}
			fmt.Fprintf(w, "  %-6s %s ×%d%s\n", e.Type, e.Name, counts[e.Name], aliases)
		}
	}
	if len(a.Attributions) > 0 {
		fmt.Fprintf(w, "\nattributions (%d):\n", len(a.Attributions))
		for i, at := range a.Attributions {
			printAttribution(w, i+1, at)
		}
	}
}

// printAttribution prints one attribution; num is its number in the
// article (0 in cross-document lists, where carried-by numbers mean nothing).
func printAttribution(w io.Writer, num int, at dateline.Attribution) {
	src := "(no source)"
	if at.Source != nil {
		src = at.Source.Text
		if at.Source.Entity != "" && at.Source.Entity != at.Source.Text {
			src += " = " + at.Source.Entity
		}
		if at.Source.Anonymous {
			src += " (anonymous)"
		}
	}
	label, carried := "  ", ""
	if num > 0 {
		label = fmt.Sprintf("  #%d ", num)
		if at.CarriedBy != nil {
			carried = fmt.Sprintf("  [carried by #%d]", *at.CarriedBy+1)
		}
	} else if at.CarriedBy != nil {
		carried = "  [as reported by another source]"
	}
	fmt.Fprintf(w, "%s%s — %q (%s)%s\n      %s\n", label, src, at.Cue.Text, at.Kind, carried, clip(oneLine(at.Content.Text), 160))
}

func oneLine(s string) string { return strings.Join(strings.Fields(ptb.Detokenize(s)), " ") }

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func runStats(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "stats", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, s)
	}
	fmt.Fprintf(env.Stdout, "documents:   %d (%d near-duplicate copies)\n", s.Documents, s.Duplicates)
	fmt.Fprintf(env.Stdout, "sources:     %d\n", s.Sources)
	fmt.Fprintf(env.Stdout, "stories:     %d\n", s.Stories)
	fmt.Fprintf(env.Stdout, "entities:    %d\n", s.Entities)
	if s.Documents > 0 {
		fmt.Fprintf(env.Stdout, "date range:  %s to %s\n", s.First.Format(dateline.DateLayout), s.Last.Format(dateline.DateLayout))
	}
	type kv struct {
		k string
		v int
	}
	var top []kv
	for k, v := range s.BySource {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	if len(top) > 0 {
		fmt.Fprintln(env.Stdout, "top sources:")
		for _, t := range top[:min(10, len(top))] {
			name := t.k
			if name == "" {
				name = "(none)"
			}
			fmt.Fprintf(env.Stdout, "  %6d  %s\n", t.v, name)
		}
	}
	return nil
}

func runEntities(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "entities", "[flags]")
	typ := fs.String("type", "", "only PERSON, ORG, LOC or MEDIA")
	top := fs.Int("top", 20, "at most `N` entities")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch strings.ToUpper(*typ) {
	case "", dateline.EntityPerson, dateline.EntityOrg, dateline.EntityLoc, dateline.EntityMedia:
	default:
		return usageError{fmt.Sprintf("entities: --type %q: want PERSON, ORG, LOC or MEDIA", *typ)}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	es, err := st.Entities(ctx, dateline.EntityQuery{Type: *typ, Limit: *top})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, es)
	}
	for _, e := range es {
		fmt.Fprintf(env.Stdout, "%-6s %-32s %4d docs %5d mentions  %s – %s\n", e.Type, e.Name, e.Documents, e.Mentions, e.First.Format(dateline.DateLayout), e.Last.Format(dateline.DateLayout))
	}
	return nil
}

func runEntity(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "entity", "[--json] NAME")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "list at most `N` documents")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"entity: give a name"}
	}
	name := strings.Join(fs.Args(), " ")
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	es, err := st.Entities(ctx, dateline.EntityQuery{Name: name})
	if err != nil {
		return err
	}
	if len(es) == 0 {
		return dateline.Errorf(dateline.NotFound, "entity", "no entity named %q (try 'dateline entities')", name)
	}
	type docRef struct {
		ID        string `json:"id"`
		Title     string `json:"title,omitempty"`
		Source    string `json:"source,omitempty"`
		Published string `json:"published"`
	}
	type out struct {
		dateline.EntityStat
		Articles []docRef `json:"articles"`
	}
	var res []out
	for _, e := range es {
		o := out{EntityStat: e, Articles: []docRef{}}
		err := st.Articles(ctx, dateline.Filter{Entity: e.Name, Limit: *limit, Parts: dateline.PartNone}, func(a dateline.Article) error {
			o.Articles = append(o.Articles, docRef{a.ID, a.Title, a.Source, a.Published.Format(dateline.DateLayout)})
			return nil
		})
		if err != nil {
			return err
		}
		res = append(res, o)
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	for _, o := range res {
		fmt.Fprintf(env.Stdout, "%s (%s)\n", o.Name, o.Type)
		if len(o.Aliases) > 0 {
			fmt.Fprintf(env.Stdout, "  aliases:  %s\n", strings.Join(o.Aliases, ", "))
		}
		fmt.Fprintf(env.Stdout, "  mentions: %d in %d document(s), %s to %s\n", o.Mentions, o.Documents, o.First.Format(dateline.DateLayout), o.Last.Format(dateline.DateLayout))
		for _, d := range o.Articles {
			fmt.Fprintf(env.Stdout, "  %s  %-24s %s\n", d.Published, clip(d.Source, 24), clip(orID(d.Title, d.ID), 90))
		}
	}
	return nil
}

func orID(title, id string) string {
	if title != "" {
		return title
	}
	return id
}

func runQuotes(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "quotes", "[flags]")
	source := fs.String("source", "", "only what `NAME` said or reported")
	about := fs.String("about", "", "only quotes naming `ENTITY`")
	story := fs.String("story", "", "only in story `ID`")
	limit := fs.Int("limit", 50, "at most `N` quotes")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, err := st.Quotes(ctx, dateline.QuoteQuery{Source: *source, About: *about, Story: *story, Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, qs)
	}
	for _, q := range qs {
		outlet := q.Outlet
		if outlet == "" {
			outlet = "unknown outlet"
		}
		fmt.Fprintf(env.Stdout, "%s  %s  [%s]\n", q.Published.Format(dateline.DateLayout), outlet, q.ArticleID)
		printAttribution(env.Stdout, 0, q.Attr)
	}
	if len(qs) == 0 {
		fmt.Fprintln(env.Stdout, "no quotes found")
	}
	return nil
}

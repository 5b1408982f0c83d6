// Package storetest is the conformance suite every dateline.Store passes.
// Each implementation's test calls Run with a function that opens a fresh,
// empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
)

// Run checks st's behaviour against the contract in dateline.Store.
func Run(t *testing.T, open func(t *testing.T) dateline.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st dateline.Store)
	}{
		{"PutGetRoundTrip", testRoundTrip},
		{"PutIsIdempotent", testIdempotent},
		{"NotFound", testNotFound},
		{"SearchRanksAndFilters", testSearch},
		{"SearchBadQuery", testSearchBadQuery},
		{"ArticlesFilter", testArticles},
		{"StoriesAndDuplicates", testStories},
		{"EntitiesAndQuotes", testEntitiesQuotes},
		{"EntityGroups", testEntityGroups},
		{"Stats", testStats},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := open(t)
			defer st.Close()
			tt.fn(t, st)
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture is a small world: two outlets, one syndicated copy, entities and an attribution.
func fixture() []dateline.Article {
	text1 := "Jeff Sessions offered his resignation, Politico reports. \"I have not had that discussion,\" Sean Spicer told reporters."
	a1 := dateline.Article{
		Document: dateline.Document{ID: "a1", Source: "politico", Title: "Sessions offered to resign", URL: "https://example.com/a1",
			Published: day("2017-06-06"), PublishedSource: dateline.DateFromHeader, Text: text1},
		Analysis: dateline.Analysis{
			Sentences: []dateline.Span{{Start: 0, End: 56}, {Start: 57, End: len(text1)}},
			Mentions: []dateline.Mention{
				{Start: 0, End: 13, Text: "Jeff Sessions", Type: dateline.EntityPerson, Entity: "Jeff Sessions"},
				{Start: 39, End: 47, Text: "Politico", Type: dateline.EntityMedia, Entity: "Politico"},
			},
			Entities: []dateline.Entity{{Name: "Jeff Sessions", Type: dateline.EntityPerson, Aliases: []string{"Sessions"}}, {Name: "Politico", Type: dateline.EntityMedia}},
			Attributions: []dateline.Attribution{{
				Source:  &dateline.AttrSpan{Start: 39, End: 47, Text: "Politico", Entity: "Politico"},
				Cue:     dateline.AttrSpan{Start: 48, End: 55, Text: "reports"},
				Content: dateline.AttrSpan{Start: 0, End: 37, Text: "Jeff Sessions offered his resignation"},
				Kind:    dateline.Indirect,
			}},
		},
	}
	a2 := dateline.Article{Document: dateline.Document{ID: "a2", Source: "post", Title: "Budget talks stall", Published: day("2017-06-07"),
		Text: "Budget talks stalled in the Senate on Tuesday as senators argued over the deficit."}}
	a3 := dateline.Article{Document: dateline.Document{ID: "a3", Source: "wire", Title: "Sessions offered resignation, report says", Published: day("2017-06-08"),
		Text: "Attorney General Jeff Sessions offered his resignation to the president, a report says."},
		Analysis: dateline.Analysis{Entities: []dateline.Entity{{Name: "Jeff Sessions", Type: dateline.EntityPerson, Aliases: []string{"Attorney General Jeff Sessions"}}},
			Mentions: []dateline.Mention{{Start: 17, End: 30, Text: "Jeff Sessions", Type: dateline.EntityPerson, Entity: "Jeff Sessions"}}}}
	return []dateline.Article{a1, a2, a3}
}

func mustPut(t *testing.T, st dateline.Store, as []dateline.Article) int {
	t.Helper()
	n, err := st.Put(context.Background(), as)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return n
}

func testRoundTrip(t *testing.T, st dateline.Store) {
	in := fixture()
	if n := mustPut(t, st, in); n != len(in) {
		t.Fatalf("Put added %d, want %d", n, len(in))
	}
	got, err := st.Article(context.Background(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != in[0].Text || got.Title != in[0].Title || !got.Published.Equal(in[0].Published) || got.PublishedSource != dateline.DateFromHeader {
		t.Errorf("round trip changed the document: %+v", got.Document)
	}
	if len(got.Attributions) != 1 || got.Attributions[0].Source.Entity != "Politico" || len(got.Mentions) != 2 || len(got.Sentences) != 2 {
		t.Errorf("round trip lost the analysis: %+v", got.Analysis)
	}
}

func testIdempotent(t *testing.T, st dateline.Store) {
	mustPut(t, st, fixture())
	if n := mustPut(t, st, fixture()); n != 0 {
		t.Errorf("re-putting the same articles added %d, want 0", n)
	}
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 3 {
		t.Errorf("documents = %d after re-put, want 3", s.Documents)
	}
	has, err := st.Has(context.Background(), []string{"a1", "zz", "a3"})
	if err != nil {
		t.Fatal(err)
	}
	if !has["a1"] || !has["a3"] || has["zz"] {
		t.Errorf("Has = %v", has)
	}
}

func testNotFound(t *testing.T, st dateline.Store) {
	_, err := st.Article(context.Background(), "missing")
	if dateline.ErrorKind(err) != dateline.NotFound {
		t.Errorf("Article(missing) error = %v, want NotFound", err)
	}
	_, err = st.Story(context.Background(), "missing")
	if dateline.ErrorKind(err) != dateline.NotFound {
		t.Errorf("Story(missing) error = %v, want NotFound", err)
	}
}

func testSearch(t *testing.T, st dateline.Store) {
	mustPut(t, st, fixture())
	ctx := context.Background()
	res, err := st.Search(ctx, dateline.Filter{Query: "resignation"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("search resignation: total %d hits %d, want 2", res.Total, len(res.Hits))
	}
	if !strings.Contains(res.Hits[0].Snippet, dateline.HighlightStart) {
		t.Errorf("snippet %q has no highlight", res.Hits[0].Snippet)
	}
	// Stemming: "resign" finds "resignation"? Porter maps both to "resign".
	res, err = st.Search(ctx, dateline.Filter{Query: "resigning"})
	if err != nil || res.Total != 2 {
		t.Errorf("stemmed search: %d, %v; want 2", res.Total, err)
	}
	res, err = st.Search(ctx, dateline.Filter{Query: "resignation", Source: "wire"})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a3" {
		t.Errorf("source filter: %+v, %v", res, err)
	}
	res, err = st.Search(ctx, dateline.Filter{Query: "resignation", From: day("2017-06-07"), To: day("2017-06-30")})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a3" {
		t.Errorf("date filter: %+v, %v", res, err)
	}
	res, err = st.Search(ctx, dateline.Filter{Query: "senate OR politico"})
	if err != nil || res.Total != 2 {
		t.Errorf("OR query: %+v, %v", res, err)
	}
	res, err = st.Search(ctx, dateline.Filter{Query: `"offered his resignation"`, Limit: 1})
	if err != nil || res.Total != 2 || len(res.Hits) != 1 {
		t.Errorf("phrase with limit: %+v, %v", res, err)
	}
}

func testSearchBadQuery(t *testing.T, st dateline.Store) {
	mustPut(t, st, fixture())
	for _, q := range []string{"", "   ", "\"", "*:()", "OR"} {
		_, err := st.Search(context.Background(), dateline.Filter{Query: q})
		if dateline.ErrorKind(err) != dateline.Invalid {
			t.Errorf("Search(%q) error = %v, want Invalid", q, err)
		}
	}
	// Punctuation inside words must not break the FTS syntax.
	if _, err := st.Search(context.Background(), dateline.Filter{Query: `attorney-general "AND" NEAR(x) col:val`}); err != nil {
		t.Errorf("punctuated query failed: %v", err)
	}
}

func ids(t *testing.T, st dateline.Store, f dateline.Filter) []string {
	t.Helper()
	var out []string
	err := st.Articles(context.Background(), f, func(a dateline.Article) error {
		out = append(out, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func testArticles(t *testing.T, st dateline.Store) {
	mustPut(t, st, fixture())
	if got := fmt.Sprint(ids(t, st, dateline.Filter{})); got != "[a1 a2 a3]" {
		t.Errorf("all articles = %s", got)
	}
	if got := fmt.Sprint(ids(t, st, dateline.Filter{Query: "sessions"})); got != "[a1 a3]" {
		t.Errorf("query articles = %s", got)
	}
	if got := fmt.Sprint(ids(t, st, dateline.Filter{Entity: "jeff sessions"})); got != "[a1 a3]" {
		t.Errorf("entity articles = %s", got)
	}
	var got dateline.Article
	err := st.Articles(context.Background(), dateline.Filter{Query: "politico", Parts: dateline.PartSentences | dateline.PartMentions}, func(a dateline.Article) error {
		got = a
		return nil
	})
	if err != nil || got.ID != "a1" || len(got.Sentences) != 2 || len(got.Mentions) != 2 || got.Attributions != nil || got.Entities != nil {
		t.Errorf("Articles with Parts read %+v, %v", got.Analysis, err)
	}
	err = st.Articles(context.Background(), dateline.Filter{Query: "politico", Parts: dateline.PartNone}, func(a dateline.Article) error {
		got = a
		return nil
	})
	if err != nil || got.Text == "" || got.Sentences != nil || got.Mentions != nil {
		t.Errorf("Articles with PartNone read %+v, %v", got, err)
	}
	cov, err := st.Coverage(context.Background(), dateline.Filter{IncludeDuplicates: true})
	if err != nil || len(cov) != 3 || cov["2017-06-06"] != 1 {
		t.Errorf("Coverage = %v, %v", cov, err)
	}
	cov, err = st.Coverage(context.Background(), dateline.Filter{Query: "sessions"})
	if err != nil || len(cov) != 2 || cov["2017-06-07"] != 0 {
		t.Errorf("Coverage of a query = %v, %v", cov, err)
	}
	stop := errors.New("stop")
	n := 0
	err = st.Articles(context.Background(), dateline.Filter{}, func(dateline.Article) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("callback error not returned: %v after %d", err, n)
	}
}

func testStories(t *testing.T, st dateline.Store) {
	mustPut(t, st, fixture())
	ctx := context.Background()
	story := dateline.Story{ID: "s1", Label: "Sessions resignation", First: day("2017-06-06"), Last: day("2017-06-08"), Articles: 2, Outlets: 2}
	err := st.Assign(ctx, []dateline.Assignment{{ArticleID: "a1", Story: "s1"}, {ArticleID: "a3", Story: "s1", DuplicateOf: "a1"}}, []dateline.Story{story})
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Story(ctx, "s1")
	if err != nil || got.Label != story.Label || got.Articles != 2 || !got.First.Equal(story.First) {
		t.Errorf("Story = %+v, %v", got, err)
	}
	a3, _ := st.Article(ctx, "a3")
	if a3.Story != "s1" || a3.DuplicateOf != "a1" {
		t.Errorf("a3 links = story %q dup %q", a3.Story, a3.DuplicateOf)
	}
	if got := fmt.Sprint(ids(t, st, dateline.Filter{Story: "s1"})); got != "[a1]" {
		t.Errorf("story articles without duplicates = %s", got)
	}
	if got := fmt.Sprint(ids(t, st, dateline.Filter{Story: "s1", IncludeDuplicates: true})); got != "[a1 a3]" {
		t.Errorf("story articles with duplicates = %s", got)
	}
	// Empty fields leave what is stored.
	if err := st.Assign(ctx, []dateline.Assignment{{ArticleID: "a3"}}, nil); err != nil {
		t.Fatal(err)
	}
	if a3, _ := st.Article(ctx, "a3"); a3.Story != "s1" || a3.DuplicateOf != "a1" {
		t.Errorf("empty assignment changed a3: story %q dup %q", a3.Story, a3.DuplicateOf)
	}
	list, err := st.Stories(ctx, dateline.StoryQuery{From: day("2017-06-07")})
	if err != nil || len(list) != 1 {
		t.Errorf("Stories = %v, %v", list, err)
	}
	if list, _ := st.Stories(ctx, dateline.StoryQuery{From: day("2017-07-01")}); len(list) != 0 {
		t.Errorf("Stories after the story's last day = %v", list)
	}
	if err := st.ResetStories(ctx); err != nil {
		t.Fatal(err)
	}
	if list, _ := st.Stories(ctx, dateline.StoryQuery{}); len(list) != 0 {
		t.Errorf("stories after reset = %v", list)
	}
}

func testEntitiesQuotes(t *testing.T, st dateline.Store) {
	mustPut(t, st, fixture())
	ctx := context.Background()
	es, err := st.Entities(ctx, dateline.EntityQuery{Type: "person"})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Name != "Jeff Sessions" || es[0].Documents != 2 {
		t.Fatalf("person entities = %+v", es)
	}
	if !es[0].First.Equal(day("2017-06-06")) || !es[0].Last.Equal(day("2017-06-08")) ||
		strings.Join(es[0].Aliases, "|") != "Attorney General Jeff Sessions|Sessions" {
		t.Errorf("entity dates/aliases = %+v", es[0])
	}
	byAlias, err := st.Entities(ctx, dateline.EntityQuery{Name: "sessions"})
	if err != nil || len(byAlias) != 1 || byAlias[0].Name != "Jeff Sessions" {
		t.Errorf("entity by alias = %+v, %v", byAlias, err)
	}
	qs, err := st.Quotes(ctx, dateline.QuoteQuery{Source: "politico"})
	if err != nil || len(qs) != 1 || qs[0].ArticleID != "a1" || qs[0].Attr.Cue.Text != "reports" {
		t.Errorf("quotes by Politico = %+v, %v", qs, err)
	}
	qs, err = st.Quotes(ctx, dateline.QuoteQuery{About: "Jeff Sessions"})
	if err != nil || len(qs) != 1 {
		t.Errorf("quotes about Sessions = %+v, %v", qs, err)
	}
	qs, err = st.Quotes(ctx, dateline.QuoteQuery{Source: "100%_"})
	if err != nil || len(qs) != 0 {
		t.Errorf("LIKE wildcards not escaped: %+v, %v", qs, err)
	}
}

func testStats(t *testing.T, st dateline.Store) {
	ctx := context.Background()
	s, err := st.Stats(ctx)
	if err != nil || s.Documents != 0 {
		t.Fatalf("empty stats = %+v, %v", s, err)
	}
	mustPut(t, st, fixture())
	s, err = st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 3 || s.Sources != 3 || !s.First.Equal(day("2017-06-06")) || !s.Last.Equal(day("2017-06-08")) || s.BySource["wire"] != 1 {
		t.Errorf("stats = %+v", s)
	}
}

// groupFixture: six documents call the president "Barack Obama" with the
// alias "Obama" and three name only "Obama" (one quoting him); "Bush"
// stands for two people; "BP" is spelt "Bp" once (a title-cased
// headline); the gulf is "The Gulf of Mexico" in one document, and Al
// Jazeera is hyphenated in one.
func groupFixture() []dateline.Article {
	var as []dateline.Article
	add := func(id string, d string, es ...dateline.Entity) *dateline.Article {
		a := dateline.Article{Document: dateline.Document{ID: id, Source: "wire", Published: day(d), Text: "text of " + id}}
		a.Entities = es
		for _, e := range es {
			a.Mentions = append(a.Mentions, dateline.Mention{Start: 0, End: 4, Text: e.Name, Type: e.Type, Entity: e.Name})
		}
		as = append(as, a)
		return &as[len(as)-1]
	}
	person := func(name string, aliases ...string) dateline.Entity {
		return dateline.Entity{Name: name, Type: dateline.EntityPerson, Aliases: aliases}
	}
	org := func(name string) dateline.Entity { return dateline.Entity{Name: name, Type: dateline.EntityOrg} }
	for i := 0; i < 6; i++ {
		add(fmt.Sprint("full", i), "2010-05-0"+fmt.Sprint(i+1), person("Barack Obama", "Obama", "OBAMA"))
	}
	for i := 0; i < 3; i++ {
		add(fmt.Sprint("short", i), "2010-06-0"+fmt.Sprint(i+1), person("Obama"))
	}
	q := add("quote", "2010-06-09", person("Obama"))
	q.Attributions = []dateline.Attribution{{
		Source:  &dateline.AttrSpan{Start: 0, End: 5, Text: "Obama", Entity: "Obama"},
		Cue:     dateline.AttrSpan{Start: 6, End: 10, Text: "said"},
		Content: dateline.AttrSpan{Start: 11, End: 20, Text: "the well was capped"},
		Kind:    dateline.Indirect,
	}}
	for i := 0; i < 3; i++ {
		add(fmt.Sprint("gwb", i), "2004-01-0"+fmt.Sprint(i+1), person("George W. Bush", "Bush"))
		add(fmt.Sprint("jeb", i), "2015-01-0"+fmt.Sprint(i+1), person("Jeb Bush", "Bush"))
	}
	add("bush", "2016-01-01", person("Bush"))
	for i := 0; i < 3; i++ {
		add(fmt.Sprint("bp", i), "2010-04-2"+fmt.Sprint(i+1), org("BP"))
	}
	add("bp-headline", "2010-04-25", org("Bp"))
	add("gulf1", "2010-04-26", dateline.Entity{Name: "Gulf of Mexico", Type: dateline.EntityLoc})
	add("gulf2", "2010-04-27", dateline.Entity{Name: "The Gulf of Mexico", Type: dateline.EntityLoc})
	ab := add("about", "2010-06-10", dateline.Entity{Name: "Congress", Type: dateline.EntityOrg}, person("Obama", "president --"))
	ab.Text = "Congress said Obama would sign it."
	ab.Mentions = []dateline.Mention{{Start: 0, End: 8, Text: "Congress", Type: dateline.EntityOrg, Entity: "Congress"},
		{Start: 14, End: 19, Text: "Obama", Type: dateline.EntityPerson, Entity: "Obama"}}
	ab.Attributions = []dateline.Attribution{{
		Source:  &dateline.AttrSpan{Start: 0, End: 8, Text: "Congress", Entity: "Congress"},
		Cue:     dateline.AttrSpan{Start: 9, End: 13, Text: "said"},
		Content: dateline.AttrSpan{Start: 14, End: 33, Text: "Obama would sign it"},
		Kind:    dateline.Indirect,
	}}
	add("aj1", "2011-02-01", dateline.Entity{Name: "Al Jazeera", Type: dateline.EntityMedia})
	add("aj2", "2011-02-02", dateline.Entity{Name: "Al-Jazeera", Type: dateline.EntityMedia})
	return as
}

func testEntityGroups(t *testing.T, st dateline.Store) {
	mustPut(t, st, groupFixture())
	ctx := context.Background()
	all, err := st.Entities(ctx, dateline.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]dateline.EntityStat{}
	for _, e := range all {
		got[e.Name] = e
	}
	if o, ok := got["Barack Obama"]; !ok || o.Documents != 11 || strings.Join(o.Names, "|") != "Barack Obama|Obama" || strings.Join(o.Aliases, "|") != "Obama|president" {
		t.Errorf("Barack Obama = %+v (present %v), want 11 documents under the names Barack Obama, Obama, aliases Obama, president", o, ok)
	} else if !o.First.Equal(day("2010-05-01")) || !o.Last.Equal(day("2010-06-10")) {
		t.Errorf("Barack Obama dates %v – %v", o.First, o.Last)
	}
	if _, ok := got["Obama"]; ok {
		t.Errorf("Obama listed apart from Barack Obama: %+v", all)
	}
	for _, name := range []string{"George W. Bush", "Jeb Bush", "Bush"} {
		if e, ok := got[name]; !ok || len(e.Names) != 1 {
			t.Errorf("%s = %+v (present %v), want its own entity: Bush is two people's alias", name, e, ok)
		}
	}
	if e, ok := got["BP"]; !ok || e.Documents != 4 {
		t.Errorf("BP = %+v (present %v), want the acronym's spelling over \"Bp\", 4 documents", e, ok)
	}
	if e := got["Gulf of Mexico"]; e.Documents != 2 {
		t.Errorf("Gulf of Mexico = %+v, want \"The Gulf of Mexico\" folded in", e)
	}
	if e := got["Al Jazeera"]; e.Documents != 2 {
		t.Errorf("Al Jazeera = %+v, want \"Al-Jazeera\" folded in", e)
	}
	if s, err := st.Stats(ctx); err != nil || s.Entities != 8 {
		t.Errorf("Stats.Entities = %d, %v; want 8 (Barack Obama, George W. Bush, Jeb Bush, Bush, BP, Gulf of Mexico, Al Jazeera, Congress)", s.Entities, err)
	}
	// every way in reaches the group
	for _, name := range []string{"Obama", "barack obama"} {
		es, err := st.Entities(ctx, dateline.EntityQuery{Name: name, Limit: 1})
		if err != nil || len(es) != 1 || es[0].Name != "Barack Obama" {
			t.Errorf("Entities(Name %q) = %+v, %v", name, es, err)
		}
	}
	n := 0
	if err := st.Articles(ctx, dateline.Filter{Entity: "Barack Obama"}, func(dateline.Article) error { n++; return nil }); err != nil || n != 11 {
		t.Errorf("articles of Barack Obama = %d, %v; want 11", n, err)
	}
	qs, err := st.Quotes(ctx, dateline.QuoteQuery{About: "Barack Obama"})
	if err != nil || len(qs) != 1 || qs[0].ArticleID != "about" {
		t.Errorf("quotes about Barack Obama = %+v, %v; want the one about \"Obama\"", qs, err)
	}
	qs, err = st.Quotes(ctx, dateline.QuoteQuery{Source: "Barack Obama"})
	if err != nil || len(qs) != 1 || qs[0].ArticleID != "quote" {
		t.Errorf("quotes by Barack Obama = %+v, %v; want the one whose source is \"Obama\"", qs, err)
	}
	n = 0
	if err := st.Articles(ctx, dateline.Filter{Entity: "Jeb Bush"}, func(dateline.Article) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("articles of Jeb Bush = %d, %v; want 3", n, err)
	}
}

package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/store/sqlite"
)

// The hand-made fixture: a few analysed articles whose every span is found
// by searching the text, so the offsets are right by construction. The
// sample corpus run through the real pipeline is in sample_test.go; this one
// pins shapes the handlers must cope with (slashes in ids, a syndicated
// copy, nested spans, hostile text) independently of what the analysis
// stages happen to find.

const xssTitle = `<script>window.__xss=1</script>Breaking <img src=x onerror="window.__xss=2">`

type fx struct {
	doc   dateline.Document
	ents  [][3]string // text, type, entity
	times [][3]string // text, type, value
	attrs [][4]string // source, cue, content, kind
	story string
	dup   string
}

func span(t testing.TB, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	return i, i + len(sub)
}

func (f fx) article(t testing.TB) dateline.Article {
	a := dateline.Article{Document: f.doc, Story: f.story, DuplicateOf: f.dup}
	text := a.Text
	a.Sentences = []dateline.Span{}
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			a.Sentences = append(a.Sentences, dateline.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	seen := map[string]bool{}
	for _, e := range f.ents {
		s, en := span(t, text, e[0])
		a.Mentions = append(a.Mentions, dateline.Mention{Start: s, End: en, Text: e[0], Type: e[1], Entity: e[2]})
		if !seen[e[2]] {
			seen[e[2]] = true
			ent := dateline.Entity{Name: e[2], Type: e[1]}
			if e[0] != e[2] {
				ent.Aliases = []string{e[0]}
			}
			a.Entities = append(a.Entities, ent)
		}
	}
	for _, x := range f.times {
		s, e := span(t, text, x[0])
		a.Timexes = append(a.Timexes, dateline.Timex{Start: s, End: e, Text: x[0], Type: x[1], Value: x[2]})
	}
	for _, at := range f.attrs {
		ss, se := span(t, text, at[0])
		cs, ce := span(t, text, at[1])
		ks, ke := span(t, text, at[2])
		src := &dateline.AttrSpan{Start: ss, End: se, Text: at[0]}
		for _, e := range f.ents {
			if strings.Contains(at[0], e[0]) {
				src.Entity = e[2]
			}
		}
		if strings.HasPrefix(strings.ToLower(at[0]), "people") {
			src.Anonymous = true
		}
		a.Attributions = append(a.Attributions, dateline.Attribution{Source: src,
			Cue: dateline.AttrSpan{Start: cs, End: ce, Text: at[1]}, Content: dateline.AttrSpan{Start: ks, End: ke, Text: at[2]}, Kind: at[3]})
	}
	return a
}

func day(s string) time.Time {
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var fixtures = []fx{
	{
		doc: dateline.Document{ID: "water/2017-06-05/001", Source: "harlow_gazette", Title: "Residents report brown tap water",
			Published: day("2017-06-05"), PublishedSource: "folder", URL: "https://example.com/water/1",
			Text: "Residents of Eastgate reported brown water on Sunday. \"It smells like paint,\" said Maria Lopez. The Harlow Falls Water Authority said it was testing the supply."},
		ents:  [][3]string{{"Eastgate", "LOC", "Eastgate"}, {"Maria Lopez", "PERSON", "Maria Lopez"}, {"Harlow Falls Water Authority", "ORG", "Harlow Falls Water Authority"}},
		times: [][3]string{{"on Sunday", "DATE", "2017-06-04"}},
		attrs: [][4]string{{"Maria Lopez", "said", "It smells like paint,", "direct"}, {"The Harlow Falls Water Authority", "said", "it was testing the supply", "indirect"}},
		story: "s-water",
	},
	{
		doc: dateline.Document{ID: "wire-0002", Source: "capital_wire", Title: "Solvent found at 12 times federal limit",
			Published: day("2017-06-07"), PublishedSource: "json:date",
			Text: "Tests found a solvent at 12 times the federal limit in Harlow Falls, the Water Authority said on Tuesday. People familiar with the tests said the leak began weeks ago."},
		ents:  [][3]string{{"Harlow Falls", "LOC", "Harlow Falls"}, {"Water Authority", "ORG", "Harlow Falls Water Authority"}},
		times: [][3]string{{"on Tuesday", "DATE", "2017-06-06"}, {"weeks", "DURATION", "PXW"}},
		attrs: [][4]string{{"the Water Authority", "said", "Tests found a solvent at 12 times the federal limit in Harlow Falls", "indirect"}, {"People familiar with the tests", "said", "the leak began weeks ago", "indirect"}},
		story: "s-water",
	},
	{
		doc: dateline.Document{ID: "wire-0002-copy", Source: "valley_times", Title: "Solvent found at 12 times federal limit",
			Published: day("2017-06-07"), PublishedSource: "json:date",
			Text: "Tests found a solvent at 12 times the federal limit in Harlow Falls, the Water Authority said on Tuesday. People familiar with the tests said the leak began weeks ago."},
		story: "s-water", dup: "wire-0002",
	},
	{
		doc: dateline.Document{ID: "strike/2017-06-09/a", Source: "port_avery_post", Title: "Machinists strike at Kestrel",
			Published: day("2017-06-09"), PublishedSource: "header",
			Text: "About 6,200 machinists walked out at Kestrel Aerospace on Friday. \"We built this company,\" said Dan Okafor."},
		ents:  [][3]string{{"Kestrel Aerospace", "ORG", "Kestrel Aerospace"}, {"Dan Okafor", "PERSON", "Dan Okafor"}},
		times: [][3]string{{"on Friday", "DATE", "2017-06-09"}},
		attrs: [][4]string{{"Dan Okafor", "said", "We built this company,", "direct"}},
		story: "s-strike",
	},
	{
		doc: dateline.Document{ID: "xss-1", Source: `evil"><script>window.__xss=3</script>`, Title: xssTitle,
			Published: day("2017-06-08"), PublishedSource: "json:date", URL: "javascript:window.__xss=4",
			Text: `Harlow Falls <script>window.__xss=5</script> water <img src=x onerror="window.__xss=6"> <a href="javascript:window.__xss=7">click</a> <svg onload="window.__xss=8"></svg> said nobody.`},
		ents:  [][3]string{{"Harlow Falls", "LOC", "Harlow Falls"}, {`<script>window.__xss=5</script>`, "PERSON", `<img src=x onerror="window.__xss=9">`}},
		story: "s-water",
	},
}

var fixtureStories = []dateline.Story{
	{ID: "s-water", Label: "Harlow Falls water contamination", First: day("2017-06-05"), Last: day("2017-06-08"), Articles: 4, Outlets: 4},
	{ID: "s-strike", Label: "Kestrel machinists strike", First: day("2017-06-09"), Last: day("2017-06-09"), Articles: 1, Outlets: 1},
}

// fixtureStore opens a fresh SQLite store holding the fixture.
func fixtureStore(t testing.TB) dateline.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var arts []dateline.Article
	var as []dateline.Assignment
	for _, f := range fixtures {
		a := f.article(t)
		arts = append(arts, a)
		as = append(as, dateline.Assignment{ArticleID: a.ID, Story: f.story, DuplicateOf: f.dup})
	}
	if _, err := st.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := st.Assign(ctx, as, fixtureStories); err != nil {
		t.Fatal(err)
	}
	return st
}

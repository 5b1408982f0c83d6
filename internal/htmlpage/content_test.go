package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

const prose1 = `The council voted on Tuesday to rebuild the old stone bridge over the river, which has been closed to traffic since the spring floods damaged two of its arches.`
const prose2 = `Engineers estimate that the repairs will take eighteen months, and the ferry that has carried commuters across the river since April will keep running until then.`
const prose3 = `Residents of the east bank, who have faced a detour of twenty kilometres, welcomed the decision but asked the council to publish a timetable for the works.`

func TestMainText(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		keep, drop []string
	}{
		{
			name: "article among furniture",
			body: `<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies to give you the best experience on our website, and by continuing to browse you agree to our use of them.</div>
<div class="layout"><article><h1>Bridge to be rebuilt</h1><p>` + prose1 + `</p><h2>Timetable</h2><p>` + prose2 + `</p><p>` + prose3 + `</p></article>
<div class="sidebar"><p>Our newsletter brings you the best stories of the week, every Friday morning, straight to your inbox, for free and without advertising.</p></div>
<section class="comments"><p>I have waited for this bridge for years and I cannot believe it is finally happening, thank you to everybody who signed the petition.</p></section></div>
<footer>© Valley News</footer>`,
			keep: []string{prose1, "Timetable", prose2, prose3},
			drop: []string{"Home", "cookies", "newsletter", "petition", "Valley News"},
		},
		{
			name: "an aside left open around the article is kept",
			body: `<aside class="content-wrap"><div><p>` + prose1 + `</p><p>` + prose2 + `</p></div></aside><div class="x"><a href="/a">Sport</a> <a href="/b">Weather</a></div>`,
			keep: []string{prose1, prose2},
			drop: []string{"Sport"},
		},
		{
			name: "a wrapper named for its sidebar that holds the article is kept",
			body: `<div class="page page--with-sidebar"><div class="story"><p>` + prose1 + `</p><p>` + prose2 + `</p><p>` + prose3 + `</p></div>
<div class="widgets"><p>A short note about the site.</p></div></div>`,
			keep: []string{prose1, prose2, prose3},
		},
		{
			name: "block__element meta of the article is pruned",
			body: `<article class="article"><ul class="article__meta"><li>published: today</li><li>by the desk</li></ul><p>` + prose1 + `</p><p>` + prose2 + `</p></article>`,
			keep: []string{prose1, prose2},
			drop: []string{"published: today", "by the desk"},
		},
		{
			name: "a heading over a list of links goes with the links",
			body: `<div class="main"><p>` + prose1 + `</p><p>` + prose2 + `</p><h3>Most read</h3><ul><li><a href="/1">Storm closes the harbour</a></li><li><a href="/2">Mayor resigns after vote</a></li></ul></div>`,
			keep: []string{prose1, prose2},
			drop: []string{"Most read", "Storm closes the harbour"},
		},
		{
			name: "headings, list items and quotes keep their shape",
			body: `<div><p>` + prose1 + `</p><h2>What happens next</h2><ul><li>Surveys in May</li><li>Works from July</li></ul><blockquote><p>` + prose2 + `</p></blockquote><p>` + prose3 + `</p></div>`,
			keep: []string{"\n\nWhat happens next\n\n", "- Surveys in May", "- Works from July", "> " + prose2},
		},
		{
			name: "commentary is an article, not a comment section",
			body: `<div class="commentary"><p>` + prose1 + `</p><p>` + prose2 + `</p></div>`,
			keep: []string{prose1, prose2},
		},
		{
			name: "hidden elements are dropped",
			body: `<div><p>` + prose1 + `</p><div style="display:none"><p>` + prose3 + `</p></div><p>` + prose2 + `</p></div>`,
			keep: []string{prose1, prose2},
			drop: []string{prose3},
		},
		{
			name: "no prose at all",
			body: `<div><a href="/a">One</a> <a href="/b">Two</a></div>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := mainText(doc)
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q\ntext:\n%s", k, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("kept %q\ntext:\n%s", d, got)
				}
			}
		})
	}
}

func TestFurnitureClass(t *testing.T) {
	tests := []struct {
		tag, class string
		want       furnitureClass
	}{
		{"div", "related-articles", furnitureLikely},
		{"div", "post-content", furnitureNo},
		{"div", "share-bar post", furnitureLikely}, // strong beats content
		{"div", "comment-list", furnitureAlways},
		{"div", "user-comments", furnitureAlways},
		{"div", "commentary", furnitureNo},
		{"div", "tagStyle_z4kqwb", furnitureNo}, // "tag" inside a longer word
		{"div", "tags", furnitureLikely},
		{"div", "elementor-widget-container", furnitureNo},
		{"div", "cookie-consent", furnitureAlways},
		{"div", "article__meta", furnitureLikely},
		{"div", "article__body", furnitureNo},
		{"div", "post type-post tag-politics category-news", furnitureNo},
		{"article", "has-paywall sidebar", furnitureNo},
		{"article", "comment", furnitureAlways},
		{"div", "cmp-text", furnitureNo},
		{"div", "", furnitureNo},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(`<body><` + tt.tag + ` class="` + tt.class + `">x</` + tt.tag + `></body>`))
		if err != nil {
			t.Fatal(err)
		}
		n := findBody(doc).FirstChild
		if got := furniture(n, nil); got != tt.want {
			t.Errorf("<%s class=%q>: furniture = %v, want %v", tt.tag, tt.class, got, tt.want)
		}
	}
}

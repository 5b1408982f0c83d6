package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/warc"
)

// page writes a news page in the style real sites use: JSON-LD, Open
// Graph, navigation and a footer around the article.
func page(title, date, site, url string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><title>%s | %s</title>
<meta property="og:site_name" content="%s"><link rel="canonical" href="%s">
<script type="application/ld+json">{"@type":"NewsArticle","headline":%q,"datePublished":"%sT08:00:00Z"}</script>
</head><body><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav><article><h1>%s</h1>`,
		title, site, site, url, title, date, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><aside>Sign up for our newsletter</aside><footer>© 2024 ` + site + `</footer></body></html>`)
	return b.String()
}

// TestWebInputsEndToEnd ingests an HTML page, a WARC archive and a local
// RSS feed, then checks they land in stories and on a timeline.
func TestWebInputsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "web.db")
	p1 := page("Bridge on Route 9 closed after inspection finds cracks", "2024-05-13", "Valley Herald", "https://herald.example/2024/05/13/bridge-closed",
		"State engineers closed the Route 9 bridge over the Mill River on Monday after an inspection found cracks in two of its steel girders, the transportation department said.",
		"\"We are not going to take chances with a structure that carries 20,000 cars a day,\" said Dana Whitfield, the department's chief engineer.",
		"Drivers will be detoured through Easton for at least three weeks while crews assess the damage, officials said.")
	os.WriteFile(filepath.Join(dir, "bridge.html"), []byte(p1), 0o644)

	p2 := page("Route 9 bridge repairs to take two months, state says", "2024-05-16", "Easton Daily", "https://easton.example/news/route-9-repairs",
		"Repairs to the cracked Route 9 bridge over the Mill River will take about two months, the state transportation department said on Thursday.",
		"The bridge was closed on Monday after inspectors found cracks in two steel girders. Dana Whitfield, the department's chief engineer, said the repairs would cost about $3 million.",
		"Business owners in Easton said the detour had already doubled traffic on Main Street.")
	var arch bytes.Buffer
	w := warc.NewWriter(&arch, true)
	w.WriteResponse("https://easton.example/news/route-9-repairs", time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC), 200, "text/html; charset=utf-8", []byte(p2))
	w.WriteResponse("https://easton.example/logo.png", time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC), 200, "image/png", []byte("\x89PNG"))
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), arch.Bytes(), 0o644)

	p3 := page("Route 9 bridge to reopen early after girder repairs", "2024-05-21", "Valley Herald", "PLACEHOLDER",
		"The Route 9 bridge over the Mill River will reopen on Friday, weeks ahead of schedule, after crews replaced two cracked steel girders, the state transportation department said.",
		"The bridge was closed on May 13 when inspectors found the cracks. Dana Whitfield, the chief engineer, thanked drivers for their patience with the detour through Easton.")
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/bridge-reopens", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, strings.Replace(p3, "PLACEHOLDER", srv.URL+"/bridge-reopens", 1))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Herald</title><link>%s</link>
<item><title>Route 9 bridge to reopen early after girder repairs</title><link>%s/bridge-reopens</link><pubDate>Tue, 21 May 2024 08:00:00 +0000</pubDate></item>
</channel></rss>`, srv.URL, srv.URL)
	})

	if code, _, errs := cli(t, db, "", "--quiet", "ingest", filepath.Join(dir, "bridge.html"), filepath.Join(dir, "crawl.warc.gz")); code != 0 {
		t.Fatalf("ingest html+warc: exit %d: %s", code, errs)
	}
	if code, _, errs := cli(t, db, "", "--quiet", "watch", "--once", srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("watch --once: exit %d: %s", code, errs)
	}
	if n := docCount(t, db); n != 3 {
		t.Fatalf("%d documents, want 3 (page, archive, feed item)", n)
	}
	var stories []dateline.Story
	json.Unmarshal([]byte(mustCLI(t, db, "stories", "--format", "json")), &stories)
	if len(stories) != 1 || stories[0].Articles != 3 || stories[0].Outlets != 2 {
		t.Errorf("stories = %+v, want one story of 3 articles from 2 outlets", stories)
	}
	var tl dateline.Timeline
	json.Unmarshal([]byte(mustCLI(t, db, "timeline", "--format", "json", "Route 9 bridge")), &tl)
	dates := map[string]bool{}
	for _, d := range tl.Dates {
		dates[d.Date] = true
	}
	if !dates["2024-05-13"] {
		t.Errorf("timeline dates %v lack the closure on 2024-05-13", dates)
	}
	// A second poll finds nothing new: the watcher remembers what it saw.
	cli(t, db, "", "--quiet", "watch", "--once", srv.URL+"/feed.xml")
	if n := docCount(t, db); n != 3 {
		t.Errorf("second poll changed the count to %d", n)
	}
}

// TestExtractRefusesWhatIsNotAPage: binary junk, an empty file and a JSONL
// file given to extract are each reported by name with a non-zero exit,
// printed as nothing, and do not stop a good page beside them.
func TestExtractRefusesWhatIsNotAPage(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"junk.html":  "\x00\x01\x02garbage\xff\xfe",
		"empty.html": "",
		"feed.html":  `{"text": "a JSONL record", "date": "2024-01-02"}` + "\n",
		"good.html":  "<html><head><title>Dam opens</title></head><body><article><p>The new dam on the Kela river opened on Tuesday after six years of work, officials said.</p><p>It will supply water to forty thousand homes in the valley below.</p></article></body></html>",
	}
	var paths []string
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	code, out, errs := cli(t, filepath.Join(dir, "unused.db"), "", append([]string{"extract"}, paths...)...)
	if code != 3 {
		t.Errorf("exit %d, want 3 (some inputs bad)\n%s", code, errs)
	}
	for _, want := range []string{"junk.html: not an HTML page", "empty.html: not an HTML page", "feed.html: not an HTML page but jsonl", "3 record(s) could not be read (1 extracted)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Contains(out, "junk.html") || strings.Contains(out, "garbage") {
		t.Errorf("junk was printed as a page:\n%s", out)
	}
	if !strings.Contains(out, "The new dam on the Kela river opened") {
		t.Errorf("the good page was not extracted:\n%s", out)
	}
}

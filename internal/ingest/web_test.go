package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline/internal/warc"
)

const articlePage = `<!DOCTYPE html><html lang="en"><head><title>Council votes to close the landfill | Harbour Courier</title>
<meta property="og:site_name" content="Harbour Courier">
<meta property="article:published_time" content="2024-05-14T09:00:00Z">
<link rel="canonical" href="https://courier.example/2024/05/14/landfill-vote">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council votes to close the landfill</h1>
<p>The city council voted 7-2 on Tuesday to close the Marsh Road landfill by the end of next year, ending a decade of complaints from residents about smell and truck traffic.</p>
<p>"This is the day we have been waiting for," said Ana Ruiz, who has led the residents' campaign since 2016. The council will now ask the county to take the city's waste.</p>
<p>Opponents said the change would raise collection fees by as much as 12 percent, according to a report by the city's finance office.</p>
</article><footer>© 2024 Harbour Courier. All rights reserved.</footer></body></html>`

func TestHTMLAndWARC(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(articlePage), 0o644)
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	w.WriteRecord(map[string]string{"WARC-Type": "warcinfo"}, []byte("software: test\r\n"))
	w.WriteResponse("https://courier.example/2024/05/14/landfill-vote", time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC), 200, "text/html; charset=utf-8", []byte(articlePage))
	w.WriteResponse("https://courier.example/logo.png", time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC), 200, "image/png", []byte("\x89PNG...."))
	w.WriteResponse("https://courier.example/missing", time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC), 404, "text/html", []byte("<html>gone</html>"))
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), buf.Bytes(), 0o644)

	r := collect(t, func(fn Func) error { return Walk(context.Background(), dir, Options{Now: testNow}, fn) })
	if len(r.errs) != 0 {
		t.Fatalf("errors: %v", r.errs)
	}
	if len(r.docs) != 2 {
		t.Fatalf("got %d documents, want 2 (the page, and the one HTML response of the archive)", len(r.docs))
	}
	for _, d := range r.docs {
		if d.Published.Format("2006-01-02") != "2024-05-14" {
			t.Errorf("%s: date %s from %q", d.Origin, d.Published, d.PublishedSource)
		}
		if !strings.Contains(d.Text, "voted 7-2 on Tuesday") || strings.Contains(d.Text, "All rights reserved") {
			t.Errorf("%s: text %q", d.Origin, d.Text)
		}
	}
	// The same article from a page and from the archive is one document.
	if r.docs[0].ID != r.docs[1].ID {
		t.Errorf("ids differ: %s vs %s", r.docs[0].ID, r.docs[1].ID)
	}
}

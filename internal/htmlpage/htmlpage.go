// Package htmlpage turns one web page into a dated article: its main text
// without the site's furniture, its title, site, author, canonical URL and
// the original publication date with the evidence that date rests on.
//
// Everything is read from one parse of the page (x/net/html), decoded by
// us first (declared charset, then sniffing) and stripped of scripts,
// styles and drawings before parsing, which is where most of the time of
// a parser goes. Main text comes from our own extractor (content.go): it
// prunes the site's furniture by tag, role and class name, picks the
// container whose text blocks hold the most prose and the fewest links,
// and writes its paragraphs, headings, lists and quotes. Publication dates
// come from our reading of the structured evidence (JSON-LD, meta tags,
// <time>, the URL) ranked by how reliable each kind is, then from a date
// printed after a label or in a short dated line of the visible text.
package htmlpage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	nurl "net/url"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"golang.org/x/net/html"
)

// MaxPageBytes bounds how much of one page is read: larger inputs are
// data dumps, not articles, and would cost memory for nothing.
const MaxPageBytes = 16 << 20

// MaxPageTags bounds the tags of one page after scripts, styles and
// comments are cut. The largest of a thousand real pages in the public
// evaluation sets has about 13,000; far more is a hostile or generated
// page, whose parse tree alone would cost hundreds of megabytes.
const MaxPageTags = 250_000

// Page is what was extracted from one HTML page.
type Page struct {
	URL    string // canonical URL when the page names one, else the URL it was fetched from
	Title  string
	Site   string
	Author string
	Text   string
	// Date is the original publication date; zero when none was found.
	Date time.Time
	// DateSource says where Date was found, dateline.DateFrom* with detail
	// after a colon ("meta:article:published_time", "url", "text:time").
	DateSource string
	// DateConfidence is how often that kind of evidence is right, 0..1.
	DateConfidence float64
	// DateEvidence is the raw value the date was read from.
	DateEvidence string
	Lang         string // the page's declared language, when it gives one
	Encoding     string // the character encoding the page was decoded from
}

// Options tell Extract what is known about the page from outside it.
type Options struct {
	URL         string    // where the page was fetched from
	Fetched     time.Time // capture time: no publication date after it is believed
	ContentType string    // the transport's Content-Type, for its charset
	// SkipTextDateSearch turns off the search for dates written in the
	// visible text when the structured evidence has none.
	SkipTextDateSearch bool
}

// Extract reads one page and extracts its article.
func Extract(ctx context.Context, r io.Reader, opts Options) (Page, error) {
	const op = "htmlpage.Extract"
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	var buf bytes.Buffer
	// Readers that know their size (bytes.Reader, strings.Reader) spare
	// the copies of a growing buffer.
	if l, ok := r.(interface{ Len() int }); ok && l.Len() <= MaxPageBytes {
		buf.Grow(l.Len() + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, MaxPageBytes+1))
	raw := buf.Bytes()
	if err != nil {
		return Page{}, dateline.Errorf(dateline.Invalid, op, "read page: %w", err)
	}
	if len(raw) > MaxPageBytes {
		return Page{}, dateline.Errorf(dateline.Invalid, op, "page larger than %d bytes", MaxPageBytes)
	}
	return extractBytes(ctx, raw, opts)
}

func extractBytes(ctx context.Context, raw []byte, opts Options) (Page, error) {
	const op = "htmlpage.Extract"
	text, enc := decode(raw, opts.ContentType)
	if n := strings.Count(text, "<"); n > MaxPageTags {
		// The parser's tree costs some 800 bytes a node: a page of a
		// million empty elements would take most of a gigabyte.
		return Page{}, dateline.Errorf(dateline.Invalid, op, "page has %d tags once scripts and styles are cut, more than the %d an article page could need", n, MaxPageTags)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Page{}, dateline.Errorf(dateline.Invalid, op, "parse HTML: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	// Ruby readings (furigana) would interleave with the characters they
	// annotate: "子こども" for "子ども".
	removeElements(doc, "rt", "rp")
	p := Page{Encoding: enc, Lang: docLang(doc)}

	ld := parseJSONLD(doc)
	d := findDate(doc, ld, opts, p.Lang)
	p.Date, p.DateSource, p.DateConfidence, p.DateEvidence = d.t, d.source, d.confidence, d.evidence

	m := readMeta(doc, ld, opts.URL)
	p.Title, p.Author, p.Site, p.URL = m.title, m.author, m.site, m.url
	p.Text = mainText(doc)
	if p.URL == "" {
		p.URL = opts.URL
	}
	if p.Site == "" {
		if u, err := nurl.Parse(p.URL); err == nil {
			p.Site = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	p.Text = tidyText(p.Text)
	p.Text = dropBoilerplate(p.Text)
	return p, nil
}

// Document turns the page into the shared document type. origin is where
// it was read from (file path, WARC record, feed item).
func (p Page) Document(origin string) dateline.Document {
	doc := dateline.Document{
		URL:             p.URL,
		Source:          p.Site,
		Title:           p.Title,
		Published:       p.Date,
		PublishedSource: p.DateSource,
		Text:            p.Text,
		Origin:          origin,
	}
	// A stable id: the canonical URL identifies an article across crawls;
	// without one, the text does.
	h := sha256.New()
	if p.URL != "" {
		io.WriteString(h, "url\x00"+p.URL)
	} else {
		io.WriteString(h, "text\x00"+p.Title+"\x00"+p.Text)
	}
	doc.ID = "html-" + hex.EncodeToString(h.Sum(nil))[:20]
	return doc
}

func docLang(doc *html.Node) string {
	var lang string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "html" {
			lang = strings.ToLower(strings.TrimSpace(attr(n, "lang")))
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	return lang
}

// tidyText trims trailing space on lines and squeezes blank-line runs.
func tidyText(s string) string {
	var b bytes.Buffer
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

func removeElements(n *html.Node, names ...string) {
	removeMatching(n, func(c *html.Node) bool {
		for _, name := range names {
			if c.Data == name {
				return true
			}
		}
		return false
	})
}

// removeMatching deletes every element below n for which match is true.
func removeMatching(n *html.Node, match func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && match(c) {
			n.RemoveChild(c)
		} else {
			removeMatching(c, match)
		}
		c = next
	}
}

package htmlpage

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func extract(t *testing.T, page []byte, opts Options) Page {
	t.Helper()
	p, err := Extract(context.Background(), bytes.NewReader(page), opts)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return p
}

func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		file    string
		opts    Options
		keep    []string // must be in the text
		drop    []string // must not be
		title   string
		site    string
		author  string
		url     string
		date    string
		source  string
		minConf float64
	}{
		{
			file: "news_jsonld.html",
			opts: Options{URL: "https://valleycourier.example/news/2017/06/07/council-approves-river-bridge?utm_source=feed"},
			keep: []string{
				"The town council voted seven to two on Tuesday evening",
				"Costs and funding",                          // heading
				"- State roads department: 9 million rupees", // list item
				"the river does not wait for committees",     // quote
				"Work is expected to start after the monsoon season",
			},
			drop: []string{
				"We use cookies", "Accept all cookies", "Sport", "Weather", "Ferry fares to rise again",
				"Hospital opens new maternity wing", "Sign up for our daily newsletter", "somebody is getting rich",
				"My mother has been taking that ferry", "All rights reserved",
			},
			title:   "Council approves river bridge after two-year dispute",
			site:    "The Valley Courier",
			author:  "Maria Okafor",
			url:     "https://valleycourier.example/news/2017/06/07/council-approves-river-bridge",
			date:    "2017-06-07",
			source:  "meta:json-ld:datePublished",
			minConf: 0.95,
		},
		{
			file: "blog_opengraph.html",
			opts: Options{URL: "https://unterwegs.example/radtour-elbe-dresden-meissen/"},
			keep: []string{
				"Der Elberadweg zwischen Dresden und Meißen",
				"Was man mitnehmen sollte",
				"- Sonnencreme, weil der Weg kaum Schatten hat",
				"Zurück nach Dresden fährt die S-Bahn",
			},
			drop: []string{
				"Startseite", "Muldental mit dem Rad", "Schreibe einen Kommentar", "Mit dem Zug nach Prag",
				"Impressum", "WhatsApp",
			},
			title:   "Radtour an der Elbe: Von Dresden nach Meißen",
			site:    "Unterwegs-Blog",
			author:  "Jonas Becker",
			date:    "2021-05-14", // published, not the 2023 update
			source:  "meta:article:published_time",
			minConf: 0.9,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := extract(t, readFixture(t, tt.file), tt.opts)
			for _, s := range tt.keep {
				if !strings.Contains(p.Text, s) {
					t.Errorf("text lost %q\ntext:\n%s", s, p.Text)
				}
			}
			for _, s := range tt.drop {
				if strings.Contains(p.Text, s) {
					t.Errorf("text kept boilerplate %q\ntext:\n%s", s, p.Text)
				}
			}
			if tt.title != "" && p.Title != tt.title {
				t.Errorf("title = %q, want %q", p.Title, tt.title)
			}
			if tt.site != "" && p.Site != tt.site {
				t.Errorf("site = %q, want %q", p.Site, tt.site)
			}
			if tt.author != "" && p.Author != tt.author {
				t.Errorf("author = %q, want %q", p.Author, tt.author)
			}
			if tt.url != "" && p.URL != tt.url {
				t.Errorf("url = %q, want %q", p.URL, tt.url)
			}
			if got := p.Date.Format(dateline.DateLayout); got != tt.date {
				t.Errorf("date = %s (%s), want %s", got, p.DateSource, tt.date)
			}
			if p.DateSource != tt.source {
				t.Errorf("date source = %q, want %q", p.DateSource, tt.source)
			}
			if p.DateConfidence < tt.minConf || p.DateConfidence > 1 {
				t.Errorf("confidence = %.2f, want >= %.2f", p.DateConfidence, tt.minConf)
			}
		})
	}
}

// article builds a page in the shape of a small news site, with the
// date evidence given in head and body.
func article(head, byline, body string) string {
	return `<!DOCTYPE html><html><head><title>Harbour reopens after storm repairs</title>` + head + `</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/business">Business</a></nav>
<article><h1>Harbour reopens after storm repairs</h1>` + byline + `
<p>The harbour reopened to fishing boats on Monday after six weeks of repairs to the breakwater, which was damaged when the winter storm drove waves over the outer wall.</p>
<p>The port authority said the work had cost less than feared because the foundations were intact, and that the repaired section is now half a metre higher than before.</p>
<p>Fishermen who had moved their boats to neighbouring towns during the closure said they were relieved to be back before the start of the mackerel season.</p>
` + body + `</article>
<footer>Contact · Advertise · Jobs</footer></body></html>`
}

func TestDates(t *testing.T) {
	fetched := time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		page   string
		opts   Options
		date   string
		source string
	}{
		{
			name: "time element with pubdate beats update",
			page: article("", `<p class="meta"><time class="entry-date published" datetime="2022-03-02T09:00:00+01:00">2 March</time>
<time class="updated" datetime="2022-03-08T10:00:00+01:00">8 March</time></p>`, ""),
			date: "2022-03-02", source: "text:time.published",
		},
		{
			name: "url date when the page has none",
			page: article("", "", ""),
			opts: Options{URL: "https://harbour.example/2022/03/01/harbour-reopens/"},
			date: "2022-03-01", source: "url",
		},
		{
			name: "page evidence beats a contradicting url",
			page: article(`<meta property="article:published_time" content="2022-03-04T08:00:00+01:00">`, "", ""),
			opts: Options{URL: "https://harbour.example/2022/02/20/harbour-reopens/"},
			date: "2022-03-04", source: "meta:article:published_time",
		},
		{
			name: "url beats a generic date meta",
			page: article(`<meta name="date" content="2022-03-07">`, "", ""),
			opts: Options{URL: "https://harbour.example/2022/03/05/harbour-reopens/"},
			date: "2022-03-05", source: "url",
		},
		{
			name: "date after capture time is rejected",
			page: article(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-04-01T10:00:00Z"}</script>
<meta property="article:published_time" content="2022-03-03T10:00:00Z">`, "", ""),
			opts: Options{Fetched: fetched},
			date: "2022-03-03", source: "meta:article:published_time",
		},
		{
			name: "visible text when nothing structured",
			page: article("", `<p class="byline">By Tom Reed, 4 March 2022</p>`, ""),
			opts: Options{Fetched: fetched},
			date: "2022-03-04", source: "text:dated-element",
		},
		{
			name: "copyright year is not a date",
			page: article("", "", `<p>© 2021 Harbour News</p>`),
			opts: Options{Fetched: fetched},
			date: "0001-01-01", source: "",
		},
		{
			name: "modification date only as a last resort",
			page: article(`<meta property="article:modified_time" content="2022-03-09T10:00:00Z">`, "", ""),
			opts: Options{Fetched: fetched},
			date: "2022-03-09", source: "meta:article:modified_time",
		},
		{
			name: "local day kept from an offset timestamp",
			page: article(`<meta property="article:published_time" content="2022-03-05T23:30:00-05:00">`, "", ""),
			date: "2022-03-05", source: "meta:article:published_time",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := extract(t, []byte(tt.page), tt.opts)
			if got := p.Date.Format(dateline.DateLayout); got != tt.date || p.DateSource != tt.source {
				t.Errorf("date = %s from %q, want %s from %q (evidence %q)", got, p.DateSource, tt.date, tt.source, p.DateEvidence)
			}
			if !tt.opts.Fetched.IsZero() && p.Date.After(tt.opts.Fetched) {
				t.Errorf("date %v after capture %v", p.Date, tt.opts.Fetched)
			}
		})
	}
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEncodings(t *testing.T) {
	latin := `<p>Le café de la gare a rouvert ses portes : « On n’attendait plus que ça », dit Zoë, qui y déjeune chaque jour depuis vingt ans. Le menu du jour coûte désormais 14 € au lieu de 12 €.</p>
<p>Les habitués ont retrouvé leurs places près de la fenêtre, où le soleil du matin éclaire les tables en marbre et les vieilles affiches des chemins de fer.</p>
<p>Le patron prévoit d’ouvrir aussi le dimanche à partir du mois prochain, si les clients répondent présent.</p>`
	jp := `<p>東京都内の公園で桜が満開となり、週末には多くの花見客が訪れました。気象庁によりますと、今年の開花は平年より五日早いということです。</p>
<p>公園の管理事務所は、混雑を避けるため平日の来園を呼びかけています。また、ごみは必ず持ち帰るよう求めています。</p>
<p>近くの商店街では、花見客向けの弁当や飲み物の販売が好調だということです。</p>`
	tests := []struct {
		name string
		page []byte
		ct   string
		want []string
		enc  string
	}{
		{
			name: "windows-1252 declared in meta",
			page: encode(t, charmap.Windows1252, `<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>`+latin+`</article></body></html>`),
			want: []string{"Le café de la gare", "« On n’attendait plus que ça »", "14 €"},
			enc:  "windows-1252",
		},
		{
			name: "windows-1252 from the transport header",
			page: encode(t, charmap.Windows1252, `<html><head><title>Café</title></head><body><article>`+latin+`</article></body></html>`),
			ct:   "text/html; charset=windows-1252",
			want: []string{"Le café de la gare", "14 €"},
			enc:  "windows-1252",
		},
		{
			name: "shift_jis declared",
			page: encode(t, japanese.ShiftJIS, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>桜</title></head><body><article>`+jp+`</article></body></html>`),
			want: []string{"東京都内の公園で桜が満開となり", "弁当や飲み物"},
			enc:  "shift_jis",
		},
		{
			name: "shift_jis undeclared, sniffed",
			page: encode(t, japanese.ShiftJIS, `<html><head><title>桜</title></head><body><article>`+jp+`</article></body></html>`),
			want: []string{"東京都内の公園で桜が満開となり"},
			enc:  "shift_jis",
		},
		{
			name: "declared latin-1 but really utf-8",
			page: []byte(`<html><head><meta charset="iso-8859-1"></head><body><article>` + latin + `</article></body></html>`),
			want: []string{"Le café de la gare", "14 €"},
			enc:  "utf-8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := extract(t, tt.page, Options{ContentType: tt.ct})
			for _, w := range tt.want {
				if !strings.Contains(p.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, p.Text)
				}
			}
			if p.Encoding != tt.enc {
				t.Errorf("encoding = %q, want %q", p.Encoding, tt.enc)
			}
		})
	}
}

func TestDocument(t *testing.T) {
	p := Page{URL: "https://a.example/x", Title: "T", Site: "A", Text: "body", Date: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), DateSource: "url"}
	d := p.Document("file.html")
	if d.URL != p.URL || d.Source != "A" || d.PublishedSource != "url" || d.Origin != "file.html" || d.Text != "body" {
		t.Errorf("document = %+v", d)
	}
	if d.ID == "" || d.ID != p.Document("elsewhere").ID {
		t.Errorf("id %q not stable across origins", d.ID)
	}
	q := p
	q.URL = "https://a.example/y"
	if q.Document("").ID == d.ID {
		t.Error("different URLs share an id")
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Extract(context.Background(), bytes.NewReader(make([]byte, MaxPageBytes+2)), Options{})
	if dateline.ErrorKind(err) != dateline.Invalid {
		t.Errorf("err = %v, want Invalid", err)
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"news_jsonld.html", "blog_opengraph.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<html><meta charset="shift_jis"><script type="application/ld+json">[[[{"datePublished":"2020-13-45"}]]]</script><time datetime="99999999">`))
	f.Add([]byte("<table><tr><td><table><tr><td>" + strings.Repeat("<div>", 500)))
	f.Fuzz(func(t *testing.T, page []byte) {
		p, err := Extract(context.Background(), bytes.NewReader(page), Options{URL: "https://x.example/2020/01/02/a", Fetched: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return
		}
		if p.Date.After(time.Date(2021, 1, 2, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("date %v after capture", p.Date)
		}
	})
}

// TestURLSettlesByZone checks the time-zone arithmetic that lets a URL's
// day beat a UTC timestamp: only when a newsroom between UTC−10 and
// UTC+14 would read the timestamp as the URL's day.
func TestURLSettlesByZone(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	at := func(s string) *candidate {
		ts, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &candidate{t: ts.UTC()}
	}
	for _, c := range []struct {
		ts, url string
		want    bool
	}{
		{"2020-05-02T02:54:29Z", "2020-05-01", true},  // 22:54 the evening before in New York
		{"2020-07-09T10:04:04Z", "2020-07-08", false}, // already the 9th from Hawaii east
		{"2020-07-09T09:59:00Z", "2020-07-08", true},  // 23:59 in Hawaii
		{"2020-03-01T22:00:00Z", "2020-03-02", true},  // the next morning in Sydney
		{"2020-03-01T05:00:00Z", "2020-03-02", false}, // 19:00 at UTC+14, still the 1st
		{"2020-03-01T12:00:00Z", "2020-02-20", false}, // days apart: the page's evidence stands
		{"2020-06-01T12:00:00Z", "2020-03-01", true},  // months later: a republication
	} {
		if got := urlSettles(at(c.ts), day(c.url)); got != c.want {
			t.Errorf("urlSettles(%s, URL day %s) = %v, want %v", c.ts, c.url, got, c.want)
		}
	}
}

// TestTooManyTags checks that a page of a great many tiny elements is
// refused with an input error before it is parsed, and that scripts do not
// count towards the bound.
func TestTooManyTags(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<b></b>", MaxPageTags) + "</body></html>"
	_, err := Extract(context.Background(), strings.NewReader(page), Options{})
	if dateline.ErrorKind(err) != dateline.Invalid {
		t.Fatalf("a page of %d elements: err %v, want an input error", MaxPageTags, err)
	}
	script := "<html><head><script>" + strings.Repeat("a<b;", MaxPageTags) + "</script></head><body><article><p>" +
		strings.Repeat("Words of the article. ", 40) + "</p></article></body></html>"
	p, err := Extract(context.Background(), strings.NewReader(script), Options{})
	if err != nil || !strings.Contains(p.Text, "Words of the article.") {
		t.Fatalf("a page with a long script: err %v, text %q", err, p.Text)
	}
}

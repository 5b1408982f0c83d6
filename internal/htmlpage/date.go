package htmlpage

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// candidate is one piece of evidence for the publication date.
type candidate struct {
	t          time.Time
	dateOnly   bool    // no clock time given
	source     string  // dateline.DateFrom* plus detail after a colon
	confidence float64 // how much this kind of evidence is usually right
	order      int     // document order, to break ties towards the first
}

// Evidence strengths. Structured publication fields are right most of the
// time; a generic "date" meta or a bare <time> less so; the URL sits between
// them, so it settles a conflict only with weaker page evidence.
const (
	confJSONLD       = 0.95
	confMetaPub      = 0.92
	confItemprop     = 0.9
	confTimePub      = 0.85
	confURL          = 0.8
	confMetaGeneric  = 0.75
	confTimeArticle  = 0.65
	confTextFallback = 0.5
	confModified     = 0.3 // a modification date, used only when nothing else exists
)

// pubMeta are meta names/properties (lower case) that carry the original
// publication date.
var pubMeta = map[string]bool{
	"article:published_time": true, "og:published_time": true, "og:article:published_time": true,
	"article:published": true, "published_time": true, "published-time": true, "datepublished": true,
	"publishdate": true, "publish-date": true, "publish_date": true, "pubdate": true,
	"publication_date": true, "publication-date": true, "date_published": true, "published_date": true,
	"dc.date.issued": true, "dcterms.issued": true, "dc.date.created": true, "dcterms.created": true,
	"dc.created": true, "sailthru.date": true, "parsely-pub-date": true, "citation_publication_date": true,
	"citation_date": true, "citation_online_date": true, "article.published": true, "article_date_original": true,
	"originalpublicationdate": true, "cxenseparse:recs:publishtime": true, "date.published": true,
	"datecreated": true, "article.created": true, "og:pubdate": true, "rnews:datepublished": true,
	"bt:pubdate": true, "pdate": true, "ptime": true, "displaydate": true, "dc.date.published": true,
	"article:publication_date": true, "firstpublishedtime": true, "release_date": true, "creation_date": true,
	"publishing_date": true, "published": true, "datepublication": true, "publication": true,
	"parsely-pubdate": true, "iso-8601-publish-date": true, "pubdate_ts": false,
}

// genericMeta carry a date without saying which.
var genericMeta = map[string]bool{
	"date": true, "dc.date": true, "dcterms.date": true, "created": true, "citation_publication_year": false,
	"og:date": true, "article:date": true, "content-date": true, "timestamp": true,
}

// modifiedMeta carry a modification date: never the publication date, but
// better than nothing for a page with no other evidence.
var modifiedMeta = map[string]bool{
	"article:modified_time": true, "og:updated_time": true, "datemodified": true, "last-modified": true,
	"lastmod": true, "dcterms.modified": true, "dc.date.modified": true, "modified": true,
	"article:modified": true, "updated_time": true,
}

// articleTypes are JSON-LD @type values whose datePublished is the page's.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportage": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true, "liveblogposting": true,
	"scholarlyarticle": true, "techarticle": true, "report": true, "webpage": true, "socialmediaposting": true,
	"posting": true, "creativework": true, "review": true, "medicalwebpage": true,
	"discussionforumposting": true, "qapage": true, "itempage": true, "aboutpage": true, "recipe": true,
	"podcastepisode": true,
}

// collect walks the document once and gathers date evidence.
func collect(doc *html.Node, ld jsonLD) []candidate {
	var out []candidate
	order := 0
	add := func(s string, source string, conf float64) {
		t, dateOnly, ok := parseDate(s)
		if !ok {
			return
		}
		order++
		out = append(out, candidate{t: t, dateOnly: dateOnly, source: source, confidence: conf, order: order})
	}
	inArticle := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstAttr(n, "property", "name", "itemprop", "http-equiv")))
				content := attr(n, "content")
				if key != "" && content != "" {
					switch {
					case pubMeta[key]:
						add(content, dateline.DateFromMeta+":"+key, confMetaPub)
					case genericMeta[key]:
						add(content, dateline.DateFromMeta+":"+key, confMetaGeneric)
					case modifiedMeta[key]:
						add(content, dateline.DateFromMeta+":"+key, confModified)
					}
				}
			case atom.Script:
				if v, ok := ld[n]; ok {
					for _, c := range jsonLDDates(v) {
						add(c.value, dateline.DateFromMeta+":json-ld:"+c.key, c.conf)
					}
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Time:
				dt := attr(n, "datetime")
				if dt == "" {
					dt = textOf(n, 80)
				}
				ip := strings.ToLower(attr(n, "itemprop"))
				cls := strings.ToLower(attr(n, "class"))
				switch {
				case ip == "datepublished" || hasAttr(n, "pubdate"):
					add(dt, dateline.DateFromText+":time[itemprop=datePublished]", confItemprop)
				case ip == "datemodified" || strings.Contains(cls, "updated") || strings.Contains(cls, "modified"):
					add(dt, dateline.DateFromText+":time.modified", confModified)
				case strings.Contains(cls, "publish") || strings.Contains(cls, "entry-date") || strings.Contains(cls, "post-date") || strings.Contains(cls, "pubdate"):
					add(dt, dateline.DateFromText+":time.published", confTimePub)
				case inArticle > 0:
					add(dt, dateline.DateFromText+":time", confTimeArticle)
				}
				// A bare <time> outside any <article> is as often a
				// sidebar's or a comment's as the page's: the text search
				// weighs it better than a blind rank would.
			case atom.Article:
				inArticle++
				defer func() { inArticle-- }()
			default:
				if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" || ip == "datecreated" {
					v := firstAttr(n, "content", "datetime", "title")
					if v == "" {
						v = textOf(n, 80)
					}
					add(v, dateline.DateFromText+":itemprop="+ip, confItemprop)
				} else if n.DataAtom == atom.Abbr && strings.Contains(strings.ToLower(attr(n, "class")), "published") {
					add(firstAttr(n, "title"), dateline.DateFromText+":abbr.published", confTimePub)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

type jsonDate struct {
	key, value string
	conf       float64
}

// jsonLDDates finds publication dates in a JSON-LD block, preferring the
// page's own article node over dates of things it mentions.
func jsonLDDates(v any) []jsonDate {
	var out []jsonDate
	// Nested nodes: @graph, mainEntity… (in sorted order) but not the
	// things an article is about: their dates are events, not publication.
	nested := []string{"@graph", "hasPart", "item", "itemListElement", "mainEntity", "mainEntityOfPage"}
	walkLD(v, 12, nested, func(x map[string]any) {
		conf := confJSONLD
		if !isArticleNode(x, true) {
			conf = confMetaGeneric
		}
		for _, k := range []string{"datePublished", "dateCreated", "uploadDate"} {
			if s, ok := x[k].(string); ok && s != "" {
				c := conf
				if k == "uploadDate" {
					// A video's upload date: usually an embedded clip
					// older than the article around it.
					c = confMetaGeneric - 0.05
				}
				out = append(out, jsonDate{k, s, c})
				break
			}
		}
		if s, ok := x["dateModified"].(string); ok && s != "" {
			out = append(out, jsonDate{"dateModified", s, confModified})
		}
	})
	return out
}

func jsonTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

var (
	reISO      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?`)
	reCompact  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$`)
	reSlash    = regexp.MustCompile(`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})`)
	reDMY      = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4})`)
	reEpoch    = regexp.MustCompile(`^\d{9,13}$`)
	reURLDate  = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)
	reURLDate2 = regexp.MustCompile(`/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/`)
)

var rfcLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 Jan 2006",
	"January 2, 2006 3:04 pm", "Mon Jan 2 2006",
}

// parseDate reads the date formats machines write into pages. dateOnly is
// true when no clock time was given; a value without a zone keeps its wall
// clock in UTC, which keeps the calendar day as written.
func parseDate(s string) (time.Time, bool, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 80 {
		return time.Time{}, false, false
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if m[4] == "" {
			return mkDate(y, mo, d, 0, 0, 0, time.UTC, true)
		}
		loc := zone(m[7])
		return mkDate(y, mo, d, atoi(m[4]), atoi(m[5]), atoi(m[6]), loc, false)
	}
	if m := reCompact.FindStringSubmatch(s); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if m[4] == "" {
			return mkDate(y, mo, d, 0, 0, 0, time.UTC, true)
		}
		return mkDate(y, mo, d, atoi(m[4]), atoi(m[5]), atoi(m[6]), zone(m[7]), false)
	}
	if m := reSlash.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), 0, 0, 0, time.UTC, true)
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		a, b := atoi(m[1]), atoi(m[2])
		// In machine-written values a slash date is the US culture's
		// month/day/year (a server's default format); dots are day first.
		if strings.IndexByte(s[:len(m[0])], '/') >= 0 && a <= 12 {
			return mkDate(atoi(m[3]), a, b, 0, 0, 0, time.UTC, true)
		}
		return mkDate(atoi(m[3]), b, a, 0, 0, 0, time.UTC, true)
	}
	if reEpoch.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		return t, false, t.Year() >= 1995 && t.Year() <= 2100
	}
	for _, l := range rfcLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, !strings.Contains(l, "15") && !strings.Contains(l, "3:04"), t.Year() >= 1995
		}
	}
	return time.Time{}, false, false
}

func mkDate(y, mo, d, h, mi, sec int, loc *time.Location, dateOnly bool) (time.Time, bool, bool) {
	if y < 1995 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 {
		return time.Time{}, false, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc)
	if t.Day() != d { // 31 February
		return time.Time{}, false, false
	}
	return t, dateOnly, true
}

func zone(z string) *time.Location {
	switch z {
	case "", "Z", "UTC", "GMT":
		return time.UTC
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	z = strings.ReplaceAll(z[1:], ":", "")
	h, m := 0, 0
	if len(z) >= 2 {
		h = atoi(z[:2])
	}
	if len(z) >= 4 {
		m = atoi(z[2:4])
	}
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// urlDate finds a year-month-day in a URL path.
func urlDate(u string) (time.Time, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return time.Time{}, false
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, re := range []*regexp.Regexp{reURLDate2, reURLDate} {
		if m := re.FindStringSubmatch(u); m != nil {
			if t, _, ok := mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), 0, 0, 0, time.UTC, true); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}

// textOf returns up to limit bytes of n's text.
func textOf(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if b.Len() >= limit {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	s := b.String()
	if len(s) > limit {
		s = strings.ToValidUTF8(s[:limit], "")
	}
	return strings.TrimSpace(s)
}

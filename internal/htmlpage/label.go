package htmlpage

import (
	"regexp"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"golang.org/x/net/html"
)

// Pages without structured dates often print one after a label
// ("Published on", "Erschienen am", "Publié le"). A date right after such a
// label is the publication date, where a date found anywhere in the text
// may be an update, a comment or an event, so labelled ones are looked for
// before the search of the visible text (textdate.go).

var pubLabels = []string{
	"published on", "published:", "published", "posted on", "posted:", "first published",
	"veröffentlicht am", "veröffentlicht:", "veröffentlicht", "erschienen am", "erschienen:", "publiziert am",
	"publié le", "publié :", "publicado el", "publicado:", "publicado", "pubblicato il", "pubblicato",
	"opublikowano", "data publikacji", "gepubliceerd op",
}

var (
	reNumDMY  = regexp.MustCompile(`^\D{0,12}?(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b`)
	reNumISO  = regexp.MustCompile(`^\D{0,12}?((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	reWordDMY = regexp.MustCompile(`^\D{0,12}?(\d{1,2})\.?\s+(?:de\s+)?([a-zäéûô]{3,10})\.?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	reWordMDY = regexp.MustCompile(`^\D{0,12}?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
)

var monthNames = map[string]int{
	"jan": 1, "january": 1, "januar": 1, "jänner": 1, "janvier": 1, "enero": 1, "gennaio": 1,
	"feb": 2, "february": 2, "februar": 2, "février": 2, "febrero": 2, "febbraio": 2,
	"mar": 3, "march": 3, "märz": 3, "mars": 3, "marzo": 3,
	"apr": 4, "april": 4, "avril": 4, "abril": 4, "aprile": 4,
	"may": 5, "mai": 5, "mayo": 5, "maggio": 5,
	"jun": 6, "june": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6,
	"jul": 7, "july": 7, "juli": 7, "juillet": 7, "julio": 7, "luglio": 7,
	"aug": 8, "august": 8, "août": 8, "agosto": 8,
	"sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "settembre": 9,
	"oct": 10, "october": 10, "okt": 10, "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10,
	"nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
	"dec": 12, "december": 12, "dez": 12, "dezember": 12, "décembre": 12, "diciembre": 12, "dicembre": 12,
}

// labelledDate finds the first date that directly follows a publication
// label in the visible text.
func labelledDate(doc *html.Node) (candidate, bool) {
	var found candidate
	ok := false
	budget := 400 << 10 // bytes of text examined: bounded on huge pages
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if ok || budget <= 0 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "head":
				return
			}
		}
		if n.Type == html.TextNode {
			budget -= len(n.Data)
			if c, good := dateAfterLabel(n); good {
				found, ok = c, true
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found, ok
}

func dateAfterLabel(n *html.Node) (candidate, bool) {
	// Labels stand in short lines; prose that says "published" is not one.
	if len(n.Data) > 200 {
		return candidate{}, false
	}
	low := strings.ToLower(n.Data)
	for _, l := range pubLabels {
		i := strings.Index(low, l)
		if i < 0 {
			continue
		}
		rest := low[i+len(l):]
		// The date may sit in the next element: "<span>Published</span> <time>…".
		if len(strings.TrimSpace(rest)) < 6 {
			rest += " " + strings.ToLower(followingText(n, 60))
		}
		if len(rest) > 80 {
			rest = rest[:80]
		}
		if t, ok := parseLabelDate(rest); ok {
			return candidate{t: t, dateOnly: true, source: dateline.DateFromText + ":label:" + strings.TrimRight(l, ": "), confidence: confTimeArticle}, true
		}
	}
	return candidate{}, false
}

func followingText(n *html.Node, limit int) string {
	var b strings.Builder
	// Steps are bounded too: a run of empty elements must not make every
	// label walk the rest of the page.
	steps := 0
	for s := n; s != nil && b.Len() < limit && steps < 64; steps++ {
		if s.NextSibling != nil {
			s = s.NextSibling
		} else {
			s = s.Parent
			if s == nil {
				break
			}
			continue
		}
		b.WriteString(" ")
		b.WriteString(textOf(s, limit))
	}
	return b.String()
}

func parseLabelDate(s string) (time.Time, bool) {
	if m := reNumISO.FindStringSubmatch(s); m != nil {
		t, _, ok := mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), 0, 0, 0, time.UTC, true)
		return t, ok
	}
	if m := reNumDMY.FindStringSubmatch(s); m != nil {
		t, _, ok := mkDate(atoi(m[3]), atoi(m[2]), atoi(m[1]), 0, 0, 0, time.UTC, true)
		return t, ok
	}
	if m := reWordDMY.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNames[m[2]]; ok {
			t, _, ok := mkDate(atoi(m[3]), mo, atoi(m[1]), 0, 0, 0, time.UTC, true)
			return t, ok
		}
	}
	if m := reWordMDY.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNames[m[1]]; ok {
			t, _, ok := mkDate(atoi(m[3]), mo, atoi(m[2]), 0, 0, 0, time.UTC, true)
			return t, ok
		}
	}
	return time.Time{}, false
}

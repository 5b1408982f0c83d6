package htmlpage

import (
	"regexp"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page with no structured date usually prints one in a short line near
// its headline ("Peter Grimm / 07.11.2023 / 09:30", "Miércoles, 15 de Abril
// de 2020"). We read the visible text in document order and take the first
// full date found in a short line, preferring a line inside an element
// whose class, id or itemprop speaks of a date or the article's byline.
// Prose is skipped: a date inside a sentence is usually an event's.

var (
	reTxtISO   = regexp.MustCompile(`\b((?:19|20)\d{2})[-./年](\d{1,2})[-./月](\d{1,2})\b`)
	reTxtDMY   = regexp.MustCompile(`\b(\d{1,2})(?:/|\.\s?)(\d{1,2})(?:/|\.\s?)((?:19|20)?\d{2})\b`)
	reTxtWDMY  = regexp.MustCompile(`\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\pL{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	reTxtWMDY  = regexp.MustCompile(`\b(\pL{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
	dateishKey = []string{"date", "time", "publish", "posted", "datum", "fecha", "byline", "meta", "stand", "zeit", "pubdate", "dateline"}
)

// textMonths extends monthNames with the languages news pages most often
// print dates in.
var textMonths = func() map[string]int {
	m := map[string]int{}
	for k, v := range monthNames {
		m[k] = v
	}
	for i, names := range [][]string{
		{"janeiro", "januari", "stycznia", "styczeń", "gennaio", "januar", "tammikuuta", "ianuarie", "ledna", "január", "januára", "sty", "ene", "gen", "janv"},
		{"fevereiro", "februari", "lutego", "luty", "helmikuuta", "februarie", "února", "február", "februára", "fev", "fév", "févr", "lut", "feber", "febr"},
		{"março", "maart", "marca", "marzec", "maaliskuuta", "martie", "března", "március", "marec", "marca", "mär", "mrz", "marz", "mars"},
		{"abril", "aprile", "kwietnia", "kwiecień", "huhtikuuta", "aprilie", "dubna", "április", "apríla", "abr", "avr", "kwi", "apr"},
		{"maio", "mei", "maja", "maj", "toukokuuta", "mai", "května", "május", "mája", "mag", "mayo"},
		{"junho", "juni", "czerwca", "czerwiec", "kesäkuuta", "iunie", "června", "június", "júna", "giu", "juin", "cze"},
		{"julho", "juli", "lipca", "lipiec", "heinäkuuta", "iulie", "července", "július", "júla", "lug", "juil", "lip"},
		{"agosto", "augustus", "augusti", "sierpnia", "sierpień", "elokuuta", "august", "srpna", "augusztus", "augusta", "ago", "aoû", "sie", "aug"},
		{"setembro", "setiembre", "september", "września", "wrzesień", "syyskuuta", "septembrie", "září", "szeptember", "septembra", "set", "wrz", "sept"},
		{"outubro", "oktober", "października", "październik", "lokakuuta", "octombrie", "října", "október", "októbra", "ott", "out", "paź", "okt"},
		{"novembro", "november", "listopada", "listopad", "marraskuuta", "noiembrie", "listopadu", "novembra", "lis", "nov"},
		{"dezembro", "december", "grudnia", "grudzień", "joulukuuta", "decembrie", "prosince", "december", "decembra", "dic", "dez", "déc", "gru", "des", "desember"},
	} {
		names = append(names, arabicMonths[i]...)
		for _, n := range names {
			if _, ok := m[n]; !ok {
				m[n] = i + 1
			}
		}
	}
	return m
}()

// arabicMonths are the month names of Egyptian and Levantine usage.
var arabicMonths = [12][]string{
	{"يناير", "كانون الثاني"}, {"فبراير", "شباط"}, {"مارس", "آذار"}, {"أبريل", "إبريل", "نيسان"}, {"مايو", "أيار"},
	{"يونيو", "يونيه", "حزيران"}, {"يوليو", "يوليه", "تموز"}, {"أغسطس", "آب"}, {"سبتمبر", "أيلول"},
	{"أكتوبر", "تشرين الأول"}, {"نوفمبر", "تشرين الثاني"}, {"ديسمبر", "كانون الأول"},
}

// textDate finds the publication date printed in the page's text.
func textDate(doc *html.Node, opts Options, lang string) (candidate, string, bool) {
	var first, firstDateish candidate
	var firstEv, dateishEv string
	found, foundDateish := false, false
	budget := 300 << 10 // bytes of text examined: bounded on huge pages
	mdy := lang == "en"
	cache := classCache{}
	var weak candidate
	var weakEv string
	foundWeak := false
	var walk func(n *html.Node, dateish, inLink, elsewhere bool)
	walk = func(n *html.Node, dateish, inLink, elsewhere bool) {
		if foundDateish || budget <= 0 {
			return
		}
		switch n.Type {
		case html.TextNode:
			budget -= len(n.Data)
			s := strings.TrimSpace(n.Data)
			if len(s) < 6 || digits(s) < 4 {
				// A full date has at least four digits ("1.1.22").
				return
			}
			// A long line only counts when it opens with the date, so
			// only its start is read.
			head := s
			if len(head) > 200 {
				head = strings.ToValidUTF8(head[:200], "")
			}
			low := strings.ToLower(head)
			t, at, ok := parseTextDate(low, mdy)
			// Prose mentions events; a date line is short, or opens with
			// the date ("27.1.2022 – Bei der Erinnerung …").
			if !ok || (len(s) > 200 && at > 40) || !notAfter(t, true, opts.Fetched) {
				return
			}
			// A date in a link names another page (an archive, a related
			// article), one in a comment the comment: both only when
			// nothing else is found. So does a date inside a sentence.
			if inLink || elsewhere || (at > 40 && strings.Count(s, " ") > 12) {
				if !foundWeak {
					weak, weakEv, foundWeak = candidate{t: t, dateOnly: true}, s, true
				}
				return
			}
			if dateish && !foundDateish {
				firstDateish, dateishEv, foundDateish = candidate{t: t, dateOnly: true}, s, true
			}
			if !found {
				first, firstEv, found = candidate{t: t, dateOnly: true}, s, true
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Select, atom.Option,
				atom.Textarea, atom.Nav:
				return
			case atom.A, atom.Footer:
				// Weak places: see below.
				inLink = true
			}
			if !elsewhere && (furniture(n, cache) == furnitureAlways || otherArticles(n)) {
				elsewhere = true
			}
			if !dateish {
				dateish = dateishElement(n)
			}
		case html.DocumentNode:
		default:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, dateish, inLink, elsewhere)
		}
	}
	walk(doc, false, false, false)
	switch {
	case foundDateish:
		firstDateish.source = dateline.DateFromText + ":dated-element"
		firstDateish.confidence = confTimeArticle
		return firstDateish, dateishEv, true
	case found:
		first.source = dateline.DateFromText + ":first-date"
		first.confidence = confTextFallback
		return first, firstEv, true
	case foundWeak:
		weak.source = dateline.DateFromText + ":first-date"
		weak.confidence = confTextFallback - 0.1
		return weak, weakEv, true
	}
	return candidate{}, "", false
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// otherArticles reports whether an element lists other pages (a sidebar,
// related or recent posts), whose dates are theirs.
func otherArticles(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, k := range []string{"sidebar", "widget", "related", "recommend", "teaser", "popular", "trending", "recent"} {
			if strings.Contains(v, k) {
				return true
			}
		}
	}
	return false
}

func dateishElement(n *html.Node) bool {
	if n.DataAtom == atom.Time {
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "itemprop" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, k := range dateishKey {
			if strings.Contains(v, k) {
				// "update"/"modified" lines name the wrong date.
				return !strings.Contains(v, "update") && !strings.Contains(v, "modif")
			}
		}
	}
	return false
}

// parseTextDate reads the first full date in a lower-cased line and says
// where in the line it starts.
func parseTextDate(s string, mdy bool) (time.Time, int, bool) {
	type hit struct {
		at int
		t  time.Time
	}
	var best hit
	best.at = -1
	try := func(at int, y, mo, d int) {
		if best.at >= 0 && at >= best.at {
			return
		}
		if t, _, ok := mkDate(y, mo, d, 0, 0, 0, time.UTC, true); ok {
			best = hit{at, t}
		}
	}
	if m := reTxtISO.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := reTxtDMY.FindStringSubmatchIndex(s); m != nil {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		if m[7]-m[6] == 2 {
			y += 2000
		}
		sep := s[m[3]]
		switch {
		case a > 12:
			try(m[0], y, b, a)
		case b > 12:
			try(m[0], y, a, b)
		case mdy && sep == '/':
			try(m[0], y, a, b)
		default:
			try(m[0], y, b, a)
		}
	}
	if m := reTxtWDMY.FindStringSubmatchIndex(s); m != nil {
		if mo, ok := textMonths[strings.TrimSuffix(s[m[4]:m[5]], ".")]; ok {
			try(m[0], atoi(s[m[6]:m[7]]), mo, atoi(s[m[2]:m[3]]))
		}
	}
	if m := reTxtWMDY.FindStringSubmatchIndex(s); m != nil {
		if mo, ok := textMonths[s[m[2]:m[3]]]; ok {
			try(m[0], atoi(s[m[6]:m[7]]), mo, atoi(s[m[4]:m[5]]))
		}
	}
	return best.t, best.at, best.at >= 0
}

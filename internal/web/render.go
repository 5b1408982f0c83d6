package web

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// idPath escapes an ID for use as the tail of a path. IDs may hold slashes
// (Timeline17's "bpoil_bbc/2010-04-06/1622"); those stay readable as path
// separators, since the routes take the rest of the path. A segment the mux
// would clean away ("", ".", "..") forces every slash to be escaped instead.
func idPath(id string) string {
	segs := strings.Split(id, "/")
	for _, s := range segs {
		if s == "" || s == "." || s == ".." {
			e := url.PathEscape(id) // escapes "/" as %2F
			return strings.ReplaceAll(e, ".", "%2E")
		}
	}
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func articleHref(id string) string { return "/articles/" + idPath(id) }
func storyHref(id string) string   { return "/stories/" + idPath(id) }
func entityHref(n string) string   { return "/entities/" + idPath(n) }

func humanDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(dateline.DateLayout)
}

// humanDay formats a YYYY-MM-DD string for reading; other strings pass through.
func humanDay(s string) string {
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("Mon 2 Jan 2006")
}

// dateSource explains in words where a publication date was read from.
func dateSource(src string) string {
	kind, field, _ := strings.Cut(src, ":")
	switch kind {
	case dateline.DateFromHeader:
		return "the “date” line at the top of the file"
	case dateline.DateFromFolder:
		return "the name of the folder the file was in"
	case dateline.DateFromJSON:
		if field != "" {
			return "the JSON field “" + field + "”"
		}
		return "a JSON field"
	case dateline.DateFromMeta:
		return "the page's metadata (a meta tag or JSON-LD)"
	case dateline.DateFromURL:
		return "a date in the URL"
	case dateline.DateFromFeed:
		return "the date of the feed item"
	case dateline.DateFromText:
		return "a date found in the visible text"
	case dateline.DateFromWARC:
		return "the time the page was captured (a last resort: no better date was found)"
	case "":
		return "an unrecorded place"
	}
	return src
}

// piece is a run of article text with the annotations covering all of it.
type piece struct {
	Text  string
	Class string
	Title string
	Href  string
}

type mark struct {
	start, end int
	class      string
	title      string
	href       string
	rank       int // lower wins the link and leads the title
}

// highlight cuts the text at every annotation boundary and returns the runs
// with their classes, so nested annotations (a date inside a quote) show
// both. Spans that fall outside the text or inside a UTF-8 sequence are
// dropped rather than trusted.
func highlight(a dateline.Article) []piece {
	text := a.Text
	var marks []mark
	ok := func(s, e int) bool {
		return s >= 0 && e <= len(text) && s < e && (s == len(text) || utf8.RuneStart(text[s])) && (e == len(text) || utf8.RuneStart(text[e]))
	}
	add := func(s, e int, m mark) {
		if ok(s, e) {
			m.start, m.end = s, e
			marks = append(marks, m)
		}
	}
	for _, at := range a.Attributions {
		if at.Source != nil {
			title := "source"
			if at.Source.Anonymous {
				title = "anonymous source"
			}
			add(at.Source.Start, at.Source.End, mark{class: "src", title: title, rank: 3})
		}
		add(at.Cue.Start, at.Cue.End, mark{class: "cue", title: "attribution cue", rank: 4})
		title := at.Kind + " speech"
		if at.Source != nil {
			who := at.Source.Entity
			if who == "" {
				who = strings.Join(strings.Fields(at.Source.Text), " ")
			}
			title += " by " + who
		}
		add(at.Content.Start, at.Content.End, mark{class: "quote", title: title, rank: 5})
	}
	for _, m := range a.Mentions {
		title := strings.ToLower(m.Type)
		if m.Entity != "" && m.Entity != m.Text {
			title += ": " + m.Entity
		}
		href := ""
		if m.Entity != "" {
			href = entityHref(m.Entity)
		}
		add(m.Start, m.End, mark{class: "ent ent-" + strings.ToLower(m.Type), title: title, href: href, rank: 1})
	}
	for _, t := range a.Timexes {
		title := t.Value
		if t.Type != "" {
			title += " (" + t.Type + ")"
		}
		add(t.Start, t.End, mark{class: "tx", title: title, rank: 0})
	}
	if len(marks) == 0 {
		return []piece{{Text: text}}
	}
	cuts := []int{0, len(text)}
	for _, m := range marks {
		cuts = append(cuts, m.start, m.end)
	}
	sort.Ints(cuts)
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].rank < marks[j].rank })
	var out []piece
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		p := piece{Text: text[s:e]}
		var classes, titles []string
		for _, m := range marks {
			if m.start <= s && e <= m.end {
				classes = append(classes, m.class)
				if m.title != "" {
					titles = append(titles, m.title)
				}
				if p.Href == "" {
					p.Href = m.href
				}
			}
		}
		p.Class = strings.Join(dedupe(classes), " ")
		p.Title = strings.Join(dedupe(titles), " · ")
		// Merge with the previous run when nothing differs, to keep the
		// markup small.
		if n := len(out); n > 0 && out[n-1].Class == p.Class && out[n-1].Title == p.Title && out[n-1].Href == p.Href {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// spark is an inline SVG bar chart of counts over time. Bars rather than a
// line, because coverage is bursty and a line hides single-day spikes.
type spark struct {
	W, H        int
	Bars        []sparkBar
	First, Last string
	Max         int
	Total       int
	Label       string
}

type sparkBar struct {
	X, Y, W, H string
	Title      string
}

// maxBars bounds the bars drawn; longer series are summed into buckets.
const maxBars = 240

func sparkline(days []dayCount, label string) *spark {
	if len(days) == 0 {
		return nil
	}
	sp := &spark{W: 600, H: 64, First: days[0].Date, Last: days[len(days)-1].Date, Label: label}
	bucket := (len(days) + maxBars - 1) / maxBars
	type agg struct {
		from, to string
		n        int
	}
	var bs []agg
	for i := 0; i < len(days); i += bucket {
		j := min(i+bucket, len(days))
		a := agg{from: days[i].Date, to: days[j-1].Date}
		for _, d := range days[i:j] {
			a.n += d.Count
		}
		sp.Total += a.n
		sp.Max = max(sp.Max, a.n)
		bs = append(bs, a)
	}
	if sp.Max == 0 {
		return sp
	}
	bw := float64(sp.W) / float64(len(bs))
	gap := min(bw*0.2, 2)
	for i, b := range bs {
		if b.n == 0 {
			continue
		}
		h := float64(sp.H-2) * float64(b.n) / float64(sp.Max)
		h = max(h, 1.5)
		when := humanDay(b.from)
		if b.to != b.from {
			when = humanDay(b.from) + " – " + humanDay(b.to)
		}
		unit := "articles"
		if b.n == 1 {
			unit = "article"
		}
		sp.Bars = append(sp.Bars, sparkBar{
			X: ftoa(float64(i) * bw), W: ftoa(max(bw-gap, 0.6)),
			Y: ftoa(float64(sp.H) - h), H: ftoa(h),
			Title: fmt.Sprintf("%s: %d %s", when, b.n, unit),
		})
	}
	return sp
}

func ftoa(f float64) string { return fmt.Sprintf("%.2f", f) }

// plural picks the singular or plural of a noun for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// quoted wraps a statement in curly quotes, dropping the straight or curly
// quotes and trailing comma the extracted span may already carry, so a
// direct quote is not shown as ““…,””.
func quoted(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"“”'‘’`")
	s = strings.TrimRight(s, ", ")
	s = strings.Trim(s, "\"“”")
	return "“" + s + "”"
}

// firstN returns at most n quotes; templates say how many more there are.
func firstN(qs []QuoteView, n int) []QuoteView {
	if len(qs) <= n {
		return qs
	}
	return qs[:n]
}

// firstSpeakers returns at most n speaker groups.
func firstSpeakers(gs []SpeakerQuotes, n int) []SpeakerQuotes {
	if len(gs) <= n {
		return gs
	}
	return gs[:n]
}

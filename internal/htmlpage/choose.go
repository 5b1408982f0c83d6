package htmlpage

import (
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

type dateResult struct {
	t          time.Time
	source     string
	confidence float64
	evidence   string
}

// notAfter reports whether t is acceptable given the capture time. A
// date-only value is compared by calendar day, since its midnight says
// nothing about the hour.
func notAfter(t time.Time, dateOnly bool, fetched time.Time) bool {
	if fetched.IsZero() {
		return true
	}
	if dateOnly {
		fy, fm, fd := fetched.Date()
		return !t.After(time.Date(fy, fm, fd, 0, 0, 0, 0, time.UTC))
	}
	return !t.After(fetched)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// findDate ranks the page's evidence. The URL's date settles a conflict
// only against weaker page evidence; when the two agree, confidence rises.
func findDate(doc *html.Node, opts Options) dateResult {
	cands := collect(doc)
	var best, modified *candidate
	for i := range cands {
		c := &cands[i]
		if !notAfter(c.t, c.dateOnly, opts.Fetched) {
			continue
		}
		if c.confidence <= confModified {
			if modified == nil {
				modified = c
			}
			continue
		}
		if best == nil || c.confidence > best.confidence {
			best = c
		}
	}
	ut, uok := urlDate(opts.URL)
	if uok && !notAfter(ut, true, opts.Fetched) {
		uok = false
	}
	if best != nil && uok && !sameDay(best.t, ut) && urlSettles(best, ut) {
		return dateResult{ut, dateline.DateFromURL, confURL, opts.URL}
	}
	switch {
	case best != nil && uok && sameDay(best.t, ut):
		return dateResult{best.t, best.source, min(1, best.confidence+0.05), best.t.Format(time.RFC3339)}
	case best != nil && (!uok || best.confidence > confURL):
		return dateResult{best.t, best.source, best.confidence, best.t.Format(time.RFC3339)}
	case uok:
		return dateResult{ut, dateline.DateFromURL, confURL, opts.URL}
	}
	// Nothing structured: a date after a publication label, then a search
	// of the visible text.
	if c, ok := labelledDate(doc); ok && notAfter(c.t, true, opts.Fetched) {
		return dateResult{c.t, c.source, c.confidence, c.t.Format(dateline.DateLayout)}
	}
	hopts := htmldate.Options{
		UseOriginalDate:     true,
		URL:                 opts.URL,
		SkipExtensiveSearch: opts.SkipTextDateSearch,
	}
	if !opts.Fetched.IsZero() {
		hopts.MaxDate = opts.Fetched
	}
	// htmldate would read the meta tags and JSON-LD again, which we have
	// weighed already; on hostile pages with many date-like meta values
	// its date parser also costs seconds. Give it the page without them.
	pruned := dom.Clone(doc, true)
	removeMatching(pruned, func(n *html.Node) bool {
		return n.Data == "meta" || (n.Data == "script" && strings.Contains(strings.ToLower(attr(n, "type")), "json"))
	})
	if r, err := htmldate.FromDocument(pruned, hopts); err == nil && !r.IsZero() && plausibleText(r) {
		t := r.DateTime
		if modified != nil && sameDay(modified.t, t) {
			// htmldate fell back on the modification date we already saw.
			return dateResult{modified.t, modified.source, modified.confidence, modified.t.Format(time.RFC3339)}
		}
		if notAfter(t, !r.HasTime, opts.Fetched) {
			src := dateline.DateFromText + ":htmldate"
			if opts.URL != "" && r.SrcString == opts.URL {
				src = dateline.DateFromURL
			}
			ev := r.SrcString
			if len(ev) > 120 {
				ev = ev[:120]
			}
			return dateResult{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), src, confTextFallback, strings.TrimSpace(ev)}
		}
	}
	if modified != nil {
		return dateResult{modified.t, modified.source, modified.confidence, modified.t.Format(time.RFC3339)}
	}
	return dateResult{}
}

// urlSettles reports whether the URL's day should win over page evidence
// that names another day: a UTC timestamp within a day of the URL's date
// is not better evidence of the calendar day, because the URL holds the
// newsroom's local day and the timestamp was converted for machines.
func urlSettles(best *candidate, ut time.Time) bool {
	d := best.t.Sub(ut)
	if !best.dateOnly && best.t.Location() == time.UTC && d > -48*time.Hour && d < 48*time.Hour {
		return true
	}
	return false
}

// plausibleText rejects htmldate's weakest guesses: a year alone (a
// copyright line, "© 2016"), which it reports as the 1st of January.
func plausibleText(r htmldate.Result) bool {
	ev := strings.ToLower(r.SrcString)
	if r.DateTime.Month() != time.January || r.DateTime.Day() != 1 {
		return true
	}
	if strings.Contains(ev, "©") || strings.Contains(ev, "copyright") || strings.Contains(ev, "&copy") {
		return false
	}
	for _, s := range []string{"01-01", "01.01", "1.1.", "/01/01", "0101", "jan", "ene", "gen", "stycz", "1er"} {
		if strings.Contains(ev, s) {
			return true
		}
	}
	return false
}

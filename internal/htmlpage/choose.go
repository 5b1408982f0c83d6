package htmlpage

import (
	"time"

	"github.com/datelinehq/dateline"
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

// dayOf is the UTC midnight of t's calendar day.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// findDate ranks the page's evidence. The URL's date settles a conflict
// only against weaker page evidence; when the two agree, confidence rises.
func findDate(doc *html.Node, ld jsonLD, opts Options, lang string) dateResult {
	cands := collect(doc, ld)
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
	if !opts.SkipTextDateSearch {
		if c, ev, ok := textDate(doc, opts, lang); ok {
			if modified != nil && sameDay(modified.t, c.t) {
				// The line printed the modification date we already saw.
				return dateResult{modified.t, modified.source, modified.confidence, modified.t.Format(time.RFC3339)}
			}
			return dateResult{c.t, c.source, c.confidence, ev}
		}
	}
	if modified != nil {
		return dateResult{modified.t, modified.source, modified.confidence, modified.t.Format(time.RFC3339)}
	}
	return dateResult{}
}

// urlSettles reports whether the URL's day should win over page evidence
// that names another day: a UTC timestamp is not better evidence of the
// calendar day than the URL, which holds the newsroom's local day, when
// some newsroom's clock (UTC−10 to UTC+14) would read it as the URL's day:
// 02:54Z is still the evening before in New York, 10:04Z is the same day
// everywhere from Hawaii east.
func urlSettles(best *candidate, ut time.Time) bool {
	d := best.t.Sub(ut)
	if !best.dateOnly && best.t.Location() == time.UTC {
		west, east := dayOf(best.t.Add(-10*time.Hour)), dayOf(best.t.Add(14*time.Hour))
		if !ut.Before(west) && !ut.After(east) {
			return true
		}
	}
	// A URL is minted when the article first goes out; page evidence more
	// than a month after it is a republication or a site migration.
	return d > 31*24*time.Hour
}

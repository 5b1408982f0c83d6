package timeline

import "strings"

// trimDateline drops the wire-service preamble some articles glue onto
// their first sentence ("MEXICO CITY | Mon Apr 27 , 2009 3:10 am BST
// MEXICO CITY -LRB- Reuters -RRB- - Fears of …"), which is noise to a
// reader and to any overlap measure. It returns the byte offset where the
// sentence proper starts (0 when there is no preamble).
func trimDateline(s string) int {
	limit := min(len(s), 220)
	head := s[:limit]
	best := -1
	for _, m := range []string{"-RRB- - ", "-RRB- -- ", ") - ", ") -- ", ") — ", ") – "} {
		if i := strings.Index(head, m); i >= 0 {
			// The parenthesis must hold a short outlet name, not a clause.
			open, width := strings.LastIndex(head[:i], "("), 1
			if lrb := strings.LastIndex(head[:i], "-LRB-"); lrb > open {
				open, width = lrb, 5
			}
			if open < 0 || !outletName(head[open+width:i]) {
				continue
			}
			end := i + len(m)
			if best < 0 || end < best {
				best = end
			}
		}
	}
	if best < 0 || len(s)-best < 20 {
		return 0
	}
	return best
}

// usable reports whether a sentence can stand in a timeline: questions,
// photo credits and bylines cannot.
func usable(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "? ''") || strings.HasSuffix(t, "?\"") {
		return false
	}
	if hasClockStamp(t) {
		return false
	}
	low := strings.ToLower(t[:min(len(t), 24)])
	for _, p := range []string{"photograph", "photo :", "photo:", "by ", "copyright", "click ", "read more", "related :"} {
		if strings.HasPrefix(low, p) {
			return false
		}
	}
	return true
}

// outletName reports whether s looks like "Reuters", "AP" or "Agence
// France-Presse": one to three capitalised words.
func outletName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 || len(s) > 30 {
		return false
	}
	for _, w := range f {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// hasClockStamp reports a web page's time stamp ("15.35 BST", "3:10 am
// EDT") inside a sentence: the mark of a headline, standfirst and caption
// run together by the page scraper, not a sentence anyone wrote.
func hasClockStamp(s string) bool {
	for _, zone := range []string{" BST", " GMT", " EDT", " EST", " CET", " UTC", " PDT", " PST", " CDT", " CST"} {
		i := strings.Index(s, zone)
		for i >= 0 {
			if end := i + len(zone); end == len(s) || s[end] == ' ' {
				before := strings.TrimSuffix(strings.TrimSuffix(s[:i], " am"), " pm")
				before = strings.TrimSuffix(strings.TrimSuffix(before, " a.m."), " p.m.")
				if n := len(before); n >= 4 && isDigit(before[n-1]) && isDigit(before[n-2]) && (before[n-3] == '.' || before[n-3] == ':') {
					return true
				}
			}
			j := strings.Index(s[i+1:], zone)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimPreamble drops everything a page glued before a lead sentence: a
// web page's headline, standfirst and time stamp ("… Monday 17 May 2010
// 22.40 BST", "Last updated at 21:40 GMT Help") and a wire dateline. It
// returns the byte offset where the sentence proper starts.
func trimPreamble(s string) int {
	off := trimStamp(s)
	return off + trimDateline(s[off:])
}

// stampZones are the time zones a page's time stamp ends with.
var stampZones = map[string]bool{"BST": true, "GMT": true, "EDT": true, "EST": true, "CET": true, "UTC": true, "PDT": true, "PST": true, "CDT": true, "CST": true}

// trimStamp drops what comes before a web page's time stamp ("… 22.40
// BST", "Last updated at 21:40 GMT Help"): the headline and standfirst a
// scraper ran into the lead.
func trimStamp(s string) int {
	best := -1
	// One pass over the spaces, not one strings.Index per zone: this runs
	// on every sentence of every article a timeline reads.
	for at := 0; at+4 <= len(s); at++ {
		if s[at] != ' ' || !isUpper(s[at+1]) || !isUpper(s[at+2]) || !isUpper(s[at+3]) || !stampZones[s[at+1:at+4]] {
			continue
		}
		end := at + 4
		if end != len(s) && s[end] != ' ' {
			continue
		}
		before := strings.TrimSuffix(strings.TrimSuffix(s[:at], " am"), " pm")
		before = strings.TrimSuffix(strings.TrimSuffix(before, " a.m."), " p.m.")
		if n := len(before); n >= 4 && isDigit(before[n-1]) && isDigit(before[n-2]) && (before[n-3] == '.' || before[n-3] == ':') && pageStamp(before) {
			best = max(best, end)
		}
	}
	if best < 0 {
		return 0
	}
	rest := strings.TrimLeft(s[best:], " ")
	// What may follow the stamp before the text: the page's date again
	// (", Thursday , 3 February 2011 09:03 UK"), a server-side include's
	// error message, the "Help" link.
	for {
		f, tail, _ := strings.Cut(rest, " ")
		if f != "" && (f == "," || f == "UK" || f == "Help" || isDateWord(f) || isDateWord(strings.TrimSuffix(f, ","))) {
			rest = strings.TrimLeft(tail, " ")
			continue
		}
		break
	}
	rest = strings.TrimPrefix(rest, "-LRB- an error occurred while processing this directive -RRB- ")
	rest = strings.TrimPrefix(rest, "(an error occurred while processing this directive) ")
	if len(strings.Fields(rest)) < 6 {
		return 0
	}
	return len(s) - len(rest)
}

// pageStamp reports whether the clock time that ends s is a page's time
// stamp, dated ("Monday 17 May 2010 22.40") or "updated at 21:40", rather
// than a time in the story ("the leak was found at 10:30").
func pageStamp(s string) bool {
	f := strings.Fields(s)
	f = f[max(0, len(f)-6) : len(f)-1] // the words before the clock time
	for i, w := range f {
		if isMonth(strings.TrimSuffix(w, ",")) || isWeekday(strings.TrimSuffix(w, ",")) || w == "updated" && i+1 < len(f) && f[i+1] == "at" {
			return true
		}
	}
	return false
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

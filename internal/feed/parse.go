// Package feed watches RSS, Atom and JSON Feed sources: it polls them
// politely (conditional GET, a gap between requests to one host, backoff
// on errors and Retry-After), fetches each new item's page, extracts it
// with htmlpage and hands the documents to a Sink, remembering what it has
// seen across restarts in a small JSON state file.
//
// Feed formats are parsed with github.com/mmcdole/gofeed, which covers RSS
// 0.9x–2.0, Atom 0.3/1.0 and JSON Feed and their date dialects; OPML
// subscription lists with encoding/xml.
package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/mmcdole/gofeed"
)

// MaxFeedBytes bounds one feed document.
const MaxFeedBytes = 8 << 20

// Item is one feed entry.
type Item struct {
	Key       string // GUID, or the link when there is none: what "seen" remembers
	Link      string
	Title     string
	Summary   string
	Author    string
	Published time.Time // zero when the feed gives none
	// ZoneGuessed is set when the feed's date had no time zone and was
	// moved back so it does not lie after the fetch time.
	ZoneGuessed bool
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Link  string
	Items []Item
}

// reZone matches the end of a date string that names its zone.
var reZone = regexp.MustCompile(`(?i)(z|[+-]\d{2}:?\d{2}|\b(gmt|utc|ut|[ecmp][sd]t|[a-z]{3,5}))\s*$`)

// Parse reads a feed document. fetched is when it was fetched: an item
// date without a zone that would lie after it is moved back by whole
// hours (it was written in a zone east of UTC), never into the future.
func Parse(data []byte, fetched time.Time) (Feed, error) {
	const op = "feed.Parse"
	if len(data) > MaxFeedBytes {
		return Feed{}, dateline.Errorf(dateline.Invalid, op, "feed larger than %d bytes", MaxFeedBytes)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return Feed{}, dateline.Errorf(dateline.Invalid, op, "not a feed gofeed can read (RSS, Atom, JSON Feed): %w", err)
	}
	out := Feed{Title: strings.TrimSpace(f.Title), Link: f.Link}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{
			Link:    strings.TrimSpace(it.Link),
			Title:   strings.TrimSpace(it.Title),
			Summary: strings.TrimSpace(it.Description),
		}
		if it.Author != nil {
			item.Author = it.Author.Name
		} else if len(it.Authors) > 0 && it.Authors[0] != nil {
			item.Author = it.Authors[0].Name
		}
		item.Key = strings.TrimSpace(it.GUID)
		if item.Key == "" {
			item.Key = item.Link
		}
		if item.Key == "" {
			item.Key = item.Title
		}
		raw, parsed := it.Published, it.PublishedParsed
		if parsed == nil {
			raw, parsed = it.Updated, it.UpdatedParsed
		}
		if parsed != nil && parsed.Year() > 1970 {
			t := *parsed
			if !fetched.IsZero() && t.After(fetched) && !reZone.MatchString(strings.TrimSpace(raw)) {
				// Wall-clock time in an unknown zone: the earliest zone
				// (UTC+14) bounds the shift.
				shift := t.Sub(fetched).Truncate(time.Hour) + time.Hour
				if shift <= 14*time.Hour {
					t = t.Add(-shift)
					item.ZoneGuessed = true
				}
			}
			if fetched.IsZero() || !t.After(fetched) {
				item.Published = t
			}
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// ParseList reads a list of feeds: OPML (any outline with an xmlUrl), or
// plain text with one URL a line, blank lines and # comments ignored.
func ParseList(data []byte) ([]string, error) {
	const op = "feed.ParseList"
	trim := bytes.TrimSpace(data)
	if bytes.HasPrefix(trim, []byte("<")) {
		type outline struct {
			XMLURL   string    `xml:"xmlUrl,attr"`
			Outlines []outline `xml:"outline"`
		}
		var doc struct {
			Body struct {
				Outlines []outline `xml:"outline"`
			} `xml:"body"`
		}
		if err := xml.Unmarshal(trim, &doc); err != nil {
			return nil, dateline.Errorf(dateline.Invalid, op, "OPML: %w", err)
		}
		var urls []string
		var walk func(os []outline, depth int)
		walk = func(os []outline, depth int) {
			if depth > 32 {
				return
			}
			for _, o := range os {
				if u := strings.TrimSpace(o.XMLURL); u != "" {
					urls = append(urls, u)
				}
				walk(o.Outlines, depth+1)
			}
		}
		walk(doc.Body.Outlines, 0)
		return dedupe(urls), nil
	}
	var urls []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			return nil, dateline.Errorf(dateline.Invalid, fmt.Sprintf("%s: line %d", op, n), "not an http(s) URL: %q", line)
		}
		urls = append(urls, line)
	}
	if err := sc.Err(); err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "%w", err)
	}
	return dedupe(urls), nil
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

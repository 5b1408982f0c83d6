// Package seedtext reads the dated-text format: optional white space, the
// line "date YYYY-MM-DD", a space or newline, then the body. Optional
// "key: value" header lines (source, title, url, id) may follow the date
// line before a blank line; the seed itself has none.
package seedtext

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// Looks reports whether b starts like a dated-text document.
func Looks(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n\ufeff")
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if len(b) < len("date 2006-01-02") || !bytes.HasPrefix(b, []byte("date ")) {
		return false
	}
	d := b[5:15]
	for i, c := range d {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) == 15 || b[15] == ' ' || b[15] == '\n' || b[15] == '\r' || b[15] == '\t'
}

var headerKeys = map[string]bool{"source": true, "title": true, "url": true, "id": true}

// Parse reads one dated-text document. The returned document has Published
// (from the date line), Text, and whatever headers gave; the caller sets ID
// and Origin.
func Parse(b []byte) (dateline.Document, error) {
	var doc dateline.Document
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return doc, fmt.Errorf("invalid UTF-8 at byte offset %d (convert the file to UTF-8)", off)
	}
	s := strings.TrimPrefix(strings.TrimLeft(string(b), " \t\r\n"), "\ufeff")
	s = strings.TrimLeft(s, " \t\r\n")
	if !Looks([]byte(s)) {
		return doc, fmt.Errorf("missing date: a dated-text file starts with \"date YYYY-MM-DD\"")
	}
	t, err := time.Parse(dateline.DateLayout, s[5:15])
	if err != nil {
		return doc, fmt.Errorf("impossible date %q: %w", s[5:15], err)
	}
	doc.Published = t
	doc.PublishedSource = dateline.DateFromHeader
	rest := s[15:]
	if strings.HasPrefix(rest, "\r\n") || strings.HasPrefix(rest, "\n") {
		// Header lines may follow a date on its own line.
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "\r"), "\n")
		rest = strings.TrimPrefix(rest, "\r\n")
		for {
			line, after, found := strings.Cut(rest, "\n")
			key, val, ok := strings.Cut(line, ":")
			if !ok || !headerKeys[key] || !found && line == "" {
				break
			}
			val = strings.TrimSpace(val)
			switch key {
			case "source":
				doc.Source = val
			case "title":
				doc.Title = val
			case "url":
				doc.URL = val
			case "id":
				doc.ID = val
			}
			rest = after
			if !found {
				break
			}
		}
	}
	doc.Text = strings.TrimSpace(rest)
	if doc.Title == "" {
		doc.Title, doc.Text = SplitHeadline(doc.Text)
	}
	if doc.Text == "" {
		return doc, fmt.Errorf("empty body after the date line")
	}
	return doc, nil
}

// SplitHeadline takes a leading headline off a body: a first line of at most
// 200 bytes, followed by a blank line, that does not end like a sentence.
// Bodies without one come back unchanged.
func SplitHeadline(body string) (title, text string) {
	i := strings.Index(body, "\n")
	if i <= 0 || i > 200 {
		return "", body
	}
	first := strings.TrimSpace(body[:i])
	rest := body[i+1:]
	if !strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") {
		return "", body
	}
	if first == "" || strings.HasSuffix(first, ".") || strings.HasSuffix(first, "\"") || strings.HasSuffix(first, "”") {
		return "", body
	}
	return first, strings.TrimSpace(rest)
}

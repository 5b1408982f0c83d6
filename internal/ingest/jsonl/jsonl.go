// Package jsonl reads one article per line of JSON, accepting the field
// names common news datasets use (news-please, CC-NEWS dumps, Timeline17).
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// Field names tried in order for each document field.
var (
	textFields   = []string{"text", "maintext", "content", "body"}
	dateFields   = []string{"date", "published", "date_publish", "pubdate", "time"}
	sourceFields = []string{"source", "domain", "source_domain"}
)

// MaxLine is the longest line read; longer lines are reported and skipped
// without being held in memory.
const MaxLine = 16 << 20

// LineError is a record that could not be read.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Reader yields the documents of a JSONL stream one at a time.
type Reader struct {
	r    *bufio.Reader
	line int
	buf  []byte
}

// NewReader reads JSONL from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 256<<10)}
}

// Line is the number of the line last returned.
func (r *Reader) Line() int { return r.line }

// Next returns the next document. A bad record gives a *LineError and the
// reader stays usable; io.EOF ends the stream; any other error (a truncated
// gzip stream, a read failure) is fatal for this input.
func (r *Reader) Next() (dateline.Document, error) {
	for {
		line, err := r.readLine()
		if err != nil {
			return dateline.Document{}, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, err := Parse(line)
		if err != nil {
			return doc, &LineError{Line: r.line, Err: err}
		}
		return doc, nil
	}
}

var errTooLong = errors.New("line too long")

// readLine returns the next line without its newline, skipping the rest of
// any line over MaxLine (reported as a *LineError).
func (r *Reader) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	r.line++
	tooLong := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		if !tooLong {
			if len(r.buf)+len(chunk) > MaxLine {
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if tooLong {
				return nil, &LineError{Line: r.line, Err: fmt.Errorf("%w: over %d MiB; skipped", errTooLong, MaxLine>>20)}
			}
			if len(r.buf) == 0 {
				return nil, io.EOF
			}
			return bytes.TrimRight(r.buf, "\r\n"), nil
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("truncated input after line %d: %w", r.line-1, err)
			}
			return nil, fmt.Errorf("read error after line %d: %w", r.line-1, err)
		}
		if tooLong {
			return nil, &LineError{Line: r.line, Err: fmt.Errorf("%w: over %d MiB; skipped", errTooLong, MaxLine>>20)}
		}
		return bytes.TrimRight(r.buf, "\r\n"), nil
	}
}

// Parse reads one JSON object into a document. The caller checks the date
// against its clock and fills in ID when the record has none.
func Parse(line []byte) (dateline.Document, error) {
	var doc dateline.Document
	if !utf8.Valid(line) {
		return doc, fmt.Errorf("invalid UTF-8 (the file must be UTF-8 encoded)")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return doc, fmt.Errorf("invalid JSON at column %d: %v", se.Offset, err)
		}
		return doc, fmt.Errorf("not a JSON object: %v", err)
	}
	str := func(names ...string) (string, string, error) {
		for _, n := range names {
			raw, ok := m[n]
			if !ok || string(raw) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				// Numbers are accepted for ids and epoch dates.
				var num json.Number
				if json.Unmarshal(raw, &num) == nil {
					return num.String(), n, nil
				}
				return "", n, fmt.Errorf("field %q: want a string", n)
			}
			if s != "" {
				return s, n, nil
			}
		}
		return "", "", nil
	}
	var err error
	if doc.Text, _, err = str(textFields...); err != nil {
		return doc, err
	}
	// A record whose text field is present but empty is still a dated
	// document (datasets keep such stubs, and counts must match theirs);
	// a record with no text field at all is not an article.
	if doc.Text == "" && !hasAny(m, textFields) {
		return doc, fmt.Errorf("no text (looked for %s)", strings.Join(textFields, ", "))
	}
	dateStr, field, err := str(dateFields...)
	if err != nil {
		return doc, err
	}
	if dateStr == "" {
		return doc, fmt.Errorf("missing date (looked for %s)", strings.Join(dateFields, ", "))
	}
	t, err := ParseDate(dateStr)
	if err != nil {
		return doc, fmt.Errorf("field %q: %w", field, err)
	}
	doc.Published = t
	doc.PublishedSource = dateline.DateFromJSON + ":" + field
	if doc.Title, _, err = str("title", "headline"); err != nil {
		return doc, err
	}
	if doc.URL, _, err = str("url", "link"); err != nil {
		return doc, err
	}
	if doc.Source, _, err = str(sourceFields...); err != nil {
		return doc, err
	}
	if doc.ID, _, err = str("id", "_id"); err != nil {
		return doc, err
	}
	return doc, nil
}

var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04",
	dateline.DateLayout,
	time.RFC1123Z,
	time.RFC1123,
	"2006/01/02",
}

// ParseDate accepts the date spellings datasets use: RFC 3339, ISO dates
// with or without a time, RFC 1123, and Unix seconds. Times are kept in UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 10 {
		return time.Unix(n, 0).UTC(), nil
	}
	// Report the most useful reason: an ISO date that does not exist.
	if len(s) >= 10 {
		if _, err := time.Parse(dateline.DateLayout, s[:10]); err != nil && s[4] == '-' && s[7] == '-' {
			return time.Time{}, fmt.Errorf("impossible date %q", s)
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q (want YYYY-MM-DD or RFC 3339)", s)
}

func hasAny(m map[string]json.RawMessage, names []string) bool {
	for _, n := range names {
		if raw, ok := m[n]; ok && string(raw) != "null" {
			return true
		}
	}
	return false
}

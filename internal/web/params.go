package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// maxParam bounds any one query parameter; longer ones are refused rather
// than handed to the full-text engine.
const maxParam = 500

// params reads query parameters, collecting the first problem so a handler
// can parse everything and check once.
type params struct {
	v   url.Values
	err error
}

func newParams(r *http.Request) *params {
	p := &params{v: r.URL.Query()}
	return p
}

func (p *params) bad(name, format string, args ...any) {
	if p.err == nil {
		p.err = dateline.Errorf(dateline.Invalid, "parameter "+name, format, args...)
	}
}

// str returns a trimmed parameter, refusing invalid UTF-8 and overlong values.
func (p *params) str(name string) string {
	s := strings.TrimSpace(p.v.Get(name))
	if len(s) > maxParam {
		p.bad(name, "longer than %d bytes", maxParam)
		return ""
	}
	if !utf8.ValidString(s) {
		p.bad(name, "not valid UTF-8")
		return ""
	}
	return s
}

// date parses a YYYY-MM-DD parameter; empty gives the zero time.
func (p *params) date(name string) time.Time {
	s := p.str(name)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		p.bad(name, "%q is not a date; want YYYY-MM-DD", s)
		return time.Time{}
	}
	return t
}

// dateRange parses from and to and checks their order.
func (p *params) dateRange() (from, to time.Time) {
	from, to = p.date("from"), p.date("to")
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.bad("to", "%s is before from=%s", to.Format(dateline.DateLayout), from.Format(dateline.DateLayout))
	}
	return from, to
}

func (p *params) intIn(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.bad(name, "%q: want a whole number from %d to %d", s, lo, hi)
		return def
	}
	return n
}

// page reads limit and offset.
func (p *params) page() (limit, offset int) {
	return p.intIn("limit", defaultLimit, 1, maxLimit), p.intIn("offset", 0, 0, maxOffset)
}

// pageNum reads the 1-based page number the HTML pages use.
func (p *params) pageNum() int {
	return p.intIn("page", 1, 1, maxOffset/defaultLimit)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client may have gone; nothing to do about it
}

// Package timeml reads and writes TempEval-3 TimeML files: the document
// creation time, the text inside <TEXT> with every tag stripped, and the
// TIMEX3 annotations that were inline in it.
//
// Offsets are byte offsets into the stripped text, which is the file's bytes
// between <TEXT> and </TEXT> minus the tags: character entities such as
// &amp; are left as they are, so writing tags back at those offsets and
// stripping them again gives exactly the same bytes.
package timeml

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Timex is one TIMEX3 annotation in a document's stripped text.
type Timex struct {
	Start, End int // byte offsets into Doc.Text
	TID        string
	Type       string
	Value      string
}

// Doc is one parsed TimeML file.
type Doc struct {
	Raw      []byte    // the whole file
	DCT      time.Time // zero when the file has none
	DCTValue string    // the DCT's value attribute as written
	// Text is the content of <TEXT> with every tag removed, otherwise
	// byte-identical to the file (entities stay escaped).
	Text string
	// Timexes are the TIMEX3 annotations found inside <TEXT>, in order.
	Timexes []Timex

	textStart, textEnd int // the raw bytes between <TEXT> and </TEXT>
}

var (
	// The DCT element may hold text around its TIMEX3 ("SHANGHAI, <TIMEX3 …>");
	// files without one mark the creation time by its function.
	dctRe   = regexp.MustCompile(`(?s)<DCT>[^<]*<TIMEX3\b([^>]*)>`)
	dctFnRe = regexp.MustCompile(`<TIMEX3\b([^>]*functionInDocument="CREATION_TIME"[^>]*)>`)
	attrRe  = regexp.MustCompile(`([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*')`)
)

// ReadFile parses the TimeML file at path.
func ReadFile(ctx context.Context, path string) (*Doc, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("timeml: read %s: %w", path, err)
	}
	d, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// Parse reads a TimeML document from its bytes.
func Parse(b []byte) (*Doc, error) {
	const op = "timeml"
	open := bytes.Index(b, []byte("<TEXT>"))
	if open < 0 {
		return nil, dateline.Errorf(dateline.Invalid, op, "no <TEXT> element; is this a TimeML file?")
	}
	start := open + len("<TEXT>")
	rel := bytes.Index(b[start:], []byte("</TEXT>"))
	if rel < 0 {
		return nil, dateline.Errorf(dateline.Invalid, op, "<TEXT> is never closed")
	}
	d := &Doc{Raw: b, textStart: start, textEnd: start + rel}
	m := dctRe.FindSubmatch(b)
	if m == nil {
		m = dctFnRe.FindSubmatch(b)
	}
	if m != nil {
		attrs := parseAttrs(m[1])
		d.DCTValue = attrs["value"]
		if t, ok := parseDCT(d.DCTValue); ok {
			d.DCT = t
		}
	}
	text, timexes, err := strip(b[d.textStart:d.textEnd])
	if err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "%v", err)
	}
	d.Text = text
	d.Timexes = timexes
	return d, nil
}

// parseDCT accepts the date forms DCT values take: 1998-01-08,
// 1998-01-08T12:00 and the bare 19980108 some corpora use.
func parseDCT(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "20060102"} {
		if len(v) >= len(layout) {
			if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func parseAttrs(b []byte) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllSubmatch(b, -1) {
		v := string(a[2])
		m[string(a[1])] = unescape(v[1 : len(v)-1])
	}
	return m
}

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")

func unescape(s string) string { return unescaper.Replace(s) }

// strip removes every tag from the TEXT content and records where the
// TIMEX3 elements were. It is one pass over the bytes.
func strip(b []byte) (string, []Timex, error) {
	var out strings.Builder
	out.Grow(len(b))
	var timexes []Timex
	var openStack []int // indexes into timexes of TIMEX3 not yet closed
	for i := 0; i < len(b); {
		if b[i] != '<' {
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				j = len(b) - i
			}
			out.Write(b[i : i+j])
			i += j
			continue
		}
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return "", nil, fmt.Errorf("tag at byte %d of <TEXT> is never closed", i)
		}
		tag := b[i+1 : i+j]
		i += j + 1
		switch {
		case bytes.HasPrefix(tag, []byte("/TIMEX3")):
			if len(openStack) == 0 {
				return "", nil, fmt.Errorf("</TIMEX3> without an opening tag")
			}
			k := openStack[len(openStack)-1]
			openStack = openStack[:len(openStack)-1]
			timexes[k].End = out.Len()
		case bytes.HasPrefix(tag, []byte("TIMEX3")) && (len(tag) == 6 || tag[6] == ' ' || tag[6] == '\t' || tag[6] == '\n' || tag[6] == '/'):
			a := parseAttrs(tag[6:])
			tx := Timex{Start: out.Len(), End: out.Len(), TID: a["tid"], Type: a["type"], Value: a["value"]}
			timexes = append(timexes, tx)
			if !bytes.HasSuffix(tag, []byte("/")) {
				openStack = append(openStack, len(timexes)-1)
			}
		}
	}
	if len(openStack) > 0 {
		return "", nil, fmt.Errorf("a <TIMEX3> inside <TEXT> is never closed")
	}
	// Empty (non-consuming) TIMEX3 elements mark no text; a scorer cannot
	// match them by extent, so they are left out.
	kept := timexes[:0]
	for _, t := range timexes {
		if t.End > t.Start {
			kept = append(kept, t)
		}
	}
	return out.String(), kept, nil
}

// Write returns the document's file with the given TIMEX3 annotations inline
// in <TEXT> in place of whatever tags were there. Everything outside <TEXT>,
// the DCT among it, is kept as it was. Annotations must be sorted and must
// not overlap; an annotation that would split a character entity is widened
// to cover it, so the output stays well-formed.
func (d *Doc) Write(timexes []Timex) ([]byte, error) {
	ts := append([]Timex(nil), timexes...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Start < ts[j].Start })
	var buf bytes.Buffer
	buf.Grow(len(d.Raw) + 80*len(ts))
	buf.Write(d.Raw[:d.textStart])
	text := d.Text
	pos := 0
	for n, t := range ts {
		s, e := widen(text, t.Start, t.End)
		if s < pos || e > len(text) || s >= e {
			return nil, dateline.Errorf(dateline.Invalid, "timeml.Write", "annotation %d [%d,%d) overlaps the one before it or is out of range", n, t.Start, t.End)
		}
		buf.WriteString(text[pos:s])
		tid := t.TID
		if tid == "" {
			tid = fmt.Sprintf("t%d", n+1)
		}
		fmt.Fprintf(&buf, `<TIMEX3 tid="%s" type="%s" value="%s">`, escAttr(tid), escAttr(t.Type), escAttr(t.Value))
		buf.WriteString(text[s:e])
		buf.WriteString("</TIMEX3>")
		pos = e
	}
	buf.WriteString(text[pos:])
	buf.Write(d.Raw[d.textEnd:])
	return buf.Bytes(), nil
}

// widen moves s and e out of any &…; entity they fall inside.
func widen(text string, s, e int) (int, int) {
	if s < 0 {
		s = 0
	}
	if e > len(text) {
		e = len(text)
	}
	if a := strings.LastIndexByte(text[:s], '&'); a >= 0 && s-a <= 8 && !strings.ContainsAny(text[a:s], "; \t\n") {
		if semi := strings.IndexByte(text[a:], ';'); semi >= 0 && a+semi >= s {
			s = a
		}
	}
	if a := strings.LastIndexByte(text[:e], '&'); a >= 0 && e-a <= 8 && !strings.ContainsAny(text[a:e], "; \t\n") {
		if semi := strings.IndexByte(text[a:], ';'); semi >= 0 && semi <= 8 {
			e = a + semi + 1
		}
	}
	return s, e
}

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escAttr(s string) string { return attrEscaper.Replace(s) }

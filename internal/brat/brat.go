// Package brat reads and writes brat standoff (.ann) files in the form
// PolNeAR uses for attributions: text-bound "T" annotations typed Source,
// Cue, Content and Attribution, and "E" events that tie one cue, one
// content and at most one source together. brat counts offsets in Unicode
// code points, while dateline counts bytes; the conversion happens here and
// nowhere else.
package brat

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// Range is a half-open range of character (code point) offsets.
type Range struct{ Start, End int }

// TextBound is one "T" line: a typed, possibly discontinuous span.
type TextBound struct {
	ID     string
	Type   string
	Ranges []Range // sorted, as brat writes them ("a b;c d")
	Text   string
}

// Event is one "E" line: Role → T id ("Cue" → "T2"). The trigger role
// (Attribution, or Attribution-no-source) is Type.
type Event struct {
	ID      string
	Type    string
	Trigger string
	Args    map[string]string
}

// Doc is a parsed .ann file.
type Doc struct {
	Bounds map[string]*TextBound
	Events []Event
}

// Relation is an attribution resolved from an event: its parts' spans in
// character offsets. Source is nil when the event has none.
type Relation struct {
	Source, Cue, Content *TextBound
}

// Read parses a .ann file. Lines it does not understand are skipped rather
// than rejected: PolNeAR's files carry annotator notes and surface strings
// that run over several lines, and a scorer must not fail on those.
// Malformed T and E lines are errors, with their line number.
func Read(r io.Reader) (*Doc, error) {
	doc := &Doc{Bounds: map[string]*TextBound{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 || !allDigits(id[1:]) {
			continue
		}
		switch id[0] {
		case 'T':
			tb, err := parseBound(id, rest)
			if err != nil {
				return nil, dateline.Errorf(dateline.Invalid, "brat: line "+strconv.Itoa(n), "%w", err)
			}
			doc.Bounds[id] = tb
		case 'E':
			ev, err := parseEvent(id, rest)
			if err != nil {
				return nil, dateline.Errorf(dateline.Invalid, "brat: line "+strconv.Itoa(n), "%w", err)
			}
			doc.Events = append(doc.Events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("brat: reading: %w", err)
	}
	return doc, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func parseBound(id, rest string) (*TextBound, error) {
	head, text, _ := strings.Cut(rest, "\t")
	typ, rng, ok := strings.Cut(head, " ")
	if !ok || typ == "" {
		return nil, fmt.Errorf("%s: want \"Type start end\", got %q", id, head)
	}
	tb := &TextBound{ID: id, Type: typ, Text: text}
	for _, part := range strings.Split(rng, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
		if !ok {
			return nil, fmt.Errorf("%s: bad range %q", id, part)
		}
		s, err1 := strconv.Atoi(a)
		e, err2 := strconv.Atoi(strings.TrimSpace(b))
		if err1 != nil || err2 != nil || s < 0 || e < s {
			return nil, fmt.Errorf("%s: bad range %q", id, part)
		}
		tb.Ranges = append(tb.Ranges, Range{s, e})
	}
	sort.Slice(tb.Ranges, func(i, j int) bool { return tb.Ranges[i].Start < tb.Ranges[j].Start })
	return tb, nil
}

func parseEvent(id, rest string) (Event, error) {
	ev := Event{ID: id, Args: map[string]string{}}
	for i, f := range strings.Fields(rest) {
		role, ref, ok := strings.Cut(f, ":")
		if !ok {
			return ev, fmt.Errorf("%s: bad argument %q", id, f)
		}
		if i == 0 {
			ev.Type, ev.Trigger = role, ref
			continue
		}
		ev.Args[role] = ref
	}
	if ev.Type == "" {
		return ev, fmt.Errorf("%s: empty event", id)
	}
	return ev, nil
}

// Relations returns the document's attributions: every event with a cue or
// a content, with Source nil when the event names none. Events whose
// arguments point at missing T lines keep the parts that exist.
func (d *Doc) Relations() []Relation {
	var out []Relation
	for _, ev := range d.Events {
		r := Relation{
			Source:  d.Bounds[ev.Args["Source"]],
			Cue:     d.Bounds[ev.Args["Cue"]],
			Content: d.Bounds[ev.Args["Content"]],
		}
		if r.Cue == nil && r.Content == nil {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Write writes atts over text as a PolNeAR-style .ann file. Offsets are
// converted from bytes to code points; surface strings have their line
// breaks replaced by spaces so that every annotation stays on one line.
func Write(w io.Writer, text string, atts []dateline.Attribution) error {
	conv := newOffsets(text)
	bw := bufio.NewWriter(w)
	t, e := 0, 0
	bound := func(typ string, s dateline.Span) string {
		t++
		id := "T" + strconv.Itoa(t)
		a, b := conv.char(s.Start), conv.char(s.End)
		surface := strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(text[s.Start:s.End])
		fmt.Fprintf(bw, "%s\t%s %d %d\t%s\n", id, typ, a, b, surface)
		return id
	}
	for _, at := range atts {
		cue := dateline.Span{Start: at.Cue.Start, End: at.Cue.End}
		con := dateline.Span{Start: at.Content.Start, End: at.Content.End}
		if !valid(text, cue) || !valid(text, con) {
			return dateline.Errorf(dateline.Invalid, "brat.Write", "attribution span %v/%v outside the text (%d bytes)", cue, con, len(text))
		}
		src := ""
		if at.Source != nil {
			ss := dateline.Span{Start: at.Source.Start, End: at.Source.End}
			if !valid(text, ss) {
				return dateline.Errorf(dateline.Invalid, "brat.Write", "source span %v outside the text (%d bytes)", ss, len(text))
			}
			src = bound("Source", ss)
		}
		q := bound("Cue", cue)
		c := bound("Content", con)
		a := bound("Attribution", cue)
		e++
		kind := "Attribution"
		if src == "" {
			kind = "Attribution-no-source"
		}
		fmt.Fprintf(bw, "E%d\t%s:%s Content:%s Cue:%s", e, kind, a, c, q)
		if src != "" {
			fmt.Fprintf(bw, " Source:%s", src)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func valid(text string, s dateline.Span) bool {
	return s.Start >= 0 && s.End >= s.Start && s.End <= len(text)
}

// offsets converts byte offsets of one text to code point offsets.
type offsets struct {
	// chars[b] is the code point offset of byte b; nil when the text is
	// ASCII and the two agree.
	chars []int
}

func newOffsets(text string) offsets {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return offsets{}
	}
	chars := make([]int, len(text)+1)
	// Bytes inside a code point map to that code point; range yields each
	// invalid byte as a code point of its own, as RuneCount counts them.
	n := -1
	next := 0
	for i := range text {
		for ; next < i; next++ {
			chars[next] = n
		}
		n++
	}
	for ; next < len(text); next++ {
		chars[next] = n
	}
	chars[len(text)] = n + 1
	return offsets{chars: chars}
}

func (o offsets) char(b int) int {
	if o.chars == nil {
		return b
	}
	return o.chars[b]
}

// ByteOffsets returns, for each code point offset 0…n of text, its byte
// offset: the table that maps a brat range back onto dateline spans.
func ByteOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

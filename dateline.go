// Package dateline holds the domain types every stage of the news-event engine
// shares: documents as they are ingested, the analysis attached to them, stories
// and timelines, and the Store interface the embedded and server databases
// implement. It depends on the standard library only, so every internal package
// can import it without pulling in another stage.
package dateline

import (
	"time"
)

// Where a document's publication date came from. A user who doubts a date
// can see why it was believed.
const (
	DateFromHeader = "header"  // the "date YYYY-MM-DD" line of the dated-text format
	DateFromFolder = "folder"  // a …/YYYY-MM-DD/ folder in the path
	DateFromJSON   = "json"    // a JSONL field; the field name follows a colon: "json:date_publish"
	DateFromMeta   = "meta"    // an HTML meta tag or JSON-LD
	DateFromURL    = "url"     // a /2017/06/07/ pattern in the URL
	DateFromFeed   = "feed"    // an RSS/Atom item date
	DateFromText   = "text"    // a date found in the visible text
	DateFromWARC   = "capture" // WARC capture time, the last resort
)

// Document is one dated article as an input gave it, before analysis.
type Document struct {
	ID              string    `json:"id"`
	URL             string    `json:"url,omitempty"`
	Source          string    `json:"source,omitempty"`
	Title           string    `json:"title,omitempty"`
	Published       time.Time `json:"published"`
	PublishedSource string    `json:"published_source,omitempty"`
	Text            string    `json:"text"`
	// Origin is where the document was read from (file:line, URL); it is
	// kept for error messages and provenance, not part of identity.
	Origin string `json:"origin,omitempty"`
}

// Span is a byte range [Start, End) into a document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Timex is a TIMEX3-style time expression normalised against an anchor
// (the publication date unless a previous expression is a better one).
type Timex struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Type   string `json:"type"`  // DATE, TIME, DURATION, SET
	Value  string `json:"value"` // TimeML value: 2017-06-06, 2017-W23, PXW, PRESENT_REF …
	Anchor string `json:"anchor,omitempty"`
}

// Timex types.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Entity types.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityLoc    = "LOC"
	EntityMedia  = "MEDIA" // news outlets: an ORG that matters as a source
)

// Mention is one occurrence of a named entity in the text.
type Mention struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	Entity string `json:"entity"` // the canonical Name of the document's Entity it refers to
}

// Entity is a document-level entity: the canonical name its mentions resolve to.
type Entity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

// AttrSpan is one part of an attribution: source, cue or content.
type AttrSpan struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Entity    string `json:"entity,omitempty"`    // sources only: the entity it resolves to
	Anonymous bool   `json:"anonymous,omitempty"` // sources only: "a Trump adviser", "people familiar with…"
}

// Attribution kinds.
const (
	Direct   = "direct"   // the content is quoted
	Indirect = "indirect" // reported speech
)

// Attribution is who said or reported what.
type Attribution struct {
	Source  *AttrSpan `json:"source,omitempty"` // nil when the text gives none ("reportedly")
	Cue     AttrSpan  `json:"cue"`
	Content AttrSpan  `json:"content"`
	Kind    string    `json:"kind"`
	// CarriedBy is the index, in the same document's Attributions, of the
	// attribution that reports this one ("…, the adviser said, according to
	// Politico"); nil when it stands on its own.
	CarriedBy *int `json:"carried_by,omitempty"`
}

// Analysis is everything the analysis stages found in one document.
type Analysis struct {
	Sentences    []Span        `json:"sentences"`
	Timexes      []Timex       `json:"timexes"`
	Mentions     []Mention     `json:"mentions"`
	Entities     []Entity      `json:"entities"`
	Attributions []Attribution `json:"attributions"`
}

// Article is a stored document with its analysis and its place among the
// others: the JSON shape every consumer reads (show --json, the API).
type Article struct {
	Document
	Analysis
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Story       string `json:"story,omitempty"`
}

// Story is a cluster of articles about one event or development.
type Story struct {
	ID       string    `json:"id"`
	Label    string    `json:"label"`
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
	Articles int       `json:"articles"`
	Outlets  int       `json:"outlets"`
}

// DateLayout is the calendar-day layout used on the command line, in the API
// and in every date-only field.
const DateLayout = "2006-01-02"

// Search snippets mark the matched terms with these two control characters,
// so each front end can render them its own way (bold on a terminal, <mark>
// in HTML) without trusting markup that came out of the store.
const (
	HighlightStart = "\x02"
	HighlightEnd   = "\x03"
)

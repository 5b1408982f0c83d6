// Package sample bundles a small invented news corpus used as demo data and
// as golden-test input for every analysis stage. The articles, outlets,
// people and companies are fictional; see README.md.
package sample

import (
	"embed"
	"encoding/json"
	"fmt"
)

// FS holds the corpus under data/: dated-text files, a folder tree of
// plain bodies, articles.jsonl, ptb.jsonl and manifest.json.
//
//go:embed data
var FS embed.FS

// XSS is a one-article JSONL file whose title and text carry script
// payloads. It is kept out of data/ so the demo corpus never shows it; web
// tests ingest it on purpose to check escaping.
//
//go:embed xss/xss.jsonl
var XSS []byte

// Event is a dated happening an article reports, the ground truth the
// timeline tests compare against.
type Event struct {
	Date    string `json:"date"`
	Summary string `json:"summary"`
}

// Entry describes one article of the corpus.
type Entry struct {
	// File is the path relative to data/.
	File string `json:"file"`
	// Line is the 1-based line number inside a JSONL file, 0 otherwise.
	Line int `json:"line,omitempty"`
	// ID is the JSONL id field; for the folder tree, outlet/date/name as
	// ingest derives it; for dated-text files, File (ingest gives those a
	// content-hash id, so match them by Origin).
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	// Date is the publication date, YYYY-MM-DD.
	Date string `json:"date"`
	// Story is "water", "strike", or "" for an unrelated one-off.
	Story string `json:"story"`
	// DuplicateOf is the ID of the wire original a syndicated copy was
	// made from, "" for originals.
	DuplicateOf string  `json:"duplicate_of"`
	Events      []Event `json:"events"`
}

// Manifest returns the corpus description from data/manifest.json, in file
// order.
func Manifest() ([]Entry, error) {
	b, err := FS.ReadFile("data/manifest.json")
	if err != nil {
		return nil, fmt.Errorf("sample: read manifest: %w", err)
	}
	var es []Entry
	if err := json.Unmarshal(b, &es); err != nil {
		return nil, fmt.Errorf("sample: parse data/manifest.json: %w", err)
	}
	return es, nil
}

// Origin is the document origin ingest records when it walks FS from
// "data": the file, and for JSONL the line after a colon.
func (e Entry) Origin() string {
	if e.Line > 0 {
		return fmt.Sprintf("data/%s:%d", e.File, e.Line)
	}
	return "data/" + e.File
}

package attrib

import (
	"strings"

	"github.com/datelinehq/dateline"
)

// resolve ties each source to the entity of a mention that covers its head
// (its last word), and marks as anonymous the sources that name nobody: "a
// Trump adviser" (the mention of Trump is not the head), "officials",
// "people familiar with the matter", "several media reports".
func resolve(text string, atts []dateline.Attribution, mentions []dateline.Mention) {
	for i := range atts {
		src := atts[i].Source
		if src == nil {
			continue
		}
		head := headWord(src.Text)
		hs := src.Start + strings.LastIndex(src.Text, head)
		for _, m := range mentions {
			if m.Start <= hs && hs < m.End && m.Entity != "" {
				src.Entity = m.Entity
				break
			}
		}
		if src.Entity == "" && anonymous(src.Text) {
			src.Anonymous = true
		}
	}
}

// headWord is the last word of a noun phrase before any parenthesis,
// relative clause or apposition: the word that names what it is.
func headWord(np string) string {
	if i := strings.IndexAny(np, ",("); i > 0 {
		np = np[:i]
	}
	for _, w := range []string{" who ", " familiar ", " with ", " close ", " of "} {
		if i := strings.Index(np, w); i > 0 {
			np = np[:i]
		}
	}
	f := strings.Fields(np)
	if len(f) == 0 {
		return np
	}
	return strings.TrimRight(f[len(f)-1], ".’'s")
}

// anonymous reports whether a source phrase names no one: its head is a
// common noun of the usual unnamed-source kind ("a Trump adviser", "the
// Trump advisor", "White House officials", "people familiar with…"), or it
// is an indefinite phrase with a lower-case head ("several media reports").
func anonymous(np string) bool {
	f := strings.Fields(strings.ToLower(np))
	if len(f) == 0 {
		return false
	}
	head := headWord(np)
	if unnamedHeads[strings.ToLower(head)] {
		return true
	}
	return indefinite[f[0]] && head == strings.ToLower(head)
}

var indefinite = set("a", "an", "some", "several", "many", "two", "three", "four", "multiple",
	"various", "numerous", "one", "other", "another", "unnamed", "anonymous", "senior", "top")

var unnamedHeads = set("officials", "official", "sources", "source", "people", "adviser", "advisers",
	"advisor", "advisors", "aide", "aides", "reports", "report", "insiders", "insider", "allies",
	"ally", "spokesman", "spokeswoman", "spokesperson", "diplomats", "analysts", "experts",
	"observers", "critics", "person", "persons", "individuals", "staffers", "lawmakers")

// nest sets CarriedBy: an attribution whose cue lies inside another's
// longer content ("…, the adviser said, according to Politico") is carried
// by the narrowest such attribution.
func nest(atts []dateline.Attribution) {
	for i := range atts {
		best := -1
		// Attributions come in text order and contents are local, so a
		// window of neighbours bounds the work on hostile input.
		for j := max(0, i-16); j < min(len(atts), i+17); j++ {
			if i == j {
				continue
			}
			// The carrier's content is strictly longer than the carried
			// one's, which keeps nesting free of cycles.
			c := atts[j].Content
			if c.Start <= atts[i].Cue.Start && atts[i].Cue.End <= c.End && c.End-c.Start > atts[i].Content.End-atts[i].Content.Start {
				if best < 0 || c.End-c.Start < atts[best].Content.End-atts[best].Content.Start {
					best = j
				}
			}
		}
		if best >= 0 {
			b := best
			atts[i].CarriedBy = &b
		}
	}
}

package attrib

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// resolve ties each source to the entity of a mention that covers its head
// (its last word), and marks as anonymous the sources that name nobody: "a
// Trump adviser" (the mention of Trump is not the head), "officials",
// "people familiar with the matter", "several media reports".
func resolve(text string, atts []dateline.Attribution, mentions []dateline.Mention) {
	var mi mentionIndex
	for i := range atts {
		src := atts[i].Source
		if src == nil {
			continue
		}
		head := headWord(src.Text)
		hs := src.Start + strings.LastIndex(src.Text, head)
		if !mi.built {
			mi.build(mentions)
		}
		if m := mi.first(hs); m >= 0 {
			src.Entity = mentions[m].Entity
		}
		if src.Entity == "" && anonymousHead(src.Text, head) {
			src.Anonymous = true
		}
	}
}

// mentionIndex finds the first mention, in the order given, that covers
// a byte offset and names an entity. A long document has a thousand
// mentions and a hundred sources, and scanning every mention for every
// source grows with their product; a binary search does not.
type mentionIndex struct {
	built bool
	ms    []dateline.Mention
	// idx: the mentions that name an entity, by index into ms, in order
	idx []int
	// maxEnd[k] is the greatest End among ms[idx[0]] … ms[idx[k]]; it is
	// set only when those mentions come sorted by Start
	maxEnd []int
}

func (mi *mentionIndex) build(ms []dateline.Mention) {
	mi.built, mi.ms = true, ms
	sorted := true
	for k := range ms {
		if ms[k].Entity == "" {
			continue
		}
		if n := len(mi.idx); n > 0 && ms[mi.idx[n-1]].Start > ms[k].Start {
			sorted = false
		}
		mi.idx = append(mi.idx, k)
	}
	if !sorted {
		return
	}
	mi.maxEnd = make([]int, len(mi.idx))
	e := 0
	for k, m := range mi.idx {
		e = max(e, ms[m].End)
		mi.maxEnd[k] = e
	}
}

// first returns the index in ms of the first mention with Start <= off <
// End and an entity, or -1.
func (mi *mentionIndex) first(off int) int {
	if mi.maxEnd == nil {
		for _, m := range mi.idx {
			if mi.ms[m].Start <= off && off < mi.ms[m].End {
				return m
			}
		}
		return -1
	}
	// Sorted by Start: the first mention ending after off is the first
	// whose running greatest End passes off; it covers off unless it
	// starts after it, and then so does every later one.
	k, _ := slices.BinarySearch(mi.maxEnd, off+1)
	if k == len(mi.idx) || mi.ms[mi.idx[k]].Start > off {
		return -1
	}
	return mi.idx[k]
}

// headWord is the last word of a noun phrase before any parenthesis,
// relative clause or apposition: the word that names what it is.
func headWord(np string) string {
	if i := strings.IndexAny(np, ",("); i > 0 {
		np = np[:i]
	}
	if i := strings.Index(np, " -LRB-"); i > 0 {
		np = np[:i] // PTB's "("
	}
	// "an aide to the mayor", "a spokesman for the company", "a professor
	// at Yale": the one who speaks comes before the preposition.
	for _, w := range []string{" who ", " familiar ", " with ", " close ", " of ", " to ", " for ", " at "} {
		if i := strings.Index(np, w); i > 0 {
			np = np[:i]
		}
	}
	// the last of strings.Fields(np), without building the list
	t := strings.TrimRightFunc(np, unicode.IsSpace)
	if t == "" {
		return np
	}
	last := t
	if i := strings.LastIndexFunc(t, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(t[i:])
		last = t[i+size:]
	}
	return strings.TrimRight(last, ".’'s")
}

// anonymousHead reports whether a source phrase np, whose headWord is
// head, names no one: its head is a common noun of the usual
// unnamed-source kind ("a Trump adviser", "the Trump advisor", "White
// House officials", "people familiar with…"), or it is an indefinite
// phrase with a lower-case head ("several media reports"). It runs for
// every source, so it looks words up without lower-casing whole phrases.
func anonymousHead(np, head string) bool {
	first := np
	if i := strings.IndexFunc(np, notSpace); i < 0 {
		return false
	} else {
		first = np[i:]
	}
	if i := strings.IndexFunc(first, unicode.IsSpace); i >= 0 {
		first = first[:i]
	}
	var buf [24]byte
	if inLower(unnamedHeads, head, &buf) {
		return true
	}
	return inLower(indefinite, first, &buf) && head == strings.ToLower(head)
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }

// inLower reports whether strings.ToLower(w) is in set, lower-casing into
// buf: a map lookup keyed by string(bytes) does not allocate.
func inLower(set map[string]bool, w string, buf *[24]byte) bool {
	return set[string(appendLower(buf[:0], w))]
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

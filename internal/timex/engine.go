package timex

import (
	"fmt"
	"math/bits"
	"strings"
)

func trailingZeros(x uint32) int { return bits.TrailingZeros32(x) }

// A pattern is a short sequence of elements, each matching one token by
// class or by literal word, optionally grouped and made optional. Patterns
// are bounded in length, so matching at every token is linear in the text.
type elem struct {
	words map[string]bool // literal alternatives, lower-case; nil for classes
	ids   []uint16        // the same words as lexicon ids, for matching
	mask  uint32          // class alternatives
	opt   bool
	group []elem
}

func (e *elem) matches(t *token) bool {
	if t.set&e.mask != 0 {
		return true
	}
	if t.wid != 0 {
		for _, id := range e.ids {
			if id == t.wid {
				return true
			}
		}
	}
	return false
}

// wordID gives each literal word of the grammar a small number, stored in
// its lexicon entry, so matching a literal compares numbers, not strings.
func wordID(w string) uint16 {
	e := entryOf(w)
	if e.wid == 0 {
		nWords++
		e.wid = nWords
	}
	return e.wid
}

var nWords uint16

var classNames = map[string]class{
	"Month": cMonth, "Wday": cWday, "Season": cSeason, "Unit": cUnit, "Units": cUnits,
	"Num": cNum, "Ord": cOrd, "Year": cYear, "Day": cDay, "Decade": cDecade,
	"Clock": cClock, "AmPm": cAmPm, "TOD": cTOD, "This": cThis, "Last": cLast,
	"Next": cNext, "Mod": cMod, "Approx": cApprox, "Few": cFew, "A": cA,
	"Present": cPresent, "Past": cPast, "Future": cFuture, "SetAdv": cSetAdv,
	"Holiday": cHoliday, "Every": cEvery, "RelDay": cRelDay, "TZ": cTZ, "Edge": cEdge,
}

// macros are pattern fragments many rows share.
var macros = strings.NewReplacer(
	// a modifier phrase before a date: "early", "mid-", "the end of", "earlier
	// in"; "end" and "start" need "of" (see danglingMod)
	"$PRE", "around|approximately? (the? Mod -? of|in? the?)?",
	// a qualifier before a duration: "about", "more than", "at least", "up to"
	"$APX", "Approx? Approx? (no|not? more|less|fewer than)? (at least|most)? (up to)?",
)

func compile(pat string) []elem {
	fields := strings.Fields(macros.Replace(pat))
	var out []elem
	var group []elem
	inGroup := false
	for _, f := range fields {
		open := strings.HasPrefix(f, "(")
		if open {
			if inGroup {
				panic("timex: nested group in pattern " + pat)
			}
			inGroup = true
			group = nil
			f = f[1:]
		}
		closeGroup, groupOpt := false, false
		switch {
		case strings.HasSuffix(f, ")?") && len(f) > 2:
			closeGroup, groupOpt = true, true
			f = f[:len(f)-2]
		case strings.HasSuffix(f, ")") && len(f) > 1:
			closeGroup = true
			f = f[:len(f)-1]
		}
		e := elem{}
		if len(f) > 1 && strings.HasSuffix(f, "?") {
			e.opt = true
			f = f[:len(f)-1]
		}
		// An alternative is a class name (capitalised) or a literal word.
		for _, alt := range strings.Split(f, "|") {
			if c, ok := classNames[alt]; ok {
				e.mask |= 1 << c
				continue
			}
			if alt != strings.ToLower(alt) {
				panic(fmt.Sprintf("timex: unknown class %q in pattern %q", alt, pat))
			}
			if e.words == nil {
				e.words = map[string]bool{}
			}
			e.words[alt] = true
			e.ids = append(e.ids, wordID(alt))
		}
		if inGroup {
			group = append(group, e)
		} else {
			out = append(out, e)
		}
		if closeGroup {
			if !inGroup {
				panic("timex: unbalanced group in pattern " + pat)
			}
			inGroup = false
			out = append(out, elem{group: group, opt: groupOpt})
		}
	}
	if inGroup {
		panic("timex: unclosed group in pattern " + pat)
	}
	return out
}

// match holds what a pattern captured: the token range and, per class, the
// value of the last token matched by that class.
type match struct {
	start, end int // token indexes, end exclusive
	has        uint32
	v          [nClasses]int32
}

func (m *match) got(c class) bool { return m.has&(1<<c) != 0 }

// longest returns the longest way elems[k:] match toks from pos.
func longest(toks []token, elems []elem, k, pos int, m match) (match, bool) {
	if k == len(elems) {
		m.end = pos
		return m, true
	}
	e := &elems[k]
	var best match
	found := false
	if e.group != nil {
		if gm, ok := longest(toks, e.group, 0, pos, m); ok && gm.end > pos {
			if r, ok := longest(toks, elems, k+1, gm.end, gm); ok {
				best, found = r, true
			}
		}
	} else if pos < len(toks) && e.matches(&toks[pos]) {
		m2 := m
		{
			t := &toks[pos]
			for bits := t.set & e.mask; bits != 0; bits &= bits - 1 {
				c := class(trailingZeros(bits))
				m2.has |= 1 << c
				m2.v[c] = int32(t.val(c))
			}
		}
		if r, ok := longest(toks, elems, k+1, pos+1, m2); ok {
			best, found = r, true
		}
	}
	if e.opt {
		if r, ok := longest(toks, elems, k+1, pos, m); ok && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	return best, found
}

// firstSet is what a pattern's first token can be: classes and words.
func firstSet(elems []elem, mask *uint32, words map[string]bool) {
	for _, e := range elems {
		if e.group != nil {
			firstSet(e.group, mask, words)
		} else {
			for w := range e.words {
				words[w] = true
			}
			*mask |= e.mask
		}
		if !e.opt && !(e.group != nil && allOptional(e.group)) {
			return
		}
	}
}

func allOptional(es []elem) bool {
	for _, e := range es {
		if !e.opt {
			return false
		}
	}
	return true
}

// Every pattern names at least one core word: a month, a unit, "now"…
// Most tokens are nowhere near one, so a rule is only tried where a core
// token lies within the few tokens its optional lead-in can span.
const coreMask uint32 = 1<<cMonth | 1<<cWday | 1<<cSeason | 1<<cUnit | 1<<cUnits | 1<<cYear |
	1<<cDecade | 1<<cClock | 1<<cRelDay | 1<<cPresent | 1<<cPast | 1<<cSetAdv | 1<<cHoliday |
	1<<cTOD | 1<<cAmPm

var coreWords = map[string]bool{
	"now": true, "recent": true, "current": true, "future": true, "term": true, "noon": true, "midday": true,
	"midnight": true, "clock": true, "period": true, "present": true, "past": true, "/": true,
	"days": true, "century": true, "moment": true,
}

func isCoreToken(t *token) bool { return t.set&coreMask != 0 || coreWords[t.low] }

func (e *elem) isCore() bool {
	if e.group != nil || e.opt {
		return false
	}
	if e.mask&^coreMask != 0 {
		return false
	}
	for w := range e.words {
		if !coreWords[w] && !(lookup(w) != nil && lookup(w).set&coreMask != 0) {
			return false
		}
	}
	return e.mask != 0 || len(e.words) > 0
}

// leadOf is how many tokens can come before a pattern's first mandatory
// core element; ok is false when it has none.
func leadOf(elems []elem) (n int, ok bool) {
	for i := range elems {
		e := &elems[i]
		if e.isCore() {
			return n, true
		}
		if e.group != nil {
			n += len(e.group)
		} else {
			n++
		}
	}
	return n, false
}

// nextCore[i] is the index of the first core token at or after i.
func nextCoreIndex(toks []token) []int32 {
	next := make([]int32, len(toks)+1)
	next[len(toks)] = int32(len(toks)) + 1<<20
	for i := len(toks) - 1; i >= 0; i-- {
		if isCoreToken(&toks[i]) {
			next[i] = int32(i)
		} else {
			next[i] = next[i+1]
		}
	}
	return next
}

// danglingMod reports whether a match opens with a modifier that needs "of"
// but has none: without it "end" and "start" are mostly verbs ("the talks
// would start Friday", "talks end in March"), and the expression begins
// after them.
func danglingMod(toks []token, m *match) bool {
	k := m.start
	for k < m.end && (toks[k].low == "the" || toks[k].low == "around" || toks[k].low == "approximately") {
		k++
	}
	if k+1 >= m.end || !toks[k].is(cMod) || toks[k].is(cEdge) {
		return false
	}
	return toks[k+1].low != "of"
}

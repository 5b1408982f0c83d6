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
	mask  uint32          // class alternatives
	opt   bool
	group []elem
}

func (e *elem) matches(t *token) bool {
	return t.set&e.mask != 0 || e.words != nil && e.words[t.low]
}

var classNames = map[string]class{
	"Month": cMonth, "Wday": cWday, "Season": cSeason, "Unit": cUnit, "Units": cUnits,
	"Num": cNum, "Ord": cOrd, "Year": cYear, "Day": cDay, "Decade": cDecade,
	"Clock": cClock, "AmPm": cAmPm, "TOD": cTOD, "This": cThis, "Last": cLast,
	"Next": cNext, "Mod": cMod, "Approx": cApprox, "Few": cFew, "A": cA,
	"Present": cPresent, "Past": cPast, "Future": cFuture, "SetAdv": cSetAdv,
	"Holiday": cHoliday, "Every": cEvery, "RelDay": cRelDay, "TZ": cTZ,
}

// macros are pattern fragments many rows share.
var macros = strings.NewReplacer(
	// a modifier phrase before a date: "early", "mid-", "the end of", "earlier in"
	"$PRE", "(the? Mod -? of|in? the?)?",
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
	v          [nClasses]int
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
				m2.v[c] = t.val(c)
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

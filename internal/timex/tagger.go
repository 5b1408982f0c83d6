// Package timex finds time expressions in news text and normalises them in
// TimeML (TIMEX3) conventions, anchored on the document's publication date.
//
// The grammar is a table of rows (rules.go): a short pattern over word
// classes and literal words, and the normaliser that turns what the pattern
// captured into a type and value. At every token the longest match whose
// normaliser accepts it wins, and tagging resumes after it, so output spans
// never overlap and time is linear in the text.
package timex

import (
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// ref is a resolved calendar point at some granularity: the start of that
// period and its unit (uDay, uMonth, uQuarter …).
type ref struct {
	t    time.Time
	gran int
	tok  int // token index where it was mentioned; -1 for the DCT
	sent int32
}

type state struct {
	text    string
	toks    []token
	dct     time.Time
	hasDCT  bool
	last    ref // the last date mentioned, for "the following day"
	hasLast bool
	// lastQ is the last quarter named outright, which "the quarter" and
	// "the year-ago quarter" in earnings reports refer to.
	lastQ    ref
	hasLastQ bool
	// prevOut is the expression tagged just before the current one.
	prevOut    prevExpr
	hasPrevOut bool
	pos        int // the token the current match starts at
}

// prevExpr is the little the year-ago rules need of the previous expression.
type prevExpr struct {
	t    time.Time
	gran int // 0 when it named no calendar period
	dur  bool
	val  string // its value, for "the year-earlier period" after a span
	// afterDur: the expression before it was a duration, as "the year" is
	// in "the year ended March 31".
	afterDur bool
}

// result is what a normaliser returns.
type result struct {
	typ, val, anchor string
	ref              *ref // the calendar point it names, if concrete
	// namedQuarter: a quarter named outright ("the third quarter"), which
	// becomes state.lastQ once the match wins (a normaliser must not change
	// the state itself: its match may still lose to a longer one)
	namedQuarter bool
}

type normFunc func(s *state, m *match) (result, bool)

type rule struct {
	pat   string
	norm  normFunc
	elems []elem
	mask  uint32
	words map[string]bool
	lead  int // tokens before the first core element; see leadOf
	ids   []uint16
}

func (r *rule) startsWith(id uint16) bool {
	for _, x := range r.ids {
		if x == id {
			return true
		}
	}
	return false
}

var (
	maxLead   int
	compiled  []rule
	startMask uint32
)

// ruleFired, when a test sets it, hears the index of the rule behind
// every expression Tag outputs, so a row that never produces one (its
// normaliser always rejects, or a longer row always wins) shows up. It is
// read without a lock: tests set it only while no Tag is running.
var ruleFired func(rule int)

func init() {
	compiled = make([]rule, len(rules))
	for i, r := range rules {
		r.elems = compile(r.pat)
		lead, ok := leadOf(r.elems)
		if !ok {
			panic("timex: pattern without a mandatory core word: " + r.pat)
		}
		r.lead = lead
		r.words = map[string]bool{}
		firstSet(r.elems, &r.mask, r.words)
		startMask |= r.mask
		for w := range r.words {
			lexicon[w].start = true
			r.ids = append(r.ids, lexicon[w].wid)
		}
		compiled[i] = r
		maxLead = max(maxLead, r.lead)
	}
}

// Tag returns the time expressions of text, sorted by Start and never
// overlapping. sentences are byte spans from the sentence splitter (nil:
// the tagger splits naively); they bound the search for the verb whose tense
// decides a bare weekday or month. dct is the publication date; when zero,
// only absolute expressions get full values and relative ones keep X
// placeholders. Tag is deterministic and reads no clock.
func Tag(text string, sentences []dateline.Span, dct time.Time) []dateline.Timex {
	toks := tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	assignSentences(text, toks, sentences)
	markCues(toks)
	s := &state{text: text, toks: toks}
	if !dct.IsZero() {
		s.dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)
		s.hasDCT = true
	}
	next := nextCoreIndex(toks)
	cand := new(match)
	var out []dateline.Timex
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.set&startMask == 0 && !(t.e != nil && t.e.start) || int(next[i])-i > maxLead {
			i++
			continue
		}
		s.pos = i
		var best match
		var bestRes result
		bestRule := -1
		found := false
		for ri := range compiled {
			r := &compiled[ri]
			if t.set&r.mask == 0 && !(t.wid != 0 && r.startsWith(t.wid)) || int(next[i])-i > r.lead {
				continue
			}
			m, ok := longest(toks, r.elems, 0, i, match{start: i})
			if !ok || m.end <= i || (found && m.end <= best.end) {
				continue
			}
			*cand = m // one scratch match: &m would escape and allocate per try
			res, ok := r.norm(s, cand)
			if !ok {
				continue
			}
			best, bestRes, found, bestRule = m, res, true, ri
		}
		if !found || danglingMod(toks, &best) || vetoed(toks, &best) || titleCased(text, toks, &best) {
			i++
			continue
		}
		if ruleFired != nil {
			ruleFired(bestRule)
		}
		start, end := toks[best.start].start, toks[best.end-1].end
		out = append(out, dateline.Timex{
			Start: start, End: end, Text: text[start:end],
			Type: bestRes.typ, Value: bestRes.val, Anchor: bestRes.anchor,
		})
		s.prevOut, s.hasPrevOut = prevExpr{dur: bestRes.typ == typeDuration, val: bestRes.val, afterDur: s.hasPrevOut && s.prevOut.dur}, true
		if bestRes.ref != nil {
			s.prevOut.t, s.prevOut.gran = bestRes.ref.t, bestRes.ref.gran
		}
		if bestRes.namedQuarter {
			s.lastQ, s.hasLastQ = *bestRes.ref, true
		}
		if bestRes.ref != nil {
			s.last = *bestRes.ref
			s.last.tok = best.start
			s.last.sent = toks[best.start].sent
			s.hasLast = true
		}
		i = best.end
	}
	return out
}

// vetoes are contexts that make a match no time expression at all, as
// rows: the word just before its first token, or the tokens just after it.
var vetoes = []struct {
	first, before string   // "high noon" is a showdown, not twelve o'clock
	after         []string // "quarter-to-quarter" compares, it names no quarter
}{
	{first: "noon", before: "high"},
	{after: []string{"-", "to", "-"}},
}

func init() {
	// a token has a lower-case form only when its word is in the lexicon
	for _, v := range vetoes {
		for _, w := range append([]string{v.first, v.before}, v.after...) {
			if w != "" {
				entryOf(w)
			}
		}
	}
}

func vetoed(toks []token, m *match) bool {
	for _, v := range vetoes {
		if v.first != "" && (toks[m.start].low != v.first || m.start == 0 || toks[m.start-1].low != v.before) {
			continue
		}
		if m.end+len(v.after) > len(toks) {
			continue
		}
		ok := true
		for k, w := range v.after {
			if toks[m.end+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// titleCased reports whether a match has a calendar unit spelled with a
// capital inside a sentence, which makes it part of a title or a name
// ("ABC's \"This Week\"", "CBS's \"60 Minutes\"", "Person of the Year",
// "China Daily"), not a time. Days are left alone for "Election Day" and
// "Christmas Day", and words in capitals for headlines ("PROFIT FELL LAST
// WEEK").
func titleCased(text string, toks []token, m *match) bool {
	for k := m.start; k < m.end; k++ {
		t := &toks[k]
		if !t.cap || t.is(cUnit) && t.val(cUnit) == uDay || t.is(cUnits) && t.val(cUnits) == uDay {
			continue
		}
		if w := text[t.start:t.end]; len(w) > 1 && 'A' <= w[1] && w[1] <= 'Z' {
			continue
		}
		if !t.is(cUnit) && !t.is(cUnits) && !t.is(cSetAdv) {
			continue
		}
		if k > 0 && toks[k-1].sent == t.sent && !(k == m.start+1 && sentenceStart(toks, m.start)) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether token k opens its sentence (perhaps after
// an opening quote).
func sentenceStart(toks []token, k int) bool {
	for k > 0 && toks[k-1].sent == toks[k].sent && isQuote(toks[k-1].low) {
		k--
	}
	return k == 0 || toks[k-1].sent != toks[k].sent
}

// assignSentences numbers each token's sentence, from the given spans or,
// without them, by splitting after . ! ? (and any closing quotes) before a
// capitalised word or an opening quote, and at blank lines.
func assignSentences(text string, toks []token, sentences []dateline.Span) {
	if len(sentences) > 0 {
		spans := append([]dateline.Span(nil), sentences...)
		sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		k := 0
		for i := range toks {
			for k+1 < len(spans) && toks[i].start >= spans[k+1].Start {
				k++
			}
			toks[i].sent = int32(k)
		}
		return
	}
	var n int32
	end := false // the last token closed a sentence
	for i := range toks {
		if i > 0 && (end && (toks[i].cap || isQuote(toks[i].low)) || blankLine(text[toks[i-1].end:toks[i].start])) {
			n++
			end = false
		}
		toks[i].sent = n
		switch low := toks[i].low; {
		case low == "." || low == "!" || low == "?":
			end = !(i > 0 && (isMonthAbbrev(&toks[i-1]) || len(toks[i-1].low) == 1))
		case end && isQuote(low):
			// a closing quote after the full stop keeps the sentence open
			// for one more token
		default:
			end = false
		}
	}
}

// isMonthAbbrev reports whether a month is spelled short, so that a full
// stop after it ("Jan. 5") need not end the sentence; "in April." does.
func isMonthAbbrev(t *token) bool {
	return t.is(cMonth) && len(t.low) <= 4 && t.low != "may" && t.low != "june" && t.low != "july"
}

func isQuote(low string) bool { return low == "'" || low == "\"" || low == "`" }

// blankLine reports whether the gap between two tokens holds an empty line.
func blankLine(gap string) bool {
	first := strings.IndexByte(gap, '\n')
	return first >= 0 && strings.IndexByte(gap[first+1:], '\n') >= 0
}

package timex

import (
	"fmt"
	"time"

	"github.com/datelinehq/dateline"
)

// rules is the grammar: one row per expression family. A pattern is a
// space-separated list of elements:
//
//	Month, Wday, Num …   a word class (lexicon.go); Num|A|Few is any of them
//	ago, last|next       literal words, lower-case
//	x?                   optional; (x y)? an optional group
//	$PRE, $APX           shared prefixes (engine.go): "early", "the end of";
//	                     "about", "more than"
//
// The normaliser reads the captures and returns type and value, or rejects
// the match so a shorter one can win. Longer matches beat shorter ones; on a
// tie the earlier row wins.
var rules = []rule{
	// Absolute calendar dates.
	{pat: `$PRE (Wday ,?)? Month .? Day ,? Year`, norm: absDate},
	{pat: `$PRE (Wday ,?)? Day Month .? ,? Year`, norm: absDate},
	{pat: `$PRE (Wday ,?)? Month .? Day`, norm: monthDay},
	{pat: `$PRE this? coming|past? (Wday ,?)? Month Ord`, norm: monthDay},
	{pat: `$PRE (Wday ,?)? the? Day of? Month`, norm: monthDay},
	{pat: `$PRE Month .? ,? of? Year`, norm: yearMonth},
	{pat: `$PRE Month`, norm: bareMonth},
	{pat: `$PRE Month of? last|this|next year`, norm: monthOfRelYear},
	{pat: `$PRE this|last|next|past Month`, norm: monthDir},
	{pat: `$PRE this|last|next|past Month .? Day`, norm: monthDayDir},
	{pat: `Year - Num - Num`, norm: isoDate},
	{pat: `Num / Num / Num|Year`, norm: slashDate},
	{pat: `$PRE (fiscal|calendar|fiscal-year|model year?)? Year`, norm: bareYear},
	{pat: `$PRE the? Decade`, norm: decade},
	{pat: `$PRE the? Ord century`, norm: century},
	{pat: `$PRE the? Season (of? ,? Year)`, norm: seasonYear},
	{pat: `$PRE the? this|last|next|past|coming? Season`, norm: season},
	{pat: `$PRE last|next|this? Holiday day|eve? (,? Year)?`, norm: holiday},

	// Quarters and halves of a (fiscal) year.
	{pat: `$PRE the? fiscal? Ord|last|latter|former fiscal? quarter|half (of|in ,? fiscal? Year)?`, norm: ordQuarter},
	{pat: `$PRE fiscal? Ord - quarter|half`, norm: ordQuarter},
	{pat: `$PRE the? Year (' s)? fiscal? Ord -? quarter|half`, norm: ordQuarter},
	{pat: `$PRE this|last|next year ' s fiscal? Ord -? quarter|half`, norm: ordQuarter},
	{pat: `the Year quarter|period`, norm: yearPeriod},
	{pat: `$PRE the current|latest|recent|most|past|previous|same|comparable? recent? fiscal? quarter`, norm: theQuarter},
	{pat: `the? comparable|corresponding|same? year - ago|earlier Ord? quarter|period`, norm: yearAgoQuarter},
	{pat: `the latest|current|most recent? period`, norm: theQuarter},
	{pat: `the? comparable|corresponding|same? year - ago|earlier Num Units`, norm: duration},
	{pat: `year - ago|earlier`, norm: yearAgoQuarter},
	{pat: `the? quarter|period a year ago|earlier`, norm: yearAgoQuarter},
	{pat: `the corresponding|comparable|same period|quarter a year ago|earlier`, norm: yearAgoQuarter},
	{pat: `the corresponding|comparable|same period|quarter last year`, norm: yearAgoQuarter},
	{pat: `last year ' s quarter`, norm: lastYearsQuarter},
	{pat: `$PRE year -? (' s)? end`, norm: yearEnd},

	// Days relative to the publication date.
	{pat: `$PRE RelDay TOD?`, norm: relDay},
	{pat: `$PRE Wday TOD?`, norm: weekday},
	{pat: `$PRE this|last|next|past|coming Wday TOD?`, norm: weekdayDir},
	{pat: `$PRE this coming|past Wday TOD?`, norm: weekdayDir},
	{pat: `$PRE the previous|preceding|prior|following Wday TOD?`, norm: weekdayAnaphoric},
	{pat: `the week of Month .? Day (,? Year)?`, norm: weekOf},
	{pat: `$PRE this|last TOD`, norm: thisTOD},
	{pat: `mid|early|late -? TOD`, norm: thisTOD},
	{pat: `mid|early|late? -? TOD ,? Wday|RelDay`, norm: todOfDay},
	{pat: `the next|following TOD`, norm: nextTOD},
	{pat: `the TOD`, norm: theTOD},

	// Periods relative to the publication date or the last date mentioned.
	{pat: `$PRE this|last|next|coming|current fiscal? Unit`, norm: deictic},
	{pat: `earlier|later this Unit`, norm: deictic},
	{pat: `earlier|later in the|this Unit`, norm: deictic},
	{pat: `earlier|later that Unit`, norm: anaphoric},
	{pat: `earlier|later RelDay`, norm: relDay},
	{pat: `$PRE the coming|current Unit`, norm: deictic},
	{pat: `$PRE the next|following|previous|prior|preceding|same fiscal? Unit (or so)?`, norm: anaphoric},
	{pat: `$PRE that same? Unit`, norm: anaphoric},
	{pat: `(the? Mod -? of|in) the|this Unit`, norm: deictic},
	{pat: `the weekend`, norm: weekend},
	{pat: `$PRE the fiscal|full|calendar|current|entire|whole? fiscal? year`, norm: theYear},
	{pat: `the year Year|Num`, norm: bareYear},
	{pat: `the week`, norm: theWeek},
	{pat: `$APX Num|A|Few? -? Unit|Units ago|earlier|before|later|after|hence`, norm: ago},
	{pat: `$APX Num|A|Few? -? Unit|Units or so ago|earlier`, norm: ago},
	{pat: `$APX A Few Units ago|earlier|later`, norm: ago},

	// Reference to the present, past and future.
	{pat: `Present`, norm: constant(typeDate, "PRESENT_REF")},
	{pat: `right|just|until|till|up|even|by|from? now`, norm: nowRef},
	{pat: `these days`, norm: constant(typeDate, "PRESENT_REF")},
	{pat: `the present`, norm: constant(typeDate, "PRESENT_REF")},
	{pat: `current`, norm: constant(typeDate, "PRESENT_REF")},
	{pat: `more|most|very|only? Past`, norm: constant(typeDate, "PAST_REF")},
	{pat: `the past`, norm: constant(typeDate, "PAST_REF")},
	{pat: `recent years`, norm: constant(typeDate, "PAST_REF")},
	{pat: `the near|distant|foreseeable? future`, norm: constant(typeDate, "FUTURE_REF")},
	{pat: `near|distant|foreseeable future`, norm: constant(typeDate, "FUTURE_REF")},
	{pat: `the near|short|long term`, norm: constant(typeDate, "FUTURE_REF")},
	{pat: `one day`, norm: someDay},

	// Durations.
	{pat: `$APX Num|A -? more|additional|other|full|trading|business|working? Unit|Units (- long)?`, norm: duration},
	{pat: `$APX A? Few of? more? Units (- long)?`, norm: duration},
	{pat: `the? past|last|next|coming|first|previous|final|initial|latest|remaining|following $APX Num|Few|A? Few? of? Num? Units (or so)?`, norm: duration},
	{pat: `the Num Units`, norm: duration},
	{pat: `the? past decade|century`, norm: pastSpan},
	{pat: `$PRE the past|last|latest fiscal? Unit`, norm: deictic},
	{pat: `recent|coming|past Units`, norm: vaguePlural},
	{pat: `Units (- long)?`, norm: vaguePlural},
	{pat: `$APX Num to|or|- Num Units`, norm: duration},
	{pat: `$APX Num Num / Num -? Unit|Units`, norm: halfDuration},
	{pat: `$APX Num|A Unit|Units and a half`, norm: halfDuration},
	{pat: `$APX half a|an Unit`, norm: halfDuration},

	// Sets.
	{pat: `Every other? Num? Unit|Units|Wday|Month|Season TOD?`, norm: set},
	{pat: `SetAdv`, norm: setAdverb},
	{pat: `Num times a|per|each|every Unit`, norm: setTimes},
	{pat: `once|twice|thrice a|per|each|every Unit`, norm: setTimes},

	// Clock times.
	{pat: `$PRE Clock AmPm? TZ? (,? on? Wday|RelDay)? (,? Month .? Day)?`, norm: clock},
	{pat: `$PRE Num AmPm TZ? (,? on? Wday|RelDay)? (,? Month .? Day)?`, norm: clock},
	{pat: `$PRE Num o ' clock`, norm: clock},
	{pat: `$PRE Num in the TOD`, norm: clock},
	{pat: `$PRE Num at TOD`, norm: clock},
	{pat: `$PRE noon|midday|midnight (,? on? Wday|RelDay)?`, norm: clock},
}

// The TIMEX3 types, as the root package names them.
const (
	typeDate     = dateline.TimexDate
	typeTime     = dateline.TimexTime
	typeDuration = dateline.TimexDuration
	typeSet      = dateline.TimexSet
)

// --- helpers ---------------------------------------------------------------

// word reports whether the match contains one of the words.
func (s *state) word(m *match, words ...string) string {
	for i := m.start; i < m.end; i++ {
		for _, w := range words {
			if s.toks[i].low == w {
				return w
			}
		}
	}
	return ""
}

func (s *state) prev(m *match) *token {
	if m.start > 0 {
		return &s.toks[m.start-1]
	}
	return nil
}

func (s *state) next(m *match) *token {
	if m.end < len(s.toks) {
		return &s.toks[m.end]
	}
	return nil
}

func (s *state) dctAnchor() string {
	if !s.hasDCT {
		return ""
	}
	return s.dct.Format("2006-01-02")
}

// at returns a DATE result for the period of unit u starting at t.
func at(t time.Time, u int, anchor string) result {
	r := ref{t: t, gran: u}
	return result{typ: typeDate, val: format(t, u), anchor: anchor, ref: &r}
}

// fromDCT returns the period of unit u that is n periods from the DCT's.
func (s *state) fromDCT(u, n int) result {
	if !s.hasDCT {
		return result{typ: typeDate, val: unknown(u)}
	}
	return at(shift(trunc(s.dct, u), u, n), u, s.dctAnchor())
}

// anchorFor is the date anaphoric expressions of unit u count from: the last
// date mentioned if it is at least as precise, else the DCT.
func (s *state) anchorFor(u int) (time.Time, string, bool) {
	if s.hasLast && s.last.gran >= u {
		return s.last.t, format(s.last.t, s.last.gran), true
	}
	if s.hasDCT {
		return s.dct, s.dctAnchor(), true
	}
	return time.Time{}, "", false
}

func constant(typ, val string) normFunc {
	return func(*state, *match) (result, bool) { return result{typ: typ, val: val}, true }
}

// --- absolute dates --------------------------------------------------------

func absDate(s *state, m *match) (result, bool) {
	y, mo, d := int(m.v[cYear]), int(m.v[cMonth]), int(m.v[cDay])
	if !validDate(y, mo, d) {
		return result{}, false
	}
	return at(date(y, mo, d), uDay, ""), true
}

func monthDay(s *state, m *match) (result, bool) {
	mo, d := int(m.v[cMonth]), int(m.v[cDay])
	if m.got(cOrd) && !m.got(cDay) {
		// "March eighth"; not "March first-quarter results" or "December
		// third quarter"
		if n := s.next(m); n != nil && (n.low == "-" || n.is(cUnit) || n.is(cUnits)) {
			return result{}, false
		}
		d = int(m.v[cOrd])
	}
	if !validDate(2000, mo, d) {
		return result{}, false
	}
	// "May 3 percent": a number that is a quantity, not a day.
	if n := s.next(m); n != nil && (n.low == "%" || n.low == "percent" || n.low == "million" || n.low == "billion") {
		return result{}, false
	}
	if !s.hasDCT {
		return result{typ: typeDate, val: fmt.Sprintf("XXXX-%02d-%02d", mo, d)}, true
	}
	y := s.resolveMonth(mo, m.start, m.end).Year()
	if !validDate(y, mo, d) {
		return result{}, false
	}
	return at(date(y, mo, d), uDay, s.dctAnchor()), true
}

// monthDayDir is "last Oct. 23", "next March 31": the direction word, not
// the tense or the window around the DCT, says which side of the DCT the
// day lies on, so "next March 3" said in June is next year's.
func monthDayDir(s *state, m *match) (result, bool) {
	r, ok := monthDay(s, m)
	if !ok || !s.hasDCT {
		return r, ok
	}
	mo, d, y := int(m.v[cMonth]), int(m.v[cDay]), s.dct.Year()
	switch s.word(m, "last", "past", "next") {
	case "last", "past":
		if !date(y, mo, d).Before(s.dct) {
			y--
		}
	case "next":
		if !date(y, mo, d).After(s.dct) {
			y++
		}
	default:
		return r, true // "this March 3": the year the window gives
	}
	if !validDate(y, mo, d) {
		return result{}, false
	}
	return at(date(y, mo, d), uDay, s.dctAnchor()), true
}

func yearMonth(s *state, m *match) (result, bool) {
	return at(date(int(m.v[cYear]), int(m.v[cMonth]), 1), uMonth, ""), true
}

// resolveMonth finds the year of a bare month in tokens [i, j). Without a
// cue it takes the one inside the window news mostly talks about: up to
// eight months back and four ahead. An auxiliary ("will", "had") moves it
// across the DCT whenever the window put it on the other side; a weaker cue
// (a past verb, "expected to") only when it lies far enough from the DCT
// that the window's guess is no better than the tense's: "payable Dec. 7"
// in a story that "said" so is still this December.
func (s *state) resolveMonth(mo, i, j int) time.Time {
	y := s.dct.Year()
	cur := int(s.dct.Month())
	switch {
	case mo-cur > 4:
		y--
	case cur-mo > 8:
		y++
	}
	off := (y-s.dct.Year())*12 + mo - cur
	dir, reach := s.strongTense(i, j), 0
	// "By August, the bank has lent …" opening a sentence tells how far
	// things had got, not a deadline.
	if dir == 0 && i > 0 {
		lead := s.toks[i-1].low
		opens := i == 1 || s.toks[i-2].sent != s.toks[i-1].sent
		if !(lead == "by" && opens) {
			dir, reach = monthLead[lead], weakMonthReach
		}
	}
	if dir == 0 {
		var k int
		dir, k = s.cueAt(i, j, false)
		// An irregular past verb just before the month ("took power in
		// June", "won the elections in January") is as sure as an
		// auxiliary. Not an -ed word, which may be an adjective; not a
		// reporting verb ("said"), which dates the report; not a verb after
		// the month, which is often about something else ("crude for
		// delivery in January rose 47 cents").
		reach = weakMonthReach
		if dir < 0 && k >= i-4 && k < i && !s.toks[k].weak && !reportingCues[s.toks[k].low] && !unsurePastCues[s.toks[k].low] {
			reach = 0
		}
	}
	switch {
	case dir > 0 && off < -reach:
		y++
	case dir < 0 && off > reach:
		y--
	}
	return date(y, mo, 1)
}

// monthLead are prepositions that say on which side of the DCT a month
// lies more surely than a past participle does: a deadline ("by February",
// "through January") is mostly still to come, a starting point ("since
// March") is past. An auxiliary still wins ("had bought 400,000 shares
// through Sept. 29").
var monthLead = map[string]int{"by": 1, "through": 1, "until": 1, "till": 1, "since": -1}

// reportingCues are tense cues that date the report rather than the event.
var reportingCues = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "reports": true, "reported": true,
	"writes": true, "wrote": true, "announces": true,
}

// unsurePastCues are past cues that do not date the month after them: time
// words ("last Thursday"), verbs spelled alike in the present and the past,
// and "was"/"were", whose participle may still be a plan ("the ruling was
// expected in December").
var unsurePastCues = map[string]bool{
	"last": true, "ago": true, "yesterday": true, "earlier": true,
	"cut": true, "hit": true, "set": true, "quit": true, "shot": true, "struck": true,
	"was": true, "were": true,
}

// weakMonthReach is how many months from the DCT's a bare month must lie
// before a weak tense cue may move it to the other side of the DCT.
const weakMonthReach = 2

func bareMonth(s *state, m *match) (result, bool) {
	mo := int(m.v[cMonth])
	t := &s.toks[m.end-1]
	// "May" and abbreviations standing alone are too often something else.
	if t.low == "may" || len(t.low) <= 4 && t.low != "june" && t.low != "july" {
		if p := s.prev(m); p == nil || !(p.low == "in" || p.low == "since" || p.low == "until" || p.low == "by" || p.low == "of" || p.low == "early" || p.low == "late" || p.low == "mid" || p.low == "-") {
			return result{}, false
		}
	}
	// "the annual March for Life", "the March on Washington": a march.
	if t.low == "march" && m.end-m.start == 1 {
		if p, n := s.prev(m), s.next(m); p != nil && n != nil && marchBefore[p.low] && marchAfter[n.low] {
			return result{}, false
		}
	}
	if !s.hasDCT {
		return result{typ: typeDate, val: fmt.Sprintf("XXXX-%02d", mo)}, true
	}
	return at(s.resolveMonth(mo, m.start, m.end), uMonth, s.dctAnchor()), true
}

var (
	marchBefore = map[string]bool{"the": true, "a": true, "annual": true, "this": true, "their": true, "protest": true, "peace": true}
	marchAfter  = map[string]bool{"for": true, "of": true, "on": true, "against": true, "to": true, "through": true, "from": true}
)

func init() { known(marchBefore, marchAfter) }

func monthOfRelYear(s *state, m *match) (result, bool) {
	if !s.hasDCT {
		return result{typ: typeDate, val: fmt.Sprintf("XXXX-%02d", int(m.v[cMonth]))}, true
	}
	y := s.dct.Year()
	switch s.word(m, "last", "next") {
	case "last":
		y--
	case "next":
		y++
	}
	return at(date(y, int(m.v[cMonth]), 1), uMonth, s.dctAnchor()), true
}

func monthDir(s *state, m *match) (result, bool) {
	mo := int(m.v[cMonth])
	if !s.hasDCT {
		return result{typ: typeDate, val: fmt.Sprintf("XXXX-%02d", mo)}, true
	}
	y, cur := s.dct.Year(), int(s.dct.Month())
	switch s.word(m, "last", "past", "next", "this") {
	case "last", "past":
		if mo >= cur {
			y--
		}
	case "next":
		if mo <= cur {
			y++
		}
	}
	return at(date(y, mo, 1), uMonth, s.dctAnchor()), true
}

func isoDate(s *state, m *match) (result, bool) {
	y := s.toks[m.start].n
	mo, d := s.toks[m.start+2].n, s.toks[m.start+4].n
	if !validDate(y, mo, d) {
		return result{}, false
	}
	return at(date(y, mo, d), uDay, ""), true
}

func slashDate(s *state, m *match) (result, bool) {
	mo, d, y := s.toks[m.start].n, s.toks[m.start+2].n, s.toks[m.start+4].n
	if len(s.toks[m.start+4].low) == 2 {
		y += 1900
		if y < 1950 {
			y += 100
		}
	} else if len(s.toks[m.start+4].low) != 4 {
		return result{}, false
	}
	if !validDate(y, mo, d) {
		return result{}, false
	}
	return at(date(y, mo, d), uDay, ""), true
}

func bareYear(s *state, m *match) (result, bool) {
	y := int(m.v[cYear])
	if !m.got(cYear) {
		y = int(m.v[cNum]) // "the year two thousand"
	}
	if y < 1800 {
		return result{}, false
	}
	if p := s.prev(m); p != nil && (p.low == "$" || p.low == "#" || p.low == "no" || p.low == "number" || p.num || p.low == "flight" || p.low == "route") {
		return result{}, false
	}
	if n := s.next(m); n != nil && (n.low == "%" || n.low == "percent" || n.num || n.low == "-" && m.end+1 < len(s.toks) && s.toks[m.end+1].is(cUnit) || n.is(cUnits) || n.is(cUnit)) {
		return result{}, false
	}
	// "3 p.m. (2000 GMT)": a clock time in a time zone, not a year
	if n := s.next(m); n != nil && n.is(cTZ) && !m.got(cMod) {
		return result{}, false
	}
	return at(date(y, 1, 1), uYear, ""), true
}

func decade(s *state, m *match) (result, bool) {
	d := int(m.v[cDecade])
	if d%10 != 0 {
		return result{}, false
	}
	return at(date(d, 1, 1), uDecade, ""), true
}

func century(s *state, m *match) (result, bool) {
	o := int(m.v[cOrd])
	if o < 1 || o > 30 {
		return result{}, false
	}
	return result{typ: typeDate, val: fmt.Sprintf("%02d", o-1)}, true
}

func seasonYear(s *state, m *match) (result, bool) {
	return result{typ: typeDate, val: fmt.Sprintf("%04d-%s", int(m.v[cYear]), seasonCodes[int(m.v[cSeason])])}, true
}

func season(s *state, m *match) (result, bool) {
	code := seasonCodes[int(m.v[cSeason])]
	dir := s.word(m, "this", "last", "past", "next", "coming")
	// Bare "fall" and "spring" are mostly verbs and springs.
	if dir == "" && (code == "FA" || code == "SP") {
		if s.word(m, "the", "early", "late", "mid") == "" {
			return result{}, false
		}
		// "the fall of the Berlin Wall", "the fall in prices"
		if n := s.next(m); n != nil && (n.low == "of" || n.low == "in" || n.low == "from" || n.low == "to" || n.low == "by" || n.low == "on") {
			return result{}, false
		}
	}
	if !s.hasDCT {
		return result{typ: typeDate, val: "XXXX-" + code}, true
	}
	// Seasons start in March, June, September and December; the current
	// one began at cs, and "last fall" is the latest fall before it.
	idx := int(m.v[cSeason])
	mo := int(s.dct.Month())
	cs := date(s.dct.Year(), (mo/3)*3, 1)
	if mo < 3 {
		cs = date(s.dct.Year()-1, 12, 1)
	}
	start := func(y int) time.Time { return date(y, 3+3*idx, 1) }
	y := s.dct.Year()
	switch {
	case dir == "last" || dir == "past" || dir == "" && s.tense(m.start, m.end) < 0:
		for !start(y).Before(cs) {
			y--
		}
		if dir == "" && start(y+1).Equal(cs) {
			y++ // "in the winter", said in winter, is this one
		}
	case dir == "next" || dir == "coming" || dir == "":
		for !start(y).After(cs) {
			y++
		}
		if dir == "" && start(y-1).Equal(cs) {
			y--
		}
	default: // this
		if idx == 3 && mo < 3 {
			y-- // this winter, said in February, began in December
		}
	}
	return result{typ: typeDate, val: fmt.Sprintf("%04d-%s", y, code), anchor: s.dctAnchor()}, true
}

func holiday(s *state, m *match) (result, bool) {
	h := holidays[int(m.v[cHoliday])]
	if h.word == "election" && s.word(m, "day") == "" {
		return result{}, false // "the election" is an event, "Election Day" a date
	}
	y := int(m.v[cYear])
	anchor := ""
	if !m.got(cYear) {
		if !s.hasDCT {
			return result{}, false
		}
		y, anchor = s.dct.Year(), s.dctAnchor()
	}
	mo, d := h.date(y)
	t := date(y, mo, d)
	if !m.got(cYear) {
		// "last Christmas" is the one before the DCT, "next Christmas" the
		// one after, "this Christmas" this year's; a bare one is the nearer
		// of the two, unless an auxiliary says which side ("had spent
		// Christmas", "will spend").
		dir, thisYear := s.strongTense(m.start, m.end), false
		switch s.word(m, "last", "next", "this") {
		case "last":
			dir = -1
		case "next":
			dir = 1
		case "this":
			thisYear = true
		}
		prev, next := t, t
		if t.After(s.dct) {
			mo, d = h.date(y - 1)
			prev = date(y-1, mo, d)
		} else if t.Before(s.dct) {
			mo, d = h.date(y + 1)
			next = date(y+1, mo, d)
		}
		switch {
		case thisYear:
			// t is this year's already
		case dir < 0:
			t = prev
		case dir > 0:
			t = next
		case next.Sub(s.dct) < s.dct.Sub(prev):
			t = next
		default:
			t = prev
		}
	}
	if s.word(m, "eve") != "" {
		t = t.AddDate(0, 0, -1)
	}
	return at(t, uDay, anchor), true
}

// --- quarters --------------------------------------------------------------

func ordQuarter(s *state, m *match) (result, bool) {
	o := int(m.v[cOrd])
	u, n := uQuarter, 4
	if s.word(m, "half") != "" {
		u, n = uHalf, 2
	}
	switch {
	case s.word(m, "former") != "":
		o = 1
	case !m.got(cOrd) && (s.word(m, "latter") != "" || s.word(m, "last") != "" && m.got(cYear)):
		o = n // "the last half of 1989" is its second half
	}
	if o < 1 || o > n {
		return result{}, false
	}
	y := int(m.v[cYear])
	anchor := ""
	if !m.got(cYear) {
		switch {
		case s.hasDCT:
			y, anchor = s.dct.Year(), s.dctAnchor()
			rel := ""
			if s.word(m, "year") != "" { // "last year's third quarter"
				rel = s.word(m, "this", "last", "next")
			}
			switch rel {
			case "last":
				y--
			case "next":
				y++
			case "":
				// a quarter still to come in a past clause is last year's
				cur := (int(s.dct.Month())-1)/3 + 1
				if u == uHalf {
					cur = (int(s.dct.Month())-1)/6 + 1
				}
				if o > cur && s.tense(m.start, m.end) < 0 {
					y--
				}
			}
		default:
			if u == uHalf {
				return result{typ: typeDate, val: fmt.Sprintf("XXXX-H%d", o)}, true
			}
			return result{typ: typeDate, val: fmt.Sprintf("XXXX-Q%d", o)}, true
		}
	}
	if u == uHalf {
		return at(date(y, 6*(o-1)+1, 1), uHalf, anchor), true
	}
	r := at(date(y, 3*(o-1)+1, 1), uQuarter, anchor)
	r.namedQuarter = s.reportable(r.ref.t, m)
	return r, true
}

// reportable reports whether a quarter starting at q can be the period an
// earnings story reports on, which later "a year ago" and "the latest
// period" refer to: not one still to come ("the third quarter of 1990" in a
// 1989 story), and the quarter under way only when a past verb says it is
// over already (a fiscal quarter: "reported a decline in fourth-quarter
// earnings"), not in a forecast ("will result in a fourth-quarter charge").
// A quarter already over is reported on even in a forecast ("expects to
// report third-quarter net").
func (s *state) reportable(q time.Time, m *match) bool {
	if !s.hasDCT {
		return true
	}
	switch cur := trunc(s.dct, uQuarter); {
	case q.After(cur):
		return false
	case q.Equal(cur):
		return s.tenseOrNone(m.start, m.end) < 0
	}
	return true
}

// yearPeriod is "the 1988 quarter": the quarter under discussion, in that year.
func yearPeriod(s *state, m *match) (result, bool) {
	y := int(m.v[cYear])
	// "the first nine months ... the 1988 period": a period compared with
	// a span, not a quarter, is that year's
	if s.word(m, "period") != "" && !s.comparedWith().quarter {
		return at(date(y, 1, 1), uYear, ""), true
	}
	if s.hasLastQ {
		q := s.lastQ.t
		return at(date(y, int(q.Month()), 1), uQuarter, format(q, uQuarter)), true
	}
	return at(date(y, 1, 1), uYear, ""), true
}

func yearEnd(s *state, m *match) (result, bool) {
	return s.fromDCT(uYear, 0), true
}

// theQuarter is "the quarter", "the latest quarter": in earnings news the
// quarter last mentioned, else the last one completed before the DCT.
func theQuarter(s *state, m *match) (result, bool) {
	switch s.word(m, "current", "previous", "same", "comparable") {
	case "current":
		return s.fromDCT(uQuarter, 0), true
	case "previous":
		if s.hasLast && s.last.gran == uQuarter {
			return at(shift(s.last.t, uQuarter, -1), uQuarter, format(s.last.t, uQuarter)), true
		}
		return s.fromDCT(uQuarter, -1), true
	}
	if s.word(m, "recent", "most", "past") == "" && s.hasLastQ {
		return at(s.lastQ.t, uQuarter, format(s.lastQ.t, uQuarter)), true
	}
	return s.fromDCT(uQuarter, -1), true
}

// yearAgoQuarter is "the year-ago quarter": the quarter under discussion,
// a year before.
func yearAgoQuarter(s *state, m *match) (result, bool) {
	// "the nine months ... the year-earlier period": the same span a year
	// before, which TimeML writes as the span
	if s.word(m, "period") != "" && s.hasPrevOut && s.prevOut.dur && !s.prevOut.afterDur {
		return result{typ: typeDuration, val: s.prevOut.val}, true
	}
	if s.comparedWith().quarter {
		return at(shift(s.lastQ.t, uYear, -1), uQuarter, format(s.lastQ.t, uQuarter)), true
	}
	return s.fromDCT(uYear, -1), true
}

// lastYearsQuarter is "last year's quarter": the quarter under discussion,
// a year before, whatever was named in between.
func lastYearsQuarter(s *state, m *match) (result, bool) {
	if s.hasLastQ {
		return at(shift(s.lastQ.t, uYear, -1), uQuarter, format(s.lastQ.t, uQuarter)), true
	}
	return s.fromDCT(uQuarter, -5), true
}

// comparison is what a year-ago expression ("a year earlier", "year-ago")
// compares with, judged from the expression just before it: in earnings
// news "the third quarter ... a year ago" is that quarter a year before,
// but "the nine months ... a year earlier" is the year before.
type comparison struct{ quarter, day bool }

func (s *state) comparedWith() comparison {
	if !s.hasPrevOut {
		return comparison{quarter: s.hasLastQ}
	}
	switch {
	case s.prevOut.dur || s.prevOut.gran == uYear || s.prevOut.gran == uHalf:
		return comparison{}
	case s.prevOut.gran == uDay && !s.prevOut.afterDur:
		return comparison{day: true, quarter: s.hasLastQ}
	case s.prevOut.gran == uDay:
		return comparison{} // "the year ended March 31 ... a year earlier"
	}
	return comparison{quarter: s.hasLastQ}
}

// --- days ------------------------------------------------------------------

// withTOD adds a part of the day: "Friday night" is 1998-10-23TNI, typed
// TIME as TimeML types "the morning of January 31" (the AQUAINT annotators
// mostly wrote DATE, the TimeBank ones TIME).
func withTOD(r result, m *match) result {
	if m.got(cTOD) && r.typ == typeDate {
		r.val += "T" + todCodes[int(m.v[cTOD])]
		r.typ = typeTime
	}
	return r
}

// todOfDay is "mid-afternoon yesterday", "late morning Tuesday": a part
// of the named day.
func todOfDay(s *state, m *match) (result, bool) {
	var r result
	switch {
	case m.got(cWday):
		r, _ = weekday(s, m)
	default:
		r, _ = relDay(s, m)
	}
	r.typ = typeTime
	return r, true
}

func relDay(s *state, m *match) (result, bool) {
	var r result
	if !s.hasDCT {
		r = result{typ: typeDate, val: unknown(uDay)}
	} else {
		r = at(s.dct.AddDate(0, 0, int(m.v[cRelDay])), uDay, s.dctAnchor())
	}
	if s.word(m, "tonight") != "" && !m.got(cTOD) {
		r.typ, r.val = typeTime, r.val+"TNI"
	}
	r = withTOD(r, m)
	if m.got(cTOD) {
		r.typ = typeTime
	}
	return r, true
}

// resolveWeekday finds the date of weekday wd from the DCT: the DCT itself
// when it falls on that day, else the one before (dir < 0) or after.
func (s *state) resolveWeekday(wd, dir int, strict bool) time.Time {
	cur := isoWeekday(s.dct)
	var off int
	if dir < 0 {
		off = -((cur - wd + 7) % 7)
		if strict && off == 0 {
			off = -7
		}
	} else {
		off = (wd - cur + 7) % 7
		if strict && off == 0 {
			off = 7
		}
	}
	return s.dct.AddDate(0, 0, off)
}

func weekday(s *state, m *match) (result, bool) {
	wd := int(m.v[cWday])
	if !s.hasDCT {
		return withTOD(result{typ: typeDate, val: fmt.Sprintf("XXXX-WXX-%d", wd)}, m), true
	}
	t := s.resolveWeekday(wd, s.weekdayDirection(m.start, m.end), false)
	return withTOD(at(t, uDay, s.dctAnchor()), m), true
}

// weekdayLead are words just before a bare weekday (perhaps with "on" in
// between) that say on which side of the DCT it lies more surely than the
// clause's verb: a start ("a deadline starting Thursday", "a four-day
// match beginning Thursday") is mostly still to come, a "since" already past.
var weekdayLead = map[string]int{"starting": 1, "beginning": 1, "since": -1}

// weekdayDirection is the side of the DCT a bare weekday in tokens [i, j)
// lies on, for a date and a clock time alike: a lead word's if it has one,
// else the tense's.
func (s *state) weekdayDirection(i, j int) int {
	if d := s.leadDir(i, weekdayLead); d != 0 {
		return d
	}
	return s.tense(i, j)
}

// leadDir is the direction the word before token i gives in table lead,
// looking past the preposition of "starting on Thursday" and "starting at
// 9 a.m. Thursday".
func (s *state) leadDir(i int, lead map[string]int) int {
	k := i - 1
	if k >= 0 && (s.toks[k].low == "on" || s.toks[k].low == "at") {
		k--
	}
	if k < 0 || s.toks[k].sent != s.toks[i].sent {
		return 0
	}
	return lead[s.toks[k].low]
}

func init() { known(weekdayLead) }

func weekdayDir(s *state, m *match) (result, bool) {
	wd := int(m.v[cWday])
	if !s.hasDCT {
		return withTOD(result{typ: typeDate, val: fmt.Sprintf("XXXX-WXX-%d", wd)}, m), true
	}
	var t time.Time
	// "this coming Sunday": the direction word decides, not "this"
	switch s.word(m, "last", "past", "next", "coming") {
	case "last", "past":
		t = s.resolveWeekday(wd, -1, true)
	case "next", "coming":
		t = s.resolveWeekday(wd, 1, true)
	default:
		t = s.resolveWeekday(wd, s.tense(m.start, m.end), false)
	}
	return withTOD(at(t, uDay, s.dctAnchor()), m), true
}

// weekdayAnaphoric is "the previous Friday", "the following Monday": the
// nearest such day before or after the last date mentioned, which in a
// story that has just named a day is that day's neighbour, not the DCT's.
func weekdayAnaphoric(s *state, m *match) (result, bool) {
	wd := int(m.v[cWday])
	t, anchor, ok := s.anchorFor(uDay)
	if !ok {
		return withTOD(result{typ: typeDate, val: fmt.Sprintf("XXXX-WXX-%d", wd)}, m), true
	}
	off := (wd - isoWeekday(t) + 7) % 7
	if off == 0 {
		off = 7
	}
	if s.word(m, "following") == "" {
		off -= 7
	}
	return withTOD(at(t.AddDate(0, 0, off), uDay, anchor), m), true
}

// weekOf is "the week of March 6": the ISO week that holds the day.
func weekOf(s *state, m *match) (result, bool) {
	mo, d := int(m.v[cMonth]), int(m.v[cDay])
	y := int(m.v[cYear])
	anchor := ""
	if !m.got(cYear) {
		if !s.hasDCT {
			return result{typ: typeDate, val: unknown(uWeek)}, true
		}
		y, anchor = s.resolveMonth(mo, m.start, m.end).Year(), s.dctAnchor()
	}
	if !validDate(y, mo, d) {
		return result{}, false
	}
	return at(date(y, mo, d), uWeek, anchor), true
}

func thisTOD(s *state, m *match) (result, bool) {
	n := 0
	if s.word(m, "last") != "" {
		n = -1
		if int(m.v[cTOD]) != 3 { // "last night" is the evening before; "last morning" is odd
			return result{}, false
		}
	}
	return withTOD(s.fromDCT(uDay, n), m), true
}

// theTOD is "in the morning", "during the night": a part of the day the
// story is telling, which is a day named in this sentence or the one
// before ("shares fell Friday. Dealers bought in the morning"), else the
// DCT's; a day named further back is seldom the one meant. Only after a
// preposition of time: "the night the plane fell" and "the night of Oct.
// 23" name their day some other way.
func theTOD(s *state, m *match) (result, bool) {
	p, n := s.prev(m), s.next(m)
	if p == nil || !todLead[p.low] || n != nil && (n.low == "of" || n.low == "before" || n.low == "after") {
		return result{}, false
	}
	var r result
	if d, a, ok := s.recentDay(m, 1); ok {
		r = at(d, uDay, a)
	} else if s.hasDCT {
		r = at(s.dct, uDay, s.dctAnchor())
	} else {
		r = result{typ: typeDate, val: unknown(uDay)}
	}
	return withTOD(r, m), true
}

// recentDay is the last day named in the sentence of match m or the back
// sentences before it, which a time of day without its own day mostly
// belongs to.
func (s *state) recentDay(m *match, back int32) (time.Time, string, bool) {
	if s.hasLast && s.last.gran >= uDay && s.last.sent >= s.toks[m.start].sent-back {
		return trunc(s.last.t, uDay), format(s.last.t, s.last.gran), true
	}
	return time.Time{}, "", false
}

// todLead are the prepositions before "the morning" that make it a time.
var todLead = map[string]bool{"in": true, "during": true, "through": true, "throughout": true, "until": true, "by": true}

func init() { known(todLead) }

// nextTOD is "the next morning": the day after the last date mentioned.
func nextTOD(s *state, m *match) (result, bool) {
	t, anchor, ok := s.anchorFor(uDay)
	if !ok {
		return result{}, false
	}
	return withTOD(at(t.AddDate(0, 0, 1), uDay, anchor), m), true
}

func weekend(s *state, m *match) (result, bool) {
	if !s.hasDCT {
		return result{typ: typeDate, val: unknown(uWeekend)}, true
	}
	n := 0
	if s.tense(m.start, m.end) < 0 && isoWeekday(s.dct) < 6 {
		n = -1
	}
	return s.fromDCT(uWeekend, n), true
}

// --- relative periods ------------------------------------------------------

var unitOfWord = map[int]bool{uCentury: true, uDecade: true, uYear: true, uHalf: true, uQuarter: true, uMonth: true, uWeek: true, uWeekend: true, uDay: true}

func deictic(s *state, m *match) (result, bool) {
	u := int(m.v[cUnit])
	if !unitOfWord[u] {
		return result{}, false
	}
	n := 0
	switch s.word(m, "last", "next", "coming", "past", "previous", "latest") {
	case "last", "past", "previous", "latest":
		n = -1
	case "next", "coming":
		n = 1
	}
	if u == uDay && n != 0 {
		return result{}, false // "next day" is anaphoric, handled elsewhere
	}
	if u == uDecade || u == uCentury {
		if n == 0 && s.word(m, "this", "current") != "" && !s.hasDCT {
			return result{}, false
		}
	}
	return s.fromDCT(u, n), true
}

// theWeek is a bare "the week" ("for the week, the index fell", "the
// week's most active session"): a week the story has in mind without naming
// it, which TimeML writes with the week unknown (1989-WXX, as the gold does
// four times in four).
func theWeek(s *state, m *match) (result, bool) {
	if n := s.next(m); n != nil && n.low == "-" {
		return result{}, false // "the week-long pilgrimage"
	}
	if !s.hasDCT {
		return result{typ: typeDate, val: unknown(uWeek)}, true
	}
	return result{typ: typeDate, val: fmt.Sprintf("%04d-WXX", s.dct.Year()), anchor: s.dctAnchor()}, true
}

// theYear is "the year", "the fiscal year": in a report, the one the report
// is about; followed by "ended" or "ending" it is a twelve-month span.
func theYear(s *state, m *match) (result, bool) {
	if n := s.next(m); n != nil && (n.low == "ended" || n.low == "ending" || n.low == "through" || n.low == "to") {
		return result{typ: typeDuration, val: "P1Y"}, true
	}
	if n := s.next(m); n != nil && (n.low == "-" || n.low == "'" || n.is(cYear) || n.num) {
		return result{}, false // "the year-earlier period", "the year 2000"
	}
	return s.fromDCT(uYear, 0), true
}

func anaphoric(s *state, m *match) (result, bool) {
	u := int(m.v[cUnit])
	if !unitOfWord[u] {
		return result{}, false
	}
	n := 0
	switch s.word(m, "next", "following", "previous", "prior", "preceding") {
	case "next", "following":
		n = 1
	case "previous", "prior", "preceding":
		n = -1
	}
	t, anchor, ok := s.anchorFor(u)
	if !ok {
		return result{typ: typeDate, val: unknown(u)}, true
	}
	return at(shift(trunc(t, u), u, n), u, anchor), true
}

// count is the number a duration or offset names; -1 for "a few", "several".
func count(s *state, m *match) int {
	switch {
	case s.word(m, "couple") != "":
		return 2 // TimeML reads "a couple of years" as two
	case m.got(cFew), m.got(cUnits) && !m.got(cNum) && !m.got(cA):
		return -1
	case m.got(cNum):
		return int(m.v[cNum])
	}
	return 1
}

func unitOf(m *match) int {
	if m.got(cUnits) {
		return int(m.v[cUnits])
	}
	return int(m.v[cUnit])
}

func ago(s *state, m *match) (result, bool) {
	u, n := unitOf(m), count(s, m)
	dirWord := s.word(m, "ago", "earlier", "before", "later", "after", "hence")
	if (dirWord == "before" || dirWord == "after") && m.end < len(s.toks) {
		if nx := s.toks[m.end]; !nx.num && len(nx.low) > 1 {
			return result{}, false // "two years after the war": a duration then a clause
		}
	}
	if n == 0 || n > 5000 || u == uHalf || u == uNone {
		return result{}, false
	}
	sign := -1
	if dirWord == "later" || dirWord == "after" || dirWord == "hence" {
		sign = 1
	}
	if n < 0 {
		if dirWord != "ago" {
			return result{}, false // "a few days later": the duration alone
		}
		if sign < 0 {
			return result{typ: typeDate, val: "PAST_REF", anchor: s.dctAnchor()}, true
		}
		return result{typ: typeDate, val: "FUTURE_REF", anchor: s.dctAnchor()}, true
	}
	if u >= uHour {
		return result{}, false // "an hour later": TimeML marks the duration alone
	}
	// "three days later", "a day earlier": in TimeBank the duration alone
	// too; only the coarser units make a date ("a year earlier").
	if dirWord != "ago" && u >= uWeek {
		return result{}, false
	}
	var base time.Time
	var anchor string
	gran := u
	if gran == uWeekend {
		gran = uWeek
	}
	if dirWord == "ago" || dirWord == "earlier" || dirWord == "before" {
		// "a year earlier" in news compares with the time being reported,
		// which is the DCT's unless a period was named just before.
		if !s.hasDCT {
			return result{typ: typeDate, val: unknown(gran)}, true
		}
		base, anchor = s.dct, s.dctAnchor()
	} else {
		t, a, ok := s.anchorFor(gran)
		if !ok {
			return result{typ: typeDate, val: unknown(gran)}, true
		}
		base, anchor = t, a
	}
	// "a year ago" after "the third quarter" means that quarter a year
	// before: the offset keeps the precision of the period it compares with.
	if u == uYear && sign < 0 {
		switch k := s.comparedWith(); {
		case k.quarter:
			base, gran, anchor = s.lastQ.t, uQuarter, format(s.lastQ.t, uQuarter)
		case k.day && dirWord == "earlier":
			// "the quarter ended Sept. 30 ... a year earlier": that day
			base, gran, anchor = s.prevOut.t, uDay, format(s.prevOut.t, uDay)
		}
	}
	if u == uDecade || u == uCentury {
		return at(shift(trunc(base, uYear), u, sign*n), uYear, anchor), true
	}
	return at(shift(trunc(base, gran), u, sign*n), gran, anchor), true
}

// someDay is "one day" after a modal ("Islam will one day be…"): an
// unnamed time to come, not a span of a day.
func someDay(s *state, m *match) (result, bool) {
	if p := s.prev(m); p != nil && modalVerbs[p.low] {
		return result{typ: typeDate, val: "FUTURE_REF"}, true
	}
	return result{}, false
}

var modalVerbs = map[string]bool{"will": true, "would": true, "could": true, "may": true, "might": true, "can": true, "should": true, "must": true}

func init() { known(modalVerbs) }

func nowRef(s *state, m *match) (result, bool) {
	switch s.toks[m.start].low {
	case "until", "till", "up", "even", "by", "from":
		// keep only "now" in the span of "until now"
		return result{}, false
	}
	return result{typ: typeDate, val: "PRESENT_REF"}, true
}

// --- durations and sets ----------------------------------------------------

// moneyOrRate tells a rate ("$5 a year", "3% a month") from a duration.
func moneyOrRate(t *token) bool {
	switch t.low {
	case "%", "percent", "million", "billion", "trillion", "dollars", "cents", "times", "shares", "barrels", "tons", "people", "hours":
		return true
	}
	return t.num
}

// afterQuantity reports whether token i follows a quantity: a number or an
// amount ("$5", "3%", "$2 million") or a counted noun ("700 seats").
func (s *state) afterQuantity(i int) bool {
	if i == 0 {
		return false
	}
	p := &s.toks[i-1]
	if moneyOrRate(p) {
		return true
	}
	return i > 1 && isWordToken(p) && !p.num && (s.toks[i-2].num || s.toks[i-2].is(cNum)) && s.toks[i-2].sent == p.sent
}

func duration(s *state, m *match) (result, bool) {
	u, n := unitOf(m), count(s, m)
	if m.got(cUnits) && !m.got(cNum) && !m.got(cA) && !m.got(cFew) {
		n = -1 // "the coming weeks"
	}
	if u == uNone || n == 0 {
		return result{}, false
	}
	if m.got(cNum) && s.word(m, "to", "or", "-") != "" && m.got(cUnits) {
		// "two to three weeks": keep the lower bound's count of the range
		for i := m.start; i < m.end; i++ {
			if s.toks[i].is(cNum) {
				if s.toks[i].is(cYear) {
					return result{}, false // "sentenced in 1995 to 15 years"
				}
				n = s.toks[i].val(cNum)
				break
			}
		}
	}
	// "a year-earlier loss": the adjective is the expression, not "a year".
	if n := s.next(m); n != nil && n.low == "-" && m.end+1 < len(s.toks) && (s.toks[m.end+1].low == "earlier" || s.toks[m.end+1].low == "ago") {
		return result{}, false
	}
	// Ages ("a 6-year-old") are not time expressions in TimeML.
	if n := s.next(m); n != nil && (n.low == "old" || n.low == "-" && m.end+1 < len(s.toks) && s.toks[m.end+1].low == "old") {
		return result{}, false
	}
	// "three-quarters" is a fraction.
	if u == uQuarter && m.got(cUnits) && s.word(m, "-") != "" {
		return result{}, false
	}
	// A digit count that is really a year: "1990 years" is not a duration.
	if m.got(cYear) && n >= 1000 {
		return result{}, false
	}
	// "second" is an ordinal as often as a unit: "a second time".
	if u == uSecond && m.got(cUnit) && !m.got(cNum) {
		return result{}, false
	}
	// "$5 a year", "four flights a week": the rate of a quantity, which
	// annotators leave untagged (7 times in 9 in TimeBank and AQUAINT);
	// "twice a week" is setTimes's.
	if m.got(cA) && !m.got(cNum) && !m.got(cFew) && m.start == m.end-2 && s.afterQuantity(m.start) {
		return result{}, false
	}
	if u == uHalf {
		return result{}, false
	}
	return result{typ: typeDuration, val: durationValue(n, u)}, true
}

// pastSpan is "the past decade": in TimeML the ten years up to now
// (P10Y), not the calendar decade before the DCT's, which "the last decade"
// names. It must come before the deictic row, which matches the same words.
// The units are spelled as words, which capture nothing, so the unit is
// read off the last token.
func pastSpan(s *state, m *match) (result, bool) {
	return result{typ: typeDuration, val: durationValue(1, s.toks[m.end-1].val(cUnit))}, true
}

func vaguePlural(s *state, m *match) (result, bool) {
	u := unitOf(m)
	if u == uNone || u == uHalf {
		return result{}, false
	}
	if p := s.prev(m); p != nil && (p.num || p.is(cNum) || p.low == "-") {
		return result{}, false
	}
	// a bare "hours", "minutes", "seconds" ("for hours", "hours after
	// the blast") is left untagged by annotators
	if u == uSecond || u == uMinute || u == uHour {
		return result{}, false
	}
	// A bare plural after these words is a quantity or a phrase, not a
	// span of time annotators mark: "a matter of days", "hundreds of
	// years", "the early hours", "these days".
	if p := s.prev(m); p != nil && m.end-m.start == 1 && notBeforeBarePlural[p.low] {
		return result{}, false
	}
	return result{typ: typeDuration, val: durationValue(-1, u)}, true
}

var notBeforeBarePlural = map[string]bool{
	"of": true, "early": true, "these": true, "those": true, "such": true, "half": true,
	"consecutive": true, "straight": true, "wee": true, "small": true,
}

func set(s *state, m *match) (result, bool) {
	// "$5 per day", "15 million instructions per second": a rate of a
	// quantity, which annotators leave untagged ("twice per week" is
	// setTimes's)
	if s.toks[m.start].low == "per" {
		return result{}, false
	}
	switch {
	case m.got(cWday):
		v := fmt.Sprintf("XXXX-WXX-%d", int(m.v[cWday]))
		if m.got(cTOD) {
			v += "T" + todCodes[int(m.v[cTOD])]
		}
		return result{typ: typeSet, val: v}, true
	case m.got(cMonth):
		return result{typ: typeSet, val: fmt.Sprintf("XXXX-%02d", int(m.v[cMonth]))}, true
	case m.got(cSeason):
		return result{typ: typeSet, val: "XXXX-" + seasonCodes[int(m.v[cSeason])]}, true
	}
	u := unitOf(m)
	if u == uNone {
		if m.got(cTOD) {
			return result{typ: typeSet, val: "T" + todCodes[int(m.v[cTOD])]}, true
		}
		return result{}, false
	}
	n := 1
	if m.got(cNum) {
		n = int(m.v[cNum])
	}
	if s.word(m, "other") != "" {
		n = 2
	}
	if n <= 0 {
		return result{}, false
	}
	return result{typ: typeSet, val: durationValue(n, u)}, true
}

func setAdverb(s *state, m *match) (result, bool) {
	u := int(m.v[cSetAdv])
	if u == uQuarter {
		// "paid quarterly" is a set; "a quarterly dividend" names none.
		if n := s.next(m); n != nil && isWordToken(n) {
			return result{}, false
		}
		return result{typ: typeSet, val: "P3M"}, true
	}
	return result{typ: typeSet, val: durationValue(1, u)}, true
}

func setTimes(s *state, m *match) (result, bool) {
	return result{typ: typeSet, val: durationValue(1, int(m.v[cUnit]))}, true
}

// --- clock times -----------------------------------------------------------

func clock(s *state, m *match) (result, bool) {
	var h, mi int
	switch {
	case m.got(cClock):
		h, mi = int(m.v[cClock])/100, int(m.v[cClock])%100
	case s.word(m, "noon", "midday") != "":
		h = 12
	case s.word(m, "midnight") != "":
		h = 24
	case m.got(cNum):
		h = int(m.v[cNum])
		if h < 1 || h > 12 {
			return result{}, false
		}
	default:
		return result{}, false
	}
	if m.got(cAmPm) {
		if h > 12 || h == 0 {
			return result{}, false
		}
		h = h%12 + int(m.v[cAmPm])
	} else if m.got(cTOD) {
		// "at 4 in the morning"; not a count, as in "84 for five in the
		// morning session"
		if k := s.firstNum(m); k == 0 || !clockLead[s.toks[k-1].low] {
			return result{}, false
		}
		h = todHour(h, int(m.v[cTOD]))
	} else if m.got(cClock) {
		// a bare "3:45" may be a score or a ratio; keep it only with a day
		if !m.got(cWday) && !m.got(cRelDay) && !m.got(cTZ) {
			return result{}, false
		}
	}
	hm := fmt.Sprintf("%02d:%02d", h, mi)
	if mi == 0 && !m.got(cClock) {
		hm = fmt.Sprintf("%02d", h)
		if h != 24 {
			hm += ":00"
		}
	}
	if !s.hasDCT {
		return result{typ: typeTime, val: "XXXX-XX-XXT" + hm}, true
	}
	day, anchor := s.dct, s.dctAnchor()
	if mo, d := int(m.v[cMonth]), int(m.v[cDay]); m.got(cMonth) && m.got(cDay) && validDate(day.Year(), mo, d) {
		day = date(day.Year(), mo, d)
	} else if t := s.clockDay(m); t != nil && t.is(cWday) {
		day = s.resolveWeekday(t.val(cWday), s.weekdayDirection(m.start, m.end), false)
	} else if t != nil {
		day = day.AddDate(0, 0, t.val(cRelDay))
	} else if d, a, ok := s.recentDay(m, 0); ok {
		day, anchor = d, a
	}
	return result{typ: typeTime, val: format(day, uDay) + "T" + hm, anchor: anchor}, true
}

// clockLead are the prepositions before an hour that a part of the day
// turns into a clock time ("at 4 in the morning", "until 10 at night").
var clockLead = map[string]bool{
	"at": true, "by": true, "until": true, "till": true, "before": true, "after": true,
	"around": true, "about": true, "from": true, "to": true, "since": true, "past": true,
}

func init() { known(clockLead) }

// firstNum is the index of the first number token of a match, or 0.
func (s *state) firstNum(m *match) int {
	for k := m.start; k < m.end; k++ {
		if s.toks[k].is(cNum) {
			return k
		}
	}
	return 0
}

// todHour is the hour on the 24-hour clock of "4 in the morning", "10 at
// night", "3 in the afternoon" (tod indexes todCodes).
func todHour(h, tod int) int {
	h %= 12
	if tod == 1 || tod == 2 || tod == 3 && h >= 6 {
		h += 12
	}
	return h
}

// clockDay is the token naming the day of a clock time: a weekday or
// "today" in the match, or else just after it, perhaps past a bracketed
// conversion ("at 10:35 a.m. (0735 GMT) Friday"), which stays out of the
// span; nil if none. A day inside the conversion is not the time's: across
// time zones it is often the day before ("8:30 a.m. (2330 GMT Thursday)").
func (s *state) clockDay(m *match) *token {
	for k := m.start; k < m.end; k++ {
		if t := &s.toks[k]; t.is(cWday) || t.is(cRelDay) {
			return t
		}
	}
	if k := s.afterBrackets(m.end); k < len(s.toks) && s.toks[k].sent == s.toks[m.start].sent {
		if t := &s.toks[k]; t.is(cWday) || t.is(cRelDay) {
			return t
		}
	}
	return nil
}

// afterBrackets is the index of the token after a short bracketed aside
// starting at token k ("(0735 GMT)"), or k when there is none.
func (s *state) afterBrackets(k int) int {
	if k >= len(s.toks) || s.toks[k].low != "(" {
		return k
	}
	for j := k + 1; j < len(s.toks) && j <= k+maxAside; j++ {
		if s.toks[j].low == ")" {
			return j + 1
		}
	}
	return k
}

// maxAside bounds the tokens of a bracketed aside afterBrackets skips.
const maxAside = 6

func isWordToken(t *token) bool {
	return t.num || len(t.low) > 1 || len(t.low) == 1 && isWordByte(t.low[0])
}

// halfDuration is "2 1/2 years", "an hour and a half", "half a day": the
// half goes to the next smaller unit, as TimeML writes it (P2Y6M, PT1H30M).
func halfDuration(s *state, m *match) (result, bool) {
	u := unitOf(m)
	n := 1
	if m.got(cNum) {
		n = int(m.v[cNum])
	}
	if s.word(m, "/") != "" {
		// Num Num / Num: the fraction must be 1/2
		k := m.start
		for k < m.end && !s.toks[k].num {
			k++
		}
		if k+3 >= m.end || s.toks[k+1].low != "1" || s.toks[k+3].low != "2" {
			return result{}, false
		}
		n = s.toks[k].n
	}
	if s.toks[m.start].low == "half" {
		n = 0 // half a day
	}
	halves := map[int]string{
		uYear: "%dY6M", uMonth: "%dM15D", uWeek: "%dW3D", uDay: "%dDT12H",
		uHour: "T%dH30M", uMinute: "T%dM30S",
	}
	f, ok := halves[u]
	if !ok {
		return result{}, false
	}
	v := "P" + fmt.Sprintf(f, n)
	if n == 0 {
		v = map[int]string{uYear: "P6M", uMonth: "P15D", uWeek: "P3DT12H", uDay: "PT12H", uHour: "PT30M", uMinute: "PT30S"}[u]
	}
	return result{typ: typeDuration, val: v}, true
}

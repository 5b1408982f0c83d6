package timex

import "strings"

// A class is a word category the rule patterns are written in. A token can
// belong to several (a "second" is an ordinal and a unit; "May" a month).
type class uint8

const (
	cMonth   class = iota // January … December and their abbreviations; val 1–12
	cWday                 // Monday … Sunday; val 1–7 (ISO, Monday = 1)
	cSeason               // spring, summer, fall/autumn, winter; val index into seasonCodes
	cUnit                 // a singular calendar unit; val a unit constant
	cUnits                // a plural calendar unit; val a unit constant
	cNum                  // a cardinal: digits or a number word; val its value
	cOrd                  // an ordinal: "third", "3rd"; val its value
	cYear                 // a four-digit number that can be a year; val the year
	cDay                  // a number that can be a day of the month; val 1–31
	cDecade               // "1990s", "'90s", "nineties"; val the first year
	cClock                // "10:35"; val hour*100+minute
	cAmPm                 // "a.m.", "pm"; val 0 for am, 12 for pm
	cTOD                  // morning, afternoon, evening, night; val index into todCodes
	cThis                 // this, current
	cLast                 // last, past, previous, preceding
	cNext                 // next, coming, following
	cMod                  // early, late, mid, end, beginning …: a TimeML mod, kept in the span
	cApprox               // about, nearly, almost …: kept in a duration's span
	cFew                  // few, several, some, many, couple: an unspecified number
	cA                    // a, an: the number one in "a week"
	cPresent              // now, currently, nowadays …
	cPast                 // recently, lately, formerly …
	cFuture               // soon, shortly …
	cSetAdv               // daily, weekly, annually …; val a unit constant
	cHoliday              // Christmas, Thanksgiving …; val index into holidays
	cEvery                // every, each, per
	cRelDay               // today, yesterday, tomorrow, tonight; val the day offset
	cTZ                   // EST, GMT …: kept in a time's span
	cEdge                 // early, late, mid: a Mod that needs no "of" ("late Friday")
	nClasses
)

// Units. Their order is the order of granularity used when an expression
// inherits precision from its anchor.
const (
	uNone = iota
	uCentury
	uDecade
	uYear
	uHalf
	uQuarter
	uSeason
	uMonth
	uWeek
	uWeekend
	uDay
	uHour
	uMinute
	uSecond
)

var seasonCodes = []string{"SP", "SU", "FA", "WI"}
var todCodes = []string{"MO", "AF", "EV", "NI", "MI", "DT"}

type entry struct {
	set   uint32          // bit c set when the word is in class c
	vals  [nClasses]int16 // the value for each class it is in
	wid   uint16          // nonzero for words the grammar names literally
	start bool            // some rule can start at this word
	cue   int8            // tense cue of the word, as in token.cue
	word  string          // the lower-case word, shared by every token that spells it
}

func (e *entry) has(c class) bool { return e != nil && e.set&(1<<c) != 0 }

var lexicon = map[string]*entry{}

// entryOf returns the lexicon entry of w, creating an empty one.
func entryOf(w string) *entry {
	e := lexicon[w]
	if e == nil {
		e = &entry{word: w}
		lexicon[w] = e
	}
	return e
}

// known puts the words of tables in the lexicon: the grammar and the tense
// cues compare tokens by their lower-case form, which only lexicon words
// get, so "Will" and "will" look alike.
func known[V any](tables ...map[string]V) {
	for _, t := range tables {
		for w := range t {
			entryOf(w)
		}
	}
}

// contextWords are compared by the normalisers and the tense cues; being in
// the lexicon gives their tokens a lower-case form whatever their case.
var contextWords = []string{
	"#", "$", "%", "'", "-", "are", "is", "be", "been", "being", "was", "were", "had", "billion",
	"million", "trillion", "by", "ended", "ending", "flight", "from", "in", "no", "number", "of",
	"old", "on", "percent", "route", "since", "through", "to", "until", "wo", "won", "n", "t",
	"dollars", "cents", "times", "shares", "barrels", "tons", "people", "for", "the",
	"these", "those", "such", "consecutive", "straight", "wee", "small", "as", "has", "have",
}

func add(c class, val int, words ...string) {
	for _, w := range words {
		e := entryOf(w)
		e.set |= 1 << c
		e.vals[c] = int16(val)
	}
}

// ambiguous words are taken as months or weekdays only when capitalised.
var ambiguous = map[string]bool{"may": true, "march": true, "mar": true, "jun": true, "mon": true, "tue": true, "thu": true, "fri": true, "sept": true, "sep": true, "dec": true, "jan": true, "feb": true, "apr": true, "jul": true, "aug": true, "oct": true, "nov": true, "est": true, "et": true, "pt": true}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	abbr := [][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, nil, {"jun"}, {"jul"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}
	for i, m := range months {
		add(cMonth, i+1, m)
		add(cMonth, i+1, abbr[i]...)
	}
	for i, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		add(cWday, i+1, d)
	}
	add(cWday, 1, "mon")
	add(cWday, 2, "tues", "tue")
	add(cWday, 4, "thurs", "thu")
	add(cWday, 5, "fri")
	add(cSeason, 0, "spring", "springtime")
	add(cSeason, 1, "summer", "summertime")
	add(cSeason, 2, "fall", "autumn")
	add(cSeason, 3, "winter", "wintertime")
	units := []struct {
		u      int
		sg, pl string
		adverb string
		alt    []string
	}{
		{uCentury, "century", "centuries", "", nil},
		{uDecade, "decade", "decades", "", nil},
		{uYear, "year", "years", "annually", []string{"yearly"}},
		{uQuarter, "quarter", "quarters", "quarterly", nil},
		{uMonth, "month", "months", "monthly", nil},
		{uWeek, "week", "weeks", "weekly", nil},
		{uWeekend, "weekend", "weekends", "", nil},
		{uDay, "day", "days", "daily", []string{"nightly"}},
		{uHour, "hour", "hours", "hourly", nil},
		{uMinute, "minute", "minutes", "", nil},
		{uSecond, "second", "seconds", "", nil},
	}
	for _, u := range units {
		add(cUnit, u.u, u.sg)
		add(cUnits, u.u, u.pl)
		if u.adverb != "" {
			add(cSetAdv, u.u, u.adverb)
		}
		add(cSetAdv, u.u, u.alt...)
	}
	add(cUnit, uYear, "yr")
	add(cUnits, uYear, "yrs")
	add(cUnits, uMinute, "mins")
	add(cUnit, uHalf, "half")
	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range ones {
		add(cNum, i, w)
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(cNum, 20+10*i, w)
	}
	add(cNum, 100, "hundred")
	add(cNum, 1000, "thousand")
	add(cNum, 12, "dozen")
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords {
		add(cOrd, i+1, w)
	}
	add(cOrd, 30, "thirtieth")
	add(cOrd, 2, "2nd")
	decades := []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
	for i, w := range decades {
		add(cDecade, 1920+10*i, w)
	}
	add(cAmPm, 0, "am", "a.m.", "a.m")
	add(cAmPm, 12, "pm", "p.m.", "p.m")
	add(cTOD, 0, "morning", "mornings")
	add(cTOD, 1, "afternoon", "afternoons")
	add(cTOD, 2, "evening", "evenings")
	add(cTOD, 3, "night", "nights")
	add(cThis, 0, "this", "current")
	add(cLast, 0, "last", "past", "previous", "preceding", "prior")
	add(cNext, 0, "next", "coming", "following", "upcoming", "ensuing")
	add(cMod, 0, "early", "late", "mid", "middle", "end", "beginning", "start", "close", "dawn")
	add(cEdge, 0, "early", "late", "mid")
	// "only", "just", "barely", "another" are left out of the span: TimeML has no
	// mod for them, and annotators leave them out.
	add(cApprox, 0, "about", "nearly", "almost", "around", "roughly", "approximately", "over", "under", "some", "full", "whole", "entire")
	add(cFew, 0, "few", "several", "many", "couple", "some", "numerous")
	add(cA, 1, "a", "an")
	add(cPresent, 0, "now", "currently", "nowadays", "presently")
	add(cPast, 0, "recently", "lately")
	add(cFuture, 0, "soon")
	add(cEvery, 0, "every", "each", "per")
	add(cRelDay, 0, "today", "tonight")
	add(cRelDay, -1, "yesterday")
	add(cRelDay, 1, "tomorrow")
	add(cTZ, 0, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "pt", "bst", "cet")
	for i, h := range holidays {
		add(cHoliday, i, h.word)
	}
	for _, w := range contextWords {
		entryOf(w)
	}
}

// holidays with a fixed date or a rule; the rule's word is the first token.
var holidays = []struct {
	word string
	date func(year int) (month, day int)
}{
	{"christmas", func(int) (int, int) { return 12, 25 }},
	{"thanksgiving", func(y int) (int, int) { return 11, nthWeekday(y, 11, 4, 4) }},
	{"halloween", func(int) (int, int) { return 10, 31 }},
	// US election day: the Tuesday after the first Monday of November
	{"election", func(y int) (int, int) { return 11, nthWeekday(y, 11, 1, 1) + 1 }},
}

// lookup returns the lexicon entry of a lower-case word, or nil.
func lookup(low string) *entry {
	return lexicon[low]
}

func isAllUpper(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

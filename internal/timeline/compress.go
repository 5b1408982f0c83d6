package timeline

import "strings"

// Compression rules, each deleting one kind of span that carries no event
// content. They only ever delete: what is left is a faithful extract of the
// source sentence, its words and their order untouched.
const (
	// CutLeadDate drops an opening date stamp: "April 22 - ", "On 20 April
	// , ", "Thursday , April 29 , 2010 ; 4:49 PM ". The timeline already
	// gives the date.
	CutLeadDate uint = 1 << iota
	// CutWeekday drops relative day adverbials: "on Tuesday", "yesterday",
	// "late Monday", "last night" (the date is the timeline's).
	CutWeekday
	// CutGlue drops a page's headline and picture caption that a scraper
	// ran into the lead sentence without punctuation ("US troops land at
	// Haiti 's presidential palace US troops are stepping up …").
	CutGlue

	// CompressAll is every rule: what DefaultParams applies.
	CompressAll = CutLeadDate | CutWeekday | CutGlue
)

// piece is a word or a punctuation mark of a sentence, with its byte span.
type piece struct {
	s, e int
	w    string
}

// pieces splits a sentence into words and the punctuation attached to
// them, so that rules work alike on PTB-tokenised text ("said , officials
// said .") and on plain prose ("said, officials said.").
func pieces(text string) []piece {
	var out []piece
	i := 0
	for i < len(text) {
		for i < len(text) && isBlank(text[i]) {
			i++
		}
		if i >= len(text) {
			break
		}
		j := i
		for j < len(text) && !isBlank(text[j]) {
			j++
		}
		out = splitWord(out, text, i, j, j == len(text) || onlyBlank(text[j:]))
		i = j
	}
	return out
}

// splitWord appends word text[s:e], with leading opening marks and trailing
// closing marks as pieces of their own. A trailing period is split off
// only at the very end, where it ends the sentence; elsewhere it belongs
// to an abbreviation ("U.S.", "Jr.").
func splitWord(out []piece, text string, s, e int, last bool) []piece {
	w := text[s:e]
	if isBracketToken(w) || strings.Trim(w, ".,;:!?-—–'`\"") == "" {
		return append(out, piece{s, e, w})
	}
	for s < e && strings.IndexByte("(\"'`[", text[s]) >= 0 {
		// An apostrophe leading a word ("'s", "'90s") is part of it.
		if text[s] == '\'' && s+1 < e && isLetterOrDigit(text[s+1]) {
			break
		}
		out = append(out, piece{s, s + 1, text[s : s+1]})
		s++
	}
	var tail []piece
	for e > s {
		c := text[e-1]
		if strings.IndexByte(",;:!?)\"]", c) >= 0 || c == '\'' && e-1 > s && !isLetterOrDigit(text[e-2]) || c == '.' && last && !isAbbrev(text[s:e]) {
			tail = append(tail, piece{e - 1, e, text[e-1 : e]})
			e--
			last = false // only one sentence-final period
			continue
		}
		break
	}
	if e > s {
		out = append(out, piece{s, e, text[s:e]})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// isAbbrev reports a word whose final period is its own ("U.S.", "a.m."),
// so that a sentence ending with it still ends with the word whole.
func isAbbrev(w string) bool {
	core := strings.TrimSuffix(w, ".")
	return strings.Contains(core, ".")
}

func isBracketToken(w string) bool {
	switch w {
	case "-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-":
		return true
	}
	return false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func onlyBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isBlank(s[i]) {
			return false
		}
	}
	return true
}

func isLetterOrDigit(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// Compress returns text with the spans the rules select deleted. Kept
// stretches are copied from text as they are; where something was cut, the
// two sides are joined with one space (none before closing punctuation that
// was attached in the source).
func Compress(text string, rules uint) string { return compress(text, rules, nil) }

// span is a byte range of a sentence.
type span struct{ s, e int }

// compress is Compress where, when cuttable is not nil, a day adverbial is
// cut only inside one of its spans.
func compress(text string, rules uint, cuttable []span) string {
	if rules == 0 {
		return text
	}
	ps := pieces(text)
	if len(ps) == 0 {
		return text
	}
	c := compressor{ps: ps, del: make([]bool, len(ps)), cuttable: cuttable}
	c.live = c.kept(0, len(ps))
	// Headline runs first: the date stamp is then looked for in the
	// sentence proper.
	if rules&CutGlue != 0 {
		c.glue()
	}
	if rules&CutLeadDate != 0 {
		c.leadDate()
	}
	if rules&CutWeekday != 0 {
		c.weekdays()
	}
	return c.render(text)
}

type compressor struct {
	ps       []piece
	del      []bool
	live     int    // word pieces not deleted, so that a rule's checks stay linear
	cuttable []span // when not nil, the only places a day adverbial may go
}

// mayCut reports whether piece i lies where a day adverbial may be cut.
func (c *compressor) mayCut(i int) bool {
	if c.cuttable == nil {
		return true
	}
	p := c.ps[i]
	for _, sp := range c.cuttable {
		if p.s >= sp.s && p.e <= sp.e {
			return true
		}
	}
	return false
}

func (c *compressor) render(text string) string {
	var b strings.Builder
	prevEnd := -1 // end of the last kept piece
	gap := false
	for i, p := range c.ps {
		if c.del[i] {
			gap = true
			continue
		}
		switch {
		case prevEnd < 0:
		case !gap:
			b.WriteString(text[prevEnd:p.s])
		default:
			// Joined across a cut: a space unless the source attached
			// this piece to the word before it.
			if p.s > 0 && isBlank(text[p.s-1]) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text[p.s:p.e])
		prevEnd, gap = p.e, false
	}
	return b.String()
}

// start is the first piece not yet deleted.
func (c *compressor) start() int {
	i := 0
	for i < len(c.ps) && c.del[i] {
		i++
	}
	return i
}

// bodyEnd is the index just past the sentence's content: before final
// punctuation and closing quotes after it.
func (c *compressor) bodyEnd() int {
	e := len(c.ps)
	for e > 0 {
		w := c.ps[e-1].w
		if w == "." || w == "!" || w == "?" {
			return e - 1
		}
		if isClosingQuote(w) || w == ")" || w == "-RRB-" {
			e--
			continue
		}
		break
	}
	return len(c.ps)
}

// cut deletes pieces [a, b).
func (c *compressor) cut(a, b int) {
	for i := max(a, 0); i < b && i < len(c.del); i++ {
		if !c.del[i] && !isPunct(c.ps[i].w) {
			c.live--
		}
		c.del[i] = true
	}
}

// weekdays cuts relative day adverbials, with the comma an opening or
// parenthetical one brings, unless the word before makes the day an object
// ("since Friday", "until at least Wednesday") or a subject follows it.
func (c *compressor) weekdays() {
	n := len(c.ps)
	first := c.start()
	for i := 0; i < n; i++ {
		w := c.ps[i].w
		lw := strings.ToLower(w)
		var a, b int // span to cut
		switch {
		case isWeekday(w) && !(i+1 < n && isPossessive(c.ps[i+1].w)) && !(i+1 < n && (isMonth(c.ps[i+1].w) || isDayNum(c.ps[i+1].w) || c.ps[i+1].w == "," && i+2 < n && isMonth(c.ps[i+2].w))):
			a, b = i, i+1
			if i > 0 {
				switch strings.ToLower(c.ps[i-1].w) {
				case "on", "late", "early", "earlier", "last", "this", "next":
					a = i - 1
				case "since", "until", "till", "by", "from", "to", "before", "after", "through", "between", "and", "or", "'s", "of", "least", "than", "as":
					continue
				}
			}
			if b < n {
				switch strings.ToLower(c.ps[b].w) {
				case "morning", "afternoon", "evening", "night":
					b++
				}
			}
		case lw == "yesterday" || lw == "tonight" || lw == "today" && !(i+1 < n && isPossessive(c.ps[i+1].w)):
			a, b = i, i+1
			if i > 0 {
				switch strings.ToLower(c.ps[i-1].w) {
				case "earlier", "late", "early":
					a = i - 1
				case "since", "until", "till", "by", "from", "to", "before", "after", "of", "than", "as":
					continue
				}
			}
			if b < n {
				switch strings.ToLower(c.ps[b].w) {
				case "morning", "afternoon", "evening":
					b++
				}
			}
		case lw == "last" && i+1 < n && strings.ToLower(c.ps[i+1].w) == "night":
			a, b = i, i+2
			if i > 0 {
				switch strings.ToLower(c.ps[i-1].w) {
				case "since", "until", "by", "from", "of", "than", "as":
					continue
				}
			}
		default:
			continue
		}
		if !c.mayCut(i) {
			continue // it names another day than the entry's
		}
		// The adverbial as a sentence's subject or object is not an
		// adverbial: keep "Tuesday was quiet", "… planned for today".
		if a > 0 {
			switch strings.ToLower(c.ps[a-1].w) {
			case "for", "until", "is", "was", "be":
				continue
			}
		}
		// An adverbial between commas takes one comma with it; an opening
		// one ("On Tuesday , …") its comma.
		switch {
		case a == first && b < n && c.ps[b].w == ",":
			b++
		case a > 0 && c.ps[a-1].w == "," && b < n && (c.ps[b].w == "," || isFinal(c.ps[b].w)):
			a--
		case b < n && c.ps[b].w == "," && !c.phraseBefore(first, a):
			// "Trump on Monday , derided …": the comma belongs to the
			// adverbial, and without it the subject would be left
			// hanging. After an opening phrase ("Reached by phone on
			// Thursday , Okafor said") the comma stays the phrase's.
			i = b - 1
			continue
		}
		if c.live-c.kept(a, b) >= 5 {
			c.cut(a, b)
			// Cuts go left to right, so the first kept piece only moves on.
			for first < n && c.del[first] {
				first++
			}
		}
		i = b - 1
	}
}

func isPossessive(w string) bool { return w == "'s" || w == "'" || w == "’s" }

func isFinal(w string) bool { return w == "." || w == "!" || w == "?" }

func isPunct(w string) bool {
	for i := 0; i < len(w); i++ {
		if isLetterOrDigit(w[i]) {
			return isBracketToken(w)
		}
	}
	return true
}

var months = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		m[w] = true
	}
	return m
}()

func isMonth(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false // "march", "may" in lower case are verbs
	}
	return months[strings.ToLower(strings.TrimSuffix(w, "."))]
}

func isWeekday(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

func isDayNum(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
		n = n*10 + int(w[i]-'0')
	}
	return n >= 1 && n <= 31
}

// isDayPair: "11\/12", "11/12", "11-12" as in "May 11\/12 - …".
func isDayPair(w string) bool {
	for _, sep := range []string{"\\/", "/", "-"} {
		if a, b, ok := strings.Cut(w, sep); ok && isDayNum(a) && isDayNum(b) {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isDigit(w[2]) && isDigit(w[3])
}

func isClock(w string) bool {
	i := strings.IndexAny(w, ":.")
	if i < 1 || i > 2 || len(w) != i+3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if k != i && !isDigit(w[k]) {
			return false
		}
	}
	return true
}

func isMeridiem(w string) bool {
	switch strings.ToLower(w) {
	case "am", "pm", "a.m.", "p.m.":
		return true
	}
	return false
}

func isZone(w string) bool {
	switch w {
	case "ET", "EST", "EDT", "GMT", "BST", "UTC", "CET", "PDT", "PST", "CDT", "CST":
		return true
	}
	return false
}

func isDateWord(w string) bool {
	return isMonth(w) || isDayNum(w) || isYear(w) || isWeekday(w) || isClock(w) || isMeridiem(w) || isZone(w) || isDayPair(w)
}

// glueStart are words that open a sentence and, capitalised, hardly ever
// occur inside one.
var glueStart = map[string]bool{"The": true, "A": true, "An": true, "It": true, "He": true, "She": true,
	"They": true, "There": true, "This": true, "These": true, "Those": true, "His": true, "Her": true,
	"Their": true, "Its": true, "In": true, "At": true, "As": true, "After": true, "More": true, "Some": true,
	"Many": true, "Most": true, "Several": true, "Hundreds": true, "Thousands": true, "Dozens": true,
	"Two": true, "Three": true, "Four": true, "Five": true, "Witnesses": true, "Officials": true,
	"Police": true, "We": true, "I": true}

// glueAfter are words after which a capitalised "The" or "A" is a title
// or a name ("told The Observer", "in The Times", "This Is It").
var glueAfter = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`in to told of from by at on for with said says and or the a an called
	named titled into about than like as is was be are were been after before since until while when
	where because although though that which who whom whose if unless against over under between among
	through during without within near across behind beyond via per including despite toward towards
	upon onto but nor so yet reported wrote read joined tells according quoted cited reads
	what how why whether`) {
		m[w] = true
	}
	return m
}()

// glue cuts before the last point where a sentence visibly starts again
// without punctuation: a word (not a preposition, article or verb of
// saying) followed by a capitalised sentence opener.
func (c *compressor) glue() {
	s := c.start()
	end := c.bodyEnd()
	if end >= len(c.ps) {
		return // a headline run with no sentence after it ends unpunctuated
	}
	cut := -1
	for i := s + 3; i < end-6; i++ {
		prev, w := c.ps[i-1].w, c.ps[i].w
		if !glueStart[w] || isPunct(prev) || glueAfter[strings.ToLower(prev)] {
			continue
		}
		if i+1 < len(c.ps) && (isPunct(c.ps[i+1].w) || c.ps[i+1].w[0] >= 'A' && c.ps[i+1].w[0] <= 'Z' && w != "The" && w != "A" && w != "An") {
			continue // "A :" or "In Gaza": likely not a sentence start
		}
		cut = i
	}
	if cut > 0 && c.kept(cut, len(c.ps)) >= 8 {
		c.cut(s, cut)
	}
}

// kept counts the word pieces left in [a, b).
func (c *compressor) kept(a, b int) int {
	n := 0
	for i := a; i < b && i < len(c.ps); i++ {
		if !c.del[i] && !isPunct(c.ps[i].w) {
			n++
		}
	}
	return n
}

// leadDate cuts an opening run of date words that ends in a separator
// ("April 20 , 2010 - ", "On 20 April , ") or, for a web page's time stamp,
// in a clock time. A month alone is not a date ("May be …").
func (c *compressor) leadDate() {
	i := c.start()
	s := i
	if i < len(c.ps) {
		switch strings.ToLower(c.ps[i].w) {
		case "on", "by", "since", "as", "from":
			i++
		}
	}
	var month, num, weekday, clock bool
	j := i
	last := -1 // the run's last date word
scan:
	for j < len(c.ps) {
		w := c.ps[j].w
		switch {
		case isMonth(w) && w != "May" || w == "May" && j+1 < len(c.ps) && (isDayNum(c.ps[j+1].w) || isDayPair(c.ps[j+1].w)):
			month = true
		case isDayNum(w) || isYear(w) || isDayPair(w):
			num = true
		case isWeekday(w):
			weekday = true
		case isClock(w) || isMeridiem(w) || isZone(w):
			clock = true
		case (w == "," || w == ";" || w == "at") && j+1 < len(c.ps) && isDateWord(c.ps[j+1].w):
		default:
			break scan
		}
		if w != "," && w != ";" && w != "at" {
			last = j
		}
		j++
	}
	if last < 0 || !(month && num || weekday && clock || month && clock) {
		return
	}
	end := last + 1
	if end < len(c.ps) && isSeparator(c.ps[end].w) {
		end++
	} else if !clock {
		return
	}
	if c.kept(end, len(c.ps)) < 4 {
		return
	}
	c.cut(s, end)
}

func isSeparator(w string) bool {
	switch w {
	case "-", "--", ":", ",", ";", "—", "–", "|":
		return true
	}
	return false
}

func isClosingQuote(w string) bool { return w == "''" || w == "\"" || w == "”" || w == "'" }

// phraseBefore reports whether the kept pieces in [a, b) hold a word in
// lower case: a phrase, rather than a bare name, opens the sentence.
func (c *compressor) phraseBefore(a, b int) bool {
	for i := a; i < b; i++ {
		if w := c.ps[i].w; !c.del[i] && w != "" && w[0] >= 'a' && w[0] <= 'z' {
			return true
		}
	}
	return false
}

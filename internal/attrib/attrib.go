// Package attrib finds attributions in news text: who (source) said or
// reported (cue) what (content). It works on rules over tokens and a cue
// lexicon learned from PolNeAR train (cues.tsv: how often each word heads
// an annotated cue against how often it occurs). The patterns are the
// handful that carry most reported speech in news copy:
//
//	SOURCE CUE (that) CONTENT          Politico reports that Sessions offered…
//	"CONTENT," SOURCE CUE              “I have not…,” Sean Spicer told reporters.
//	"CONTENT," CUE SOURCE              “…,” said Sen. Chris Murphy.
//	CONTENT, according to SOURCE       …, according to several media reports.
//	According to SOURCE, CONTENT
//	SOURCE CUE: CONTENT
//
// Spans are drawn the way PolNeAR's annotators draw them: the content of
// an indirect quotation runs from "that" to the end of the clause without
// the full stop; a quotation keeps its quote marks and the comma inside
// them; the source is the noun phrase next to the cue.
package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/sentence"
)

// tok is a token with its lower-cased form.
type tok struct {
	s, e int
	w    string // lower case
	raw  string
}

// cue is a cue found in a sentence: tokens [i, j).
type cue struct {
	i, j int
	prep bool // "according to": the source follows
	bare bool // "reportedly": no source at all
}

// Find returns the attributions of text, given its sentences and
// (possibly no) entity mentions, in order of their cues.
func Find(text string, sentences []dateline.Span, mentions []dateline.Mention) []dateline.Attribution {
	lex := lexicon()
	var out []dateline.Attribution
	var toks []tok
	for si, sent := range sentences {
		toks = toks[:0]
		for _, sp := range sentence.Tokens(text, sent) {
			raw := text[sp.Start:sp.End]
			toks = append(toks, tok{s: sp.Start, e: sp.End, w: lower(raw), raw: raw})
		}
		cues := findCues(lex, toks)
		if len(cues) == 0 {
			continue
		}
		f := frame{text: text, toks: toks, sents: sentences, si: si, lex: lex}
		out = append(out, f.attributions(cues)...)
	}
	resolve(text, out, mentions)
	nest(out)
	return out
}

// findCues marks cue tokens: a head word whose learned cue rate clears
// the threshold, widened by the learned pairs around it ("also said",
// "according to", "pointed out").
func findCues(lex *lex, toks []tok) []cue {
	var cues []cue
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		if i+1 < len(toks) && lex.pairIsCue(w, toks[i+1].w) && !lex.isHead(w) {
			c := cue{i: i, j: i + 2}
			if w == "according" {
				c.prep = true
			}
			cues = append(cues, c)
			i++
			continue
		}
		if !lex.isHead(w) {
			continue
		}
		c := cue{i: i, j: i + 1, bare: bareCue[w]}
		for c.i > 0 && lex.pairJoins(toks[c.i-1].w, toks[c.i].w) && !isPunct(toks[c.i-1].w) {
			c.i--
		}
		if c.j < len(toks) && lex.pairJoins(w, toks[c.j].w) {
			c.j++
		}
		cues = append(cues, c)
	}
	return cues
}

// bareCue are cues that never take a source.
var bareCue = map[string]bool{"reportedly": true, "allegedly": true, "purportedly": true, "supposedly": true}

type frame struct {
	text  string
	toks  []tok
	sents []dateline.Span
	si    int
	lex   *lex
}

// analysis is one cue's reading before it becomes an Attribution.
type analysis struct {
	c              cue
	post           bool // the content precedes the cue
	srcI, srcJ     int  // source tokens [srcI, srcJ); srcI == srcJ: none
	conS, conE     int  // content byte span
	boundary       int  // for post cues: the token index of the "," or quote before the source/cue
	contentFromTok int  // for pre cues: first content token
}

func (f *frame) attributions(cues []cue) []dateline.Attribution {
	as := make([]analysis, len(cues))
	for k, c := range cues {
		as[k] = f.orient(c)
	}
	var out []dateline.Attribution
	for k := range as {
		a := &as[k]
		if a.post {
			a.conS, a.conE = f.contentBefore(a)
		} else {
			end := len(f.toks)
			// A later cue in post position closes this content at its comma:
			// "He tweeted that…, The Washington Post reports."
			for m := k + 1; m < len(as); m++ {
				if as[m].post && as[m].boundary > a.c.j {
					end = as[m].boundary
					break
				}
			}
			a.conS, a.conE = f.contentAfter(a.contentFromTok, end)
		}
		if a.conE <= a.conS {
			continue
		}
		at := dateline.Attribution{
			Cue:     f.span(f.toks[a.c.i].s, f.toks[a.c.j-1].e),
			Content: f.span(a.conS, a.conE),
			Kind:    dateline.Indirect,
		}
		if a.srcJ > a.srcI {
			s := f.span(f.toks[a.srcI].s, f.toks[a.srcJ-1].e)
			at.Source = &s
		}
		if direct(f.text[a.conS:a.conE]) {
			at.Kind = dateline.Direct
		}
		out = append(out, at)
	}
	return out
}

func (f *frame) span(s, e int) dateline.AttrSpan {
	return dateline.AttrSpan{Start: s, End: e, Text: f.text[s:e]}
}

// orient decides where the source and the content of cue c lie.
func (f *frame) orient(c cue) analysis {
	t := f.toks
	a := analysis{c: c, boundary: -1, contentFromTok: c.j}
	if c.bare {
		// "Trump reportedly blames Sessions": the content is the clause
		// the adverb sits in, which here is everything after it.
		return a
	}
	if c.prep {
		// "…, according to X." / "According to X, …" / "…, according to X, …"
		a.srcI = c.j
		a.srcJ = f.npForward(c.j)
		if c.i > 0 && (t[c.i-1].w == "," || isQuote(t[c.i-1].w)) {
			a.post, a.boundary = true, c.i-1
			return a
		}
		if c.i == 0 || c.i == 1 && isQuote(t[0].w) {
			from := a.srcJ
			if from < len(t) && t[from].w == "," {
				from++
			}
			a.contentFromTok = from
			return a
		}
		a.post, a.boundary = true, c.i
		return a
	}
	// Source before the cue: skip auxiliaries, adverbs and time phrases
	// between them ("has also said", "on Monday said").
	k := c.i
	for k > 0 {
		w := t[k-1].w
		if betweenWords[w] {
			k--
			continue
		}
		if k > 1 && timeWords[w] && (t[k-2].w == "on" || t[k-2].w == "last" || t[k-2].w == "this" || t[k-2].w == "late" || t[k-2].w == "early") {
			k -= 2
			continue
		}
		break
	}
	np := f.npBackward(k)
	if np < k {
		a.srcI, a.srcJ = np, k
		if np > 0 && (t[np-1].w == "," || isClosingQuote(t[np-1].w) || t[np-1].w == "—" || t[np-1].w == "--") {
			a.post, a.boundary = true, np-1
			return a
		}
		// "It was revealed that…": an expletive is no source.
		if a.srcJ-a.srcI == 1 && t[a.srcI].w == "it" && k < c.i {
			a.srcI, a.srcJ = 0, 0
		}
		a.contentFromTok = f.contentStart(c.j)
		return a
	}
	// Nothing before the cue but a comma or a quote: "…,” said Murphy."
	if k > 0 && (t[k-1].w == "," || isClosingQuote(t[k-1].w)) {
		a.post, a.boundary = true, k-1
		a.srcI, a.srcJ = c.j, f.npForward(c.j)
		return a
	}
	a.contentFromTok = f.contentStart(c.j)
	return a
}

// contentStart skips what sits between a cue and its content: a recipient
// ("told reporters that"), an occasion ("said on CNN that"), up to a
// "that", a colon or an opening quote within a few tokens. Without one of
// those the content starts right after the cue.
func (f *frame) contentStart(j int) int {
	t := f.toks
	for k := j; k < len(t) && k < j+8; k++ {
		w := t[k].w
		switch {
		case w == "that" || isOpeningQuote(w):
			return k
		case w == ":":
			return k + 1
		case w == "," || w == "." || w == ";" || isCueWord(f.lex, w):
			return j
		}
	}
	return j
}

// contentAfter is the content from token from up to token end (exclusive),
// without a final full stop unless a quotation closes after it.
func (f *frame) contentAfter(from, end int) (int, int) {
	t := f.toks
	for end > from && (t[end-1].w == "." || t[end-1].w == "," || t[end-1].w == ";" || t[end-1].w == ":" || t[end-1].w == "—") {
		end--
	}
	if end <= from {
		return 0, 0
	}
	return t[from].s, t[end-1].e
}

// contentBefore is the content that ends at a post cue's boundary: the
// sentence up to the comma (kept inside a closing quote, dropped
// otherwise), reaching back into earlier sentences when a quotation
// opened there.
func (f *frame) contentBefore(a *analysis) (int, int) {
	t := f.toks
	b := a.boundary
	end := b // exclusive token index
	if b >= 0 && b < len(t) && isClosingQuote(t[b].w) {
		end = b + 1
	}
	for end > 0 && (t[end-1].w == "," || t[end-1].w == "—" || t[end-1].w == "--") {
		end--
	}
	if end <= 0 {
		return 0, 0
	}
	start := t[0].s
	if t[0].w == "but" || t[0].w == "and" {
		if len(t) > 1 && 1 < end {
			start = t[1].s
		}
	}
	e := t[end-1].e
	if q := f.openedEarlier(start, e); q >= 0 {
		start = q
	}
	return start, e
}

// openedEarlier returns where a quotation that closes in text[start:end]
// without opening there began, searching back up to six sentences; -1
// when it is balanced or no opening is found.
func (f *frame) openedEarlier(start, end int) int {
	seg := f.text[start:end]
	if !unbalancedClose(seg) {
		return -1
	}
	for k := f.si - 1; k >= 0 && k >= f.si-6; k-- {
		s := f.sents[k]
		body := f.text[s.Start:s.End]
		if i := lastOpening(body); i >= 0 {
			return s.Start + i
		}
	}
	return -1
}

// unbalancedClose reports whether seg closes a quotation it did not open.
func unbalancedClose(seg string) bool {
	open := strings.Count(seg, "“") + strings.Count(seg, "``")
	closed := strings.Count(seg, "”") + strings.Count(seg, "''")
	if closed > open {
		return true
	}
	if open == 0 && closed == 0 {
		n := strings.Count(seg, "\"")
		return n%2 == 1 && !strings.HasPrefix(strings.TrimSpace(seg), "\"")
	}
	return false
}

// lastOpening is the offset in body of the last quotation mark that opens
// a quotation still open at the end of body, or -1.
func lastOpening(body string) int {
	if i := strings.LastIndex(body, "“"); i >= 0 && !strings.Contains(body[i:], "”") {
		return i
	}
	if i := strings.LastIndex(body, "``"); i >= 0 && !strings.Contains(body[i:], "''") {
		return i
	}
	if strings.Count(body, "\"")%2 == 1 {
		return strings.LastIndex(body, "\"")
	}
	return -1
}

// npBackward returns the first token of the noun phrase that ends just
// before token k: names, titles, determiners and nouns back to a clause
// boundary, at most 10 tokens.
func (f *frame) npBackward(k int) int {
	t := f.toks
	i := k
	for i > 0 && k-i < 10 {
		w := t[i-1].w
		if w == "(" || w == ")" || w == "'s" || w == "’s" || w == "-" {
			i--
			continue
		}
		if isPunct(w) || npStop[w] || isCueWord(f.lex, w) {
			if w == "with" && i > 1 && t[i-2].w == "familiar" {
				i--
				continue
			}
			break
		}
		i--
	}
	// A phrase that stopped on the length limit is unreliable; keep the
	// last few words, which hold the head.
	if k-i >= 10 {
		i = k - 4
	}
	// "(D-Conn.)" may end the phrase, but never begin it.
	for i < k && (t[i].w == ")" || t[i].w == "'s" || t[i].w == "’s") {
		i++
	}
	return i
}

// npForward returns the end of the noun phrase starting at token k: up to
// a comma, a full stop or a clause word; a parenthesis stays in.
func (f *frame) npForward(k int) int {
	t := f.toks
	j := k
	depth := 0
	for j < len(t) && j-k < 14 {
		w := t[j].w
		if w == "(" {
			depth++
		} else if w == ")" && depth > 0 {
			depth--
		} else if depth == 0 && (isPunct(w) || npStopForward[w] || isCueWord(f.lex, w)) {
			break
		}
		j++
	}
	return j
}

func isCueWord(l *lex, w string) bool { return l.isHead(w) && !weakCue[w] }

// weakCue are learned heads that also serve as ordinary words inside noun
// phrases; they do not end one.
var weakCue = map[string]bool{}

// betweenWords may sit between a source and its cue.
var betweenWords = set("has", "have", "had", "also", "later", "then", "previously", "repeatedly",
	"would", "will", "could", "may", "might", "once", "often", "recently", "already", "never",
	"again", "earlier", "separately", "publicly", "privately", "frequently", "first", "still",
	"just", "even", "specifically", "simply", "openly", "initially", "quickly", "immediately",
	"did", "does", "do", "not", "n't", "is", "was", "were", "are", "been", "has", "told",
	"reportedly", "further", "flatly", "angrily", "told", "last", "yesterday", "today",
	"tonight", "recently", "finally", "clearly", "essentially", "basically", "also", "had", "long")

var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"week", "month", "year", "night", "morning", "evening", "afternoon", "weekend")

// npStop ends a noun phrase scanned backwards: clause words, verbs that
// cannot be inside one, prepositions that rarely are.
var npStop = set("that", "which", "who", "whom", "whose", "and", "but", "or", "because", "when",
	"while", "as", "if", "after", "before", "than", "where", "since", "so", "although", "though",
	"whether", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "in", "on",
	"at", "with", "during", "for", "from", "by", "to", "about", "into", "over", "under", "against",
	"what", "how", "why", "not", "do", "does", "did", "will", "would", "can", "could", "should",
	"may", "might", "must", "also", "then", "there", "here", "however", "meanwhile", "now", "yet",
	"nor", "said", "says", "say", "told", "like", "unlike", "upon", "through", "until", "without",
	"toward", "towards", "across", "among", "between", "behind", "via", "per", "amid", "despite")

var npStopForward = set("that", "which", "and", "but", "because", "when", "while", "as", "if",
	"after", "before", "in", "on", "at", "during", "for", "from", "to", "about", "is", "was",
	"has", "had", "said", "says", "told", "last", "this", "yesterday", "today", "earlier", "adding",
	"referring", "noting", "saying", "explaining", "pointing", "calling", "citing")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func isPunct(w string) bool {
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isQuote(w string) bool { return isOpeningQuote(w) || isClosingQuote(w) }

func isOpeningQuote(w string) bool {
	return w == "“" || w == "``" || w == "‘" || w == "\"" || w == "'"
}

func isClosingQuote(w string) bool {
	return w == "”" || w == "''" || w == "’" || w == "\"" || w == "'"
}

// direct reports whether the content is a quotation: it begins (after an
// optional "that") and ends with quote marks.
func direct(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "that ")
	open := strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "``") || strings.HasPrefix(s, "‘")
	end := strings.TrimRight(s, ".,;: ")
	closed := strings.HasSuffix(end, "”") || strings.HasSuffix(end, "\"") || strings.HasSuffix(end, "''") || strings.HasSuffix(end, "’")
	return open && closed
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

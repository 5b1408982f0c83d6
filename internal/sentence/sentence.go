// Package sentence splits news text into sentences and tokens. It is a
// single left-to-right scan with a small abbreviation lexicon rather than a
// trained model: it runs on every document, so it has to be fast, and news
// prose is regular enough that the hard cases (abbreviations, initials,
// quotations that close after the full stop, PTB-tokenised input) are
// better handled by explicit rules that can be read and tested.
package sentence

import (
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ptb"
)

// Split returns the byte spans of the sentences of text, in order. Spans
// never overlap, never start or end on white space, and together cover every
// non-space byte of text. A blank line always ends a sentence; in
// PTB-tokenised text (Timeline17) so does every newline.
func Split(text string) []dateline.Span {
	// News sentences run to some 120 bytes (PolNeAR): room for them up
	// front spares growing the list eight times over an article.
	s := splitter{text: text, ptb: ptb.Looks(text), out: make([]dateline.Span, 0, len(text)/96+1)}
	if out := s.run(); len(out) > 0 {
		return out
	}
	return nil
}

type splitter struct {
	text string
	ptb  bool
	out  []dateline.Span
}

func (s *splitter) emit(start, end int) {
	if start >= 0 && end > start {
		s.out = append(s.out, dateline.Span{Start: start, End: end})
	}
}

func (s *splitter) run() []dateline.Span {
	text := s.text
	start := -1 // first non-space byte of the sentence being built
	last := 0   // end of its last non-space rune
	i := 0
	for i < len(text) {
		c := text[i]
		if plainByte[c] {
			// A run of ASCII that neither breaks nor ends a sentence,
			// most of the text, in one step, with the single spaces
			// between its words: a space ends nothing, and last stays
			// at the end of the word before it.
			if start < 0 {
				start = i
			}
			i++
			last = i
			for i < len(text) {
				if c := text[i]; plainByte[c] {
					i++
					last = i
				} else if c == ' ' {
					i++
				} else {
					break
				}
			}
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				if s.ptb {
					s.emit(start, last)
					start = -1
					i++
					continue
				}
				j := i + 1
				for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
					j++
				}
				if j < len(text) && text[j] == '\n' {
					s.emit(start, last)
					start = -1
					i = j + 1
					continue
				}
				i = j
				continue
			case ' ', '\t', '\r', '\v', '\f':
				i++
				continue
			case '.', '!', '?':
				if start < 0 {
					start = i
				}
				end, brk := s.terminator(i)
				last = end
				if brk {
					s.emit(start, end)
					start = -1
				}
				i = end
				continue
			}
			// Every other ASCII byte is a plainByte, taken above.
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\u2029' { // paragraph separator: a blank line by another name
			s.emit(start, last)
			start = -1
			i += size
			continue
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if start < 0 {
			start = i
		}
		if r == '…' {
			end, brk := s.terminator(i)
			last = end
			if brk {
				s.emit(start, end)
				start = -1
			}
			i = end
			continue
		}
		i += size
		last = i
	}
	s.emit(start, last)
	return s.out
}

// plainByte marks the ASCII bytes that run handles alike: neither white
// space nor a sentence-final mark.
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		switch c {
		case '\n', ' ', '\t', '\r', '\v', '\f', '.', '!', '?':
		default:
			t[c] = true
		}
	}
	return t
}()

// terminator looks at the run of sentence-final punctuation that starts at
// i and decides whether the sentence ends there. It returns the end of the
// run (with any closing quotes and brackets absorbed) and the decision.
func (s *splitter) terminator(i int) (end int, brk bool) {
	text := s.text
	j := i
	periods, strong := 0, false
	ellipsis := false
	for j < len(text) {
		switch {
		case text[j] == '.':
			periods++
			j++
			continue
		case text[j] == '!' || text[j] == '?':
			strong = true
			j++
			continue
		case hasPrefixAt(text, j, "…"):
			ellipsis = true
			j += len("…")
			continue
		}
		break
	}
	if periods > 1 {
		ellipsis = true
	}
	// "3.5", "cnn.com", "U.S" inside "U.S.": a full stop glued to what
	// follows is not a boundary.
	if j < len(text) && !strong && !ellipsis && isWordByte(text[j]) {
		return j, false
	}
	j = s.absorbClosers(j)
	if j >= len(text) {
		return j, true
	}
	if !startsSpace(text, j) {
		return j, false
	}
	next := s.nextWordStart(j)
	if next < 0 {
		return j, true
	}
	r, _ := utf8.DecodeRuneInString(text[next:])
	if unicode.IsLower(r) {
		// "e.g. the", "U.S. officials", "… and then": the sentence goes on.
		return j, false
	}
	if strong || ellipsis {
		return j, true
	}
	return j, s.periodEnds(i, next, r)
}

// absorbClosers moves j past closing quotes and brackets that belong to the
// sentence just ended: `."`, `.”`, `.)` and in PTB text the separate tokens
// of two apostrophes and -RRB- after a space.
func (s *splitter) absorbClosers(j int) int {
	text := s.text
	for j < len(text) {
		switch {
		case text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']':
			j++
			continue
		case hasPrefixAt(text, j, "”"):
			j += len("”")
			continue
		case hasPrefixAt(text, j, "’"):
			j += len("’")
			continue
		case hasPrefixAt(text, j, "»"):
			j += len("»")
			continue
		}
		if s.ptb && (text[j] == ' ' || text[j] == '\t') {
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if tok := ptbCloser(text, k); tok > 0 {
				j = k + tok
				continue
			}
		}
		break
	}
	return j
}

// ptbCloser returns the length of a PTB closing token at k that stands alone
// (followed by white space or the end), or 0.
func ptbCloser(text string, k int) int {
	for _, t := range [...]string{"''", "-RRB-", "-RSB-", "-RCB-", "'", "\"", "”", "’"} {
		if hasPrefixAt(text, k, t) {
			e := k + len(t)
			if e == len(text) || text[e] == ' ' || text[e] == '\n' || text[e] == '\t' || text[e] == '\r' {
				return len(t)
			}
		}
	}
	return 0
}

// nextWordStart returns the offset of the first letter or digit after j,
// skipping white space and opening quotes and brackets, or -1 when the text
// ends first. It stops early at a blank line: the caller's answer does not
// matter there, since the blank line ends the sentence anyway.
func (s *splitter) nextWordStart(j int) int {
	text := s.text
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				return j
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '`' {
				j++
				continue
			}
			if s.ptb && hasPrefixAt(text, j, "-LRB-") {
				j += 5
				continue
			}
			return j
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || r == '“' || r == '‘' || r == '«' {
			j += size
			continue
		}
		return j
	}
	return -1
}

// periodEnds decides a lone full stop at i, followed by a word starting at
// next (first rune r), from the word the stop closes.
func (s *splitter) periodEnds(i, next int, r rune) bool {
	text := s.text
	w := i
	for w > 0 && text[w-1] != ' ' && text[w-1] != '\n' && text[w-1] != '\t' && text[w-1] != '(' && text[w-1] != '"' && text[w-1] != '\'' && text[w-1] < utf8.RuneSelf {
		w--
	}
	word := text[w:i]
	if word == "" {
		return true // PTB " ." or a stray stop
	}
	nextDigit := r >= '0' && r <= '9'
	switch abbrevClass(word) {
	case abbrTitle:
		return false // "Mr. Smith", "Gen. Flynn": never sentence-final in news
	case abbrNumber:
		return !nextDigit // "No. 5", "Jan. 20"
	case abbrInitial:
		return false // "J. K. Rowling", "George W. Bush"
	case abbrAmbiguous:
		// "U.S.", "Inc.", "Jr." end a sentence only when a typical
		// sentence opener follows: "in the U.S. The next day…".
		return !nextDigit && isOpener(s.nextWord(next))
	}
	return true
}

// nextWord returns the word (letters only) starting at j.
func (s *splitter) nextWord(j int) string {
	e := j
	for e < len(s.text) && e-j < 16 && isLetterByte(s.text[e]) {
		e++
	}
	return s.text[j:e]
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isWordByte(c byte) bool {
	return isLetterByte(c) || c >= '0' && c <= '9'
}

// startsSpace reports whether text has white space at j.
func startsSpace(text string, j int) bool {
	c := text[j]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsSpace(r)
}

package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ptb"
)

// Tokens returns the byte spans of the tokens inside s: words, numbers
// ("3.5", "1,000"), abbreviations with their stops ("U.S.", "Mr."), and each
// punctuation mark on its own, except that a run of one mark ("...", "--",
// the doubled apostrophes and backquotes of PTB quotes) stays one token,
// and so do PTB's bracket tokens ("-LRB-") and split clitics ("BP 's").
// Possessive "'s" is its own token, as in the Penn Treebank, so "Trump's"
// gives "Trump" and "'s".
func Tokens(text string, s dateline.Span) []dateline.Span {
	return AppendTokens(nil, text, s)
}

// AppendTokens is Tokens appending to dst, so a caller that tokenises
// sentence after sentence can reuse one buffer.
func AppendTokens(dst []dateline.Span, text string, s dateline.Span) []dateline.Span {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(text) {
		s.End = len(text)
	}
	out := dst
	i := s.Start
	for i < s.End {
		// ASCII is nearly all of news text: its bytes are classified by
		// table, and only other bytes are decoded.
		if c := text[i]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiSpace:
				i++
				continue
			case asciiWord:
				// Most words are ASCII letters and digits up to a space or
				// a mark that cannot join them to more (wordEnd's rules need
				// a joiner or a non-ASCII rune): such a word has no
				// possessive to split off and is one token.
				j := i + 1
				for j < s.End && asciiClass[text[j]] == asciiWord {
					j++
				}
				if j == s.End || text[j] < utf8.RuneSelf && !joinerByte[text[j]] {
					out = append(out, dateline.Span{Start: i, End: j})
					i = j
					continue
				}
				e := wordEndFrom(text, i, j, s.End)
				out = appendWord(out, text, i, e)
				i = e
				continue
			}
			if c == '-' {
				if e := ptbBracket(text, i, s); e > i {
					out = append(out, dateline.Span{Start: i, End: e})
					i = e
					continue
				}
			}
			if c == '\'' {
				if e := ptbClitic(text, i, s); e > i {
					out = append(out, dateline.Span{Start: i, End: e})
					i = e
					continue
				}
			}
			e := i + 1
			for e < s.End && text[e] == c {
				e++
			}
			out = append(out, dateline.Span{Start: i, End: e})
			i = e
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:s.End])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if isWordRune(r) {
			e := wordEnd(text, i, s.End)
			out = appendWord(out, text, i, e)
			i = e
			continue
		}
		// punctuation: a run of the same mark is one token
		e := i + size
		for e < s.End {
			r2, s2 := utf8.DecodeRuneInString(text[e:s.End])
			if r2 != r {
				break
			}
			e += s2
		}
		out = append(out, dateline.Span{Start: i, End: e})
		i = e
	}
	return out
}

// ptbClitic returns the end of a clitic that Penn Treebank tokenisation
// has already split from its word, "'s" in "BP 's" or "what 's", "'re",
// "'ve", "'ll", "'d", "'m" (any case), when one starts at the apostrophe
// text[i]; otherwise i. The apostrophe must follow a space: glued to a
// word it is that word's ("Trump's", "Sessions'"), and at the start of
// the text it opens a quotation. Read as a quotation mark, each of them
// opened a quotation that never closed.
func ptbClitic(text string, i int, s dateline.Span) int {
	if i == s.Start || i == 0 || text[i-1] != ' ' {
		return i
	}
	for _, c := range ptb.Clitics {
		e := i + len(c)
		if e > s.End || !strings.EqualFold(text[i+1:e], c[1:]) {
			continue
		}
		if e == s.End {
			return e
		}
		if r, _ := utf8.DecodeRuneInString(text[e:s.End]); !isWordRune(r) && r != '\'' {
			return e
		}
	}
	return i
}

// ptbBracket returns the end of a Penn Treebank bracket token ("-LRB-",
// "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-") starting at text[i], or i.
// PTB text writes brackets so; split at the hyphens, "(AP)" became the
// word "LRB" and a speaker.
func ptbBracket(text string, i int, s dateline.Span) int {
	e := i + 5
	if e > s.End {
		return i
	}
	if _, ok := ptb.Bracket(text[i:e]); !ok {
		return i
	}
	if e < s.End {
		if r, _ := utf8.DecodeRuneInString(text[e:s.End]); isWordRune(r) {
			return i
		}
	}
	return e
}

// appendWord appends the word text[i:e], with a possessive or contraction
// ending ("'s", "’s") split off as its own token.
func appendWord(out []dateline.Span, text string, i, e int) []dateline.Span {
	if p := possessive(text[i:e]); p > 0 {
		return append(out, dateline.Span{Start: i, End: e - p}, dateline.Span{Start: e - p, End: e})
	}
	return append(out, dateline.Span{Start: i, End: e})
}

// Classes of ASCII bytes for the tokeniser's fast path: white space as
// unicode.IsSpace has it, word bytes as isWordRune, the rest punctuation.
// Bytes from 0x80 up are in no class (asciiPunct) and are decoded.
const (
	asciiPunct = iota
	asciiSpace
	asciiWord
)

var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case unicode.IsSpace(rune(c)):
			t[c] = asciiSpace
		case isWordRune(rune(c)):
			t[c] = asciiWord
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && isWordByte(byte(r)) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by inner hyphens, apostrophes, stops and commas between digits
// ("3.5", "1,000", "U.S."), and a final stop when the word is an
// abbreviation.
func wordEnd(text string, i, end int) int {
	return wordEndFrom(text, i, i, end)
}

// wordEndFrom is wordEnd for a caller that has already passed over the
// word's first bytes up to j.
func wordEndFrom(text string, i, j, end int) int {
	for j < end {
		c := text[j]
		if asciiClass[c] == asciiWord {
			j++
			continue
		}
		if c < utf8.RuneSelf && !joinerByte[c] {
			// Space or punctuation that cannot join two parts of a word:
			// most words end here.
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			j += size
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '.' || r == ',' || r == '&' {
			if j+size < end {
				n, _ := utf8.DecodeRuneInString(text[j+size : end])
				if isWordRune(n) && (r != ',' || isDigitRune(prevRune(text, j)) && isDigitRune(n)) {
					j += size
					continue
				}
			}
		}
		break
	}
	if j < end && text[j] == '.' && abbrevClass(text[i:j]) != abbrNone {
		j++
	}
	return j
}

// joinerByte marks the ASCII bytes wordEnd lets inside a word when a word
// character follows.
var joinerByte = [256]bool{'-': true, '\'': true, '.': true, ',': true, '&': true}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func prevRune(text string, j int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	return r
}

// possessive returns the byte length of a trailing "'s" or "’s" on w, or 0.
func possessive(w string) int {
	if n := len(w); n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return 0
	}
	for _, p := range [...]string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(p) && w[len(w)-len(p):] == p {
			return len(p)
		}
	}
	return 0
}

package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type token struct {
	start, end int
	low        string // lower-cased text
	set        uint32 // classes, as in entry.set
	e          *entry // lexicon entry, nil for numbers and unknown words
	wid        uint16 // the entry's word id
	n          int    // numeric value of a number token
	cap        bool   // starts with an upper-case letter
	num        bool   // made of digits
	cue        int8   // tense cue: -1 past, +1 future
	weak       bool   // the cue is only an -ed ending
	sent       int32  // sentence index
}

func (t *token) is(c class) bool { return t.set&(1<<c) != 0 }

// val is the token's value in class c.
func (t *token) val(c class) int {
	if t.e.has(c) {
		return int(t.e.vals[c])
	}
	return t.n
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// tokenize splits text into words, numbers and single punctuation marks.
// It is one left-to-right pass; every token lies on rune boundaries.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		switch {
		case isDigit(c):
			j := i
			for j < len(text) && isDigit(text[j]) {
				j++
			}
			t := token{start: i, num: true}
			n, digits := atoi(text[i:j])
			switch {
			case digits <= 2 && j < len(text) && text[j] == ':' && hasDigits(text, j+1, 2):
				m, _ := atoi(text[j+1 : j+3])
				j += 3
				if j < len(text) && text[j] == ':' && hasDigits(text, j+1, 2) {
					j += 3 // seconds are dropped
				}
				if n <= 24 && m < 60 {
					t.set |= 1 << cClock
					t.n = n*100 + m
				}
			case j < len(text) && text[j] == 's' && digits == 4 && !(j+1 < len(text) && isWordByte(text[j+1])):
				j++
				t.set |= 1 << cDecade
				t.n = n
			case j+1 < len(text) && digits <= 2 && isOrdSuffix(text[j:j+2]) && !(j+2 < len(text) && isWordByte(text[j+2])):
				j += 2
				t.set |= 1<<cOrd | 1<<cDay
				t.n = n
				if n < 1 || n > 31 {
					t.set &^= 1 << cDay
				}
			case j < len(text) && (text[j] == ',' || text[j] == '.') && hasDigits(text, j+1, 1):
				// 1,000 or 2.5: a quantity, never a date part.
				for j < len(text) && (isDigit(text[j]) || (text[j] == ',' || text[j] == '.') && hasDigits(text, j+1, 1)) {
					j++
				}
				t.n = -1
			default:
				if digits <= 9 {
					t.n = n
					t.set |= 1 << cNum
					if digits == 4 && n >= 1000 && n <= 2099 {
						t.set |= 1 << cYear
					}
					if digits <= 2 && n >= 1 && n <= 31 {
						t.set |= 1 << cDay
					}
				}
			}
			t.end = j
			t.low = text[i:j]
			toks = append(toks, t)
			i = j
		case isLetter(r):
			j := i + size
			for j < len(text) {
				r2, s2 := rune(text[j]), 1
				if text[j] >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(text[j:])
				}
				if !isLetter(r2) && !(r2 >= '0' && r2 <= '9') {
					break
				}
				j += s2
			}
			// a.m. and p.m. are one token, as are other dotted initials.
			if j == i+1 && j+2 <= len(text) && text[j] == '.' && (text[i]|0x20 == 'a' || text[i]|0x20 == 'p') && text[j+1]|0x20 == 'm' {
				j += 2
				if j < len(text) && text[j] == '.' {
					j++
				}
			}
			w := text[i:j]
			t := token{start: i, end: j, cap: unicode.IsUpper(r), low: w}
			// Look the word up lower-cased without allocating; a word the
			// lexicon knows takes its shared lower-case string, any other
			// keeps its own spelling, which no rule compares.
			var buf [24]byte
			var e *entry
			if len(w) <= len(buf) && isASCII(w) {
				b := buf[:len(w)]
				for k := 0; k < len(w); k++ {
					c := w[k]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					b[k] = c
				}
				e = lexicon[string(b)]
			} else if len(w) <= 64 {
				e = lexicon[strings.ToLower(w)]
			}
			if e != nil {
				t.low = e.word
				t.e = e
				t.wid = e.wid
				t.set = e.set
				if !t.cap && ambiguous[t.low] {
					t.set &^= 1<<cMonth | 1<<cWday | 1<<cTZ
				}
				if t.low == "est" && !isAllUpper(w) {
					t.set &^= 1 << cTZ
				}
			}
			toks = append(toks, t)
			i = j
		case c == '\'' || r == '’' || c == '`':
			// '90s
			if hasDigits(text, i+size, 2) && i+size+2 < len(text) && text[i+size+2] == 's' && !(i+size+3 < len(text) && isWordByte(text[i+size+3])) {
				n, _ := atoi(text[i+size : i+size+2])
				toks = append(toks, token{start: i, end: i + size + 3, low: text[i : i+size+3], set: 1 << cDecade, n: 1900 + n})
				i += size + 3
				continue
			}
			toks = append(toks, punct(i, i+size, "'"))
			i += size
		default:
			low := text[i : i+size]
			if r == '–' || r == '—' {
				low = "-"
			}
			toks = append(toks, punct(i, i+size, low))
			i += size
		}
	}
	return mergeNumbers(toks)
}

func isWordByte(b byte) bool { return isDigit(b) || ('a' <= b|0x20 && b|0x20 <= 'z') }

func isOrdSuffix(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func hasDigits(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// atoi reads a run of digits; values past 9 digits saturate.
func atoi(s string) (n, digits int) {
	for i := 0; i < len(s); i++ {
		if n < 1e9 {
			n = n*10 + int(s[i]-'0')
		}
		digits++
	}
	return n, digits
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// mergeNumbers joins spelled-out numbers that span tokens: "twenty four",
// "twenty-four" and the spoken years "nineteen ninety-four". It only ever
// shortens the slice, in one pass.
func mergeNumbers(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.num && (t.is(cNum) || t.is(cA)) {
			v := t.val(cNum)
			// tens + units
			if v >= 20 && v <= 90 && v%10 == 0 {
				k := i + 1
				if k < len(toks) && toks[k].low == "-" {
					k++
				}
				if k < len(toks) && !toks[k].num && toks[k].is(cNum) {
					if u := toks[k].val(cNum); u >= 1 && u <= 9 {
						t = numToken(t.start, toks[k].end, t.low, v+u)
						i = k
					}
				}
			}
			// two thousand, a hundred
			if k := i + 1; k < len(toks) && (v >= 1 && v <= 9 || t.is(cA)) && (toks[k].low == "thousand" || toks[k].low == "hundred") {
				if t.is(cA) {
					v = 1
				}
				mult := 1000
				if toks[k].low == "hundred" {
					mult = 100
				}
				t = numToken(t.start, toks[k].end, t.low, v*mult)
				i = k
				out = append(out, t)
				continue
			}
			// nineteen ninety-four
			if v >= 11 && v <= 20 && i+1 < len(toks) && !toks[i+1].num && toks[i+1].is(cNum) {
				w := toks[i+1].val(cNum)
				k := i + 1
				if w >= 20 && w <= 90 && w%10 == 0 {
					k2 := k + 1
					if k2 < len(toks) && toks[k2].low == "-" {
						k2++
					}
					if k2 < len(toks) && !toks[k2].num && toks[k2].is(cNum) {
						if u := toks[k2].val(cNum); u >= 1 && u <= 9 {
							w += u
							k = k2
						}
					}
					t = numToken(t.start, toks[k].end, t.low, v*100+w)
					t.set |= 1 << cYear
					i = k
				}
			}
		}
		out = append(out, t)
	}
	return out
}

func numToken(start, end int, low string, v int) token {
	return token{start: start, end: end, low: low, set: 1 << cNum, n: v}
}

func punct(start, end int, low string) token {
	t := token{start: start, end: end, low: low}
	if e := lexicon[low]; e != nil {
		t.e, t.wid = e, e.wid
	}
	return t
}

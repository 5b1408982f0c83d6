package story

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refEach is the first, plain tokeniser, kept as the oracle the fast one
// must agree with term for term (FuzzTokenizerMatchesReference).
func refEach(tk *tokenizer, text string, fn func(term []byte, proper bool)) {
	sentenceStart := true
	i := 0
	n := 0
	for i < len(text) && n < maxTerms {
		c := text[i]
		cl := asciiClass[c]
		if cl == sep {
			switch c {
			case '.', '!', '?', '\n', ':', ';', '"', '`':
				sentenceStart = true
			}
			i++
			continue
		}
		var upper bool
		if cl == other {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
			upper = unicode.IsUpper(r)
		} else {
			upper = cl == upperc
		}
		tk.buf = tk.buf[:0]
		runes := 0
		j := i
		for j < len(text) {
			c := text[j]
			switch asciiClass[c] {
			case lowerc, digit:
				tk.buf = append(tk.buf, c)
				j++
			case upperc:
				tk.buf = append(tk.buf, c+'a'-'A')
				j++
			case other:
				r, size := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r) {
					goto done
				}
				tk.buf = utf8.AppendRune(tk.buf, unicode.ToLower(r))
				j += size
			default:
				// Inner apostrophes end the word ("Obama's" → "obama"); the
				// clitic after them is too short to be a term.
				goto done
			}
			runes++
		}
	done:
		prevStart := sentenceStart
		sentenceStart = false
		i = j
		if runes < 2 || len(tk.buf) <= maxStopword && refIsStopword(tk.buf) {
			continue
		}
		fn(refStem(tk.buf), upper && !prevStart)
		n++
	}
}

func refIsStopword(b []byte) bool { return stopwords[string(b)] }

func refStem(b []byte) []byte {
	n := len(b)
	switch {
	case n > 4 && b[n-3] == 'i' && b[n-2] == 'e' && b[n-1] == 's':
		b = append(b[:n-3], 'y')
	case n > 3 && b[n-1] == 's' && b[n-2] != 's' && b[n-2] != 'u' && b[n-2] != 'i':
		b = b[:n-1]
	}
	return b
}

func fastTerms(s string) string {
	var tk tokenizer
	var b strings.Builder
	tk.each(s, func(term []byte, h uint32, proper bool) {
		fmt.Fprintf(&b, "%q:%x:%v ", term, h, proper)
	})
	return b.String()
}

func refTerms(s string) string {
	var tk tokenizer
	var b strings.Builder
	refEach(&tk, s, func(term []byte, proper bool) {
		fmt.Fprintf(&b, "%q:%x:%v ", term, hashTerm(term), proper)
	})
	return b.String()
}

func TestTokenizerMatchesReference(t *testing.T) {
	for _, s := range []string{
		"The Earthquakes' injuries -LRB- AP -RRB- in Zürich, 2008.",
		"Parties PARTIES Buses gas glass status Ies ies tries ÉTUDIES CAFÉS naïves ΣΊΣΥΦΟΣ İstanbul K\u212a",
		"\xff\xfe ies ss s the THE Said Wednesday’s “Quoted” x y zz",
		strings.Repeat("alpha beta ", 400),
	} {
		if got, want := fastTerms(s), refTerms(s); got != want {
			t.Errorf("terms of %q =\n%s\nreference\n%s", s, got, want)
		}
	}
}

package story

import (
	"fmt"
	"slices"
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

// TestSelectSmallest checks the quickselect against a full sort, and the
// query table's dot against the merge.
func TestSelectSmallest(t *testing.T) {
	x := uint64(7)
	for _, n := range []int{1, 2, 17, 100, 101, 333, 1000} {
		keys := make([]uint64, n)
		for i := range keys {
			x = x*6364136223846793005 + 1442695040888963407
			keys[i] = x >> 8
			if i%7 == 3 {
				keys[i] = uint64(i) // runs of small, ordered keys
			}
		}
		sorted := slices.Clone(keys)
		slices.Sort(sorted)
		for _, k := range []int{0, 1, 20, 100, n} {
			if k > n {
				continue
			}
			got := slices.Clone(keys)
			selectSmallest(got, k)
			got = got[:k]
			slices.Sort(got)
			if !slices.Equal(got, sorted[:k]) {
				t.Errorf("n %d k %d: selectSmallest kept %v…, want %v…", n, k, got[:min(k, 5)], sorted[:min(k, 5)])
			}
		}
	}
}

func TestQueryTableDot(t *testing.T) {
	var q queryTable
	x := uint32(1)
	vec := func(n int) []tw {
		v := make([]tw, n)
		for i := range v {
			x = x*1664525 + 1013904223
			v[i] = tw{x % 500, float32(x%1000) / 1000}
		}
		slices.SortFunc(v, byTerm)
		return slices.CompactFunc(v, func(a, b tw) bool { return a.t == b.t })
	}
	for _, n := range []int{0, 1, 50, 100, 300} {
		a := vec(n)
		q.set(a)
		for _, m := range []int{0, 3, 100, 200} {
			b := vec(m)
			if got, want := q.dot(b), dot(a, b); got != want {
				t.Errorf("n %d m %d: table dot %v, merge %v", n, m, got, want)
			}
		}
	}
}

package sentence

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// refTokens is the tokeniser as it was before its ASCII fast path: every
// rune decoded and classified by the unicode tables. AppendTokens must give
// exactly its spans (TestTokensMatchReference, FuzzTokensMatchReference).
func refTokens(text string, s dateline.Span) []dateline.Span {
	s.Start, s.End = max(s.Start, 0), min(s.End, len(text))
	var out []dateline.Span
	i := s.Start
	for i < s.End {
		r, size := utf8.DecodeRuneInString(text[i:s.End])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if isWordRune(r) {
			e := refWordEnd(text, i, s.End)
			if p := refPossessive(text[i:e]); p > 0 {
				out = append(out, dateline.Span{Start: i, End: e - p}, dateline.Span{Start: e - p, End: e})
			} else {
				out = append(out, dateline.Span{Start: i, End: e})
			}
			i = e
			continue
		}
		if r == '-' {
			if n := refBracket(text[i:s.End]); n > 0 {
				out = append(out, dateline.Span{Start: i, End: i + n})
				i += n
				continue
			}
		}
		if r == '\'' && i > s.Start && text[i-1] == ' ' {
			if e := refClitic(text[i+1 : s.End]); e > 0 {
				out = append(out, dateline.Span{Start: i, End: i + 1 + e})
				i += 1 + e
				continue
			}
		}
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

func refWordEnd(text string, i, end int) int {
	j := i
	for j < end {
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

// refClitic: the length of a PTB clitic's letters at the start of rest
// (after its apostrophe) when a rune that is no word rune or apostrophe,
// or nothing, follows them; else 0.
func refClitic(rest string) int {
	for _, c := range []string{"s", "re", "ve", "ll", "d", "m"} {
		if len(rest) < len(c) || !strings.EqualFold(rest[:len(c)], c) {
			continue
		}
		if len(rest) == len(c) {
			return len(c)
		}
		if n, _ := utf8.DecodeRuneInString(rest[len(c):]); !isWordRune(n) && n != '\'' {
			return len(c)
		}
	}
	return 0
}

// refBracket: the length of a PTB bracket token opening rest when no word
// rune follows it; else 0.
func refBracket(rest string) int {
	for _, b := range []string{"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-"} {
		if strings.HasPrefix(rest, b) {
			if n, _ := utf8.DecodeRuneInString(rest[len(b):]); len(rest) == len(b) || !isWordRune(n) {
				return len(b)
			}
		}
	}
	return 0
}

func refPossessive(w string) int {
	for _, p := range [...]string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(p) && w[len(w)-len(p):] == p {
			return len(p)
		}
	}
	return 0
}

// tokenCases mix ASCII with the runes the fast path hands to the slow one:
// curly quotes and apostrophes, non-breaking and other Unicode spaces,
// letters outside ASCII, invalid UTF-8, and a rune cut by the span's end.
var tokenCases = []string{
	"Mr. Smith's dog—and Trump’s—went to the U.S. on Jan. 5, 1,000 times; 3.5% said \"no.\"",
	"``  Quote ''\t-LRB- x -RRB- ... -- !!! ?? ,, ''",
	"Ünïcödé naïve café, São Paulo’S, ŒUVRE's 12,3 a,b 1,a",
	"x\u00a0y\u2003z\u2028w\u0085v \u200bq",
	"bad \xff\xfe bytes \xe2\x80 cut \xef\xbf\xbd\xef\xbf\xbd 's 'S ’s s",
	"rock-'n'-roll AT&T O'Neill Gov't. U.S.A. J. R. R. Tolkien etc. al.",
	"a’", "'s", "’s", "s's", "", " ", "\u00a0",
	"-LRB- AP -RRB- x-LRB-y -LRB-z -LSB- -RCB--LCB- -LRB -lrb- -RRB-\xff BP 's chief , what 's called , they 're , I 'm , we 've , you 'll , he 'd , 'S 'RE x 'sx 's' 'd\xff 'Ss",
}

func TestTokensMatchReference(t *testing.T) {
	for _, text := range tokenCases {
		checkTokensMatch(t, text)
	}
}

func FuzzTokensMatchReference(f *testing.F) {
	for _, s := range tokenCases {
		f.Add(s)
	}
	f.Fuzz(checkTokensMatch)
}

// checkTokensMatch compares the two tokenisers over the whole text and over
// spans that start and end anywhere, including inside a rune.
func checkTokensMatch(t *testing.T, text string) {
	spans := []dateline.Span{{Start: 0, End: len(text)}}
	for k := 1; k < len(text); k += 1 + len(text)/7 {
		spans = append(spans, dateline.Span{Start: 0, End: k}, dateline.Span{Start: k, End: len(text)})
	}
	for _, s := range spans {
		if got, want := Tokens(text, s), refTokens(text, s); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q, %v) = %v, reference %v", text, s, got, want)
		}
	}
}

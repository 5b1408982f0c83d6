package entity

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeSlow is tokenize without its shortcut for chunks of ASCII
// letters and digits: every chunk goes through splitChunk.
func tokenizeSlow(dst []token, text string, start, end int) []token {
	i := start
	for i < end {
		r, sz := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) || r == utf8.RuneError && sz == 1 {
			i += sz
			continue
		}
		j := i
		for j < end {
			r2, sz2 := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r2) || r2 == utf8.RuneError && sz2 == 1 {
				break
			}
			j += sz2
		}
		dst = splitChunk(dst, text, i, j)
		i = j
	}
	return dst
}

// TestTokenizeShortcut holds tokenize to tokenizeSlow on words that take
// the shortcut and words next to them that must not.
func TestTokenizeShortcut(t *testing.T) {
	for _, text := range []string{
		"Jeff Sessions said 42 times",
		"Sessions' aide, Trump's (U.S.) \"quote\" — end.",
		"abc\u00a0def ghi\tJKL\nmno",
		"x—y a–b 1996-08-30 AT&T e.g. Mr. J. K.",
		"bad\xffbyte ok",
		"",
		"  lone  ",
	} {
		checkTokenize(t, text)
	}
}

func checkTokenize(t *testing.T, text string) {
	t.Helper()
	got := tokenize(nil, text, 0, len(text))
	want := tokenizeSlow(nil, text, 0, len(text))
	if !slices.Equal(got, want) {
		t.Errorf("tokenize(%q) = %v, splitting every chunk gives %v", text, got, want)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Jeff Sessions said", "Trump's aide, 'no'", "a—b U.S. x\u00a0y"} {
		f.Add(s)
	}
	f.Fuzz(checkTokenize)
}

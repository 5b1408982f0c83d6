package dedup

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FNV-1a 64 constants: word hashes are built byte by byte while scanning so
// the normaliser allocates nothing per word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Words calls fn with the hash of every word of text after normalisation,
// in order, and returns how many it produced. Normalisation is what makes a
// plain-text copy and a PTB-tokenised copy of one article agree:
//
//   - letters are lower-cased and only letters and digits make words, so
//     punctuation, quotes (" “ “ ”) and spacing vanish;
//   - apostrophes inside a word are dropped ("don't" → "dont") and the PTB
//     clitics split off by a space ("do n't", "Obama 's") are glued back onto
//     the word before them;
//   - PTB bracket tokens (-LRB-, -RRB- …) are ignored;
//   - boilerplate lines (bylines, "Read more", newsletter and copyright
//     blurbs) are skipped, see Boilerplate.
//
// maxWords > 0 stops after that many words: very long pages are compared on
// their opening, which is where syndicated copies agree anyway.
func Words(text string, maxWords int, fn func(h uint64)) int {
	var buf []uint64
	return eachLine(text, maxWords, &buf, func(ws []uint64) {
		for _, w := range ws {
			fn(w)
		}
	})
}

// eachLine calls fn with the word hashes of each line that is not
// boilerplate (in a buffer reused between calls) and returns the number of
// words.
func eachLine(text string, maxWords int, buf *[]uint64, fn func(words []uint64)) int {
	*buf = appendLines((*buf)[:0], text, maxWords, fn)
	return len(*buf)
}

// appendLines appends to words the word hashes of each line of text that
// is not boilerplate, calling fn with each line's part as it is added, and
// stops after maxWords words (0: no limit).
func appendLines(words []uint64, text string, maxWords int, fn func(line []uint64)) []uint64 {
	n := 0
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if Boilerplate(line) {
			continue
		}
		start := len(words)
		var stop bool
		words, n, stop = lineWords(line, n, maxWords, words)
		if len(words) > start {
			fn(words[start:])
		}
		if stop {
			break
		}
	}
	return words
}

// wordByte is the lower-case form of an ASCII letter or digit, 0 for any
// other byte: the tokeniser's fast path, since news text is mostly ASCII.
var wordByte = func() (t [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// lineWords appends the word hashes of one line to out; n counts the words
// so far and stop reports that maxWords was reached. A word is held back
// until the next token is known, because a following clitic ("'s", "n't")
// must be glued onto it.
func lineWords(line string, n, maxWords int, out []uint64) (_ []uint64, _ int, stop bool) {
	var pending uint64
	hasPending := false
	i := 0
	for i < len(line) {
		c := line[i]
		if wordByte[c] == 0 {
			size := 1
			r := rune(c)
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(line[i:])
			}
			if !isWordRune(r) {
				// A clitic: an apostrophe after white space followed by one
				// of the PTB clitic endings.
				if isApostrophe(r) && hasPending && i > 0 && line[i-1] == ' ' {
					if end, ok := clitic(line, i+size); ok {
						for k := i + size; k < end; k++ {
							pending = (pending ^ uint64(wordByte[line[k]])) * fnvPrime
						}
						i = end
						continue
					}
				}
				i += size
				continue
			}
		}
		// A word runs over letters, digits and inner apostrophes.
		start := i
		h := uint64(fnvOffset)
		j := i
		for j < len(line) {
			c := line[j]
			if lc := wordByte[c]; lc != 0 {
				h = (h ^ uint64(lc)) * fnvPrime
				j++
				continue
			}
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(line[j:])
				if isWordRune(r) {
					var buf [utf8.UTFMax]byte
					k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
					for _, c := range buf[:k] {
						h = (h ^ uint64(c)) * fnvPrime
					}
					j += size
					continue
				}
			}
			if isApostrophe(r) && j+size < len(line) && startsWord(line[j+size:]) {
				j += size
				continue
			}
			break
		}
		word := line[start:j]
		i = j
		// PTB brackets -LRB- and friends carry no content.
		if start > 0 && line[start-1] == '-' && j < len(line) && line[j] == '-' && isPTBBracket(word) {
			continue
		}
		// "do n't": the PTB split of a negation, glued back to "dont".
		if hasPending && start > 0 && line[start-1] == ' ' && isNT(word) {
			pending = (pending ^ 'n') * fnvPrime
			pending = (pending ^ 't') * fnvPrime
			continue
		}
		if hasPending {
			out = append(out, pending)
			n++
			if maxWords > 0 && n >= maxWords {
				return out, n, true
			}
		}
		pending, hasPending = h, true
	}
	if hasPending {
		out = append(out, pending)
		n++
		if maxWords > 0 && n >= maxWords {
			return out, n, true
		}
	}
	return out, n, false
}

// startsWord reports whether s opens with a letter or digit.
func startsWord(s string) bool {
	if wordByte[s[0]] != 0 {
		return true
	}
	if s[0] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// clitic reports whether line[i:] starts with a PTB clitic ending (s, re,
// ve, ll, d, m) followed by a word boundary; end is where it stops.
func clitic(line string, i int) (end int, ok bool) {
	j := i
	for j < len(line) && j-i < 3 {
		c := line[j] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		j++
	}
	if j < len(line) {
		r, _ := utf8.DecodeRuneInString(line[j:])
		if isWordRune(r) || isApostrophe(r) {
			return 0, false
		}
	}
	switch strings.ToLower(line[i:j]) {
	case "s", "re", "ve", "ll", "d", "m":
		return j, true
	}
	return 0, false
}

func isNT(w string) bool {
	// "n't" or "n’t" in any case; no other letters lower-case to n or t.
	switch len(w) {
	case 3:
		return w[0]|0x20 == 'n' && w[1] == '\'' && w[2]|0x20 == 't'
	case 5:
		return w[0]|0x20 == 'n' && w[1:4] == "’" && w[4]|0x20 == 't'
	}
	return false
}

func isPTBBracket(w string) bool {
	switch w {
	case "LRB", "RRB", "LSB", "RSB", "LCB", "RCB":
		return true
	}
	return false
}

// Boilerplate lines that sites wrap around a syndicated story. The prefixes
// apply to short lines only, so "By the time the rescue began, …" survives.
var (
	boilerPrefixes = []string{
		"read more", "read the full", "click here", "sign up", "subscribe",
		"follow us", "follow @", "share this", "share on", "copyright",
		"(c) ", "©", "all rights reserved", "advertisement", "related:",
		"related stories", "related articles", "reporting by", "editing by",
		"additional reporting", "photo:", "image:", "watch:", "listen:",
		"contact the author", "email:", "this article was", "this story was",
		"originally published", "more:", "recommended:", "get the latest",
		"download our app",
	}
	boilerContains = []string{
		"newsletter", "all rights reserved", "click here", "read more",
		"sign up for", "subscribe to", "reporting by", "editing by",
	}
)

// Boilerplate reports whether a line is site furniture rather than article
// text: a byline, a "Read more" link, a newsletter or copyright blurb. Only
// short lines qualify; a long sentence that happens to contain "newsletter"
// is content.
func Boilerplate(line string) bool {
	s := strings.TrimSpace(line)
	// PTB-tokenised text brackets credits as "-LRB- Reporting by … -RRB-".
	for {
		t := strings.TrimLeft(s, " \t-–—|*•>([\"'`")
		t = strings.TrimPrefix(t, "LRB-")
		t = strings.TrimPrefix(t, "LSB-")
		if t == s {
			break
		}
		s = t
	}
	if s == "" {
		return false
	}
	words := strings.Count(s, " ") + 1
	if words > 30 {
		return false
	}
	if words <= 8 && hasPrefixFold(s, "by ") {
		return true
	}
	for _, p := range boilerPrefixes {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	// One pass over the line; a phrase is tried only where the two bytes
	// at hand open it, which two table lookups tell without a branch.
	for i := 0; i+minContains <= len(s); i++ {
		for m := containsFirst[s[i]] & containsSecond[s[i+1]]; m != 0; m &= m - 1 {
			if hasPrefixFold(s[i:], boilerContains[bits.TrailingZeros32(m)]) {
				return true
			}
		}
	}
	return false
}

// containsFirst and containsSecond have bit k set for the bytes (either
// case) that open boilerContains[k]; minContains is its shortest phrase.
var containsFirst, containsSecond, minContains = func() (first, second [256]uint32, min int) {
	min = len(boilerContains[0])
	for k, p := range boilerContains {
		for j, t := range []*[256]uint32{&first, &second} {
			c := p[j]
			t[c] |= 1 << k
			if 'a' <= c && c <= 'z' {
				t[c-'a'+'A'] |= 1 << k
			}
		}
		if len(p) < min {
			min = len(p)
		}
	}
	return first, second, min
}()

// hasPrefixFold matches a lower-case ASCII pattern without allocating a
// lower-cased copy of every line.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

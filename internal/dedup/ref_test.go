package dedup

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The first, plain implementation of the normaliser, kept as the oracle
// the fast one must agree with word for word (FuzzWordsMatchReference).

// refEachLine calls fn with the word hashes of each line that is not
// boilerplate (in a buffer reused between calls) and returns the number of
// words.
func refEachLine(text string, maxWords int, buf *[]uint64, fn func(words []uint64)) int {
	n := 0
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if refBoilerplate(line) {
			continue
		}
		*buf = (*buf)[:0]
		var stop bool
		n, stop = refLineWords(line, n, maxWords, func(h uint64) { *buf = append(*buf, h) })
		if len(*buf) > 0 {
			fn(*buf)
		}
		if stop {
			break
		}
	}
	return n
}

// refLineWords tokenises one line. A word is held back until the next token is
// known, because a following clitic ("'s", "n't") must be glued onto it.
func refLineWords(line string, n, maxWords int, fn func(uint64)) (int, bool) {
	var pending uint64
	hasPending := false
	flush := func() bool {
		if hasPending {
			fn(pending)
			n++
			hasPending = false
			if maxWords > 0 && n >= maxWords {
				return true
			}
		}
		return false
	}
	i := 0
	for i < len(line) {
		r, size := rune(line[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(line[i:])
		}
		if !isWordRune(r) {
			// A clitic: an apostrophe after white space followed by one of
			// the PTB clitic endings, or "n't" standing alone.
			if isApostrophe(r) && hasPending && i > 0 && line[i-1] == ' ' {
				if end, ok := clitic(line, i+size); ok {
					h := pending
					for _, c := range []byte(strings.ToLower(line[i+size : end])) {
						h = (h ^ uint64(c)) * fnvPrime
					}
					pending = h
					i = end
					continue
				}
			}
			i += size
			continue
		}
		// A word runs over letters, digits and inner apostrophes.
		start := i
		h := uint64(fnvOffset)
		j := i
		for j < len(line) {
			r, size := rune(line[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(line[j:])
			}
			if isWordRune(r) {
				if r < utf8.RuneSelf {
					c := byte(r)
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					h = (h ^ uint64(c)) * fnvPrime
				} else {
					var buf [utf8.UTFMax]byte
					k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
					for _, c := range buf[:k] {
						h = (h ^ uint64(c)) * fnvPrime
					}
				}
				j += size
				continue
			}
			if isApostrophe(r) && j+size < len(line) {
				r2, _ := utf8.DecodeRuneInString(line[j+size:])
				if isWordRune(r2) {
					j += size
					continue
				}
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
			for _, c := range []byte("nt") {
				pending = (pending ^ uint64(c)) * fnvPrime
			}
			continue
		}
		if flush() {
			return n, true
		}
		pending, hasPending = h, true
	}
	if flush() {
		return n, true
	}
	return n, false
}

// Boilerplate reports whether a line is site furniture rather than article
// text: a byline, a "Read more" link, a newsletter or copyright blurb. Only
// short lines qualify; a long sentence that happens to contain "newsletter"
// is content.
func refBoilerplate(line string) bool {
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
	// Lower-case once into a stack buffer, then let strings.Contains do
	// its fast search; a 30-word line rarely passes 300 bytes.
	var buf [320]byte
	if len(s) > len(buf) {
		for _, p := range boilerContains {
			if containsFold(s, p) {
				return true
			}
		}
		return false
	}
	low := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for _, p := range boilerContains {
		if bytes.Contains(low, []byte(p)) {
			return true
		}
	}
	return false
}

func containsFold(s, p string) bool {
	for i := 0; i+len(p) <= len(s); i++ {
		if hasPrefixFold(s[i:], p) {
			return true
		}
	}
	return false
}

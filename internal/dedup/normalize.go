package dedup

import (
	"bytes"
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
		*buf = (*buf)[:0]
		var stop bool
		n, stop = lineWords(line, n, maxWords, func(h uint64) { *buf = append(*buf, h) })
		if len(*buf) > 0 {
			fn(*buf)
		}
		if stop {
			break
		}
	}
	return n
}

// lineWords tokenises one line. A word is held back until the next token is
// known, because a following clitic ("'s", "n't") must be glued onto it.
func lineWords(line string, n, maxWords int, fn func(uint64)) (int, bool) {
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

func isNT(word string) bool {
	if len(word) != 3 && len(word) != 5 {
		return false
	}
	w := strings.ToLower(word)
	return w == "n't" || w == "n’t"
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

// hasPrefixFold and containsFold match a lower-case ASCII pattern without
// allocating a lower-cased copy of every line.
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

func containsFold(s, p string) bool {
	for i := 0; i+len(p) <= len(s); i++ {
		if hasPrefixFold(s[i:], p) {
			return true
		}
	}
	return false
}

package story

import (
	"unicode"
	"unicode/utf8"
)

// stopwords are function words and newswire verbs of saying; they tie every
// article to every other and carry no event.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
		"did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
		"having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
		"it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
		"once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
		"some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
		"this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
		"where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
		"said", "says", "say", "told", "according", "may", "might", "must", "one", "two", "new", "mr", "mrs", "ms",
		"many", "much", "last", "first", "since", "still", "yet", "even", "well", "back", "like", "get", "got", "make",
		"made", "year", "years", "time", "week", "day", "people", "including", "around", "another", "us",
		"lrb", "rrb", "lsb", "rsb", "lcb", "rcb", "nt", "ll", "ve", "re",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	} {
		m[w] = true
	}
	return m
}()

// stopTable is an open-addressing set of the stopwords: a Go map lookup
// with string hashing was two thirds of the tokeniser's time.
var stopTable = func() (t [1024]string) {
	for w := range stopwords {
		h := hashTerm([]byte(w)) & 1023
		for t[h] != "" {
			h = (h + 1) & 1023
		}
		t[h] = w
	}
	return t
}()

// stopHashed reports whether b, whose hashTerm is h, is a stopword.
func stopHashed(b []byte, h uint32) bool {
	h &= 1023
	for stopTable[h] != "" {
		if stopTable[h] == string(b) {
			return true
		}
		h = (h + 1) & 1023
	}
	return false
}

// maxStopword is the length of the longest stopword.
const maxStopword = 10

// hashTerm is FNV-1a 32 of the lower-cased term: terms are kept as 32-bit
// hashes so the window's vocabulary costs four bytes a term per document;
// the few collisions among a million terms barely move a cosine.
func hashTerm(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// tokenizer turns text into content terms: lower-cased runs of letters and
// digits of two or more characters, minus stopwords, with a light plural
// stem ("earthquakes" → "earthquake", "injuries" → "injury"). It reports
// whether a term was capitalised in mid-sentence, a cheap sign of a name.
type tokenizer struct {
	buf []byte
}

// each calls fn with every term of text, its hashTerm and whether it was
// capitalised mid-sentence. The hash is built while the word is read, with
// the states before its last three bytes kept so that the stemmed term's
// hash costs nothing extra.
func (tk *tokenizer) each(text string, fn func(term []byte, h uint32, proper bool)) {
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
		buf := tk.buf[:0]
		runes := 0
		j := i
		// h is FNV-1a 32 of buf; h1, h2, h3 its states one, two and three
		// bytes back.
		h := uint32(2166136261)
		var h1, h2, h3 uint32
		for j < len(text) {
			c := text[j]
			if lc := lowerASCII[c]; lc != 0 {
				buf = append(buf, lc)
				h3, h2, h1 = h2, h1, h
				h = (h ^ uint32(lc)) * 16777619
				j++
				runes++
				continue
			}
			if asciiClass[c] != other {
				break
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			k := len(buf)
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			for _, b := range buf[k:] {
				h3, h2, h1 = h2, h1, h
				h = (h ^ uint32(b)) * 16777619
			}
			j += size
			runes++
		}
		tk.buf = buf
		prevStart := sentenceStart
		sentenceStart = false
		i = j
		if runes < 2 || len(buf) <= maxStopword && stopHashed(buf, h) {
			continue
		}
		// The light plural stem: "-ies" to "-y", a plural "-s" dropped.
		m := len(buf)
		switch {
		case m > 4 && buf[m-3] == 'i' && buf[m-2] == 'e' && buf[m-1] == 's':
			buf = append(buf[:m-3], 'y')
			h = (h3 ^ 'y') * 16777619
		case m > 3 && buf[m-1] == 's' && buf[m-2] != 's' && buf[m-2] != 'u' && buf[m-2] != 'i':
			buf = buf[:m-1]
			h = h1
		}
		fn(buf, h, upper && !prevStart)
		n++
	}
}

// lowerASCII is the lower-case form of an ASCII letter or digit, 0 for any
// other byte.
var lowerASCII = func() (t [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch asciiClass[c] {
		case lowerc, digit:
			t[c] = byte(c)
		case upperc:
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// Byte classes for the ASCII fast path; "other" is any byte of a multi-byte
// UTF-8 sequence, decoded properly.
const (
	sep = iota
	lowerc
	upperc
	digit
	other
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = lowerc
		case 'A' <= c && c <= 'Z':
			t[c] = upperc
		case '0' <= c && c <= '9':
			t[c] = digit
		case c >= utf8.RuneSelf:
			t[c] = other
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

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

func (tk *tokenizer) each(text string, fn func(term []byte, proper bool)) {
	sentenceStart := true
	i := 0
	n := 0
	for i < len(text) && n < maxTerms {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '\n', ':', ';', '"', '`':
				sentenceStart = true
			}
			i += size
			continue
		}
		upper := 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
		tk.buf = tk.buf[:0]
		runes := 0
		j := i
		for j < len(text) {
			r, size := rune(text[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[j:])
			}
			if !isWordRune(r) {
				// Inner apostrophes end the word ("Obama's" → "obama"); the
				// clitic after them is skipped as a word of its own below.
				break
			}
			if r < utf8.RuneSelf {
				c := byte(r)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				tk.buf = append(tk.buf, c)
			} else {
				tk.buf = utf8.AppendRune(tk.buf, unicode.ToLower(r))
			}
			runes++
			j += size
		}
		prevStart := sentenceStart
		sentenceStart = false
		i = j
		if runes < 2 || len(tk.buf) <= maxStopword && stopwords[string(tk.buf)] {
			continue
		}
		fn(stem(tk.buf), upper && !prevStart)
		n++
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func stem(b []byte) []byte {
	n := len(b)
	switch {
	case n > 4 && b[n-3] == 'i' && b[n-2] == 'e' && b[n-1] == 's':
		b = append(b[:n-3], 'y')
	case n > 3 && b[n-1] == 's' && b[n-2] != 's' && b[n-2] != 'u' && b[n-2] != 'i':
		b = b[:n-1]
	}
	return b
}

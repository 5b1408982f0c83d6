package dedup

import (
	"fmt"
	"testing"
)

// allWords lists the word hashes of text line by line, as the index sees
// them.
func allWords(text string, maxWords int, each func(string, int, *[]uint64, func([]uint64)) int) string {
	var buf []uint64
	var out []string
	n := each(text, maxWords, &buf, func(ws []uint64) { out = append(out, fmt.Sprint(ws)) })
	return fmt.Sprint(n, out)
}

func refEach(text string, maxWords int, buf *[]uint64, fn func([]uint64)) int {
	return refEachLine(text, maxWords, buf, fn)
}

var tokeniserCases = []string{
	original,
	"do n't 's ' '' `` -LRB- x -RRB-",
	"By a\nRead more",
	"\xff\xfe'",
	"’’’ n’t N’T N'T",
	"a'b'c' 'd",
	"-LRB-",
	"The president 's aide said `` we do n't know . ''\nNEW ORLEANS -LRB- AP -RRB- -- The judge ruled",
	"Zürich ÉTÉ it’s ΣΊΣΥΦΟΣ K\u212a Ǆ İstanbul x'\u0301y",
	"Sign up for our daily NEWSLETTER!\nCopyright 2017\n-LRB- Reporting by Jane Doe ; Editing by John Roe -RRB-\n© AP",
	"He 'S here , they 'RE there , I 'M 'D 'Ll 'vE 'ss 'x",
}

func TestLineWordsMatchReference(t *testing.T) {
	for _, s := range tokeniserCases {
		for _, max := range []int{0, 1, 3, 7} {
			if got, want := allWords(s, max, eachLine), allWords(s, max, refEach); got != want {
				t.Errorf("eachLine(%q, %d) = %s, reference %s", s, max, got, want)
			}
		}
	}
}

func TestBoilerplateMatchesReference(t *testing.T) {
	lines := []string{
		"Subscribe to our channel", "ALL RIGHTS RESERVED 2011", "news letter", "Newsletters", "click  here",
		"Editing by", "x editing b", "reportinG BY someone", "sign up fo", "READ MORE", "\u00e9newsletter",
	}
	for _, s := range lines {
		if got, want := Boilerplate(s), refBoilerplate(s); got != want {
			t.Errorf("Boilerplate(%q) = %v, reference %v", s, got, want)
		}
	}
	// The byte masks have a bit per phrase.
	if len(boilerContains) > 32 {
		t.Errorf("%d phrases, more than the masks' 32 bits", len(boilerContains))
	}
}

func FuzzWordsMatchReference(f *testing.F) {
	for _, s := range tokeniserCases {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max %= 50
		if got, want := allWords(s, max, eachLine), allWords(s, max, refEach); got != want {
			t.Fatalf("eachLine(%q, %d) = %s, reference %s", s, max, got, want)
		}
		for len(s) > 0 {
			line := s
			if len(line) > 400 {
				line = line[:400]
			}
			if got, want := Boilerplate(line), refBoilerplate(line); got != want {
				t.Fatalf("Boilerplate(%q) = %v, reference %v", line, got, want)
			}
			s = s[len(line):]
		}
	})
}

// refAdd is the sketcher fed one word at a time through a ring buffer, the
// first implementation.
func (s *sketcher) refAdd(w uint64) {
	s.words++
	s.exact = mix64(s.exact ^ w)
	s.window[s.pos] = w
	s.pos++
	if s.pos == s.size {
		s.pos = 0
	}
	if s.filled < s.size {
		s.filled++
		if s.filled < s.size {
			return
		}
	}
	// The shingle hash combines the window oldest first.
	var h uint64
	for i := 0; i < s.size; i++ {
		j := s.pos + i
		if j >= s.size {
			j -= s.size
		}
		h = (h ^ s.window[j]) * 0x9e3779b97f4a7c15
	}
	h = mix64(h)
	bin := h >> (64 - binBits)
	v := uint32(h)
	if !s.set[bin] || v < s.sig[bin] {
		s.sig[bin] = v
		s.set[bin] = true
	}
	s.count++
}

func TestAddWordsMatchesReference(t *testing.T) {
	for _, n := range []int{0, 1, 4, 5, 6, 40, 700} {
		ws := make([]uint64, n)
		for i := range ws {
			ws[i] = mix64(uint64(i % 37))
		}
		for _, size := range []int{1, 3, 5} {
			var a, b sketcher
			a.reset(size)
			b.reset(size)
			a.addWords(ws)
			for _, w := range ws {
				b.refAdd(w)
			}
			if a.sig != b.sig || a.set != b.set || a.count != b.count || a.exact != b.exact || a.words != b.words {
				t.Errorf("%d words, size %d: addWords and one at a time differ", n, size)
			}
		}
	}
}

// TestPrepareUnlimitedWords: a negative MaxWords reads everything, in the
// prepared path too.
func TestPrepareUnlimitedWords(t *testing.T) {
	ix := NewIndex(Options{MaxWords: -1})
	a := art("a", "2017-01-01", original)
	if r := ix.CheckPrepared(a, ix.Prepare(a)); r.Words != len(words(original)) {
		t.Errorf("Words = %d, want %d", r.Words, len(words(original)))
	}
}

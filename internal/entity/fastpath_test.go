package entity

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLowerEquals holds lowerEquals to the comparison it replaces,
// strings.ToLower(w) == low, including words outside ASCII whose lower
// case is shorter or longer ("K", the Kelvin sign, lowers to "k").
func TestLowerEquals(t *testing.T) {
	words := []string{"", "the", "The", "THE", "them", "th", "Th\u212a", "\u212a", "k", "İn", "in", "ſaid", "said", "SAID", "Tö", "to", "á", "According", "ACCORDING"}
	lows := []string{"", "the", "k", "in", "said", "to", "according", "i̇n", "á"}
	for _, w := range words {
		for _, l := range lows {
			if got, want := lowerEquals(w, l), strings.ToLower(w) == l; got != want {
				t.Errorf("lowerEquals(%q, %q) = %v, want %v", w, l, got, want)
			}
		}
	}
}

// TestAppendMentionKey holds appendMentionKey to mentionKey.
func TestAppendMentionKey(t *testing.T) {
	for _, w := range []string{"", "Sessions", "SESSIONS", "the Post", "The Post", "O’Brien", "O'Brien", "İstanbul", "the ", "x"} {
		if got, want := string(appendMentionKey([]byte("pre"), w)), "pre"+mentionKey(w); got != want {
			t.Errorf("appendMentionKey(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestWordLexes holds the one-probe lexicon lookup of new word types to
// the two lookups it replaces, on every word the lexicons hold, every
// hash that reaches a phrase key, and words they do not hold.
func TestWordLexes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		a, b := rng.Uint64(), rng.Uint64()
		if got := unmix(a, mix(a, b)); got != b {
			t.Fatalf("unmix(%x, mix(%x, %x)) = %x", a, a, b, got)
		}
	}
	var keys []uint64
	for _, sl := range lex.word.slots {
		if sl.used {
			keys = append(keys, sl.key)
		}
	}
	for _, sl := range lex.phrase.slots {
		if sl.used {
			keys = append(keys, unmix(phraseSeed, sl.key))
		}
	}
	for _, w := range []string{"the", "Trump", "sessions", "washington", "post", "new", "york", "department", "zzyzx", "", "1996"} {
		keys = append(keys, lowerHash(w))
	}
	for range 1000 {
		keys = append(keys, rng.Uint64())
	}
	for _, k := range keys {
		got := wordLexes.get(k)
		ph, in := lex.phrase.lookup(mix(phraseSeed, k))
		if want := (wordLex{lex.word.get(k), ph, in}); got != want {
			t.Fatalf("key %x: %+v, want %+v", k, got, want)
		}
	}
}

// TestTypeReads holds the rules' reads of a word's lexicon classes and
// case from its type to the lookups they replace: lex.word by its
// lower-case hash, the one-word phrase, isTitleWord, the news words,
// caseClass, isCap and nameWord.
func TestTypeReads(t *testing.T) {
	text := "The attorney-general Jeff Sessions told the vice-president and the Justice Department's deputy attorney general, a U.S. Open fan, in the White House. THE NEW YORK TIMES: ex-president Obama. " +
		"HARLOW FALLS (Continental Press) — The Environmental Protection Agency and Kestrel Aerospace workers, the Eastgate district, WKVR-FM reported; Ärzte ÉCOLE 1996 'S iPhone x."
	tg := taggers.Get().(*tagger)
	defer taggers.Put(tg)
	defer tg.done()
	newsWords := 0
	for _, s := range tg.prepare(defaultModel(), text, nil) {
		for i, w := range s.words {
			if got, want := s.types[i].lexW, lex.word.get(lowerHash(w)); got != want {
				t.Errorf("%q: lexW %d, lex.word %d", w, got, want)
			}
			if got, want := s.types[i].phrase, lex.phrase.get(mix(phraseSeed, lowerHash(w))); got != want {
				t.Errorf("%q: phrase %d, lex.phrase %d", w, got, want)
			}
			if got, want := s.titleAt(i), isTitleWord(w); got != want {
				t.Errorf("%q: titleAt %v, isTitleWord %v", w, got, want)
			}
			if got, want := s.types[i].news(), nw(w); got != want {
				t.Errorf("%q: news %d, nw %d", w, got, want)
			}
			if nw(w) != 0 {
				newsWords++
			}
			if got, want := int(s.types[i].class), caseClass(w); got != want {
				t.Errorf("%q: class %d, caseClass %d", w, got, want)
			}
			if got, want := s.types[i].isCap(), isCap(w); got != want {
				t.Errorf("%q: isCap %v, isCap of the word %v", w, got, want)
			}
			if got, want := s.nameAt(i), nameWord(w); got != want {
				t.Errorf("%q: nameAt %v, nameWord %v", w, got, want)
			}
		}
	}
	if newsWords < 5 {
		t.Errorf("only %d news words in the text: it tests too little", newsWords)
	}
}

package attrib

import (
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/sentence"
)

// TestLexiconFilters holds isHead and pairJoins, which ask their Bloom
// filters first, to the counts themselves: a word or pair the filter
// wrongly turned away would silently lose cues.
func TestLexiconFilters(t *testing.T) {
	l := lexicon()
	heads, joins := 0, 0
	for w, s := range l.head {
		want := headRate(s)
		if l.isHead(w) != want {
			t.Errorf("isHead(%q) = %v, its counts say %v", w, !want, want)
		}
		if want {
			heads++
		}
	}
	for k := range l.pair {
		want := l.pairJoinsKey(k)
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' && l.pairJoins(k[:i], k[i+1:]) != want {
				t.Errorf("pairJoins(%q, %q) = %v, its counts say %v", k[:i], k[i+1:], !want, want)
			}
		}
		if want {
			joins++
		}
	}
	if heads == 0 || joins == 0 {
		t.Fatalf("%d heads and %d joining pairs: the lexicon lost its counts", heads, joins)
	}
	for _, w := range []string{"", "the", "zebra", "said", "Said", "according"} {
		s, ok := l.head[w]
		if want := ok && headRate(s); l.isHead(w) != want {
			t.Errorf("isHead(%q) = %v, want %v", w, !want, want)
		}
		if l.pairJoins(w, "to") != l.pairJoinsKey(w+" to") || l.pairJoins("also", w) != l.pairJoinsKey("also "+w) {
			t.Errorf("pairJoins disagrees with the pair counts around %q", w)
		}
	}
}

// TestBetweenFilter checks that the filter in front of betweenWords lets
// every one of its words through.
func TestBetweenFilter(t *testing.T) {
	for w := range betweenWords {
		if !betweenMaybe.mayHave(w) {
			t.Errorf("betweenMaybe turns away %q", w)
		}
	}
	toks := tokenize("He has also repeatedly said so.", dateline.Span{Start: 0, End: 30}, nil)
	if _, sw := subjectBefore(toks, 4); sw != "PRP" {
		t.Errorf(`subjectBefore("He has also repeatedly said") = %q, want the pronoun's shape PRP`, sw)
	}
}

// lookup is what findCues does inline for a token: the filter, then the
// probe. The tests call it to hold the two to the candidates.
func (fm *fastModel) lookup(w string) *wordInfo {
	if w == "" {
		return nil
	}
	x := wordHash(w)
	if !fm.maybe.hasHash(x) {
		return nil
	}
	return fm.probe(w, x)
}

// entries are the tables in fm, one per candidate word.
func (fm *fastModel) entries() []*wordInfo {
	var out []*wordInfo
	for _, in := range fm.byHash {
		if in != nil {
			out = append(out, in)
		}
	}
	return out
}

// TestFastLookup finds every word of the cue model's table through the
// filter and the probe, and for words near them finds either nothing or
// the word itself, never another word's tables.
func TestFastLookup(t *testing.T) {
	fm := cueModel().fastFor(lexicon())
	ins := fm.entries()
	if len(ins) < 1000 {
		t.Fatalf("the table holds %d words", len(ins))
	}
	for _, in := range ins {
		w := in.w
		if got := fm.lookup(w); got != in {
			t.Fatalf("lookup(%q) = %p, want %p", w, got, in)
		}
		for _, v := range []string{w + "x", strings.ToUpper(w), w[:len(w)-1]} {
			if got := fm.lookup(v); got != nil && got.w != v {
				t.Fatalf("lookup(%q) gives the tables of %q", v, got.w)
			}
		}
	}
	if fm.lookup("") != nil {
		t.Error(`lookup("") is not nil`)
	}
}

// TestLastIndex holds lastIndex to strings.LastIndex.
func TestLastIndex(t *testing.T) {
	texts := []string{"", "“", "a “b” c “d", "``", "```", "x``y``", "''a''", "\"", "“““", "ab“", "\x9c“", "“\x9c"}
	for _, s := range texts {
		for _, sub := range []string{"“", "``", "''", "\"", "”", "ab"} {
			if got, want := lastIndex(s, sub), strings.LastIndex(s, sub); got != want {
				t.Errorf("lastIndex(%q, %q) = %d, want %d", s, sub, got, want)
			}
		}
	}
}

// TestShapeAt holds shapeAt, which finds a neighbour's shape and its index
// in one switch, to shape and shapeIndex over real sentences.
func TestShapeAt(t *testing.T) {
	text := `Politico reports that Sessions offered his resignation, "He's in a mess," the adviser said. I said: they, we and you know it. ` +
		"``Not now,'' she said -- (who?) . U.S. officials, 3.5% ; it ends."
	for _, s := range sentence.Split(text) {
		toks := tokenize(text, s, nil)
		for k := 0; k <= len(toks); k++ {
			got, gi := shapeAt(toks, k)
			want := "</s>"
			if k < len(toks) {
				want = shape(toks[k])
			}
			if got != want || gi != shapeIndex(want) {
				t.Errorf("shapeAt(%d) = %q, %d; shape gives %q, index %d", k, got, gi, want, shapeIndex(want))
			}
		}
	}
}

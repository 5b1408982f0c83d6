package entity

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// plainTags tags the words of one sentence the slow way the tagger is
// meant to agree with: every feature hashed and read from the full table,
// no caches.
func plainTags(m *Model, words []string, doc docStats) []int {
	infos := sentenceInfo(nil, words, doc, m.gaz)
	var tags []int
	t1, t2 := tagO, tagO
	for i := range words {
		if plainO(&infos[i], t1) {
			tags = append(tags, tagO)
			t2, t1 = t1, tagO
			continue
		}
		feats := staticFeatures(nil, words, infos, i)
		feats = historyFeatures(feats, infos, i, t1, t2)
		var sc [numTags]int32
		for _, f := range feats {
			addRow(&sc, m.row(int(f&m.mask)))
		}
		t := best(&sc, t1)
		tags = append(tags, t)
		t2, t1 = t1, t
	}
	return tags
}

// TestCachedTaggingMatchesPlain checks that the per-type caches, the
// packed weights and the pooled buffers change no tag, on the seed and
// on headlines in capitals (which change a word's shape mid-document).
func TestCachedTaggingMatchesPlain(t *testing.T) {
	m := defaultModel()
	docs := []string{
		seedBody(t),
		"ATTORNEY GENERAL SESSIONS MET RUSSIAN ENVOY\nSessions met Sergey Kislyak twice. SESSIONS said the White House knew.\nsessions of the senate ran late .",
		"Trump ' s aide , Sean Spicer , told The Washington Post on Tuesday that Trump and Spicer met .",
	}
	for _, text := range docs {
		// Twice, so the second run meets a pooled tagger.
		for range 2 {
			spans := roughSentences(text)
			// Prepare as Recognize does, then tag both ways.
			tg := taggers.Get().(*tagger)
			sents := tg.prepare(m, text, spans)
			// The plain way gathers the casing facts in a map, from
			// the words alone.
			ds := docStats{}
			for _, s := range sents {
				ds.add(s.words)
			}
			for _, s := range sents {
				got := slices.Clone(tg.tagCaps(s.words, s.types, isCapsTyped(s.types)))
				if want := plainTags(m, s.words, ds); !slices.Equal(got, want) {
					t.Errorf("%q:\ncached %v\nplain  %v", strings.Join(s.words, " "), got, want)
				}
			}
			tg.done()
			taggers.Put(tg)
		}
	}
}

// TestPackedWeights checks the packed copy against the full table, and
// that a loaded model writes the bytes it was read from.
func TestPackedWeights(t *testing.T) {
	m := newModel(10)
	rng := rand.New(rand.NewPCG(1, 2))
	for b := 0; b < 1<<10; b++ {
		if rng.IntN(4) != 0 {
			continue
		}
		for c := 0; c < numTags; c++ {
			m.w[b*numTags+c] = int16(rng.IntN(2001) - 1000)
		}
	}
	full := &Model{bits: m.bits, mask: m.mask, w: m.w, gaz: m.gaz}
	m.index()
	for range 200 {
		feats := make([]uint64, rng.IntN(40))
		for i := range feats {
			feats[i] = rng.Uint64()
		}
		var got, want [numTags]int32
		m.scores(feats, &got)
		full.scores(feats, &want)
		if got != want {
			t.Fatalf("packed %v, full %v", got, want)
		}
	}
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := UnmarshalModel(data)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.w != nil || loaded.Size() != m.Size() {
		t.Errorf("loaded: full table %v, %d rows, want none and %d", loaded.w != nil, loaded.Size(), m.Size())
	}
	again, err := loaded.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Error("a loaded model does not write the bytes it was read from")
	}
}

// TestSortedByKeepsSortSliceOrder checks that sortedBy puts tied elements
// where sort.Slice put them, so outputs did not change when it replaced
// sort.Slice.
func TestSortedByKeepsSortSliceOrder(t *testing.T) {
	type item struct {
		key  int
		name string
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 5, 12, 13, 50, 300} {
		for _, keys := range []int{1, 3, n + 1} {
			xs := make([]item, n)
			for i := range xs {
				xs[i] = item{key: rng.IntN(keys), name: strings.Repeat("x", i)}
			}
			want := slices.Clone(xs)
			sort.Slice(want, func(i, j int) bool { return want[i].key < want[j].key })
			got := sortedBy(slices.Clone(xs), func(x, y *item) int { return cmp.Compare(x.key, y.key) })
			if !slices.Equal(got, want) {
				t.Errorf("n=%d keys=%d: order differs from sort.Slice", n, keys)
			}
		}
		// A sorted run with a few elements appended, as resolve's
		// mentions are: without ties the merge path serves; a tie, in the
		// tail, across run and tail, or in the run, falls back.
		for _, tie := range []string{"", "tail", "across", "run"} {
			xs := make([]item, 0, n+n/5+2)
			for i := range n {
				xs = append(xs, item{key: 10 * i, name: strings.Repeat("r", i)})
			}
			for i := range n/5 + 1 {
				xs = append(xs, item{key: 10*rng.IntN(n+1) + 1 + i%9, name: strings.Repeat("t", i)})
			}
			switch {
			case tie == "tail":
				xs = append(xs, item{key: xs[len(xs)-1].key, name: "tied"})
			case tie == "across" && n > 0:
				xs = append(xs, item{key: xs[n/2].key, name: "tied"})
			case tie == "run" && n > 1:
				xs[1].key = xs[0].key
			}
			want := slices.Clone(xs)
			sort.Slice(want, func(i, j int) bool { return want[i].key < want[j].key })
			got := sortedBy(slices.Clone(xs), func(x, y *item) int { return cmp.Compare(x.key, y.key) })
			if !slices.Equal(got, want) {
				t.Errorf("n=%d, sorted run and tail (tie: %q): order differs from sort.Slice", n, tie)
			}
		}
	}
}

// TestKnownTypesMatchFresh checks that the cache of word types kept
// across documents gives what computing the type afresh gives, for more
// words than it holds, met in an order that makes them evict one another.
func TestKnownTypesMatchFresh(t *testing.T) {
	var tt typeTable
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"Sessions", "said", "the", "The", "THE", "Trump", "x", "Kislyak", "fifteen-letter!", "sixteen-letters!"}
	for i := range 3 * knownSets * knownWays {
		words = append(words, fmt.Sprintf("w%dX%d", i, i%7))
	}
	for range 4 {
		tt.reset(len(words))
		for _, i := range rng.Perm(len(words)) {
			w := words[i]
			got := tt.appendTypes(nil, []string{w})[0]
			want := newWordType(w)
			got.id, want.id = 0, 0
			if got != want {
				t.Fatalf("type of %q: cached %+v, fresh %+v", w, got, want)
			}
		}
		// Common words again, now that the rare ones have passed.
		for _, w := range words[:10] {
			got := tt.newType(w, maphash.String(tt.seed, w))
			if want := newWordType(w); got != want {
				t.Fatalf("type of %q: cached %+v, fresh %+v", w, got, want)
			}
		}
	}
}

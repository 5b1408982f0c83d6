package entity

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unsafe"
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

// TestTypeTableMatchesFresh checks that the document's type table gives
// each word the type computed afresh, with one id per distinct string.
func TestTypeTableMatchesFresh(t *testing.T) {
	var tt typeTable
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"Sessions", "said", "the", "The", "THE", "Trump", "x", "Kislyak", "fifteen-letter!", "sixteen-letters!", "O’Brien", "1996", ""}
	for i := range 300 {
		words = append(words, fmt.Sprintf("w%dX%d", i, i%7))
	}
	for range 3 {
		var order []string
		for _, i := range rng.Perm(len(words)) {
			order = append(order, words[i], words[rng.IntN(len(words))])
		}
		tt.reset(len(order))
		got := tt.appendTypes(nil, order)
		ids := map[string]int32{}
		for i, w := range order {
			want := newWordType(w)
			id, seen := ids[w]
			if !seen {
				id = int32(len(ids))
				ids[w] = id
			}
			want.id = id
			if got[i] != want {
				t.Fatalf("type of %q: table %+v, fresh %+v", w, got[i], want)
			}
		}
	}
}

// TestASCIIHashes holds asciiHashes to lowerHash, normalizedHash and
// shapeOf, and checks it declines words outside ASCII.
func TestASCIIHashes(t *testing.T) {
	words := []string{"", "a", "A", "Sessions", "SESSIONS", "sessions", "McGahn", "U.S.", "1996", "2017-06-07", "$5", "0", "09", "x1Y2",
		"\x00", "\x00a", "a\x00", "\x7f", "--", "''", "Hello-World", "AbC", "iPhone", "@user", "#tag"}
	for c := range 128 {
		words = append(words, string(rune(c)), "A"+string(rune(c)), string(rune(c))+"x")
	}
	for _, w := range words {
		l, n, sh, cls, ok := asciiHashes(w)
		wsh, wcls := shapeOf(w)
		if !ok || l != lowerHash(w) || n != normalizedHash(w) || sh != wsh || cls != wcls {
			t.Errorf("asciiHashes(%q) = %x %x %x %d %v, want %x %x %x %d", w, l, n, sh, cls, ok, lowerHash(w), normalizedHash(w), wsh, wcls)
		}
	}
	for _, w := range []string{"O’Brien", "é", "Zürich", "\xff"} {
		if _, _, _, _, ok := asciiHashes(w); ok {
			t.Errorf("asciiHashes(%q) took a word outside ASCII", w)
		}
	}
}

// FuzzASCIIHashes is TestASCIIHashes on any input.
func FuzzASCIIHashes(f *testing.F) {
	f.Add("Sessions")
	f.Add("U.S.")
	f.Add("2017-06-07")
	f.Fuzz(func(t *testing.T, w string) {
		l, n, sh, cls, ok := asciiHashes(w)
		if !ok {
			for i := 0; i < len(w); i++ {
				if w[i] >= 0x80 {
					return
				}
			}
			t.Fatalf("asciiHashes(%q) declined an ASCII word", w)
		}
		wsh, wcls := shapeOf(w)
		if l != lowerHash(w) || n != normalizedHash(w) || sh != wsh || cls != wcls {
			t.Fatalf("asciiHashes(%q) = %x %x %x %d, want %x %x %x %d", w, l, n, sh, cls, lowerHash(w), normalizedHash(w), wsh, wcls)
		}
	})
}

// TestCacheLineLayout checks what the packed rows and the word-sum cache
// are laid out for: an entry or a line of three rows is 64 bytes, and
// their arrays start on a cache line (the runtime puts large allocations
// at page boundaries), so that no read of one touches two lines.
func TestCacheLineLayout(t *testing.T) {
	if s := unsafe.Sizeof(rowLine{}); s != 64 {
		t.Errorf("rowLine is %d bytes, want 64", s)
	}
	if s := unsafe.Sizeof(unigramSums{}); s != 64 {
		t.Errorf("unigramSums is %d bytes, want 64", s)
	}
	m := defaultModel()
	if a := uintptr(unsafe.Pointer(&m.lines[0])) % 64; a != 0 {
		t.Errorf("the model's rows start %d bytes into a cache line", a)
	}
	var tg tagger
	tg.reset(m)
	if a := uintptr(unsafe.Pointer(&tg.uni[0])) % 64; a != 0 {
		t.Errorf("the word-sum cache starts %d bytes into a cache line", a)
	}
}

package entity

import (
	"math/rand/v2"
	"testing"
)

// TestTableMatchesMap checks the lexicon table against a Go map on random
// keys, including keys that share a home slot.
func TestTableMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var tb table[uint16]
	want := map[uint64]uint16{}
	for i := range 5000 {
		k := rng.Uint64()
		if i%3 == 0 {
			k &= 0xFF // small keys collide at home
		}
		v := uint16(rng.IntN(1 << 16))
		*tb.at(k) |= v
		want[k] |= v
	}
	if tb.n != len(want) {
		t.Fatalf("table holds %d keys, map %d", tb.n, len(want))
	}
	for k, v := range want {
		if got, ok := tb.lookup(k); !ok || got != v {
			t.Fatalf("lookup(%#x) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for range 5000 {
		k := rng.Uint64()
		_, inMap := want[k]
		if _, ok := tb.lookup(k); ok != inMap {
			t.Fatalf("lookup(%#x) present=%v, map says %v", k, ok, inMap)
		}
	}
	var empty table[int]
	if v, ok := empty.lookup(7); ok || v != 0 {
		t.Error("an empty table found a key")
	}
}

// TestTableReset checks that a reused table, reset for documents of
// varying size, holds exactly the keys added since its last reset.
func TestTableReset(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var tb table[uint8]
	for _, n := range []int{0, 3000, 10, 500, 0, 40, 2000} {
		tb.reset(n)
		want := map[uint64]uint8{}
		for range n {
			k := rng.Uint64() & 0xFFFF // collisions with earlier rounds' keys
			v := uint8(1 + rng.IntN(3))
			*tb.at(k) |= v
			want[k] |= v
		}
		if tb.n != len(want) {
			t.Fatalf("reset(%d): table holds %d keys, map %d", n, tb.n, len(want))
		}
		for k := uint64(0); k <= 0xFFFF; k++ {
			got, ok := tb.lookup(k)
			if w, in := want[k]; ok != in || got != w {
				t.Fatalf("reset(%d): lookup(%#x) = %d, %v; want %d, %v", n, k, got, ok, w, in)
			}
		}
	}
}

// TestTableSealed checks that a sealed table answers as it did before
// its filter was built, that the filter turns most absent keys away, and
// that adding a key drops it.
func TestTableSealed(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var tb table[uint16]
	want := map[uint64]uint16{}
	for i := range 3000 {
		k := rng.Uint64()
		if i%3 == 0 {
			k &= 0xFFF
		}
		*tb.at(k) = uint16(i)
		want[k] = uint16(i)
	}
	tb.seal()
	for k, v := range want {
		if got, ok := tb.lookup(k); !ok || got != v {
			t.Fatalf("sealed lookup(%#x) = %d, %v; want %d", k, got, ok, v)
		}
	}
	passed := 0
	for range 10000 {
		k := rng.Uint64()
		if _, in := want[k]; in {
			continue
		}
		if tb.mayHave(k) {
			passed++
		}
		if _, ok := tb.lookup(k); ok {
			t.Fatalf("sealed lookup(%#x) found an absent key", k)
		}
	}
	if passed > 500 {
		t.Errorf("the filter passed %d of 10000 absent keys", passed)
	}
	*tb.at(12345) = 1
	if tb.filter != nil {
		t.Fatal("adding a key kept the filter")
	}
	if got, ok := tb.lookup(12345); !ok || got != 1 {
		t.Fatalf("lookup of an added key = %d, %v", got, ok)
	}
	for _, tab := range []*table[uint16]{&lex.word, &lex.phrase, newsWord} {
		if tab.filter == nil {
			t.Error("a lexicon table is not sealed")
		}
	}
	if wordLexes.filter == nil {
		t.Error("wordLexes is not sealed")
	}
}

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

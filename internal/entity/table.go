package entity

import "math/bits"

// table is a map from 64-bit hash keys to small values for the lexicons,
// which are built once and then read for nearly every word: an
// open-addressing table with linear probing, probed at a Fibonacci hash
// of the key. Go's maps hash the already-hashed keys again and match
// control bytes; the switch to this table was measured with the rest of
// the second session's speed pass (docs/BENCHMARKS.md §3), not alone.
type table[V any] struct {
	slots []slot[V]
	n     int
	shift uint
	// filter, set by seal once the table is final, has two bits set for
	// each key: a key with either clear is absent, which a lookup learns
	// from a few KB that stay in cache instead of a probe of the slots.
	// Most words are in no lexicon. Any change to the table drops it.
	filter []uint64
	fshift uint
}

// seal builds the filter, at 16 bits a key (one absent key in 70 passes
// it).
func (t *table[V]) seal() {
	size := 64
	for size < 16*t.n {
		size *= 2
	}
	t.filter = make([]uint64, size/64)
	t.fshift = uint(64 - bits.TrailingZeros(uint(size)))
	for _, s := range t.slots {
		if s.used {
			b1, b2 := t.filterBits(s.key)
			t.filter[b1/64] |= 1 << (b1 % 64)
			t.filter[b2/64] |= 1 << (b2 % 64)
		}
	}
}

func (t *table[V]) filterBits(k uint64) (uint64, uint64) {
	x := k * 0x9E3779B97F4A7C15
	return x >> t.fshift, (x << 32) >> t.fshift
}

// mayHave reports whether k may be in the sealed table t.
func (t *table[V]) mayHave(k uint64) bool {
	b1, b2 := t.filterBits(k)
	return t.filter[b1/64]&(1<<(b1%64)) != 0 && t.filter[b2/64]&(1<<(b2%64)) != 0
}

// slot keeps key, value and mark together: a lookup touches one cache line.
type slot[V any] struct {
	key  uint64
	used bool
	val  V
}

func (t *table[V]) home(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> t.shift)
}

// lookup returns the value of k and whether k is present.
func (t *table[V]) lookup(k uint64) (V, bool) {
	if t.n > 0 && (t.filter == nil || t.mayHave(k)) {
		mask := len(t.slots) - 1
		for i := t.home(k); t.slots[i].used; i = (i + 1) & mask {
			if t.slots[i].key == k {
				return t.slots[i].val, true
			}
		}
	}
	var zero V
	return zero, false
}

// get returns the value of k, or the zero value.
func (t *table[V]) get(k uint64) V {
	v, _ := t.lookup(k)
	return v
}

// at returns a pointer to the value of k, adding k with the zero value if
// it is absent. The pointer is good until the next at.
func (t *table[V]) at(k uint64) *V {
	t.filter = nil
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	i := t.home(k)
	for ; t.slots[i].used; i = (i + 1) & mask {
		if t.slots[i].key == k {
			return &t.slots[i].val
		}
	}
	t.slots[i] = slot[V]{key: k, used: true}
	t.n++
	return &t.slots[i].val
}

// reset empties t and sizes it for about n keys. Only the slots a table
// of that size uses are cleared, so a table kept for reuse costs a small
// document little after a large one.
func (t *table[V]) reset(n int) {
	t.filter = nil
	t.slots = resetSlots(t.slots, 2*(n+1))
	t.shift = uint(64 - bits.TrailingZeros(uint(len(t.slots))))
	t.n = 0
}

// resetSlots returns slots emptied and sized to the smallest power of two,
// at least 64, that holds want. Only the part in use is cleared, so a
// large table left by a long document costs a short one nothing; a huge
// one is not kept.
func resetSlots[S any](slots []S, want int) []S {
	size := 64
	for size < want {
		size *= 2
	}
	if cap(slots) < size || cap(slots) > maxPooledSlots && size <= maxPooledSlots {
		return make([]S, size)
	}
	slots = slots[:size]
	clear(slots)
	return slots
}

func (t *table[V]) grow() {
	old := t.slots
	size := max(64, 2*len(old))
	t.slots = make([]slot[V], size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.n = 0
	for _, s := range old {
		if s.used {
			*t.at(s.key) = s.val
		}
	}
}

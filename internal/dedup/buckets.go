package dedup

// bucketTable holds the LSH buckets: a multimap from band key to the slots
// of the documents in that bucket, as one open-addressing table with linear
// probing (a key's entries sit in its probe run) and backward-shift
// deletion. Every document adds and later removes one entry per band, and
// a Go map of slices spent most of its time hashing and growing slices.
type bucketTable struct {
	e     []bucketEntry
	n     int
	shift uint
}

type bucketEntry struct {
	key  uint64
	slot int32 // slot+1; 0 marks an empty entry
}

// Band keys come out of mix64, so their top bits are already uniform.
func (t *bucketTable) home(key uint64) int { return int(key >> t.shift) }

func (t *bucketTable) add(key uint64, slot int32) {
	if 2*(t.n+1) > len(t.e) {
		t.grow()
	}
	mask := len(t.e) - 1
	i := t.home(key)
	for t.e[i].slot != 0 {
		i = (i + 1) & mask
	}
	t.e[i] = bucketEntry{key, slot + 1}
	t.n++
}

func (t *bucketTable) grow() {
	old := t.e
	size := 1 << 12
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.e = make([]bucketEntry, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	t.n = 0
	for _, e := range old {
		if e.slot != 0 {
			t.add(e.key, e.slot-1)
		}
	}
}

// each calls fn with the slots in key's bucket.
func (t *bucketTable) each(key uint64, fn func(slot int32)) {
	if len(t.e) == 0 {
		return
	}
	mask := len(t.e) - 1
	for i := t.home(key); t.e[i].slot != 0; i = (i + 1) & mask {
		if t.e[i].key == key {
			fn(t.e[i].slot - 1)
		}
	}
}

// remove takes slot out of key's bucket, if it is there.
func (t *bucketTable) remove(key uint64, slot int32) {
	if len(t.e) == 0 {
		return
	}
	mask := len(t.e) - 1
	i := t.home(key)
	for {
		e := t.e[i]
		if e.slot == 0 {
			return
		}
		if e.key == key && e.slot == slot+1 {
			break
		}
		i = (i + 1) & mask
	}
	// Shift later entries of the run back into the hole unless their home
	// lies cyclically in (hole, j], where moving them would hide them.
	for j := (i + 1) & mask; t.e[j].slot != 0; j = (j + 1) & mask {
		k := t.home(t.e[j].key)
		if i <= j && (i < k && k <= j) || i > j && (i < k || k <= j) {
			continue
		}
		t.e[i] = t.e[j]
		i = j
	}
	t.e[i] = bucketEntry{}
	t.n--
}

package story

// termTable maps a term hash to a dense ID, so the per-term state of the
// vocabulary (document frequency, text, postings) lives in slices indexed
// by ID. It is an open-addressing table with linear probing and
// backward-shift deletion: a Go map keyed by the hash was most of the
// clusterer's time, and every term of every arrival goes through here.
type termTable struct {
	slots []termSlot
	n     int
	shift uint
}

type termSlot struct {
	h  uint32
	id uint32 // ID+1; 0 marks an empty slot
}

// home is the slot a hash probes first: Fibonacci hashing spreads FNV
// values whose low bits are alike.
func (t *termTable) home(h uint32) int {
	return int((h * 0x9e3779b1) >> t.shift)
}

// get returns the ID of h, or false.
func (t *termTable) get(h uint32) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := len(t.slots) - 1
	for i := t.home(h); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.id == 0 {
			return 0, false
		}
		if s.h == h {
			return s.id - 1, true
		}
	}
}

// put records h → id; h must be absent.
func (t *termTable) put(h, id uint32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	i := t.home(h)
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = termSlot{h, id + 1}
	t.n++
}

func (t *termTable) grow() {
	old := t.slots
	size := 1024
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.slots = make([]termSlot, size)
	t.shift = 32
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	t.n = 0
	mask := size - 1
	for _, s := range old {
		if s.id == 0 {
			continue
		}
		i := t.home(s.h)
		for t.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		t.n++
	}
}

// del removes h, shifting later members of its probe run back so that no
// lookup stops early at the hole.
func (t *termTable) del(h uint32) {
	if len(t.slots) == 0 {
		return
	}
	mask := len(t.slots) - 1
	i := t.home(h)
	for {
		s := t.slots[i]
		if s.id == 0 {
			return
		}
		if s.h == h {
			break
		}
		i = (i + 1) & mask
	}
	for j := (i + 1) & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s.id == 0 {
			break
		}
		// s may fill the hole at i unless its home lies cyclically in (i, j].
		k := t.home(s.h)
		if i <= j && (i < k && k <= j) || i > j && (i < k || k <= j) {
			continue
		}
		t.slots[i] = s
		i = j
	}
	t.slots[i] = termSlot{}
	t.n--
}

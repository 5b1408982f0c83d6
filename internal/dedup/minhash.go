package dedup

// Signature is a MinHash sketch of a document's set of word shingles.
//
// It uses one-permutation hashing: every shingle is hashed once, the top
// bits pick one of K bins and the bin keeps its smallest value. That is one
// hash per shingle instead of K, which is what lets long articles through at
// thousands a second; empty bins (short documents) are filled by "optimal
// densification" (Shrivastava 2017), borrowing the value of another bin
// chosen by a hash of the bin number alone, so two documents borrow alike and
// the fraction of equal bins still estimates the Jaccard similarity.
type Signature [K]uint32

// K is the number of MinHash bins; it must be a power of two.
const K = 128

const binBits = 7 // log2(K)

// mix64 is the murmur3 finaliser: a cheap, well-mixed 64-bit permutation.
func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// sketch builds the signature and counts shingles from the word hashes of a
// document. Shingles are size consecutive words; a document shorter than
// that has no shingles and only the exact-content path applies to it.
type sketcher struct {
	size   int
	window []uint64
	filled int
	pos    int
	sig    Signature
	set    [K]bool
	count  int
	exact  uint64
	words  int
}

func (s *sketcher) reset(size int) {
	s.size = size
	if cap(s.window) < size {
		s.window = make([]uint64, size)
	}
	s.window = s.window[:size]
	s.filled, s.pos, s.count, s.words = 0, 0, 0, 0
	s.exact = fnvOffset
	for i := range s.sig {
		s.sig[i] = ^uint32(0)
		s.set[i] = false
	}
}

// addWords sketches all of a document's words at once (after reset):
// with the words in one slice a shingle is read straight from it.
func (s *sketcher) addWords(ws []uint64) {
	for _, w := range ws {
		s.exact = mix64(s.exact ^ w)
	}
	s.words += len(ws)
	for i := 0; i+s.size <= len(ws); i++ {
		var h uint64
		for _, w := range ws[i : i+s.size] {
			h = (h ^ w) * 0x9e3779b97f4a7c15
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
}

// finish densifies empty bins. It reports false when there were no
// shingles at all.
func (s *sketcher) finish() bool {
	if s.count == 0 {
		return false
	}
	for i := 0; i < K; i++ {
		if s.set[i] {
			continue
		}
		// Probe other bins in an order fixed by i alone, so two documents
		// with the same filled bins borrow the same values.
		for t := uint64(1); ; t++ {
			j := mix64(uint64(i)<<32|t) & (K - 1)
			if s.set[j] {
				s.sig[i] = s.sig[j]
				break
			}
		}
	}
	return true
}

// Jaccard estimates the Jaccard similarity of the two shingle sets.
func Jaccard(a, b *Signature) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / K
}

package attrib

import (
	_ "embed"
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
)

// The cue model is a linear classifier over hashed context features that
// says whether a token is the head (last word) of a cue. It is trained by
// TestTrainCueModel on PolNeAR train (an averaged perceptron) and stored
// as sorted (hash, weight) pairs; only the weights ship, never text.
//
//go:embed cuemodel.bin
var cueModelBin []byte

type model struct {
	n int // weights
	// The weights again as an open-addressing table (linear probing, a
	// power-of-two size at most 35% full) of 8-byte slots holding a
	// 32-bit fingerprint of the feature and its weight. Scoring looks up
	// some thirty features per candidate word; this layout keeps the table
	// small enough to stay in cache, where a map's lookups miss. At 70%
	// full, a lookup of an absent feature (most of them) walked 5.6 slots
	// on average; at 35% it walks under 2, which on unseen PolNeAR
	// articles took 2% off the instructions of the whole chain and 2% off
	// its misses of a 256 KB cache. Two features that share a slot run
	// and a fingerprint (odds under one in 10^9 per absent feature) would
	// share a weight: harmless noise.
	slots []slot
	mask  uint64

	// per-word tables of the cue model (fastscore.go), made on first use
	fastOnce sync.Once
	fast     *fastModel
}

type slot struct {
	fp uint32 // 0: empty
	w  float32
}

func newModel(w map[uint64]float32) *model {
	n := 16
	for float64(n)*0.35 < float64(len(w)) {
		n *= 2
	}
	m := &model{n: len(w), slots: make([]slot, n), mask: uint64(n - 1)}
	// insertion in key order, so the table is the same on every run
	for _, k := range slices.Sorted(maps.Keys(w)) {
		h := mix(k)
		i, fp := h&m.mask, fingerprint(h)
		for m.slots[i].fp != 0 && m.slots[i].fp != fp {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{fp, w[k]}
	}
	return m
}

// mix spreads the FNV hash's bits: the low ones index the table, the high
// ones make the fingerprint.
func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

func fingerprint(h uint64) uint32 {
	fp := uint32(h >> 32)
	if fp == 0 {
		fp = 1
	}
	return fp
}

func (m *model) weight(k uint64) float32 {
	h := mix(k)
	fp := fingerprint(h)
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		switch m.slots[i].fp {
		case fp:
			return m.slots[i].w
		case 0:
			return 0
		}
	}
}

// weights sets x[k] to m.weight(h[k]) for every k. It reads each key's
// home slot first, in a loop without branches, so that the cache misses
// of a table too big for the cache overlap instead of following one
// another; the probing that follows mostly finds those lines loaded.
func (m *model) weights(h []uint64, x []float32) {
	const batch = 16
	var home [batch]uint64
	var fps [batch]uint32
	var first [batch]slot
	for len(h) > 0 {
		n := min(len(h), batch)
		for k := 0; k < n; k++ {
			hk := mix(h[k])
			home[k], fps[k] = hk&m.mask, fingerprint(hk)
			first[k] = m.slots[home[k]]
		}
		for k := 0; k < n; k++ {
			sl, fp := first[k], fps[k]
			for i := home[k]; ; {
				if sl.fp == fp {
					x[k] = sl.w
					break
				}
				if sl.fp == 0 {
					x[k] = 0
					break
				}
				i = (i + 1) & m.mask
				sl = m.slots[i]
			}
		}
		h, x = h[n:], x[n:]
	}
}

var (
	modelOnce sync.Once
	modelVal  *model
)

func cueModel() *model {
	modelOnce.Do(func() { modelVal = decodeModel(cueModelBin) })
	return modelVal
}

func decodeModel(b []byte) *model {
	w := make(map[uint64]float32, len(b)/12)
	for len(b) >= 12 {
		h := binary.LittleEndian.Uint64(b)
		w[h] = math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))
		b = b[12:]
	}
	return newModel(w)
}

func encodeModel(w map[uint64]float32) []byte {
	keys := make([]uint64, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]byte, 0, 12*len(keys))
	for _, k := range keys {
		out = binary.LittleEndian.AppendUint64(out, k)
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(w[k]))
	}
	return out
}

func (m *model) score(feats []uint64) float32 {
	var s float32
	for _, f := range feats {
		s += m.weight(f)
	}
	return s
}

// Feature templates. Each feature is the FNV-1a hash of one or two
// strings and a template number, computed without allocating (prefix,
// feat; the second stage's features use hashFeat). The fClass… templates
// pair a word's predicate class (predicates.go) with its context.
const (
	fBias = iota + 1
	fWord
	fSuffix
	fPrev
	fNext
	fPrev2
	fNext2
	fWordNext
	fPrevWord
	fPrevShape
	fNextShape
	fInQuote
	fRate
	fFirst
	fShape
	fStem
	fThatNear
	fPrevNext
	fStemPrevShape
	fNextTo
	fWordShapes
	fPrevBigram
	fNextBigram
	fQuoteNear
	fSubject
	fSubjectWord
	fStemThat
	fStemQuote
	fStemInQuote
	fSentQuote
	fClass
	fClassThat
	fClassQuote
	fClassSubj
	fClassNext
	fClassPrev
	fClassInQuote
	fClassSuffix
)

// stem strips the commonest inflections so that "insists", "insisted" and
// "insisting" share evidence.
func stem(w string) string {
	for _, suf := range [...]string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

var biasFeat = feat(prefix(""), "", fBias)

// hashFeat3 is hashFeat(t, a, b+"|"+c) without building the string.
// hashFeat hashes the template first, so it shares nothing between
// features; the second stage scores few proposals and keeps it.
func hashFeat3(t int, a, b, c string) uint64 {
	h := hashFeat(t, a, b)
	h ^= '|'
	h *= 1099511628211
	return fnvAdd(h, c)
}

func hashFeat(t int, a, b string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(t)
	h *= 1099511628211
	h = fnvAdd(h, a)
	h ^= 0xff
	h *= 1099511628211
	return fnvAdd(h, b)
}

// shape sums up a token for the classifier: punctuation, a quote, a
// pronoun, a capitalised word, or a lower-case word.
func shape(t tok) string {
	s, _ := shapeOf(&t)
	return s
}

var pronouns = set("he", "she", "they", "i", "we", "you", "it", "who")

// isPronoun is pronouns[w] written out as a switch for shape, which runs
// for every neighbour of every candidate, so that no map is hashed there
// (TestIsPronoun keeps the two the same).
func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "i", "we", "you", "it", "who":
		return true
	}
	return false
}

// features appends the features of token i to dst. inQuote says whether a
// quotation is open before the token, sentQuote whether the sentence has
// a quotation mark anywhere (hasQuote, computed once per sentence).
//
// hide leaves out everything that names the word itself (the word, its
// stem, its learned cue rate) and keeps its predicate class, suffix and
// context: training hides a share of its words so that the model learns
// to read a word it never saw as a cue (lexicon dropout), which is what
// every unlisted verb of saying is at run time.
func features(dst []uint64, lx *lex, toks []tok, i int, inQuote, sentQuote, hide bool) []uint64 {
	w := toks[i].w
	sh := func(k int) string {
		s, _ := shapeAt(toks, k)
		return s
	}
	// Each context value is computed once: this runs for every candidate
	// word and is most of Find's time.
	p1, p2, n1, n2 := wordAt(toks, i-1), wordAt(toks, i-2), wordAt(toks, i+1), wordAt(toks, i+2)
	sp1, sp2, sn1, sn2 := sh(i-1), sh(i-2), sh(i+1), sh(i+2)
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	q := "out"
	if inQuote {
		q = "in"
	}
	rate := "none"
	if s, ok := lx.head[w]; ok && !hide {
		rate = s.rate
	}
	cls := predClass(w)
	if cls == "" {
		cls = "-"
	}
	first := "no"
	if i == 0 {
		first = "yes"
	}
	st := stem(w)
	tn := thatNear(toks, i)
	qn := quoteNear(toks, i)
	subj, sw := subjectBefore(toks, i)
	sq := "noq"
	if sentQuote {
		sq = "q"
	}
	// Several features share their first value: its hash state is
	// computed once and finished per template (feat), which halves the
	// hashing this hot loop does.
	pp1, pn1, pp2, pcls := prefix(p1), prefix(n1), prefix(p2), prefix(cls)
	prate := prefix(rate)
	dst = append(dst,
		biasFeat,
		feat(prefix(suf), "", fSuffix),
		feat(pp1, "", fPrev),
		feat(pn1, "", fNext),
		feat(pp2, "", fPrev2),
		feat(prefix(n2), "", fNext2),
		feat(prefix(sp1), sp2, fPrevShape),
		feat(prefix(sn1), sn2, fNextShape),
		feat(prefix(q), rate, fInQuote),
		feat(prate, "", fRate),
		feat(prefix(first), "", fFirst),
		feat(prefix(shape(toks[i])), rate, fShape),
		feat(prefix(tn), rate, fThatNear),
		feat(pp1, n1, fPrevNext),
		feat(pp2, p1, fPrevBigram),
		feat(pn1, n2, fNextBigram),
		feat(prefix(qn), rate, fQuoteNear),
		feat(prefix(subj), rate, fSubject),
		feat(prefix(sq), rate, fSentQuote),
		feat(pcls, "", fClass),
		feat(pcls, tn, fClassThat),
		feat(pcls, qn, fClassQuote),
		feat(pcls, subj, fClassSubj),
		feat(pcls, n1, fClassNext),
		feat(pcls, p1, fClassPrev),
		feat(pcls, q, fClassInQuote),
		feat(pcls, suf, fClassSuffix),
	)
	if hide {
		return dst
	}
	pw, pst := prefix(w), prefix(st)
	return append(dst,
		feat(pw, "", fWord),
		feat(pw, n1, fWordNext),
		feat(pp1, w, fPrevWord),
		feat(pst, "", fStem),
		feat(pst, sp1, fStemPrevShape),
		feat(pst, sn1, fNextTo),
		feat3(pw, sp1, sn1, fWordShapes),
		feat(prefix(sw), st, fSubjectWord),
		feat(pst, tn, fStemThat),
		feat(pst, qn, fStemQuote),
		feat(pst, q, fStemInQuote),
	)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvAdd continues FNV-1a hash state h with the bytes of s, four bytes a
// round and the last few without a loop: features hash some thirteen
// words per candidate, and the loop's counting and bounds checks were
// 0.6% of the chain's instructions (cachegrind, 40 PolNeAR dev articles
// one call each).
func fnvAdd(h uint64, s string) uint64 {
	for len(s) >= 4 {
		h = (h ^ uint64(s[0])) * fnvPrime
		h = (h ^ uint64(s[1])) * fnvPrime
		h = (h ^ uint64(s[2])) * fnvPrime
		h = (h ^ uint64(s[3])) * fnvPrime
		s = s[4:]
	}
	switch len(s) {
	case 3:
		h = (h ^ uint64(s[0])) * fnvPrime
		h = (h ^ uint64(s[1])) * fnvPrime
		h = (h ^ uint64(s[2])) * fnvPrime
	case 2:
		h = (h ^ uint64(s[0])) * fnvPrime
		h = (h ^ uint64(s[1])) * fnvPrime
	case 1:
		h = (h ^ uint64(s[0])) * fnvPrime
	}
	return h
}

// prefix is the hash state after a feature's first value; feat finishes
// it with the second value and the template. The separators 0xff and
// 0xfe never occur in UTF-8 text, so no two features share a byte
// sequence.
func prefix(a string) uint64 {
	h := fnvAdd(fnvOffset, a)
	h ^= 0xff
	return h * fnvPrime
}

func feat(p uint64, b string, t int) uint64 {
	h := fnvAdd(p, b)
	h ^= 0xfe
	h *= fnvPrime
	h ^= uint64(t)
	return h * fnvPrime
}

// feat3 is feat with a third value.
func feat3(p uint64, b, c string, t int) uint64 {
	h := fnvAdd(p, b)
	h ^= '|'
	h *= fnvPrime
	return feat(h, c, t)
}

// subjectBefore looks back from token i past auxiliaries and adverbs
// ("has also said", "openly admires") to what would be the verb's
// subject, and returns its shape and, for a lower-case word, the word.
func subjectBefore(toks []tok, i int) (string, string) {
	k := i - 1
	for k >= 0 && i-k <= 4 {
		w := toks[k].w
		if betweenMaybe.mayHave(w) && betweenWords[w] || lyAdverb(toks[k]) {
			k--
			continue
		}
		break
	}
	if k < 0 {
		return "<s>", "<s>"
	}
	sh := shape(toks[k])
	if sh == "w" {
		return sh, toks[k].w
	}
	return sh, sh
}

// hasQuote reports whether any token is a quotation mark.
func hasQuote(toks []tok) bool {
	for k := range toks {
		if toks[k].kind&kQuote != 0 {
			return true
		}
	}
	return false
}

// quoteNear says where the nearest quotation mark is: just before the
// token (a quotation ends there: `,” he said`), just after, or neither.
func quoteNear(toks []tok, i int) string { return quoteNearVals[quoteNearIndex(toks, i)] }

// thatNear says what opens the next few tokens: a "that", a colon, a
// quotation, or none of them before punctuation.
func thatNear(toks []tok, i int) string { return thatNearVals[thatNearIndex(toks, i)] }

// quoteState returns, for each token, whether a quotation is open before
// it. Curly and PTB quotes say which way they face; a straight quote
// toggles.
func quoteState(toks []tok, dst []bool) []bool {
	open := false
	for k := range toks {
		dst = append(dst, open)
		if toks[k].kind&kQuote == 0 {
			// every mark below is a quotation mark by tokKind
			continue
		}
		switch toks[k].w {
		case "“", "``":
			open = true
		case "”", "''":
			open = false
		case "\"":
			open = !open
		}
	}
	return dst
}

// wordAt is token k's word, or a sentence-boundary marker past either end,
// as the feature templates (and the fast scorer copying them) read it.
func wordAt(toks []tok, k int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(toks) {
		return "</s>"
	}
	return toks[k].w
}

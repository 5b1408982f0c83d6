package attrib

import (
	"maps"
	"slices"
	"sync"
)

// Scoring a candidate word is most of Find's time, and most of its
// features depend on the word alone or on the word and a context value
// with a handful of possible values (whether a quotation is open, what
// opens the next few tokens, where the nearest quotation mark is, the
// shape of a neighbour). For each candidate word those weights are looked
// up once, the first time the word is scored, and then read from a small
// per-word table; only the features that name the neighbouring words are
// hashed per candidate. The sum is taken in features' order, so the
// score is bit for bit what model.score(features(…)) gives
// (TestFastScoreIdentical).

// Small value domains of context features, in a fixed order.
var (
	inQuoteVals   = [2]string{"out", "in"}
	sentQuoteVals = [2]string{"noq", "q"}
	firstVals     = [2]string{"no", "yes"}
	thatNearVals  = [5]string{"that", ":", "q", "p", "-"}
	quoteNearVals = [9]string{"none", "before1", "before2", "before3", "before4", "after1", "after2", "after3", "after4"}
	// a candidate is never punctuation, so its shape is one of these
	wordShapeVals = [3]string{"PRP", "Cap", "w"}
	// the common values of a neighbour's shape (shapeAt); punctuation
	// other than these is hashed as it comes
	shapeVals = [nShapes]string{"<s>", "</s>", "Q", "PRP", "Cap", "w", ",", "."}
)

const nShapes = 8

// shapeAt is the shape of token k (features' sh) and its index in
// shapeVals, or -1.
func shapeAt(toks []tok, k int) (string, int) {
	if k < 0 {
		return "<s>", 0
	}
	if k >= len(toks) {
		return "</s>", 1
	}
	return shapeOf(&toks[k])
}

// shapeOf is shape with its index in shapeVals (or -1), found on the way
// rather than by comparing strings: shapeAt asks it for four neighbours
// of every candidate (0.4% of the chain's instructions, cachegrind on 40
// PolNeAR dev articles).
func shapeOf(t *tok) (string, int) {
	switch {
	case t.kind&kQuote != 0:
		return "Q", 2
	case t.kind&kPunct != 0:
		switch t.w {
		case ",":
			return ",", 6
		case ".":
			return ".", 7
		}
		return t.w, shapeIndex(t.w)
	case isPronoun(t.w):
		return "PRP", 3
	case t.raw != t.w:
		return "Cap", 4
	}
	return "w", 5
}

func shapeIndex(s string) int {
	switch s {
	case "<s>":
		return 0
	case "</s>":
		return 1
	case "Q":
		return 2
	case "PRP":
		return 3
	case "Cap":
		return 4
	case "w":
		return 5
	case ",":
		return 6
	case ".":
		return 7
	}
	return -1
}

// wordInfo is what the cue model needs of a candidate word apart from its
// context.
type wordInfo struct {
	w, st, cls, rate string
	// mayPattern: the word is a cue head often enough for patternCue to
	// let it in, which most candidates are not (it spares findCues that
	// lookup for every word the model turns down)
	mayPattern bool
	// hash states after the word, its stem and its class (prefix)
	pw, pst, pcls uint64
	// the weights below are looked up on first use (fill)
	once sync.Once
	// weights of the features of the word alone
	wSuffix, wRate, wClass, wClassSuffix, wWord, wStem float32
	// weights by context value, indexed as the …Vals arrays
	wInQuote, wSentQuote, wClassInQuote, wStemInQuote [2]float32
	wShape                                            [3]float32
	wThatNear, wClassThat, wStemThat                  [5]float32
	wQuoteNear, wClassQuote, wStemQuote               [9]float32
	wSubject, wClassSubj, wStemPrevShape, wNextTo     [nShapes]float32
}

// fastModel is the cue model's per-word tables. Its words are exactly
// those candidate accepts, so one lookup both filters and describes.
type fastModel struct {
	lx *lex // the lexicon the tables were made with
	// maybe holds every candidate word: most tokens are turned away by it
	// without a lookup.
	maybe wordFilter
	// byHash holds the candidates' tables, open-addressed (linear probing) at
	// the top bits of wordHash, which the filter computed already: a
	// fifth of all tokens pass the filter, and a Go map hashed each of
	// them again. The table took 0.4% off the chain's instructions
	// (cachegrind, 40 PolNeAR dev articles one call each).
	byHash    []*wordInfo
	hashShift uint
	wBias     float32
	wFirst    [2]float32
	// by the shapes of the two tokens before (after) the word
	wPrevShape, wNextShape [nShapes][nShapes]float32
}

// fastFor returns m's tables for lexicon lx, or nil when they were made
// for another (training swaps lexicons and models).
func (m *model) fastFor(lx *lex) *fastModel {
	m.fastOnce.Do(func() { m.fast = newFastModel(m, lx) })
	if m.fast.lx != lx {
		return nil
	}
	return m.fast
}

// newWordInfo describes candidate w; its weights wait for fill.
func newWordInfo(lx *lex, w string) *wordInfo {
	rate := "none"
	s, ok := lx.head[w]
	if ok {
		rate = s.rate
	}
	cls := predClass(w)
	if cls == "" {
		cls = "-"
	}
	st := stem(w)
	return &wordInfo{w: w, st: st, cls: cls, rate: rate, pw: prefix(w), pst: prefix(st), pcls: prefix(cls),
		mayPattern: ok && patternHead(s)}
}

// fill looks up the weights of in's tables.
func (in *wordInfo) fill(m *model) {
	w, rate := in.w, in.rate
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	in.wSuffix = m.weight(feat(prefix(suf), "", fSuffix))
	in.wRate = m.weight(feat(prefix(rate), "", fRate))
	in.wClass = m.weight(feat(in.pcls, "", fClass))
	in.wClassSuffix = m.weight(feat(in.pcls, suf, fClassSuffix))
	in.wWord = m.weight(feat(in.pw, "", fWord))
	in.wStem = m.weight(feat(in.pst, "", fStem))
	for k, v := range inQuoteVals {
		in.wInQuote[k] = m.weight(feat(prefix(v), rate, fInQuote))
		in.wClassInQuote[k] = m.weight(feat(in.pcls, v, fClassInQuote))
		in.wStemInQuote[k] = m.weight(feat(in.pst, v, fStemInQuote))
	}
	for k, v := range sentQuoteVals {
		in.wSentQuote[k] = m.weight(feat(prefix(v), rate, fSentQuote))
	}
	for k, v := range wordShapeVals {
		in.wShape[k] = m.weight(feat(prefix(v), rate, fShape))
	}
	for k, v := range thatNearVals {
		in.wThatNear[k] = m.weight(feat(prefix(v), rate, fThatNear))
		in.wClassThat[k] = m.weight(feat(in.pcls, v, fClassThat))
		in.wStemThat[k] = m.weight(feat(in.pst, v, fStemThat))
	}
	for k, v := range quoteNearVals {
		in.wQuoteNear[k] = m.weight(feat(prefix(v), rate, fQuoteNear))
		in.wClassQuote[k] = m.weight(feat(in.pcls, v, fClassQuote))
		in.wStemQuote[k] = m.weight(feat(in.pst, v, fStemQuote))
	}
	for k, v := range shapeVals {
		in.wSubject[k] = m.weight(feat(prefix(v), rate, fSubject))
		in.wClassSubj[k] = m.weight(feat(in.pcls, v, fClassSubj))
		in.wStemPrevShape[k] = m.weight(feat(in.pst, v, fStemPrevShape))
		in.wNextTo[k] = m.weight(feat(in.pst, v, fNextTo))
	}
}

func newFastModel(m *model, lx *lex) *fastModel {
	fm := &fastModel{lx: lx}
	words := make(map[string]*wordInfo, len(lx.scan)+3*len(lx.stems))
	for w := range lx.scan {
		if !isPunct(w) {
			words[w] = newWordInfo(lx, w)
		}
	}
	// The other candidates are the words longer than three letters whose
	// stem has headed a cue; stem only strips a suffix, so they are the
	// stems with one of its suffixes or none.
	for st := range lx.stems {
		for _, suf := range [...]string{"", "ing", "ed", "es", "s"} {
			if w := st + suf; len(w) > 3 && stem(w) == st && words[w] == nil && !isPunct(w) {
				words[w] = newWordInfo(lx, w)
			}
		}
	}
	size, shift := 16, uint(64-4)
	for size < 2*len(words) {
		size, shift = size*2, shift-1
	}
	fm.byHash, fm.hashShift = make([]*wordInfo, size), shift
	// in sorted order, so the table is the same on every run
	for _, w := range slices.Sorted(maps.Keys(words)) {
		x := wordHash(w)
		fm.maybe.addHash(x)
		i := x >> shift
		for fm.byHash[i] != nil {
			i = (i + 1) & uint64(size-1)
		}
		fm.byHash[i] = words[w]
	}
	fm.wBias = m.weight(biasFeat)
	for k, v := range firstVals {
		fm.wFirst[k] = m.weight(feat(prefix(v), "", fFirst))
	}
	for a, va := range shapeVals {
		pa := prefix(va)
		for b, vb := range shapeVals {
			fm.wPrevShape[a][b] = m.weight(feat(pa, vb, fPrevShape))
			fm.wNextShape[a][b] = m.weight(feat(pa, vb, fNextShape))
		}
	}
	return fm
}

// wordHash hashes a non-empty word's length and first and last two bytes.
func wordHash(w string) uint64 {
	n := len(w)
	x := uint64(n) | uint64(w[0])<<8 | uint64(w[n-1])<<16
	if n > 1 {
		x |= uint64(w[1])<<24 | uint64(w[n-2])<<32
	}
	return x * 0x9e3779b97f4a7c15
}

// probe finds w, whose wordHash is x, in byHash.
func (fm *fastModel) probe(w string, x uint64) *wordInfo {
	mask := uint64(len(fm.byHash) - 1)
	for i := x >> fm.hashShift; ; i = (i + 1) & mask {
		in := fm.byHash[i]
		if in == nil || in.w == w {
			return in
		}
	}
}

// thatNearIndex is thatNear's answer as an index into thatNearVals.
func thatNearIndex(toks []tok, i int) int {
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		w := toks[k].w
		switch {
		case w == "that":
			return 0
		case w == ":":
			return 1
		case toks[k].kind&kOpenQ != 0:
			return 2
		case toks[k].kind&kPunct != 0:
			return 3
		}
	}
	return 4
}

// quoteNearIndex is quoteNear's answer as an index into quoteNearVals.
func quoteNearIndex(toks []tok, i int) int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].kind&kQuote != 0 {
			return i - k
		}
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if toks[k].kind&kQuote != 0 {
			return 4 + k - i
		}
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// score is m.score(features(nil, lx, toks, i, inQuote, sentQuote, false))
// for token i, whose word in describes; ok is false when token i is not
// a word (its shape is none of wordShapeVals) and score must not be used.
func (fm *fastModel) score(m *model, in *wordInfo, toks []tok, i int, inQuote, sentQuote bool) (s float32, ok bool) {
	// wordShapeVals are shapeVals' PRP, Cap and w
	_, shk := shapeOf(&toks[i])
	shk -= 3
	if shk < 0 || shk > 2 {
		return 0, false
	}
	in.once.Do(func() { in.fill(m) })
	w := in.w
	p1, p2, n1, n2 := wordAt(toks, i-1), wordAt(toks, i-2), wordAt(toks, i+1), wordAt(toks, i+2)
	sp1, ip1 := shapeAt(toks, i-1)
	sp2, ip2 := shapeAt(toks, i-2)
	sn1, in1 := shapeAt(toks, i+1)
	sn2, in2 := shapeAt(toks, i+2)
	q, sq, first := b2i(inQuote), b2i(sentQuote), b2i(i == 0)
	tn := thatNearIndex(toks, i)
	qn := quoteNearIndex(toks, i)
	subj, sw := subjectBefore(toks, i)
	isubj := shapeIndex(subj)
	pp1, pn1, pp2 := prefix(p1), prefix(n1), prefix(p2)
	// all hashes first, then all lookups: the table's cache misses overlap
	h := [13]uint64{
		feat(pp1, "", fPrev),
		feat(pn1, "", fNext),
		feat(pp2, "", fPrev2),
		feat(prefix(n2), "", fNext2),
		feat(pp1, n1, fPrevNext),
		feat(pp2, p1, fPrevBigram),
		feat(pn1, n2, fNextBigram),
		feat(in.pcls, n1, fClassNext),
		feat(in.pcls, p1, fClassPrev),
		feat(in.pw, n1, fWordNext),
		feat(pp1, w, fPrevWord),
		feat3(in.pw, sp1, sn1, fWordShapes),
		feat(prefix(sw), in.st, fSubjectWord),
	}
	var x [13]float32
	m.weights(h[:], x[:])
	// the features of shapes, from the tables when the shapes are common
	var wPrevShape, wNextShape, wSubject, wClassSubj, wStemPrevShape, wNextTo float32
	if ip1 >= 0 && ip2 >= 0 {
		wPrevShape = fm.wPrevShape[ip1][ip2]
	} else {
		wPrevShape = m.weight(feat(prefix(sp1), sp2, fPrevShape))
	}
	if in1 >= 0 && in2 >= 0 {
		wNextShape = fm.wNextShape[in1][in2]
	} else {
		wNextShape = m.weight(feat(prefix(sn1), sn2, fNextShape))
	}
	if isubj >= 0 {
		wSubject, wClassSubj = in.wSubject[isubj], in.wClassSubj[isubj]
	} else {
		wSubject = m.weight(feat(prefix(subj), in.rate, fSubject))
		wClassSubj = m.weight(feat(in.pcls, subj, fClassSubj))
	}
	if ip1 >= 0 {
		wStemPrevShape = in.wStemPrevShape[ip1]
	} else {
		wStemPrevShape = m.weight(feat(in.pst, sp1, fStemPrevShape))
	}
	if in1 >= 0 {
		wNextTo = in.wNextTo[in1]
	} else {
		wNextTo = m.weight(feat(in.pst, sn1, fNextTo))
	}
	// features' order, one rounding per addition as in model.score
	s += fm.wBias
	s += in.wSuffix
	s += x[0]
	s += x[1]
	s += x[2]
	s += x[3]
	s += wPrevShape
	s += wNextShape
	s += in.wInQuote[q]
	s += in.wRate
	s += fm.wFirst[first]
	s += in.wShape[shk]
	s += in.wThatNear[tn]
	s += x[4]
	s += x[5]
	s += x[6]
	s += in.wQuoteNear[qn]
	s += wSubject
	s += in.wSentQuote[sq]
	s += in.wClass
	s += in.wClassThat[tn]
	s += in.wClassQuote[qn]
	s += wClassSubj
	s += x[7]
	s += x[8]
	s += in.wClassInQuote[q]
	s += in.wClassSuffix
	s += in.wWord
	s += x[9]
	s += x[10]
	s += in.wStem
	s += wStemPrevShape
	s += wNextTo
	s += x[11]
	s += x[12]
	s += in.wStemThat[tn]
	s += in.wStemQuote[qn]
	s += in.wStemInQuote[q]
	return s, true
}

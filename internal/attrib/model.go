package attrib

import (
	_ "embed"
	"encoding/binary"
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
	w map[uint64]float32
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
	m := &model{w: make(map[uint64]float32, len(b)/12)}
	for len(b) >= 12 {
		h := binary.LittleEndian.Uint64(b)
		m.w[h] = math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))
		b = b[12:]
	}
	return m
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
		s += m.w[f]
	}
	return s
}

// Feature templates. Each feature is the FNV-1a hash of a template number
// and one or two strings, computed without allocating.
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

func hashFeat(t int, a, b string) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(t)
	h *= 1099511628211
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= 1099511628211
	}
	h ^= 0xff
	h *= 1099511628211
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

// shape sums up a token for the classifier: punctuation, a quote, a
// pronoun, a capitalised word, or a lower-case word.
func shape(t tok) string {
	switch {
	case isQuote(t.w):
		return "Q"
	case isPunct(t.w):
		return t.w
	case pronouns[t.w]:
		return "PRP"
	case t.raw != t.w:
		return "Cap"
	}
	return "w"
}

var pronouns = set("he", "she", "they", "i", "we", "you", "it", "who")

// features appends the features of token i to dst. inQuote says whether a
// quotation is open before the token.
func features(dst []uint64, lx *lex, toks []tok, i int, inQuote bool) []uint64 {
	w := toks[i].w
	get := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(toks) {
			return "</s>"
		}
		return toks[k].w
	}
	sh := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(toks) {
			return "</s>"
		}
		return shape(toks[k])
	}
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	q := "out"
	if inQuote {
		q = "in"
	}
	rate := "none"
	if s, ok := lx.head[w]; ok {
		rate = s.rate
	}
	first := "no"
	if i == 0 {
		first = "yes"
	}
	dst = append(dst,
		hashFeat(fBias, "", ""),
		hashFeat(fWord, w, ""),
		hashFeat(fSuffix, suf, ""),
		hashFeat(fPrev, get(i-1), ""),
		hashFeat(fNext, get(i+1), ""),
		hashFeat(fPrev2, get(i-2), ""),
		hashFeat(fNext2, get(i+2), ""),
		hashFeat(fWordNext, w, get(i+1)),
		hashFeat(fPrevWord, get(i-1), w),
		hashFeat(fPrevShape, sh(i-1), sh(i-2)),
		hashFeat(fNextShape, sh(i+1), sh(i+2)),
		hashFeat(fInQuote, q, rate),
		hashFeat(fRate, rate, ""),
		hashFeat(fFirst, first, ""),
		hashFeat(fShape, shape(toks[i]), rate),
		hashFeat(fStem, stem(w), ""),
		hashFeat(fThatNear, thatNear(toks, i), rate),
		hashFeat(fPrevNext, get(i-1), get(i+1)),
		hashFeat(fStemPrevShape, stem(w), sh(i-1)),
		hashFeat(fNextTo, stem(w), sh(i+1)),
		hashFeat(fWordShapes, w, sh(i-1)+"|"+sh(i+1)),
		hashFeat(fPrevBigram, get(i-2), get(i-1)),
		hashFeat(fNextBigram, get(i+1), get(i+2)),
		hashFeat(fQuoteNear, quoteNear(toks, i), rate),
	)
	return dst
}

// quoteNear says where the nearest quotation mark is: just before the
// token (a quotation ends there: `,” he said`), just after, or neither.
func quoteNear(toks []tok, i int) string {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if isQuote(toks[k].w) {
			return "before" + string(rune('0'+i-k))
		}
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if isQuote(toks[k].w) {
			return "after" + string(rune('0'+k-i))
		}
	}
	return "none"
}

// thatNear says what opens the next few tokens: a "that", a colon, a
// quotation, or none of them before punctuation.
func thatNear(toks []tok, i int) string {
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		w := toks[k].w
		switch {
		case w == "that":
			return "that"
		case w == ":":
			return ":"
		case isOpeningQuote(w):
			return "q"
		case isPunct(w):
			return "p"
		}
	}
	return "-"
}

// quoteState returns, for each token, whether a quotation is open before
// it. Curly and PTB quotes say which way they face; a straight quote
// toggles.
func quoteState(toks []tok, dst []bool) []bool {
	open := false
	for _, t := range toks {
		dst = append(dst, open)
		switch t.w {
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

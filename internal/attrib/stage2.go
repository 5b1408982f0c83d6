package attrib

import (
	_ "embed"
	"strconv"
	"sync"
)

// The second stage decides on whole cues rather than words. The cue model
// proposes generously (candThreshold, below cueThreshold), orient places a
// source and a content for every proposal, and a second linear model
// (cuestage2.bin, trained by TestTrainCueModel on PolNeAR train with
// first-stage scores from models that did not see the text) keeps the
// proposals whose shape looks like an attribution: who stands where the
// source should be, what follows the cue, whether a quotation is near.
// Those are the signs annotators go by when a verb such as "show",
// "called" or "tell" is or is not reporting someone; the word model
// cannot see them.
//
//go:embed cuestage2.bin
var stage2Bin []byte

var (
	stage2Once sync.Once
	stage2Val  *model
)

func stage2Model() *model {
	stage2Once.Do(func() { stage2Val = decodeModel(stage2Bin) })
	return stage2Val
}

// stage2Active reports whether a second-stage model is installed.
func stage2Active() bool { return stage2Model().n > 0 }

// candThreshold is the first-stage score above which a word is proposed
// to the second stage, and stage2Threshold the second-stage score above
// which a proposal is kept; both chosen by cross-validation on train
// (TestCrossValidate): candidates from -4, -5 or -7 and a cut at -2, -3
// or -4.5 all give cue F1 within a fifth of a point; -4 proposes the
// fewest words and -3 balances precision and recall best. Variables only
// so that those runs can set them.
var (
	candThreshold   float32 = -4
	stage2Threshold float32 = -3
)

// stage2Hook, when set (by training), receives every proposal's features
// and cue byte span before the decision.
var stage2Hook func(feats []uint64, start, end int)

// filter keeps the analyses the second stage accepts.
func (f *frame) filter(as []analysis) []analysis {
	m := stage2Model()
	active := m.n > 0
	out := as[:0]
	feats := f.sc.feats[:0]
	defer func() { f.sc.feats = feats }()
	for k, a := range as {
		feats = f.stage2Features(feats[:0], &a, k, len(as))
		if stage2Hook != nil {
			stage2Hook(append([]uint64(nil), feats...), f.toks[a.c.i].s, f.toks[a.c.j-1].e)
		}
		if active && m.score(feats) <= stage2Threshold {
			continue
		}
		out = append(out, a)
	}
	return out
}

const (
	gBias = iota + 100
	gScore
	gPattern
	gHead
	gFirst
	gLen
	gKind
	gSrc
	gSrcHead
	gSrcLen
	gNext
	gInQuote
	gHeadSrc
	gHeadNext
	gKindSrc
	gHeadKind
	gRest
	gScoreKind
	gSentQuote
	gPrev
	gHeadPrev
	gClass
	gClassSrc
	gClassNext
	gClassKind
	gProposals
)

// scoreNames are the first-stage scores -8…8 as feature values, spelt as
// strconv.Itoa spells them.
var scoreNames = [...]string{"-8", "-7", "-6", "-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8"}

// stage2Features describes one proposal, the k-th of the n its sentence
// has: the first stage's score, the cue's words, the shape of its reading,
// and how many proposals compete in the sentence. A sentence rarely holds
// more than one or two attributions, so a later proposal of several
// ("said … showed … wants …") is likelier to be a verb the content
// reports than a cue; on cross-validation of train that one feature
// added a point of cue and relation F1, mostly as precision.
func (f *frame) stage2Features(dst []uint64, a *analysis, k, n int) []uint64 {
	t := f.toks
	c := a.c
	head := t[c.j-1].w
	sc := int(c.score)
	sc = min(max(sc, -8), 8)
	kind := "pre"
	switch {
	case c.colon:
		kind = "colon"
	case c.prep:
		kind = "prep"
	case c.bare:
		kind = "bare"
	case a.post:
		kind = "post"
	case a.fixed:
		kind = "passive"
	}
	src, srcHead, srcLen := "none", "none", "0"
	if a.srcJ > a.srcI {
		last := t[a.srcJ-1]
		src = shape(last)
		switch {
		case last.w == "it":
			src = "it"
		case relPronouns[last.w]:
			src = "rel"
		case src == "w" && determiners[t[a.srcI].w]:
			src = "det-w"
		}
		if src == "w" || src == "det-w" {
			srcHead = last.w
		} else {
			srcHead = src
		}
		n := a.srcJ - a.srcI
		switch {
		case n == 1:
			srcLen = "1"
		case n == 2:
			srcLen = "2"
		case n <= 4:
			srcLen = "3-4"
		default:
			srcLen = "5+"
		}
	}
	next := "</s>"
	if c.j < len(t) {
		nw := t[c.j].w
		switch {
		case nw == "that" || nw == ":" || nw == "," || nw == "." || nw == "to":
			next = nw
		case isQuote(nw):
			next = "Q"
		default:
			next = shape(t[c.j])
		}
	}
	prev := "<s>"
	if c.i > 0 {
		prev = shape(t[c.i-1])
		if prev == "w" {
			prev = t[c.i-1].w
		}
	}
	q := "out"
	if f.qs[c.i] {
		q = "in"
	}
	rest := len(t) - c.j
	restB := "0"
	switch {
	case rest <= 2:
		restB = strconv.Itoa(rest)
	case rest <= 6:
		restB = "3-6"
	default:
		restB = "7+"
	}
	sq := "noq"
	if f.sentQuote {
		sq = "q"
	}
	pat := "no"
	if c.pattern {
		pat = "yes"
	}
	scs := scoreNames[sc+8]
	props := "1"
	switch {
	case n == 2:
		props = "2"
	case n > 2:
		props = "3+"
	}
	order := "first"
	if k > 0 {
		order = "later"
	}
	cls := predClass(head)
	if cls == "" {
		cls = "-"
	}
	return append(dst,
		hashFeat(gClass, cls, ""),
		hashFeat(gClassSrc, cls, src),
		hashFeat(gClassNext, cls, next),
		hashFeat(gClassKind, cls, kind),
		hashFeat(gBias, "", ""),
		hashFeat(gScore, scs, ""),
		hashFeat(gPattern, pat, ""),
		hashFeat(gHead, head, ""),
		hashFeat(gFirst, t[c.i].w, ""),
		hashFeat(gLen, strconv.Itoa(min(c.j-c.i, 4)), ""),
		hashFeat(gKind, kind, ""),
		hashFeat(gSrc, src, kind),
		hashFeat(gSrcHead, srcHead, ""),
		hashFeat(gSrcLen, srcLen, src),
		hashFeat(gNext, next, kind),
		hashFeat(gInQuote, q, kind),
		hashFeat(gHeadSrc, stem(head), src),
		hashFeat(gHeadNext, stem(head), next),
		hashFeat3(gKindSrc, kind, src, next),
		hashFeat(gHeadKind, stem(head), kind),
		hashFeat(gRest, restB, kind),
		hashFeat(gScoreKind, scs, kind),
		hashFeat(gSentQuote, sq, q),
		hashFeat(gPrev, prev, ""),
		hashFeat(gHeadPrev, stem(head), prev),
		hashFeat3(gProposals, props, order, kind),
	)
}

package attrib

import (
	_ "embed"
	"sync"
)

// The side model settles, for a kept cue, on which side of it the
// content lies. orient reads each cue by rules ("…, NAME said" puts the
// content before; "NAME, TITLE, said …" after), and on cross-validation
// of train about one relation in sixty had its cue right and its content
// on the wrong side: an introductory phrase taken for the content ("In an
// interview, Deacon said …"), the words after a cue taken for an inverted
// source ("Gov. John Kasich of Ohio, a Republican…, said the Khan family
// deserved better"), or an occasion after the cue taken for the content
// and the quotation before it left behind. For each cue with a plausible
// reading on the other side, a linear model (cueside.bin, trained by
// TestTrainCueModel on the cues of inner folds whose two readings
// disagree about the gold content) weighs the two readings — how long
// each content would be, where each source stands, what opens the
// sentence and what surrounds the cue — and takes the other one when it
// scores above sideThreshold. On five-fold cross-validation of train it
// raised content F1 from .7320 to .7355 and relation F1 from .7255 to
// .7297, source and cue unchanged within .001.
//
//go:embed cueside.bin
var sideBin []byte

var (
	sideOnce sync.Once
	sideVal  *model
)

func sideModel() *model {
	sideOnce.Do(func() { sideVal = decodeModel(sideBin) })
	return sideVal
}

// sideThreshold is the side model's score above which the other reading
// is taken: on cross-validation -5, -2, -1, 0 and 1 were tried, and 1, 0
// and -1 came within .0004 of each other. A variable so that
// cross-validation can set it (ATTRIB_SIDE).
var sideThreshold float32

// sideHook, when set (by training), receives every cue with two readings:
// the features, the cue's byte span and the byte spans of the content of
// the rules' reading and of the other one.
var sideHook func(feats []uint64, cueS, cueE int, def, alt bspan)

// bspan is a byte span: a reading's content for the side hook, and in
// the tests gold and system spans compared without characters.
type bspan struct{ s, e int }

// alternative returns the reading of a on the other side of its cue,
// when there is a plausible one: a content before the cue needs a comma,
// a closing quote or a dash to end at; a content after it needs the
// source to stand before the cue.
func (f *frame) alternative(a *analysis) (analysis, bool) {
	t := f.toks
	c := a.c
	if a.fixed || c.colon || c.bare || c.prep {
		return analysis{}, false
	}
	alt := *a
	if a.post {
		if a.srcJ > c.i {
			// an inverted source ("…, said the Khan family deserved
			// better"): the other reading has the subject that opens the
			// sentence speak ("Gov. John Kasich of Ohio, a Republican…,
			// said …")
			i, j := f.subject()
			if j <= i || j > c.i || !f.sentenceOpensWith(i) {
				return analysis{}, false
			}
			alt.srcI, alt.srcJ = i, j
		}
		alt.post, alt.boundary = false, -1
		alt.contentFromTok = f.contentStart(c.j)
		// a content opens with a word or a quotation, never with the
		// punctuation that closes a clause ("…, the person said; Kestrel
		// did not respond")
		k := alt.contentFromTok
		return alt, k < len(t) && (t[k].kind&kPunct == 0 || t[k].kind&kOpenQ != 0)
	}
	b := c.i - 1
	if a.srcJ > a.srcI {
		b = a.srcI - 1
	}
	if b < 1 || !(t[b].w == "," || isClosingQuote(t[b].w) || t[b].w == "—" || t[b].w == "--") {
		return analysis{}, false
	}
	alt.post, alt.boundary = true, b
	if a.srcJ <= a.srcI && c.j < len(t) {
		// "…,” said Jim Clyburn, a Democratic congressman…": the source
		// follows the cue
		if e := f.npForward(c.j); e > c.j {
			alt.srcI, alt.srcJ = c.j, e
		}
	}
	return alt, true
}

// readingContent is the content span a reading gives before the later
// cues of its sentence are taken into account.
func (f *frame) readingContent(a *analysis) bspan {
	switch {
	case a.post:
		s, e := f.contentBefore(a)
		return bspan{s, e}
	}
	s, e := f.contentAfter(a.contentFromTok, len(f.toks))
	return bspan{s, e}
}

// chooseSide switches a to its other reading when the side model scores
// that reading above sideThreshold.
func (f *frame) chooseSide(a *analysis) {
	m := sideModel()
	if m.n == 0 && sideHook == nil {
		return
	}
	alt, ok := f.alternative(a)
	if !ok {
		return
	}
	feats := f.sideFeatures(f.sc.feats[:0], a, &alt)
	f.sc.feats = feats
	if sideHook != nil {
		t := f.toks
		sideHook(append([]uint64(nil), feats...), t[a.c.i].s, t[a.c.j-1].e, f.readingContent(a), f.readingContent(&alt))
	}
	if m.n > 0 && m.score(feats) > sideThreshold {
		*a = alt
	}
}

const (
	sBias = iota + 300
	sDir
	sHead
	sHeadDir
	sNext
	sNextDir
	sPrev
	sPrevDir
	sLens
	sDefLen
	sAltLen
	sOpen
	sOpenDir
	sAfterFirst
	sQuoteBefore
	sQuoteAfter
	sSrc
	sSrcAlt
	sScore
	sSentQuote
)

// lenBucket names a token count for the side model.
func lenBucket(n int) string {
	switch {
	case n <= 0:
		return "0"
	case n <= 2:
		return "1-2"
	case n <= 5:
		return "3-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	}
	return "21+"
}

// wordOrShape is a token's word when it is lower case, else its shape.
func wordOrShape(t []tok, k int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(t) {
		return "</s>"
	}
	if sh := shape(t[k]); sh != "w" {
		return sh
	}
	return t[k].w
}

// readingKind names a reading for the side model ("pre": the content
// follows the cue, "post": it precedes it), with the length of its
// content in tokens and the shape of its source.
func (f *frame) readingKind(x *analysis) (kind string, n int, src string) {
	t := f.toks
	c := x.c
	switch {
	case x.post:
		kind, n = "post", x.boundary
	default:
		kind, n = "pre", len(t)-x.contentFromTok
	}
	src = "none"
	if x.srcJ > x.srcI {
		src = shape(t[x.srcJ-1])
		if x.srcI >= c.j {
			src += ">"
		}
	}
	return kind, n, src
}

// sideFeatures describes a cue's two readings, a the rules' reading and
// alt the other one: on which side each puts the content, how long that
// content is, where its source stands, and what surrounds the cue.
func (f *frame) sideFeatures(dst []uint64, a, alt *analysis) []uint64 {
	t := f.toks
	c := a.c
	dk, dn, ds := f.readingKind(a)
	ak, an, as := f.readingKind(alt)
	dir := dk + ">" + ak
	pre := a
	if a.post {
		pre = alt
	}
	head := stem(t[c.j-1].w)
	next := wordOrShape(t, c.j)
	prev := wordOrShape(t, c.i-1)
	open := wordOrShape(t, 0)
	if open == "Q" && len(t) > 1 {
		open = "Q " + wordOrShape(t, 1)
	}
	afterFirst := wordOrShape(t, pre.contentFromTok)
	qb := "no"
	post := a
	if alt.post {
		post = alt
	}
	if b := post.boundary; post.post && b >= 0 && b < len(t) && (isClosingQuote(t[b].w) || b > 0 && isClosingQuote(t[b-1].w)) {
		qb = "yes"
	}
	qa := "no"
	if k := pre.contentFromTok; !pre.post && k < len(t) && isOpeningQuote(t[k].w) {
		qa = "yes"
	}
	sq := "noq"
	if f.sentQuote {
		sq = "q"
	}
	sc := min(max(int(c.score), -8), 8)
	lb, la := lenBucket(dn), lenBucket(an)
	return append(dst,
		hashFeat(sBias, "", ""),
		hashFeat(sDir, dir, ""),
		hashFeat(sHead, head, ""),
		hashFeat(sHeadDir, head, dir),
		hashFeat(sNext, next, ""),
		hashFeat(sNextDir, next, dir),
		hashFeat(sPrev, prev, ""),
		hashFeat(sPrevDir, prev, dir),
		hashFeat3(sLens, lb, la, dir),
		hashFeat(sDefLen, lb, dir),
		hashFeat(sAltLen, la, dir),
		hashFeat(sOpen, open, ""),
		hashFeat(sOpenDir, open, dir),
		hashFeat(sAfterFirst, afterFirst, dir),
		hashFeat3(sQuoteBefore, qb, qa, dir),
		hashFeat(sQuoteAfter, qa, next),
		hashFeat(sSrc, ds, dir),
		hashFeat(sSrcAlt, as, dir),
		hashFeat(sScore, scoreNames[sc+8], dir),
		hashFeat(sSentQuote, sq, dir),
	)
}

// Package attrib finds attributions in news text: who (source) said or
// reported (cue) what (content). Cues are found by a small linear model over
// each word and its context (cuemodel.bin, an averaged perceptron trained on
// PolNeAR train by TestTrainCueModel) backed by two unmistakable patterns;
// the candidate words and their cue rates come from a lexicon counted on the
// same data (cues.tsv, TestLearnLexicon). Source and content are then
// placed by rules, after the handful of patterns that carry most reported
// speech in news copy:
//
//	SOURCE CUE (that) CONTENT          Politico reports that Sessions offered…
//	"CONTENT," SOURCE CUE              “I have not…,” Sean Spicer told reporters.
//	"CONTENT," CUE SOURCE              “…,” said Sen. Chris Murphy.
//	CONTENT, according to SOURCE       …, according to several media reports.
//	According to SOURCE, CONTENT
//	SOURCE CUE: CONTENT
//
// Spans are drawn the way PolNeAR's annotators draw them: the content of
// an indirect quotation runs from "that" to the end of the clause without
// the full stop; a quotation keeps its quote marks and the comma inside
// them; the source is the noun phrase next to the cue.
//
// Besides the words PolNeAR's annotators marked, the cue model scores the
// words of a hand-written list of predicates of saying, thinking, judging,
// urging and promising (predicates.txt) and sees each word's class, so a
// verb it never saw as a cue in training is still read by its company.
//
// The word model proposes generously; once each proposal has its source
// and content, a second model over whole proposals (stage2.go,
// cuestage2.bin) keeps those whose reading — who stands where the source
// should, what follows the cue — looks like an attribution. A third
// (side.go, cueside.bin) weighs, for each kept cue, a content on the other
// side of the cue against the one the rules chose. Every choice is
// measured by cross-validation on PolNeAR train (TestCrossValidate), never
// on dev.
package attrib

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ptb"
	"github.com/datelinehq/dateline/internal/sentence"
)

// tok is a token with its lower-cased form.
type tok struct {
	s, e int
	w    string // lower case
	raw  string
	// lo, hi: where w lies in tokenizeInto's buffer; lo < 0 when w is raw
	lo, hi int32
	// kind caches isPunct, isOpeningQuote and isClosingQuote of w, which
	// the cue model's features ask of every neighbour of every candidate;
	// tokenize sets it, so tokens come from tokenize only
	kind uint8
}

const (
	kPunct uint8 = 1 << iota
	kOpenQ
	kCloseQ
	kQuote = kOpenQ | kCloseQ
)

// tokKind computes tok.kind for word w. tokenizeInto, its caller, has
// already passed the words that start with an ASCII letter or digit.
func tokKind(w string) uint8 {
	var k uint8
	if isPunct(w) {
		k |= kPunct
	}
	if isOpeningQuote(w) {
		k |= kOpenQ
	}
	if isClosingQuote(w) {
		k |= kCloseQ
	}
	return k
}

// cue is a cue found in a sentence: tokens [i, j).
type cue struct {
	i, j int
	prep bool // "according to": the source follows
	bare bool // "reportedly": no source at all
	// colon: "Q: Did the service take care of you?", "Poll: Sanders leads":
	// the words before the colon are the source.
	colon bool
	// score is the cue model's highest score over the cue's words;
	// pattern says one of them was let in by patternCue.
	score   float32
	pattern bool
}

// Find returns the attributions of text, given its sentences and
// (possibly no) entity mentions, in order of their cues.
func Find(text string, sentences []dateline.Span, mentions []dateline.Mention) []dateline.Attribution {
	lex := lexicon()
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	var out []dateline.Attribution
	for si, sent := range sentences {
		sc.toks, sc.low, sc.spans = tokenizeInto(text, sent, sc.toks[:0], sc.low, sc.spans)
		toks := sc.toks
		sc.qs = quoteState(toks, sc.qs[:0])
		qs := sc.qs
		sq := hasQuote(toks)
		sc.cues = findCues(lex, toks, qs, sq, sc)
		if len(sc.cues) == 0 {
			continue
		}
		f := frame{text: text, toks: toks, qs: qs, sentQuote: sq, sents: sentences, si: si, lex: lex, sc: sc}
		out = f.attributions(sc.cues, out)
	}
	resolve(text, out, mentions)
	nest(out)
	return out
}

// scratch holds the buffers one Find call reuses from sentence to
// sentence; a pool shares them between calls, so that Find allocates
// little beyond its result and stays safe for concurrent use.
type scratch struct {
	toks  []tok
	qs    []bool
	cues  []cue
	feats []uint64
	as    []analysis
	cueAt []bool
	low   []byte
	spans []dateline.Span
	srcs  []dateline.AttrSpan // sources are handed out from here
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release returns sc to the pool without the strings of the last text,
// which the pool must not keep alive.
func (sc *scratch) release() {
	clear(sc.toks[:cap(sc.toks)])
	sc.srcs = nil
	scratchPool.Put(sc)
}

// newSource returns a pointer to a copy of s. Sources are allocated in
// blocks: an attribution's source outlives Find, so the block is never
// reused, only shared.
func (sc *scratch) newSource(s dateline.AttrSpan) *dateline.AttrSpan {
	if len(sc.srcs) == cap(sc.srcs) {
		sc.srcs = make([]dateline.AttrSpan, 0, 32)
	}
	sc.srcs = append(sc.srcs, s)
	return &sc.srcs[len(sc.srcs)-1]
}

// tokenize appends the tokens of sentence s to dst. An apostrophe glued
// to a word ending in s is a possessive ("Sessions' decision"), not a
// quotation mark, and is marked as such.
func tokenize(text string, s dateline.Span, dst []tok) []tok {
	dst, _, _ = tokenizeInto(text, s, dst, nil, nil)
	return dst
}

// tokenizeInto is tokenize with a byte buffer for the lower-cased forms:
// they are built in buf and made into one string per sentence rather than
// one per capitalised word. spans is a scratch for the token spans.
func tokenizeInto(text string, s dateline.Span, dst []tok, buf []byte, spans []dateline.Span) ([]tok, []byte, []dateline.Span) {
	base := len(dst)
	buf = buf[:0]
	spans = sentence.AppendTokens(spans[:0], text, s)
	// The tokens (some sixty bytes each) are written in place rather
	// than built and then copied by append.
	dst = slices.Grow(dst, len(spans))[:base+len(spans)]
	for k, sp := range spans {
		raw := text[sp.Start:sp.End]
		t := &dst[base+k]
		*t = tok{s: sp.Start, e: sp.End, w: raw, raw: raw, lo: -1}
		if needsLower(raw) {
			t.lo = int32(len(buf))
			buf = appendLower(buf, raw)
			t.hi = int32(len(buf))
		}
	}
	var low string
	if len(buf) > 0 {
		low = string(buf)
	}
	for k := base; k < len(dst); k++ {
		t := &dst[k]
		if t.lo >= 0 {
			t.w = low[t.lo:t.hi]
		}
		if len(t.raw) == 5 && t.raw[0] == '-' {
			// PTB's brackets, whole since the tokeniser keeps them so
			if b, ok := ptb.Bracket(t.raw); ok {
				t.w = b
			}
		}
		if (t.raw == "'" || t.raw == "’") && k > 0 {
			p := dst[k-1]
			if p.e == t.s && strings.HasSuffix(p.w, "s") && (t.e == len(text) || text[t.e] == ' ') {
				t.w = "'s"
			}
		}
		// a word starting with an ASCII letter or digit, as most do, is
		// neither punctuation nor a quotation mark
		if w := t.w; w != "" && (w[0] >= 'a' && w[0] <= 'z' || w[0] >= '0' && w[0] <= '9' || w[0] >= 'A' && w[0] <= 'Z') {
			t.kind = 0
		} else {
			t.kind = tokKind(t.w)
		}
	}
	return dst, buf, spans
}

// findCues marks cue tokens: a word the cue model scores above
// cueThreshold, widened by the learned pairs around it ("also said",
// "according to", "pointed out") and joined with the cue words close
// before it ("has repeatedly criticised").
func findCues(lex *lex, toks []tok, qs []bool, sq bool, buf *scratch) []cue {
	m := cueModel()
	fm := m.fastFor(lex)
	cues := buf.cues[:0]
	feats := buf.feats[:0]
	defer func() { buf.feats = feats }()
	th := cueThreshold
	if stage2Active() || stage2Hook != nil {
		th = candThreshold
	}
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		// Only words annotators have marked as a cue head are scored: the
		// model has no evidence for others, and skipping them keeps the
		// scan fast.
		if w == ":" && colonCue(toks, i) && (len(cues) == 0 || cues[len(cues)-1].j <= i) {
			cues = append(cues, cue{i: i, j: i + 1, colon: true})
			continue
		}
		var in *wordInfo
		if fm != nil {
			// The filter test is written out here, where it is inlined,
			// and turns away most tokens; the fifth that pass are probed.
			// That, with tokKind's first test in tokenizeInto, took 0.8%
			// off the chain's instructions (cachegrind, 40 PolNeAR dev
			// articles one call each).
			if w == "" {
				continue
			}
			x := wordHash(w)
			if !fm.maybe.hasHash(x) {
				continue
			}
			if in = fm.probe(w, x); in == nil {
				continue
			}
		} else if !candidate(lex, toks, i) {
			continue
		}
		var sc float32
		ok := false
		if in != nil {
			sc, ok = fm.score(m, in, toks, i, qs[i], sq)
		}
		if !ok {
			feats = features(feats[:0], lex, toks, i, qs[i], sq, false)
			sc = m.score(feats)
		}
		pat := false
		if sc <= th {
			if in != nil && !in.mayPattern {
				continue
			}
			if pat = patternCue(lex, toks, i); !pat {
				continue
			}
		}
		c := cue{i: i, j: i + 1, bare: bareCue[w], score: sc, pattern: pat}
		if functionWord[w] {
			// "about", "to" only carry a cue with the word before them
			// ("asked about", "declined to"): alone they are noise.
			if i == 0 || isPunct(toks[i-1].w) || functionWord[toks[i-1].w] {
				continue
			}
			c.i = i - 1
		}
		for c.i > 0 && lex.pairJoins(toks[c.i-1].w, toks[c.i].w) && !isPunct(toks[c.i-1].w) {
			c.i--
		}
		if c.j < len(toks) && lex.pairJoins(w, toks[c.j].w) {
			c.j++
		}
		if toks[c.i].w == "according" {
			c.prep = true
		}
		// A head may have been claimed already by the previous cue's
		// widening ("pointed out").
		if n := len(cues); n > 0 && cues[n-1].j > c.i {
			continue
		}
		// The model marks every word of a cue, so one cue may fire on
		// several ("has repeatedly criticised", "said in a statement"):
		// join a word to the cue just before it when only auxiliaries,
		// adverbs or function words lie between.
		if n := len(cues); n > 0 && !cues[n-1].colon && !cues[n-1].prep && !cues[n-1].bare && !c.bare && joinable(toks, cues[n-1].j, c.i) {
			cues[n-1].j = c.j
			cues[n-1].score = max(cues[n-1].score, c.score)
			cues[n-1].pattern = cues[n-1].pattern || c.pattern
			continue
		}
		cues = append(cues, c)
	}
	return cues
}

// candidate reports whether token i is scored by the cue model at all.
func candidate(lex *lex, toks []tok, i int) bool {
	w := toks[i].w
	// A word whose stem has headed cues is scored too ("contended" after
	// "contends"): on cross-validation of train that raised cue recall by
	// a point for a third of a point of precision.
	return !isPunct(w) && (lex.scan[w] || len(w) > 3 && lex.stems[stem(w)])
}

// patternCue catches reporting verbs the model scores low because they
// are mostly nouns in the training text ("reports"): a word annotators
// marked as a cue at least minPatternRate of the time, in one of the two
// unmistakable frames "NAME CUE (on Tuesday) that …" and
// "…, NAME CUE." at the end of a sentence.
func patternCue(lex *lex, toks []tok, i int) bool {
	s, ok := lex.head[toks[i].w]
	if !ok || !patternHead(s) || i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.raw != prev.w || pronouns[prev.w] {
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if toks[k].w == "that" {
				return true
			}
			if isPunct(toks[k].w) {
				break
			}
		}
	}
	// "“…,” the Trump advisor said, according to Politico": a quotation
	// or clause closes, a short noun phrase, the cue, and the clause ends.
	// Any learned cue may close a sentence this way; only the common
	// speech verbs may close a clause.
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1].w
	sentenceEnd := next == "." && i+2 >= len(toks)-1
	strong := s.cue >= 20 && float64(s.cue) >= 0.5*float64(s.total)
	if !sentenceEnd && !(strong && (next == "," || next == "." || next == ":")) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if toks[k].w == "," || isClosingQuote(toks[k].w) {
			return k < i-1
		}
		if isPunct(toks[k].w) {
			break
		}
	}
	return false
}

const (
	minPatternRate  = 0.15
	minPatternCount = 5
)

// patternHead reports whether a word with cue statistics s heads cues
// often enough for patternCue.
func patternHead(s stat) bool {
	return s.cue >= minPatternCount && float64(s.cue) >= minPatternRate*float64(s.total)
}

// cueThreshold is the model score above which a token is a cue word when
// no second stage is installed (with one, candThreshold proposes and the
// second stage decides). It was chosen by five-fold cross-validation on
// train (TestCrossValidate -onestage): 0, -2 and -4 give cue F1 within
// half a point, -2 balances precision and recall. It is a variable only so
// that those runs can set it.
var cueThreshold float32 = -2

// colonCue reports whether the colon at i opens a sentence's content
// after a short name at its start ("Kasich: Now or never.").
func colonCue(toks []tok, i int) bool {
	if i < 1 || i > 5 || i+1 >= len(toks) || toks[0].raw == toks[0].w || colonLabel[toks[i-1].w] {
		return false
	}
	for k := 0; k < i; k++ {
		if isPunct(toks[k].w) && toks[k].w != "." && toks[k].w != "'s" {
			return false
		}
	}
	return true
}

// joinable reports whether tokens [from, to) may sit inside one cue: at
// most two auxiliaries, adverbs or function words.
func joinable(toks []tok, from, to int) bool {
	if to-from > 2 {
		return false
	}
	for k := from; k < to; k++ {
		if w := toks[k].w; !functionWord[w] && !betweenWords[w] {
			return false
		}
	}
	return true
}

// functionWord are words that are part of cues but never one alone.
var functionWord = set("to", "in", "for", "of", "on", "about", "as", "with", "at", "that", "the", "a", "an", "by", "from", "into", "over", "against")

// colonLabel are the rubrics a headline colon follows ("The Latest:
// …"), which name no speaker.
var colonLabel = set("latest", "update", "updates", "exclusive", "watch", "breaking", "editorial",
	"opinion", "live", "video", "photos", "analysis", "note", "answer", "question", "correction",
	// picture credits ("Photograph: Gerald Herbert/AP")
	"photo", "photograph", "photographs", "picture", "pictures", "illustration", "graphic", "caption")

// bareCue are cues that never take a source.
var bareCue = map[string]bool{"reportedly": true, "allegedly": true, "purportedly": true, "supposedly": true}

type frame struct {
	text string
	toks []tok
	qs   []bool // quoteState of toks
	// sentQuote: the sentence has a quotation mark somewhere
	sentQuote bool
	sents     []dateline.Span
	si        int
	lex       *lex
	sc        *scratch // buffers; attributions (and filter) need it, the subject tests leave it nil
	// quoteBefore's answer, computed once per sentence so that many
	// cues in one sentence cannot make the search back quadratic.
	qbDone   bool
	qbS, qbE int
}

// analysis is one cue's reading before it becomes an Attribution.
type analysis struct {
	c              cue
	post           bool // the content precedes the cue
	srcI, srcJ     int  // source tokens [srcI, srcJ); srcI == srcJ: none
	conS, conE     int  // content byte span
	boundary       int  // for post cues: the token index of the "," or quote before the source/cue
	contentFromTok int  // for pre cues: first content token
	fixed          bool // conS, conE already set (a passive with its agent)
}

func (f *frame) attributions(cues []cue, out []dateline.Attribution) []dateline.Attribution {
	sc := f.sc
	as := sc.as[:0]
	for _, c := range cues {
		as = append(as, f.orient(c))
	}
	defer func() { sc.as = as[:0] }()
	if stage2Active() || stage2Hook != nil {
		as = f.filter(as)
		cues = cues[:0]
		for _, a := range as {
			cues = append(cues, a.c)
		}
	}
	for k := range as {
		f.chooseSide(&as[k])
		f.settle(&as[k])
	}
	// A source never runs into another cue ("Cruz spoke…, adding that…"
	// gives "Cruz", not "Cruz spoke"): cut it before the first one.
	// Sources are short (a noun phrase of at most a couple of dozen
	// tokens), so scanning each is linear in the sentence overall.
	cueAt := sc.cueAt[:0]
	cueAt = append(cueAt, make([]bool, len(f.toks))...)
	sc.cueAt = cueAt
	for _, c := range cues {
		cueAt[c.i] = true
	}
	for k := range as {
		a := &as[k]
		if a.c.prep {
			continue // "according to several media reports": a noun, not a cue
		}
		for m := a.srcI + 1; m < a.srcJ; m++ {
			if cueAt[m] && m != a.c.i {
				a.srcJ = m
				for a.srcJ > a.srcI && betweenWords[f.toks[a.srcJ-1].w] {
					a.srcJ--
				}
				break
			}
		}
	}
	// "…,” she said, recalling…": a cue right after another one, past a
	// comma, shares its source.
	for k := 1; k < len(as); k++ {
		p, a := &as[k-1], &as[k]
		if a.post || a.c.i < 1 || f.toks[a.c.i-1].w != "," || p.srcJ <= p.srcI {
			continue
		}
		if last := max(p.c.j, p.srcJ); a.c.i-1 == last {
			a.srcI, a.srcJ = p.srcI, p.srcJ
		}
	}
	for k := range as {
		a := &as[k]
		if a.fixed {
			// placed by orient
		} else if a.post {
			a.conS, a.conE = f.contentBefore(a)
		} else {
			end := len(f.toks)
			// A later cue in post position closes this content at its comma:
			// "He tweeted that…, The Washington Post reports."
			for m := k + 1; m < len(as); m++ {
				if as[m].post && as[m].boundary > a.c.j {
					end = as[m].boundary
					break
				}
			}
			a.conS, a.conE = f.contentAfter(a.contentFromTok, end)
		}
		if a.conE <= a.conS && !a.post && a.srcJ > a.srcI && f.sentenceOpensWith(a.srcI) && f.clauseEndsAfter(a.c.j, false) {
			// "“…. Or Ferguson?” ¶ Trump said.": the quotation closed the
			// sentence before.
			a.conS, a.conE = f.quoteBefore()
		}
		if a.conE <= a.conS {
			continue
		}
		if a.srcJ == a.srcI+1 && articles[f.toks[a.srcI].w] {
			// "The proposed contract includes …": a source that is only
			// an article names no one.
			a.srcJ = a.srcI
		}
		at := dateline.Attribution{
			Cue:     f.span(f.toks[a.c.i].s, f.toks[a.c.j-1].e),
			Content: f.span(a.conS, a.conE),
			Kind:    dateline.Indirect,
		}
		if a.srcJ > a.srcI {
			at.Source = sc.newSource(f.span(f.toks[a.srcI].s, f.toks[a.srcJ-1].e))
		}
		if direct(f.text[a.conS:a.conE]) {
			at.Kind = dateline.Direct
		}
		out = append(out, at)
	}
	return out
}

func (f *frame) span(s, e int) dateline.AttrSpan {
	return dateline.AttrSpan{Start: s, End: e, Text: f.text[s:e]}
}

// orient decides where the source and the content of cue c lie.
func (f *frame) orient(c cue) analysis {
	t := f.toks
	a := analysis{c: c, boundary: -1, contentFromTok: c.j}
	if c.colon {
		a.srcI, a.srcJ = 0, c.i
		return a
	}
	if c.bare {
		// "Trump reportedly blames Sessions": the content is the clause
		// the adverb sits in, which here is everything after it.
		return a
	}
	if c.prep {
		// "…, according to X." / "According to X, …" / "…, according to X, …"
		a.srcI = c.j
		a.srcJ = f.npForward(c.j)
		if c.i > 0 && (t[c.i-1].w == "," || isQuote(t[c.i-1].w)) {
			a.post, a.boundary = true, c.i-1
			return a
		}
		if c.i == 0 || c.i == 1 && isQuote(t[0].w) {
			from := a.srcJ
			if from < len(t) && t[from].w == "," {
				from++
			}
			a.contentFromTok = from
			return a
		}
		a.post, a.boundary = true, c.i
		return a
	}
	// Source before the cue: skip auxiliaries, adverbs and time phrases
	// between them ("has also said", "on Monday said").
	k := c.i
	passive := false
	for k > 0 {
		w := t[k-1].w
		// "This document methodically exposed…": an adverb in -ly sits
		// between the subject and the verb as the auxiliaries do.
		if (betweenWords[w] || lyAdverb(t[k-1]) || w == "twice") && !f.capitalName(k-1) {
			// "was frustrated", "is convinced": an adjective of a held
			// view, whose subject holds it, is no passive unless an agent
			// follows ("was opposed by").
			if beForms[w] && participle(t[c.i].w) && !(c.j < len(t) && t[c.j].w == "of") && !(hasPredClass(t[c.i].w, "think.a") && !(c.j < len(t) && t[c.j].w == "by")) {
				passive = true // "was asked", not "was hoping"
			}
			k--
			continue
		}
		if k > 1 && timeWords[w] && (t[k-2].w == "on" || t[k-2].w == "last" || t[k-2].w == "this" || t[k-2].w == "late" || t[k-2].w == "early") {
			k -= 2
			continue
		}
		break
	}
	for m := c.i; m+1 < c.j; m++ {
		// the cue itself may hold the passive: "was first reported by"
		if beForms[t[m].w] {
			for n := m + 1; n < c.j; n++ {
				passive = passive || participle(t[n].w)
			}
		}
	}
	np := f.npBackward(k)
	if raising[t[c.i].w] && np < k {
		// "Carson seems to recognize his problem": a raising verb's
		// subject is not a speaker; the writer judges, and the judged
		// clause, subject included, is the content.
		e := len(t)
		for m := c.j; m < len(t); m++ {
			if w := t[m].w; w == ";" || w == "—" || w == "--" {
				e = m
				break
			}
		}
		if s, e := f.contentAfter(np, e); e > s {
			a.conS, a.conE, a.fixed = s, e, true
			return a
		}
	}
	if np == k && k > 0 && relPronouns[t[k-1].w] {
		np = k - 1 // "voters who say…": PolNeAR takes the pronoun as the source
	}
	// "Trump is raising questions about…", "returns would shed light
	// on…": the model fired on a later word of the cue, and what lies
	// before it is the rest of the verb phrase, not a noun phrase. An
	// auxiliary before a lower-case, undetermined phrase gives it away;
	// the subject is before the auxiliary.
	if np < k && np > 0 && verbPhraseFragment(t, np) {
		k2 := np - 1
		for k2 > 0 && (betweenWords[t[k2-1].w] || sentenceAdverb[t[k2-1].w]) && !f.capitalName(k2-1) {
			k2--
		}
		if relPronouns[t[np-1].w] {
			np, k = np-1, np
		} else if np2 := f.npBackward(k2); np2 < k2 {
			np, k = np2, k2
		}
	}
	if np < k {
		a.srcI, a.srcJ = np, k
		if np > 0 && (t[np-1].w == "," || isClosingQuote(t[np-1].w) || t[np-1].w == "—" || t[np-1].w == "--") && (f.clauseEndsAfter(c.j, false) || f.quoteClosesAt(np-1) && f.afterQuoteNoContent(c.j, false)) && f.enoughBefore(np-1) {
			a.post, a.boundary = true, np-1
			return a
		}
		// "It was revealed that…", "Pigs are considered…": an expletive or
		// the subject of a passive is not who speaks.
		if passive && a.srcJ-a.srcI > 0 && t[a.srcI].w != "it" {
			// "The meeting was first reported by Politico": the agent
			// speaks, and the subject is what was said.
			by := c.j
			if t[c.j-1].w == "by" {
				by = c.j - 1
			}
			if by < len(t) && t[by].w == "by" {
				if e := f.npForward(by + 1); e > by+1 {
					a.conS, a.conE = t[a.srcI].s, t[a.srcJ-1].e
					a.fixed = true
					a.srcI, a.srcJ = by+1, e
					return a
				}
			}
		}
		if passive && t[a.srcI].w != "it" && t[a.srcI].w != "there" && !recipient[t[c.j-1].w] && (c.j >= len(t) || !topicPrep[t[c.j].w]) && f.noContentAfter(c.j, false) {
			// "Wasserman Schultz was booed Monday": with no agent and
			// nothing after it, what the passive's subject names is the
			// content, and no one is the source.
			a.conS, a.conE = t[a.srcI].s, t[a.srcJ-1].e
			a.srcI, a.srcJ = 0, 0
			a.fixed = true
			return a
		}
		if passive || a.srcJ-a.srcI == 1 && t[a.srcI].w == "it" && k < c.i {
			a.srcI, a.srcJ = 0, 0
		}
		a.contentFromTok = f.contentStart(c.j)
		return a
	}
	if k > 0 && (t[k-1].w == "," || isClosingQuote(t[k-1].w)) {
		// Nothing before the cue but a comma or a quote: "…,” said Murphy."
		if invertible[t[c.j-1].w] && c.j < len(t) && !adverbialStart[t[c.j].w] && !npStop[t[c.j].w] && !pronouns[t[c.j].w] && f.npForward(c.j) > c.j && (f.clauseEndsAfter(c.j, true) || f.quoteClosesAt(k-1) && f.afterQuoteNoContent(c.j, true)) && f.enoughBefore(k-1) {
			a.post, a.boundary = true, k-1
			a.srcI, a.srcJ = c.j, f.npForward(c.j)
			return a
		}
		// "…,” Doug Usher, director of research at Widmeyer, said at the
		// time.": a name with its apposition between the quote and the cue.
		if t[k-1].w == "," && f.clauseEndsAfter(c.j, false) {
			if q := f.appositionStart(k-1, false); q > 0 && f.enoughBefore(q-1) {
				a.post, a.boundary = true, q-1
				a.srcI, a.srcJ = q, k-1
				return a
			}
		}
	}
	if k > 0 && strings.HasSuffix(t[c.i].w, "ing") && ingLink[t[k-1].w] {
		// "She started off by emphasizing…", "…, before asking her": a
		// gerund or participle speaks for the subject of the sentence.
		if i, j := f.subject(); j > i && j <= k-1 {
			a.srcI, a.srcJ = i, j
		}
		a.contentFromTok = f.contentStart(c.j)
		return a
	}
	if c.i == 0 && strings.HasSuffix(t[0].w, "ing") {
		// "Noting that…, Tester added": the main clause's subject.
		a.srcI, a.srcJ = f.subject()
		a.contentFromTok = f.contentStart(c.j)
		return a
	}
	if k > 0 && (t[k-1].w == "," || t[k-1].w == "and" || t[k-1].w == "but") && !passive {
		// "Hemsley, the co-author of…, said the days…", "Clinton
		// celebrated… and said…", "…, contending that…": the subject of the
		// sentence speaks.
		a.srcI, a.srcJ = f.subject()
	}
	a.contentFromTok = f.contentStart(c.j)
	return a
}

// reducedPassive reads a participle cue with no auxiliary whose agent
// follows "by" ("The immigration bill, opposed by House Republicans,
// never became law", "a fact first reported by Christopher Heath"): the
// participle modifies the noun phrase before it, which is what was said
// or judged, and the agent is the source. k is where the words between
// the subject and the cue begin and np where the phrase before them does.
func (f *frame) reducedPassive(a analysis, k, np int) (analysis, bool) {
	t := f.toks
	c := a.c
	by := c.j
	if t[c.j-1].w == "by" {
		by = c.j - 1
	}
	if by >= len(t) || t[by].w != "by" || by-c.i > 2 || !participle(t[c.i].w) || recipient[t[c.i].w] || askedLike[t[c.i].w] || feelingParticiples[t[c.i].w] {
		return a, false
	}
	if by+1 >= len(t) || byMeans[t[by+1].w] || strings.HasSuffix(t[by+1].w, "ing") || t[by+1].kind&kPunct != 0 || t[by+1].w[0] >= '0' && t[by+1].w[0] <= '9' {
		return a, false // "said by phone", "responded by saying", "rose by 5%"
	}
	e := f.npForward(by + 1)
	if e <= by+1 {
		return a, false
	}
	// the phrase the participle modifies: right before it, or set off
	// by a comma or a dash
	i, j := np, k
	if np == k {
		if k < 2 || !(t[k-1].w == "," || t[k-1].w == "—" || t[k-1].w == "--" || t[k-1].w == "-") || k < c.i {
			return a, false
		}
		j = k - 1
		if t[k-1].w == "-" && t[k-1].s > 0 && f.text[t[k-1].s-1] != ' ' {
			return a, false // a hyphen inside a word, not a dash
		}
		i = f.npBackward(j)
		if i >= j {
			return a, false
		}
	}
	if pronouns[t[i].w] && j-i == 1 {
		return a, false // "he reported by…" is no noun modified
	}
	a.conS, a.conE = t[i].s, t[j-1].e
	a.srcI, a.srcJ = by+1, e
	a.fixed = true
	return a, true
}

// feelingParticiples are participles that name a state of mind whose
// holder is the phrase it modifies ("German authorities worried by the
// increase", "angered by what they saw"): the holder speaks, and what
// follows "by" is the content, as orient reads it otherwise. ("Opposed
// by", "criticized by" are judgments whose agent speaks.)
var feelingParticiples = set("angered", "impressed", "outraged", "offended", "troubled", "disturbed", "moved",
	"inspired", "encouraged", "heartened", "saddened", "stunned", "shocked", "surprised", "amused", "annoyed",
	"irritated", "infuriated", "incensed", "dismayed", "appalled", "rattled", "bothered", "unmoved", "unimpressed",
	"pleased", "disappointed", "frustrated", "worried", "alarmed", "delighted", "thrilled", "upset", "scared",
	"frightened", "embarrassed", "horrified", "disgusted", "baffled", "puzzled", "intrigued", "insulted",
	"concerned", "convinced", "persuaded", "reassured")

// askedLike are participles whose agent asks rather than says: "Trump,
// pressed by reporters about X" is no claim about Trump.
var askedLike = set("asked", "pressed", "questioned", "interviewed", "contacted", "reached", "invited", "quoted", "cited")

// byMeans are the words after "by" that name how something was said, not
// who said it.
var byMeans = set("phone", "telephone", "email", "e-mail", "text", "video", "videoconference", "letter", "mail",
	"name", "contrast", "comparison", "far", "then", "now", "way", "default", "design", "hand")

// receivedJudgment reads a judgment its subject receives: "The proposal
// has drawn harsh criticism from fellow GOP hopefuls", "She also has the
// endorsement of most unions", "…, drawing scorn from party leaders".
// Those after "from" or "of" judge, and the subject is what they judge,
// the content; orient would otherwise take the subject for the one who
// criticises and the judges for the content.
func (f *frame) receivedJudgment(a analysis) (analysis, bool) {
	t := f.toks
	c := a.c
	n := -1
	for m := c.i; m < c.j; m++ {
		if judgmentNoun[t[m].w] {
			n = m
		}
	}
	if n < 1 || n+2 >= len(t) || t[n+1].w != "from" && t[n+1].w != "of" {
		return a, false
	}
	e := f.npForward(n + 2)
	if e <= n+2 || e < len(t) && (t[e].w == "that" || topicAfterJudge[t[e].w]) {
		// "faced criticism from rivals that the campaign…": the judgment
		// has a content of its own after the judges
		return a, false
	}
	// the verb of receiving, before the noun's determiner and adjectives
	// ("drew sharp criticism", "picked up an endorsement")
	v := -1
	for m := n - 1; m >= 0 && m >= n-4; m-- {
		w := t[m].w
		if receiveVerb[w] {
			v = m
			break
		}
		if m > 0 && (w == "up" && strings.HasPrefix(t[m-1].w, "pick") || w == "under" && (comeForms[t[m-1].w] || beForms[t[m-1].w]) || w == "to" && t[m-1].w == "subject") {
			v = m - 1
			break
		}
		if isPunct(w) || npStop[w] || t[m].raw != w {
			break
		}
	}
	if v < 1 {
		return a, false
	}
	k := v
	for k > 0 {
		w := t[k-1].w
		if (betweenWords[w] || beForms[w] || lyAdverb(t[k-1])) && !f.capitalName(k-1) {
			k--
			continue
		}
		break
	}
	i, j := f.npBackward(k), k
	if i >= j {
		if !(t[k-1].w == "," && strings.HasSuffix(t[v].w, "ing")) {
			return a, false
		}
		// a participle clause judges the sentence's subject
		if i, j = f.subject(); j <= i || j > k-1 {
			return a, false
		}
	}
	if j-i == 1 && relPronouns[t[i].w] {
		return a, false
	}
	a.conS, a.conE = t[i].s, t[j-1].e
	a.srcI, a.srcJ = n+2, e
	a.fixed = true
	return a, true
}

// topicAfterJudge introduce what a received judgment is about.
var topicAfterJudge = set("about", "over", "for", "on")

// judgmentNoun are nouns of approval and disapproval that a subject can
// receive ("drew criticism from", "won the endorsement of").
var judgmentNoun = set("criticism", "criticisms", "praise", "scorn", "condemnation", "condemnations",
	"endorsement", "endorsements", "support", "backing", "rebuke", "rebukes", "fire", "ire", "applause",
	"approval", "blessing", "plaudits", "backlash", "flak", "ridicule", "derision", "censure", "accolades",
	"acclaim", "opposition", "pushback", "complaints", "attacks", "condolences")

// receiveVerb are the verbs whose subject receives a judgment.
var receiveVerb = set("draw", "drew", "drawn", "draws", "drawing", "spark", "sparked", "sparks", "sparking",
	"receive", "received", "receives", "receiving", "win", "won", "wins", "winning", "earn", "earned", "earns",
	"earning", "get", "got", "gets", "getting", "gotten", "garner", "garnered", "garners", "garnering",
	"attract", "attracted", "attracts", "attracting", "face", "faced", "faces", "facing", "has", "have",
	"had", "having", "secure", "secured", "secures", "securing", "gain", "gained", "gains", "gaining",
	"provoke", "provoked", "provokes", "provoking", "prompt", "prompted", "prompts", "prompting",
	"trigger", "triggered", "triggers", "triggering", "elicit", "elicited", "elicits", "eliciting",
	"invite", "invited", "invites", "inviting", "land", "landed", "lands", "landing")

var comeForms = set("come", "came", "comes", "coming")

// settle applies the rules that decide only where a kept cue's content
// and source lie, not whether it is a cue: they run once the cue and side
// models have weighed the reading orient gives, so those models see the
// readings they were trained on. (Put into orient, the same rules changed
// the retrained second stage's choice of cues, by more than they gained.)
func (f *frame) settle(a *analysis) {
	t := f.toks
	c := a.c
	if f.toldAfterApposition(a) {
		return
	}
	if f.objectRelative(a) {
		return
	}
	if f.passiveAgentLater(a) {
		return
	}
	if f.agentOfOpening(a) {
		return
	}
	if f.openingIng(a) {
		return
	}
	if f.pastOpeningPhrase(a) {
		return
	}
	if f.asReportedBy(a) {
		return
	}
	if !a.fixed && !c.prep && !c.colon && !c.bare && (!a.post || a.srcJ <= c.i) {
		k, passive := f.between(c)
		if !passive {
			if r, ok := f.reducedPassive(*a, k, f.npBackward(k)); ok {
				*a = r
				return
			}
		}
		if !a.post && k > 1 && t[k-1].w == "," && !strings.HasSuffix(t[c.i].w, "ing") {
			// "…,” Anne Richards, assistant secretary of state for
			// population, refugees, and migration, said on the same call."
			if q := f.appositionStart(k-1, true); q > 0 && f.enoughBefore(q-1) && (f.clauseEndsAfter(c.j, false) || f.quoteClosesAt(q-1) && f.afterQuoteNoContent(c.j, false)) {
				a.post, a.boundary = true, q-1
				a.srcI, a.srcJ = q, k-1
				return
			}
		}
	}
	switch {
	case a.fixed:
	case c.prep:
		if a.post && f.opensClause(c.i) {
			// "But, according to the poll, 46 percent … remain
			// undecided": nothing but a conjunction before the cue, so
			// the clause it vouches for follows the source
			from := a.srcJ
			for from < len(t) && (t[from].w == "," || t[from].w == "—" || t[from].w == "--" || t[from].w == ")") {
				from++
			}
			if from < len(t) && t[from].kind&kPunct == 0 {
				a.post, a.boundary, a.contentFromTok = false, -1, from
			}
		}
		return
	case a.post && a.srcJ == c.i-1 && t[c.i-1].w == "," && strings.HasSuffix(t[c.i].w, "ing") && f.contentStart(c.j) < len(t):
		// "…,” said Geoff Garin, a pollster, citing another poll": a
		// participle set off by a comma adds to what was said, and
		// reports what follows it
		a.post, a.boundary, a.contentFromTok = false, -1, f.contentStart(c.j)
		if a.srcI+1 < a.srcJ && isCueWord(f.lex, t[a.srcI].w) {
			a.srcI++ // "said Heather Hurlburt, …": the speaker, not the cue before
		}
		return
	case !a.post && a.srcJ > a.srcI && a.srcJ <= c.i && f.asClause(c, a.srcI):
		// "…, as The New York Times reported on Tuesday, and…": a
		// comment clause vouches for the clause it is set into
		a.post, a.boundary = true, a.srcI-1
		return
	}
	if r, ok := f.receivedJudgment(*a); ok {
		*a = r
		return
	}
	if b := a.srcI - 1; a.fixed && b > c.i && b < len(t) && t[b].w == "by" && feelingParticiples[t[b-1].w] {
		// "FBI officials were angered by the deal": the passive's
		// subject holds the feeling and speaks; what caused it is the
		// content
		i := 0
		for i < b && t[i].s < a.conS {
			i++
		}
		j := i
		for j < b && t[j].e <= a.conE {
			j++
		}
		if i < j && t[i].s == a.conS && t[j-1].e == a.conE {
			a.conS, a.conE = t[a.srcI].s, t[a.srcJ-1].e
			a.srcI, a.srcJ = i, j
		}
	}
}

// toldAfterApposition reads "“…,” Ramos, 58, told AFP …": a verb of
// telling is followed by whom it addresses, so the phrase after it is
// no inverted speaker when a name with its apposition stands between the
// quotation and the cue; that name speaks.
func (f *frame) toldAfterApposition(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || !a.post || a.srcI < c.j || !recipient[t[c.j-1].w] {
		return false
	}
	k, passive := f.between(c)
	if passive || k < 2 || t[k-1].w != "," {
		return false
	}
	q := f.appositionStart(k-1, true)
	if q <= 0 || !f.enoughBefore(q-1) {
		return false
	}
	a.boundary = q - 1
	a.srcI, a.srcJ = q, k-1
	return true
}

// objectRelative reads a relative clause whose pronoun is the object of
// the cue ("the changes, which officials said will…", "plants, which
// private lenders still considered too risky"): the noun phrase between
// the pronoun and the cue is its subject and speaks.
func (f *frame) objectRelative(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || a.post || a.srcJ-a.srcI != 1 || t[a.srcI].w != "which" && t[a.srcI].w != "whom" {
		return false
	}
	k, _ := f.between(c)
	i := a.srcI + 1
	if k <= i || f.npBackward(k) != i {
		return false
	}
	for m := i; m < k; m++ {
		if w := t[m].w; participle(w) || strings.HasSuffix(w, "ing") || isCueWord(f.lex, w) || beForms[w] || modals[w] {
			return false
		}
	}
	if !(determiners[t[i].w] || f.capitalName(i) || strings.HasSuffix(t[k-1].w, "s")) {
		return false
	}
	a.srcI, a.srcJ = i, k
	return true
}

// passiveAgentLater reads the passives orient's walk misses: one with
// a degree adverb or a negation before the participle ("was much
// derided at the time", "is not always preferred by"), and one with an
// adjunct before its agent ("were described to him by a Post
// reporter"). The passive's subject is what was said; the agent, when
// there is one, speaks.
func (f *frame) passiveAgentLater(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || a.post || c.prep || c.colon || c.bare || c.j != c.i+1 || !participle(t[c.i].w) || hasPredClass(t[c.i].w, "think.a") || feelingParticiples[t[c.i].w] {
		return false
	}
	k, be, degree := c.i, false, false
	for k > 0 {
		w := t[k-1].w
		switch {
		case f.capitalName(k - 1):
		case betweenWords[w] || lyAdverb(t[k-1]) || w == "twice":
			be = be || beForms[w]
			k--
			continue
		case degreeWords[w]:
			degree = true
			k--
			continue
		}
		break
	}
	np := f.npBackward(k)
	// "it was much discussed" and "there were…" hold no content, nor
	// does "who" without the noun it stands for
	if !be || np >= k || t[np].w == "it" || t[np].w == "there" || k-np == 1 && t[np].w == "who" {
		return false
	}
	agent := -1
	if c.j < len(t) && t[c.j].w == "by" {
		agent = c.j + 1
	} else if c.j < len(t) && t[c.j].w == "to" {
		// "described to him by": a short phrase of whom it was told to
		for n := c.j + 1; n < len(t) && n < c.j+5; n++ {
			if t[n].w == "by" {
				agent = n + 1
				break
			}
			if t[n].kind&kPunct != 0 {
				break
			}
		}
		if agent < 0 {
			return false
		}
	}
	if agent >= 0 {
		if agent >= len(t) || byMeans[t[agent].w] {
			return false
		}
		e := f.npForward(agent)
		if e <= agent || !degree && agent == c.j+1 {
			return false // orient reads a plain "was reported by"
		}
		a.conS, a.conE = t[np].s, t[k-1].e
		a.srcI, a.srcJ = agent, e
		a.fixed = true
		return true
	}
	if !degree || recipient[t[c.i].w] || c.j < len(t) && topicPrep[t[c.j].w] || !f.noContentAfter(c.j, false) {
		return false
	}
	a.conS, a.conE = t[np].s, t[k-1].e
	a.srcI, a.srcJ = 0, 0
	a.fixed = true
	return true
}

// degreeWords may stand between a form of "be" and a participle without
// the -ly of the adverbs orient skips.
var degreeWords = set("much", "not", "always", "so", "too", "very", "well", "long", "widely", "often", "never", "largely")

// agentOfOpening reads a participle that opens its clause with its agent
// after it ("Asked by Stephanopoulos to respond…, Carson said", "When
// asked by a reporter whether…", "after being warned by the Russian
// government that…"): the agent speaks, and what follows the agent is
// what was said.
func (f *frame) agentOfOpening(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || a.post || c.prep || c.colon || c.bare || a.srcJ > a.srcI || c.j != c.i+1 || !participle(t[c.i].w) || c.j+1 >= len(t) || t[c.j].w != "by" {
		return false
	}
	p := c.i - 1
	if p >= 0 && t[p].w == "being" {
		p--
	}
	if p >= 0 && !openingWords[t[p].w] && !f.opensClause(p+1) {
		return false
	}
	agent := c.j + 1
	if byMeans[t[agent].w] || t[agent].kind&kPunct != 0 || strings.HasSuffix(t[agent].w, "ing") {
		return false
	}
	e := f.npForward(agent)
	for m := agent + 1; m < e; m++ {
		if whWords[t[m].w] {
			e = m // "asked by a host if…": the question follows the agent
			break
		}
	}
	if e <= agent {
		return false
	}
	a.srcI, a.srcJ = agent, e
	if e < len(t) && t[e].kind&kPunct == 0 {
		// what was said runs to the comma that closes the opening clause
		from := f.contentStart(e)
		end := from
		for end < len(t) && t[end].w != "," && t[end].w != ";" {
			end++
		}
		if s, en := f.contentAfter(from, end); en > s {
			a.conS, a.conE, a.fixed = s, en, true
		}
	}
	return true
}

// whWords open an indirect question.
var whWords = set("whether", "if", "why", "how", "what", "when", "where", "who", "which")

// openingWords open a clause whose participle has no subject of its own.
var openingWords = set("when", "after", "before", "while", "if", "once", "since", "until", "unless", "though", "although")

// openingIng reads a gerund after a preposition that opens the sentence
// ("After suggesting that…, Mr. Rubio…", "While saying that…, he…",
// "And in explaining why…, Clinton…"): the subject of the main clause,
// after the opening phrase, does the saying.
func (f *frame) openingIng(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || a.post || c.prep || c.colon || c.bare || a.srcJ > a.srcI || c.i < 1 || !strings.HasSuffix(t[c.i].w, "ing") || !ingLink[t[c.i-1].w] && !openingWords[t[c.i-1].w] || !f.opensClause(c.i-1) {
		return false
	}
	i, j := f.subject()
	if j <= i || i <= c.j || t[i-1].w != "," {
		return false
	}
	j = subjectEnd(t, i, j)
	a.srcI, a.srcJ = i, j
	// and what was said ends at the comma before it
	if s, e := f.contentAfter(f.contentStart(c.j), i-1); e > s {
		a.conS, a.conE, a.fixed = s, e, true
	}
	return true
}

// pastOpeningPhrase moves the speaker of a participle after a comma
// ("…, telling CBS that…", "…, calling him…") past a phrase of time or
// place that opens the sentence and was taken for its subject ("But a
// few days later, Trump reversed himself, telling…", "Back in 1999, Mr.
// Trump expressed…"): such a phrase is set off by its comma, and the
// subject follows it.
func (f *frame) pastOpeningPhrase(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || a.post || c.i < 2 || t[c.i-1].w != "," || !strings.HasSuffix(t[c.i].w, "ing") || a.srcJ <= a.srcI {
		return false
	}
	b := a.srcJ
	for b < c.i-1 && b < a.srcI+8 && t[b].w != "," && t[b].w != "." && t[b].w != ";" {
		b++
	}
	if b+1 >= c.i || t[b].w != "," {
		return false
	}
	timely := adverbialStart[t[a.srcI].w] || t[a.srcI].w == "early" || t[a.srcI].w == "back"
	for m := a.srcI; m < b && !timely; m++ {
		w := t[m].w
		timely = timeWords[w] || w == "later" || w == "ago" || w == "earlier" || w == "early" || w == "back" || len(w) == 4 && w[0] >= '1' && w[0] <= '2' && w[3] >= '0' && w[3] <= '9'
	}
	if !timely {
		return false
	}
	i := b + 1
	j := subjectEnd(t, i, f.npForward(i))
	if j <= i || j >= c.i || t[i].kind&kPunct != 0 {
		return false
	}
	a.srcI, a.srcJ = i, j
	return true
}

// subjectEnd cuts a subject phrase [i, j) found by npForward where its
// verb's auxiliaries or adverbs begin: at the first lower-case word
// between a subject and its verb, sentence adverb or participle ("the
// senator later told CBS" gives "the senator").
func subjectEnd(t []tok, i, j int) int {
	for m := i + 1; m < j; m++ {
		w := t[m].w
		if t[m].raw == w && (betweenWords[w] || sentenceAdverb[w] || participle(w)) || lyAdverb(t[m]) {
			return m
		}
	}
	return j
}

// asReportedBy reads "As reported by Western Journalism, the New York
// Times initially broke the story…": the agent after "by" vouches for
// the main clause after the comma.
func (f *frame) asReportedBy(a *analysis) bool {
	t := f.toks
	c := a.c
	if a.fixed || c.prep || c.colon || c.bare || c.i < 1 || t[c.i-1].w != "as" || !f.opensClause(c.i-1) || c.j != c.i+1 || !participle(t[c.i].w) || c.j+1 >= len(t) || t[c.j].w != "by" {
		return false
	}
	e := f.npForward(c.j + 1)
	if e <= c.j+1 || e+1 >= len(t) || t[e].w != "," {
		return false
	}
	s, en := f.contentAfter(e+1, len(t))
	if en <= s {
		return false
	}
	a.post = false
	a.srcI, a.srcJ = c.j+1, e
	a.conS, a.conE, a.fixed = s, en, true
	return true
}

// between returns where the words between a cue and its subject begin
// (auxiliaries, adverbs: "has also", "was first"), and whether a form of
// "be" among them or in the cue makes the cue a passive. It is orient's
// walk without its time phrases and its exceptions for held views,
// which settle's rules do not need.
func (f *frame) between(c cue) (int, bool) {
	t := f.toks
	k, passive := c.i, false
	for k > 0 {
		w := t[k-1].w
		if !(betweenWords[w] || lyAdverb(t[k-1]) || w == "twice") || f.capitalName(k-1) {
			break
		}
		passive = passive || beForms[w]
		k--
	}
	for m := c.i; m+1 < c.j; m++ {
		passive = passive || beForms[t[m].w]
	}
	return k, passive
}

// opensClause reports whether only a conjunction, a connective phrase or
// punctuation comes before token i ("But, according to…", "In addition,
// according to…", "(According to…", "because, according to Trump, …").
func (f *frame) opensClause(i int) bool {
	t := f.toks
	p := i - 1
	for p >= 0 && t[p].kind&kPunct != 0 && !isClosingQuote(t[p].w) {
		p--
	}
	return p < 0 || clauseOpener[t[p].w]
}

// clauseOpener are the conjunctions and the ends of connective phrases
// after which a clause begins.
var clauseOpener = set("but", "and", "yet", "so", "or", "because", "after", "while", "that", "since", "if",
	"although", "though", "when", "before", "until", "unless", "whereas", "however", "moreover", "meanwhile",
	"still", "instead", "also", "now", "then", "addition", "fact", "short", "sum", "particular", "contrast",
	"turn", "example", "instance", "result", "theory", "practice")

// asClause reports whether the cue c with its source starting at np is a
// comment clause opened by "as" after a comma, a dash or a parenthesis
// ("…, as some liberals hope, …", "… - as Rubio has said - …") with
// nothing of its own to report after it: what it reports is the clause
// before.
func (f *frame) asClause(c cue, np int) bool {
	t := f.toks
	if np < 2 || t[np-1].w != "as" || !f.enoughBefore(np-2) {
		return false
	}
	switch t[np-2].w {
	case ",", "—", "--", "-", "(":
	default:
		return false
	}
	// "given that, as The Times reported, he has…": the clause the
	// comment is set into has only begun, and follows
	if np >= 3 && (t[np-3].w == "that" || npStop[t[np-3].w] && !isPunct(t[np-3].w)) {
		return false
	}
	// "as he called for greater ethics" reports its own object
	return c.j >= len(t) || t[c.j].w == "-" || f.clauseEndsAfter(c.j, false) || f.noContentAfter(c.j, false)
}

// raising are verbs whose subject reports nothing ("seems", "appears").
var raising = set("seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing")

// ingLink are the words that tie a gerund or participle to the clause
// before it.
var ingLink = set("by", "before", "after", "while", "when", "without", "in", "from", "since", "for")

// verbPhraseFragment reports whether the phrase at np, found before a cue,
// is the tail of a verb phrase: it follows an auxiliary, an adverb or a
// relative pronoun and begins with a lower-case word that is no
// determiner, pronoun or number.
func verbPhraseFragment(t []tok, np int) bool {
	w := t[np].w
	if t[np].raw != w || determiners[w] || pronouns[w] || isPunct(w) || w[0] >= '0' && w[0] <= '9' {
		return false
	}
	p := t[np-1].w
	return betweenWords[p] || modals[p] || relPronouns[p]
}

var determiners = set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
	"these", "those", "that", "some", "many", "most", "several", "other", "others", "all", "both",
	"each", "every", "any", "no", "few", "more", "one", "two", "three", "four", "five", "top", "senior")

// topicPrep introduce what a passive cue is about ("was asked about the
// loan", "are worried about the economy"): the content follows.
var topicPrep = set("about", "of", "on", "over", "for", "with", "to", "as", "into", "that")

var modals = set("will", "would", "can", "could", "should", "may", "might", "must", "shall")

// sentenceAdverb are adverbs without the -ly that may sit between a
// subject and its verb ("perhaps recognizing").
var sentenceAdverb = set("perhaps", "probably", "apparently", "allegedly", "reportedly", "not", "only", "never", "also", "soon")

// participle reports whether w looks like a past participle, which after
// a form of "be" makes a passive ("was asked"), unlike an adjective or a
// progressive ("was critical of", "is calling for").
func participle(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

var irregularParticiples = set("told", "said", "known", "seen", "thought", "shown", "written", "given",
	"made", "taken", "heard", "held", "found", "brought", "understood", "felt", "meant", "sought", "taught")

var beForms = set("is", "was", "are", "were", "be", "been", "being")

var relPronouns = set("who", "which", "whose")

// capitalName reports whether token k is capitalised inside the sentence,
// a name rather than a function word ("Instead, Will called for…").
func (f *frame) capitalName(k int) bool {
	return k > 0 && f.toks[k].raw != f.toks[k].w && !isPunct(f.toks[k].w) && f.toks[k-1].w != "“" && f.toks[k-1].w != "\""
}

// subject returns the noun phrase that opens the sentence, after
// discourse words and opening quotes: the usual speaker when the cue is
// far from its subject.
func (f *frame) subject() (int, int) {
	t := f.toks
	i := datelineEnd(t)
	for i < len(t) && (isPunct(t[i].w) || discourse[t[i].w]) {
		i++
	}
	// "During the debate, Cruz made…", "Noting that…, Tester added":
	// the subject follows the opening phrase's comma. The phrase may come
	// in pieces ("On Wednesday, however, the director…", "At a rally in
	// Ames, Iowa, on Sunday, Mrs. Clinton…"), so a few are skipped.
	skipped := false
	for range 4 {
		if i >= len(t) {
			break
		}
		w := t[i].w
		opener := npStopForward[w] || adverbialStart[w] || discourse[w] || w == "here" || w == "there" || strings.HasSuffix(w, "ing") ||
			// "Similarly, William J. Bennett…"
			len(w) > 4 && strings.HasSuffix(w, "ly") && i+1 < len(t) && t[i+1].w == ","
		// "…in Portsmouth, N.H., on Tuesday": the state after a place
		place := skipped && placeTail(t, i)
		if !opener && !place {
			break
		}
		moved := false
		for k := i + 1; k < len(t) && k < i+25; k++ {
			if t[k].w == "," {
				i = k + 1
				for i < len(t) && isPunct(t[i].w) {
					i++
				}
				moved = true
				break
			}
		}
		if !moved {
			break
		}
		skipped = true
	}
	j := f.npForward(i)
	if j-i > 8 {
		j = i + 8
	}
	return i, j
}

// datelineEnd returns the first token after a dateline that opens the
// sentence ("WASHINGTON —", "ORLANDO, Fla. (Reuters) -", "WASHINGTON,
// Dec. 8 (UPI) —"), or 0 when there is none: a place in capitals, then
// a dash within a few tokens.
func datelineEnd(t []tok) int {
	if len(t) < 3 || !allCaps(t[0].raw) {
		return 0
	}
	for k := 1; k < len(t) && k < 12; k++ {
		switch t[k].w {
		case "—", "--", "-", "―", "–":
			return k + 1
		case ".", "!", "?", ";", ":":
			return 0
		}
	}
	return 0
}

// allCaps: a word of at least three letters, all upper case.
func allCaps(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// placeTail reports whether token i starts the state or country that
// follows a place name and a comma ("Ames, Iowa,", "Portsmouth, N.H.,"):
// one or two capitalised words, or an abbreviation, then a comma.
func placeTail(t []tok, i int) bool {
	n := 0
	for k := i; k < len(t) && k < i+3; k++ {
		if t[k].w == "," {
			return n > 0 && (n == 1 && strings.HasSuffix(t[i].raw, ".") || usStates[t[i].w] || n == 2 && usStates[t[i].w+" "+t[i+1].w])
		}
		if t[k].raw == t[k].w || isPunct(t[k].w) {
			return false
		}
		n++
	}
	return false
}

var usStates = set("alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
	"delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
	"kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
	"mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
	"new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
	"pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
	"vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming")

var discourse = set("but", "and", "so", "however", "still", "meanwhile", "instead", "yet", "also", "now", "then")

// appositionStart finds, for the comma at c that closes an apposition,
// where the name before the apposition begins: just after a closing quote
// or a comma that ends the content, with one comma between. It returns -1
// when the shape does not fit.
//
// With many, a speaker after a closed quotation may also carry several
// commas: a title, an age, a home town and a relative clause ("…,” Harry
// Bond, 30, of Raleigh, N.C., who was among those polled, said").
// Without a quotation more commas more often close clauses of the
// content, so one apposition only.
func (f *frame) appositionStart(c int, many bool) int {
	t := f.toks
	commas := 0
	reach := 24
	if many {
		reach = 40
	}
	for k := c - 1; k > 0 && k > c-reach; k-- {
		w := t[k].w
		if isClosingQuote(w) || w == "," && k > 0 && isClosingQuote(t[k-1].w) {
			if k+1 < c && (commas == 1 && c-k < 24 || many && commas > 1 && f.quoteClosesAt(k)) {
				return k + 1
			}
			return -1
		}
		if w == "," {
			commas++
			if commas > 1 && !many {
				return -1
			}
		}
		// the end of a clause, or past the first apposition another
		// quotation or cue: the words before the cue are no name
		if w == "." || w == ";" || w == ":" || commas > 1 && (isOpeningQuote(w) || isCueWord(f.lex, w)) {
			return -1
		}
	}
	return -1
}

// invertible are the cues that put their source after them ("said Smith").
var invertible = set("said", "says", "say", "added", "adds", "wrote", "writes", "told", "asked",
	"continued", "explained", "noted", "recalled", "argued", "insisted", "warned", "declared",
	"tweeted", "replied", "responded", "acknowledged", "conceded", "predicted", "stated", "observed")

// clauseEndsAfter reports whether the clause ends right after the cue at
// j (after the source, when it follows the cue), or after no more than an
// adverbial ("in a statement", "on Tuesday", "to reporters"): the sign of
// a cue placed after its content ("…, Smith said on Tuesday.") rather than
// before it ("…, Smith said the plan failed").
func (f *frame) clauseEndsAfter(j int, inverted bool) bool {
	t := f.toks
	k := j
	if inverted || recipient[t[j-1].w] {
		k = f.npForward(j)
	}
	if k+1 < len(t) && (t[k].w == "," || t[k].w == ":") && opensQuoteAfterComma(t[k+1].w) {
		// "Trump added, “Sheldon knows…”": the quotation that follows
		// is the content.
		return false
	}
	if k >= len(t) || clauseEnd(t[k].w) || inverted && k > j && relPronouns[t[k].w] {
		return true
	}
	if !adverbialStart[t[k].w] || inverted && t[k].w == "to" {
		return false // "said Trump campaign strategists plan to…" is no inversion
	}
	for n := k; n < len(t) && n < k+9; n++ {
		w := t[n].w
		if clauseEnd(w) {
			// "Mr. Trump said of the episode, ''I don't like it''": the
			// quotation after the adjunct is the content.
			return !(n+1 < len(t) && (w == "," || w == ":") && opensQuoteAfterComma(t[n+1].w))
		}
		if w == "that" || w == ":" || isQuote(w) {
			return false
		}
	}
	return false
}

// quoteClosesAt reports whether a quotation closes at token b (or at the
// token before b when b is a comma): "“…,” he said".
func (f *frame) quoteClosesAt(b int) bool {
	t := f.toks
	if b >= 0 && b < len(t) && isClosingQuote(t[b].w) && t[b].w != "'" && t[b].w != "’" {
		return true
	}
	return b > 0 && b < len(t) && t[b].w == "," && isClosingQuote(t[b-1].w) && t[b-1].w != "'" && t[b-1].w != "’"
}

// afterQuoteNoContent decides, for a cue whose source follows a closing
// quotation ("…,” Carson told ABC’s George Stephanopoulos by phone."),
// whether the quotation is its content: it is unless a content of its own
// opens after the cue — a "that" right after it (or after whom it
// addresses), a colon, or a quotation opened after a comma. Whatever else
// follows (a recipient, an occasion, a long adjunct) is news copy's
// placing of the speaker.
func (f *frame) afterQuoteNoContent(j int, inverted bool) bool {
	t := f.toks
	k := j
	if inverted || recipient[t[j-1].w] {
		k = f.npForward(j)
	}
	if k < len(t) && t[k].w == "that" {
		return false
	}
	for n := k; n < len(t); n++ {
		w := t[n].w
		if w == ":" || w == "," && n+1 < len(t) && opensQuoteAfterComma(t[n+1].w) {
			return false
		}
	}
	return true
}

// noContentAfter reports whether nothing that could be a content follows
// the cue ending at j (past the source when inverted, past whom a
// "told" addresses): no "that", colon or quotation opens within a few
// tokens, and what follows is an adjunct ("of the German leader's plan",
// "during the debate", "over the phone") or the end of the clause. (After
// a closing quotation afterQuoteNoContent decides, however long the
// adjunct.)
func (f *frame) noContentAfter(j int, inverted bool) bool {
	t := f.toks
	k := j
	if inverted || recipient[t[j-1].w] {
		k = f.npForward(j)
	}
	if k >= len(t) || clauseEnd(t[k].w) {
		return true
	}
	if !adverbialStart[t[k].w] && t[k].w != "of" && t[k].w != "aloud" {
		return false
	}
	for n := k; n < len(t) && n < k+4; n++ {
		w := t[n].w
		if w == "that" || w == ":" || isOpeningQuote(w) && w != "'" && w != "‘" || w == "," && n+1 < len(t) && opensQuoteAfterComma(t[n+1].w) {
			return false
		}
	}
	return true
}

// opensQuoteAfterComma reports whether w, right after a comma or colon,
// opens a quotation. Copy that marks both ends with two apostrophes (PTB style, the
// New York Times' archive) opens with it too.
func opensQuoteAfterComma(w string) bool {
	return isOpeningQuote(w) && w != "'" || w == "''"
}

// recipient are cues followed by whom they address ("told reporters").
var recipient = set("told", "tells", "tell", "telling", "informed", "assured", "reminded", "warned", "urged")

func clauseEnd(w string) bool {
	return w == "," || w == "." || w == ";" || w == "!" || w == "?" || w == "—" || w == "--" || w == ")"
}

var adverbialStart = set("in", "on", "at", "to", "during", "about", "of", "after", "before",
	"while", "as", "when", "last", "this", "yesterday", "today", "tonight", "earlier", "later",
	"recently", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"from", "with", "by", "afterward", "afterwards", "then", "again", "repeatedly", "privately",
	"publicly", "separately", "via", "through", "told", "adding", "according")

// enoughBefore reports whether the tokens before boundary b can be a
// content: more than a discourse word ("However, Trump said…"). A
// quotation that closes there is content however short ("“They sue,” he
// said"), and so is one that opened in an earlier sentence.
func (f *frame) enoughBefore(b int) bool {
	t := f.toks
	quoted := b < len(t) && isClosingQuote(t[b].w) || b > 0 && t[b].w == "," && isClosingQuote(t[b-1].w)
	n := 0
	for k := 0; k < b; k++ {
		if !isPunct(t[k].w) {
			n++
		}
	}
	return n >= 3 || quoted && n >= 1
}

// contentStart skips what sits between a cue and its content: a recipient
// ("told reporters that"), an occasion ("said on CNN that"), up to a
// "that", a colon or an opening quote within a few tokens. Without one of
// those the content starts right after the cue.
func (f *frame) contentStart(j int) int {
	t := f.toks
	for k := j; k < len(t) && k < j+8; k++ {
		w := t[k].w
		switch {
		case w == "that" || isOpeningQuote(w):
			return k
		case w == ":" || w == "," && k+1 < len(t) && opensQuoteAfterComma(t[k+1].w):
			return k + 1
		case w == "," || w == "." || w == ";" || isCueWord(f.lex, w):
			return j
		}
	}
	return j
}

// contentAfter is the content from token from up to token end (exclusive),
// without a final full stop unless a quotation closes after it.
func (f *frame) contentAfter(from, end int) (int, int) {
	t := f.toks
	for end > from && (t[end-1].w == "." || t[end-1].w == "," || t[end-1].w == ";" || t[end-1].w == ":" || t[end-1].w == "—") {
		end--
	}
	if end <= from {
		return 0, 0
	}
	return t[from].s, t[end-1].e
}

// contentBefore is the content that ends at a post cue's boundary: the
// sentence up to the comma (kept inside a closing quote, dropped
// otherwise), reaching back into earlier sentences when a quotation
// opened there.
func (f *frame) contentBefore(a *analysis) (int, int) {
	t := f.toks
	b := a.boundary
	end := b // exclusive token index
	if b >= 0 && b < len(t) && isClosingQuote(t[b].w) {
		end = b + 1
	}
	for end > 0 && (t[end-1].w == "," || t[end-1].w == "—" || t[end-1].w == "--") {
		end--
	}
	if end <= 0 {
		return 0, 0
	}
	start := t[0].s
	if t[0].w == "but" || t[0].w == "and" {
		if len(t) > 1 && 1 < end {
			start = t[1].s
		}
	}
	e := t[end-1].e
	if q := f.openedEarlier(start, e); q >= 0 {
		start = q
	}
	return start, e
}

// sentenceOpensWith reports whether only punctuation precedes token k.
func (f *frame) sentenceOpensWith(k int) bool {
	for i := 0; i < k; i++ {
		if !isPunct(f.toks[i].w) {
			return false
		}
	}
	return true
}

// quoteBefore returns the quotation that ends the previous sentence, from
// its opening mark (searched up to six sentences back) to its closing
// one; 0, 0 when that sentence does not end in a quotation.
func (f *frame) quoteBefore() (int, int) {
	if !f.qbDone {
		f.qbDone = true
		f.qbS, f.qbE = f.findQuoteBefore()
	}
	return f.qbS, f.qbE
}

func (f *frame) findQuoteBefore() (int, int) {
	if f.si == 0 {
		return 0, 0
	}
	prev := f.sents[f.si-1]
	if strings.TrimSpace(f.text[prev.End:f.sents[f.si].Start]) != "" {
		return 0, 0
	}
	body := strings.TrimRight(f.text[prev.Start:prev.End], " \t\r\n")
	end := prev.Start + len(body)
	var open string
	var qlen int
	switch {
	case strings.HasSuffix(body, "”"):
		open, qlen = "“", len("”")
	case strings.HasSuffix(body, "''"):
		open, qlen = "``", 2
	case strings.HasSuffix(body, "\""):
		open, qlen = "\"", 1
	default:
		return 0, 0
	}
	from := f.sents[max(0, f.si-6)].Start
	seg := f.text[from : end-qlen]
	i := lastIndex(seg, open)
	if i < 0 && open == "``" {
		// Some PTB-style copy opens with '' too.
		open = "''"
		i = lastIndex(seg, open)
	}
	if i < 0 {
		return 0, 0
	}
	return from + i, end
}

// openedEarlier returns where a quotation that closes in text[start:end]
// without opening there began, searching back up to six sentences; -1
// when it is balanced or no opening is found.
func (f *frame) openedEarlier(start, end int) int {
	seg := f.text[start:end]
	if !unbalancedClose(seg) {
		return -1
	}
	for k := f.si - 1; k >= 0 && k >= f.si-6; k-- {
		s := f.sents[k]
		body := f.text[s.Start:s.End]
		if i := lastOpening(body); i >= 0 {
			return s.Start + i
		}
	}
	return -1
}

// unbalancedClose reports whether seg closes a quotation it did not open.
func unbalancedClose(seg string) bool {
	open := strings.Count(seg, "“") + strings.Count(seg, "``")
	closed := strings.Count(seg, "”") + strings.Count(seg, "''")
	if closed > open {
		return true
	}
	if open == 0 && closed == 0 {
		n := strings.Count(seg, "\"")
		return n%2 == 1 && !strings.HasPrefix(strings.TrimSpace(seg), "\"")
	}
	return false
}

// lastOpening is the offset in body of the last quotation mark that opens
// a quotation still open at the end of body, or -1.
func lastOpening(body string) int {
	if i := lastIndex(body, "“"); i >= 0 && !strings.Contains(body[i:], "”") {
		return i
	}
	if i := lastIndex(body, "``"); i >= 0 && !strings.Contains(body[i:], "''") {
		return i
	}
	if strings.Count(body, "\"")%2 == 1 {
		return strings.LastIndexByte(body, '"')
	}
	return -1
}

// lastIndex is strings.LastIndex for a non-empty sub, found from the
// occurrences of its last byte rather than by LastIndex's rolling hash,
// which hashed every byte of the sentences searched for a quotation mark:
// 0.4% of the chain's instructions (cachegrind, 40 PolNeAR dev articles).
func lastIndex(s, sub string) int {
	n := len(sub)
	last := sub[n-1]
	for j := len(s); ; {
		i := strings.LastIndexByte(s[:j], last)
		if i < 0 {
			return -1
		}
		if i+1 >= n && s[i+1-n:i+1] == sub {
			return i + 1 - n
		}
		j = i
	}
}

// npBackward returns the first token of the noun phrase that ends just
// before token k: names, titles, determiners and nouns back to a clause
// boundary, at most 10 tokens.
func (f *frame) npBackward(k int) int {
	t := f.toks
	i := k
	for i > 0 && k-i < 12 {
		w := t[i-1].w
		if w == ")" {
			// "Sen. Bernie Sanders (I-Vt.)": take the parenthesis whole.
			o := i - 1
			for o > 0 && o > i-8 && t[o].w != "(" {
				o--
			}
			if t[o].w == "(" {
				i = o
				continue
			}
		}
		if w == "'s" || w == "’s" || w == "-" || w == "." && i >= 2 && !isPunct(t[i-2].w) && abbrevLike(t[i-2].raw) {
			i--
			continue
		}
		if isPunct(w) || (npStop[w] || isCueWord(f.lex, w)) && !f.capitalName(i-1) {
			if w == "with" && i > 1 && t[i-2].w == "familiar" {
				i--
				continue
			}
			// "an aide to the mayor", "a spokesman for the company", "a
			// source close to the family": the speaker is the whole phrase,
			// not the one it serves.
			if i > 1 && speakerOf[w] && (unnamedHeads[t[i-2].w] || servingHeads[t[i-2].w] || w == "to" && t[i-2].w == "close") {
				i--
				continue
			}
			break
		}
		i--
	}
	// A phrase that stopped on the length limit is unreliable; keep the
	// last few words, which hold the head.
	if k-i >= 12 {
		i = k - 4
	}
	// "(D-Conn.)" may end the phrase, but never begin it.
	for i < k && (t[i].w == ")" || t[i].w == "'s" || t[i].w == "’s" || t[i].w == "(") {
		i++
	}
	return i
}

// articles alone are no source (attributions)
var articles = set("the", "a", "an")

// speakerOf are the prepositions that join one who speaks for someone to
// that someone; servingHeads, with unnamedHeads, the nouns that do.
var (
	speakerOf    = set("to", "for", "with", "at")
	servingHeads = set("lawyer", "lawyers", "attorney", "attorneys", "representative", "representatives",
		"assistant", "assistants", "deputy", "counsel", "consultant", "consultants", "strategist",
		"strategists", "friend", "friends", "relative", "relatives", "partner", "partners")
)

// abbrevLike: a short capitalised word a stop may follow inside a name.
func abbrevLike(w string) bool { return len(w) <= 4 && w != strings.ToLower(w) }

// npForward returns the end of the noun phrase starting at token k: up to
// a comma, a full stop or a clause word; a parenthesis stays in.
func (f *frame) npForward(k int) int {
	t := f.toks
	j := k
	depth := 0
	for j < len(t) && j-k < 14 {
		w := t[j].w
		if w == "(" {
			depth++
		} else if w == ")" && depth > 0 {
			depth--
		} else if depth == 0 && (isPunct(w) || npStopForward[w] || isCueWord(f.lex, w)) {
			break
		}
		j++
	}
	return j
}

// isCueWord reports whether w is a common cue word, which ends a noun
// phrase: the lexicon's rate rule, cheaper than the model and context-free.
func isCueWord(l *lex, w string) bool { return l.isHead(w) }

// betweenWords may sit between a source and its cue.
var betweenWords = set("has", "have", "had", "also", "later", "then", "previously", "repeatedly",
	"would", "will", "could", "may", "might", "once", "often", "recently", "already", "never",
	"again", "earlier", "separately", "publicly", "privately", "frequently", "first", "still",
	"just", "even", "specifically", "simply", "openly", "initially", "quickly", "immediately",
	"did", "does", "do", "not", "n't", "is", "was", "were", "are", "been", "has", "told",
	"reportedly", "further", "flatly", "angrily", "told", "last", "yesterday", "today",
	"tonight", "recently", "finally", "clearly", "essentially", "basically", "also", "had", "long")

// betweenMaybe filters betweenWords for subjectBefore, which asks it of
// the word before every candidate: most words are turned away without a
// map lookup.
var betweenMaybe = filterOf(betweenWords)

var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"week", "month", "year", "night", "morning", "evening", "afternoon", "weekend")

// npStop ends a noun phrase scanned backwards: clause words, verbs that
// cannot be inside one, prepositions that rarely are.
var npStop = set("that", "which", "who", "whom", "whose", "and", "but", "or", "because", "when",
	"while", "as", "if", "after", "before", "than", "where", "since", "so", "although", "though",
	"whether", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "in", "on",
	"at", "with", "during", "for", "from", "by", "to", "about", "into", "over", "under", "against",
	"what", "how", "why", "not", "do", "does", "did", "will", "would", "can", "could", "should",
	"may", "might", "must", "also", "then", "there", "here", "however", "meanwhile", "now", "yet",
	"nor", "said", "says", "say", "told", "like", "unlike", "upon", "through", "until", "without",
	"toward", "towards", "across", "among", "between", "behind", "via", "per", "amid", "despite")

var npStopForward = set("that", "which", "who", "whose", "and", "but", "because", "when", "while", "as", "if",
	"after", "before", "in", "on", "at", "during", "for", "from", "to", "about", "is", "was",
	"are", "were", "will", "would", "could", "can", "should", "may", "might", "must", "have", "has",
	"had", "said", "says", "told", "last", "this", "yesterday", "today", "earlier", "adding",
	"referring", "noting", "saying", "explaining", "pointing", "calling", "citing")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func isPunct(w string) bool {
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isQuote(w string) bool { return isOpeningQuote(w) || isClosingQuote(w) }

func isOpeningQuote(w string) bool {
	return w == "“" || w == "``" || w == "‘" || w == "\"" || w == "'"
}

func isClosingQuote(w string) bool {
	return w == "”" || w == "''" || w == "’" || w == "\"" || w == "'"
}

// direct reports whether the content is a quotation: it begins (after an
// optional "that") and ends with quote marks.
func direct(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "that ")
	open := strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "``") || strings.HasPrefix(s, "‘") || strings.HasPrefix(s, "''")
	end := strings.TrimRight(s, ".,;: ")
	closed := strings.HasSuffix(end, "”") || strings.HasSuffix(end, "\"") || strings.HasSuffix(end, "''") || strings.HasSuffix(end, "’")
	return open && closed
}

// needsLower reports whether lower(s) differs from s, or may.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// appendLower appends lower(s) to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// lyAdverb reports whether tk is an adverb in -ly written in lower case
// ("methodically", "openly"), which sits between a subject and its verb
// as an auxiliary does.
func lyAdverb(tk tok) bool {
	return len(tk.w) > 4 && strings.HasSuffix(tk.w, "ly") && tk.raw == tk.w && !lyNouns[tk.w]
}

// lyNouns end in -ly but are nouns that end a speaker's phrase ("the
// family said", "the weekly reported"), not adverbs to skip.
var lyNouns = set("family", "assembly", "supply", "rally", "monopoly", "anomaly", "bully", "tally", "folly",
	"reply", "daily", "weekly", "monthly", "quarterly", "yearly", "biweekly", "elderly", "homily")

// Package entity finds named entities in news text: people, organisations,
// places and news outlets. A small averaged-perceptron tagger of our own,
// trained on openly licensed data (see cmd/nertrain) and embedded in the
// binary, proposes mentions; rules for outlets, titles and well-known
// bodies adjust them; mentions are then resolved within the document to
// entities ("Sessions" → "Jeff Sessions").
package entity

import (
	_ "embed"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

//go:embed model.bin
var modelData []byte

var defaultModel = sync.OnceValue(func() *Model {
	m, err := UnmarshalModel(modelData)
	if err != nil {
		// The file is built and tested with the code; a bad one is a
		// build defect, not an input error.
		panic("entity: embedded model: " + err.Error())
	}
	return m
})

var taggers = sync.Pool{New: func() any { return &tagger{} }}

// Recognize finds the entity mentions of text, whose sentences are given
// as byte spans (nil means one sentence), and resolves them to
// document-level entities. Mentions are sorted and never overlap; each
// Mention.Entity is the Name of one of the returned entities.
func Recognize(text string, sentences []dateline.Span) ([]dateline.Mention, []dateline.Entity) {
	return recognizeWith(defaultModel(), text, sentences)
}

// sent is one sentence as tokens and their words.
type sent struct {
	toks  []token
	words []string
	// types are the words' types; prepare, which makes every sent, always
	// sets them, so the rules read case and lexicon classes from them.
	types []wordType
	tags  []int
	caps  bool // isCapsTyped(types)
}

func recognizeWith(m *Model, text string, sentences []dateline.Span) ([]dateline.Mention, []dateline.Entity) {
	// The tagger's buffers serve the whole call, rules included.
	tg := taggers.Get().(*tagger)
	defer taggers.Put(tg)
	defer tg.done()
	sents := tg.prepare(m, text, sentences)
	allTags := slices.Grow(tg.allTags[:0], len(tg.words))
	from := 0
	for i := range sents {
		n := len(sents[i].words)
		allTags = append(allTags, tg.tagCaps(sents[i].words, sents[i].types, sents[i].caps)...)
		sents[i].tags = allTags[from : from+n : from+n]
		from += n
	}
	tg.allTags = allTags
	cands := collect(text, sents, tg.tt.flags, tg.cands[:0], &tg.candBuf)
	tg.cands = cands
	return resolve(text, sents, cands)
}

// prepare tokenises text into its sentences and computes the document's
// word types and casing facts, readying tg to tag the sentences with m.
// The casing facts of a word are in tg.tt.flags[id], for the id of its
// type; the types do not hold them.
func (tg *tagger) prepare(m *Model, text string, sentences []dateline.Span) []sent {
	spans := cleanSpans(tg.spans[:0], text, sentences)
	tg.spans = spans
	sents := slices.Grow(tg.sents[:0], len(spans))
	// One backing array for all tokens and words of the document.
	all := tokenize(tg.toks[:0], text, 0, 0)
	nwords := 0
	for _, sp := range spans {
		from := len(all)
		all = tokenize(all, text, sp.Start, sp.End)
		if len(all) > from {
			sents = append(sents, sent{toks: all[from:len(all):len(all)]})
			nwords += len(all) - from
		}
	}
	tg.toks = all
	words := slices.Grow(tg.words[:0], nwords)
	types := slices.Grow(tg.types[:0], nwords)
	tt := &tg.tt
	tt.reset(nwords)
	for i := range sents {
		from := len(words)
		for _, t := range sents[i].toks {
			words = append(words, ptbWord(text[t.start:t.end]))
		}
		sents[i].words = words[from:len(words):len(words)]
		types = tt.appendTypes(types, sents[i].words)
		st := types[from:]
		// Gathered per type first: the map sees each type once, not
		// each occurrence.
		sents[i].caps = isCapsTyped(st)
		docFlagsTyped(sents[i].words, st, sents[i].caps, tt.flags)
	}
	tg.words, tg.types = words, types
	nflagged := 0
	for _, f := range tt.flags {
		if f != 0 {
			nflagged++
		}
	}
	lf := &tg.lowerFlags
	lf.reset(nflagged)
	for k, f := range tt.flags {
		if f != 0 {
			*lf.at(tt.types[k].lower) |= f
		}
	}
	// The casing facts are final now: look them up once per type. The
	// words' copies of their types keep none: they are read through
	// their ids (sentenceInfoCaps).
	for k := range tt.types {
		tt.flags[k] = lf.get(tt.types[k].lower)
	}
	from := 0
	for i := range sents {
		n := len(sents[i].words)
		sents[i].types = types[from : from+n : from+n]
		from += n
	}
	tg.sents = sents
	tg.reset(m)
	tg.start(len(tt.types))
	return sents
}

// cleanSpans appends to out the sentence spans made safe to use: inside
// the text, on rune boundaries, sorted and disjoint.
func cleanSpans(out []dateline.Span, text string, in []dateline.Span) []dateline.Span {
	if in == nil {
		return append(out, dateline.Span{Start: 0, End: len(text)})
	}
	for _, s := range in {
		st, en := max(s.Start, 0), min(s.End, len(text))
		for st < en && !utf8.RuneStart(text[st]) {
			st++
		}
		for en < len(text) && en > st && !utf8.RuneStart(text[en]) {
			en--
		}
		if st < en {
			out = append(out, dateline.Span{Start: st, End: en})
		}
	}
	// Sentence splitters give them in order; sort.Slice is not stable,
	// but spans with one start merge into the same span in any order.
	if !slices.IsSortedFunc(out, func(a, b dateline.Span) int { return a.Start - b.Start }) {
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	k := 0
	for _, s := range out {
		if k > 0 && s.Start < out[k-1].End {
			if s.End > out[k-1].End {
				out[k-1].End = s.End
			}
			continue
		}
		out[k] = s
		k++
	}
	return out[:k]
}

// Recognize is Recognize with this model instead of the embedded one; the
// training program uses it to measure a model before it ships.
func (m *Model) Recognize(text string, sentences []dateline.Span) ([]dateline.Mention, []dateline.Entity) {
	return recognizeWith(m, text, sentences)
}

// ptbWord maps the escapes of PTB-tokenised text (Timeline17) to the
// characters they stand for, so features and rules see brackets and quotes.
// Only the words change; offsets still come from the tokens.
func ptbWord(w string) string {
	if len(w) < 2 || (w[0] != '-' && w[0] != '`' && w[0] != '\'') {
		return w
	}
	switch w {
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	case "-LSB-":
		return "["
	case "-RSB-":
		return "]"
	case "-LCB-":
		return "{"
	case "-RCB-":
		return "}"
	case "``", "''":
		return "\""
	}
	return w
}

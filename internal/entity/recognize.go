// Package entity finds named entities in news text: people, organisations,
// places and news outlets. A small averaged-perceptron tagger of our own,
// trained on openly licensed data (see cmd/nertrain) and embedded in the
// binary, proposes mentions; rules for outlets, titles and well-known
// bodies adjust them; mentions are then resolved within the document to
// entities ("Sessions" → "Jeff Sessions").
package entity

import (
	_ "embed"
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
	tags  []int
}

func recognizeWith(m *Model, text string, sentences []dateline.Span) ([]dateline.Mention, []dateline.Entity) {
	spans := cleanSpans(text, sentences)
	sents := make([]sent, 0, len(spans))
	ds := docStats{}
	for _, sp := range spans {
		toks := tokenize(nil, text, sp.Start, sp.End)
		if len(toks) == 0 {
			continue
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = text[t.start:t.end]
		}
		ds.add(words)
		sents = append(sents, sent{toks: toks, words: words})
	}
	tg := taggers.Get().(*tagger)
	tg.m = m
	for i := range sents {
		tags := tg.tag(sents[i].words, ds)
		sents[i].tags = append([]int(nil), tags...)
	}
	taggers.Put(tg)
	cands := collect(text, sents)
	return resolve(text, sents, cands)
}

// cleanSpans makes the sentence spans safe to use: inside the text, on
// rune boundaries, sorted and disjoint.
func cleanSpans(text string, in []dateline.Span) []dateline.Span {
	if in == nil {
		return []dateline.Span{{Start: 0, End: len(text)}}
	}
	out := make([]dateline.Span, 0, len(in))
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
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
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

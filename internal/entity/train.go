package entity

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
)

// TrainOptions control training; the zero value is not useful, start from
// DefaultTrainOptions.
type TrainOptions struct {
	Bits   uint8  // log2 of the number of weight rows
	Epochs int    // passes over the data
	Seed   uint64 // shuffling seed
	// Prune drops quantised weights whose magnitude is below it, to keep
	// the shipped file small.
	Prune int16
	// Gazetteer adds features from the names in the training data itself
	// (learned across folds). Measured on CoNLL testa it lowered typed F1
	// (0.786 → 0.765), so the shipped model is built without it.
	Gazetteer bool
}

// DefaultTrainOptions are the settings the shipped model is built with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Bits: 19, Epochs: 6, Seed: 20170607, Prune: 8}
}

// Corpus is one training file with the number of times each of its
// documents is seen per epoch (weighting the data closest to news).
type Corpus struct {
	Docs   []Doc
	Repeat int
}

// cleanTags prepares gold tags: @-handles are not names in news text, and
// malformed I- tags start a mention.
func cleanTags(s Sentence) []int {
	tags := make([]int, len(s.Words))
	prev := tagO
	for i, w := range s.Words {
		t := tagIndex(s.Tags[i])
		if t < 0 || strings.HasPrefix(w, "@") || strings.HasPrefix(w, "http") {
			t = tagO
		}
		if !allowed(prev, t) {
			t--
		}
		tags[i] = t
		prev = t
	}
	return tags
}

type trainSent struct {
	words []string
	gold  []int
	feats [][]uint64 // static features per word
	infos []wordInfo
}

// Train fits an averaged perceptron with greedy decoding and predicted
// history. Integer updates, a seeded shuffle and bucket-ordered output make
// it deterministic: the same corpora give the same model bytes.
func Train(ctx context.Context, corpora []Corpus, opt TrainOptions) (*Model, error) {
	// Gazetteer features are learned from folds: a document sees only the
	// names of the other folds, as a new text sees only the training names.
	const folds = 5
	var all []Doc
	for _, c := range corpora {
		all = append(all, c.Docs...)
	}
	full := &gazetteer{m: map[uint64]uint8{}}
	var foldGaz [folds]*gazetteer
	for f := range foldGaz {
		foldGaz[f] = &gazetteer{m: map[uint64]uint8{}}
	}
	for j, d := range all {
		full.addDoc(d)
		for f := range foldGaz {
			if j%folds != f {
				foldGaz[f].addDoc(d)
			}
		}
	}
	var sents []*trainSent
	var order []int
	docIndex := 0
	for _, c := range corpora {
		for _, d := range c.Docs {
			gaz := foldGaz[docIndex%folds]
			docIndex++
			if !opt.Gazetteer {
				gaz = nil
			}
			ds := docStats{}
			for _, s := range d {
				ds.add(s.Words)
			}
			for _, s := range d {
				ts := &trainSent{words: s.Words, gold: cleanTags(s)}
				ts.infos = sentenceInfo(nil, s.Words, ds, gaz)
				ts.feats = make([][]uint64, len(s.Words))
				for i := range s.Words {
					ts.feats[i] = staticFeatures(nil, s.Words, ts.infos, i)
				}
				for r := 0; r < max(c.Repeat, 1); r++ {
					order = append(order, len(sents))
				}
				sents = append(sents, ts)
			}
		}
	}
	n := (1 << opt.Bits) * numTags
	mask := uint64(1)<<opt.Bits - 1
	w := make([]int32, n)
	total := make([]int64, n)
	stamp := make([]int32, n)
	step := int32(1)
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	var feats []uint64
	update := func(f []uint64, c int, d int32) {
		for _, h := range f {
			k := int((h&mask)*numTags) + c
			total[k] += int64(step-stamp[k]) * int64(w[k])
			stamp[k] = step
			w[k] += d
		}
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			t1, t2 := tagO, tagO
			for i := range s.words {
				feats = append(feats[:0], s.feats[i]...)
				feats = historyFeatures(feats, s.infos, i, t1, t2)
				var sc [numTags]int32
				for _, h := range feats {
					row := w[(h&mask)*numTags:]
					for c := 0; c < numTags; c++ {
						sc[c] += row[c]
					}
				}
				guess := best(&sc, t1)
				if g := s.gold[i]; guess != g {
					update(feats, g, 1)
					update(feats, guess, -1)
				}
				step++
				t2, t1 = t1, guess
			}
		}
	}
	// Average, then quantise to int16 against the largest magnitude.
	avg := make([]float64, n)
	maxAbs := 0.0
	for k := range w {
		total[k] += int64(step-stamp[k]) * int64(w[k])
		avg[k] = float64(total[k]) / float64(step)
		if a := math.Abs(avg[k]); a > maxAbs {
			maxAbs = a
		}
	}
	m := newModel(opt.Bits)
	if opt.Gazetteer {
		m.gaz = full
	}
	if maxAbs == 0 {
		return m, nil
	}
	scale := 32000 / maxAbs
	for k, a := range avg {
		q := math.Round(a * scale)
		if math.Abs(q) < float64(opt.Prune) {
			q = 0
		}
		m.w[k] = int16(q)
	}
	m.index()
	return m, nil
}

// DefaultWikiRepeat is how often wikigold, the only edited prose among the
// open corpora, is seen per epoch.
const DefaultWikiRepeat = 4

// OpenCorpora reads the training files under dir (../shared/data/ner/open):
// wikigold, and the train and dev splits of btc and wnut17. Their test
// splits are left for measuring.
func OpenCorpora(ctx context.Context, dir string, wikiRepeat int) ([]Corpus, error) {
	files := []struct {
		path   string
		repeat int
	}{
		{"wikigold/train.conll.gz", wikiRepeat},
		{"btc/train.conll.gz", 1},
		{"btc/dev.conll.gz", 1},
		{"wnut17/train.conll.gz", 1},
		{"wnut17/dev.conll.gz", 1},
	}
	var out []Corpus
	for _, f := range files {
		docs, err := ReadCoNLLFile(ctx, filepath.Join(dir, f.path))
		if err != nil {
			return nil, err
		}
		out = append(out, Corpus{Docs: docs, Repeat: f.repeat})
	}
	return out, nil
}

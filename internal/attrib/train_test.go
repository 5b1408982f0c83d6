package attrib

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var (
	trainModel = flag.Bool("train", false, "retrain cuemodel.bin from PolNeAR train")
	holdout    = flag.Bool("holdout", false, "with -train: hold every fifth train text out and print head P/R by threshold instead of writing the model")
	fold       = flag.Int("fold", 4, "with -holdout: which fifth of train to hold out (text index mod 5)")
	epochs     = flag.Int("epochs", 5, "with -train: perceptron epochs")
	algo       = flag.String("algo", "perceptron", "with -train: perceptron or lr (logistic regression)")
	label      = flag.String("label", "any", "with -train: a token is positive when it is inside a gold cue (any) or ends one (head)")
	minFeat    = flag.Int("minfeat", 10, "with -train: drop features seen fewer times")
)

type example struct {
	feats []uint64
	y     bool
}

// TestTrainCueModel retrains cuemodel.bin with -train: an averaged
// perceptron over the candidate tokens of PolNeAR train (first annotator
// of each text), the label being whether the token lies inside a gold cue.
// Labelling every word of a cue rather than its last one lets "said" in
// "said in a statement" count as a cue word; on five-fold cross-validation
// of train it raised cue F1 by about a point once neighbouring cue words
// are joined (findCues). With -holdout -fold k the model and the lexicon
// are learned without fold k and written to the temporary folder for
// TestPolNeAR (ATTRIB_HOLDOUT, ATTRIB_FOLD).
func TestTrainCueModel(t *testing.T) {
	if !*trainModel {
		t.Skip("run with -train to rebuild cuemodel.bin")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", "train")
	golds, _, err := attribeval.GoldFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	lx := lexicon()
	if *holdout {
		// The lexicon's rates are features: count them without the
		// held-out texts too, or they leak the answers.
		tsv := countLexicon(t, dir, func(gi int) bool { return gi%5 != *fold })
		if err := os.WriteFile(holdoutPath(*fold, "tsv"), []byte(tsv), 0o644); err != nil {
			t.Fatal(err)
		}
		lx = parseLexicon(tsv)
	}
	var exs, held []example
	for gi, g := range golds {
		tb, err := os.ReadFile(filepath.Join(dir, "text", g.Name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(tb)
		f, _ := os.Open(g.Path)
		doc, err := brat.Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		byteOf := brat.ByteOffsets(text)
		inCue := make([]bool, len(text)+1)
		for _, r := range doc.Relations() {
			if r.Cue == nil {
				continue
			}
			for _, rg := range r.Cue.Ranges {
				if rg.End < len(byteOf) {
					for b := byteOf[rg.Start]; b < byteOf[rg.End]; b++ {
						inCue[b] = true
					}
				}
			}
		}
		var toks []tok
		var qs []bool
		for _, s := range sentence.Split(text) {
			toks = tokenize(text, s, toks[:0])
			qs = quoteState(toks, qs[:0])
			for i := range toks {
				// the head is the last word of the cue; a colon the cue
				// ends with ("said:") does not count
				in := func(k int) bool { return k < len(toks) && inCue[toks[k].s] }
				y := in(i) && !isPunct(toks[i].w)
				if *label == "head" {
					y = y && (!in(i+1) || isPunct(toks[i+1].w) && !in(i+2))
				}
				// train on the tokens Find scores: words seen as cue heads
				if isPunct(toks[i].w) || !lx.seen(toks[i].w) {
					continue
				}
				e := example{feats: features(nil, lx, toks, i, qs[i]), y: y}
				if *holdout && gi%5 == *fold {
					held = append(held, e)
				} else {
					exs = append(exs, e)
				}
			}
		}
	}
	// Features seen fewer than minFeat times are noise the perceptron
	// would memorise; drop them.
	freq := map[uint64]int{}
	for _, e := range exs {
		for _, f := range e.feats {
			freq[f]++
		}
	}
	for k := range exs {
		kept := exs[k].feats[:0]
		for _, f := range exs[k].feats {
			if freq[f] >= *minFeat {
				kept = append(kept, f)
			}
		}
		exs[k].feats = kept
	}
	var avg map[uint64]float32
	if *algo == "lr" {
		avg = trainLR(exs, *epochs)
	} else {
		avg = trainPerceptron(exs, *epochs)
	}
	if *holdout {
		if err := os.WriteFile(holdoutPath(*fold, "bin"), encodeModel(avg), 0o644); err != nil {
			t.Fatal(err)
		}
		m := &model{w: avg}
		for _, th := range []float32{-8, -6, -4, -3, -2, -1, 0, 1, 2} {
			tp, fp, fn := 0, 0, 0
			for _, e := range held {
				p := m.score(e.feats) > th
				switch {
				case p && e.y:
					tp++
				case p:
					fp++
				case e.y:
					fn++
				}
			}
			pr, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			t.Logf("threshold %5.1f  P %.3f R %.3f F1 %.3f", th, pr, rc, 2*pr*rc/(pr+rc))
		}
		return
	}
	if err := os.WriteFile("cuemodel.bin", encodeModel(avg), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d examples, %d weights", len(exs), len(avg))
}

// holdoutPath is where a held-out run keeps its model or lexicon for
// TestPolNeAR to load.
func holdoutPath(fold int, ext string) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("attrib-holdout-%d.%s", fold, ext))
}

// order is a fixed shuffle of n examples for one epoch.
func order(n, epoch int) []int {
	return rand.New(rand.NewPCG(7919, uint64(epoch))).Perm(n)
}

// trainPerceptron is an averaged perceptron: the average of the weights
// over every step, which generalises better than the last weights.
func trainPerceptron(exs []example, epochs int) map[uint64]float32 {
	w := map[uint64]float32{}
	sum := map[uint64]float32{} // sum of weight × steps it was held
	stamp := map[uint64]int{}
	c := 1
	upd := func(f uint64, d float32) {
		sum[f] += float32(c-stamp[f]) * w[f]
		stamp[f] = c
		w[f] += d
	}
	for epoch := 0; epoch < epochs; epoch++ {
		for _, k := range order(len(exs), epoch) {
			e := exs[k]
			var s float32
			for _, f := range e.feats {
				s += w[f]
			}
			if (s > 0) != e.y {
				d := float32(1)
				if !e.y {
					d = -1
				}
				for _, f := range e.feats {
					upd(f, d)
				}
			}
			c++
		}
	}
	avg := map[uint64]float32{}
	for f, v := range w {
		a := (sum[f] + float32(c-stamp[f])*v) / float32(c)
		if a > 0.01 || a < -0.01 {
			avg[f] = a
		}
	}
	return avg
}

// trainLR is logistic regression by stochastic gradient descent with L2
// applied to the features an example touches. Its scores are log-odds, so
// a threshold of 0 means even odds.
func trainLR(exs []example, epochs int) map[uint64]float32 {
	w := map[uint64]float64{}
	const lambda = 1e-5
	step := 0
	for epoch := 0; epoch < epochs; epoch++ {
		for _, k := range order(len(exs), epoch) {
			e := exs[k]
			lr := 0.2 / (1 + float64(step)/float64(len(exs)))
			step++
			var z float64
			for _, f := range e.feats {
				z += w[f]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if e.y {
				y = 1
			}
			g := p - y
			for _, f := range e.feats {
				w[f] -= lr * (g + lambda*w[f])
			}
		}
	}
	out := map[uint64]float32{}
	for f, v := range w {
		if v > 0.01 || v < -0.01 {
			out[f] = float32(v)
		}
	}
	return out
}

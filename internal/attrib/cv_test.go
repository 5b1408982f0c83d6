package attrib

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var oneStage = flag.Bool("onestage", false, "with -cv: the cue model alone, without the second stage")

var crossVal = flag.Bool("cv", false, "five-fold cross-validation of the whole of Find on PolNeAR train: lexicon and cue model relearned without each fifth, that fifth annotated, all five scored together")

// TestCrossValidate is how every choice in this package is made without
// looking at dev: for each fifth of PolNeAR train (text index mod 5), the
// lexicon and the cue model are learned from the other four fifths, the
// held-out fifth is annotated by Find, and the pooled annotations are
// scored against train's gold. Run it with -cv (about a minute; -errors=cv
// adds the error table); -algo, -epochs, -label, -minfeat, -dropout,
// -algo2 and -epochs2 choose the learners as with -train; ATTRIB_THRESHOLD,
// ATTRIB_CAND and ATTRIB_T2 override cueThreshold (one stage),
// candThreshold and stage2Threshold.
func TestCrossValidate(t *testing.T) {
	if !*crossVal {
		t.Skip("run with -cv")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", "train")
	golds, _, err := attribeval.GoldFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	saveLex, saveModel, save2, save3, saveTh, saveC, save2Th, saveSide := lexicon(), cueModel(), stage2Model(), sideModel(), cueThreshold, candThreshold, stage2Threshold, sideThreshold
	defer func() {
		lexVal, modelVal, stage2Val, sideVal, cueThreshold, candThreshold, stage2Threshold, sideThreshold = saveLex, saveModel, save2, save3, saveTh, saveC, save2Th, saveSide
	}()
	if s := os.Getenv("ATTRIB_SIDE"); s != "" {
		sideThreshold = float32(parseFloat(t, s))
	}
	if s := os.Getenv("ATTRIB_THRESHOLD"); s != "" {
		cueThreshold = float32(parseFloat(t, s))
	}
	if s := os.Getenv("ATTRIB_CAND"); s != "" {
		candThreshold = float32(parseFloat(t, s))
	}
	if s := os.Getenv("ATTRIB_T2"); s != "" {
		stage2Threshold = float32(parseFloat(t, s))
	}
	out := os.Getenv("ATTRIB_OUT")
	if out == "" {
		out = t.TempDir()
	}
	acc := newErrAcc()
	for k := 0; k < 5; k++ {
		keep := func(gi int) bool { return gi%5 != k }
		if *oneStage {
			lx := parseLexicon(countLexicon(t, dir, keep))
			exs, _ := cueExamples(t, dir, golds, lx, keep)
			install(lx, trainCue(exs), nil, nil)
		} else {
			install(trainStages(t, dir, golds, keep))
		}
		for gi, g := range golds {
			if keep(gi) {
				continue
			}
			text := readText(t, dir, g.Name)
			if *errSplit == "cv" {
				acc.doc(t, text, g.Path)
			}
			annotate(t, text, filepath.Join(out, g.Name+".ann"))
		}
	}
	rep, err := attribeval.Score(context.Background(), dir, out)
	if err != nil {
		t.Fatal(err)
	}
	rep.Print(os.Stdout)
	// four places, since the run-to-run noise of a change is about .002
	t.Logf("overlap F1 source/cue/content/relation %.4f/%.4f/%.4f/%.4f",
		rep.Overlap["source"].F1(), rep.Overlap["cue"].F1(), rep.Overlap["content"].F1(), rep.Relation.F1())
	if *errSplit == "cv" {
		acc.print()
	}
}

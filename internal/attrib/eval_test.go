package attrib

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var split = flag.String("polnear", "", "score Find on this PolNeAR split (train or dev) and print the table")

// TestPolNeAR is the development loop behind `dateline eval attrib`: it
// annotates a split and scores it. Off by default; run with -polnear=train.
func TestPolNeAR(t *testing.T) {
	if *split == "" {
		t.Skip("run with -polnear=train|dev")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", *split)
	texts, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	goldDir := dir
	// With ATTRIB_HOLDOUT set, score only the fifth of train that
	// TestTrainCueModel -holdout left out, with the model it wrote, at the
	// threshold given: how thresholds are chosen without looking at dev.
	// ATTRIB_FOLD picks the fifth (default 4).
	if th := os.Getenv("ATTRIB_HOLDOUT"); th != "" {
		fold := 4
		if fs := os.Getenv("ATTRIB_FOLD"); fs != "" {
			fold, _ = strconv.Atoi(fs)
		}
		b, err := os.ReadFile(holdoutPath(fold, "bin"))
		if err != nil {
			t.Fatal(err)
		}
		modelVal = decodeModel(b)
		modelOnce.Do(func() {})
		lb, err := os.ReadFile(holdoutPath(fold, "tsv"))
		if err != nil {
			t.Fatal(err)
		}
		lexVal = parseLexicon(string(lb))
		lexOnce.Do(func() {})
		v, err := strconv.ParseFloat(th, 32)
		if err != nil {
			t.Fatal(err)
		}
		cueThreshold = float32(v)
		golds, _, _ := attribeval.GoldFiles(dir)
		texts = texts[:0]
		heldGold := t.TempDir()
		for gi, g := range golds {
			if gi%5 == fold {
				texts = append(texts, filepath.Join(dir, "text", g.Name+".txt"))
				if err := os.Symlink(g.Path, filepath.Join(heldGold, filepath.Base(g.Path))); err != nil {
					t.Fatal(err)
				}
			}
		}
		goldDir = heldGold
	}
	out := os.Getenv("ATTRIB_OUT")
	if out == "" {
		out = t.TempDir()
	}
	for _, p := range texts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		atts := Find(text, sentence.Split(text), nil)
		f, err := os.Create(filepath.Join(out, filepath.Base(p[:len(p)-4])+".ann"))
		if err != nil {
			t.Fatal(err)
		}
		if err := brat.Write(f, text, atts); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	rep, err := attribeval.Score(context.Background(), goldDir, out)
	if err != nil {
		t.Fatal(err)
	}
	rep.Print(os.Stdout)
}

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

var split = flag.String("polnear", "", "score Find on this PolNeAR split (train or dev) and print the table")

// TestPolNeAR is the development loop behind `dateline eval attrib`: it
// annotates a split and scores it. Off by default; run with -polnear=train.
func TestPolNeAR(t *testing.T) {
	if *split == "" {
		t.Skip("run with -polnear=train|dev")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", *split)
	texts, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	out := os.Getenv("ATTRIB_OUT")
	if out == "" {
		out = t.TempDir()
	}
	for _, p := range texts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		annotate(t, string(b), filepath.Join(out, filepath.Base(p[:len(p)-4])+".ann"))
	}
	rep, err := attribeval.Score(context.Background(), dir, out)
	if err != nil {
		t.Fatal(err)
	}
	rep.Print(os.Stdout)
}

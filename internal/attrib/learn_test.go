package attrib

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var learn = flag.Bool("learn", false, "relearn cues.tsv from PolNeAR train")

// TestLearnLexicon rebuilds cues.tsv from PolNeAR train when run with
// -learn: for every lower-cased token, how often it is the head (last
// token) of a gold cue and how often it occurs at all, and for two-token
// cue runs, how often the pair is a cue. Only counts are kept, never text.
func TestLearnLexicon(t *testing.T) {
	if !*learn {
		t.Skip("run with -learn to rebuild cues.tsv")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", "train")
	if err := os.WriteFile("cues.tsv", []byte(countLexicon(t, dir, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// countLexicon counts cue heads and cue pairs over the gold texts of the
// PolNeAR split in dir for which keep(index) holds (all when keep is nil),
// and returns them in the cues.tsv form.
func countLexicon(t *testing.T, dir string, keep func(int) bool) string {
	t.Helper()
	golds, _, err := attribeval.GoldFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	total := map[string]int{}
	head := map[string]int{}
	pairTotal := map[string]int{}
	pairCue := map[string]int{}
	for gi, g := range golds {
		if keep != nil && !keep(gi) {
			continue
		}
		text := readText(t, dir, g.Name)
		doc := readGold(t, g.Path)
		byteOf := brat.ByteOffsets(text)
		inCue := make([]int8, len(text)+1) // 1 inside a cue, 2 at a cue's last token end
		for _, r := range doc.Relations() {
			if r.Cue == nil {
				continue
			}
			for _, rg := range r.Cue.Ranges {
				if rg.End >= len(byteOf) {
					continue
				}
				for b := byteOf[rg.Start]; b < byteOf[rg.End]; b++ {
					inCue[b] = 1
				}
				inCue[byteOf[rg.End]] = 2
			}
		}
		for _, s := range sentence.Split(text) {
			toks := sentence.Tokens(text, s)
			for i, tk := range toks {
				w := strings.ToLower(text[tk.Start:tk.End])
				total[w]++
				cue := inCue[tk.Start] == 1
				// the head is the last cue token: the cue ends here or
				// the next token is outside the cue
				if cue && (i+1 == len(toks) || inCue[toks[i+1].Start] != 1) {
					head[w]++
				}
				if i+1 < len(toks) {
					p := w + " " + strings.ToLower(text[toks[i+1].Start:toks[i+1].End])
					pairTotal[p]++
					if cue && inCue[toks[i+1].Start] == 1 {
						pairCue[p]++
					}
				}
			}
		}
	}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	fmt.Fprintln(w, "# learned from PolNeAR train by TestLearnLexicon (go test -run TestLearnLexicon -learn): kind, token(s), times a cue, times seen")
	words := keys(head)
	for _, k := range words {
		if head[k] >= minLexHead {
			fmt.Fprintf(w, "head\t%s\t%d\t%d\n", k, head[k], total[k])
		}
	}
	for _, k := range keys(pairCue) {
		if pairCue[k] >= 3 {
			fmt.Fprintf(w, "pair\t%s\t%d\t%d\n", k, pairCue[k], pairTotal[k])
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// minLexHead is how many times a word must head a gold cue to be written
// to cues.tsv (words seen once added nothing on cross-validation).
const minLexHead = 2

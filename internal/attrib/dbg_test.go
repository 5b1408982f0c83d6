package attrib

import (
	"fmt"
	"os"
	"testing"

	"github.com/datelinehq/dateline/internal/sentence"
)

func TestDbg(t *testing.T) {
	text := os.Getenv("DBG")
	if text == "" {
		t.Skip()
	}
	lx := lexicon()
	for _, s := range sentence.Split(text) {
		fmt.Printf("SENT %q\n", text[s.Start:s.End])
		toks := tokenize(text, s, nil)
		qs := quoteState(toks, nil)
		for i := range toks {
			if lx.seen(toks[i].w) {
				fmt.Printf("  %s %.2f\n", toks[i].raw, cueModel().score(features(nil, lx, toks, i, qs[i])))
			}
		}
	}
	for _, a := range Find(text, sentence.Split(text), nil) {
		fmt.Printf("ATT cue=%q content=%q\n", a.Cue.Text, a.Content.Text)
	}
}

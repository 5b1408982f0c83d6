package attrib

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

// TestFastScoreIdentical checks that the per-word tables give, bit for
// bit, the score of the features the model was trained on, for every
// word the tables cover in the seed sentences and PolNeAR dev, with the
// quotation flags both ways.
func TestFastScoreIdentical(t *testing.T) {
	texts := []string{
		"Politico reports that Sessions offered his resignation. “I have not had that discussion with him,” the press secretary Sean Spicer told reporters.",
		"He said: “No.” They say it's said. Said Trump, “Fine,” and she insisted that he explain.",
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", "dev", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	lx, m := lexicon(), cueModel()
	fm := m.fastFor(lx)
	if fm == nil {
		t.Fatal("no tables for the shipped lexicon")
	}
	n := 0
	for _, w := range []string{"", ":", "“", "said", "saying", "claims", "contended", "the", "of", "x", "Said"} {
		tok := []tok{{w: w, raw: w}}
		if got, want := fm.lookup(w) != nil, candidate(lx, tok, 0); got != want {
			t.Errorf("%q: in the tables %v, candidate %v", w, got, want)
		}
	}
	for _, text := range texts {
		for _, s := range sentence.Split(text) {
			toks := tokenize(text, s, nil)
			for i := range toks {
				in := fm.lookup(toks[i].w)
				if (in != nil) != candidate(lx, toks, i) {
					t.Fatalf("%q: in the tables %v, candidate %v", toks[i].w, in != nil, !(in != nil))
				}
				if in == nil {
					continue
				}
				for _, flags := range [][2]bool{{false, false}, {false, true}, {true, true}} {
					got, ok := fm.score(m, in, toks, i, flags[0], flags[1])
					if !ok {
						continue
					}
					want := m.score(features(nil, lx, toks, i, flags[0], flags[1], false))
					if math.Float32bits(got) != math.Float32bits(want) {
						t.Fatalf("%q in %q (flags %v): fast score %v, features give %v", toks[i].w, text[s.Start:s.End], flags, got, want)
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no word scored")
	}
	t.Logf("%d scores compared", n)
}

// TestTokKind checks the cached kind against the predicates it stands for.
func TestTokKind(t *testing.T) {
	for _, w := range []string{"", "a", "Z", "9", "said", "É", "été", ",", ".", "'s", "'", "’", "‘", "“", "”", "\"", "``", "''", "—", "--", "(", "$", "%", "…", "\u00a0"} {
		k := tokKind(w)
		if got, want := k&kPunct != 0, isPunct(w); got != want {
			t.Errorf("%q: punct %v, isPunct %v", w, got, want)
		}
		if got, want := k&kOpenQ != 0, isOpeningQuote(w); got != want {
			t.Errorf("%q: opening %v, isOpeningQuote %v", w, got, want)
		}
		if got, want := k&kCloseQ != 0, isClosingQuote(w); got != want {
			t.Errorf("%q: closing %v, isClosingQuote %v", w, got, want)
		}
	}
}

// TestFindConcurrent runs Find from several goroutines at once (the
// buffer pool, the per-word tables filled on first use) and checks that
// each gets what a lone call gets; run it with -race.
func TestFindConcurrent(t *testing.T) {
	dir := shareddata.Path(t, "data", "attrib", "polnear", "dev", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var texts []string
	for _, p := range files[:min(8, len(files))] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	got := make([][][]dateline.Attribution, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				// each goroutine its own order, so that the calls overlap
				text := texts[(k+g)%len(texts)]
				got[g] = append(got[g], Find(text, sentence.Split(text), nil))
			}
		}()
	}
	wg.Wait()
	for k, text := range texts {
		want := Find(text, sentence.Split(text), nil)
		for g := range got {
			if a := got[g][(k-g+len(texts)*4)%len(texts)]; !reflect.DeepEqual(a, want) {
				t.Fatalf("goroutine %d, text %d: concurrent Find differs from a lone call", g, k)
			}
		}
	}
}

// FuzzFastScore checks on arbitrary text that the per-word tables score
// every candidate exactly as the features do, and that they hold exactly
// the words candidate accepts.
func FuzzFastScore(f *testing.F) {
	for _, s := range []string{
		"Politico reports that Sessions offered his resignation, according to several reports.",
		"“I have not,” Spicer told reporters. \"We won,\" said Sen. X (D-Conn.). According to, , said",
		"— said: ‘claims’ … ``insisted'' (contended) $ said; he said",
	} {
		f.Add(s)
	}
	lx, m := lexicon(), cueModel()
	fm := m.fastFor(lx)
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range sentence.Split(text) {
			toks := tokenize(text, s, nil)
			qs := quoteState(toks, nil)
			sq := hasQuote(toks)
			for i := range toks {
				in := fm.lookup(toks[i].w)
				if (in != nil) != candidate(lx, toks, i) {
					t.Fatalf("%q: in the tables %v, candidate %v", toks[i].w, in != nil, in == nil)
				}
				if in == nil {
					continue
				}
				got, ok := fm.score(m, in, toks, i, qs[i], sq)
				if !ok {
					continue
				}
				if want := m.score(features(nil, lx, toks, i, qs[i], sq, false)); math.Float32bits(got) != math.Float32bits(want) {
					t.Fatalf("%q: fast score %v, features give %v", toks[i].w, got, want)
				}
			}
		}
	})
}

// TestIsPronoun checks that the switch in isPronoun holds exactly the
// words of pronouns.
func TestIsPronoun(t *testing.T) {
	for w := range pronouns {
		if !isPronoun(w) {
			t.Errorf("isPronoun(%q) is false; pronouns has it", w)
		}
	}
	for _, w := range []string{"he", "she", "they", "i", "we", "you", "it", "who", "him", "He", "", "is", "whom", "its"} {
		if isPronoun(w) != pronouns[w] {
			t.Errorf("isPronoun(%q) = %v, pronouns says %v", w, isPronoun(w), pronouns[w])
		}
	}
}

// TestMayPattern checks the contract findCues relies on when it skips
// patternCue for a candidate whose mayPattern is false: over PolNeAR dev,
// patternCue never says yes for such a word, and does say yes for some
// others.
func TestMayPattern(t *testing.T) {
	lx := lexicon()
	fm := cueModel().fastFor(lx)
	dir := shareddata.Path(t, "data", "attrib", "polnear", "dev", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	yes := 0
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, s := range sentence.Split(text) {
			toks := tokenize(text, s, nil)
			for i := range toks {
				in := fm.lookup(toks[i].w)
				if in == nil || !patternCue(lx, toks, i) {
					continue
				}
				if !in.mayPattern {
					t.Errorf("%q in %q: patternCue says yes, but mayPattern let findCues skip it", toks[i].w, text[s.Start:s.End])
				}
				yes++
			}
		}
	}
	n, ins := 0, fm.entries()
	for _, in := range ins {
		if in.mayPattern {
			n++
		}
	}
	if yes == 0 || n == 0 || n == len(ins) {
		t.Errorf("patternCue said yes %d times; %d of %d candidates may be let in by a pattern: want some, not all", yes, n, len(ins))
	}
}

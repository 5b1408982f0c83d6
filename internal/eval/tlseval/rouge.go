// Package tlseval scores timeline summaries the way the timeline
// summarisation literature does: ROUGE-1/2 counts as ROUGE-1.5.5 computes
// them with "-n 2 -m -s", the tilse variants built on them (concat,
// agreement, align+ m:1; Martschat & Markert 2017) and date F1, plus the
// Timeline17 protocol runner behind "dateline eval tls".
package tlseval

import (
	_ "embed"
	"strings"

	"github.com/datelinehq/dateline/internal/eval/metric"
)

//go:embed smart_stopwords.txt
var smartList string

// stopwords is the SMART stop list ROUGE-1.5.5 removes under -s. Entries
// with an apostrophe can never match a ROUGE token (the apostrophe becomes
// a space first); they are kept because the list is a fact, not a tuning.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(smartList) {
		m[w] = true
	}
	return m
}()

// IsStopword reports whether w (lower case) is on the SMART list.
func IsStopword(w string) bool { return stopwords[w] }

// Tokens turns text into the units ROUGE-1.5.5 counts with -m -s:
// lower-cased; "-" split off; every byte outside [a-z0-9-] made a space;
// SMART stopwords dropped; tokens that do not start with a letter or digit
// dropped (so a lone "-" never counts); words longer than three letters
// Porter-stemmed.
func Tokens(text string) []string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '-':
			b.WriteString(" - ")
		default:
			b.WriteByte(' ')
		}
	}
	fields := strings.Fields(b.String())
	out := fields[:0]
	for _, w := range fields {
		if stopwords[w] {
			continue
		}
		if c := w[0]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			continue
		}
		if len(w) > 3 {
			w = Stem(w)
		}
		out = append(out, w)
	}
	return out
}

// grams holds the ROUGE-1 and ROUGE-2 multisets of one summary and their sizes.
type grams struct {
	uni, bi   map[string]int
	nUni, nBi int
}

// newGrams counts the n-grams of a summary. ROUGE-1.5.5 reads a summary's
// sentences into one token stream, so bigrams run across sentence ends.
func newGrams(sentences []string) grams {
	var toks []string
	for _, s := range sentences {
		toks = append(toks, Tokens(s)...)
	}
	g := grams{uni: make(map[string]int, len(toks)), bi: make(map[string]int, len(toks))}
	for i, t := range toks {
		g.uni[t]++
		if i > 0 {
			g.bi[toks[i-1]+" "+t]++
		}
	}
	g.nUni = len(toks)
	if len(toks) > 1 {
		g.nBi = len(toks) - 1
	}
	return g
}

// overlap is the clipped count of shared n-grams.
func overlap(a, b map[string]int) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for k, ca := range a {
		if cb := b[k]; cb > 0 {
			n += min(ca, cb)
		}
	}
	return n
}

// Counts are ROUGE-N hit and size counts for one comparison: Hits shared
// n-grams, Peer the system's n-grams, Model the reference's.
type Counts struct {
	Hits  float64
	Peer  float64
	Model float64
}

// rougeCounts compares a system summary with a reference summary for n = 1, 2.
func rougeCounts(sys, ref grams) [2]Counts {
	return [2]Counts{
		{Hits: float64(overlap(sys.uni, ref.uni)), Peer: float64(sys.nUni), Model: float64(ref.nUni)},
		{Hits: float64(overlap(sys.bi, ref.bi)), Peer: float64(sys.nBi), Model: float64(ref.nBi)},
	}
}

// PRF is a precision, recall and F1 triple.
type PRF struct {
	P, R, F float64
}

// F1 is the harmonic mean of p and r, 0 when both are 0.
func F1(p, r float64) float64 { return metric.F1(p, r) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

package attrib

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// cues.tsv holds counts learned from PolNeAR train by TestLearnLexicon.
//
//go:embed cues.tsv
var cuesTSV string

// Thresholds on the learned rates, chosen on train (not dev). A word whose
// annotated cue rate clears minHeadRate (with minHeadCount cues) is a
// common cue word and ends a noun phrase; a word with any rate over
// minSeenRate is a candidate the model scores; two words join into one cue
// at minPairRate ("according to", "also said", "said:").
const (
	minHeadRate  = 0.45
	minHeadCount = 3
	minPairRate  = 0.5
	minPairCount = 5
	minSeenRate  = 0.02
	minSeenCount = 2
)

type stat struct {
	cue, total int
	rate       string // the cue rate bucket the model's features use: "7many"
}

func rateKey(cue, total int) string {
	r := min(int(10*float64(cue)/float64(total)), 9)
	c := "few"
	if cue >= 10 {
		c = "many"
	}
	return string(rune('0'+r)) + c
}

type lex struct {
	heads map[string]bool // every word that headed a cue at least twice
	head  map[string]stat
	pair  map[string]stat // "a b"
	stems map[string]bool // stems of heads
	// scan: the words the cue model scores on sight, heads and the
	// predicate list's words together, so that candidate needs one lookup
	scan map[string]bool
	// Bloom filters of the words isHead accepts and of the two halves of
	// the pairs pairJoins accepts: the noun-phrase scans ask isHead about
	// most tokens near a cue, few of them pass, and the map lookups they
	// spare were 0.8% of the chain's instructions (cachegrind, 40 PolNeAR
	// dev articles one call each).
	headMaybe, pairA, pairB wordFilter
}

// wordFilter is a Bloom filter over non-empty words: two bits per word,
// at positions from the top of wordHash. A word it turns away was never
// added; one it lets through may not have been.
type wordFilter [1 << 16 / 64]uint64

func (f *wordFilter) add(w string) { f.addHash(wordHash(w)) }

func (f *wordFilter) addHash(x uint64) {
	a, b := x>>48, x>>32&0xffff
	f[a/64] |= 1 << (a % 64)
	f[b/64] |= 1 << (b % 64)
}

// hasHash is mayHave for a word whose wordHash is x; small enough to be
// inlined where every token is asked.
func (f *wordFilter) hasHash(x uint64) bool {
	a, b := x>>48, x>>32&0xffff
	return f[a/64]&(1<<(a%64)) != 0 && f[b/64]&(1<<(b%64)) != 0
}

// filterOf returns the filter of the words of a set.
func filterOf(set map[string]bool) *wordFilter {
	f := new(wordFilter)
	for w := range set {
		if w != "" {
			f.add(w)
		}
	}
	return f
}

// mayHave is false only for words never added; "" may be anything.
func (f *wordFilter) mayHave(w string) bool {
	return w == "" || f.hasHash(wordHash(w))
}

var (
	lexOnce sync.Once
	lexVal  *lex
)

func lexicon() *lex {
	lexOnce.Do(func() { lexVal = parseLexicon(cuesTSV) })
	return lexVal
}

func parseLexicon(src string) *lex {
	l := &lex{heads: map[string]bool{}, head: map[string]stat{}, pair: map[string]stat{}, stems: map[string]bool{}}
	for _, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		c, err1 := strconv.Atoi(f[2])
		n, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || n <= 0 {
			continue
		}
		switch f[0] {
		case "head":
			l.head[f[1]] = stat{c, n, rateKey(c, n)}
			// Words that head a cue in under minSeenRate of their uses
			// ("in", "that") are not worth scoring: they are common, so
			// scoring them costs time, and the model rarely gets them right.
			if c >= minSeenCount && float64(c) >= minSeenRate*float64(n) {
				l.heads[f[1]] = true
				l.stems[stem(f[1])] = true
			}
		case "pair":
			l.pair[f[1]] = stat{cue: c, total: n}
		}
	}
	for _, w := range deny {
		delete(l.head, w)
	}
	l.scan = make(map[string]bool, len(l.heads)+len(predVal))
	for w := range l.heads {
		l.scan[w] = true
	}
	for w := range predVal {
		l.scan[w] = true
	}
	for w, s := range l.head {
		if headRate(s) && w != "" {
			l.headMaybe.add(w)
		}
	}
	for k := range l.pair {
		if !l.pairJoinsKey(k) {
			continue
		}
		// a+" "+b == k splits k at one of its spaces
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				if i > 0 {
					l.pairA.add(k[:i])
				}
				if i+1 < len(k) {
					l.pairB.add(k[i+1:])
				}
			}
		}
	}
	return l
}

// deny are words the counts promote but that carry no attribution on
// their own in general news: punctuation and function words that PolNeAR
// annotators sometimes folded into a cue.
var deny = []string{":", "to", "in", "for", "of", "on", "about", "as", "with", "that", "the", "a"}

func (l *lex) isHead(w string) bool {
	if !l.headMaybe.mayHave(w) {
		return false
	}
	s, ok := l.head[w]
	return ok && headRate(s)
}

// headRate is isHead's test of a word's counts.
func headRate(s stat) bool {
	return s.cue >= minHeadCount && float64(s.cue) >= minHeadRate*float64(s.total)
}

// seen reports whether w has headed a cue in train at least twice.
func (l *lex) seen(w string) bool {
	return l.heads[w]
}

// pairJoins: a word next to a cue head belongs to the cue ("also said",
// "said:", "pointed out").
func (l *lex) pairJoins(a, b string) bool {
	if !l.pairA.mayHave(a) || !l.pairB.mayHave(b) {
		return false
	}
	return l.pairJoinsKey(a + " " + b)
}

func (l *lex) pairJoinsKey(k string) bool {
	s, ok := l.pair[k]
	return ok && s.cue >= minPairCount && float64(s.cue) >= minPairRate*float64(s.total)
}

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

// Thresholds on the learned rates. A head word is a cue when annotators
// marked it as one in at least minHeadRate of its occurrences (and at least
// minHeadCount times); a pair joins into one cue at minPairRate. They were
// chosen on train, not dev.
const (
	minHeadRate  = 0.45
	minHeadCount = 3
	minPairRate  = 0.5
	minPairCount = 5
)

type stat struct{ cue, total int }

type lex struct {
	head map[string]stat
	pair map[string]stat // "a b"
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
	l := &lex{head: map[string]stat{}, pair: map[string]stat{}}
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
			l.head[f[1]] = stat{c, n}
		case "pair":
			l.pair[f[1]] = stat{c, n}
		}
	}
	for _, w := range deny {
		delete(l.head, w)
	}
	return l
}

// deny are words the counts promote but that carry no attribution on
// their own in general news: punctuation and function words that PolNeAR
// annotators sometimes folded into a cue.
var deny = []string{":", "to", "in", "for", "of", "on", "about", "as", "with", "that", "the", "a"}

func (l *lex) isHead(w string) bool {
	s, ok := l.head[w]
	return ok && s.cue >= minHeadCount && float64(s.cue) >= minHeadRate*float64(s.total)
}

// pairIsCue: the two words together are a cue ("according to").
func (l *lex) pairIsCue(a, b string) bool {
	s, ok := l.pair[a+" "+b]
	return ok && s.cue >= minPairCount && float64(s.cue) >= minPairRate*float64(s.total) && !isPunct(a) && !isPunct(b)
}

// pairJoins: a word next to a cue head belongs to the cue ("also said",
// "said:", "pointed out").
func (l *lex) pairJoins(a, b string) bool {
	s, ok := l.pair[a+" "+b]
	return ok && s.cue >= minPairCount && float64(s.cue) >= minPairRate*float64(s.total)
}

package story

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// tw is one term of a sparse vector; vectors are sorted by term.
type tw struct {
	t uint32
	w float32
}

// vocab holds the document frequencies: over the window for the online
// clusterer, over the whole collection for Batch.
type vocab struct {
	df     map[uint32]int32
	text   map[uint32]string // a term's text while its df > 0, for labels
	n      int
	tk     tokenizer
	tf     map[uint32]float64
	proper float64
}

func newVocab(proper float64) *vocab {
	return &vocab{df: map[uint32]int32{}, text: map[uint32]string{}, tf: map[uint32]float64{}, proper: proper}
}

// termFreqs fills v.tf with a's term frequencies: the headline (when the
// text does not already start with it) and the text, names weighted by the
// proper-noun boost.
func (v *vocab) termFreqs(a *dateline.Article) {
	clear(v.tf)
	add := func(term []byte, proper bool) {
		h := hashTerm(term)
		w := 1.0
		if proper {
			w = v.proper
		}
		if _, ok := v.tf[h]; !ok && v.df[h] == 0 {
			v.text[h] = string(term)
		}
		v.tf[h] += w
	}
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		v.tk.each(a.Title, add)
	}
	v.tk.each(a.Text, add)
}

// maxTerms caps the terms read from one article: a news story says what it
// is about early, and a scraped page of 100,000 words would otherwise cost
// as much as a hundred articles.
const maxTerms = 600

// bag is a's term frequencies (the weight field holds the frequency), in
// no particular order: weigh sorts what it keeps.
func (v *vocab) bag(a *dateline.Article) []tw {
	v.termFreqs(a)
	b := make([]tw, 0, len(v.tf))
	for t, f := range v.tf {
		b = append(b, tw{t, float32(f)})
	}
	return b
}

// count adds a bag's terms to the document frequencies.
func (v *vocab) count(b []tw) {
	for _, x := range b {
		v.df[x.t]++
	}
	v.n++
}

// forget removes a departed article's terms from the frequencies.
func (v *vocab) forget(b []tw) {
	for _, x := range b {
		if v.df[x.t]--; v.df[x.t] <= 0 {
			delete(v.df, x.t)
			delete(v.text, x.t)
		}
	}
	v.n--
}

// weigh is the TF-IDF vector of a bag: sublinear tf, smoothed idf, the k
// heaviest terms, unit length, sorted by term.
func (v *vocab) weigh(b []tw, k int) []tw {
	vec := make([]tw, 0, len(b))
	n := float64(v.n)
	for _, x := range b {
		idf := math.Log((n+1)/(float64(v.df[x.t])+1)) + 1
		vec = append(vec, tw{x.t, float32((1 + math.Log(float64(x.w))) * idf)})
	}
	vec = truncate(vec, k)
	normalise(vec)
	return vec
}

// truncate keeps the k heaviest terms (ties: smaller term), sorted by term.
func truncate(v []tw, k int) []tw {
	if len(v) > k {
		slices.SortFunc(v, heavier)
		v = v[:k]
	}
	slices.SortFunc(v, byTerm)
	return v
}

func byTerm(a, b tw) int {
	switch {
	case a.t < b.t:
		return -1
	case a.t > b.t:
		return 1
	}
	return 0
}

// heavier orders by weight, heaviest first, then by term.
func heavier(a, b tw) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return byTerm(a, b)
}

func normalise(v []tw) {
	var s float64
	for _, x := range v {
		s += float64(x.w) * float64(x.w)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i].w *= inv
	}
}

func dot(a, b []tw) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].t < b[j].t:
			i++
		case a[i].t > b[j].t:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

// topTerms returns the k heaviest terms of v, heaviest first.
func topTerms(v []tw, k int) []uint32 {
	c := slices.Clone(v)
	slices.SortFunc(c, heavier)
	if len(c) > k {
		c = c[:k]
	}
	out := make([]uint32, len(c))
	for i, x := range c {
		out[i] = x.t
	}
	return out
}

// entities are the canonical names an article mentions, outlets aside.
func entities(a *dateline.Article) []string {
	seen := map[string]bool{}
	for _, e := range a.Entities {
		if e.Type != dateline.EntityMedia && e.Name != "" {
			seen[strings.ToLower(e.Name)] = true
		}
	}
	for _, m := range a.Mentions {
		if m.Type != dateline.EntityMedia && m.Entity != "" {
			seen[strings.ToLower(m.Entity)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for e := range seen {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// overlap is the Jaccard similarity of two sorted name lists.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// eventDate is the article's date for time proximity: its publication
// date, or for an undated article the calendar date its time expressions
// name most often.
func eventDate(a *dateline.Article) time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	count := map[string]int{}
	for _, tx := range a.Timexes {
		if tx.Type == dateline.TimexDate && len(tx.Value) == len(dateline.DateLayout) {
			count[tx.Value]++
		}
	}
	best, n := "", 0
	for v, k := range count {
		if k > n || k == n && v < best {
			best, n = v, k
		}
	}
	t, _ := time.Parse(dateline.DateLayout, best)
	return t
}

// timeFactor fades with the time between two dates; it is 1 when either
// is unknown.
func timeFactor(a, b time.Time, scale time.Duration) float64 {
	if a.IsZero() || b.IsZero() {
		return 1
	}
	gap := a.Sub(b)
	if gap < 0 {
		gap = -gap
	}
	return math.Exp(-float64(gap) / float64(scale))
}

// topK keeps the k largest similarities seen, largest first; its mean
// (missing ones counting 0) is the article's local density.
type topK []float32

func (t *topK) add(s float64, k int) {
	x := float32(s)
	if len(*t) == k && x <= (*t)[k-1] {
		return
	}
	if len(*t) < k {
		*t = append(*t, x)
	} else {
		(*t)[k-1] = x
	}
	for i := len(*t) - 1; i > 0 && (*t)[i] > (*t)[i-1]; i-- {
		(*t)[i], (*t)[i-1] = (*t)[i-1], (*t)[i]
	}
}

// minScale keeps an article with no close neighbour from making every
// faint similarity look strong.
const minScale = 0.05

func (t topK) scale(k int) float64 {
	var s float64
	for _, x := range t {
		s += float64(x)
	}
	s /= float64(k)
	if s < minScale {
		return minScale
	}
	return s
}

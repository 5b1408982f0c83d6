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
// clusterer, over the whole collection for Batch. Terms are 32-bit hashes
// (see hashTerm); each term in use gets a dense ID, so the counts are slice
// entries rather than map values. A bag names terms by ID, a vector by
// hash: vectors are sorted by hash so that dot products add up in the same
// order whatever IDs the terms happened to get.
type vocab struct {
	ids    termTable
	hash   []uint32 // by ID: the term's hash
	df     []int32  // by ID: document frequency; 0 for a free ID
	text   []string // by ID: the term's text while its df > 0, for labels
	free   []uint32 // IDs of terms whose df fell to 0
	n      int
	tk     tokenizer
	local  *[localSize]localTerm // the article being read, by hash
	gen    uint32                // stamp of the current article in local
	seen   []uint32              // its slots in local, in order of first sight
	proper float64
	keys   []uint64 // sort scratch
}

func newVocab(proper float64) *vocab {
	return &vocab{proper: proper, local: new([localSize]localTerm)}
}

// intern returns h's ID, giving it a fresh one (df 0) if it has none.
func (v *vocab) intern(h uint32) uint32 {
	if id, ok := v.ids.get(h); ok {
		return id
	}
	var id uint32
	if n := len(v.free); n > 0 {
		id = v.free[n-1]
		v.free = v.free[:n-1]
		v.hash[id] = h
	} else {
		id = uint32(len(v.hash))
		v.hash = append(v.hash, h)
		v.df = append(v.df, 0)
		v.text = append(v.text, "")
	}
	v.ids.put(h, id)
	return id
}

// lookup returns the text of the term hashed h while it is in use.
func (v *vocab) lookup(h uint32) (string, bool) {
	id, ok := v.ids.get(h)
	if !ok || v.df[id] <= 0 {
		return "", false
	}
	return v.text[id], true
}

// termFreqs reads a's term frequencies into v.local, listing the slots
// used in v.seen in order of first sight: the headline (when the text does
// not already start with it) and the text, names weighted by the
// proper-noun boost. A term met again in the same article is found in the
// small local table; only a term's first sight goes to the vocabulary.
func (v *vocab) termFreqs(a *dateline.Article) {
	v.gen++
	if v.gen == 0 { // wrapped: old stamps could look current
		clear(v.local[:])
		v.gen = 1
	}
	v.seen = v.seen[:0]
	add := func(term []byte, h uint32, proper bool) {
		w := 1.0
		if proper {
			w = v.proper
		}
		for i := (h * 0x9e3779b1) >> (32 - localBits); ; i = (i + 1) & (localSize - 1) {
			s := &v.local[i]
			if s.gen != v.gen {
				id := v.intern(h)
				if v.df[id] == 0 {
					v.text[id] = string(term)
				}
				*s = localTerm{h: h, gen: v.gen, id: id, tf: w}
				v.seen = append(v.seen, i)
				return
			}
			if s.h == h {
				s.tf += w
				return
			}
		}
	}
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		v.tk.each(a.Title, add)
	}
	v.tk.each(a.Text, add)
}

// The local table of one article's terms holds at most 2*maxTerms (headline
// and text), so it stays under a third full.
const (
	localBits = 12
	localSize = 1 << localBits
)

type localTerm struct {
	h, gen, id uint32
	tf         float64
}

// maxTerms caps the terms read from one article: a news story says what it
// is about early, and a scraped page of 100,000 words would otherwise cost
// as much as a hundred articles.
const maxTerms = 600

// bag is a's term frequencies: term IDs, the weight field holding the
// frequency, in no particular order (weigh sorts what it keeps). Its terms
// must be counted before anything else is interned, or an ID read but not
// counted could be handed out again.
func (v *vocab) bag(a *dateline.Article) []tw {
	v.termFreqs(a)
	b := make([]tw, len(v.seen))
	for i, s := range v.seen {
		b[i] = tw{v.local[s].id, float32(v.local[s].tf)}
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

// forget removes a departed article's terms from the frequencies and frees
// the IDs of terms no held article uses any more.
func (v *vocab) forget(b []tw) {
	for _, x := range b {
		if v.df[x.t]--; v.df[x.t] <= 0 {
			v.df[x.t] = 0
			v.text[x.t] = ""
			v.ids.del(v.hash[x.t])
			v.free = append(v.free, x.t)
		}
	}
	v.n--
}

// weigh is the TF-IDF vector of a bag: sublinear tf, smoothed idf, the k
// heaviest terms, unit length, sorted by term hash.
func (v *vocab) weigh(b []tw, k int) []tw {
	n := float64(v.n)
	// Sort on packed keys: weights are positive, so their float32 bits
	// order like the weights, and a key of inverted weight then hash sorts
	// heaviest first, ties by smaller hash, as heavier does.
	keys := v.keys[:0]
	for _, x := range b {
		idf := math.Log((n+1)/(float64(v.df[x.t])+1)) + 1
		w := float32((1 + math.Log(float64(x.w))) * idf)
		keys = append(keys, uint64(^math.Float32bits(w))<<32|uint64(v.hash[x.t]))
	}
	if len(keys) > k {
		slices.Sort(keys)
		keys = keys[:k]
	}
	// Then by hash; hashes within a bag are distinct.
	for i, x := range keys {
		keys[i] = x<<32 | x>>32
	}
	slices.Sort(keys)
	v.keys = keys
	vec := make([]tw, len(keys))
	for i, x := range keys {
		vec[i] = tw{uint32(x >> 32), math.Float32frombits(^uint32(x))}
	}
	normalise(vec)
	return vec
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

// topTerms returns the k heaviest terms of v (ties: smaller term),
// heaviest first.
func topTerms(v []tw, k int) []uint32 {
	keys := make([]uint64, len(v))
	for i, x := range v {
		keys[i] = uint64(^math.Float32bits(x.w))<<32 | uint64(x.t)
	}
	slices.Sort(keys)
	if len(keys) > k {
		keys = keys[:k]
	}
	out := make([]uint32, len(keys))
	for i, x := range keys {
		out[i] = uint32(x)
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

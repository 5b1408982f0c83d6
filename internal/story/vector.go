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
	ids     termTable
	hash    []uint32 // by ID: the term's hash
	df      []int32  // by ID: document frequency; 0 for a free ID
	text    []string // by ID: the term's text while its df > 0, for labels
	free    []uint32 // IDs of terms whose df fell to 0
	n       int
	rd      reader   // for articles not prepared beforehand
	scratch Prepared // what rd read
	keys    []uint64 // sort scratch
	// idf[df] for the current n (idfN), where idfOK says it is filled.
	idf   [256]float64
	idfOK [256]bool
	idfN  int
}

func newVocab(proper float64) *vocab {
	return &vocab{rd: reader{proper: proper}}
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

// reader turns an article into its distinct terms and their frequencies.
// It touches no shared state, so readers can run on many goroutines.
type reader struct {
	tk     tokenizer
	proper float64
	local  *[localSize]localTerm // the article being read, by hash
	gen    uint32                // stamp of the current article in local
}

// The local table of one article's terms holds at most 2*maxTerms (headline
// and text), so it stays under a third full.
const (
	localBits = 12
	localSize = 1 << localBits
)

type localTerm struct {
	h, gen uint32
	n      int32 // index in Prepared.terms
}

// read fills p with a's terms in order of first sight: the headline (when
// the text does not already start with it) and the text, names weighted by
// the proper-noun boost.
func (r *reader) read(a *dateline.Article, p *Prepared) {
	if r.local == nil {
		r.local = new([localSize]localTerm)
	}
	r.gen++
	if r.gen == 0 { // wrapped: old stamps could look current
		clear(r.local[:])
		r.gen = 1
	}
	p.terms, p.text = p.terms[:0], p.text[:0]
	add := func(term []byte, h uint32, proper bool) {
		w := 1.0
		if proper {
			w = r.proper
		}
		for i := (h * 0x9e3779b1) >> (32 - localBits); ; i = (i + 1) & (localSize - 1) {
			s := &r.local[i]
			if s.gen != r.gen {
				*s = localTerm{h: h, gen: r.gen, n: int32(len(p.terms))}
				p.terms = append(p.terms, pterm{h: h, tf: w, end: uint32(len(p.text) + len(term))})
				p.text = append(p.text, term...)
				return
			}
			if s.h == h {
				p.terms[s.n].tf += w
				return
			}
		}
	}
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		r.tk.each(a.Title, add)
	}
	r.tk.each(a.Text, add)
	p.when = eventDate(a)
	p.ents = entities(a)
	p.ok = true
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
	v.rd.read(a, &v.scratch)
	return v.bagOf(&v.scratch)
}

// bagOf interns a prepared article's terms. A term new to the window takes
// the text it was read with, for labels.
func (v *vocab) bagOf(p *Prepared) []tw {
	b := make([]tw, len(p.terms))
	start := uint32(0)
	for i, t := range p.terms {
		id := v.intern(t.h)
		if v.df[id] == 0 {
			v.text[id] = string(p.text[start:t.end])
		}
		start = t.end
		b[i] = tw{id, float32(t.tf)}
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
	// heaviest first, ties by smaller hash.
	keys := v.keys[:0]
	// Most terms occur once or twice in an article and in a few articles of
	// the window, so their logarithms come from small tables (the same
	// math.Log of the same arguments, computed once).
	if v.idfN != v.n {
		v.idfN = v.n
		clear(v.idfOK[:])
	}
	for _, x := range b {
		var idf float64
		if df := v.df[x.t]; df < int32(len(v.idf)) {
			if !v.idfOK[df] {
				v.idf[df] = math.Log((n+1)/(float64(df)+1)) + 1
				v.idfOK[df] = true
			}
			idf = v.idf[df]
		} else {
			idf = math.Log((n+1)/(float64(df)+1)) + 1
		}
		var ltf float64
		if h := 2 * x.w; h < float32(len(logHalf)) && h == float32(int(h)) {
			ltf = logHalf[int(h)]
		} else {
			ltf = math.Log(float64(x.w))
		}
		w := float32((1 + ltf) * idf)
		keys = append(keys, uint64(^math.Float32bits(w))<<32|uint64(v.hash[x.t]))
	}
	if len(keys) > k {
		// The k smallest keys, in any order: the sort below fixes it.
		selectSmallest(keys, k)
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

// logHalf[i] is math.Log(i/2): term frequencies are sums of 1 and the
// proper-noun boost, so usually whole or half numbers.
var logHalf = func() (t [64]float64) {
	for i := range t {
		t[i] = math.Log(float64(float32(i) / 2))
	}
	return t
}()

// selectSmallest moves the k smallest of the distinct keys to the front
// (quickselect).
func selectSmallest(keys []uint64, k int) {
	lo, hi := 0, len(keys)
	for hi-lo > 16 {
		// Median of three as pivot, then a Hoare-style partition.
		m := lo + (hi-lo)/2
		a, b, c := keys[lo], keys[m], keys[hi-1]
		p := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi-1
		for i <= j {
			for keys[i] < p {
				i++
			}
			for keys[j] > p {
				j--
			}
			if i <= j {
				keys[i], keys[j] = keys[j], keys[i]
				i++
				j--
			}
		}
		// keys[lo:j+1] <= p <= keys[i:hi]
		switch {
		case k <= j+1:
			hi = j + 1
		case k >= i:
			lo = i
		default:
			return
		}
	}
	slices.Sort(keys[lo:hi])
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

// queryTable holds one vector for dot products against many others: an
// arrival is compared with up to a hundred candidates, and probing a small
// table for each of a candidate's terms beats merging two sorted lists,
// whose every step is a branch the processor cannot predict. Matches are
// still met in increasing term order, so the sum is the same as dot's.
type queryTable struct {
	e     []queryEntry
	gen   uint32
	shift uint32
}

type queryEntry struct {
	t, gen uint32
	w      float32
}

func (q *queryTable) set(v []tw) {
	size := 256
	for size < 4*len(v) {
		size *= 2
	}
	if len(q.e) != size {
		q.e = make([]queryEntry, size)
		q.gen = 0
		q.shift = 32
		for s := size; s > 1; s >>= 1 {
			q.shift--
		}
	}
	q.gen++
	if q.gen == 0 {
		clear(q.e)
		q.gen = 1
	}
	mask := uint32(size - 1)
	for _, x := range v {
		i := (x.t * 0x9e3779b1) >> q.shift
		for q.e[i].gen == q.gen {
			i = (i + 1) & mask
		}
		q.e[i] = queryEntry{x.t, q.gen, x.w}
	}
}

// dot is dot(v, b) for the vector v last set.
func (q *queryTable) dot(b []tw) float64 {
	var s float64
	mask := uint32(len(q.e) - 1)
	for _, x := range b {
		for i := (x.t * 0x9e3779b1) >> q.shift; ; i = (i + 1) & mask {
			e := &q.e[i]
			if e.gen != q.gen {
				break
			}
			if e.t == x.t {
				s += float64(e.w) * float64(x.w)
				break
			}
		}
	}
	return s
}

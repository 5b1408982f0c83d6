// Package dedup finds near-duplicate articles: syndicated wire copies,
// re-posts with a new headline, extra boilerplate, a truncated body or light
// rewording. Each copy is linked to its original, the earliest published
// (ties: the longest, then the smallest ID), so a story can say how many
// outlets carried a report instead of listing it seven times.
//
// Matching runs in two steps: an exact hash of the normalised text, then
// 5-word shingles sketched with MinHash and looked up with LSH banding; a
// candidate is a copy when the estimated Jaccard similarity, or the
// estimated containment of the shorter text in the longer one (truncated
// copies), reaches the threshold.
package dedup

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/window"
)

// Options tune an Index. Zero values take the defaults.
type Options struct {
	// Threshold is the similarity at or above which a document is a copy.
	// Default 0.6: on Timeline17 a sample of the pairs found at 0.5 held
	// many different articles sharing site furniture, at 0.6 almost none.
	Threshold float64
	// ShingleWords is the number of words per shingle. Default 5.
	ShingleWords int
	// Bands is the number of LSH bands; K/Bands rows each. More bands find
	// less similar candidates at the cost of more comparisons. Default 64.
	Bands int
	// MinShingles: documents with fewer shingles are matched only when their
	// normalised text is identical, because a sketch of a few shingles says
	// little. Default 10.
	MinShingles int
	// MinContainRatio: containment is used only when the shorter document
	// has at least this fraction of the longer one's shingles; below it a
	// quoted paragraph would make a short piece look like a copy. Default 0.3.
	MinContainRatio float64
	// Window bounds memory by time: a document is forgotten once the newest
	// publication date seen is more than Window past its own date, or past
	// the newest date seen when it arrived if that is later (undated
	// documents, backfills of old ones). Default 30 days; negative: never
	// evict by time.
	Window time.Duration
	// MaxDocs caps the number of documents held whatever their dates; the
	// oldest go first. Default 100,000; negative: no cap.
	MaxDocs int
	// MaxWords stops reading a document after this many words: copies are
	// told by their opening, and a scraped page can run to 100,000 words.
	// Default 1,500.
	MaxWords int
	// ChromeMin: a line of four or more words that already appeared in this
	// many held documents of the same Source is that site's page furniture
	// (an edition picker, a footer of links) and is left out of the
	// comparison, or every two pages of one site would look like copies.
	// Lines are counted per site, so a wire story carried by many outlets
	// is not mistaken for furniture. Documents without a Source are not
	// filtered. Default 5; negative: off.
	ChromeMin int
}

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = 0.6
	}
	if o.ShingleWords <= 0 {
		o.ShingleWords = 5
	}
	if o.Bands <= 0 || o.Bands > K || K%o.Bands != 0 {
		o.Bands = 64
	}
	if o.MinShingles <= 0 {
		o.MinShingles = 10
	}
	if o.MinContainRatio <= 0 {
		o.MinContainRatio = 0.3
	}
	if o.Window == 0 {
		o.Window = 30 * 24 * time.Hour
	}
	if o.MaxDocs == 0 {
		o.MaxDocs = 100_000
	}
	if o.MaxWords == 0 {
		o.MaxWords = 1500
	}
	if o.ChromeMin == 0 {
		o.ChromeMin = 5
	}
	return o
}

// Result is what Check found.
type Result struct {
	// Original is the ID of the article this one copies, "" when it is not
	// a copy (or when it is itself the new original of a group).
	Original string
	// Similarity is the score of the match that made it a copy (1 for an
	// exact copy).
	Similarity float64
	// Relinked lists articles seen earlier whose original is now this
	// article: it arrived after its copies but was published earlier (or is
	// longer). The caller must update their DuplicateOf to this article's ID.
	// Sorted; only articles still inside the window are listed.
	Relinked []string
	// Words is how many words of the text were compared, after boilerplate
	// and site furniture were left out (0 when the ID was already held).
	Words int
}

// group is a set of copies of one original.
type group struct {
	root    key
	members []int32 // live slots
}

// key orders candidates for "original": dated before undated, earlier,
// then the one that credits itself (a wire's own story names the wire in
// its dateline; a paper carrying it names the wire, not itself), longer,
// smaller ID.
type key struct {
	id    string
	pub   time.Time
	self  bool
	words int
}

func (a key) before(b key) bool {
	az, bz := a.pub.IsZero(), b.pub.IsZero()
	if az != bz {
		return bz
	}
	if !a.pub.Equal(b.pub) {
		return a.pub.Before(b.pub)
	}
	if a.self != b.self {
		return a.self
	}
	if a.words != b.words {
		return a.words > b.words
	}
	return a.id < b.id
}

type doc struct {
	key
	sig     Signature
	count   int // shingles
	exact   uint64
	fuzzy   bool // in the LSH buckets
	group   *group
	evictAt time.Time
	seq     uint64
	live    bool
	lines   []uint64 // per-site line keys counted in Index.lines
}

// Index remembers the documents of a time window and finds the copies among
// them. It is not safe for concurrent use: the pipeline calls it from one
// goroutine, in arrival order.
//
// Memory: per held document its signature (512 bytes), 64 bucket
// entries (16 bytes each, in a table kept at most half full), its per-site
// line counts and its ID. Measured on Timeline17 with nothing evicted, about
// 6 KB a document, so the default cap of 100,000 documents bounds it near
// 600 MB; a 30-day window of a typical feed is far below. The tables keep
// the size of the largest window seen.
type Index struct {
	opts    Options
	rows    int
	docs    []doc
	free    []int32
	byID    map[string]int32
	exact   map[uint64]int32
	buckets bucketTable
	order   window.Queue[int32]
	clock   time.Time
	seq     uint64
	stamp   []uint64
	sk      sketcher
	keys    []uint64
	lines   map[uint64]int32 // per-site line counts over held documents
	seen    []uint64
	kept    []uint64
	scratch Prepared // for articles not prepared beforehand
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	o := opts.withDefaults()
	return &Index{
		opts:  o,
		rows:  K / o.Bands,
		byID:  map[string]int32{},
		exact: map[uint64]int32{},
		lines: map[uint64]int32{},
	}
}

// Len is the number of documents held.
func (ix *Index) Len() int { return len(ix.byID) }

// Check decides whether a is a copy of a document seen before and adds it to
// the index. Checking an ID already held changes nothing and reports its
// current original. Rebuilding after a restart is Check over the stored
// articles, oldest first.
func (ix *Index) Check(a *dateline.Article) Result {
	return ix.check(a, nil)
}

// CheckPrepared is Check for an article prepared with Prepare; the result
// is the same. A Prepared made for another article (ID or Source), or with
// other options, is ignored and the text read again.
func (ix *Index) CheckPrepared(a *dateline.Article, p *Prepared) Result {
	return ix.check(a, p)
}

func (ix *Index) check(a *dateline.Article, p *Prepared) Result {
	if s, ok := ix.byID[a.ID]; ok {
		d := &ix.docs[s]
		if d.group != nil && d.group.root.id != a.ID {
			return Result{Original: d.group.root.id, Similarity: 1}
		}
		return Result{}
	}
	if !a.Published.IsZero() && a.Published.After(ix.clock) {
		if ix.clock.IsZero() {
			ix.startClock(a.Published)
		}
		ix.clock = a.Published
	}
	ix.evict()

	if p == nil || !p.fits(a, &ix.opts) {
		ix.read(a, &ix.scratch)
		p = &ix.scratch
	}
	sk := &ix.sk
	sk.reset(ix.opts.ShingleWords)
	ix.seen = ix.seen[:0]
	// Leave out the site's furniture, then sketch the rest in one go.
	kept := p.words
	if p.site != 0 {
		kept = ix.kept[:0]
		start := int32(0)
		for li, end := range p.ends {
			ws := p.words[start:end]
			start = end
			if len(ws) >= 4 {
				h := p.keys[li]
				ix.seen = append(ix.seen, h)
				if ix.lines[h] >= int32(ix.opts.ChromeMin) {
					continue
				}
			}
			kept = append(kept, ws...)
		}
		ix.kept = kept
	}
	sk.addWords(kept)
	// Count this document's lines once each, whatever it turns out to be.
	slices.Sort(ix.seen)
	ix.seen = slices.Compact(ix.seen)
	for _, h := range ix.seen {
		ix.lines[h]++
	}
	lineKeys := slices.Clone(ix.seen)
	if sk.words == 0 {
		ix.uncount(lineKeys)
		return Result{} // nothing to compare; an empty text copies nothing
	}
	hasSig := sk.finish() && sk.count >= ix.opts.MinShingles

	k := key{id: a.ID, pub: a.Published, self: p.self, words: sk.words}
	best, bestSim := int32(-1), 0.0
	if s, ok := ix.exact[sk.exact]; ok {
		best, bestSim = s, 1
	} else if hasSig {
		best, bestSim = ix.candidates(&sk.sig, sk.count)
	}

	slot := ix.insert(k, hasSig)
	d := &ix.docs[slot]
	d.lines = lineKeys
	if best < 0 {
		d.group = &group{root: k, members: []int32{slot}}
		return Result{Words: sk.words}
	}
	g := ix.docs[best].group
	g.members = append(g.members, slot)
	d.group = g
	if !k.before(g.root) {
		return Result{Original: g.root.id, Similarity: bestSim, Words: sk.words}
	}
	// The newcomer is the better original: everything in the group now
	// points at it.
	g.root = k
	var re []string
	for _, m := range g.members {
		if m != slot {
			re = append(re, ix.docs[m].id)
		}
	}
	sort.Strings(re)
	return Result{Relinked: re, Words: sk.words}
}

// candidates returns the held document most similar to the sketch, if any
// reaches the threshold.
func (ix *Index) candidates(sig *Signature, count int) (int32, float64) {
	ix.seq++ // a fresh stamp marks candidates already compared
	cur := ix.seq
	best, bestSim := int32(-1), 0.0
	ix.bandKeys(sig)
	for _, bk := range ix.keys {
		ix.buckets.each(bk, func(s int32) {
			if ix.stamp[s] == cur {
				return
			}
			ix.stamp[s] = cur
			o := &ix.docs[s]
			sim := ix.similarity(sig, count, &o.sig, o.count)
			if sim >= ix.opts.Threshold && (sim > bestSim || sim == bestSim && best >= 0 && o.key.before(ix.docs[best].key)) {
				best, bestSim = s, sim
			}
		})
	}
	return best, bestSim
}

// similarity is the larger of the estimated Jaccard similarity and, when
// the sizes are comparable enough, the estimated containment of the shorter
// shingle set in the longer: |A∩B| = J(|A|+|B|)/(1+J).
func (ix *Index) similarity(a *Signature, na int, b *Signature, nb int) float64 {
	j := Jaccard(a, b)
	lo, hi := na, nb
	if lo > hi {
		lo, hi = hi, lo
	}
	if float64(lo) < ix.opts.MinContainRatio*float64(hi) {
		return j
	}
	c := j * float64(na+nb) / ((1 + j) * float64(lo))
	if c > 1 {
		c = 1
	}
	if c > j {
		return c
	}
	return j
}

func (ix *Index) bandKeys(sig *Signature) {
	ix.keys = ix.keys[:0]
	for b := 0; b < ix.opts.Bands; b++ {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := 0; r < ix.rows; r++ {
			h = mix64(h ^ uint64(sig[b*ix.rows+r]))
		}
		ix.keys = append(ix.keys, h)
	}
}

func (ix *Index) insert(k key, hasSig bool) int32 {
	var slot int32
	if n := len(ix.free); n > 0 {
		slot = ix.free[n-1]
		ix.free = ix.free[:n-1]
	} else {
		ix.docs = append(ix.docs, doc{})
		ix.stamp = append(ix.stamp, 0)
		slot = int32(len(ix.docs) - 1)
	}
	sk := &ix.sk
	// A document stays at least a window from when it arrived, so a
	// backfill of older articles is compared among itself.
	evictAt := k.pub
	if evictAt.IsZero() || evictAt.Before(ix.clock) {
		evictAt = ix.clock
	}
	ix.seq++
	ix.docs[slot] = doc{key: k, sig: sk.sig, count: sk.count, exact: sk.exact, fuzzy: hasSig, evictAt: evictAt, seq: ix.seq, live: true}
	ix.byID[k.id] = slot
	ix.exact[sk.exact] = slot
	if hasSig {
		ix.bandKeys(&sk.sig)
		for _, bk := range ix.keys {
			ix.buckets.add(bk, slot)
		}
	}
	ix.order.Push(evictAt, ix.seq, slot)
	ix.stamp[slot] = 0
	return slot
}

// startClock dates the undated documents that arrived before any dated
// one: they count as published when the clock starts.
func (ix *Index) startClock(t time.Time) {
	ix.order.DateUndated(t, func(slot int32) { ix.docs[slot].evictAt = t })
}

// evict forgets documents that fell out of the window or over the cap.
func (ix *Index) evict() {
	for {
		top, ok := ix.order.Peek()
		if !ok {
			return
		}
		over := ix.opts.MaxDocs > 0 && len(ix.byID) >= ix.opts.MaxDocs
		old := ix.opts.Window > 0 && !ix.clock.IsZero() && top.At.Before(ix.clock.Add(-ix.opts.Window))
		if !over && !old {
			return
		}
		ix.order.Pop()
		ix.remove(top.Val)
	}
}

func (ix *Index) remove(slot int32) {
	d := &ix.docs[slot]
	if !d.live {
		return
	}
	delete(ix.byID, d.id)
	ix.uncount(d.lines)
	if s, ok := ix.exact[d.exact]; ok && s == slot {
		delete(ix.exact, d.exact)
	}
	if d.fuzzy {
		ix.bandKeys(&d.sig)
		for _, bk := range ix.keys {
			ix.buckets.remove(bk, slot)
		}
	}
	if g := d.group; g != nil {
		for i, m := range g.members {
			if m == slot {
				g.members[i] = g.members[len(g.members)-1]
				g.members = g.members[:len(g.members)-1]
				break
			}
		}
	}
	*d = doc{}
	ix.free = append(ix.free, slot)
}

func (ix *Index) uncount(keys []uint64) {
	for _, h := range keys {
		if ix.lines[h]--; ix.lines[h] <= 0 {
			delete(ix.lines, h)
		}
	}
}

// selfCredit reports whether the opening of the text names the document's
// own outlet, as a wire's dateline "PORT AVERY (Continental Press) —" does.
func selfCredit(a *dateline.Article) bool {
	if len(a.Source) < 3 {
		return false
	}
	head := a.Text
	if len(head) > 400 {
		head = head[:400]
	}
	return strings.Contains(strings.ToLower(head), strings.ToLower(a.Source))
}

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

package story

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/window"
)

// memberCap bounds the average in an article-to-story score: a story with
// more members than this is judged by the article's links to its closest
// members only, since an article cannot be compared with every article of
// a story that has run for weeks.
const memberCap = 20

type odoc struct {
	id      string
	vec     []tw     // nil for duplicates
	bag     []tw     // term frequencies, counted in df; kept so Settle can reweigh
	keys    []uint32 // term IDs indexed in postings
	pub     time.Time
	source  string
	when    time.Time
	ents    []string
	top     topK
	c       *ostory
	dupOf   string
	title   string
	central float64 // sum of normalised links to its story's members
	stamp   uint64  // the arrival that last counted it as a candidate
	hits    int32   // terms it shares with that arrival
}

type ostory struct {
	id      string
	founder founder
	content int // members that are not duplicates, ever
	live    int // members still held
	members []*odoc
	links   map[*ostory]float64 // summed normalised similarities between members
	tally   tally
	touched bool
	gone    bool // closed (all members left) or merged
	merged  bool
	// restored: recreated from the store, which may hold more of its
	// articles than the window; Settle keeps its ID.
	restored bool
}

// Clusterer assigns articles to stories as they arrive. It is not safe for
// concurrent use: the pipeline calls it from one goroutine, after dedup,
// in arrival order.
//
// Memory is bounded by the window and MaxDocs: per held article its term
// frequencies (8 bytes a distinct term, at most a few hundred), its vector
// (at most DocTerms terms), postings and links, plus its ID; per open story
// its member list and links; per term in use, its ID, count, text and
// postings (the term tables keep the size of the largest window seen).
// Measured on Timeline17 with nothing evicted, about 5.3 KB per article
// (a dedup.Index holds about 6 KB more), so the default cap of 100,000
// articles bounds the clusterer near 530 MB; a 30-day window of a typical
// feed is far smaller.
type Clusterer struct {
	opts     Options
	v        *vocab
	docs     map[string]*odoc
	postings [][]*odoc // by term ID; a term's ID outlives its postings
	order    window.Queue[string]
	seq      uint64
	clock    time.Time
	touched  []*ostory
	stamp    uint64
	candBuf  []*odoc
	query    queryTable
	sims     []float64 // scratch, per arrival
	norm     []float64
	sums     map[*ostory]float64
	// densitySum/densityN: the mean local density of arrivals that found k
	// neighbours, a prior for those that did not.
	densitySum float64
	densityN   int
	pending    int
	restored   map[string]*ostory // stories recreated by Restore, by ID
}

// NewClusterer returns an empty clusterer.
func NewClusterer(opts Options) *Clusterer {
	o := opts.withDefaults()
	return &Clusterer{
		opts:     o,
		v:        newVocab(o.ProperBoost),
		docs:     map[string]*odoc{},
		sums:     map[*ostory]float64{},
		restored: map[string]*ostory{},
	}
}

// Len is the number of articles held.
func (c *Clusterer) Len() int { return len(c.docs) }

// Assign puts a into a story and returns the story's ID and every
// assignment that changed: a's own, and when a's arrival joined two stories,
// those of the absorbed story's articles still held. An article with
// DuplicateOf set joins its original's story if the original is still
// held, and weighs in neither the document frequencies nor the links, so
// seven syndicated copies count as seven articles but one text. Assigning an
// ID already held changes nothing.
func (c *Clusterer) Assign(a *dateline.Article) (storyID string, changed []dateline.Assignment) {
	return c.place(a, "", nil)
}

// Restore puts a stored article back into the window with the story it was
// stored with (a.Story), as when warming a new process from the store: it
// weighs in the frequencies and links like an arrival, but neither changes
// its story nor merges any. An article without a story is assigned.
// Restored stories keep their stored IDs; their counts cover the restored
// articles only, so do not write back Stories() after warming.
func (c *Clusterer) Restore(a *dateline.Article) {
	c.place(a, a.Story, nil)
}

// Pending is the number of articles placed since the last Settle.
func (c *Clusterer) Pending() int { return c.pending }

func (c *Clusterer) place(a *dateline.Article, forced string, p *Prepared) (storyID string, changed []dateline.Assignment) {
	if d, ok := c.docs[a.ID]; ok {
		return d.c.id, nil
	}
	if forced == "" {
		c.pending++
	}
	if !a.Published.IsZero() && a.Published.After(c.clock) {
		if c.clock.IsZero() {
			c.startClock(a.Published)
		}
		c.clock = a.Published
	}
	c.evict()

	if a.DuplicateOf != "" {
		if o, ok := c.docs[a.DuplicateOf]; ok && !o.c.gone && (forced == "" || forced == o.c.id) {
			d := &odoc{id: a.ID, dupOf: a.DuplicateOf, title: a.Title, pub: a.Published, source: a.Source}
			c.join(o.c, d, a)
			return o.c.id, []dateline.Assignment{{ArticleID: a.ID, Story: o.c.id, DuplicateOf: a.DuplicateOf}}
		}
	}

	p = c.prepared(a, p)
	d := &odoc{id: a.ID, dupOf: a.DuplicateOf, title: a.Title, pub: a.Published, source: a.Source, when: p.when, ents: p.ents}
	d.bag = c.v.bagOf(p)
	c.v.count(d.bag)
	d.vec = c.v.weigh(d.bag, c.opts.DocTerms)
	k := c.opts.Neighbours

	// Candidates share the article's heaviest terms; the ones sharing most
	// are compared in full.
	// Count shared terms on the documents themselves (a stamp marks the
	// ones met for this arrival): a map here was most of the cost.
	c.stamp++
	d.keys = topTerms(d.vec, c.opts.IndexTerms)
	for i, h := range d.keys {
		d.keys[i], _ = c.v.ids.get(h)
	}
	if n := len(c.v.hash); len(c.postings) < n {
		c.postings = append(c.postings, make([][]*odoc, n-len(c.postings))...)
	}
	cands := c.candBuf[:0]
	for _, t := range d.keys {
		for _, o := range c.postings[t] {
			if o.stamp != c.stamp {
				o.stamp, o.hits = c.stamp, 0
				cands = append(cands, o)
			}
			o.hits++
		}
	}
	c.candBuf = cands
	slices.SortFunc(cands, func(a, b *odoc) int {
		if a.hits != b.hits {
			return int(b.hits) - int(a.hits)
		}
		return strings.Compare(a.id, b.id)
	})
	if len(cands) > c.opts.Candidates {
		cands = cands[:c.opts.Candidates]
	}
	c.query.set(d.vec)
	sims := c.sims[:0]
	for range cands {
		sims = append(sims, 0)
	}
	c.sims = sims
	for i, o := range cands {
		// similarity, with the arrival's vector in a table.
		s := c.query.dot(o.vec) * timeFactor(d.when, o.when, c.opts.TimeScale)
		if len(d.ents) > 0 && len(o.ents) > 0 {
			s += c.opts.EntityWeight * overlap(d.ents, o.ents)
		}
		sims[i] = s
		d.top.add(s, k)
		o.top.add(s, k)
	}
	if len(d.top) == k {
		c.densitySum += d.top.scale(k)
		c.densityN++
	}
	// Normalise by local density and sum per story.
	clear(c.sums)
	norm := c.norm[:0]
	for range cands {
		norm = append(norm, 0)
	}
	c.norm = norm
	ds := c.scale(d.top)
	for i, o := range cands {
		if sims[i] <= 0 {
			continue
		}
		norm[i] = sims[i] / math.Sqrt(ds*c.scale(o.top))
		c.sums[o.c] += norm[i]
	}
	var best *ostory
	bestScore := 0.0
	for st, sum := range c.sums {
		score := sum / float64(min(st.content, memberCap))
		if score > bestScore || score == bestScore && best != nil && st.founder.before(best.founder) {
			best, bestScore = st, score
		}
	}
	if forced != "" {
		best = c.restored[forced]
		if best == nil || best.gone {
			best = &ostory{id: forced, founder: founder{a.ID, a.Published}, links: map[*ostory]float64{}, restored: true}
			c.restored[forced] = best
		}
	} else if best == nil || bestScore < c.opts.Threshold {
		best = &ostory{id: StoryID(a.ID), founder: founder{a.ID, a.Published}, links: map[*ostory]float64{}}
	}
	c.join(best, d, a)
	best.content++
	for i, o := range cands {
		if norm[i] == 0 {
			continue
		}
		if o.c == best {
			o.central += norm[i]
			d.central += norm[i]
		}
	}
	for _, t := range d.keys {
		c.postings[t] = append(c.postings[t], d)
	}
	changed = append(changed, dateline.Assignment{ArticleID: a.ID, Story: best.id, DuplicateOf: a.DuplicateOf})

	// Record the links to other stories and merge the ones whose average
	// link now reaches the threshold, strongest first.
	for st, sum := range c.sums {
		if st != best && !st.gone {
			best.links[st] += sum
			st.links[best] += sum
		}
	}
	for {
		var other *ostory
		otherAvg := 0.0
		for st, w := range best.links {
			avg := w / float64(best.content*st.content)
			if avg > otherAvg || avg == otherAvg && other != nil && st.founder.before(other.founder) {
				other, otherAvg = st, avg
			}
		}
		if forced != "" || other == nil || otherAvg < c.opts.Threshold {
			break
		}
		best, changed = c.merge(best, other, changed)
	}
	return best.id, changed
}

// scale is an article's local density. Early in a stream an article has
// not met its neighbours yet, and a density taken from the few it has met
// would make faint links look strong; so an article with fewer than k
// similarities seen takes the mean density of the articles that have k,
// when that is larger.
func (c *Clusterer) scale(t topK) float64 {
	k := c.opts.Neighbours
	s := t.scale(k)
	if len(t) < k && c.densityN > 0 {
		if p := c.densitySum / float64(c.densityN); p > s {
			return p
		}
	}
	return s
}

func (c *Clusterer) join(st *ostory, d *odoc, a *dateline.Article) {
	d.c = st
	c.docs[d.id] = d
	st.members = append(st.members, d)
	st.live++
	st.tally.add(a)
	c.touch(st)
	// An article stays at least a window from when it arrived, so a
	// backfill of older articles is clustered among itself.
	evictAt := a.Published
	if evictAt.IsZero() || evictAt.Before(c.clock) {
		evictAt = c.clock
	}
	c.seq++
	c.order.Push(evictAt, c.seq, d.id)
}

func (c *Clusterer) touch(st *ostory) {
	if !st.touched {
		st.touched = true
		c.touched = append(c.touched, st)
	}
}

// merge joins two stories; the one founded earlier keeps its ID.
func (c *Clusterer) merge(a, b *ostory, changed []dateline.Assignment) (*ostory, []dateline.Assignment) {
	if b.founder.before(a.founder) {
		a, b = b, a
	}
	delete(a.links, b)
	delete(b.links, a)
	for st, w := range b.links {
		delete(st.links, b)
		a.links[st] += w
		st.links[a] += w
	}
	for _, d := range b.members {
		if d.c != b {
			continue
		}
		d.c = a
		a.members = append(a.members, d)
		if _, held := c.docs[d.id]; held {
			changed = append(changed, dateline.Assignment{ArticleID: d.id, Story: a.id, DuplicateOf: d.dupOf})
		}
	}
	a.content += b.content
	a.live += b.live
	a.tally.merge(&b.tally)
	b.gone, b.merged = true, true
	b.members, b.links, b.live = nil, nil, 0
	c.touch(a)
	c.touch(b)
	return a, changed
}

// Stories returns the summaries of the stories changed since the last call,
// sorted by ID. A story merged into another comes back with zero Articles
// so the caller can drop it.
func (c *Clusterer) Stories() []dateline.Story {
	out := make([]dateline.Story, 0, len(c.touched))
	for _, st := range c.touched {
		st.touched = false
		out = append(out, c.summary(st))
	}
	c.touched = c.touched[:0]
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (c *Clusterer) summary(st *ostory) dateline.Story {
	if st.merged {
		return dateline.Story{ID: st.id}
	}
	return dateline.Story{
		ID:       st.id,
		Label:    c.label(st),
		First:    st.tally.first,
		Last:     st.tally.last,
		Articles: st.tally.articles,
		Outlets:  len(st.tally.sources),
	}
}

// label picks the held member with the strongest links to the rest.
func (c *Clusterer) label(st *ostory) string {
	var best *odoc
	for _, d := range st.members {
		if d.c != st || d.vec == nil {
			continue
		}
		if _, held := c.docs[d.id]; !held {
			continue
		}
		if best == nil || betterLabel(d.central, d.title, d.id, best.central, best.title, best.id) {
			best = d
		}
	}
	if best == nil {
		return ""
	}
	return labelFor(best.title, best.vec, c.v)
}

// betterLabel prefers a titled article, then the more central, then the
// smaller ID.
func betterLabel(ac float64, at, aid string, bc float64, bt, bid string) bool {
	if (at != "") != (bt != "") {
		return at != ""
	}
	if ac != bc {
		return ac > bc
	}
	return aid < bid
}

// startClock dates the undated articles that arrived before any dated one.
func (c *Clusterer) startClock(t time.Time) {
	c.order.DateUndated(t, nil)
}

// evict forgets the articles that left the window or exceed the cap, and
// closes the stories with none left.
func (c *Clusterer) evict() {
	for {
		top, ok := c.order.Peek()
		if !ok {
			return
		}
		over := c.opts.MaxDocs > 0 && len(c.docs) >= c.opts.MaxDocs
		old := c.opts.Window > 0 && !c.clock.IsZero() && !top.At.IsZero() && top.At.Before(c.clock.Add(-c.opts.Window))
		if !over && !old {
			return
		}
		c.order.Pop()
		d, ok := c.docs[top.Val]
		if !ok {
			continue
		}
		delete(c.docs, top.Val)
		if d.bag != nil {
			c.v.forget(d.bag)
		}
		for _, t := range d.keys {
			p := c.postings[t]
			for i, o := range p {
				if o == d {
					p[i] = p[len(p)-1]
					p[len(p)-1] = nil
					p = p[:len(p)-1]
					break
				}
			}
			if len(p) == 0 {
				p = nil // let a long list go
			}
			c.postings[t] = p
		}
		d.vec, d.bag, d.keys, d.ents = nil, nil, nil, nil
		st := d.c
		if st.live--; st.live <= 0 && !st.gone {
			for o := range st.links {
				delete(o.links, st)
			}
			st.gone, st.links, st.members = true, nil, nil
			continue
		}
		// Drop departed members from the list now and then.
		if len(st.members) > 2*st.live+16 {
			keep := st.members[:0]
			for _, m := range st.members {
				if _, held := c.docs[m.id]; held && m.c == st {
					keep = append(keep, m)
				}
			}
			st.members = keep
		}
	}
}

// Package story groups articles into stories as they arrive: an online,
// single-pass clustering over TF-IDF vectors whose document frequencies are
// counted over a sliding time window, with shared entities and time
// proximity adding or removing evidence, and stories merging when their
// coverage joins up. Batch reclusters a whole collection deterministically.
package story

import (
	"container/heap"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Options tune a Clusterer. Zero values take the defaults.
type Options struct {
	// Threshold is the score at or above which an article joins a story:
	// TF-IDF cosine with the story's centroid, times the time factor, plus
	// the entity bonus. Default 0.25.
	Threshold float64
	// MergeThreshold is the centroid cosine (times the time factor) at which
	// two stories become one. Default 0.5.
	MergeThreshold float64
	// TimeScale is how fast evidence fades with the days between an article
	// and a story's date span: the factor is exp(-gap/TimeScale). Undated
	// articles or stories get factor 1. Default 7 days.
	TimeScale time.Duration
	// EntityWeight scales the share of an article's entities the story
	// already mentions; it is added to the score. Articles without entities
	// get no bonus and no penalty. Default 0.1.
	EntityWeight float64
	// ProperBoost multiplies the weight of terms capitalised mid-sentence
	// (names), which separate two events of the same kind. Default 1.5.
	ProperBoost float64
	// Window bounds memory: articles published more than Window before the
	// newest date seen leave the document frequencies, and a story whose
	// articles have all left is closed. Undated articles count as published
	// at the newest date seen when they arrive. Default 30 days; negative:
	// never evict (Batch).
	Window time.Duration
	// MaxDocs caps the articles held whatever their dates. Default 100,000;
	// negative: no cap.
	MaxDocs int
	// LeadTerms and LeadBoost weigh the headline and opening of an article
	// more: news puts the who, where and when of the event first, and the
	// background that two events of a kind share later. Defaults 40 and 2.
	LeadTerms int
	LeadBoost float64
	// DocTerms and StoryTerms cap the terms kept per article vector and per
	// story centroid. Defaults 100 and 300.
	DocTerms, StoryTerms int
}

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = 0.25
	}
	if o.MergeThreshold <= 0 {
		o.MergeThreshold = 0.5
	}
	if o.TimeScale <= 0 {
		o.TimeScale = 7 * 24 * time.Hour
	}
	if o.EntityWeight == 0 {
		o.EntityWeight = 0.1
	}
	if o.ProperBoost <= 0 {
		o.ProperBoost = 1.5
	}
	if o.Window == 0 {
		o.Window = 30 * 24 * time.Hour
	}
	if o.MaxDocs == 0 {
		o.MaxDocs = 100_000
	}
	if o.LeadTerms == 0 {
		o.LeadTerms = 40
	}
	if o.LeadBoost <= 0 {
		o.LeadBoost = 2
	}
	if o.DocTerms <= 0 {
		o.DocTerms = 100
	}
	if o.StoryTerms <= 0 {
		o.StoryTerms = 300
	}
	return o
}

// tw is one term of a sparse vector; vectors are sorted by term.
type tw struct {
	t uint32
	w float32
}

// founder orders stories for their ID on a merge: the story founded by the
// earlier article (dated before undated, then by date, then by ID) keeps its
// ID, so the same coverage gets the same ID whatever the arrival order.
type founder struct {
	id  string
	pub time.Time
}

func (a founder) before(b founder) bool {
	az, bz := a.pub.IsZero(), b.pub.IsZero()
	if az != bz {
		return bz
	}
	if !a.pub.Equal(b.pub) {
		return a.pub.Before(b.pub)
	}
	return a.id < b.id
}

type cluster struct {
	id      string
	founder founder
	cent    []tw // sum of member vectors, truncated, sorted by term
	norm    float64
	content int // members that shaped the centroid
	members []string
	live    int // members still in the window
	total   int // members ever
	sources map[string]int
	ents    map[string]int
	// first/last are publication dates for the summary; lo/hi also take the
	// dates of undated members' time expressions, for the time factor.
	first, last time.Time
	lo, hi      time.Time
	label       string
	labelSim    float64
	terms       map[uint32]string // a few top terms' text, for a label without titles
	touched     bool
	gone        bool // closed or merged: no longer takes articles
	merged      bool // merged into another story
}

type member struct {
	c     *cluster
	dupOf string
	terms []uint32 // distinct terms counted in df; nil for duplicates
}

// Clusterer assigns articles to stories online. It is not safe for
// concurrent use: the pipeline calls it from one goroutine, after dedup, in
// arrival order.
//
// Memory is bounded by the window: per held article its distinct terms
// (4 bytes each, a few hundred for a news article) and an ID; per open
// story a centroid of at most StoryTerms terms (8 bytes each) and the IDs of
// its held members; the document-frequency table has one entry per distinct
// term in the window.
type Clusterer struct {
	opts     Options
	df       map[uint32]int32
	text     map[uint32]string // term text, while its df > 0
	n        int               // documents counted in df
	docs     map[string]*member
	postings map[uint32][]*cluster
	order    evictHeap
	seq      uint64
	clock    time.Time
	touched  []*cluster
	tk       tokenizer
	tf       map[uint32]float64
	cand     map[*cluster]int
	// frozen: the document frequencies were counted beforehand over the
	// whole collection (Batch) and arrivals do not change them.
	frozen bool
	// vecs keeps every content article's vector (Batch refinement only).
	vecs map[string][]tw
}

// NewClusterer returns an empty clusterer.
func NewClusterer(opts Options) *Clusterer {
	return &Clusterer{
		opts:     opts.withDefaults(),
		df:       map[uint32]int32{},
		text:     map[uint32]string{},
		docs:     map[string]*member{},
		postings: map[uint32][]*cluster{},
		tf:       map[uint32]float64{},
		cand:     map[*cluster]int{},
	}
}

// StoryID is the ID of a story founded by the article with this ID.
func StoryID(founderID string) string {
	h := fnv.New64a()
	h.Write([]byte(founderID))
	return fmt.Sprintf("s%016x", h.Sum64())
}

// Assign puts a into a story and returns the story's ID and every
// assignment that changed: a's own, and when a's arrival joined two stories,
// those of the absorbed story's articles still in the window. An article
// with DuplicateOf set joins its original's story, if the original is still
// held, without weighing in the document frequencies or the centroid, so
// seven syndicated copies count as seven articles but one text. Assigning
// an ID already held changes nothing.
func (c *Clusterer) Assign(a *dateline.Article) (storyID string, changed []dateline.Assignment) {
	if m, ok := c.docs[a.ID]; ok {
		return m.c.id, nil
	}
	if !a.Published.IsZero() && a.Published.After(c.clock) {
		if c.clock.IsZero() {
			c.startClock(a.Published)
		}
		c.clock = a.Published
	}
	c.evict()

	if a.DuplicateOf != "" {
		if om, ok := c.docs[a.DuplicateOf]; ok && !om.c.gone {
			cl := om.c
			c.add(cl, a, &member{c: cl, dupOf: a.DuplicateOf}, 0)
			return cl.id, []dateline.Assignment{{ArticleID: a.ID, Story: cl.id, DuplicateOf: a.DuplicateOf}}
		}
	}

	vec, terms := c.vector(a)
	if c.vecs != nil {
		c.vecs[a.ID] = vec
	}
	ents := entities(a)
	when := eventDate(a)

	// Candidates: stories sharing any of the article's heaviest terms,
	// ranked by how many they share; only the best are scored in full.
	clear(c.cand)
	top := topTerms(vec, 20)
	for _, t := range top {
		for _, cl := range c.postings[t] {
			c.cand[cl]++
		}
	}
	cands := make([]*cluster, 0, len(c.cand))
	for cl := range c.cand {
		cands = append(cands, cl)
	}
	sort.Slice(cands, func(i, j int) bool {
		if c.cand[cands[i]] != c.cand[cands[j]] {
			return c.cand[cands[i]] > c.cand[cands[j]]
		}
		return cands[i].founder.before(cands[j].founder)
	})
	if len(cands) > 64 {
		cands = cands[:64]
	}
	var best *cluster
	bestScore := 0.0
	var cos float64
	scores := make([]float64, len(cands))
	for i, cl := range cands {
		s := c.score(vec, ents, when, cl)
		scores[i] = s
		if s > bestScore || s == bestScore && best != nil && cl.founder.before(best.founder) {
			best, bestScore = cl, s
		}
	}
	m := &member{dupOf: a.DuplicateOf, terms: terms}
	if best == nil || bestScore < c.opts.Threshold {
		best = &cluster{
			id:      StoryID(a.ID),
			founder: founder{a.ID, a.Published},
			sources: map[string]int{},
			ents:    map[string]int{},
			terms:   map[uint32]string{},
		}
		cos = 1
	} else {
		cos = bestScore
	}
	m.c = best
	c.add(best, a, m, cos)
	c.addVector(best, vec, ents, when)
	changed = append(changed, dateline.Assignment{ArticleID: a.ID, Story: best.id, DuplicateOf: a.DuplicateOf})

	// Coverage joining up: a story this article also resembled may now be
	// the same story.
	for i, cl := range cands {
		if cl == best || cl.gone || scores[i] < c.opts.Threshold*0.6 {
			continue
		}
		if sim := c.linkage(best, cl) * timeFactor(best.lo, best.hi, cl.lo, cl.hi, c.opts.TimeScale); sim >= c.opts.MergeThreshold {
			best, changed = c.merge(best, cl, changed)
		}
	}
	return best.id, changed
}

// score is the evidence that the article belongs to the story.
func (c *Clusterer) score(vec []tw, ents []string, when time.Time, cl *cluster) float64 {
	if cl.norm == 0 || cl.content == 0 {
		return 0
	}
	var s float64
	if linkMode == 1 {
		s = dot(vec, cl.cent) / float64(cl.content)
	} else {
		s = dot(vec, cl.cent) / cl.norm
	}
	s *= timeFactor(when, when, cl.lo, cl.hi, c.opts.TimeScale)
	if len(ents) > 0 && len(cl.ents) > 0 {
		shared := 0
		for _, e := range ents {
			if cl.ents[e] > 0 {
				shared++
			}
		}
		s += c.opts.EntityWeight * float64(shared) / float64(len(ents))
	}
	return s
}

var linkMode = 1

// linkage is the similarity of two stories.
func (c *Clusterer) linkage(a, b *cluster) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	if linkMode == 1 {
		return dot(a.cent, b.cent) / float64(a.content*b.content)
	}
	return dot(a.cent, b.cent) / (a.norm * b.norm)
}

// timeFactor fades with the days between two date spans; it is 1 when
// either is undated or they overlap.
func timeFactor(alo, ahi, blo, bhi time.Time, scale time.Duration) float64 {
	if alo.IsZero() || blo.IsZero() {
		return 1
	}
	var gap time.Duration
	switch {
	case ahi.Before(blo):
		gap = blo.Sub(ahi)
	case bhi.Before(alo):
		gap = alo.Sub(bhi)
	default:
		return 1
	}
	return math.Exp(-float64(gap) / float64(scale))
}

// vector counts a's terms into the document frequencies and returns its
// TF-IDF vector (sublinear tf, smoothed idf, top DocTerms terms, unit
// length, sorted by term) and its distinct terms.
func (c *Clusterer) vector(a *dateline.Article) ([]tw, []uint32) {
	clear(c.tf)
	pos := 0
	add := func(term []byte, proper bool) {
		h := hashTerm(term)
		w := 1.0
		if proper {
			w = c.opts.ProperBoost
		}
		if pos < c.opts.LeadTerms {
			w *= c.opts.LeadBoost
		}
		pos++
		if _, ok := c.tf[h]; !ok {
			if c.df[h] == 0 {
				c.text[h] = string(term)
			}
		}
		c.tf[h] += w
	}
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		c.tk.each(a.Title, add)
	}
	c.tk.each(a.Text, add)
	terms := make([]uint32, 0, len(c.tf))
	for t := range c.tf {
		terms = append(terms, t)
		if !c.frozen {
			c.df[t]++
		}
	}
	if !c.frozen {
		c.n++
	}
	slices.Sort(terms)
	vec := make([]tw, 0, len(terms))
	n := float64(c.n)
	for _, t := range terms {
		idf := math.Log((n+1)/(float64(c.df[t])+1)) + 1
		vec = append(vec, tw{t, float32((1 + math.Log(c.tf[t])) * idf)})
	}
	vec = truncate(vec, c.opts.DocTerms)
	normalise(vec)
	return vec, terms
}

// truncate keeps the k heaviest terms (ties: smaller term), sorted by term.
func truncate(v []tw, k int) []tw {
	if len(v) <= k {
		return v
	}
	sort.Slice(v, func(i, j int) bool {
		if v[i].w != v[j].w {
			return v[i].w > v[j].w
		}
		return v[i].t < v[j].t
	})
	v = v[:k]
	sort.Slice(v, func(i, j int) bool { return v[i].t < v[j].t })
	return v
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

func norm(v []tw) float64 {
	var s float64
	for _, x := range v {
		s += float64(x.w) * float64(x.w)
	}
	return math.Sqrt(s)
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

func topTerms(v []tw, k int) []uint32 {
	c := slices.Clone(v)
	sort.Slice(c, func(i, j int) bool {
		if c[i].w != c[j].w {
			return c[i].w > c[j].w
		}
		return c[i].t < c[j].t
	})
	if len(c) > k {
		c = c[:k]
	}
	out := make([]uint32, len(c))
	for i, x := range c {
		out[i] = x.t
	}
	return out
}

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

// add records a as a member of cl.
func (c *Clusterer) add(cl *cluster, a *dateline.Article, m *member, sim float64) {
	c.docs[a.ID] = m
	cl.members = append(cl.members, a.ID)
	cl.live++
	cl.total++
	if a.Source != "" {
		cl.sources[a.Source]++
	}
	if p := a.Published; !p.IsZero() {
		if cl.first.IsZero() || p.Before(cl.first) {
			cl.first = p
		}
		if p.After(cl.last) {
			cl.last = p
		}
	}
	if a.Title != "" && m.terms != nil && (cl.label == "" || sim > cl.labelSim) {
		cl.label, cl.labelSim = a.Title, sim
	}
	c.touch(cl)
	evictAt := a.Published
	if evictAt.IsZero() {
		evictAt = c.clock
	}
	c.seq++
	heap.Push(&c.order, evictItem{at: evictAt, seq: c.seq, id: a.ID})
}

func (c *Clusterer) touch(cl *cluster) {
	if !cl.touched {
		cl.touched = true
		c.touched = append(c.touched, cl)
	}
}

// addVector folds a content article into the story's centroid and indexes.
func (c *Clusterer) addVector(cl *cluster, vec []tw, ents []string, when time.Time) {
	old := cl.cent
	sum := make([]tw, 0, len(old)+len(vec))
	i, j := 0, 0
	for i < len(old) || j < len(vec) {
		switch {
		case j == len(vec) || i < len(old) && old[i].t < vec[j].t:
			sum = append(sum, old[i])
			i++
		case i == len(old) || vec[j].t < old[i].t:
			sum = append(sum, vec[j])
			j++
		default:
			sum = append(sum, tw{old[i].t, old[i].w + vec[j].w})
			i++
			j++
		}
	}
	c.setCentroid(cl, truncate(sum, c.opts.StoryTerms))
	cl.content++
	for _, e := range ents {
		cl.ents[e]++
	}
	if !when.IsZero() {
		if cl.lo.IsZero() || when.Before(cl.lo) {
			cl.lo = when
		}
		if when.After(cl.hi) {
			cl.hi = when
		}
	}
}

// setCentroid replaces the centroid and updates the postings for the terms
// that entered or left it.
func (c *Clusterer) setCentroid(cl *cluster, cent []tw) {
	old := cl.cent
	i, j := 0, 0
	for i < len(old) || j < len(cent) {
		switch {
		case j == len(cent) || i < len(old) && old[i].t < cent[j].t:
			c.unpost(old[i].t, cl)
			i++
		case i == len(old) || cent[j].t < old[i].t:
			c.postings[cent[j].t] = append(c.postings[cent[j].t], cl)
			j++
		default:
			i++
			j++
		}
	}
	cl.cent = cent
	cl.norm = norm(cent)
	// Keep the text of the heaviest terms while it is still known, for a
	// label when no member has a title.
	for _, t := range topTerms(cent, 4) {
		if s, ok := c.text[t]; ok {
			cl.terms[t] = s
		}
	}
	if len(cl.terms) > 16 {
		keep := map[uint32]string{}
		for _, t := range topTerms(cent, 8) {
			if s, ok := cl.terms[t]; ok {
				keep[t] = s
			}
		}
		cl.terms = keep
	}
}

func (c *Clusterer) unpost(t uint32, cl *cluster) {
	p := c.postings[t]
	for k, x := range p {
		if x == cl {
			p[k] = p[len(p)-1]
			p = p[:len(p)-1]
			break
		}
	}
	if len(p) == 0 {
		delete(c.postings, t)
	} else {
		c.postings[t] = p
	}
}

// merge joins two stories; the one founded earlier keeps its ID.
func (c *Clusterer) merge(a, b *cluster, changed []dateline.Assignment) (*cluster, []dateline.Assignment) {
	if b.founder.before(a.founder) {
		a, b = b, a
	}
	// Centroids are sums, so the merged centroid is their sum.
	sum := slices.Clone(a.cent)
	c.setCentroid(a, nil)
	bc := b.cent
	c.setCentroid(b, nil)
	merged := make([]tw, 0, len(sum)+len(bc))
	i, j := 0, 0
	for i < len(sum) || j < len(bc) {
		switch {
		case j == len(bc) || i < len(sum) && sum[i].t < bc[j].t:
			merged = append(merged, sum[i])
			i++
		case i == len(sum) || bc[j].t < sum[i].t:
			merged = append(merged, bc[j])
			j++
		default:
			merged = append(merged, tw{sum[i].t, sum[i].w + bc[j].w})
			i++
			j++
		}
	}
	c.setCentroid(a, truncate(merged, c.opts.StoryTerms))
	for _, id := range b.members {
		m, ok := c.docs[id]
		if !ok || m.c != b {
			continue
		}
		m.c = a
		a.members = append(a.members, id)
		a.live++
		changed = append(changed, dateline.Assignment{ArticleID: id, Story: a.id, DuplicateOf: m.dupOf})
	}
	a.total += b.total
	a.content += b.content
	for s, n := range b.sources {
		a.sources[s] += n
	}
	for e, n := range b.ents {
		a.ents[e] += n
	}
	for t, s := range b.terms {
		a.terms[t] = s
	}
	if !b.first.IsZero() && (a.first.IsZero() || b.first.Before(a.first)) {
		a.first = b.first
	}
	if b.last.After(a.last) {
		a.last = b.last
	}
	if !b.lo.IsZero() && (a.lo.IsZero() || b.lo.Before(a.lo)) {
		a.lo = b.lo
	}
	if b.hi.After(a.hi) {
		a.hi = b.hi
	}
	if b.label != "" && (a.label == "" || b.labelSim > a.labelSim) {
		a.label, a.labelSim = b.label, b.labelSim
	}
	b.gone, b.merged = true, true
	b.members, b.live = nil, 0
	c.touch(a)
	c.touch(b)
	return a, changed
}

// Stories returns the summaries of the stories changed since the last call,
// sorted by ID. A story that was merged into another comes back with zero
// Articles so the caller can drop it.
func (c *Clusterer) Stories() []dateline.Story {
	out := make([]dateline.Story, 0, len(c.touched))
	for _, cl := range c.touched {
		cl.touched = false
		out = append(out, summary(cl))
	}
	c.touched = c.touched[:0]
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func summary(cl *cluster) dateline.Story {
	if cl.merged {
		return dateline.Story{ID: cl.id}
	}
	return dateline.Story{
		ID:       cl.id,
		Label:    label(cl),
		First:    cl.first,
		Last:     cl.last,
		Articles: cl.total,
		Outlets:  len(cl.sources),
	}
}

func label(cl *cluster) string {
	if cl.label != "" {
		return cl.label
	}
	var words []string
	for _, t := range topTerms(cl.cent, 8) {
		if s, ok := cl.terms[t]; ok {
			words = append(words, s)
			if len(words) == 4 {
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// startClock dates the undated articles that arrived before any dated one.
func (c *Clusterer) startClock(t time.Time) {
	var zero []evictItem
	for c.order.Len() > 0 && c.order[0].at.IsZero() {
		zero = append(zero, heap.Pop(&c.order).(evictItem))
	}
	for _, it := range zero {
		it.at = t
		heap.Push(&c.order, it)
	}
}

// evict forgets the articles that left the window and closes stories with
// none left.
func (c *Clusterer) evict() {
	for c.order.Len() > 0 {
		top := c.order[0]
		over := c.opts.MaxDocs > 0 && len(c.docs) >= c.opts.MaxDocs
		old := c.opts.Window > 0 && !c.clock.IsZero() && !top.at.IsZero() && top.at.Before(c.clock.Add(-c.opts.Window))
		if !over && !old {
			return
		}
		heap.Pop(&c.order)
		m, ok := c.docs[top.id]
		if !ok {
			continue
		}
		delete(c.docs, top.id)
		for _, t := range m.terms {
			if c.df[t]--; c.df[t] <= 0 {
				delete(c.df, t)
				delete(c.text, t)
			}
		}
		if m.terms != nil {
			c.n--
		}
		cl := m.c
		if cl.live--; cl.live <= 0 && !cl.gone {
			c.setCentroid(cl, nil)
			cl.gone = true
			cl.members = nil
			continue
		}
		// Drop departed IDs from the member list now and then.
		if len(cl.members) > 2*cl.live+16 {
			keep := cl.members[:0]
			for _, id := range cl.members {
				if mm, ok := c.docs[id]; ok && mm.c == cl {
					keep = append(keep, id)
				}
			}
			cl.members = keep
		}
	}
}

type evictItem struct {
	at  time.Time
	seq uint64
	id  string
}

type evictHeap []evictItem

func (h evictHeap) Len() int { return len(h) }
func (h evictHeap) Less(i, j int) bool {
	if !h[i].at.Equal(h[j].at) {
		return h[i].at.Before(h[j].at)
	}
	return h[i].seq < h[j].seq
}
func (h evictHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *evictHeap) Push(x any)   { *h = append(*h, x.(evictItem)) }
func (h *evictHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// count adds an article's distinct terms to the document frequencies.
func (c *Clusterer) count(a *dateline.Article) {
	clear(c.tf)
	add := func(term []byte, _ bool) {
		h := hashTerm(term)
		if _, ok := c.tf[h]; !ok {
			c.tf[h] = 1
			if c.df[h] == 0 {
				c.text[h] = string(term)
			}
			c.df[h]++
		}
	}
	if a.Title != "" && !strings.HasPrefix(a.Text, a.Title) {
		c.tk.each(a.Title, add)
	}
	c.tk.each(a.Text, add)
	c.n++
}

package story

import (
	"container/heap"
	"math"
	"sort"
	"time"

	"github.com/datelinehq/dateline"
)

// Batch clusters a whole collection from scratch, as a recluster does, by
// average-linkage agglomerative clustering over the density-normalised
// similarity graph: repeatedly join the two stories with the highest mean
// link (pairs never compared count 0) while it reaches the threshold. The
// document frequencies are counted over the whole collection first and
// nothing is evicted, since the collection is in memory anyway.
//
// The result does not depend on the order of articles: they are sorted by
// publication date (undated first) and ID before anything else. Near-copies
// (DuplicateOf naming an article of the collection) join their original's
// story without weighing in. Assignments come back sorted by article ID,
// stories by ID.
func Batch(articles []dateline.Article, opts Options) ([]dateline.Assignment, []dateline.Story) {
	o := opts.withDefaults()
	present := make(map[string]int, len(articles))
	for i := range articles {
		present[articles[i].ID] = i
	}
	idx := make([]int, 0, len(articles))
	for i := range articles {
		if present[articles[i].ID] == i { // the last of repeated IDs wins
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(x, y int) bool {
		a, b := &articles[idx[x]], &articles[idx[y]]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.ID < b.ID
	})
	var content, dups []int
	for _, i := range idx {
		a := &articles[i]
		if _, ok := present[a.DuplicateOf]; ok && a.DuplicateOf != a.ID {
			dups = append(dups, i)
		} else {
			content = append(content, i)
		}
	}

	v := newVocab(o.ProperBoost)
	bags := make([][]tw, len(content))
	for x, i := range content {
		bags[x] = v.bag(&articles[i])
		v.count(bags[x])
	}
	n := len(content)
	items := make([]item, n)
	for x, i := range content {
		a := &articles[i]
		items[x] = item{id: a.ID, pub: a.Published, when: eventDate(a), ents: entities(a), vec: v.weigh(bags[x], o.DocTerms)}
	}
	vecs := make([][]tw, n)
	for x := range items {
		vecs[x] = items[x].vec
	}
	root, central := agglomerate(items, &o)

	// Name each story after its earliest article and label it by its most
	// central one.
	first := map[int32]founder{}
	for x := 0; x < n; x++ {
		r := root[x]
		a := &articles[content[x]]
		if f, ok := first[r]; !ok || (founder{a.ID, a.Published}).before(f) {
			first[r] = founder{a.ID, a.Published}
		}
	}
	type agg struct {
		tally tally
		best  int
	}
	stories := map[int32]*agg{}
	byID := map[string]*agg{}
	storyOf := map[string]string{}
	out := make([]dateline.Assignment, 0, len(idx))
	for x := 0; x < n; x++ {
		a := &articles[content[x]]
		r := root[x]
		g := stories[r]
		if g == nil {
			g = &agg{best: x}
			stories[r] = g
			byID[StoryID(first[r].id)] = g
		}
		g.tally.add(a)
		b := &articles[content[g.best]]
		if betterLabel(central[x], a.Title, a.ID, central[g.best], b.Title, b.ID) {
			g.best = x
		}
		id := StoryID(first[r].id)
		storyOf[a.ID] = id
		out = append(out, dateline.Assignment{ArticleID: a.ID, Story: id})
	}
	for _, i := range dups {
		a := &articles[i]
		orig := a.DuplicateOf
		// Follow a chain of copies to the article that placed a story.
		for hops := 0; hops < len(dups); hops++ {
			if _, ok := storyOf[orig]; ok {
				break
			}
			j := present[orig]
			if articles[j].DuplicateOf == "" || articles[j].DuplicateOf == orig {
				break
			}
			orig = articles[j].DuplicateOf
		}
		id, ok := storyOf[orig]
		if !ok { // a cycle of copies: give it a story of its own
			id = StoryID(a.ID)
		}
		storyOf[a.ID] = id
		out = append(out, dateline.Assignment{ArticleID: a.ID, Story: id, DuplicateOf: a.DuplicateOf})
		if g := byID[id]; g != nil {
			g.tally.add(a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ArticleID < out[j].ArticleID })
	sums := make([]dateline.Story, 0, len(stories))
	for r, g := range stories {
		b := &articles[content[g.best]]
		sums = append(sums, dateline.Story{
			ID:       StoryID(first[r].id),
			Label:    labelFor(b.Title, vecs[g.best], v),
			First:    g.tally.first,
			Last:     g.tally.last,
			Articles: g.tally.articles,
			Outlets:  len(g.tally.sources),
		})
	}
	sort.Slice(sums, func(i, j int) bool { return sums[i].ID < sums[j].ID })
	return out, sums
}

// item is one article as the agglomeration sees it.
type item struct {
	id        string
	pub, when time.Time
	ents      []string
	vec       []tw
}

// agglomerate runs average-link clustering over items, which must come
// sorted by publication date and ID: each item's root is the smallest index
// in its cluster, and central is the sum of its normalised links inside it.
func agglomerate(items []item, o *Options) (root []int32, central []float64) {
	n := len(items)
	postings := map[uint32][]int32{}
	for x := range items {
		for _, t := range topTerms(items[x].vec, o.IndexTerms) {
			postings[t] = append(postings[t], int32(x))
		}
	}

	// The similarity graph: each article against the candidates sharing
	// most of its heaviest terms, kept symmetric.
	adj := make([]map[int32]float64, n)
	for x := range adj {
		adj[x] = map[int32]float64{}
	}
	count := map[int32]int{}
	for x := 0; x < n; x++ {
		clear(count)
		for _, t := range topTerms(items[x].vec, o.IndexTerms) {
			for _, y := range postings[t] {
				if int(y) != x {
					count[y]++
				}
			}
		}
		cands := make([]int32, 0, len(count))
		for y := range count {
			cands = append(cands, y)
		}
		sort.Slice(cands, func(i, j int) bool {
			if count[cands[i]] != count[cands[j]] {
				return count[cands[i]] > count[cands[j]]
			}
			return cands[i] < cands[j]
		})
		if len(cands) > o.Candidates {
			cands = cands[:o.Candidates]
		}
		for _, y := range cands {
			if _, done := adj[x][y]; done {
				continue
			}
			s := similarity(o, items[x].vec, items[x].when, items[x].ents, items[y].vec, items[y].when, items[y].ents)
			if s >= o.MinSimilarity {
				adj[x][y] = s
				adj[int(y)][int32(x)] = s
			}
		}
	}
	scale := make([]float64, n)
	for x := range adj {
		var t topK
		for _, s := range adj[x] {
			t.add(s, o.Neighbours)
		}
		scale[x] = t.scale(o.Neighbours)
	}

	// Average-link agglomeration over the normalised graph. Clusters are
	// named by their smallest member index, which the sort made
	// order-independent; links are sums of normalised similarities.
	size := make([]int, n)
	parent := make([]int32, n)
	links := make([]map[int32]float64, n)
	h := &pairHeap{}
	for x := 0; x < n; x++ {
		size[x] = 1
		parent[x] = int32(x)
		links[x] = make(map[int32]float64, len(adj[x]))
		for y, s := range adj[x] {
			links[x][y] = s / math.Sqrt(scale[x]*scale[y])
		}
	}
	// Spans of the dated members, for joining coverage that runs on.
	lo := make([]time.Time, n)
	hi := make([]time.Time, n)
	for x := range items {
		lo[x], hi[x] = items[x].when, items[x].when
	}
	// Centroids (sums of member vectors) for judging whether two stories
	// are about the same development; built when first needed.
	var cent []centroid
	centroids := func() {
		cent = make([]centroid, n)
		for x := range items {
			r := int32(x)
			for parent[r] != r {
				r = parent[r]
			}
			cent[r] = cent[r].add(fromVec(items[x].vec))
		}
	}
	// agglomerate merges pairs best first, by the score accept gives the
	// pairs it accepts.
	agglomerate := func(accept func(a, b int32, avg float64) (float64, bool)) {
		for a := range links {
			if parent[a] != int32(a) {
				continue
			}
			for y, w := range links[a] {
				if int32(a) < y {
					if sc, ok := accept(int32(a), y, w/float64(size[a]*size[y])); ok {
						heap.Push(h, pair{a: int32(a), b: y, avg: sc, sa: size[a], sb: size[y]})
					}
				}
			}
		}
		for h.Len() > 0 {
			p := heap.Pop(h).(pair)
			if parent[p.a] != p.a || parent[p.b] != p.b || size[p.a] != p.sa || size[p.b] != p.sb {
				continue // stale: one side has grown or gone
			}
			a, b := p.a, p.b // a < b: the merged cluster keeps the smaller name
			parent[b] = a
			delete(links[a], b)
			for y, w := range links[b] {
				if y == a {
					continue
				}
				links[a][y] += w
				delete(links[y], b)
				links[y][a] += w
			}
			links[b] = nil
			size[a] += size[b]
			if !lo[b].IsZero() && (lo[a].IsZero() || lo[b].Before(lo[a])) {
				lo[a] = lo[b]
			}
			if hi[b].After(hi[a]) {
				hi[a] = hi[b]
			}
			if cent != nil {
				cent[a] = cent[a].add(cent[b])
				cent[b] = centroid{}
			}
			for y, w := range links[a] {
				if sc, ok := accept(a, y, w/float64(size[a]*size[y])); ok {
					l, r := a, y
					if r < l {
						l, r = r, l
					}
					heap.Push(h, pair{a: l, b: r, avg: sc, sa: size[l], sb: size[r]})
				}
			}
		}
	}
	*h = (*h)[:0]
	agglomerate(func(_, _ int32, avg float64) (float64, bool) { return avg, avg >= o.Threshold })
	// Coverage that joins up: two linked, dated stories whose spans come
	// within JoinGap of each other and whose centroids' cosine reaches
	// Continuity are one running story, such as the weeks of a
	// contamination crisis told event by event. Undated stories give no
	// evidence of running on.
	centroids()
	agglomerate(func(a, b int32, _ float64) (float64, bool) {
		if lo[a].IsZero() || lo[b].IsZero() || lo[b].After(hi[a].Add(o.JoinGap)) || lo[a].After(hi[b].Add(o.JoinGap)) {
			return 0, false
		}
		cos := cent[a].cosine(cent[b])
		return cos, cos >= o.Continuity
	})
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}

	root = make([]int32, n)
	for x := range root {
		root[x] = find(int32(x))
	}
	central = make([]float64, n)
	var ys []int32
	for x := 0; x < n; x++ {
		ys = ys[:0]
		for y := range adj[x] {
			if root[y] == root[x] {
				ys = append(ys, y)
			}
		}
		// A fixed order keeps the float sum, and so the label, reproducible.
		sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
		for _, y := range ys {
			central[x] += adj[x][y] / math.Sqrt(scale[x]*scale[y])
		}
	}
	return root, central
}

// pair is a candidate merge; sa and sb are the sizes when it was computed,
// so a pair made stale by another merge is recognised and skipped.
type pair struct {
	a, b   int32
	avg    float64
	sa, sb int
}

type pairHeap []pair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// centroid is a sum of article vectors, sorted by term, with its squared
// norm; sums and dot products run in term order, so results do not depend
// on any map's iteration order.
type centroid struct {
	v     []ctw
	norm2 float64
}

type ctw struct {
	t uint32
	w float64
}

func fromVec(v []tw) centroid {
	c := centroid{v: make([]ctw, len(v))}
	for i, x := range v {
		c.v[i] = ctw{x.t, float64(x.w)}
		c.norm2 += float64(x.w) * float64(x.w)
	}
	return c
}

func (a centroid) add(b centroid) centroid {
	out := centroid{v: make([]ctw, 0, len(a.v)+len(b.v))}
	i, j := 0, 0
	for i < len(a.v) || j < len(b.v) {
		var x ctw
		switch {
		case j == len(b.v) || i < len(a.v) && a.v[i].t < b.v[j].t:
			x = a.v[i]
			i++
		case i == len(a.v) || b.v[j].t < a.v[i].t:
			x = b.v[j]
			j++
		default:
			x = ctw{a.v[i].t, a.v[i].w + b.v[j].w}
			i++
			j++
		}
		out.v = append(out.v, x)
		out.norm2 += x.w * x.w
	}
	return out
}

func (a centroid) cosine(b centroid) float64 {
	if a.norm2 == 0 || b.norm2 == 0 {
		return 0
	}
	var d float64
	i, j := 0, 0
	for i < len(a.v) && j < len(b.v) {
		switch {
		case a.v[i].t < b.v[j].t:
			i++
		case a.v[i].t > b.v[j].t:
			j++
		default:
			d += a.v[i].w * b.v[j].w
			i++
			j++
		}
	}
	return d / math.Sqrt(a.norm2*b.norm2)
}

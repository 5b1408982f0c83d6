package story

import (
	"sort"

	"github.com/datelinehq/dateline"
)

// Batch clusters a whole collection from scratch, as a recluster does. The
// result does not depend on the order of articles: they are taken by
// publication date (undated first), then ID, and nothing is evicted, since
// the collection is in memory anyway. Near-copies (DuplicateOf naming an
// article of the collection) join their original's story after the
// originals are placed. Assignments come back sorted by article ID, stories
// by ID.
func Batch(articles []dateline.Article, opts Options) ([]dateline.Assignment, []dateline.Story) {
	opts.Window, opts.MaxDocs = -1, -1
	c := NewClusterer(opts)

	present := make(map[string]bool, len(articles))
	for i := range articles {
		present[articles[i].ID] = true
	}
	idx := make([]int, len(articles))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := &articles[idx[x]], &articles[idx[y]]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.ID < b.ID
	})
	// Count document frequencies over the whole collection first, so the
	// first articles are weighed like the last.
	var dups []int
	var content []int
	for _, i := range idx {
		a := &articles[i]
		if a.DuplicateOf != "" && a.DuplicateOf != a.ID && present[a.DuplicateOf] {
			dups = append(dups, i)
		} else {
			content = append(content, i)
		}
	}
	for _, i := range content {
		c.count(&articles[i])
	}
	c.frozen = true
	for _, i := range idx {
		a := &articles[i]
		if a.DuplicateOf != "" && a.DuplicateOf != a.ID && present[a.DuplicateOf] {
			continue
		}
		c.Assign(a)
	}
	for _, i := range dups {
		c.Assign(&articles[i])
	}

	out := make([]dateline.Assignment, 0, len(c.docs))
	stories := map[*cluster]bool{}
	for id, m := range c.docs {
		out = append(out, dateline.Assignment{ArticleID: id, Story: m.c.id, DuplicateOf: m.dupOf})
		stories[m.c] = true
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ArticleID < out[j].ArticleID })
	sums := make([]dateline.Story, 0, len(stories))
	for cl := range stories {
		sums = append(sums, summary(cl))
	}
	sort.Slice(sums, func(i, j int) bool { return sums[i].ID < sums[j].ID })
	return out, sums
}

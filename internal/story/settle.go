package story

import (
	"sort"

	"github.com/datelinehq/dateline"
)

// Settle reclusters the articles held in the window exactly as Batch would
// cluster them (same vectors, same agglomeration) and returns the
// assignments that changed, sorted by article ID; Stories then reports the
// stories it touched. Online placement is greedy, so it depends on the
// order of arrival; settling at the end of an ingest run makes the stories
// of the window independent of it.
//
// A settled story is named after its earliest held article, except that a
// story some of whose articles have already left the window keeps its ID
// (the settled story holding most of its remaining articles takes it), so
// stored articles outside the window stay with their story. Such a story's
// counts then include its departed articles.
func (c *Clusterer) Settle() []dateline.Assignment {
	c.pending = 0
	clear(c.restored)
	var docs []*odoc
	for _, d := range c.docs {
		if d.bag != nil {
			docs = append(docs, d)
		}
	}
	sort.Slice(docs, func(i, j int) bool {
		if !docs[i].pub.Equal(docs[j].pub) {
			return docs[i].pub.Before(docs[j].pub)
		}
		return docs[i].id < docs[j].id
	})
	items := make([]item, len(docs))
	for x, d := range docs {
		d.vec = c.v.weigh(d.bag, c.opts.DocTerms)
		items[x] = item{id: d.id, pub: d.pub, when: d.when, ents: d.ents, vec: d.vec}
	}
	root, central := agglomerate(items, &c.opts)

	// Group the members; each group's founder is its earliest article.
	groups := map[int32][]*odoc{}
	var roots []int32
	for x, d := range docs {
		r := root[x]
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], d)
		d.central = central[x]
	}
	// Old stories with departed articles hand their ID to the group holding
	// most of their remaining ones; larger groups choose first.
	held := map[*ostory]int{}
	for _, d := range c.docs {
		held[d.c]++
	}
	sort.Slice(roots, func(i, j int) bool {
		if len(groups[roots[i]]) != len(groups[roots[j]]) {
			return len(groups[roots[i]]) > len(groups[roots[j]])
		}
		return roots[i] < roots[j]
	})
	old := map[*ostory]bool{}
	for _, d := range c.docs {
		old[d.c] = true
	}
	claimed := map[*ostory]bool{}
	fresh := map[int32]*ostory{}
	ofOld := map[*ostory]*ostory{} // old story → the settled one holding most of it
	oldShare := map[*ostory]int{}
	for _, r := range roots {
		g := groups[r]
		share := map[*ostory]int{}
		for _, d := range g {
			share[d.c]++
		}
		var heir *ostory
		for st, n := range share {
			if st.tally.articles <= held[st] && !st.restored || claimed[st] {
				continue // no history to keep, or taken
			}
			if heir == nil || n > share[heir] || n == share[heir] && st.founder.before(heir.founder) {
				heir = st
			}
		}
		f := founder{g[0].id, g[0].pub}
		for _, d := range g[1:] {
			if (founder{d.id, d.pub}).before(f) {
				f = founder{d.id, d.pub}
			}
		}
		ns := &ostory{id: StoryID(f.id), founder: f, links: map[*ostory]float64{}}
		if heir != nil {
			claimed[heir] = true
			ns.id, ns.founder, ns.restored = heir.id, heir.founder, heir.restored
			// Keep the departed articles' part of the counts: the old tally
			// less nothing (a tally cannot subtract), plus the newcomers.
			ns.tally = heir.tally
			ns.tally.sources = make(map[string]int, len(heir.tally.sources))
			for s, n := range heir.tally.sources {
				ns.tally.sources[s] = n
			}
		}
		fresh[r] = ns
		for st, n := range share {
			// roots run largest group first, so a tie keeps the larger.
			if n > oldShare[st] {
				ofOld[st], oldShare[st] = ns, n
			}
		}
	}

	// Move everyone.
	var changed []dateline.Assignment
	newOf := map[*odoc]*ostory{}
	for _, r := range roots {
		ns := fresh[r]
		for _, d := range groups[r] {
			newOf[d] = ns
		}
	}
	for _, d := range c.docs {
		if d.bag == nil { // a duplicate follows its original, or its old story
			if o, ok := c.docs[d.dupOf]; ok && o.bag != nil {
				newOf[d] = newOf[o]
			} else if ns, ok := ofOld[d.c]; ok {
				newOf[d] = ns
			}
		}
	}
	ids := make([]string, 0, len(c.docs))
	for id := range c.docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		d := c.docs[id]
		ns, ok := newOf[d]
		if !ok {
			continue // a duplicate whose story has nothing else held: it stays
		}
		prev := d.c
		if prev.id != ns.id {
			changed = append(changed, dateline.Assignment{ArticleID: d.id, Story: ns.id, DuplicateOf: d.dupOf})
		}
		heirOf := prev.id == ns.id && (prev.tally.articles > held[prev] || prev.restored)
		if !heirOf {
			ns.tally.add(&dateline.Article{Document: dateline.Document{Published: d.pub, Source: d.source}})
		}
		d.c = ns
		ns.members = append(ns.members, d)
		ns.live++
		if d.bag != nil {
			ns.content++
		}
	}
	// Stories that lost all their members are gone; report them so the
	// caller can drop them, unless a settled story carries the same ID.
	live := map[string]bool{}
	for _, ns := range fresh {
		live[ns.id] = true
		c.touch(ns)
	}
	for st := range old {
		if st.live == 0 || hasMember(c, st) {
			continue
		}
		for o := range st.links {
			delete(o.links, st)
		}
		st.gone, st.links, st.members = true, nil, nil
		if !live[st.id] {
			st.merged = true
			c.touch(st)
		}
	}
	// Postings point at docs, which are unchanged; only their vectors were
	// reweighed.
	return changed
}

func hasMember(c *Clusterer, st *ostory) bool {
	for _, d := range st.members {
		if d.c == st {
			if _, ok := c.docs[d.id]; ok {
				return true
			}
		}
	}
	return false
}

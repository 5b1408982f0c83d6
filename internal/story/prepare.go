package story

import (
	"sync"
	"time"

	"github.com/datelinehq/dateline"
)

// Prepared is the part of placing an article that depends on the article
// alone: its distinct terms with their frequencies, its entities and its
// date for time proximity. Reading the text is most of an arrival's cost,
// so a pipeline can prepare articles on its worker pool and keep only the
// rest for the one goroutine that calls AssignPrepared.
type Prepared struct {
	id     string
	proper float64
	ok     bool
	terms  []pterm
	text   []byte // the terms' texts, back to back
	when   time.Time
	ents   []string
}

// pterm is one distinct term: its hash, its frequency and where its text
// ends in Prepared.text (it starts where the previous one ends).
type pterm struct {
	h   uint32
	end uint32
	tf  float64
}

var readers = sync.Pool{New: func() any { return new(reader) }}

// Prepare reads a for AssignPrepared. It only reads the clusterer's
// options, so unlike the other methods it is safe to call from many
// goroutines at once, also while another goroutine assigns. Call it once
// the article is final (text, title, entities and time expressions), and
// hand the result to AssignPrepared for the same article.
func (c *Clusterer) Prepare(a *dateline.Article) *Prepared {
	r := readers.Get().(*reader)
	r.proper = c.opts.ProperBoost
	p := &Prepared{id: a.ID, proper: r.proper}
	r.read(a, p)
	readers.Put(r)
	return p
}

// AssignPrepared is Assign for an article prepared with Prepare; the result
// is the same. A Prepared made for another article ID, or by a clusterer
// with another ProperBoost, is ignored and the article read again.
func (c *Clusterer) AssignPrepared(a *dateline.Article, p *Prepared) (storyID string, changed []dateline.Assignment) {
	return c.place(a, "", p)
}

// prepared returns p when it fits a, else a's terms read into the
// clusterer's own scratch space.
func (c *Clusterer) prepared(a *dateline.Article, p *Prepared) *Prepared {
	if p != nil && p.ok && p.id == a.ID && p.proper == c.opts.ProperBoost {
		return p
	}
	c.v.rd.proper = c.opts.ProperBoost
	c.v.rd.read(a, &c.v.scratch)
	return &c.v.scratch
}

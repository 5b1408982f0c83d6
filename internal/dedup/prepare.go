package dedup

import (
	"github.com/datelinehq/dateline"
)

// Prepared is the part of Check that depends on the article alone: the
// words of its text, line by line, with boilerplate left out, and each
// line's per-site key. Reading the text is most of Check's cost, so a
// pipeline can prepare articles on its worker pool and leave only the
// comparison to the goroutine that calls CheckPrepared.
type Prepared struct {
	id       string
	site     uint64 // hash of the Source, 0 when site furniture is not filtered
	maxWords int
	self     bool
	words    []uint64 // word hashes, line after line
	ends     []int32  // where each line's words end in words
	keys     []uint64 // per line: its per-site key, when site != 0 and it has 4+ words
}

// Prepare reads a for CheckPrepared. It only reads the index's options, so
// unlike the other methods it is safe to call from many goroutines at once,
// also while another goroutine checks.
func (ix *Index) Prepare(a *dateline.Article) *Prepared {
	// A word takes at least two bytes with its separator; sizing the
	// buffer once saves growing it through a long text.
	n := len(a.Text)/2 + 1
	if m := ix.opts.MaxWords; m > 0 && m < n {
		n = m
	}
	p := &Prepared{words: make([]uint64, 0, n)}
	ix.read(a, p)
	return p
}

func siteOf(a *dateline.Article, o *Options) uint64 {
	if a.Source != "" && o.ChromeMin > 0 {
		return mix64(fnvString(a.Source))
	}
	return 0
}

func (p *Prepared) fits(a *dateline.Article, o *Options) bool {
	return p.id == a.ID && p.maxWords == o.MaxWords && p.site == siteOf(a, o)
}

// read fills p from a; it touches nothing but p and the options.
func (ix *Index) read(a *dateline.Article, p *Prepared) {
	p.id, p.site, p.maxWords, p.self = a.ID, siteOf(a, &ix.opts), ix.opts.MaxWords, selfCredit(a)
	p.words, p.ends, p.keys = p.words[:0], p.ends[:0], p.keys[:0]
	end := 0
	p.words = appendLines(p.words, a.Text, p.maxWords, func(ws []uint64) {
		end += len(ws)
		p.ends = append(p.ends, int32(end))
		var h uint64
		if p.site != 0 && len(ws) >= 4 {
			h = p.site
			for _, w := range ws {
				h = mix64(h ^ w)
			}
		}
		p.keys = append(p.keys, h)
	})
}

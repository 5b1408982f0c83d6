// Package dedupeval measures near-duplicate detection on a labelled set
// built from real articles: copies made by the perturbations syndication
// produces (a new headline, added bylines and blurbs, truncation, light
// rewording, plain-text re-rendering of tokenised text) are mixed into the
// stream of all the original articles, which serve as hard negatives (other
// articles on the same events, days and outlets). The set is built in
// memory from a fixed seed, so every run scores the same set.
package dedupeval

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/dedup"
)

// Kinds of perturbation, in the order they are applied to each original.
var Kinds = []string{"headline", "boilerplate", "truncate", "reword", "detokenise", "combined"}

// Options for building and scoring the set.
type Options struct {
	Seed      uint64 // default 1
	Originals int    // originals to copy; default 300
	// MinWords: originals have at least this many words once boilerplate
	// and site furniture are left out. Default 80.
	MinWords int
	// Clean is the similarity below which an original must stay with every
	// other real article: originals that already have a near-copy in the
	// corpus are skipped, so the gold needs no hand labels. Default 0.3.
	Clean float64
	// Shuffle streams the articles in a random (seeded) order instead of by
	// date, so copies often arrive before their originals. Use it with an
	// unbounded dedup window: a shuffled stream of several years would
	// otherwise evict most articles on arrival.
	Shuffle bool
	// Stress makes the perturbations harsher than "light": truncation to
	// 25-50 %, rewording of 15 % of the words, to show where recall breaks.
	Stress bool
	Dedup  dedup.Options
}

func (o Options) withDefaults() Options {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Originals <= 0 {
		o.Originals = 300
	}
	if o.MinWords <= 0 {
		o.MinWords = 80
	}
	if o.Clean <= 0 {
		o.Clean = 0.3
	}
	return o
}

// Copy is one synthetic near-duplicate.
type Copy struct {
	Article  dateline.Article
	Original string
	Kind     string
}

// Report is the score on the set.
type Report struct {
	Articles  int     `json:"articles"`  // real articles in the stream
	Originals int     `json:"originals"` // of them, copied
	Copies    int     `json:"copies"`
	Threshold float64 `json:"threshold"`
	// Pairs involving at least one copy: system says "same original" (TP+FP)
	// against gold (TP+FN).
	TP        int                `json:"tp"`
	FP        int                `json:"fp"`
	FN        int                `json:"fn"`
	Precision float64            `json:"precision"`
	Recall    float64            `json:"recall"`
	ByKind    map[string]float64 `json:"recall_by_kind"` // copies linked to their original's group
	// Relinked counts articles re-pointed when a better original arrived
	// after them.
	Relinked int    `json:"relinked"`
	Order    string `json:"order"` // "date" or "shuffled"
	Stress   bool   `json:"stress"`
}

// Build picks originals among articles and makes their copies.
func Build(articles []dateline.Article, o Options) []Copy {
	o = o.withDefaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))

	// Originals must have no near-copy among the real articles.
	crowded := map[string]bool{}
	words := map[string]int{}
	clean := o.Dedup
	clean.Threshold, clean.Window, clean.MaxDocs = o.Clean, -1, -1
	ix := dedup.NewIndex(clean)
	for _, i := range sorted(articles) {
		r := ix.Check(&articles[i])
		words[articles[i].ID] = r.Words
		if r.Original != "" {
			crowded[r.Original] = true
			crowded[articles[i].ID] = true
		}
		for _, id := range r.Relinked {
			crowded[id] = true
			crowded[articles[i].ID] = true
		}
	}
	var pool []int
	for i := range articles {
		a := &articles[i]
		// Words counts what dedup compares: a page that is all site
		// furniture has next to nothing left and is no original.
		if !crowded[a.ID] && words[a.ID] >= o.MinWords {
			pool = append(pool, i)
		}
	}
	sort.Slice(pool, func(x, y int) bool { return articles[pool[x]].ID < articles[pool[y]].ID })
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	if len(pool) > o.Originals {
		pool = pool[:o.Originals]
	}
	var out []Copy
	for _, i := range pool {
		orig := &articles[i]
		for _, k := range Kinds {
			c := dateline.Article{}
			c.ID = "copy/" + k + "/" + orig.ID
			c.Source = "copysite-" + k
			c.Title = orig.Title
			c.Published = orig.Published
			if !c.Published.IsZero() {
				// Most copies run the same day or a little later; some are
				// dated before the original (a feed that backdates, a
				// mirror crawled first), which exercises re-linking.
				switch d := rng.IntN(10); {
				case d == 0:
					c.Published = c.Published.AddDate(0, 0, -1)
				case d >= 7:
					c.Published = c.Published.AddDate(0, 0, 1+rng.IntN(2))
				}
			}
			c.Text = perturb(rng, k, orig, o.Stress)
			if k == "headline" || k == "combined" {
				c.Title = headline(rng, orig.Text)
			}
			out = append(out, Copy{Article: c, Original: orig.ID, Kind: k})
		}
	}
	return out
}

func perturb(rng *rand.Rand, kind string, a *dateline.Article, stress bool) string {
	keep, lo, change := 0.5, 0.4, 0.06
	if stress {
		keep, lo, change = 0.25, 0.25, 0.15
	}
	switch kind {
	case "headline":
		return headline(rng, a.Text) + "\n" + a.Text
	case "boilerplate":
		return boilerplate(rng, a.Text)
	case "truncate":
		return truncate(a.Text, keep+lo*rng.Float64())
	case "reword":
		return reword(rng, a.Text, change)
	case "detokenise":
		return detokenise(a.Text)
	case "combined":
		t := truncate(a.Text, keep+0.1+lo*rng.Float64())
		if stress {
			t = reword(rng, t, change/2)
		}
		t = detokenise(t)
		t = boilerplate(rng, t)
		return headline(rng, a.Text) + "\n" + t
	}
	panic("dedupeval: unknown kind " + kind)
}

func headline(rng *rand.Rand, text string) string {
	w := strings.Fields(text)
	if len(w) == 0 {
		return "Breaking news"
	}
	n := 5 + rng.IntN(6)
	start := rng.IntN(max(1, len(w)-n))
	h := w[start:min(len(w), start+n)]
	return "UPDATE: " + strings.Join(h, " ")
}

var (
	bylines = []string{"By Staff Reporter", "By Jane Okafor, Wire Desk", "By Our Correspondent", "By M. Lindqvist and R. Costa"}
	tails   = [][]string{
		{"Read more: latest headlines from our newsroom", "Sign up for our morning newsletter to get the news first."},
		{"Copyright 2011 Wire Service. All rights reserved.", "Click here to follow us on social media"},
		{"Related: more coverage of this story", "Subscribe to our daily digest"},
		{"(Reporting by Ana Ruiz; Editing by Tom Hale)", "Advertisement"},
	}
)

func boilerplate(rng *rand.Rand, text string) string {
	var b strings.Builder
	b.WriteString(bylines[rng.IntN(len(bylines))])
	b.WriteString("\n")
	lines := strings.Split(text, "\n")
	mid := len(lines) / 2
	for i, l := range lines {
		if i == mid && len(lines) > 4 {
			b.WriteString("Advertisement\n")
		}
		b.WriteString(l)
		b.WriteString("\n")
	}
	for _, t := range tails[rng.IntN(len(tails))] {
		b.WriteString(t)
		b.WriteString("\n")
	}
	return b.String()
}

// truncate keeps the first share of the words, ending at a line break when
// one is near.
func truncate(text string, share float64) string {
	cut := int(float64(len(text)) * share)
	if i := strings.LastIndexByte(text[:cut], '\n'); i > cut/2 {
		return text[:i]
	}
	if i := strings.LastIndexByte(text[:cut], ' '); i > 0 {
		return text[:i]
	}
	return text[:cut]
}

// synonyms are the substitutions a rewrite desk makes.
var synonyms = map[string]string{
	"said": "stated", "says": "states", "told": "informed", "people": "persons", "killed": "slain",
	"government": "administration", "city": "town", "police": "officers", "officials": "authorities",
	"also": "additionally", "big": "large", "large": "big", "show": "indicate", "help": "assist",
	"before": "prior to", "after": "following", "about": "around", "many": "numerous", "more": "further",
	"began": "started", "start": "begin", "end": "finish", "try": "attempt", "need": "require",
	"buy": "purchase", "get": "obtain", "use": "employ", "week": "seven days", "country": "nation",
	"company": "firm", "president": "leader", "announced": "declared", "reported": "stated",
	"increase": "rise", "decrease": "fall", "near": "close to", "because": "since", "but": "however",
}

// reword changes about share of the words: a synonym where one is known,
// otherwise the word is dropped.
func reword(rng *rand.Rand, text string, share float64) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		w := strings.Fields(l)
		out := w[:0:0]
		for _, x := range w {
			if rng.Float64() < share {
				if s, ok := synonyms[strings.ToLower(x)]; ok {
					out = append(out, s)
				}
				continue
			}
			out = append(out, x)
		}
		lines[i] = strings.Join(out, " ")
	}
	return strings.Join(lines, "\n")
}

// detokenise renders PTB-tokenised text as a web page would show it.
func detokenise(text string) string {
	r := strings.NewReplacer(
		" ,", ",", " .", ".", " ;", ";", " :", ":", " ?", "?", " !", "!",
		" 's", "'s", " n't", "n't", " 're", "'re", " 've", "'ve", " 'll", "'ll", " 'd", "'d", " 'm", "'m",
		"`` ", "\"", " ''", "\"", "-LRB- ", "(", " -RRB-", ")", "-LRB-", "(", "-RRB-", ")",
	)
	return r.Replace(text)
}

func sorted(articles []dateline.Article) []int {
	idx := make([]int, len(articles))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool {
		a, b := &articles[idx[x]], &articles[idx[y]]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.ID < b.ID
	})
	return idx
}

// Run streams the real articles and the copies, in date order, through a
// dedup index and scores the groups it forms.
func Run(articles []dateline.Article, o Options) Report {
	o = o.withDefaults()
	copies := Build(articles, o)
	stream := append([]dateline.Article(nil), articles...)
	gold := map[string]string{} // copy → original
	kindOf := map[string]string{}
	origs := map[string]bool{}
	for _, c := range copies {
		stream = append(stream, c.Article)
		gold[c.Article.ID] = c.Original
		kindOf[c.Article.ID] = c.Kind
		origs[c.Original] = true
	}
	order := sorted(stream)
	rep := Report{Articles: len(articles), Originals: len(origs), Copies: len(copies), ByKind: map[string]float64{}, Order: "date", Stress: o.Stress}
	if o.Shuffle {
		rand.New(rand.NewPCG(o.Seed, 0x0dde)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rep.Order = "shuffled"
	}
	orig, relinked := stream2(stream, order, o.Dedup)
	rep.Relinked = relinked
	rep.Threshold = o.Dedup.Threshold
	if rep.Threshold == 0 {
		rep.Threshold = 0.6 // dedup's default
	}
	root := func(id string) string {
		if r, ok := orig[id]; ok {
			return r
		}
		return id
	}
	goldRoot := func(id string) string {
		if r, ok := gold[id]; ok {
			return r
		}
		return id
	}
	// System groups, and the gold groups they touch.
	sysGroups := map[string][]string{}
	for i := range stream {
		id := stream[i].ID
		sysGroups[root(id)] = append(sysGroups[root(id)], id)
	}
	isCopy := func(id string) bool { _, ok := gold[id]; return ok }
	for _, ids := range sysGroups {
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				if !isCopy(ids[x]) && !isCopy(ids[y]) {
					continue // real-vs-real links are the duplicate rate, not this set
				}
				if goldRoot(ids[x]) == goldRoot(ids[y]) {
					rep.TP++
				} else {
					rep.FP++
				}
			}
		}
	}
	// Gold pairs: each original with its copies, and copies among themselves.
	goldPairs := 0
	for range origs {
		n := len(Kinds) + 1
		goldPairs += n * (n - 1) / 2
	}
	rep.FN = goldPairs - rep.TP
	if rep.TP+rep.FP > 0 {
		rep.Precision = float64(rep.TP) / float64(rep.TP+rep.FP)
	}
	if goldPairs > 0 {
		rep.Recall = float64(rep.TP) / float64(goldPairs)
	}
	hit := map[string]int{}
	for _, c := range copies {
		if root(c.Article.ID) == root(c.Original) {
			hit[c.Kind]++
		}
	}
	for _, k := range Kinds {
		rep.ByKind[k] = float64(hit[k]) / float64(len(origs))
	}
	return rep
}

// Stream runs articles in date order through an index and returns each
// copy's final original, following re-links.
func Stream(articles []dateline.Article, o dedup.Options) map[string]string {
	orig, _ := stream2(articles, sorted(articles), o)
	return orig
}

func stream2(articles []dateline.Article, order []int, o dedup.Options) (orig map[string]string, relinked int) {
	ix := dedup.NewIndex(o)
	orig = map[string]string{}
	for _, i := range order {
		a := &articles[i]
		r := ix.Check(a)
		if r.Original != "" {
			orig[a.ID] = r.Original
		}
		for _, id := range r.Relinked {
			orig[id] = a.ID
			relinked++
		}
	}
	// An article that was an original and later became a copy of an
	// earlier one: follow the chain to the end.
	for id := range orig {
		seen := 0
		r := orig[id]
		for {
			next, ok := orig[r]
			if !ok || next == r || seen > len(orig) {
				break
			}
			r = next
			seen++
		}
		orig[id] = r
	}
	return orig, relinked
}

// Rate is the share of articles the index marks as copies of another.
type Rate struct {
	Articles   int
	Duplicates int
	Groups     int // originals with at least one copy
	Examples   [][2]string
}

// DuplicateRate streams the articles in date order and counts the copies.
func DuplicateRate(articles []dateline.Article, o dedup.Options, examples int) Rate {
	orig := Stream(articles, o)
	r := Rate{Articles: len(articles), Duplicates: len(orig)}
	groups := map[string]bool{}
	ids := make([]string, 0, len(orig))
	for id, g := range orig {
		groups[g] = true
		ids = append(ids, id)
	}
	sort.Strings(ids)
	r.Groups = len(groups)
	step := 1
	if examples > 0 && len(ids) > examples {
		step = len(ids) / examples
	}
	for i := 0; i < len(ids) && len(r.Examples) < examples; i += step {
		r.Examples = append(r.Examples, [2]string{ids[i], orig[ids[i]]})
	}
	return r
}

// String renders the report for a terminal.
func (r Report) String() string {
	var b strings.Builder
	if r.Stress {
		fmt.Fprintf(&b, "STRESS perturbations (harsher than the target's light ones)\n")
	}
	fmt.Fprintf(&b, "stream: %d real articles + %d copies of %d originals (%d kinds); threshold %.2f\n", r.Articles, r.Copies, r.Originals, len(Kinds), r.Threshold)
	fmt.Fprintf(&b, "pairs with a copy: TP %d  FP %d  FN %d\n", r.TP, r.FP, r.FN)
	fmt.Fprintf(&b, "precision %.4f  recall %.4f\n", r.Precision, r.Recall)
	fmt.Fprintf(&b, "copies found, by kind:")
	for _, k := range Kinds {
		fmt.Fprintf(&b, "  %s %.3f", k, r.ByKind[k])
	}
	fmt.Fprintf(&b, "\norder %s; articles re-pointed at a later, better original: %d\n", r.Order, r.Relinked)
	return b.String()
}

// Package story groups articles into stories: an online clusterer that
// places each article as it arrives, with memory bounded by a time window,
// and Batch, which reclusters a whole collection deterministically.
//
// Both compare articles by TF-IDF cosine (document frequencies counted over
// the window, or over the whole collection in Batch), faded by the time
// between them and raised by the entities they share. A raw cosine says
// little on its own: two reports of two different earthquakes can be as
// close as two reports of one. So each similarity is divided by the local
// density of the two articles — the mean of each one's k best similarities —
// which asks "is this neighbour as close as this article's closest
// neighbours?" (the idea behind shared-nearest-neighbour clustering). Stories
// are then formed by average linkage over those normalised similarities:
// greedily as articles arrive, with stories merging once the links between
// them reach the threshold, or as an agglomerative clustering in Batch.
package story

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Options tune the clustering. Zero values take the defaults.
type Options struct {
	// Threshold is the normalised average-link similarity at or above which
	// an article joins a story and two stories merge. Default 0.6.
	Threshold float64
	// Continuity and JoinGap join coverage that runs on: two linked
	// stories whose dated spans come within JoinGap of each other are merged
	// when the cosine of their centroids reaches Continuity. Defaults 0.3
	// and 7 days.
	Continuity float64
	JoinGap    time.Duration
	// MinSimilarity: pairs of articles less similar than this raw score are
	// not linked at all; an article with few neighbours would otherwise
	// make faint overlaps look strong after normalisation. Default 0.1.
	MinSimilarity float64
	// Neighbours is k, the number of best similarities whose mean is an
	// article's local density. Default 6.
	Neighbours int
	// TimeScale is how fast similarity fades with the time between two
	// articles: the factor is exp(-gap/TimeScale); 1 when either is
	// undated. Default 30 days.
	TimeScale time.Duration
	// EntityWeight scales the Jaccard overlap of two articles' entities,
	// added to their cosine. Articles without entities get nothing added.
	// Default 0.2.
	EntityWeight float64
	// ProperBoost multiplies the weight of words capitalised mid-sentence
	// (names), which tell two events of the same kind apart. Default 1.5.
	ProperBoost float64
	// Window bounds memory: an article is forgotten once the newest
	// publication date seen is more than Window past its own date, or past
	// the newest date seen when it arrived if that is later (undated
	// articles, backfills); a story with none left is closed. Default 30
	// days; negative: never evict.
	Window time.Duration
	// MaxDocs caps the articles held whatever their dates; the oldest go
	// first. Default 100,000; negative: no cap.
	MaxDocs int
	// DocTerms caps the terms of an article's vector (default 100);
	// IndexTerms of them, the heaviest, find its candidate neighbours
	// (default 20); Candidates caps how many are compared (default 100).
	DocTerms, IndexTerms, Candidates int
}

func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = 0.6
	}
	if o.Continuity <= 0 {
		o.Continuity = 0.3
	}
	if o.JoinGap <= 0 {
		o.JoinGap = 7 * 24 * time.Hour
	}
	if o.MinSimilarity <= 0 {
		o.MinSimilarity = 0.1
	}
	if o.Neighbours <= 0 {
		o.Neighbours = 6
	}
	if o.TimeScale <= 0 {
		o.TimeScale = 30 * 24 * time.Hour
	}
	if o.EntityWeight == 0 {
		o.EntityWeight = 0.2
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
	if o.DocTerms <= 0 {
		o.DocTerms = 100
	}
	if o.IndexTerms <= 0 {
		o.IndexTerms = 20
	}
	if o.Candidates <= 0 {
		o.Candidates = 100
	}
	return o
}

// StoryID is the ID of a story founded by the article with this ID: stable,
// short and safe in a URL.
func StoryID(founderID string) string {
	h := fnv.New64a()
	h.Write([]byte(founderID))
	return fmt.Sprintf("s%016x", h.Sum64())
}

// founder orders articles for a story's ID: the story keeps the ID of its
// earliest article (dated before undated, then by date, then by ID).
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

// similarity is the raw evidence that two articles report one story.
func similarity(o *Options, av []tw, at time.Time, ae []string, bv []tw, bt time.Time, be []string) float64 {
	s := dot(av, bv) * timeFactor(at, bt, o.TimeScale)
	if len(ae) > 0 && len(be) > 0 {
		s += o.EntityWeight * overlap(ae, be)
	}
	return s
}

// labelFor names a story: the headline of its most central article with
// one, else the heaviest words of its most central article.
func labelFor(title string, vec []tw, v *vocab) string {
	if title != "" {
		return title
	}
	var words []string
	for _, t := range topTerms(vec, 12) {
		if s, ok := v.lookup(t); ok {
			words = append(words, s)
			if len(words) == 4 {
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// summaryOf builds a story summary from its members.
type tally struct {
	first, last time.Time
	articles    int
	sources     map[string]int
}

func (t *tally) add(a *dateline.Article) {
	t.articles++
	if a.Source != "" {
		if t.sources == nil {
			t.sources = map[string]int{}
		}
		t.sources[a.Source]++
	}
	if p := a.Published; !p.IsZero() {
		if t.first.IsZero() || p.Before(t.first) {
			t.first = p
		}
		if p.After(t.last) {
			t.last = p
		}
	}
}

func (t *tally) merge(o *tally) {
	t.articles += o.articles
	for s, n := range o.sources {
		if t.sources == nil {
			t.sources = map[string]int{}
		}
		t.sources[s] += n
	}
	if !o.first.IsZero() && (t.first.IsZero() || o.first.Before(t.first)) {
		t.first = o.first
	}
	if o.last.After(t.last) {
		t.last = o.last
	}
}

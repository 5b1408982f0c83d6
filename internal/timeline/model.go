package timeline

import (
	"math"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
)

// A SentenceModel ranks a day's candidate sentences by a weighted sum of
// their features instead of the hand-set product of centroid closeness and
// boosts. Only the order within one day matters (redundancy and the date
// choice do not read the score), so the weights need no scale or offset.
// The hand-set score is one point of this family: weight 1 on the log
// closeness, log 2 on an opening calendar date, and so on.
type SentenceModel [NumFeatures]float64

// The features of a candidate sentence for its day.
const (
	FeatCentroid = iota // log(0.01 + cosine with the day's consensus centroid)
	FeatQuery           // share of the query terms present
	FeatMention         // names the day
	FeatExplicit        // names the day as a calendar date
	FeatLeadDate        // opens with the day's calendar date
	FeatFirst           // its article's first sentence
	FeatSecond          // its article's second sentence
	FeatDeep            // sixth sentence or later (only mentions reach there)
	FeatLength          // log of its token count
	FeatSameDay         // its article was published on the day
	FeatSupport         // log(1 + other articles of the day saying nearly the same)
	FeatStory           // log(0.01 + cosine with the whole coverage's centroid)
	FeatQuote           // carries a quotation mark
	FeatManyDays        // names more than one day
	NumFeatures
)

// FeatureNames label the features in reports and generated weights.
var FeatureNames = [NumFeatures]string{"centroid", "query", "mention", "explicit", "lead-date", "first", "second", "deep", "length", "same-day", "support", "story", "quote", "many-days"}

// Candidate is one of a day's candidate sentences with its features, as
// Params.Collect receives them for training a SentenceModel.
type Candidate struct {
	Day      int64 // days since 1970-01-01
	Text     string
	Features [NumFeatures]float64
}

func (m *SentenceModel) score(f *[NumFeatures]float64) float64 {
	var s float64
	for i, w := range m {
		s += w * f[i]
	}
	return s
}

// features describes candidate si of day d: cent is the day's centroid,
// story the sentence's cosine with the whole coverage's centroid, support
// how many other articles have a candidate of the day close to it.
func features(si int, d day, isMent bool, sents []sent, arts []*dateline.Article, cent vec, story float64, support int) [NumFeatures]float64 {
	var f [NumFeatures]float64
	s := &sents[si]
	f[FeatCentroid] = math.Log(0.01 + math.Max(0, s.v.dot(cent)))
	f[FeatQuery] = s.rel
	if isMent {
		f[FeatMention] = 1
		if containsDay(s.explicit, d) {
			f[FeatExplicit] = 1
			if containsDay(s.leadDate, d) {
				f[FeatLeadDate] = 1
			}
		}
	}
	switch {
	case s.idx == 0:
		f[FeatFirst] = 1
	case s.idx == 1:
		f[FeatSecond] = 1
	case s.idx >= 5:
		f[FeatDeep] = 1
	}
	f[FeatLength] = math.Log(float64(s.ntok))
	if dayOf(arts[s.art].Published) == d {
		f[FeatSameDay] = 1
	}
	f[FeatSupport] = math.Log1p(float64(support))
	f[FeatStory] = math.Log(0.01 + math.Max(0, story))
	if strings.Contains(s.text, "``") || strings.Contains(s.text, "''") || strings.ContainsAny(s.text, "\"“”") {
		f[FeatQuote] = 1
	}
	if len(s.refs) > 1 {
		f[FeatManyDays] = 1
	}
	return f
}

// TrainingRow is one example for Fit: a candidate sentence with how good a
// summary of its day it is.
type TrainingRow struct {
	Group    int // rows compared with each other (one day's candidates) share a group
	Features []float64
	Label    float64
}

// Fit learns linear weights by ridge regression of the labels on the
// features within each group: both are centred on their group's mean, so
// the weights learn what ranks one row above another of the same group
// (one sentence over another on the same day, one day over another in the
// same story), not which groups are better; that also makes them blind to
// a topic's scale. Each group weighs the same whatever its size, so a day
// with hundreds of candidates does not drown the rest.
func Fit(rows []TrainingRow, lambda float64) []float64 {
	if len(rows) == 0 {
		return nil
	}
	n := len(rows[0].Features)
	type acc struct {
		sum   []float64
		label float64
		count int
	}
	groups := map[int]*acc{}
	for _, r := range rows {
		g := groups[r.Group]
		if g == nil {
			g = &acc{sum: make([]float64, n)}
			groups[r.Group] = g
		}
		for i, x := range r.Features {
			g.sum[i] += x
		}
		g.label += r.Label
		g.count++
	}
	xtx := make([][]float64, n)
	for i := range xtx {
		xtx[i] = make([]float64, n)
	}
	xty := make([]float64, n)
	x := make([]float64, n)
	var total float64
	for _, r := range rows {
		g := groups[r.Group]
		if g.count < 2 {
			continue
		}
		w := 1 / float64(g.count)
		for i := range x {
			x[i] = r.Features[i] - g.sum[i]/float64(g.count)
		}
		y := r.Label - g.label/float64(g.count)
		for i := 0; i < n; i++ {
			xty[i] += w * x[i] * y
			for j := 0; j < n; j++ {
				xtx[i][j] += w * x[i] * x[j]
			}
		}
		total += w
	}
	// Ridge on the features' own scale, so lambda means the same for a
	// log-cosine and a 0/1 flag.
	for i := 0; i < n; i++ {
		xtx[i][i] += lambda*xtx[i][i] + 1e-9*total
	}
	return solve(xtx, xty)
}

// solve is Gaussian elimination with partial pivoting on a small system;
// a direction with no data gets weight 0.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for col := 0; col < n; col++ {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		a[col], a[p] = a[p], a[col]
		b[col], b[p] = b[p], b[col]
		if a[col][col] == 0 {
			continue
		}
		for r := col + 1; r < n; r++ {
			k := a[r][col] / a[col][col]
			for c := col; c < n; c++ {
				a[r][c] -= k * a[col][c]
			}
			b[r] -= k * b[col]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		if a[r][r] == 0 {
			continue
		}
		s := b[r]
		for c := r + 1; c < n; c++ {
			s -= a[r][c] * x[c]
		}
		x[r] = s / a[r][r]
	}
	return x
}

// supportCounts says, for each of a day's candidates, how many other
// articles have a candidate within cosine 0.5 of it: a fact several
// reports state is more likely the day's news. Each pair is compared once,
// one side spread into dense (a scratch the size of the vocabulary, left
// zeroed), so a comparison walks only the other side's terms.
func supportCounts(c []int, sents []sent, dense []float32) []int {
	type pair struct{ cand, art int }
	var links []pair
	for i, si := range c {
		v := sents[si].v
		for k, id := range v.ids {
			dense[id] = v.ws[k]
		}
		for j := i + 1; j < len(c); j++ {
			o := &sents[c[j]]
			if o.art == sents[si].art {
				continue
			}
			var dot float64
			for k, id := range o.v.ids {
				dot += float64(o.v.ws[k]) * float64(dense[id])
			}
			if dot >= 0.5 {
				links = append(links, pair{i, o.art}, pair{j, sents[si].art})
			}
		}
		for _, id := range v.ids {
			dense[id] = 0
		}
	}
	// Distinct articles per candidate.
	sort.Slice(links, func(a, b int) bool {
		if links[a].cand != links[b].cand {
			return links[a].cand < links[b].cand
		}
		return links[a].art < links[b].art
	})
	out := make([]int, len(c))
	for k, l := range links {
		if k == 0 || links[k-1] != l {
			out[l.cand]++
		}
	}
	return out
}

// Package timeline answers "what happened with X, and when": it picks the
// dates that matter for a query and, for each, the few sentences that best
// say what happened that day, each citing the articles it came from.
//
// The method is date-wise (Gholipour Ghalandari & Ifrim 2020; see
// docs/TIMELINES.md): a date is salient when many articles refer to it
// (time expressions, above all) and, less, when many are published on it;
// a date's summary is drawn from the sentences that mention it and, failing
// that, from the date's own coverage, ranked by closeness to their centroid
// and by query relevance, skipping anything redundant with what the
// timeline already says.
package timeline

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ptb"
)

// Query asks for a timeline. Zero fields mean "no restriction" or, for
// Dates and PerDate, "choose from the data".
type Query struct {
	Text   string // keywords
	Entity string // canonical entity name
	// EntityNames are the names documents gave the entity
	// (dateline.EntityStat.Names); a mention of any of them is a mention
	// of it. Empty: Entity alone.
	EntityNames []string
	From, To    time.Time
	Dates       int // N: how many dates
	PerDate     int // K: sentences per date
}

// Params are the method's weights. DefaultParams are set a priori (see
// docs/TIMELINES.md); the T17 evaluation can refit a few of them
// leave-one-topic-out.
type Params struct {
	// PubWeight is what one article published on a day adds to its
	// salience; one article referring to the day adds 1.
	PubWeight float64
	// Lag is how many days after a date an article may be published and
	// still have its mention of the date count as coverage; 0: no limit.
	Lag int
	// SameDayRef weighs a mention of the publication day itself ("today",
	// "on Tuesday" in Tuesday's paper) against a mention of an earlier day.
	SameDayRef float64
	// RetroBoost lifts mentions of days long past: a day still recalled
	// weeks later mattered. The weight is 1 + RetroBoost·ln(1+days back).
	RetroBoost float64
	// LateRef multiplies a mention published more than LateDays after the
	// day it names: a day still recalled a week on was a milestone, while
	// the days just past are mentioned by every routine follow-up.
	LateRef  float64
	LateDays int
	// IrrelevantWeight weighs mentions and publications of articles that
	// do not match the query.
	IrrelevantWeight float64
	// Specific subtracts this multiple of the whole coverage's centroid
	// from a day's, so sentences are chosen for what is particular to the
	// day rather than for the story's standing vocabulary.
	Specific float64
	// MentionBoost multiplies the score of a sentence that names the day.
	MentionBoost float64
	// ExplicitBoost further multiplies a sentence that names the day as a
	// calendar date ("on 20 April"): that is how retrospective, timeline-like
	// sentences are written.
	ExplicitBoost float64
	// LeadDateBoost multiplies a sentence that opens with its calendar
	// date ("May 19 - The first heavy oil …", "On April 28 , …"): the
	// entries of the timelines and fact boxes newsrooms publish.
	LeadDateBoost float64
	// RelativeRef weighs a mention by a relative expression ("Tuesday",
	// "yesterday") against one written as a calendar date.
	RelativeRef float64
	// FutureRef is what an article naming a day still ahead of it adds to
	// that day's salience (a vote "on Sunday", a deadline "by June 30"):
	// a day announced in advance and reached within the range was usually
	// one the story turned on. Such a sentence never describes the day,
	// so it is not a candidate, and the weight stays small: plans slip.
	FutureRef float64
	// LeadDateRef weighs a mention by a sentence that opens with the date
	// ("May 19 - The first heavy oil …", "On April 28 , …"): the entries of
	// the timelines and fact boxes newsrooms publish, each a journalist's
	// judgement that the day mattered.
	LeadDateRef float64
	// Redundancy is the cosine above which a sentence repeats one already
	// chosen (on any date) and is skipped.
	Redundancy float64
	// LeadSentences of an article published on a date stand for that date
	// when they mention no other.
	LeadSentences int
	// LeadPreferred, when set, narrows a day's lead candidates to each
	// article's first LeadPreferred sentences unless that leaves the day
	// with none; the day stays salient either way.
	LeadPreferred int
	// PubDays is how many days' publications stand for a date: lead
	// sentences published on d and d+1 (PubDays 2) describe d.
	PubDays int
	// QueryWeight scales how much query relevance lifts a sentence.
	QueryWeight float64
	// MaxTokens drops longer sentences; LengthPenalty discounts a
	// sentence by (tokens/TargetTokens)^LengthPenalty when it is longer
	// than TargetTokens, since a timeline entry should be one short fact.
	MaxTokens     int
	TargetTokens  int
	LengthPenalty float64
	// Compress is the set of deletion rules (CutLeadDate | …) applied to
	// each chosen sentence's text. Choice itself sees the whole sentence:
	// compressing before comparing sentences chose worse (docs/TIMELINES.md).
	Compress uint
	// LocalWindow and LocalAlpha rank a day by its salience over the mean
	// salience of the LocalWindow days either side, to the power
	// LocalAlpha: a spike in a quiet month gains on an ordinary day of a
	// busy one, so the timeline spreads over the whole story.
	LocalWindow int
	LocalAlpha  float64
	// Model, when set, ranks each day's candidates instead of the
	// hand-set score (centroid closeness × query × boosts).
	Model *SentenceModel
	// Collect, when set, receives every candidate of every day the
	// timeline considers, with its features, for training a Model.
	Collect func(Candidate)
}

// DefaultParams are the weights Build uses.
func DefaultParams() Params {
	return Params{PubWeight: 0.5, Lag: 0, SameDayRef: 1, RetroBoost: 0, IrrelevantWeight: 0.5, MentionBoost: 1, ExplicitBoost: 1, LeadDateBoost: 2, RelativeRef: 0.5, LeadDateRef: 3, FutureRef: 0.1, Redundancy: 0.5, LeadSentences: 5, PubDays: 2, QueryWeight: 1,
		MaxTokens: 60, TargetTokens: 20, LengthPenalty: 0, LateRef: 1, LateDays: 7, LeadPreferred: 2,
		Compress: CompressAll, LocalWindow: 15, LocalAlpha: 0.25, Model: &trainedModel}
}

// Build returns the timeline for q over articles, sentences detokenised
// for display (ptb.Detokenize).
func Build(q Query, articles []dateline.Article) dateline.Timeline {
	return build(q, articles, DefaultParams(), true)
}

// BuildSource is Build with each sentence exactly as its article's text has
// it (PTB-tokenised T17 text stays tokenised), for scoring against
// references in that form.
func BuildSource(q Query, articles []dateline.Article, p Params) dateline.Timeline {
	return build(q, articles, p, false)
}

// sent is one candidate sentence.
type sent struct {
	art, idx int
	text     string
	v        vec
	rel      float64 // share of query terms present, 0..1
	ntok     int
	refs     []int64 // days it refers to (day-precision time expressions)
	explicit []int64 // the subset written out as a calendar date ("20 April")
	leadDate []int64 // days it opens with, as a timeline entry does ("May 19 - …")
	named    []namedDay
}

// aheadRef is a sentence's mentions of days after its article's
// publication, and whether the sentence is about the query.
type aheadRef struct {
	art  int
	days []day
	rel  bool
}

// namedDay is where a sentence names a day (byte offsets in its text).
type namedDay struct {
	s, e int
	d    day
}

type day = int64

func dayOf(t time.Time) day {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func dayTime(d day) time.Time { return time.Unix(d*86400, 0).UTC() }

// parseDay reads a day-precision TimeML value (2010-04-20, maybe with a
// time after it); coarser values (2010-04, 2010-W16, PXW) carry no day.
func parseDay(v string) (day, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return 0, false
	}
	t, err := time.Parse(dateline.DateLayout, v[:10])
	if err != nil {
		return 0, false
	}
	return dayOf(t), true
}

// sentenceSpans returns the article's sentences, or, when it was not
// analysed, its lines (and sentence-final periods within long lines).
func sentenceSpans(a *dateline.Article) []dateline.Span {
	if len(a.Sentences) > 0 {
		return a.Sentences
	}
	var out []dateline.Span
	text := a.Text
	start := 0
	emit := func(s, e int) {
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n') {
			e--
		}
		if e > s {
			out = append(out, dateline.Span{Start: s, End: e})
		}
	}
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			emit(start, i)
			start = i + 1
			continue
		}
		// ". " followed by an upper-case letter ends a sentence in plain prose.
		if text[i] == '.' && i+2 < len(text) && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' && i-start > 20 {
			emit(start, i+1)
			start = i + 1
		}
	}
	return out
}

func build(q Query, articles []dateline.Article, p Params, display bool) dateline.Timeline {
	tl := dateline.Timeline{Query: strings.TrimSpace(strings.Join(nonEmpty(q.Text, q.Entity), " ")), Dates: []dateline.TimelineDate{}}
	var lo, hi day
	hasFrom, hasTo := !q.From.IsZero(), !q.To.IsZero()
	if hasFrom {
		lo = dayOf(q.From)
	}
	if hasTo {
		hi = dayOf(q.To)
	}

	// Articles in range, oldest first, ties by ID, so output never depends
	// on input order.
	arts := make([]*dateline.Article, 0, len(articles))
	for i := range articles {
		a := &articles[i]
		if a.DuplicateOf != "" {
			continue
		}
		d := dayOf(a.Published)
		if (hasFrom && d < lo) || (hasTo && d > hi) {
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return tl
	}
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].Published.Equal(arts[j].Published) {
			return arts[i].Published.Before(arts[j].Published)
		}
		return arts[i].ID < arts[j].ID
	})
	if !hasFrom {
		// Day-precise references reach back before the coverage starts,
		// but not indefinitely: a year covers the background a news
		// timeline needs.
		lo = dayOf(arts[0].Published) - 366
	}
	if !hasTo {
		hi = dayOf(arts[len(arts)-1].Published)
	}

	// Collect sentences with their date references and relevance.
	vb := newVocab()
	terms := map[int32]bool{}
	for _, w := range words(q.Text + " " + q.Entity) {
		id, ok := vb.id[w]
		if !ok {
			id = int32(len(vb.df))
			vb.id[w] = id
			vb.df = append(vb.df, 0)
		}
		terms[id] = true
	}
	var sents []sent
	var ahead []aheadRef
	var tfs []tf
	var scratch []int32
	var buf []byte
	artRel := make([]bool, len(arts))
	for ai, a := range arts {
		spans := sentenceSpans(a)
		pub := dayOf(a.Published)
		entitySpans := entityMentions(a, q.Entity, q.EntityNames)
		// Time expressions in text order, so one forward walk pairs them
		// with sentences.
		txs := make([]*dateline.Timex, 0, len(a.Timexes))
		for i := range a.Timexes {
			tx := &a.Timexes[i]
			if tx.Type == dateline.TimexDate || tx.Type == dateline.TimexTime || tx.Type == "" {
				txs = append(txs, tx)
			}
		}
		sort.SliceStable(txs, func(i, j int) bool { return txs[i].Start < txs[j].Start })
		ti := 0
		for si, sp := range spans {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			sp.Start += trimPreamble(a.Text[sp.Start:sp.End])
			var refs, explicit, future []day
			var leadDate []day
			for ti < len(txs) && txs[ti].Start < sp.Start {
				ti++
			}
			var named []namedDay
			for k := ti; k < len(txs) && txs[k].Start < sp.End; k++ {
				tx := txs[k]
				d, ok := parseDay(tx.Value)
				if ok && tx.End <= sp.End {
					named = append(named, namedDay{tx.Start - sp.Start, tx.End - sp.Start, d})
				}
				if !ok || d < lo || d > hi {
					continue
				}
				// A date after publication is a plan or a forecast, not
				// something that happened: it only lifts the day's
				// salience (FutureRef), and later coverage describes it.
				if d > pub {
					future = appendUnique(future, d)
					continue
				}
				refs = appendUnique(refs, d)
				if strings.ContainsAny(tx.Text, "0123456789") {
					explicit = appendUnique(explicit, d)
					if opensWith(a.Text[sp.Start:sp.End], tx.Start-sp.Start) {
						leadDate = appendUnique(leadDate, d)
					}
				}
			}
			if len(future) > 0 && p.FutureRef > 0 {
				var rel bool
				rel, buf = mentionsQuery(a.Text[sp.Start:sp.End], terms, vb, buf)
				ahead = append(ahead, aheadRef{ai, future, rel || overlapsAny(entitySpans, sp)})
			}
			// Only sentences that name a day or lead their article can
			// ever be chosen; the rest are not worth tokenising.
			if len(refs) == 0 && si >= p.LeadSentences {
				continue
			}
			text := a.Text[sp.Start:sp.End]
			if !usable(text) {
				continue
			}
			n := strings.Count(text, " ") + 1
			if n < 5 || n > p.MaxTokens {
				continue
			}
			var t tf
			t, buf = vb.add(text, &scratch, buf)
			if len(t.ids) < 3 {
				continue
			}
			s := sent{art: ai, idx: si, text: text, ntok: n, refs: refs, explicit: explicit, leadDate: leadDate, named: named}
			if len(terms) > 0 {
				hit := 0
				for _, id := range t.ids {
					if terms[id] {
						hit++
					}
				}
				s.rel = float64(hit) / float64(len(terms))
			}
			if overlapsAny(entitySpans, sp) {
				s.rel = 1
			}
			if s.rel > 0 {
				artRel[ai] = true
			}
			sents = append(sents, s)
			tfs = append(tfs, t)
		}
	}
	if len(sents) == 0 {
		return tl
	}
	for i := range sents {
		sents[i].v = vb.tfidf(tfs[i], len(sents))
	}
	queryOn := len(terms) > 0 && anyTrue(artRel)

	// Date salience: articles referring to a day (once each) and articles
	// published on it, irrelevant articles counting half.
	refArts := map[day]map[int]float64{}
	pubArts := map[day][]int{}
	for ai, a := range arts {
		pubArts[dayOf(a.Published)] = append(pubArts[dayOf(a.Published)], ai)
	}
	for i := range sents {
		s := &sents[i]
		w := 1.0
		if queryOn && s.rel == 0 {
			w = p.IrrelevantWeight
		}
		pub := dayOf(arts[s.art].Published)
		for _, d := range s.refs {
			if p.Lag > 0 && pub-d > int64(p.Lag) {
				continue
			}
			wd := w
			if !containsDay(s.explicit, d) {
				wd *= p.RelativeRef
			}
			if containsDay(s.leadDate, d) {
				wd *= p.LeadDateRef
			}
			if d == pub {
				wd *= p.SameDayRef
			} else {
				wd *= 1 + p.RetroBoost*math.Log1p(float64(pub-d))
			}
			if p.LateDays > 0 && pub-d > int64(p.LateDays) {
				wd *= p.LateRef
			}
			vote(refArts, d, s.art, wd)
		}
	}
	// Days named ahead of time, once per article like the others.
	aheadArts := map[day]map[int]float64{}
	for _, r := range ahead {
		w := p.FutureRef
		if queryOn && !r.rel {
			w *= p.IrrelevantWeight
		}
		for _, d := range r.days {
			vote(aheadArts, d, r.art, w)
		}
	}
	score := map[day]float64{}
	for _, arts := range []map[day]map[int]float64{refArts, aheadArts} {
		for d, m := range arts {
			for _, w := range m {
				score[d] += w
			}
		}
	}
	for d, as := range pubArts {
		for _, ai := range as {
			w := p.PubWeight
			if queryOn && !artRel[ai] {
				w *= p.IrrelevantWeight
			}
			score[d] += w
		}
	}
	days := make([]day, 0, len(score))
	for d := range score {
		if d >= lo && d <= hi {
			days = append(days, d)
		}
	}

	rank := score
	if p.LocalWindow > 0 && p.LocalAlpha != 0 {
		rank = localRank(score, days, p.LocalWindow, p.LocalAlpha)
	}
	sort.Slice(days, func(i, j int) bool {
		if rank[days[i]] != rank[days[j]] {
			return rank[days[i]] > rank[days[j]]
		}
		return days[i] < days[j]
	})

	// Candidate sentences per day: those that mention it (published within
	// the lag), and the lead sentences that mention no day of the articles
	// published on it or in the PubDays after (a report of a day's events
	// usually appears the next morning).
	ment := map[day][]int{}
	pubc := map[day][]int{}
	for i := range sents {
		s := &sents[i]
		pub := dayOf(arts[s.art].Published)
		if len(s.refs) == 0 {
			if s.idx < p.LeadSentences {
				for k := 0; k < max(1, p.PubDays); k++ {
					pubc[pub-int64(k)] = append(pubc[pub-int64(k)], i)
				}
			}
			continue
		}
		for _, d := range s.refs {
			if p.Lag <= 0 || pub-d <= int64(p.Lag) {
				ment[d] = append(ment[d], i)
			}
		}
	}

	n := q.Dates
	if n <= 0 {
		n = chooseDates(days, score)
	}
	k := q.PerDate

	// The sentence model's features are computed when a model ranks or a
	// trainer collects them.
	learned := p.Model != nil || p.Collect != nil
	var global vec
	if p.Specific > 0 || learned {
		all := make([]vec, len(sents))
		for i := range sents {
			all[i] = sents[i].v
		}
		global = centroid(all, nil)
	}
	// Each sentence's closeness to the whole coverage is the same on every
	// day it is a candidate for: computed once, against a dense copy of the
	// centroid, since a sparse merge would walk the whole vocabulary.
	var story []float64
	var dense []float32
	if learned {
		dense = make([]float32, len(vb.df))
		for i, id := range global.ids {
			dense[id] = global.ws[i]
		}
		story = make([]float64, len(sents))
		for i := range sents {
			v := sents[i].v
			var d float64
			for k, id := range v.ids {
				d += float64(v.ws[k]) * float64(dense[id])
			}
			story[i] = d
		}
		clear(dense) // reused as supportCounts' scratch
	}
	var chosen []vec // every sentence selected so far, for cross-date redundancy
	type pick struct {
		d     day
		sents []int
	}
	var picks []pick
	// choose returns the sentences that tell day d, best first, skipping
	// any that repeat a sentence already chosen; nil when it has none.
	choose := func(d day, fill bool) []int {
		m, pc := ment[d], pubc[d]
		switch {
		case queryOn && !fill:
			rel := func(s *sent) bool { return s.rel > 0 }
			m, pc = keepCands(m, sents, rel), keepCands(pc, sents, rel)
		case queryOn:
			onTopic := func(s *sent) bool { return artRel[s.art] }
			m, pc = keepCands(m, sents, onTopic), keepCands(pc, sents, onTopic)
		}
		if p.LeadPreferred > 0 {
			// The first sentences are the reporter's summary; later lead
			// sentences only stand in when a day has nothing better.
			var top []int
			for _, si := range pc {
				if sents[si].idx < p.LeadPreferred {
					top = append(top, si)
				}
			}
			if len(m)+len(top) > 0 {
				pc = top
			}
		}
		c := append(append([]int(nil), m...), pc...)
		if len(c) == 0 {
			return nil
		}
		kd := k
		if kd <= 0 {
			kd = choosePerDate(len(refArts[d]) + len(pubArts[d]))
		}
		cent := dayCentroid(m, pc, sents)
		if p.Specific > 0 {
			cent = subtract(cent, global, p.Specific)
		}
		isMent := map[int]bool{}
		for _, si := range m {
			isMent[si] = true
		}
		var support []int
		if learned {
			support = supportCounts(c, sents, dense)
		}
		type scored struct {
			i int
			s float64
		}
		sc := make([]scored, len(c))
		for i, si := range c {
			s := &sents[si]
			if learned {
				f := features(si, d, isMent[si], sents, arts, cent, story[si], support[i])
				// The fill pass sees again the query's sentences the first
				// pass collected: only its new ones are collected.
				if p.Collect != nil && !(fill && queryOn && s.rel > 0) {
					p.Collect(Candidate{Day: d, Text: s.text, Features: f})
				}
				if p.Model != nil {
					sc[i] = scored{si, p.Model.score(&f)}
					continue
				}
			}
			v := s.v.dot(cent) * (1 + p.QueryWeight*s.rel)
			if isMent[si] {
				v *= p.MentionBoost
				if containsDay(s.explicit, d) {
					v *= p.ExplicitBoost
					if containsDay(s.leadDate, d) {
						v *= p.LeadDateBoost
					}
				}
			}
			if s.ntok > p.TargetTokens && p.LengthPenalty > 0 {
				v /= math.Pow(float64(s.ntok)/float64(p.TargetTokens), p.LengthPenalty)
			}
			sc[i] = scored{si, v}
		}
		sort.Slice(sc, func(a, b int) bool {
			if sc[a].s != sc[b].s {
				return sc[a].s > sc[b].s
			}
			return sc[a].i < sc[b].i
		})
		var got []int
		for _, x := range sc {
			if len(got) == kd {
				break
			}
			v := sents[x.i].v
			dup := false
			for _, o := range chosen {
				if v.dot(o) > p.Redundancy {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			got = append(got, x.i)
			chosen = append(chosen, v)
		}
		return got
	}
	// The first pass takes only sentences with a query term. When that
	// leaves fewer dates than asked for (a sparse topic, or a query worded
	// unlike its coverage), a second pass fills the rest from the salient
	// days' other sentences of articles that match the query: asked for N
	// dates, a user expects N, but not from a story the query is not about.
	picked := map[day]bool{}
	for _, fill := range []bool{false, true} {
		if fill && (!queryOn || len(picks) >= n) {
			break
		}
		for _, d := range days {
			if len(picks) == n {
				break
			}
			if picked[d] {
				continue
			}
			if got := choose(d, fill); len(got) > 0 {
				picks = append(picks, pick{d, got})
				picked[d] = true
			}
		}
	}
	sort.Slice(picks, func(i, j int) bool { return picks[i].d < picks[j].d })

	for _, pk := range picks {
		td := dateline.TimelineDate{Date: dayTime(pk.d).Format(dateline.DateLayout)}
		cover := map[int]bool{}
		for ai := range refArts[pk.d] {
			cover[ai] = true
		}
		for _, ai := range pubArts[pk.d] {
			cover[ai] = true
		}
		td.Articles = len(cover)
		for _, si := range pk.sents {
			s := &sents[si]
			text := compressFor(s, pk.d, p.Compress)
			if display {
				text = ptb.Detokenize(text)
			}
			td.Sentences = append(td.Sentences, dateline.TimelineSentence{
				Text:      text,
				Citations: citations(s, append(append([]int(nil), ment[pk.d]...), pubc[pk.d]...), sents, arts),
			})
		}
		tl.Dates = append(tl.Dates, td)
	}
	return tl
}

// dayCentroid is what a day's coverage agrees on. With both sentences
// that mention the day and sentences published on it, it keeps only the
// terms both sides use (each side's mean, summed), after Datewise's
// "PM-mean": words that both the retrospective mentions and the same-day
// reports share are the event's; either side alone brings its own noise.
func dayCentroid(m, pc []int, sents []sent) vec {
	side := func(idx []int) vec {
		vs := make([]vec, len(idx))
		for i, si := range idx {
			vs[i] = sents[si].v
		}
		return centroid(vs, nil)
	}
	if len(m) == 0 {
		return side(pc)
	}
	if len(pc) == 0 {
		return side(m)
	}
	a, b := side(m), side(pc)
	var out vec
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] == b.ids[j]:
			out.ids = append(out.ids, a.ids[i])
			out.ws = append(out.ws, a.ws[i]+b.ws[j])
			i++
			j++
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	if len(out.ids) == 0 {
		return centroid([]vec{a, b}, nil)
	}
	return centroid([]vec{out}, nil)
}

// subtract returns a − k·b with negative weights dropped, renormalised.
func subtract(a, b vec, k float64) vec {
	var out vec
	j := 0
	for i, id := range a.ids {
		for j < len(b.ids) && b.ids[j] < id {
			j++
		}
		w := float64(a.ws[i])
		if j < len(b.ids) && b.ids[j] == id {
			w -= k * float64(b.ws[j])
		}
		if w > 0 {
			out.ids = append(out.ids, id)
			out.ws = append(out.ws, float32(w))
		}
	}
	return centroid([]vec{out}, nil)
}

// citations cites the sentence's own article first, then every other
// candidate article of the date that says nearly the same thing.
func citations(s *sent, cands []int, sents []sent, arts []*dateline.Article) []dateline.Citation {
	const same = 0.8
	cite := func(a *dateline.Article) dateline.Citation {
		return dateline.Citation{ArticleID: a.ID, Source: a.Source, Title: a.Title, URL: a.URL, Published: a.Published.Format(dateline.DateLayout)}
	}
	out := []dateline.Citation{cite(arts[s.art])}
	seen := map[int]bool{s.art: true}
	for _, ci := range cands {
		o := &sents[ci]
		if seen[o.art] || o.v.dot(s.v) < same {
			continue
		}
		seen[o.art] = true
		out = append(out, cite(arts[o.art]))
	}
	return out
}

// chooseDates picks N when the caller did not: the fewest top dates that
// hold half of all salience, bounded so a timeline is neither a single
// point nor a day-by-day log.
func chooseDates(days []day, score map[day]float64) int {
	var total float64
	for _, d := range days {
		total += score[d]
	}
	var acc float64
	n := 0
	for _, d := range days {
		acc += score[d]
		n++
		if acc >= total/2 {
			break
		}
	}
	return min(max(n, min(3, len(days))), 40)
}

// choosePerDate picks K for a date from how widely it was covered: a date
// a handful of articles mention gets one sentence, a heavily covered one
// up to three.
func choosePerDate(articles int) int {
	switch {
	case articles < 5:
		return 1
	case articles < 20:
		return 2
	}
	return 3
}

// keepCands keeps the candidates whose sentence passes ok.
func keepCands(c []int, sents []sent, ok func(*sent) bool) []int {
	var out []int
	for _, i := range c {
		if ok(&sents[i]) {
			out = append(out, i)
		}
	}
	return out
}

func entityMentions(a *dateline.Article, entity string, names []string) []dateline.Span {
	if entity == "" {
		return nil
	}
	var out []dateline.Span
	for _, m := range a.Mentions {
		if strings.EqualFold(m.Entity, entity) || slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(m.Entity, n) }) {
			out = append(out, dateline.Span{Start: m.Start, End: m.End})
		}
	}
	return out
}

// opensWith reports whether only a preposition or nothing comes before
// offset off of sentence s.
func opensWith(s string, off int) bool {
	if off < 0 || off > len(s) {
		return false
	}
	head := strings.Fields(s[:off])
	switch len(head) {
	case 0:
		return true
	case 1:
		w := strings.ToLower(head[0])
		return w == "on" || w == "since" || w == "by" || w == "in"
	}
	return false
}

func containsDay(ds []day, d day) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

func appendUnique(ds []day, d day) []day {
	for _, x := range ds {
		if x == d {
			return ds
		}
	}
	return append(ds, d)
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// localRank divides each day's salience by the mean salience around it
// (window days either side, the day included) raised to alpha.
func localRank(score map[day]float64, days []day, window int, alpha float64) map[day]float64 {
	if len(days) == 0 {
		return score
	}
	lo, hi := days[0], days[0]
	for _, d := range days {
		lo, hi = min(lo, d), max(hi, d)
	}
	n := int(hi-lo) + 1
	prefix := make([]float64, n+1)
	for i := 0; i < n; i++ {
		prefix[i+1] = prefix[i] + score[lo+int64(i)]
	}
	out := make(map[day]float64, len(days))
	for _, d := range days {
		i := int(d - lo)
		a, b := max(0, i-window), min(n-1, i+window)
		mean := (prefix[b+1] - prefix[a]) / float64(2*window+1)
		if mean <= 0 {
			out[d] = score[d]
			continue
		}
		out[d] = score[d] / math.Pow(mean, alpha)
	}
	return out
}

// compressFor compresses a chosen sentence for its date d. A day adverbial
// goes only when it names d itself ("said on Tuesday" under that Tuesday):
// one naming another day ("strike at midnight on Sunday") is news. An
// opening date goes unless it is another day's.
func compressFor(s *sent, d day, rules uint) string {
	if s.idx > 0 {
		// A scraper glues headline and caption onto an article's first
		// line only.
		rules &^= CutGlue
	}
	if len(s.leadDate) > 0 && !containsDay(s.leadDate, d) {
		rules &^= CutLeadDate
	}
	same := []span{}
	for _, n := range s.named {
		if n.d == d {
			same = append(same, span{n.s, n.e})
		}
	}
	return compress(s.text, rules, same)
}

// vote records article art's weight w for day d, keeping an article's
// largest: each article counts once per day.
func vote(votes map[day]map[int]float64, d day, art int, w float64) {
	m := votes[d]
	if m == nil {
		m = map[int]float64{}
		votes[d] = m
	}
	m[art] = math.Max(m[art], w)
}

// mentionsQuery reports whether text contains one of the query's terms,
// scanning its words in buf as words does without making a string of each.
func mentionsQuery(text string, terms map[int32]bool, vb *vocab, buf []byte) (bool, []byte) {
	if len(terms) == 0 {
		return false, buf
	}
	hit := false
	buf = scan(text, buf, func(w []byte) {
		if id, ok := vb.id[string(w)]; ok && terms[id] {
			hit = true
		}
	})
	return hit, buf
}

func overlapsAny(spans []dateline.Span, sp dateline.Span) bool {
	for _, m := range spans {
		if m.Overlaps(sp) {
			return true
		}
	}
	return false
}

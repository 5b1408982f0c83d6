package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// This file gathers what a page shows from the store. The HTML pages and
// the JSON API call the same functions, so they cannot drift apart.

// ArticleSummary is an article without its text and analysis: what lists show.
type ArticleSummary struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Source      string    `json:"source,omitempty"`
	URL         string    `json:"url,omitempty"`
	Published   time.Time `json:"published"`
	Story       string    `json:"story,omitempty"`
	DuplicateOf string    `json:"duplicate_of,omitempty"`
	Lead        string    `json:"lead,omitempty"` // the first sentence, shortened
}

func summarize(a dateline.Article) ArticleSummary {
	return ArticleSummary{
		ID: a.ID, Title: displayTitle(a), Source: a.Source, URL: a.URL,
		Published: a.Published, Story: a.Story, DuplicateOf: a.DuplicateOf,
		Lead: lead(a),
	}
}

// displayTitle is the title, or (Timeline17 has none) the start of the text.
func displayTitle(a dateline.Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	if l := lead(a); l != "" {
		return l
	}
	return a.ID
}

// lead is the first sentence (or line) of the text, cut to a readable length.
func lead(a dateline.Article) string {
	text := a.Text
	end := len(text)
	if len(a.Sentences) > 0 {
		s := a.Sentences[0]
		if s.Start >= 0 && s.End <= len(text) && s.Start < s.End {
			text, end = text[s.Start:s.End], s.End-s.Start
		}
	}
	if i := strings.IndexByte(text[:end], '\n'); i > 0 {
		end = i
	}
	return shorten(strings.Join(strings.Fields(text[:end]), " "), 140)
}

// shorten cuts s to at most n bytes at a word boundary, adding an ellipsis.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > n/2 {
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// StoryView is a story with its articles, syndicated copies folded under
// their originals, and who said what in it.
type StoryView struct {
	Story    dateline.Story  `json:"story"`
	Articles []StoryArticle  `json:"articles"`
	Speakers []SpeakerQuotes `json:"who_said_what"`
	Outlets  []string        `json:"outlets"`
	Coverage []dayCount      `json:"coverage"`
}

// StoryArticle is an original article and the copies that carried it.
type StoryArticle struct {
	ArticleSummary
	AlsoCarriedBy []ArticleSummary `json:"also_carried_by,omitempty"`
}

// SpeakerQuotes groups attributions by who made them.
type SpeakerQuotes struct {
	Speaker   string      `json:"speaker"`          // entity name, or the source text
	Entity    string      `json:"entity,omitempty"` // set when the speaker resolved to an entity
	Anonymous bool        `json:"anonymous,omitempty"`
	Quotes    []QuoteView `json:"quotes"`
}

// QuoteView is one attribution ready to show.
type QuoteView struct {
	ArticleID string    `json:"article_id"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published"`
	Speaker   string    `json:"speaker"`
	Entity    string    `json:"entity,omitempty"`
	Anonymous bool      `json:"anonymous,omitempty"`
	Cue       string    `json:"cue"`
	Content   string    `json:"content"`
	Kind      string    `json:"kind"`
}

const (
	unattributed = "(no source given)"
	anonymous    = "anonymous sources"
)

func quoteView(articleID, outlet string, published time.Time, at dateline.Attribution) QuoteView {
	q := QuoteView{ArticleID: articleID, Outlet: outlet, Published: published,
		Cue: at.Cue.Text, Content: at.Content.Text, Kind: at.Kind, Speaker: unattributed}
	if at.Source != nil {
		q.Speaker = strings.Join(strings.Fields(at.Source.Text), " ")
		q.Entity = at.Source.Entity
		q.Anonymous = at.Source.Anonymous
		if q.Entity != "" {
			q.Speaker = q.Entity
		}
	}
	return q
}

// speakerKey decides which quotes share a group: the entity when known,
// all anonymous sources together, otherwise the source text.
func speakerKey(q QuoteView) string {
	switch {
	case q.Entity != "":
		return "e:" + strings.ToLower(q.Entity)
	case q.Anonymous:
		return "a:"
	}
	return "t:" + strings.ToLower(q.Speaker)
}

// groupQuotes groups quotes by speaker, the most-quoted first.
func groupQuotes(qs []QuoteView) []SpeakerQuotes {
	idx := map[string]int{}
	var out []SpeakerQuotes
	for _, q := range qs {
		k := speakerKey(q)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			g := SpeakerQuotes{Speaker: q.Speaker, Entity: q.Entity, Anonymous: q.Anonymous}
			if q.Anonymous && q.Entity == "" {
				g.Speaker = anonymous
			}
			out = append(out, g)
		}
		out[i].Quotes = append(out[i].Quotes, q)
	}
	// Named speakers lead, then anonymous sources, then sources the
	// analysis could not resolve, then claims with no source at all; within
	// a tier, the most quoted first.
	tier := func(g SpeakerQuotes) int {
		switch {
		case g.Entity != "":
			return 0
		case g.Anonymous:
			return 1
		case g.Speaker == unattributed:
			return 3
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ti, tj := tier(out[i]), tier(out[j]); ti != tj {
			return ti < tj
		}
		if len(out[i].Quotes) != len(out[j].Quotes) {
			return len(out[i].Quotes) > len(out[j].Quotes)
		}
		return out[i].Speaker < out[j].Speaker
	})
	return out
}

// maxStoryArticles bounds what one story page loads.
const maxStoryArticles = 2000

func (s *Server) storyView(ctx context.Context, id string) (StoryView, error) {
	v, err := s.cache.get(ctx, "story\x00"+id, func(ctx context.Context) (any, error) { return s.loadStoryView(ctx, id) })
	if err != nil {
		return StoryView{}, err
	}
	return v.(StoryView), nil
}

func (s *Server) loadStoryView(ctx context.Context, id string) (StoryView, error) {
	st, err := s.d.Store.Story(ctx, id)
	if err != nil {
		return StoryView{}, err
	}
	v := StoryView{Story: st}
	var arts []dateline.Article
	err = s.d.Store.Articles(ctx, dateline.Filter{Story: id, IncludeDuplicates: true, Limit: maxStoryArticles, Parts: dateline.PartMentions | dateline.PartAttributions}, func(a dateline.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return v, err
	}
	byID := map[string]int{}
	outlets := map[string]bool{}
	days := map[string]int{}
	var quotes []QuoteView
	for _, a := range arts {
		if a.Source != "" {
			outlets[a.Source] = true
		}
		days[a.Published.UTC().Format(dateline.DateLayout)]++
		if a.DuplicateOf != "" {
			continue
		}
		byID[a.ID] = len(v.Articles)
		v.Articles = append(v.Articles, StoryArticle{ArticleSummary: summarize(a)})
		for _, at := range a.Attributions {
			quotes = append(quotes, quoteView(a.ID, a.Source, a.Published, at))
		}
	}
	for _, a := range arts {
		if a.DuplicateOf == "" {
			continue
		}
		if i, ok := byID[a.DuplicateOf]; ok {
			v.Articles[i].AlsoCarriedBy = append(v.Articles[i].AlsoCarriedBy, summarize(a))
			continue
		}
		// The original is in another story or not stored: show the copy
		// on its own rather than lose it.
		byID[a.ID] = len(v.Articles)
		v.Articles = append(v.Articles, StoryArticle{ArticleSummary: summarize(a)})
	}
	v.Speakers = groupQuotes(quotes)
	v.Outlets = sortedKeys(outlets)
	v.Coverage = fillDays(days)
	return v, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// EntityView is one entity across the store: what it says and what is said
// about it.
type EntityView struct {
	Entity dateline.EntityStat `json:"entity"`
	// Says holds the entity's own attributed statements; QuotedBy counts the
	// outlets that carried them.
	Says     []QuoteView  `json:"says"`
	QuotedBy []NamedCount `json:"quoted_by"`
	// About holds others' statements that mention the entity, grouped by speaker.
	About []SpeakerQuotes `json:"quoted_about_by"`
}

// NamedCount is a name and how often it occurs.
type NamedCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

const entityQuotes = 100

func (s *Server) entityView(ctx context.Context, name string) (EntityView, error) {
	v, err := s.cache.get(ctx, "entity\x00"+strings.ToLower(name), func(ctx context.Context) (any, error) { return s.loadEntityView(ctx, name) })
	if err != nil {
		return EntityView{}, err
	}
	return v.(EntityView), nil
}

func (s *Server) loadEntityView(ctx context.Context, name string) (EntityView, error) {
	es, err := s.d.Store.Entities(ctx, dateline.EntityQuery{Name: name, Limit: 1})
	if err != nil {
		return EntityView{}, err
	}
	if len(es) == 0 {
		return EntityView{}, dateline.Errorf(dateline.NotFound, "entity", "no entity named %q is stored", name)
	}
	v := EntityView{Entity: es[0]}
	says, err := s.d.Store.Quotes(ctx, dateline.QuoteQuery{Source: v.Entity.Name, Limit: entityQuotes})
	if err != nil {
		return v, err
	}
	by := map[string]int{}
	for _, q := range says {
		v.Says = append(v.Says, quoteView(q.ArticleID, q.Outlet, q.Published, q.Attr))
		if q.Outlet != "" {
			by[q.Outlet]++
		}
	}
	v.QuotedBy = countsDesc(by)
	about, err := s.d.Store.Quotes(ctx, dateline.QuoteQuery{About: v.Entity.Name, Limit: entityQuotes})
	if err != nil {
		return v, err
	}
	var qs []QuoteView
	for _, q := range about {
		qv := quoteView(q.ArticleID, q.Outlet, q.Published, q.Attr)
		if strings.EqualFold(qv.Entity, v.Entity.Name) {
			continue // its own words are under Says
		}
		qs = append(qs, qv)
	}
	v.About = groupQuotes(qs)
	return v, nil
}

func countsDesc(m map[string]int) []NamedCount {
	out := make([]NamedCount, 0, len(m))
	for k, n := range m {
		out = append(out, NamedCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// dayCount is the number of articles on one day.
type dayCount struct {
	Date  string `json:"date"`
	Count int    `json:"count"`
}

// maxCoverageDays bounds the gap-free series; over a longer span (a stray
// article dated decades off) only the days with articles are kept, so one
// bad date cannot make a series of millions of points.
const maxCoverageDays = 4000

// fillDays turns per-day counts into a gap-free series from the first day
// to the last, so a sparkline's x axis is time, not rank.
func fillDays(days map[string]int) []dayCount {
	if len(days) == 0 {
		return nil
	}
	keys := make([]string, 0, len(days))
	for k := range days {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	first, err1 := time.Parse(dateline.DateLayout, keys[0])
	last, err2 := time.Parse(dateline.DateLayout, keys[len(keys)-1])
	if err1 != nil || err2 != nil || last.Sub(first) > maxCoverageDays*24*time.Hour {
		out := make([]dayCount, 0, len(keys))
		for _, k := range keys {
			out = append(out, dayCount{k, days[k]})
		}
		return out
	}
	var out []dayCount
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		k := d.Format(dateline.DateLayout)
		out = append(out, dayCount{k, days[k]})
	}
	return out
}

// coverage counts stored articles per day for the home page. Walking every
// article takes seconds on a large store, so it runs in the background: the
// page waits for it up to wait, then shows the last finished count (or
// none) rather than hold the request. The count is redone when the number
// of documents changes.
func (s *Server) coverage(docs int, wait time.Duration) []dayCount {
	s.covMu.Lock()
	if s.cov != nil && s.covKey == docs {
		c := s.cov
		s.covMu.Unlock()
		return c
	}
	if s.covDone == nil {
		done := make(chan struct{})
		s.covDone = done
		go s.countCoverage(docs, done)
	}
	done := s.covDone
	s.covMu.Unlock()
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
	s.covMu.Lock()
	defer s.covMu.Unlock()
	return s.cov
}

func (s *Server) countCoverage(docs int, done chan struct{}) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	days, err := s.d.Store.Coverage(ctx, dateline.Filter{IncludeDuplicates: true})
	s.covMu.Lock()
	defer s.covMu.Unlock()
	if err != nil {
		s.log.Warn("coverage count failed", "err", err)
	} else {
		s.cov, s.covKey = fillDays(days), docs
		if s.cov == nil {
			s.cov = []dayCount{}
		}
	}
	s.covDone = nil
	close(done)
}

// timeline asks the builder, or says plainly that none is wired.
func (s *Server) timeline(ctx context.Context, q TimelineRequest) (dateline.Timeline, error) {
	if s.d.Timeline == nil {
		return dateline.Timeline{}, dateline.Errorf(dateline.Unavailable, "timeline", "this server has no timeline builder")
	}
	if q.Query == "" && q.Story == "" && q.Entity == "" {
		return dateline.Timeline{}, dateline.Errorf(dateline.Invalid, "timeline", "give a query (q), a story or an entity")
	}
	if q.Story != "" {
		// A missing story is a 404, whatever the builder makes of it.
		if _, err := s.d.Store.Story(ctx, q.Story); err != nil {
			return dateline.Timeline{}, err
		}
	}
	key := fmt.Sprintf("timeline\x00%s\x00%s\x00%s\x00%s\x00%s", q.Query, q.Story, q.Entity, isoDate(q.From), isoDate(q.To))
	v, err := s.cache.get(ctx, key, func(ctx context.Context) (any, error) { return s.d.Timeline(ctx, q) })
	if err != nil {
		return dateline.Timeline{}, err
	}
	tl := v.(dateline.Timeline)
	if tl.Dates == nil {
		tl.Dates = []dateline.TimelineDate{}
	}
	return tl, nil
}

func timelineCoverage(tl dateline.Timeline) []dayCount {
	days := map[string]int{}
	for _, d := range tl.Dates {
		days[d.Date] += max(d.Articles, len(d.Sentences))
	}
	return fillDays(days)
}

var errNoIngest = errStatus(http.StatusServiceUnavailable, "this server has no ingest pipeline")

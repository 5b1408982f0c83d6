package web

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// maxReportedErrors bounds the record errors an ingest response lists.
const maxReportedErrors = 100

//go:embed openapi.json
var openAPI []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err := w.Write(openAPI)
	return err
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return errStatus(http.StatusNotFound, "no API endpoint %s %s; see /api/openapi.json", r.Method, r.URL.Path)
}

// searchFilter reads the parameters search and its page share.
func searchFilter(p *params) dateline.Filter {
	f := dateline.Filter{
		Query:  p.str("q"),
		Source: p.str("source"),
		Entity: p.str("entity"),
		Story:  p.str("story"),
	}
	f.From, f.To = p.dateRange()
	return f
}

// SearchHit is a search hit whose snippet is plain text, with the matched
// words given as byte ranges into it.
type SearchHit struct {
	dateline.Hit
	Highlights []dateline.Span `json:"highlights,omitempty"`
}

// SearchPage is the JSON answer of /api/search.
type SearchPage struct {
	Query  string      `json:"query"`
	Total  int         `json:"total"`
	Limit  int         `json:"limit"`
	Offset int         `json:"offset"`
	Hits   []SearchHit `json:"hits"`
}

// The store marks matched words in snippets with these control bytes.
const (
	markOpen  = '\x02'
	markClose = '\x03'
)

// splitSnippet removes the store's match marks and returns where they were.
func splitSnippet(s string) (string, []dateline.Span) {
	var b strings.Builder
	var spans []dateline.Span
	open := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case markOpen:
			open = b.Len()
		case markClose:
			if open >= 0 && b.Len() > open {
				spans = append(spans, dateline.Span{Start: open, End: b.Len()})
			}
			open = -1
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), spans
}

func (s *Server) search(r *http.Request, limit, offset int, f dateline.Filter) (SearchPage, error) {
	if f.Query == "" {
		return SearchPage{}, dateline.Errorf(dateline.Invalid, "search", "give a query: q=words")
	}
	f.Limit, f.Offset = limit, offset
	key := fmt.Sprintf("search\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%d\x00%d", f.Query, f.Source, f.Entity, f.Story, isoDate(f.From), isoDate(f.To), limit, offset)
	v, err := s.cache.get(r.Context(), key, func(ctx context.Context) (any, error) { return s.d.Store.Search(ctx, f) })
	if err != nil {
		return SearchPage{}, err
	}
	res := v.(dateline.SearchResult)
	page := SearchPage{Query: f.Query, Total: res.Total, Limit: limit, Offset: offset, Hits: make([]SearchHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		sh := SearchHit{Hit: h}
		sh.Snippet, sh.Highlights = splitSnippet(h.Snippet)
		page.Hits = append(page.Hits, sh)
	}
	return page, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := searchFilter(p)
	limit, offset := p.page()
	if p.err != nil {
		return p.err
	}
	page, err := s.search(r, limit, offset, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func timelineRequest(p *params) TimelineRequest {
	q := TimelineRequest{Query: p.str("q"), Story: p.str("story"), Entity: p.str("entity")}
	q.From, q.To = p.dateRange()
	return q
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := timelineRequest(p)
	if p.err != nil {
		return p.err
	}
	tl, err := s.timeline(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, tl)
	return nil
}

// StoriesPage is the JSON answer of /api/stories.
type StoriesPage struct {
	Limit   int              `json:"limit"`
	Offset  int              `json:"offset"`
	Stories []dateline.Story `json:"stories"`
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	from, to := p.dateRange()
	limit, offset := p.page()
	if p.err != nil {
		return p.err
	}
	sts, err := s.d.Store.Stories(r.Context(), dateline.StoryQuery{From: from, To: to, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	if sts == nil {
		sts = []dateline.Story{}
	}
	writeJSON(w, http.StatusOK, StoriesPage{Limit: limit, Offset: offset, Stories: sts})
	return nil
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) error {
	v, err := s.storyView(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// ArticlesPage is the JSON answer of GET /api/articles.
type ArticlesPage struct {
	Limit    int              `json:"limit"`
	Offset   int              `json:"offset"`
	Articles []ArticleSummary `json:"articles"`
}

// apiArticles lists articles oldest first, without their analysis.
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := dateline.Filter{Source: p.str("source"), Story: p.str("story"), Entity: p.str("entity"),
		IncludeDuplicates: p.str("duplicates") == "true", Parts: dateline.PartNone}
	f.From, f.To = p.dateRange()
	f.Limit, f.Offset = p.page()
	if p.err != nil {
		return p.err
	}
	page := ArticlesPage{Limit: f.Limit, Offset: f.Offset, Articles: []ArticleSummary{}}
	err := s.d.Store.Articles(r.Context(), f, func(a dateline.Article) error {
		page.Articles = append(page.Articles, summarize(a))
		return nil
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.d.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

// EntitiesPage is the JSON answer of /api/entities.
type EntitiesPage struct {
	Limit    int                   `json:"limit"`
	Offset   int                   `json:"offset"`
	Entities []dateline.EntityStat `json:"entities"`
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := dateline.EntityQuery{Type: strings.ToUpper(p.str("type")), Name: p.str("name")}
	q.Limit, q.Offset = p.page()
	if p.err != nil {
		return p.err
	}
	es, err := s.d.Store.Entities(r.Context(), q)
	if err != nil {
		return err
	}
	if es == nil {
		es = []dateline.EntityStat{}
	}
	writeJSON(w, http.StatusOK, EntitiesPage{Limit: q.Limit, Offset: q.Offset, Entities: es})
	return nil
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	v, err := s.entityView(r.Context(), r.PathValue("name"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// QuotesPage is the JSON answer of /api/quotes.
type QuotesPage struct {
	Limit  int              `json:"limit"`
	Offset int              `json:"offset"`
	Quotes []dateline.Quote `json:"quotes"`
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := dateline.QuoteQuery{Source: p.str("source"), About: p.str("about"), Story: p.str("story")}
	q.Limit, q.Offset = p.page()
	if p.err != nil {
		return p.err
	}
	qs, err := s.d.Store.Quotes(r.Context(), q)
	if err != nil {
		return err
	}
	if qs == nil {
		qs = []dateline.Quote{}
	}
	writeJSON(w, http.StatusOK, QuotesPage{Limit: q.Limit, Offset: q.Offset, Quotes: qs})
	return nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.d.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// apiIngest reads a bounded body, checks it parses, then hands it to the
// pipeline. Authorization comes first so an anonymous client cannot make the
// server read a large body.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		return err
	}
	if s.d.Ingest == nil {
		return errNoIngest
	}
	body := http.MaxBytesReader(w, r.Body, s.d.MaxBody)
	jsonl, n, err := toJSONL(body)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := s.d.Ingest(r.Context(), bytes.NewReader(jsonl))
	s.metrics.ingested(n, res.Added, time.Since(start))
	if res.Added > 0 {
		s.cache.invalidate()
	}
	if err != nil {
		return err
	}
	if len(res.Errors) > maxReportedErrors {
		res.Errors = append(res.Errors[:maxReportedErrors], fmt.Sprintf("… and %d more", len(res.Errors)-maxReportedErrors))
	}
	if res.Added == 0 && res.Skipped == 0 && res.Duplicates == 0 && len(res.Errors) > 0 {
		// Nothing in the body was usable: the client's mistake.
		writeJSON(w, http.StatusBadRequest, struct {
			Error string `json:"error"`
			IngestResult
		}{"no article in the body could be read: " + res.Errors[0], res})
		return nil
	}
	code := http.StatusOK
	if res.Added > 0 {
		code = http.StatusCreated
	}
	writeJSON(w, code, res)
	return nil
}

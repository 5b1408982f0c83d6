package web

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds one template set per page, each the base layout plus the page.
type pages struct {
	t map[string]*template.Template
}

var funcs = template.FuncMap{
	"articleHref":   articleHref,
	"idPath":        idPath,
	"storyHref":     storyHref,
	"entityHref":    entityHref,
	"humanDate":     humanDate,
	"isoDate":       isoDate,
	"humanDay":      humanDay,
	"dateSource":    dateSource,
	"plural":        plural,
	"lower":         strings.ToLower,
	"add":           func(a, b int) int { return a + b },
	"join":          strings.Join,
	"quoted":        quoted,
	"firstN":        firstN,
	"firstSpeakers": firstSpeakers,
	"sub":           func(a, b int) int { return a - b },
}

func mustPages() *pages {
	p := &pages{t: map[string]*template.Template{}}
	base := template.Must(template.New("base.html").Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/parts.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "base" || name == "parts" {
			continue
		}
		p.t[name] = template.Must(template.Must(base.Clone()).ParseFS(templateFS, n))
	}
	return p
}

// view is what every page template gets: the layout's fields and the page's own.
type view struct {
	Title string
	Q     string // echoed in the header's search box
	Page  any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, v view) error {
	t, ok := s.pages.t[name]
	if !ok {
		return dateline.Errorf(dateline.Internal, "render", "no template %q", name)
	}
	// Render to a buffer first, so a template error becomes a clean error
	// page instead of half a page.
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", v); err != nil {
		return dateline.Errorf(dateline.Internal, "render "+name, "%w", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, err := w.Write(buf.Bytes())
	return err
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	err := s.render(w, r, code, "error", view{Title: http.StatusText(code), Page: struct {
		Code    int
		Status  string
		Message string
	}{code, http.StatusText(code), msg}})
	if err != nil {
		http.Error(w, msg, code)
	}
}

func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) error {
	return errStatus(http.StatusNotFound, "there is no page at %s", r.URL.Path)
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.FileServerFS(staticFS).ServeHTTP(w, r)
	return nil
}

type homePage struct {
	Stats    dateline.Stats
	Spark    *spark
	Stories  []dateline.Story
	Entities []dateline.EntityStat
	Outlets  []NamedCount
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	// The lists cost a second on a large store (the entity ranking groups
	// every mention); they are cached like timelines.
	v, err := s.cache.get(ctx, "home", func(ctx context.Context) (any, error) { return s.homeData(ctx) })
	if err != nil {
		return err
	}
	hp := v.(homePage)
	hp.Spark = sparkline(s.coverage(hp.Stats.Documents, time.Second), "articles per day")
	return s.render(w, r, http.StatusOK, "home", view{Title: "dateline", Page: hp})
}

func (s *Server) homeData(ctx context.Context) (homePage, error) {
	st, err := s.d.Store.Stats(ctx)
	if err != nil {
		return homePage{}, err
	}
	hp := homePage{Stats: st, Outlets: countsDesc(st.BySource)}
	if len(hp.Outlets) > 12 {
		hp.Outlets = hp.Outlets[:12]
	}
	// "Recent" among the stories that matter: the largest hundred, latest first.
	sts, err := s.d.Store.Stories(ctx, dateline.StoryQuery{Limit: 100})
	if err != nil {
		return hp, err
	}
	// Developing stories (more than one article) lead; one-offs fill in.
	sort.SliceStable(sts, func(i, j int) bool {
		mi, mj := sts[i].Articles > 1, sts[j].Articles > 1
		if mi != mj {
			return mi
		}
		return sts[i].Last.After(sts[j].Last)
	})
	hp.Stories = sts[:min(len(sts), 10)]
	hp.Entities, err = s.d.Store.Entities(ctx, dateline.EntityQuery{Limit: 24})
	return hp, err
}

type searchPage struct {
	SearchPage
	From, To, Source, Entity, Story string
	Outlets                         []string
	Hits                            []hitView
	Page                            int
	Pages                           int
	PrevURL, NextURL, APIURL        string
	Asked                           bool
}

type hitView struct {
	SearchHit
	Pieces []piece
}

// snippetPieces marks the matched words of a snippet.
func snippetPieces(s string, hs []dateline.Span) []piece {
	var out []piece
	at := 0
	for _, h := range hs {
		if h.Start < at || h.End > len(s) {
			continue
		}
		if h.Start > at {
			out = append(out, piece{Text: s[at:h.Start]})
		}
		out = append(out, piece{Text: s[h.Start:h.End], Class: "hit"})
		at = h.End
	}
	if at < len(s) {
		out = append(out, piece{Text: s[at:]})
	}
	return out
}

// withQuery returns path?query with key set to val (dropped when empty).
func withQuery(path string, q url.Values, key, val string) string {
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	if val == "" {
		c.Del(key)
	} else {
		c.Set(key, val)
	}
	if len(c) == 0 {
		return path
	}
	return path + "?" + c.Encode()
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := searchFilter(p)
	page := p.pageNum()
	if p.err != nil {
		return p.err
	}
	sp := searchPage{From: p.str("from"), To: p.str("to"), Source: f.Source, Entity: f.Entity, Story: f.Story, Page: page}
	if st, err := s.d.Store.Stats(r.Context()); err == nil {
		for k := range st.BySource {
			sp.Outlets = append(sp.Outlets, k)
		}
		sort.Strings(sp.Outlets)
	}
	title := "Search"
	if f.Query != "" {
		sp.Asked = true
		title = f.Query + " — search"
		res, err := s.search(r, defaultLimit, (page-1)*defaultLimit, f)
		if err != nil {
			return err
		}
		sp.SearchPage = res
		sp.Pages = (res.Total + defaultLimit - 1) / defaultLimit
		for _, h := range res.Hits {
			sp.Hits = append(sp.Hits, hitView{SearchHit: h, Pieces: snippetPieces(h.Snippet, h.Highlights)})
		}
		q := r.URL.Query()
		if page > 1 {
			prev := ""
			if page > 2 {
				prev = strconv.Itoa(page - 1)
			}
			sp.PrevURL = withQuery("/search", q, "page", prev)
		}
		if page < sp.Pages {
			sp.NextURL = withQuery("/search", q, "page", strconv.Itoa(page+1))
		}
		api := withQuery("/api/search", q, "page", "")
		sp.APIURL = api
	}
	return s.render(w, r, http.StatusOK, "search", view{Title: title, Q: f.Query, Page: sp})
}

type timelinePage struct {
	Req      TimelineRequest
	From, To string
	Timeline dateline.Timeline
	Story    *dateline.Story
	Spark    *spark
	Sources  int
	APIURL   string
	Asked    bool
}

func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := timelineRequest(p)
	if p.err != nil {
		return p.err
	}
	tp := timelinePage{Req: q, From: isoDate(q.From), To: isoDate(q.To)}
	title := "Timeline"
	if q.Query != "" || q.Story != "" || q.Entity != "" {
		tp.Asked = true
		if q.Story != "" {
			st, err := s.d.Store.Story(r.Context(), q.Story)
			if err != nil {
				return err
			}
			tp.Story = &st
			title = st.Label + " — timeline"
		}
		tl, err := s.timeline(r.Context(), q)
		if err != nil {
			return err
		}
		tp.Timeline = tl
		tp.Spark = sparkline(timelineCoverage(tl), "articles per date")
		src := map[string]bool{}
		for _, d := range tl.Dates {
			for _, sn := range d.Sentences {
				for _, c := range sn.Citations {
					src[c.Source] = true
				}
			}
		}
		tp.Sources = len(src)
		tp.APIURL = "/api/timeline?" + r.URL.RawQuery
		if q.Query != "" {
			title = q.Query + " — timeline"
		}
	}
	return s.render(w, r, http.StatusOK, "timeline", view{Title: title, Q: q.Query, Page: tp})
}

type storyPage struct {
	StoryView
	Spark  *spark
	Copies int
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) error {
	v, err := s.storyView(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	sp := storyPage{StoryView: v, Spark: sparkline(v.Coverage, "articles per day")}
	for _, a := range v.Articles {
		sp.Copies += len(a.AlsoCarriedBy)
	}
	label := v.Story.Label
	if label == "" {
		label = "Story " + v.Story.ID
	}
	return s.render(w, r, http.StatusOK, "story", view{Title: label, Page: sp})
}

type articlePage struct {
	A        dateline.Article
	Title    string
	Pieces   []piece
	Quotes   []QuoteView
	Original *ArticleSummary
	Story    *dateline.Story
	Words    int
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	a, err := s.d.Store.Article(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	ap := articlePage{A: a, Title: displayTitle(a), Pieces: highlight(a), Words: len(strings.Fields(a.Text))}
	for _, at := range a.Attributions {
		ap.Quotes = append(ap.Quotes, quoteView(a.ID, a.Source, a.Published, at))
	}
	if a.DuplicateOf != "" {
		if o, err := s.d.Store.Article(ctx, a.DuplicateOf); err == nil {
			sum := summarize(o)
			ap.Original = &sum
		}
	}
	if a.Story != "" {
		if st, err := s.d.Store.Story(ctx, a.Story); err == nil {
			ap.Story = &st
		}
	}
	return s.render(w, r, http.StatusOK, "article", view{Title: ap.Title, Page: ap})
}

type entityPage struct {
	EntityView
	Timeline    *dateline.Timeline
	TimelineErr string
	Spark       *spark
}

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	v, err := s.entityView(ctx, r.PathValue("name"))
	if err != nil {
		return err
	}
	ep := entityPage{EntityView: v}
	// The timeline is a bonus on this page: without a builder (or when it
	// fails on a store being filled) the rest still shows.
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	tl, err := s.timeline(tctx, TimelineRequest{Entity: v.Entity.Name})
	if err != nil {
		_, ep.TimelineErr = status(err)
	} else {
		ep.Timeline = &tl
		ep.Spark = sparkline(timelineCoverage(tl), "articles per date")
	}
	return s.render(w, r, http.StatusOK, "entity", view{Title: v.Entity.Name, Page: ep})
}

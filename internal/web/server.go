// Package web serves dateline's HTML pages and its JSON API over one store.
//
// It is the one place that turns error kinds into HTTP statuses. It knows
// nothing of how articles are analysed or how timelines are built: those
// arrive as functions in Deps, so the server can be tested against the real
// store while the stages are swapped or still missing (a page whose stage is
// absent says so instead of failing).
package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/datelinehq/dateline"
)

// TimelineRequest is what a timeline is asked for: a query or a story (or an
// entity), optionally bounded by publication dates.
type TimelineRequest struct {
	Query  string
	Story  string
	Entity string
	From   time.Time // zero: unbounded
	To     time.Time // zero: unbounded
}

// IngestResult is what POST /api/articles reports back.
type IngestResult struct {
	Read       int      `json:"read"`       // documents parsed from the body
	Added      int      `json:"added"`      // newly stored
	Duplicates int      `json:"duplicates"` // stored as copies of another article
	Skipped    int      `json:"skipped"`    // already stored (re-ingest is a no-op)
	Errors     []string `json:"errors,omitempty"`
}

// Deps is everything the server uses. Store is required; a nil Timeline or
// Ingest turns the pages and endpoints that need them into a clear 503.
type Deps struct {
	Store dateline.Store
	// Timeline builds a timeline for a request; cmd/dateline passes
	// internal/timeline.FromStore, the same selection the CLI uses.
	Timeline func(ctx context.Context, q TimelineRequest) (dateline.Timeline, error)
	// Ingest runs the pipeline over a JSONL stream (one JSON object a line).
	// The server has already turned a JSON object, array or JSONL body into
	// that form and bounded its size.
	Ingest func(ctx context.Context, jsonl io.Reader) (IngestResult, error)
	// Token is the bearer token writes must present; empty refuses writes.
	Token string
	// Logger receives one line per failed request; nil discards.
	Logger *slog.Logger
	// MaxBody bounds a POST body in bytes; 0 means 32 MiB.
	MaxBody int64
	// CacheSize is how many timelines and search pages are kept in memory;
	// 0 means 256, a negative number turns the cache off.
	CacheSize int
	// CacheRecheck is how often the cache asks the store whether another
	// process changed it; 0 means 2 s.
	CacheRecheck time.Duration
}

// Server is the http.Handler for pages, API, health and metrics.
type Server struct {
	d       Deps
	mux     *http.ServeMux
	routes  []string
	metrics *metrics
	pages   *pages
	log     *slog.Logger
	tokenH  [32]byte
	cache   *resultCache // nil when off

	covMu   sync.Mutex
	covKey  int // Stats.Documents the cached coverage was computed at
	cov     []dayCount
	covDone chan struct{} // non-nil while a count runs
}

// Limits of the paginated endpoints.
const (
	defaultLimit = 20
	maxLimit     = 200
	maxOffset    = 100000
	// requestTimeout bounds the work one request may ask of the store.
	requestTimeout = 30 * time.Second
)

// New builds the server. It panics only on a bug in the embedded templates,
// which the tests catch.
func New(d Deps) *Server {
	if d.MaxBody <= 0 {
		d.MaxBody = 32 << 20
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{d: d, mux: http.NewServeMux(), metrics: newMetrics(), log: d.Logger}
	s.tokenH = sha256.Sum256([]byte(d.Token))
	s.pages = mustPages()
	if d.CacheSize >= 0 {
		if d.CacheSize == 0 {
			d.CacheSize = 256
		}
		if d.CacheRecheck <= 0 {
			d.CacheRecheck = 2 * time.Second
		}
		s.cache = newResultCache(d.CacheSize, d.CacheRecheck, storeGeneration(d.Store))
	}

	// Pages.
	s.handle("GET /{$}", s.pageHome)
	s.handle("GET /search", s.pageSearch)
	s.handle("GET /timeline", s.pageTimeline)
	s.handle("GET /stories/{id...}", s.pageStory)
	s.handle("GET /articles/{id...}", s.pageArticle)
	s.handle("GET /entities/{name...}", s.pageEntity)
	s.handle("GET /static/", s.static)

	// API.
	s.handle("GET /api/openapi.json", s.apiOpenAPI)
	s.handle("GET /api/search", s.apiSearch)
	s.handle("GET /api/timeline", s.apiTimeline)
	s.handle("GET /api/stories", s.apiStories)
	s.handle("GET /api/stories/{id...}", s.apiStory)
	s.handle("GET /api/articles", s.apiArticles)
	s.handle("POST /api/articles", s.apiIngest)
	s.handle("GET /api/articles/{id...}", s.apiArticle)
	s.handle("GET /api/entities", s.apiEntities)
	s.handle("GET /api/entities/{name...}", s.apiEntity)
	s.handle("GET /api/quotes", s.apiQuotes)
	s.handle("GET /api/stats", s.apiStats)
	s.handle("/api/", s.apiNotFound)

	s.handle("GET /healthz", s.healthz)
	s.handle("GET /metrics", s.serveMetrics)
	s.handle("/", s.pageNotFound)
	return s
}

// Routes lists the mux patterns, sorted; the OpenAPI test checks the
// document against it.
func (s *Server) Routes() []string {
	r := append([]string(nil), s.routes...)
	sort.Strings(r)
	return r
}

func (s *Server) handle(pattern string, h func(http.ResponseWriter, *http.Request) error) {
	s.routes = append(s.routes, pattern)
	s.mux.Handle(pattern, s.wrap(h))
}

// ServeHTTP sets the security headers every response carries, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// No inline script or style anywhere: CSS and JS are files under /static/,
	// so an escaped-but-somehow-live payload still cannot run.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// statusWriter remembers the status for metrics and whether anything was
// written, so an error after a partial write is not written twice.
type statusWriter struct {
	http.ResponseWriter
	code    int
	written bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.written {
		w.code = code
		w.written = true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.code = http.StatusOK
		w.written = true
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) wrap(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
		defer cancel()
		r = r.WithContext(ctx)
		sw := &statusWriter{ResponseWriter: w}
		err := h(sw, r)
		if err != nil {
			s.fail(sw, r, err)
		}
		if !sw.written {
			sw.code = http.StatusOK
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		s.metrics.observe(route, sw.code, time.Since(start))
	})
}

// status maps an error to the HTTP status and the message the client sees.
// It is the only place error kinds become statuses.
func status(err error) (int, string) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit)
	}
	var he *httpError
	if errors.As(err, &he) {
		return he.code, he.msg
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusServiceUnavailable, "the request took too long; narrow it (a date range, a smaller limit) and retry"
	}
	switch dateline.ErrorKind(err) {
	case dateline.Invalid:
		return http.StatusBadRequest, err.Error()
	case dateline.NotFound:
		return http.StatusNotFound, err.Error()
	case dateline.Conflict:
		return http.StatusConflict, err.Error()
	case dateline.Unavailable:
		return http.StatusServiceUnavailable, err.Error()
	}
	// Internal details stay in the log, not in the response.
	return http.StatusInternalServerError, "internal error; the server log has the details"
}

// httpError carries a status that no error kind names (401, 403, 405, 413, 415).
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

func errStatus(code int, format string, args ...any) error {
	return &httpError{code: code, msg: fmt.Sprintf(format, args...)}
}

func (s *Server) fail(w *statusWriter, r *http.Request, err error) {
	code, msg := status(err)
	if r.Context().Err() != nil && errors.Is(err, context.Canceled) {
		// The client went away; nobody reads the answer.
		code, msg = 499, "client closed the request"
	}
	if code >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", code, "err", err)
	} else {
		s.log.Debug("bad request", "method", r.Method, "path", r.URL.Path, "status", code, "err", err)
	}
	if w.written {
		return
	}
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
	}
	if isAPI(r) {
		writeJSON(w, code, map[string]string{"error": msg})
		return
	}
	s.renderError(w, r, code, msg)
}

func isAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz" || r.URL.Path == "/metrics"
}

// authorize checks the bearer token in constant time. Hashing both sides
// first keeps the comparison's time independent of the token's length too.
func (s *Server) authorize(r *http.Request) error {
	if s.d.Token == "" {
		return errStatus(http.StatusForbidden, "writes are disabled: start the server with DATELINE_TOKEN set")
	}
	auth := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(auth) < len(prefix) || !strings.EqualFold(auth[:len(prefix)], prefix) {
		return errStatus(http.StatusUnauthorized, "missing bearer token: send Authorization: Bearer $DATELINE_TOKEN")
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(auth[len(prefix):])))
	if subtle.ConstantTimeCompare(got[:], s.tokenH[:]) != 1 {
		return errStatus(http.StatusUnauthorized, "wrong bearer token")
	}
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// ListenAndServe serves h on addr until ctx ends, then shuts down gracefully
// (in-flight requests get 10 s). ready, when not nil, receives the bound
// address once the listener is open (useful with port 0).
func ListenAndServe(ctx context.Context, addr string, h http.Handler, ready func(addr string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return dateline.Errorf(dateline.Unavailable, "serve", "listen on %s: %w", addr, err)
	}
	srv := NewHTTPServer(h)
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

// NewHTTPServer wraps h in an http.Server with timeouts, so a slow or idle
// client cannot hold a connection forever.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       2 * time.Minute, // large ingest bodies on slow links
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	nurl "net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/htmlpage"
)

// Sink receives the documents the watcher found. The pipeline implements it.
type Sink interface {
	Ingest(ctx context.Context, docs []dateline.Document) error
}

// Watcher polls feeds. The zero value is not usable; set Sink and call
// Run or Poll. Clock, Sleep and Client are injectable for tests.
type Watcher struct {
	Sink   Sink
	Client *http.Client // nil: a client with a 30 s timeout
	// Now is the clock; nil means time.Now. Polling is I/O scheduling, not
	// analysis, so wall time is right here.
	Now func() time.Time
	// Sleep waits d or until ctx is done; nil means a timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// StatePath is the JSON file that remembers validators, schedules and
	// seen items across restarts; empty keeps state in memory only.
	StatePath    string
	Interval     time.Duration // between polls of one feed; default 15 min
	HostInterval time.Duration // minimum gap between requests to one host; default 2 s
	MaxBackoff   time.Duration // cap of the error backoff; default 6 h
	UserAgent    string
	// Logf reports progress and per-feed errors; nil is silent.
	Logf func(format string, args ...any)

	state      *state
	lastByHost map[string]time.Time
}

// state is what the watcher remembers, written as JSON.
type state struct {
	Feeds map[string]*feedState `json:"feeds"`
}

type feedState struct {
	ETag         string               `json:"etag,omitempty"`
	LastModified string               `json:"last_modified,omitempty"`
	NextPoll     time.Time            `json:"next_poll"`
	Failures     int                  `json:"failures,omitempty"`
	LastError    string               `json:"last_error,omitempty"`
	Seen         map[string]time.Time `json:"seen"`
}

// maxSeen bounds how many item keys a feed remembers: feeds carry their
// latest few dozen items, so older keys can never come back.
const maxSeen = 2000

// Report counts one pass over the feeds.
type Report struct {
	Polled, NotModified, Failed int
	NewItems, Ingested, Errors  int
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Watcher) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	if w.Sleep != nil {
		return w.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (w *Watcher) client() *http.Client {
	if w.Client != nil {
		return w.Client
	}
	return &http.Client{Timeout: 30 * time.Second}
}

func (w *Watcher) interval() time.Duration {
	if w.Interval > 0 {
		return w.Interval
	}
	return 15 * time.Minute
}

func (w *Watcher) hostInterval() time.Duration {
	if w.HostInterval > 0 {
		return w.HostInterval
	}
	return 2 * time.Second
}

func (w *Watcher) maxBackoff() time.Duration {
	if w.MaxBackoff > 0 {
		return w.MaxBackoff
	}
	return 6 * time.Hour
}

func (w *Watcher) logf(format string, args ...any) {
	if w.Logf != nil {
		w.Logf(format, args...)
	}
}

func (w *Watcher) load() error {
	if w.state != nil {
		return nil
	}
	w.state = &state{Feeds: map[string]*feedState{}}
	w.lastByHost = map[string]time.Time{}
	if w.StatePath == "" {
		return nil
	}
	b, err := os.ReadFile(w.StatePath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return dateline.Errorf(dateline.Unavailable, "feed.state", "read %s: %w", w.StatePath, err)
	}
	if err := json.Unmarshal(b, w.state); err != nil {
		return dateline.Errorf(dateline.Invalid, "feed.state", "%s is not a watcher state file (delete it to start afresh): %w", w.StatePath, err)
	}
	if w.state.Feeds == nil {
		w.state.Feeds = map[string]*feedState{}
	}
	return nil
}

// save writes the state atomically: a crash leaves the old file or the
// new one, never half of one.
func (w *Watcher) save() error {
	if w.StatePath == "" {
		return nil
	}
	b, err := json.MarshalIndent(w.state, "", " ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(w.StatePath)
	tmp, err := os.CreateTemp(dir, filepath.Base(w.StatePath)+".tmp*")
	if err != nil {
		return dateline.Errorf(dateline.Unavailable, "feed.state", "write state: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return dateline.Errorf(dateline.Unavailable, "feed.state", "write state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return dateline.Errorf(dateline.Unavailable, "feed.state", "sync state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return dateline.Errorf(dateline.Unavailable, "feed.state", "write state: %w", err)
	}
	if err := os.Rename(tmp.Name(), w.StatePath); err != nil {
		return dateline.Errorf(dateline.Unavailable, "feed.state", "replace state: %w", err)
	}
	return nil
}

// Run polls feeds until ctx is done, each when it is due.
func (w *Watcher) Run(ctx context.Context, feeds []string) error {
	for {
		if _, err := w.Poll(ctx, feeds, false); err != nil {
			return err
		}
		next := w.nextDue(feeds)
		if err := w.sleep(ctx, next.Sub(w.now())); err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return nil
			}
			return err
		}
	}
}

func (w *Watcher) nextDue(feeds []string) time.Time {
	var next time.Time
	for _, u := range feeds {
		fs := w.state.Feeds[u]
		if fs == nil {
			return w.now()
		}
		if next.IsZero() || fs.NextPoll.Before(next) {
			next = fs.NextPoll
		}
	}
	if next.IsZero() {
		next = w.now().Add(w.interval())
	}
	return next
}

// Poll makes one pass: every due feed (every feed when force is set) is
// fetched once. Per-feed failures are logged, counted and scheduled for
// a retry; only a failing Sink or state file stops the pass.
func (w *Watcher) Poll(ctx context.Context, feeds []string, force bool) (Report, error) {
	var rep Report
	if err := w.load(); err != nil {
		return rep, err
	}
	for _, u := range feeds {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		fs := w.state.Feeds[u]
		if fs == nil {
			fs = &feedState{Seen: map[string]time.Time{}}
			w.state.Feeds[u] = fs
		}
		if fs.Seen == nil {
			fs.Seen = map[string]time.Time{}
		}
		if !force && w.now().Before(fs.NextPoll) {
			continue
		}
		rep.Polled++
		err := w.pollFeed(ctx, u, fs, &rep)
		var sinkErr *sinkError
		switch {
		case errors.As(err, &sinkErr):
			return rep, sinkErr.err
		case err != nil && ctx.Err() != nil:
			return rep, ctx.Err()
		case err != nil:
			rep.Failed++
			w.logf("feed %s: %v (next try %s)", u, err, fs.NextPoll.Format(time.RFC3339))
		}
		if err := w.save(); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

type sinkError struct{ err error }

func (e *sinkError) Error() string { return e.err.Error() }

// retryAfter is a server's request to come back later.
type retryAfter struct {
	status int
	wait   time.Duration
}

func (e *retryAfter) Error() string {
	return fmt.Sprintf("HTTP %d, retry after %s", e.status, e.wait)
}

func (w *Watcher) backoff(fs *feedState, err error) {
	fs.Failures++
	fs.LastError = err.Error()
	var ra *retryAfter
	if errors.As(err, &ra) && ra.wait > 0 {
		fs.NextPoll = w.now().Add(min(ra.wait, 7*24*time.Hour))
		return
	}
	d := time.Minute << min(fs.Failures-1, 20)
	fs.NextPoll = w.now().Add(min(d, w.maxBackoff()))
}

func (w *Watcher) pollFeed(ctx context.Context, feedURL string, fs *feedState, rep *Report) error {
	hdr := http.Header{}
	if fs.ETag != "" {
		hdr.Set("If-None-Match", fs.ETag)
	}
	if fs.LastModified != "" {
		hdr.Set("If-Modified-Since", fs.LastModified)
	}
	hdr.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
	resp, body, err := w.get(ctx, feedURL, hdr, MaxFeedBytes)
	if err != nil {
		w.backoff(fs, err)
		return err
	}
	fetched := w.now()
	if resp.StatusCode == http.StatusNotModified {
		rep.NotModified++
		fs.Failures, fs.LastError = 0, ""
		fs.NextPoll = fetched.Add(w.interval())
		return nil
	}
	f, err := Parse(body, fetched)
	if err != nil {
		w.backoff(fs, err)
		return err
	}
	fs.ETag = resp.Header.Get("ETag")
	fs.LastModified = resp.Header.Get("Last-Modified")
	fs.Failures, fs.LastError = 0, ""
	fs.NextPoll = fetched.Add(w.interval())

	base, _ := nurl.Parse(feedURL)
	for _, it := range f.Items {
		if _, ok := fs.Seen[it.Key]; ok || it.Key == "" {
			continue
		}
		rep.NewItems++
		doc, err := w.itemDocument(ctx, base, f, it)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			// Left unseen: the next poll tries the page again.
			rep.Errors++
			w.logf("feed %s: item %s: %v", feedURL, it.Link, err)
			continue
		}
		if err := w.Sink.Ingest(ctx, []dateline.Document{doc}); err != nil {
			return &sinkError{fmt.Errorf("feed %s: ingest %s: %w", feedURL, it.Link, err)}
		}
		rep.Ingested++
		fs.Seen[it.Key] = w.now()
		// Remember progress item by item: a crash loses at most one.
		if err := w.save(); err != nil {
			return &sinkError{err}
		}
	}
	pruneSeen(fs)
	return nil
}

func pruneSeen(fs *feedState) {
	if len(fs.Seen) <= maxSeen {
		return
	}
	type kv struct {
		k string
		t time.Time
	}
	all := make([]kv, 0, len(fs.Seen))
	for k, t := range fs.Seen {
		all = append(all, kv{k, t})
	}
	sort.Slice(all, func(i, j int) bool {
		if !all[i].t.Equal(all[j].t) {
			return all[i].t.After(all[j].t)
		}
		return all[i].k < all[j].k
	})
	for _, e := range all[maxSeen:] {
		delete(fs.Seen, e.k)
	}
}

// itemDocument fetches an item's page and extracts it. The page's own
// date wins when it has one; the feed's date is the fallback.
func (w *Watcher) itemDocument(ctx context.Context, base *nurl.URL, f Feed, it Item) (dateline.Document, error) {
	link := it.Link
	if base != nil && link != "" {
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
	}
	if link == "" {
		return dateline.Document{}, fmt.Errorf("item %q has no link", it.Title)
	}
	resp, body, err := w.get(ctx, link, http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}}, htmlpage.MaxPageBytes)
	if err != nil {
		return dateline.Document{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return dateline.Document{}, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	fetched := w.now()
	page, err := htmlpage.Extract(ctx, bytes.NewReader(body), htmlpage.Options{URL: resp.Request.URL.String(), Fetched: fetched, ContentType: resp.Header.Get("Content-Type")})
	if err != nil {
		return dateline.Document{}, err
	}
	if page.Title == "" {
		page.Title = it.Title
	}
	if page.Site == "" {
		page.Site = f.Title
	}
	if strings.TrimSpace(page.Text) == "" {
		page.Text = it.Summary
	}
	doc := page.Document(link)
	if doc.Published.IsZero() && !it.Published.IsZero() {
		doc.Published = it.Published
		doc.PublishedSource = dateline.DateFromFeed
		if it.ZoneGuessed {
			doc.PublishedSource += ":no-zone"
		}
	}
	return doc, nil
}

// get fetches url after waiting for the host's politeness gap. Statuses
// 429 and 503 become a *retryAfter; other statuses ≥ 400 an error.
func (w *Watcher) get(ctx context.Context, url string, hdr http.Header, limit int64) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, dateline.Errorf(dateline.Invalid, "feed", "bad URL %q: %w", url, err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	ua := w.UserAgent
	if ua == "" {
		ua = "dateline-watch/1 (+https://github.com/datelinehq/dateline)"
	}
	req.Header.Set("User-Agent", ua)
	host := req.URL.Host
	if last, ok := w.lastByHost[host]; ok {
		if err := w.sleep(ctx, last.Add(w.hostInterval()).Sub(w.now())); err != nil {
			return nil, nil, err
		}
	}
	w.lastByHost[host] = w.now()
	resp, err := w.client().Do(req)
	if err != nil {
		return nil, nil, dateline.Errorf(dateline.Unavailable, "feed", "GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, nil, &retryAfter{resp.StatusCode, parseRetryAfter(resp.Header.Get("Retry-After"), w.now())}
	case resp.StatusCode == http.StatusNotModified:
		return resp, nil, nil
	case resp.StatusCode >= 400:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, nil, dateline.Errorf(dateline.Unavailable, "feed", "GET %s: HTTP %d", url, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, nil, dateline.Errorf(dateline.Unavailable, "feed", "GET %s: %w", url, err)
	}
	if int64(len(body)) > limit {
		return nil, nil, dateline.Errorf(dateline.Invalid, "feed", "GET %s: larger than %d bytes", url, limit)
	}
	return resp, body, nil
}

// parseRetryAfter reads seconds or an HTTP date; unknown means a minute.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
		return 0
	}
	return time.Minute
}

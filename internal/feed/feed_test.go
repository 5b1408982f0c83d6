package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
)

type clock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.slept = append(c.slept, d)
	c.t = c.t.Add(d)
	return ctx.Err()
}

type sink struct{ docs []dateline.Document }

func (s *sink) Ingest(_ context.Context, docs []dateline.Document) error {
	s.docs = append(s.docs, docs...)
	return nil
}

const articleHTML = `<html><head><title>%s</title>%s</head><body><nav>Home | Politics | Sport</nav><article><h1>%s</h1>
<p>The ministry confirmed on Thursday that the new rail timetable will take effect in December, adding hourly trains between the two largest cities of the region.</p>
<p>Commuter groups welcomed the change but warned that platforms at the central station were already crowded at peak times and would need to be lengthened.</p>
<p>The operator said it would publish the detailed timetable next month after talks with the unions.</p></article></body></html>`

// server is a news site with an RSS feed and two article pages.
type server struct {
	*httptest.Server
	mu          sync.Mutex
	feedHits    int
	notModified int
	status      []int    // statuses to answer the feed with before the real one
	retryAfter  []string // Retry-After values with them
	pageHits    map[string]int
}

func newServer(t *testing.T) *server {
	s := &server{pageHits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.feedHits++
		if len(s.status) > 0 {
			st, ra := s.status[0], s.retryAfter[0]
			s.status, s.retryAfter = s.status[1:], s.retryAfter[1:]
			if ra != "" {
				w.Header().Set("Retry-After", ra)
			}
			w.WriteHeader(st)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			s.notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Rail News</title><link>/</link>
<item><title>Timetable change</title><link>/news/timetable</link><guid>urn:rail:1</guid><pubDate>Wed, 02 Mar 2022 08:00:00 +0000</pubDate></item>
<item><title>Station works</title><link>/news/station</link><guid>urn:rail:2</guid><pubDate>2022-03-10T20:00:00</pubDate></item>
</channel></rss>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.pageHits[r.URL.Path]++
		s.mu.Unlock()
		head := ""
		if r.URL.Path == "/news/timetable" {
			head = `<meta property="article:published_time" content="2022-03-02T09:00:00+01:00">`
		}
		fmt.Fprintf(w, articleHTML, "Rail "+r.URL.Path, head, "Rail "+r.URL.Path)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func newWatcher(c *clock, sk Sink, statePath string) *Watcher {
	return &Watcher{Sink: sk, Now: c.Now, Sleep: c.Sleep, StatePath: statePath, Interval: 10 * time.Minute, HostInterval: 3 * time.Second}
}

func TestWatcherIngestsAndRemembers(t *testing.T) {
	srv := newServer(t)
	// The clock: 10 March 2022, 12:00 UTC. The second item's date has no
	// zone and reads 20:00, eight hours ahead: it must not be believed as is.
	c := &clock{t: time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)}
	sk := &sink{}
	statePath := filepath.Join(t.TempDir(), "watch.json")
	feeds := []string{srv.URL + "/feed.xml"}
	w := newWatcher(c, sk, statePath)
	w.Client = srv.Client()
	rep, err := w.Poll(context.Background(), feeds, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Polled != 1 || rep.NewItems != 2 || rep.Ingested != 2 || len(sk.docs) != 2 {
		t.Fatalf("report %+v, docs %d", rep, len(sk.docs))
	}
	d0, d1 := sk.docs[0], sk.docs[1]
	if d0.PublishedSource != "meta:article:published_time" || d0.Published.Format(dateline.DateLayout) != "2022-03-02" {
		t.Errorf("first: %v from %s", d0.Published, d0.PublishedSource)
	}
	if !strings.Contains(d0.Text, "new rail timetable") || strings.Contains(d0.Text, "Politics") {
		t.Errorf("text: %q", d0.Text)
	}
	if d1.PublishedSource != "feed:no-zone" || d1.Published.After(c.Now()) {
		t.Errorf("zone-less item: %v from %s, clock %v", d1.Published, d1.PublishedSource, c.Now())
	}
	// Two requests to one host were spaced by the politeness gap.
	for _, d := range c.slept {
		if d > 3*time.Second {
			t.Errorf("slept %v, more than the host gap", d)
		}
	}
	if len(c.slept) < 2 {
		t.Errorf("slept %v; want a pause before each page after the feed", c.slept)
	}

	// Not due yet: nothing fetched.
	if rep, _ := w.Poll(context.Background(), feeds, false); rep.Polled != 0 {
		t.Errorf("polled before due: %+v", rep)
	}
	// A restart with the same state file: conditional GET, no re-ingest.
	c.t = c.t.Add(11 * time.Minute)
	w2 := newWatcher(c, sk, statePath)
	w2.Client = srv.Client()
	rep, err = w2.Poll(context.Background(), feeds, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.NotModified != 1 || srv.notModified != 1 || len(sk.docs) != 2 {
		t.Errorf("after restart: %+v, 304s %d, docs %d", rep, srv.notModified, len(sk.docs))
	}
	// Even when the server ignores validators, seen items are not re-ingested.
	w2.state.Feeds[feeds[0]].ETag = ""
	c.t = c.t.Add(11 * time.Minute)
	rep, _ = w2.Poll(context.Background(), feeds, false)
	if rep.NewItems != 0 || len(sk.docs) != 2 {
		t.Errorf("re-ingested seen items: %+v", rep)
	}
}

func TestWatcherRetryAfterAndBackoff(t *testing.T) {
	start := time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		status int
		ra     string
		want   time.Duration
	}{
		{"429 with seconds", 429, "120", 120 * time.Second},
		{"503 with a date", 503, start.Add(time.Hour).Format(http.TimeFormat), time.Hour},
		{"500 backs off", 500, "", time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			srv.status, srv.retryAfter = []int{tt.status}, []string{tt.ra}
			c := &clock{t: start}
			w := newWatcher(c, &sink{}, "")
			w.Client = srv.Client()
			feeds := []string{srv.URL + "/feed.xml"}
			rep, err := w.Poll(context.Background(), feeds, false)
			if err != nil || rep.Failed != 1 {
				t.Fatalf("rep %+v err %v", rep, err)
			}
			fs := w.state.Feeds[feeds[0]]
			if got := fs.NextPoll.Sub(start); got != tt.want {
				t.Errorf("next poll in %v, want %v", got, tt.want)
			}
			// Due again: the feed recovers.
			c.t = fs.NextPoll
			rep, err = w.Poll(context.Background(), feeds, false)
			if err != nil || rep.Ingested != 2 || fs.Failures != 0 {
				t.Errorf("after recovery: %+v err %v failures %d", rep, err, fs.Failures)
			}
		})
	}
	t.Run("backoff doubles", func(t *testing.T) {
		srv := newServer(t)
		srv.status, srv.retryAfter = []int{500, 500, 500}, []string{"", "", ""}
		c := &clock{t: start}
		w := newWatcher(c, &sink{}, "")
		w.Client = srv.Client()
		feeds := []string{srv.URL + "/feed.xml"}
		var gaps []time.Duration
		for i := 0; i < 3; i++ {
			w.Poll(context.Background(), feeds, false)
			fs := w.state.Feeds[feeds[0]]
			gaps = append(gaps, fs.NextPoll.Sub(c.t))
			c.t = fs.NextPoll
		}
		if gaps[0] != time.Minute || gaps[1] != 2*time.Minute || gaps[2] != 4*time.Minute {
			t.Errorf("gaps %v", gaps)
		}
	})
}

func TestParseFormats(t *testing.T) {
	fetched := time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		data  string
		links []string
		dates []string
	}{
		{
			name:  "atom",
			data:  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>tag:a,1</id><title>One</title><link href="https://a.example/1"/><published>2022-03-01T10:00:00+01:00</published><updated>2022-03-05T10:00:00Z</updated></entry></feed>`,
			links: []string{"https://a.example/1"},
			dates: []string{"2022-03-01T09:00:00Z"}, // gofeed gives UTC
		},
		{
			name:  "json feed",
			data:  `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","title":"One","date_published":"2022-03-02T10:00:00Z"}]}`,
			links: []string{"https://j.example/1"},
			dates: []string{"2022-03-02T10:00:00Z"},
		},
		{
			name:  "rss date in the future with a zone is dropped",
			data:  `<rss version="2.0"><channel><title>R</title><item><link>https://r.example/1</link><pubDate>Fri, 11 Mar 2022 10:00:00 +0000</pubDate></item></channel></rss>`,
			links: []string{"https://r.example/1"},
			dates: []string{"0001-01-01T00:00:00Z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.data), fetched)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != len(tt.links) {
				t.Fatalf("items %+v", f.Items)
			}
			for i, it := range f.Items {
				if it.Link != tt.links[i] || it.Published.Format(time.RFC3339) != tt.dates[i] {
					t.Errorf("item %d: %s %s", i, it.Link, it.Published.Format(time.RFC3339))
				}
			}
		})
	}
	if _, err := Parse([]byte("<html><body>not a feed</body></html>"), fetched); dateline.ErrorKind(err) != dateline.Invalid {
		t.Errorf("html page: err %v", err)
	}
}

func TestParseList(t *testing.T) {
	opml := `<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/atom"/></outline>
<outline text="C" xmlUrl="https://a.example/feed"/></body></opml>`
	got, err := ParseList([]byte(opml))
	if err != nil || strings.Join(got, " ") != "https://a.example/feed https://b.example/atom" {
		t.Errorf("opml: %v %v", got, err)
	}
	got, err = ParseList([]byte("# my feeds\nhttps://a.example/feed\n\nhttps://c.example/rss\n"))
	if err != nil || len(got) != 2 {
		t.Errorf("text: %v %v", got, err)
	}
	if _, err := ParseList([]byte("ftp://x\n")); dateline.ErrorKind(err) != dateline.Invalid {
		t.Errorf("bad line: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><link>x</link><pubDate>2022-03-10T20:00:00</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><published>2022</published></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":1}]}`))
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a"/></body></opml>`))
	fetched := time.Date(2022, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		if fd, err := Parse(data, fetched); err == nil {
			for _, it := range fd.Items {
				if it.Published.After(fetched) {
					t.Errorf("item date %v after fetch", it.Published)
				}
			}
		}
		ParseList(data)
	})
}

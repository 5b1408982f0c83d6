package web

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the histogram's upper bounds in seconds: fine below
// 50 ms where search lives, coarse above.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type routeCode struct {
	route string
	code  int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

// metrics holds the counters /metrics exposes. The exposition is written by
// hand in the Prometheus text format; it is small enough not to need a client
// library.
type metrics struct {
	mu       sync.Mutex
	requests map[routeCode]uint64
	latency  map[string]*histogram

	ingestRequests uint64
	ingestDocs     uint64 // parsed from bodies
	ingestAdded    uint64
	ingestSeconds  float64
	started        time.Time
}

func newMetrics() *metrics {
	return &metrics{requests: map[routeCode]uint64{}, latency: map[string]*histogram{}, started: time.Now()}
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeCode{route, code}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[route] = h
	}
	i := sort.SearchFloat64s(latencyBuckets, sec) // first bound >= sec
	h.counts[i]++
	h.sum += sec
	h.n++
}

func (m *metrics) ingested(read, added int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ingestRequests++
	m.ingestDocs += uint64(read)
	m.ingestAdded += uint64(added)
	m.ingestSeconds += d.Seconds()
}

// escLabel escapes a label value as the text format requires.
func escLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)
	return r.Replace(s)
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	// The store's count is read outside the lock, with a short deadline, so
	// a slow store cannot stall the scrape of everything else.
	docs, dups, stories := -1, -1, -1
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	if st, err := s.d.Store.Stats(ctx); err == nil {
		docs, dups, stories = st.Documents, st.Duplicates, st.Stories
	}
	cancel()

	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	m := s.metrics
	m.mu.Lock()
	defer m.mu.Unlock()

	fmt.Fprintln(bw, "# HELP dateline_http_requests_total HTTP requests served, by route pattern and status code.")
	fmt.Fprintln(bw, "# TYPE dateline_http_requests_total counter")
	keys := make([]routeCode, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].code < keys[j].code
	})
	for _, k := range keys {
		fmt.Fprintf(bw, "dateline_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", escLabel(k.route), k.code, m.requests[k])
	}

	fmt.Fprintln(bw, "# HELP dateline_http_request_duration_seconds Time to serve a request, by route pattern.")
	fmt.Fprintln(bw, "# TYPE dateline_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, rt := range routes {
		h := m.latency[rt]
		lbl := escLabel(rt)
		var cum uint64
		for i, b := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(bw, "dateline_http_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %d\n", lbl, fmtFloat(b), cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(bw, "dateline_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", lbl, cum)
		fmt.Fprintf(bw, "dateline_http_request_duration_seconds_sum{route=\"%s\"} %s\n", lbl, fmtFloat(h.sum))
		fmt.Fprintf(bw, "dateline_http_request_duration_seconds_count{route=\"%s\"} %d\n", lbl, h.n)
	}

	if docs >= 0 {
		fmt.Fprintln(bw, "# HELP dateline_documents Articles in the store, syndicated copies included.")
		fmt.Fprintln(bw, "# TYPE dateline_documents gauge")
		fmt.Fprintf(bw, "dateline_documents %d\n", docs)
		fmt.Fprintln(bw, "# HELP dateline_duplicates Stored articles that are copies of another.")
		fmt.Fprintln(bw, "# TYPE dateline_duplicates gauge")
		fmt.Fprintf(bw, "dateline_duplicates %d\n", dups)
		fmt.Fprintln(bw, "# HELP dateline_stories Stories in the store.")
		fmt.Fprintln(bw, "# TYPE dateline_stories gauge")
		fmt.Fprintf(bw, "dateline_stories %d\n", stories)
	}
	fmt.Fprintln(bw, "# HELP dateline_ingest_requests_total POST /api/articles requests that reached the pipeline.")
	fmt.Fprintln(bw, "# TYPE dateline_ingest_requests_total counter")
	fmt.Fprintf(bw, "dateline_ingest_requests_total %d\n", m.ingestRequests)
	fmt.Fprintln(bw, "# HELP dateline_ingest_documents_total Articles received through the API; rate() of it is the ingest rate.")
	fmt.Fprintln(bw, "# TYPE dateline_ingest_documents_total counter")
	fmt.Fprintf(bw, "dateline_ingest_documents_total %d\n", m.ingestDocs)
	fmt.Fprintln(bw, "# HELP dateline_ingest_added_total Articles newly stored through the API.")
	fmt.Fprintln(bw, "# TYPE dateline_ingest_added_total counter")
	fmt.Fprintf(bw, "dateline_ingest_added_total %d\n", m.ingestAdded)
	fmt.Fprintln(bw, "# HELP dateline_ingest_seconds_total Time spent in the pipeline for API ingests.")
	fmt.Fprintln(bw, "# TYPE dateline_ingest_seconds_total counter")
	fmt.Fprintf(bw, "dateline_ingest_seconds_total %s\n", fmtFloat(m.ingestSeconds))
	fmt.Fprintln(bw, "# HELP dateline_start_time_seconds When the server started, in Unix seconds.")
	fmt.Fprintln(bw, "# TYPE dateline_start_time_seconds gauge")
	fmt.Fprintf(bw, "dateline_start_time_seconds %d\n", m.started.Unix())
	return nil
}

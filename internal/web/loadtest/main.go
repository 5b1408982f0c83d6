// Command loadtest measures a running dateline server: a fixed number of
// clients send requests to one endpoint for a fixed time, and it reports the
// latency percentiles and the throughput.
//
// It only targets loopback addresses and stops by itself (a duration and a
// request cap), so it cannot become a stress test of someone else's host.
//
//	dateline --db t17.db serve --addr 127.0.0.1:8080 &
//	go run ./internal/web/loadtest -url http://127.0.0.1:8080 -clients 32 -duration 30s
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/datelinehq/dateline/internal/shareddata"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "server to measure; must be a loopback address")
	clients := flag.Int("clients", 32, "concurrent clients")
	dur := flag.Duration("duration", 30*time.Second, "how long to measure each endpoint")
	warm := flag.Duration("warmup", 3*time.Second, "requests sent before measuring, not counted")
	prime := flag.Bool("prime", true, "first ask each query once, one at a time, and report those cold latencies separately")
	maxReq := flag.Int64("max-requests", 2_000_000, "stop an endpoint after this many requests")
	endpoints := flag.String("endpoints", "timeline,search", "comma-separated: timeline, search")
	queries := flag.String("queries", "", "comma-separated queries; default: the Timeline17 topic keywords")
	flag.Parse()

	u, err := url.Parse(*base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		fail("-url %q: want http://HOST:PORT", *base)
	}
	if err := loopbackOnly(u.Hostname()); err != nil {
		fail("%v", err)
	}
	if *clients < 1 || *clients > 1024 {
		fail("-clients %d: want 1 to 1024", *clients)
	}
	if *dur <= 0 || *dur > 10*time.Minute {
		fail("-duration %s: want up to 10m", *dur)
	}
	qs := splitList(*queries)
	if len(qs) == 0 {
		qs = t17Queries()
	}
	fmt.Printf("loadtest: %s, %d clients, %s per endpoint after %s warm-up, %d queries\n", *base, *clients, *dur, *warm, len(qs))
	client := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: *clients * 2, MaxIdleConnsPerHost: *clients * 2, IdleConnTimeout: time.Minute,
		},
	}
	var colds []string
	defer func() {
		if len(colds) > 0 {
			fmt.Println()
			fmt.Println("| cold | queries | p50 (ms) | p90 (ms) | max (ms) |")
			fmt.Println("|---|---:|---:|---:|---:|")
			for _, c := range colds {
				fmt.Println(c)
			}
		}
	}()
	fmt.Println()
	fmt.Println("| endpoint | requests | errors | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, ep := range splitList(*endpoints) {
		var path string
		switch ep {
		case "timeline":
			path = "/api/timeline?q="
		case "search":
			path = "/api/search?q="
		default:
			fail("-endpoints: unknown %q; want timeline or search", ep)
		}
		targets := make([]string, len(qs))
		for i, q := range qs {
			targets[i] = strings.TrimSuffix(*base, "/") + path + url.QueryEscape(q)
		}
		if *prime {
			var cold []time.Duration
			for _, tg := range targets {
				t0 := time.Now()
				if err := get(context.Background(), client, tg); err != nil {
					fmt.Fprintf(os.Stderr, "loadtest: prime: %v\n", err)
				}
				cold = append(cold, time.Since(t0))
			}
			sort.Slice(cold, func(i, j int) bool { return cold[i] < cold[j] })
			cr := result{lat: cold}
			colds = append(colds, fmt.Sprintf("| /api/%s, first request of each query (one client) | %d | %.1f | %.1f | %.1f |", ep, len(cold), ms(cr.pct(50)), ms(cr.pct(90)), ms(cr.pct(100))))
		}
		if *warm > 0 {
			run(client, targets, *clients, *warm, *maxReq)
		}
		r := run(client, targets, *clients, *dur, *maxReq)
		fmt.Printf("| /api/%s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |\n", ep, r.n, r.errors,
			float64(r.n)/r.elapsed.Seconds(), ms(r.pct(50)), ms(r.pct(90)), ms(r.pct(99)), ms(r.pct(100)))
		if r.firstErr != "" {
			fmt.Fprintf(os.Stderr, "loadtest: first error on %s: %s\n", ep, r.firstErr)
		}
	}
}

type result struct {
	lat      []time.Duration
	n        int64
	errors   int64
	elapsed  time.Duration
	firstErr string
}

func (r result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := int(float64(len(r.lat))*p/100+0.5) - 1
	return r.lat[min(max(i, 0), len(r.lat)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// run sends requests from n clients, round-robin over targets, until d
// passes or max requests were sent.
func run(client *http.Client, targets []string, n int, d time.Duration, max int64) result {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var sent, errs atomic.Int64
	var mu sync.Mutex
	var all []time.Duration
	var firstErr string
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < n; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var lat []time.Duration
			for i := c; ctx.Err() == nil; i++ {
				if sent.Add(1) > max {
					break
				}
				t0 := time.Now()
				err := get(ctx, client, targets[i%len(targets)])
				if ctx.Err() != nil {
					break // cut off by the deadline: not a measurement
				}
				lat = append(lat, time.Since(t0))
				if err != nil {
					errs.Add(1)
					mu.Lock()
					if firstErr == "" {
						firstErr = err.Error()
					}
					mu.Unlock()
				}
			}
			mu.Lock()
			all = append(all, lat...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return result{lat: all, n: int64(len(all)), errors: errs.Load(), elapsed: elapsed, firstErr: firstErr}
}

func get(ctx context.Context, client *http.Client, target string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", target, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", target, resp.Status)
	}
	return err
}

// loopbackOnly refuses any host that is not this machine's loopback.
func loopbackOnly(host string) error {
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return errors.New("-url must name a loopback address (127.0.0.1, [::1] or localhost): this tool measures a local server only")
	}
	return nil
}

// t17Queries are the Timeline17 topics' keyword sets, one query per topic
// and one per keyword, read from the shared data; a fixed copy of the
// topic names stands in when the data is absent.
func t17Queries() []string {
	var qs []string
	if root, ok := shareddata.Root(); ok {
		files, _ := filepath.Glob(filepath.Join(root, "data", "tls", "t17", "*", "keywords.json"))
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			var kws []string
			if json.Unmarshal(b, &kws) != nil || len(kws) == 0 {
				continue
			}
			qs = append(qs, strings.Join(kws, " "))
			qs = append(qs, kws...)
		}
	}
	if len(qs) == 0 {
		qs = []string{"bp oil spill", "egypt", "financial crisis", "h1n1 swine flu", "haiti earthquake", "iraq", "libya", "michael jackson", "syria"}
	}
	return qs
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "loadtest: "+format+"\n", args...)
	os.Exit(2)
}

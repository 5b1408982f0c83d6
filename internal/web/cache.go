package web

import (
	"container/list"
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/datelinehq/dateline"
)

// resultCache keeps recent timelines and search pages. A timeline costs
// hundreds of milliseconds to build over a large store (loading and
// decoding every candidate article, then ranking sentences), and it is a
// pure function of the stored articles and the request, so the same URL
// asked again, shared or reloaded, is answered from memory.
//
// Staleness is bounded by checking the store's generation (its counts)
// every recheck; an ingest through this server clears the cache at once.
// Concurrent requests for the same missing key wait for one computation
// instead of each starting their own.
type resultCache struct {
	max     int
	recheck time.Duration
	gen     func(context.Context) (string, error)

	mu       sync.Mutex
	cur      string // the store generation the entries belong to
	checked  time.Time
	checking bool
	ll       *list.List // front: most recently used
	m        map[string]*list.Element
	inflight map[string]*flight
}

type cacheEntry struct {
	key string
	val any
}

type flight struct {
	done chan struct{}
	val  any
	err  error
}

func newResultCache(max int, recheck time.Duration, gen func(context.Context) (string, error)) *resultCache {
	return &resultCache{max: max, recheck: recheck, gen: gen, ll: list.New(),
		m: map[string]*list.Element{}, inflight: map[string]*flight{}}
}

// storeGeneration summarises what a store holds; it changes whenever an
// ingest adds articles or a recluster changes stories.
func storeGeneration(st dateline.Store) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		s, err := st.Stats(ctx)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d/%d/%d/%d/%s", s.Documents, s.Duplicates, s.Stories, s.Entities, s.Last.Format(time.RFC3339)), nil
	}
}

// refresh re-reads the store generation when the last check is older than
// recheck; one caller does it while the others carry on.
func (c *resultCache) refresh(ctx context.Context) {
	c.mu.Lock()
	if c.checking || time.Since(c.checked) < c.recheck {
		c.mu.Unlock()
		return
	}
	c.checking = true
	c.mu.Unlock()
	g, err := c.gen(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checking = false
	if err != nil {
		return // keep serving; the next request tries again
	}
	c.checked = time.Now()
	if g != c.cur {
		c.cur = g
		c.clearLocked()
	}
}

func (c *resultCache) clearLocked() {
	c.ll.Init()
	clear(c.m)
}

// invalidate drops every entry and forces a generation check.
func (c *resultCache) invalidate() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearLocked()
	c.checked = time.Time{}
}

// get returns the cached value for key or computes it once.
func (c *resultCache) get(ctx context.Context, key string, compute func(context.Context) (any, error)) (any, error) {
	if c == nil {
		return compute(ctx)
	}
	c.refresh(ctx)
	c.mu.Lock()
	if el, ok := c.m[key]; ok {
		c.ll.MoveToFront(el)
		v := el.Value.(*cacheEntry).val
		c.mu.Unlock()
		return v, nil
	}
	if f, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.val, f.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{})}
	c.inflight[key] = f
	gen := c.cur
	c.mu.Unlock()

	// The computation outlives a caller who gives up, since others may be
	// waiting for it; it keeps the request's deadline.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), requestTimeout)
	f.val, f.err = compute(cctx)
	cancel()

	c.mu.Lock()
	delete(c.inflight, key)
	if f.err == nil && gen == c.cur {
		c.m[key] = c.ll.PushFront(&cacheEntry{key: key, val: f.val})
		for c.ll.Len() > c.max {
			old := c.ll.Back()
			c.ll.Remove(old)
			delete(c.m, old.Value.(*cacheEntry).key)
		}
	}
	c.mu.Unlock()
	close(f.done)
	return f.val, f.err
}

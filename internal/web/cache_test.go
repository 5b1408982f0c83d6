package web

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
)

// TestCacheSeesOtherWriters: an article stored behind the server's back
// (another process ingesting into the same file) shows up once the cache
// rechecks the store.
func TestCacheSeesOtherWriters(t *testing.T) {
	st := fixtureStore(t)
	s := New(Deps{Store: st, Timeline: StoreTimeline(st, dateBuild), CacheRecheck: time.Nanosecond})
	total := func() int {
		w := do(t, s, "GET", "/api/search?q=solvent", nil)
		var p SearchPage
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		return p.Total
	}
	if n := total(); n != 1 {
		t.Fatalf("total %d, want 1", n)
	}
	a := dateline.Article{Document: dateline.Document{ID: "late", Source: "x", Published: day("2017-06-10"), Text: "More solvent found."}}
	if _, err := st.Put(context.Background(), []dateline.Article{a}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond) // past the recheck interval
	if n := total(); n != 2 {
		t.Errorf("after another writer stored a match: total %d, want 2", n)
	}
}

func TestCacheCoalescesAndEvicts(t *testing.T) {
	c := newResultCache(2, time.Hour, func(context.Context) (string, error) { return "g", nil })
	var computed atomic.Int32
	release := make(chan struct{})
	slow := func(context.Context) (any, error) {
		computed.Add(1)
		<-release
		return 42, nil
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.get(context.Background(), "k", slow)
			if err != nil || v.(int) != 42 {
				t.Errorf("got %v, %v", v, err)
			}
		}()
	}
	// Let the goroutines queue up on the one computation, then finish it.
	for c.inflightLen() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := computed.Load(); n != 1 {
		t.Errorf("computed %d times for 8 concurrent requests, want 1", n)
	}
	// Two more keys evict the least recently used one ("k").
	fast := func(context.Context) (any, error) { computed.Add(1); return 1, nil }
	c.get(context.Background(), "a", fast)
	c.get(context.Background(), "b", fast)
	before := computed.Load()
	c.get(context.Background(), "k", fast)
	if computed.Load() != before+1 {
		t.Error("the oldest entry was not evicted")
	}
	c.invalidate()
	c.get(context.Background(), "k", fast)
	if computed.Load() != before+2 {
		t.Error("invalidate kept an entry")
	}
}

func (c *resultCache) inflightLen() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.inflight)
}

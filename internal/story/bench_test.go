package story_test

import (
	"context"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/cpuclock"
	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/story"
)

func loadT17(b *testing.B) []dateline.Article {
	dir := shareddata.Path(b, "data", "tls", "t17")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "articles.jsonl.gz"))
	sort.Strings(files)
	var arts []dateline.Article
	for _, f := range files {
		a, err := clustereval.LoadArticles(context.Background(), f)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a...)
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.Before(arts[j].Published) })
	return arts
}

// BenchmarkT17 is ingest's share of the work: dedup then online story
// assignment for every Timeline17 article in date order, with the default
// 30-day windows. It reports articles per second and the heap held at the
// end (the windows' state plus the input articles).
func BenchmarkT17(b *testing.B) {
	arts := loadT17(b)
	runtime.GC()
	cpu0 := cpuclock.Used()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := dedup.NewIndex(dedup.Options{})
		c := story.NewClusterer(story.Options{})
		for j := range arts {
			a := arts[j]
			a.DuplicateOf = ix.Check(&a).Original
			c.Assign(&a)
		}
		c.Stories()
		if i == b.N-1 {
			b.StopTimer()
			cpu := cpuclock.Used() - cpu0
			b.ReportMetric(float64(len(arts)*b.N)/cpu.Seconds(), "articles/cpu-s")
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(ix)
			runtime.KeepAlive(c)
			ix, c = nil, nil
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-state")
			b.ReportMetric(float64(len(arts)), "articles")
			b.StartTimer()
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkT17Dedup is the dedup index alone.
func BenchmarkT17Dedup(b *testing.B) {
	arts := loadT17(b)
	runtime.GC()
	cpu0 := cpuclock.Used()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := dedup.NewIndex(dedup.Options{})
		for j := range arts {
			ix.Check(&arts[j])
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(arts)*b.N)/(cpuclock.Used()-cpu0).Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkT17Settle is the end-of-run recluster of the held articles,
// here all of T17 (no window), the worst case of a large backfill.
func BenchmarkT17Settle(b *testing.B) {
	arts := loadT17(b)
	c := story.NewClusterer(story.Options{Window: -1})
	for j := range arts {
		c.Assign(&arts[j])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Settle()
	}
	b.ReportMetric(float64(c.Len()), "held")
}

// BenchmarkT17Story is online story assignment alone, over articles whose
// DuplicateOf dedup has already set.
func BenchmarkT17Story(b *testing.B) {
	arts := loadT17(b)
	ix := dedup.NewIndex(dedup.Options{})
	for j := range arts {
		arts[j].DuplicateOf = ix.Check(&arts[j]).Original
	}
	ix = nil
	runtime.GC()
	cpu0 := cpuclock.Used()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := story.NewClusterer(story.Options{})
		for j := range arts {
			c.Assign(&arts[j])
		}
		c.Stories()
	}
	b.StopTimer()
	b.ReportMetric(float64(len(arts)*b.N)/(cpuclock.Used()-cpu0).Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkT17Prepared is the split a pipeline can make: every article is
// prepared for dedup and stories on a pool of GOMAXPROCS goroutines, then
// checked and assigned on one. It reports the CPU of each phase per
// article: the serial phase bounds ingest's throughput, the sum is the
// total cost.
func BenchmarkT17Prepared(b *testing.B) {
	arts := loadT17(b)
	runtime.GC()
	var prepCPU, serialCPU time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := dedup.NewIndex(dedup.Options{})
		c := story.NewClusterer(story.Options{})
		dp := make([]*dedup.Prepared, len(arts))
		sp := make([]*story.Prepared, len(arts))
		t0 := cpuclock.Used()
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for j := w; j < len(arts); j += workers {
					dp[j] = ix.Prepare(&arts[j])
					sp[j] = c.Prepare(&arts[j])
				}
			}(w)
		}
		wg.Wait()
		t1 := cpuclock.Used()
		for j := range arts {
			a := arts[j]
			a.DuplicateOf = ix.CheckPrepared(&a, dp[j]).Original
			c.AssignPrepared(&a, sp[j])
		}
		c.Stories()
		t2 := cpuclock.Used()
		prepCPU += t1 - t0
		serialCPU += t2 - t1
	}
	n := float64(len(arts) * b.N)
	b.ReportMetric(n/serialCPU.Seconds(), "serial-articles/cpu-s")
	b.ReportMetric(n/prepCPU.Seconds(), "prepare-articles/cpu-s")
	b.ReportMetric(n/(prepCPU+serialCPU).Seconds(), "articles/cpu-s")
	b.ReportMetric(n/b.Elapsed().Seconds(), "articles/s")
}

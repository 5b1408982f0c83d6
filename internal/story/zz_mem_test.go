package story_test

import (
	"os"
	"runtime"
	"testing"

	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/story"
)

func TestZZMem(t *testing.T) {
	if os.Getenv("DUMP_MEM") == "" {
		t.Skip()
	}
	arts := dumpT17(t)
	for _, win := range []int{0, -1} {
		var m0, m1, m2 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		ix := dedup.NewIndex(dedup.Options{Window: -1 * 0, MaxDocs: 0})
		if win < 0 {
			ix = dedup.NewIndex(dedup.Options{Window: -1})
		}
		runtime.GC()
		runtime.ReadMemStats(&m0)
		for j := range arts {
			a := arts[j]
			a.DuplicateOf = ix.Check(&a).Original
		}
		runtime.GC()
		runtime.ReadMemStats(&m1)
		o := story.Options{}
		if win < 0 {
			o.Window = -1
		}
		c := story.NewClusterer(o)
		for j := range arts {
			a := arts[j]
			a.DuplicateOf = ""
			c.Assign(&a)
		}
		runtime.GC()
		runtime.ReadMemStats(&m2)
		t.Logf("window %d: dedup held %d, %.0f B/article; story held %d, %.0f B/article", win, ix.Len(), float64(m1.HeapAlloc-m0.HeapAlloc)/float64(ix.Len()), c.Len(), float64(m2.HeapAlloc-m1.HeapAlloc)/float64(c.Len()))
		runtime.KeepAlive(ix)
		runtime.KeepAlive(c)
	}
}

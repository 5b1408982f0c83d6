package htmlpage

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/datelinehq/dateline/internal/cpuclock"
	"github.com/datelinehq/dateline/internal/shareddata"
)

type benchPage struct {
	url string
	raw []byte
}

// loadDevPages reads the shared extraction set's pages (the dev half).
func loadDevPages(b *testing.B) []benchPage {
	idx := shareddata.Path(b, "data", "html", "extract", "index.jsonl")
	f, err := os.Open(idx)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var pages []benchPage
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c struct{ URL, Path string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			b.Fatal(err)
		}
		g, err := os.Open(filepath.Join(filepath.Dir(idx), c.Path))
		if err != nil {
			b.Fatal(err)
		}
		gz, err := gzip.NewReader(g)
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(gz)
		g.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, benchPage{c.URL, raw})
	}
	return pages
}

// BenchmarkExtract measures pages/s of the full extraction (text, metadata
// and date) over the dev pages, one goroutine: the per-core figure.
func BenchmarkExtract(b *testing.B) {
	pages := loadDevPages(b)
	ctx := context.Background()
	var bytesIn int64
	runtime.GC()
	cpu0 := cpuclock.Used()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		bytesIn += int64(len(p.raw))
		if _, err := Extract(ctx, bytes.NewReader(p.raw), Options{URL: p.url}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// The machine is shared: wall time counts other processes' turns, the
	// process's CPU time does not. CPU time includes the garbage
	// collector's background work, which is part of the cost per page.
	cpu := cpuclock.Used() - cpu0
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/page")
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "pages/cpu-s")
	}
}

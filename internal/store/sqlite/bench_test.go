package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/analyze"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

// BenchmarkPutAnalysed stores analysed news (one T17 topic) into a fresh
// store: documents, the full-text index and the entity, alias and
// attribution rows, which are most of the writer's time in a full ingest.
func BenchmarkPutAnalysed(b *testing.B) {
	ctx := context.Background()
	arts, err := clustereval.LoadArticles(ctx, shareddata.Path(b, "data", "tls", "t17", "haiti", "articles.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	for i := range arts {
		arts[i].Analysis = analyze.Document(arts[i].Document)
		rows += len(arts[i].Entities) + len(arts[i].Attributions)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for k := 0; k < len(arts); k += 256 {
			if _, err := db.Put(ctx, arts[k:min(k+256, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(rows), "derived-rows")
}

package htmleval

import (
	"context"
	"testing"

	"github.com/datelinehq/dateline/internal/shareddata"
)

// every picks a fixed, spread-out subset (every nth page, in index order)
// so the floor test runs in seconds; the full sets run behind
// `dateline eval html`.
func every[T any](in []T, n int) []T {
	var out []T
	for i := 0; i < len(in); i += n {
		out = append(out, in[i])
	}
	return out
}

// Floors a little under the scores measured on this subset (every 16th
// page of the dev half), so a change that makes extraction worse fails
// here. Measured (2026-11-26, dateline's own extractor): text F1 0.946
// over 31 pages, dates 0.903 of 31 (the whole dev half: F1 0.931, dates
// 0.909).
const (
	floorF1   = 0.93
	floorDate = 0.87
	subsetN   = 16
)

func TestFloorDevSubset(t *testing.T) {
	ctx := context.Background()
	ex := shareddata.Path(t, "data", "html", "extract", "index.jsonl")
	ds := shareddata.Path(t, "data", "html", "dates", "index.jsonl")
	cases, err := LoadExtract(ex)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunExtract(ctx, every(cases, subsetN), Ours)
	if err != nil {
		t.Fatal(err)
	}
	c := rep.All
	t.Logf("text: %d pages, P %.3f R %.3f F1 %.3f", c.Pages, c.Precision(), c.Recall(), c.F1())
	if c.F1() < floorF1 {
		t.Errorf("text extraction F1 %.3f fell under the floor %.2f", c.F1(), floorF1)
	}
	dcases, err := LoadDates(ds)
	if err != nil {
		t.Fatal(err)
	}
	drep, err := RunDates(ctx, every(dcases, subsetN), Ours)
	if err != nil {
		t.Fatal(err)
	}
	d := drep.All
	t.Logf("dates: %d pages, accuracy %.3f coverage %.3f", d.Pages, d.Accuracy(), d.Coverage())
	if d.Accuracy() < floorDate {
		t.Errorf("date accuracy %.3f fell under the floor %.2f", d.Accuracy(), floorDate)
	}
}

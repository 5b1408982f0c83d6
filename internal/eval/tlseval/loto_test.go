package tlseval

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/datelinehq/dateline/internal/timeline"
)

// TestLOTONeverSeesTheLeftOutTopic runs leave-one-topic-out on two small
// T17 topics. With only the hand-set score to choose, it must reproduce a
// plain run; with fitted models, each left-out topic's model must be
// exactly the one fitted on the other topic's examples alone.
func TestLOTONeverSeesTheLeftOutTopic(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses two T17 topics")
	}
	ctx := context.Background()
	topics := []Topic{loadAnalysed(t, "egypt"), loadAnalysed(t, "haiti")}
	p := timeline.DefaultParams()
	p.Model = nil

	plain, err := Score(ctx, topics, Dateline(p), "", Report{})
	if err != nil {
		t.Fatal(err)
	}
	hand, choices, err := LOTO(ctx, topics, p, []Setting{{0, p.LeadDateRef}}, "", Report{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range plain.Tasks {
		if !reflect.DeepEqual(plain.Tasks[i].Scores, hand.Tasks[i].Scores) {
			t.Errorf("task %s/%d: LOTO with the hand-set score only scored %+v, a plain run %+v",
				plain.Tasks[i].Topic, plain.Tasks[i].Index, hand.Tasks[i].Scores, plain.Tasks[i].Scores)
		}
	}
	for _, c := range choices {
		if c.Beta != 0 {
			t.Errorf("%s: chose beta %g from {0}", c.Topic, c.Beta)
		}
	}

	_, choices, err = LOTO(ctx, topics, p, []Setting{{0.3, p.LeadDateRef}}, "", Report{})
	if err != nil {
		t.Fatal(err)
	}
	examples := TopicExamples(topics, p)
	for i, c := range choices {
		other := examples[1-i]
		if want := Fit(other, 0.3); c.Model != want {
			t.Errorf("%s: model %v, want the one fitted on %s alone %v", c.Topic, c.Model, topics[1-i].Name, want)
		}
		if all := Fit(append(append([]Example(nil), examples[0]...), examples[1]...), 0.3); c.Model == all {
			t.Errorf("%s: model equals the one fitted on both topics", c.Topic)
		}
	}
}

// cancelAfter is a context whose Err reports cancellation from its
// limit-th call on, so a cancellation can land at every point of a run in
// turn, deterministically, without timing.
type cancelAfter struct {
	context.Context
	calls atomic.Int64
	limit int64
}

func (c *cancelAfter) Err() error {
	if c.calls.Add(1) > c.limit {
		return context.Canceled
	}
	return nil
}

// TestLOTOCancelled cancels a leave-one-topic-out run at each point where
// it asks its context, in turn. A run that saw the cancellation must say
// so: unscored tasks would otherwise count as zeros, choose a setting and
// be written out. Whatever it wrote before stopping must be what a full
// run writes.
func TestLOTOCancelled(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses two T17 topics")
	}
	topics := []Topic{loadAnalysed(t, "egypt"), loadAnalysed(t, "haiti")}
	p := timeline.DefaultParams()
	grid := []Setting{{0, p.LeadDateRef}, {0.3, p.LeadDateRef}}

	full := t.TempDir()
	count := &cancelAfter{Context: context.Background(), limit: math.MaxInt64}
	if _, _, err := LOTO(count, topics, p, grid, full, Report{}); err != nil {
		t.Fatal(err)
	}
	want := readTree(t, full)
	calls := count.calls.Load()
	if calls < 4 {
		t.Fatalf("a full run asked its context %d times; the test needs more to cancel in between", calls)
	}
	for limit := int64(0); limit < calls; limit++ {
		out := t.TempDir()
		ctx := &cancelAfter{Context: context.Background(), limit: limit}
		_, _, err := LOTO(ctx, topics, p, grid, out, Report{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled at call %d of %d: err = %v, want context.Canceled", limit+1, calls, err)
		}
		for name, got := range readTree(t, out) {
			if got != want[name] {
				t.Errorf("cancelled at call %d of %d: %s differs from a full run's", limit+1, calls, name)
			}
		}
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		files[strings.TrimPrefix(path, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

package pipeline

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest"
	"github.com/datelinehq/dateline/internal/sample"
	"github.com/datelinehq/dateline/internal/store/sqlite"
)

func sampleDocs(t *testing.T) []dateline.Document {
	t.Helper()
	var docs []dateline.Document
	now := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	err := ingest.WalkFS(context.Background(), sample.FS, "data", "", ingest.Options{Now: now}, func(d dateline.Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(docs, func(i, j int) bool {
		if !docs[i].Published.Equal(docs[j].Published) {
			return docs[i].Published.Before(docs[j].Published)
		}
		return docs[i].ID < docs[j].ID
	})
	return docs
}

func open(t *testing.T) *sqlite.DB {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// links reads every article's story and original.
func links(t *testing.T, st dateline.Store) map[string][2]string {
	t.Helper()
	out := map[string][2]string{}
	err := st.Articles(context.Background(), dateline.Filter{IncludeDuplicates: true, Parts: dateline.PartNone}, func(a dateline.Article) error {
		out[a.ID] = [2]string{a.Story, a.DuplicateOf}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRunsContinue ingests the corpus in two runs with a fresh pipeline
// each (as two invocations of the CLI would) and checks the result matches
// one run: copies in the second run link to originals from the first, and
// stories carry on under the same ids.
func TestRunsContinue(t *testing.T) {
	ctx := context.Background()
	docs := sampleDocs(t)

	one := open(t)
	p, err := New(ctx, one, Options{Analyze: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Ingest(ctx, docs)
	if err != nil || p.Settle(ctx) != nil {
		t.Fatal(err)
	}
	if res.Added != len(docs) || res.Duplicates == 0 {
		t.Fatalf("single run: %+v", res)
	}

	two := open(t)
	half := len(docs) / 2
	for _, part := range [][]dateline.Document{docs[:half], docs[half:]} {
		p, err := New(ctx, two, Options{Analyze: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, part); err != nil {
			t.Fatal(err)
		}
		if err := p.Settle(ctx); err != nil {
			t.Fatal(err)
		}
	}
	a, b := links(t, one), links(t, two)
	dupA, dupB, diff := 0, 0, 0
	for id, la := range a {
		lb := b[id]
		if la[1] != "" {
			dupA++
		}
		if lb[1] != "" {
			dupB++
		}
		if la[1] != lb[1] {
			t.Errorf("%s: copy of %q in one run, %q in two", id, la[1], lb[1])
		}
		if la[0] != lb[0] {
			diff++
			t.Logf("%s: story %s in one run, %s in two", id, la[0], lb[0])
		}
	}
	if dupA != dupB || dupA == 0 {
		t.Errorf("copies: %d in one run, %d in two", dupA, dupB)
	}
	// Stories are settled within a sliding window, so an article whose
	// neighbours arrive in a later run may be placed differently; the issue
	// asks that arrival order not change the result much.
	if diff*20 > len(a) {
		t.Errorf("%d of %d articles changed story between one run and two (more than 5%%)", diff, len(a))
	}

	// Re-ingesting is a no-op.
	p, _ = New(ctx, two, Options{Analyze: true})
	res, err = p.Ingest(ctx, docs)
	if err != nil || res.Added != 0 || res.Skipped != len(docs) {
		t.Errorf("re-ingest: %+v, %v", res, err)
	}
}

func TestNoAnalyzeNoFold(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	p, err := New(ctx, st, Options{NoFold: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	res, err := p.Ingest(ctx, docs)
	if err != nil || res.Added != len(docs) || res.Duplicates != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	a, _ := st.Article(ctx, docs[0].ID)
	if a.Sentences != nil || a.Story != "" {
		t.Errorf("bulk load analysed or clustered: %+v", a)
	}
}

// TestArrivalOrder ingests the sample corpus as one batch in date order,
// reversed and shuffled, and checks the stories and copies come out the
// same. (Across batches, TestRunsContinue bounds the difference.)
func TestArrivalOrder(t *testing.T) {
	ctx := context.Background()
	docs := sampleDocs(t)
	orders := map[string][]dateline.Document{"dated": docs}
	rev := make([]dateline.Document, len(docs))
	for i, d := range docs {
		rev[len(docs)-1-i] = d
	}
	orders["reversed"] = rev
	shuf := append([]dateline.Document(nil), docs...)
	for i := range shuf { // a fixed permutation: deterministic, far from date order
		j := (i*37 + 11) % len(shuf)
		shuf[i], shuf[j] = shuf[j], shuf[i]
	}
	orders["shuffled"] = shuf
	var ref map[string][2]string
	for _, name := range []string{"dated", "reversed", "shuffled"} {
		st := open(t)
		p, err := New(ctx, st, Options{Analyze: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Ingest(ctx, orders[name]); err != nil {
			t.Fatal(err)
		}
		if err := p.Settle(ctx); err != nil {
			t.Fatal(err)
		}
		got := links(t, st)
		if ref == nil {
			ref = got
			continue
		}
		for id, l := range ref {
			if got[id] != l {
				t.Errorf("%s order: %s has story %s copy of %q; dated order: %s, %q", name, id, got[id][0], got[id][1], l[0], l[1])
			}
		}
	}
}

// TestPrepareAheadOfCommit prepares a batch, then stores an overlapping
// batch before committing the first, as the CLI's ingest does when it
// analyses one batch ahead: the overlap is skipped at commit, and the store
// ends up exactly as if the batches had run one after the other.
func TestPrepareAheadOfCommit(t *testing.T) {
	ctx := context.Background()
	docs := sampleDocs(t)
	first, second := docs[:30], docs[20:]

	ahead := open(t)
	p, err := New(ctx, ahead, Options{Analyze: true})
	if err != nil {
		t.Fatal(err)
	}
	b1, err := p.Prepare(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := p.Prepare(ctx, second) // before first is stored: sees none of it
	if err != nil {
		t.Fatal(err)
	}
	r1, err := p.Commit(ctx, b1)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := p.Commit(ctx, b2)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Added != 30 || r2.Added != len(docs)-30 || r2.Skipped != 10 {
		t.Errorf("results %+v then %+v: want 30 added, then %d added and the 10 overlapping skipped", r1, r2, len(docs)-30)
	}

	inOrder := open(t)
	q, err := New(ctx, inOrder, Options{Analyze: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, batch := range [][]dateline.Document{first, second} {
		if _, err := q.Ingest(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	got, want := links(t, ahead), links(t, inOrder)
	if len(got) != len(docs) || len(want) != len(docs) {
		t.Fatalf("stored %d and %d documents, want %d", len(got), len(want), len(docs))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: story/original %v prepared ahead, %v in order", id, got[id], w)
		}
	}
}

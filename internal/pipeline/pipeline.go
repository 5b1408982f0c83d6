// Package pipeline is the one place that knows the order of the stages:
// skip what is stored, analyse in parallel, fold near-duplicates, assign
// stories, store. The CLI's ingest and the API's POST /api/articles both run
// it, so they behave the same.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/analyze"
	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/story"
)

// Options configure a pipeline.
type Options struct {
	// Analyze runs the analysis stages; off, documents are stored and
	// indexed with no analysis (the fast path for bulk loads).
	Analyze bool
	// NoFold skips near-duplicate detection and story assignment: a bulk
	// load that a later `dateline recluster` completes.
	NoFold bool
	// Workers analyse documents in parallel; 0 means one per CPU.
	Workers int
	// Window is how far back the dedup index and the story clusterer are
	// warmed from the store when the pipeline starts; 0 means 30 days.
	Window time.Duration
	Dedup  dedup.Options
	Story  story.Options
	Logger *slog.Logger
}

// Result counts what one Ingest call did.
type Result struct {
	Seen       int `json:"seen"`       // documents offered
	Added      int `json:"added"`      // newly stored
	Skipped    int `json:"skipped"`    // already stored
	Duplicates int `json:"duplicates"` // new documents found on arrival to copy an earlier one (a copy whose original arrives later is linked then, not counted here)
}

// Add accumulates another result.
func (r *Result) Add(o Result) {
	r.Seen += o.Seen
	r.Added += o.Added
	r.Skipped += o.Skipped
	r.Duplicates += o.Duplicates
}

// Pipeline ingests batches of documents into a store. It is safe for
// concurrent use; batches are serialised so dedup and story assignment see
// documents in arrival order.
type Pipeline struct {
	st   dateline.Store
	opts Options
	mu   sync.Mutex
	ix   *dedup.Index
	cl   *story.Clusterer
	// settled is the publication date up to which stories were last
	// settled; see Ingest.
	settled time.Time
}

// New returns a pipeline over st, warming the dedup index and the story
// clusterer with the stored articles of the last Window so that copies and
// stories continue across runs.
func New(ctx context.Context, st dateline.Store, opts Options) (*Pipeline, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Window <= 0 {
		opts.Window = 30 * 24 * time.Hour
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	// About 6.5 KB a held article for both: 50,000 keeps them near 300 MB.
	if opts.Dedup.MaxDocs == 0 {
		opts.Dedup.MaxDocs = 50000
	}
	if opts.Story.MaxDocs == 0 {
		opts.Story.MaxDocs = 50000
	}
	p := &Pipeline{st: st, opts: opts, ix: dedup.NewIndex(opts.Dedup), cl: story.NewClusterer(opts.Story)}
	stats, err := st.Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	if stats.Documents == 0 || opts.NoFold {
		return p, nil
	}
	from := stats.Last.Add(-opts.Window)
	n := 0
	err = st.Articles(ctx, dateline.Filter{From: from, IncludeDuplicates: true, Parts: dateline.PartMentions | dateline.PartEntities}, func(a dateline.Article) error {
		p.ix.Check(&a)
		if a.Story != "" {
			p.cl.Restore(&a)
		}
		n++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pipeline: warm from store: %w", err)
	}
	p.cl.Stories() // forget the touched set: nothing changed
	opts.Logger.Debug("pipeline warmed", "articles", n, "from", from.Format(dateline.DateLayout))
	return p, nil
}

// Ingest runs one batch through the stages and stores it in one
// transaction. Documents already stored are skipped before any analysis.
func (p *Pipeline) Ingest(ctx context.Context, docs []dateline.Document) (Result, error) {
	b, err := p.Prepare(ctx, docs)
	if err != nil {
		return Result{Seen: len(docs)}, err
	}
	return p.Commit(ctx, b)
}

// Batch is a batch of documents analysed and prepared by Prepare, waiting
// for Commit.
type Batch struct {
	res  Result
	arts []dateline.Article
	prep []prepared
}

// Prepare does the part of Ingest that needs no shared state: it drops
// documents already stored (and repeats within the batch), then analyses
// the rest and prepares them for dedup and story assignment on the worker
// pool. A caller may prepare the next batch while the previous one
// commits; batches must still be committed in the order they arrived.
func (p *Pipeline) Prepare(ctx context.Context, docs []dateline.Document) (*Batch, error) {
	b := &Batch{res: Result{Seen: len(docs)}}
	if len(docs) == 0 {
		return b, nil
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	have, err := p.st.Has(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	// Keep the first of any id repeated within the batch.
	seen := make(map[string]bool, len(docs))
	arts := make([]dateline.Article, 0, len(docs))
	for _, d := range docs {
		if have[d.ID] || seen[d.ID] {
			b.res.Skipped++
			continue
		}
		seen[d.ID] = true
		arts = append(arts, dateline.Article{Document: d})
	}
	if len(arts) == 0 {
		return b, nil
	}
	// A batch is a set, not a sequence: taking it oldest first makes the
	// originals of syndicated copies arrive before the copies and the
	// result independent of the order within the batch.
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].Published.Equal(arts[j].Published) {
			return arts[i].Published.Before(arts[j].Published)
		}
		return arts[i].ID < arts[j].ID
	})
	// Analysis and the per-article halves of dedup and story assignment
	// (tokenising, hashing) run on the worker pool; only the lookups that
	// need the shared state run serially in Commit.
	prep, err := p.prepare(ctx, arts)
	if err != nil {
		return nil, err
	}
	b.arts, b.prep = arts, prep
	return b, nil
}

// Commit runs the serial stages (dedup and story assignment against the
// shared state) over a prepared batch and stores it in one transaction.
func (p *Pipeline) Commit(ctx context.Context, b *Batch) (Result, error) {
	res := b.res
	arts, prep := b.arts, b.prep
	b.arts, b.prep = nil, nil
	if len(arts) == 0 {
		return res, nil
	}
	// The batch may have been prepared while an earlier one, holding some
	// of the same documents, was being stored: those are skipped now,
	// exactly as if they had been stored before Prepare looked.
	ids := make([]string, len(arts))
	for i := range arts {
		ids[i] = arts[i].ID
	}
	have, err := p.st.Has(ctx, ids)
	if err != nil {
		return res, fmt.Errorf("pipeline: %w", err)
	}
	if len(have) > 0 {
		k := 0
		for i := range arts {
			if have[arts[i].ID] {
				res.Skipped++
				continue
			}
			arts[k], prep[k] = arts[i], prep[i]
			k++
		}
		arts, prep = arts[:k], prep[:k]
		if len(arts) == 0 {
			return res, nil
		}
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	var relinks []dateline.Assignment
	for i := range arts {
		if p.opts.NoFold {
			break
		}
		a := &arts[i]
		// Settle before articles can leave the clusterer's window: once
		// the clock has moved half a window past the last settling, the
		// stories of the window are reclustered, so no story is ever split
		// merely because its early articles were evicted before a settle.
		if p.settled.IsZero() {
			p.settled = a.Published
		}
		if a.Published.After(p.settled.Add(p.storyWindow()/2)) && p.cl.Pending() > 0 {
			relinks = append(relinks, p.cl.Settle()...)
			p.settled = a.Published
		}
		r := p.ix.CheckPrepared(a, prep[i].dedup)
		a.DuplicateOf = r.Original
		if a.DuplicateOf != "" {
			res.Duplicates++
		}
		for _, id := range r.Relinked {
			relinks = append(relinks, dateline.Assignment{ArticleID: id, DuplicateOf: a.ID})
		}
		sid, changed := p.cl.AssignPrepared(a, prep[i].story)
		prep[i] = prepared{} // about 12 KB each: let it go
		a.Story = sid
		relinks = append(relinks, changed...)
	}
	added, err := p.st.Put(ctx, arts)
	if err != nil {
		return res, fmt.Errorf("pipeline: %w", err)
	}
	res.Added = added
	if err := p.st.Assign(ctx, relinks, p.cl.Stories()); err != nil {
		return res, fmt.Errorf("pipeline: %w", err)
	}
	return res, nil
}

// storyWindow is how long the clusterer holds an article.
func (p *Pipeline) storyWindow() time.Duration {
	if w := p.opts.Story.Window; w > 0 {
		return w
	}
	return 30 * 24 * time.Hour // story.Options' default
}

// Settle reclusters the stories of the window the way a batch recluster
// would, undoing what the order of arrival decided online, and stores the
// changes. Call it at the end of an ingest run.
func (p *Pipeline) Settle(ctx context.Context) error {
	if p.opts.NoFold {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cl.Pending() == 0 {
		return nil
	}
	if err := p.st.Assign(ctx, p.cl.Settle(), p.cl.Stories()); err != nil {
		return fmt.Errorf("pipeline: settle stories: %w", err)
	}
	return nil
}

// safeAnalyse runs the analysis, and if a stage panics on some input it
// logs the document and stores it unanalysed rather than losing the batch:
// one odd article must not stop a million-document ingest.
func (p *Pipeline) safeAnalyse(doc dateline.Document) (a dateline.Analysis) {
	defer func() {
		if r := recover(); r != nil {
			p.opts.Logger.Error("analysis failed; document stored without analysis", "id", doc.ID, "origin", doc.Origin, "panic", fmt.Sprint(r))
			a = dateline.Analysis{}
		}
	}()
	return analyze.Document(doc)
}

// prepared is an article's share of the dedup and story work that needs no
// shared state.
type prepared struct {
	dedup *dedup.Prepared
	story *story.Prepared
}

// prepare analyses the articles (when asked to) and prepares them for dedup
// and story assignment, on a pool of workers. The Prepare methods only read
// the index's and clusterer's options, so they are safe beside each other.
func (p *Pipeline) prepare(ctx context.Context, arts []dateline.Article) ([]prepared, error) {
	prep := make([]prepared, len(arts))
	if !p.opts.Analyze && p.opts.NoFold {
		return prep, nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(p.opts.Workers, len(arts)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if p.opts.Analyze {
					arts[i].Analysis = p.safeAnalyse(arts[i].Document)
				}
				if !p.opts.NoFold {
					prep[i] = prepared{p.ix.Prepare(&arts[i]), p.cl.Prepare(&arts[i])}
				}
			}
		}()
	}
	var err error
	for i := range arts {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return prep, err
}

package timeline

import (
	"context"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// MaxCandidates bounds the articles one timeline reads from a store.
const MaxCandidates = 5000

// Request is a timeline asked of a store: by the CLI and by the web server
// alike, so both answer the same.
type Request struct {
	Query    string // an entity name or alias, or keywords
	Entity   string // an entity asked for by name (the entity page); wins over Query for selection
	Story    string
	From, To time.Time
	Dates    int // 0: chosen from the data
	PerDate  int // 0: chosen from the data
}

// Articles is what FromStore needs of a store.
type Articles interface {
	Entities(ctx context.Context, q dateline.EntityQuery) ([]dateline.EntityStat, error)
	Articles(ctx context.Context, f dateline.Filter, fn func(dateline.Article) error) error
}

// FromStore selects the candidate articles for a request and builds the
// timeline. A query naming a known entity selects the articles that mention
// it; otherwise it is a full-text query (all words, then any word when that
// finds nothing).
func FromStore(ctx context.Context, st Articles, req Request) (dateline.Timeline, error) {
	q := Query{Text: req.Query, From: req.From, To: req.To, Dates: req.Dates, PerDate: req.PerDate}
	f := dateline.Filter{From: req.From, To: req.To, Story: req.Story, Limit: MaxCandidates,
		Parts: dateline.PartSentences | dateline.PartTimexes}
	name := req.Entity
	if name == "" {
		name = req.Query
	}
	if name != "" {
		es, err := st.Entities(ctx, dateline.EntityQuery{Name: name, Limit: 1})
		if err != nil {
			return dateline.Timeline{}, err
		}
		switch {
		case len(es) > 0:
			f.Entity, q.Entity, q.EntityNames = es[0].Name, es[0].Name, es[0].Names
			f.Parts |= dateline.PartMentions // to find the entity's sentences
		case req.Query != "":
			f.Query = req.Query
		default:
			f.Query = req.Entity
		}
	}
	var arts []dateline.Article
	collect := func(a dateline.Article) error { arts = append(arts, a); return nil }
	if err := st.Articles(ctx, f, collect); err != nil {
		return dateline.Timeline{}, err
	}
	if len(arts) == 0 && f.Query != "" && len(strings.Fields(f.Query)) > 1 {
		f.Query = strings.Join(strings.Fields(f.Query), " OR ")
		if err := st.Articles(ctx, f, collect); err != nil {
			return dateline.Timeline{}, err
		}
	}
	tl := Build(q, arts)
	tl.Query, tl.Story = req.Query, req.Story
	if tl.Query == "" {
		tl.Query = req.Entity
	}
	if tl.Dates == nil {
		tl.Dates = []dateline.TimelineDate{}
	}
	return tl, nil
}

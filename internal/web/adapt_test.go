package web

import (
	"context"

	"github.com/datelinehq/dateline"
)

// MaxTimelineArticles bounds how many articles one timeline request loads.
const MaxTimelineArticles = 3000

// StoreTimeline (tests only: the fixtures use a plain builder) adapts a timeline builder that works over articles (such as
// internal/timeline's) into Deps.Timeline: it loads the originals the request
// selects from st, at most MaxTimelineArticles of them, and hands them over.
//
// With a query, the best matches are loaded (BM25 order), not the oldest,
// so a broad query still sees its most relevant articles.
func StoreTimeline(st dateline.Store, build func(q TimelineRequest, arts []dateline.Article) dateline.Timeline) func(context.Context, TimelineRequest) (dateline.Timeline, error) {
	return func(ctx context.Context, q TimelineRequest) (dateline.Timeline, error) {
		f := dateline.Filter{Query: q.Query, Story: q.Story, Entity: q.Entity, From: q.From, To: q.To,
			Parts: dateline.PartSentences | dateline.PartTimexes | dateline.PartMentions}
		var arts []dateline.Article
		if q.Query == "" {
			f.Limit = MaxTimelineArticles
			err := st.Articles(ctx, f, func(a dateline.Article) error {
				arts = append(arts, a)
				return nil
			})
			if err != nil {
				return dateline.Timeline{}, err
			}
		} else {
			f.Limit = MaxTimelineArticles
			res, err := st.Search(ctx, f)
			if err != nil {
				return dateline.Timeline{}, err
			}
			arts = make([]dateline.Article, 0, len(res.Hits))
			for _, h := range res.Hits {
				a, err := st.Article(ctx, h.ID)
				if err != nil {
					if dateline.ErrorKind(err) == dateline.NotFound {
						continue // deleted between the two reads
					}
					return dateline.Timeline{}, err
				}
				arts = append(arts, a)
			}
		}
		tl := build(q, arts)
		tl.Query, tl.Story = q.Query, q.Story
		return tl, nil
	}
}

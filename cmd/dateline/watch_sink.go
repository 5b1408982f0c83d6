package main

import (
	"context"
	"errors"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/feed"
	"github.com/datelinehq/dateline/internal/pipeline"
)

func init() {
	newIngestSink = func(ctx context.Context, env *Env) (feed.Sink, func() error, error) {
		st, err := openStore(ctx, env)
		if err != nil {
			return nil, nil, err
		}
		p, err := pipeline.New(ctx, st, pipeline.Options{Analyze: true})
		if err != nil {
			st.Close()
			return nil, nil, err
		}
		closeFn := func() error {
			// Settle with a fresh context: the watch's own may be cancelled
			// already (Ctrl-C), and what was stored deserves its stories.
			return errors.Join(p.Settle(context.Background()), st.Close())
		}
		return pipelineSink{p}, closeFn, nil
	}
}

// pipelineSink hands feed items to the same pipeline `ingest` uses.
type pipelineSink struct{ p *pipeline.Pipeline }

func (s pipelineSink) Ingest(ctx context.Context, docs []dateline.Document) error {
	_, err := s.p.Ingest(ctx, docs)
	return err
}

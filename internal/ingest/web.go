package ingest

import (
	"context"
	"io"
	"log/slog"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/htmlpage"
	"github.com/datelinehq/dateline/internal/warc"
)

// readHTML extracts the article of one saved page. A page with no
// publication date is reported rather than dated by guesswork.
func readHTML(ctx context.Context, shown string, r io.Reader, opts Options, fn Func) error {
	op := "ingest: " + shown
	page, err := htmlpage.Extract(ctx, r, htmlpage.Options{Fetched: opts.Now()})
	if err != nil {
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "%v", err))
	}
	doc := page.Document(shown)
	if doc.Published.IsZero() {
		return fn(doc, dateline.Errorf(dateline.Invalid, op, "no publication date found (looked at JSON-LD, meta tags, <time>, the URL and the text)"))
	}
	if doc.Text == "" {
		return fn(doc, dateline.Errorf(dateline.Invalid, op, "no article text found in the page"))
	}
	if err := finish(&doc, opts); err != nil {
		return fn(doc, dateline.Errorf(dateline.Invalid, op, "%v", err))
	}
	return fn(doc, nil)
}

// readWARC streams the HTML responses of a web archive (CC-NEWS style)
// through the extractor; other records are counted and skipped.
func readWARC(ctx context.Context, shown string, r io.Reader, opts Options, fn Func) error {
	st, err := warc.Documents(ctx, r, shown, func(doc dateline.Document, err error) error {
		if err != nil {
			return fn(doc, dateline.Errorf(dateline.Invalid, "ingest: "+shown, "%v", err))
		}
		if err := finish(&doc, opts); err != nil {
			return fn(doc, dateline.Errorf(dateline.Invalid, "ingest: "+doc.Origin, "%v", err))
		}
		return fn(doc, nil)
	})
	slog.Info("warc read", "file", shown, "stats", st)
	if err != nil {
		return fn(dateline.Document{}, err)
	}
	return nil
}

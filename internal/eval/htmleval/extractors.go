package htmleval

import (
	"bytes"
	"context"
	nurl "net/url"

	"github.com/datelinehq/dateline/internal/htmlpage"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
)

// Ours is the extractor dateline uses: htmlpage.Extract, the same code
// path as ingest and extract.
func Ours(ctx context.Context, page []byte, url string) (Result, error) {
	p, err := htmlpage.Extract(ctx, bytes.NewReader(page), htmlpage.Options{URL: url})
	if err != nil {
		return Result{}, err
	}
	return Result{Text: p.Text, Date: p.Date, Lang: p.Lang}, nil
}

// Library is the libraries alone with their default settings:
// go-trafilatura's text (fallback extractors on, comments off) and
// go-htmldate's extensive date search with the URL, the configuration the
// published htmldate figure uses. It is the baseline our code is measured
// against.
func Library(ctx context.Context, page []byte, url string) (Result, error) {
	var res Result
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled}
	if u, err := nurl.ParseRequestURI(url); err == nil && url != "" {
		opts.OriginalURL = u
	}
	if r, err := trafilatura.Extract(bytes.NewReader(page), opts); err == nil && r != nil {
		res.Text = r.ContentText
		res.Lang = r.Metadata.Language
	}
	d, err := htmldate.FromReader(bytes.NewReader(page), htmldate.Options{URL: url, UseOriginalDate: true})
	if err == nil {
		res.Date = d.DateTime
	}
	return res, nil
}

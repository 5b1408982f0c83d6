package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/timeline"
)

func init() {
	register(&command{Name: "timeline", Summary: "what happened, when, and who says so: a sourced timeline for an entity, keywords or a story",
		Usage: "[--from DATE --to DATE --dates N --per-date K --story ID] [--format text|json|markdown|tilse] QUERY", Run: runTimeline})
}

func runTimeline(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "timeline", "[flags] QUERY")
	from := fs.String("from", "", "events on or after `DATE`")
	to := fs.String("to", "", "events on or before `DATE`")
	dates := fs.Int("dates", 0, "`N` dates (0: chosen from the data)")
	perDate := fs.Int("per-date", 0, "`K` sentences per date (0: chosen from the data)")
	storyID := fs.String("story", "", "only articles of story `ID`")
	format := fs.String("format", "text", "text, json, markdown or tilse")
	if err := fs.Parse(args); err != nil {
		return err
	}
	req := timeline.Request{Query: strings.Join(fs.Args(), " "), Story: *storyID, Dates: *dates, PerDate: *perDate}
	if req.Query == "" && req.Story == "" {
		return usageError{"timeline: give a query (an entity or keywords) or --story ID"}
	}
	if *dates < 0 || *perDate < 0 {
		return usageError{"timeline: --dates and --per-date must not be negative"}
	}
	var err error
	if req.From, err = parseDay("from", *from); err != nil {
		return err
	}
	if req.To, err = parseDay("to", *to); err != nil {
		return err
	}
	switch *format {
	case "text", "json", "markdown", "tilse":
	default:
		return usageError{fmt.Sprintf("timeline: --format %q: want text, json, markdown or tilse", *format)}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	tl, err := timeline.FromStore(ctx, st, req)
	if err != nil {
		return err
	}
	return writeTimeline(env.Stdout, tl, *format)
}

func writeTimeline(w io.Writer, tl dateline.Timeline, format string) error {
	switch format {
	case "json":
		return writeJSON(w, tl)
	case "tilse":
		out := make([][2]any, 0, len(tl.Dates))
		for _, d := range tl.Dates {
			sents := make([]string, 0, len(d.Sentences))
			for _, s := range d.Sentences {
				sents = append(sents, s.Text)
			}
			out = append(out, [2]any{d.Date, sents})
		}
		return json.NewEncoder(w).Encode(out)
	case "markdown":
		fmt.Fprintf(w, "# Timeline: %s\n", timelineTitle(tl))
		for _, d := range tl.Dates {
			fmt.Fprintf(w, "\n## %s\n\n_%d article(s)_\n\n", d.Date, d.Articles)
			for _, s := range d.Sentences {
				fmt.Fprintf(w, "- %s %s\n", s.Text, citeList(s.Citations, true))
			}
		}
		return nil
	}
	fmt.Fprintf(w, "Timeline: %s — %d date(s)\n", timelineTitle(tl), len(tl.Dates))
	for _, d := range tl.Dates {
		fmt.Fprintf(w, "\n%s  (%d article(s))\n", d.Date, d.Articles)
		for _, s := range d.Sentences {
			fmt.Fprintf(w, "  • %s\n      %s\n", s.Text, citeList(s.Citations, false))
		}
	}
	return nil
}

func timelineTitle(tl dateline.Timeline) string {
	switch {
	case tl.Query != "" && tl.Story != "":
		return fmt.Sprintf("%q in story %s", tl.Query, tl.Story)
	case tl.Story != "":
		return "story " + tl.Story
	}
	return fmt.Sprintf("%q", tl.Query)
}

func citeList(cs []dateline.Citation, md bool) string {
	var parts []string
	for _, c := range cs {
		src := c.Source
		if src == "" {
			src = "unknown outlet"
		}
		if md {
			parts = append(parts, fmt.Sprintf("%s, %s (`%s`)", src, c.Published, c.ArticleID))
		} else {
			parts = append(parts, fmt.Sprintf("%s, %s [%s]", src, c.Published, c.ArticleID))
		}
	}
	if md {
		return "— " + strings.Join(parts, "; ")
	}
	return "— " + strings.Join(parts, "; ")
}

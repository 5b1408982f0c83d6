package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/story"
)

func init() {
	register(&command{Name: "stories", Summary: "list stories (label, dates, articles, outlets)", Usage: "[--from DATE --to DATE --top N] [--format text|json|jsonl]", Run: runStories})
	register(&command{Name: "story", Summary: "one story's articles, syndicated copies folded", Usage: "[--json] ID", Run: runStory})
	register(&command{Name: "recluster", Summary: "rebuild every story and duplicate link in one batch", Usage: "", Run: runRecluster})
}

func runStories(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "stories", "[flags]")
	from := fs.String("from", "", "stories still running on or after `DATE`")
	to := fs.String("to", "", "stories begun on or before `DATE`")
	top := fs.Int("top", 20, "at most `N` stories (text and json)")
	format := fs.String("format", "text", "text, json, or jsonl ({\"id\": DOC_ID, \"story\": STORY_ID} for every document)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var q dateline.StoryQuery
	var err error
	if q.From, err = parseDay("from", *from); err != nil {
		return err
	}
	if q.To, err = parseDay("to", *to); err != nil {
		return err
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		f := dateline.Filter{IncludeDuplicates: true, From: q.From, To: q.To, Parts: dateline.PartNone}
		return st.Articles(ctx, f, func(a dateline.Article) error {
			return enc.Encode(struct {
				ID    string `json:"id"`
				Story string `json:"story"`
			}{a.ID, a.Story})
		})
	case "json", "text":
	default:
		return usageError{fmt.Sprintf("stories: --format %q: want text, json or jsonl", *format)}
	}
	q.Limit = *top
	list, err := st.Stories(ctx, q)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env.Stdout, list)
	}
	for _, s := range list {
		fmt.Fprintf(env.Stdout, "%-18s %s – %s  %3d articles %2d outlets  %s\n", s.ID, s.First.Format(dateline.DateLayout), s.Last.Format(dateline.DateLayout), s.Articles, s.Outlets, s.Label)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "no stories")
	}
	return nil
}

// storyArticle is an original with the copies folded onto it.
type storyArticle struct {
	ID        string   `json:"id"`
	Title     string   `json:"title,omitempty"`
	Source    string   `json:"source,omitempty"`
	Published string   `json:"published"`
	URL       string   `json:"url,omitempty"`
	CarriedBy []string `json:"carried_by,omitempty"` // outlets of the copies
	Copies    []string `json:"copies,omitempty"`     // ids of the copies
}

// foldStory lists a story's articles oldest first with each near-copy
// folded onto its original.
func foldStory(ctx context.Context, st dateline.Store, id string) ([]storyArticle, error) {
	var arts []dateline.Article
	err := st.Articles(ctx, dateline.Filter{Story: id, IncludeDuplicates: true, Parts: dateline.PartNone}, func(a dateline.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	var out []storyArticle
	for _, a := range arts {
		if a.DuplicateOf == "" {
			index[a.ID] = len(out)
			out = append(out, storyArticle{ID: a.ID, Title: a.Title, Source: a.Source, Published: a.Published.Format(dateline.DateLayout), URL: a.URL})
		}
	}
	for _, a := range arts {
		if a.DuplicateOf == "" {
			continue
		}
		i, ok := index[a.DuplicateOf]
		if !ok {
			// The original is outside this story: show the copy itself.
			index[a.ID] = len(out)
			out = append(out, storyArticle{ID: a.ID, Title: a.Title, Source: a.Source, Published: a.Published.Format(dateline.DateLayout), URL: a.URL})
			continue
		}
		out[i].Copies = append(out[i].Copies, a.ID)
		if a.Source != "" && a.Source != out[i].Source && !slices.Contains(out[i].CarriedBy, a.Source) {
			out[i].CarriedBy = append(out[i].CarriedBy, a.Source)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published < out[j].Published })
	return out, nil
}

func runStory(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "story", "[--json] ID")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"story: give one story id (see 'dateline stories')"}
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Story(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	arts, err := foldStory(ctx, st, s.ID)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, struct {
			dateline.Story
			List []storyArticle `json:"article_list"`
		}{s, arts})
	}
	fmt.Fprintf(env.Stdout, "%s\n%s – %s, %d articles from %d outlets\n\n", s.Label, s.First.Format(dateline.DateLayout), s.Last.Format(dateline.DateLayout), s.Articles, s.Outlets)
	for _, a := range arts {
		fmt.Fprintf(env.Stdout, "%s  %-26s %s\n", a.Published, clip(a.Source, 26), clip(orID(a.Title, a.ID), 80))
		if len(a.CarriedBy) > 0 {
			fmt.Fprintf(env.Stdout, "%12s also carried by %s\n", "", strings.Join(a.CarriedBy, ", "))
		}
	}
	return nil
}

func runRecluster(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "recluster", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	n, stories, err := recluster(ctx, st)
	if err != nil {
		return err
	}
	if !env.Quiet {
		fmt.Fprintf(env.Stderr, "reclustered %d articles into %d stories\n", n, stories)
	}
	return nil
}

// recluster rebuilds duplicate links and stories over the whole store.
func recluster(ctx context.Context, st dateline.Store) (articles, stories int, err error) {
	var arts []dateline.Article
	err = st.Articles(ctx, dateline.Filter{IncludeDuplicates: true, Parts: dateline.PartMentions | dateline.PartEntities}, func(a dateline.Article) error {
		a.DuplicateOf, a.Story = "", ""
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	// Copies first, oldest first, so each links to the earliest original.
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].Published.Equal(arts[j].Published) {
			return arts[i].Published.Before(arts[j].Published)
		}
		return arts[i].ID < arts[j].ID
	})
	ix := dedup.NewIndex(dedup.Options{})
	pos := make(map[string]int, len(arts))
	for i := range arts {
		pos[arts[i].ID] = i
		r := ix.Check(&arts[i])
		arts[i].DuplicateOf = r.Original
		for _, id := range r.Relinked {
			arts[pos[id]].DuplicateOf = arts[i].ID
		}
	}
	as, list := story.Batch(arts, story.Options{})
	dupOf := make(map[string]string, len(arts))
	for _, a := range arts {
		dupOf[a.ID] = a.DuplicateOf
	}
	for i := range as {
		as[i].DuplicateOf = dupOf[as[i].ArticleID]
	}
	if err := st.ResetStories(ctx); err != nil {
		return 0, 0, err
	}
	if err := st.Assign(ctx, as, list); err != nil {
		return 0, 0, err
	}
	return len(arts), len(list), nil
}

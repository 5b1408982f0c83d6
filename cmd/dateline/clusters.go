package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/dedup"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/eval/dedupeval"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/story"
)

func init() {
	register(&command{Name: "eval clusters", Summary: "score story clusters against gold (pairwise and B-cubed P/R/F1)",
		Usage: "--gold FILE (--system FILE | --input FILE [--online] [--shuffles N]) [--write FILE] [--json]", Run: runEvalClusters})
	register(&command{Name: "eval dedup", Summary: "near-duplicate precision/recall on copies made from Timeline17, and T17's duplicate rate",
		Usage: "[--t17 DIR] [--threshold X] [--originals N] [--seed N] [--shuffle] [--stress] [--examples N] [--json]", Run: runEvalDedup})
}

func runEvalClusters(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval clusters", "--gold FILE (--system FILE | --input FILE)")
	gold := fs.String("gold", "", `JSONL of {"id", "story"|"cluster"}: the gold clustering`)
	system := fs.String("system", "", `JSONL of {"id", "story"|"cluster"}: the clustering to score`)
	input := fs.String("input", "", "JSONL articles (id, date, title, text, source) to cluster here and score; may be the gold file")
	onlineFlag := fs.Bool("online", false, "with --input: place articles one by one in file order (then settle) instead of a batch recluster")
	shuffles := fs.Int("shuffles", 0, "with --input: also run the online clusterer over N seeded shuffles and report the spread")
	write := fs.String("write", "", "with --input: write the system clustering as JSONL here")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" || (*system == "") == (*input == "") {
		return usageError{"eval clusters: want --gold FILE and exactly one of --system FILE or --input FILE"}
	}
	g, err := clustereval.ReadFile(ctx, *gold)
	if err != nil {
		return err
	}
	if *system != "" {
		s, err := clustereval.ReadFile(ctx, *system)
		if err != nil {
			return err
		}
		return printScores(env, *asJSON, map[string]any{"scores": clustereval.Score(g, s)}, "", clustereval.Score(g, s))
	}

	arts, err := clustereval.LoadArticles(ctx, *input)
	if err != nil {
		return err
	}
	var sys map[string]string
	mode := "batch"
	start := time.Now()
	if *onlineFlag {
		mode = "online+settle (file order)"
		sys = placeOnline(arts, true)
	} else {
		as, _ := story.Batch(arts, story.Options{})
		sys = make(map[string]string, len(as))
		for _, a := range as {
			sys[a.ArticleID] = a.Story
		}
	}
	took := time.Since(start)
	if *write != "" {
		if err := writeAssignments(*write, sys); err != nil {
			return err
		}
	}
	main := clustereval.Score(g, sys)
	out := map[string]any{"mode": mode, "scores": main, "seconds": took.Seconds()}
	text := fmt.Sprintf("%s over %d articles (%.2fs)\n", mode, len(arts), took.Seconds())
	if *shuffles > 0 {
		var pw, b3 []float64
		var runs []clustereval.Scores
		for seed := 1; seed <= *shuffles; seed++ {
			sh := append([]dateline.Article(nil), arts...)
			rand.New(rand.NewPCG(uint64(seed), 0)).Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
			s := clustereval.Score(g, placeOnline(sh, false))
			runs = append(runs, s)
			pw = append(pw, s.Pairwise.F1)
			b3 = append(b3, s.BCubed.F1)
		}
		out["online_shuffles"] = runs
		text += fmt.Sprintf("online, unsettled, %d shuffles: pairwise F1 %s; B-cubed F1 %s\n", *shuffles, spread(pw), spread(b3))
		text += "(settling any of these orders gives exactly the batch result)\n"
	}
	return printScores(env, *asJSON, out, text, main)
}

// placeOnline runs the online clusterer over arts in order, with no window
// (an evaluation file is a collection, not a stream), and settles at the end
// when asked.
func placeOnline(arts []dateline.Article, settle bool) map[string]string {
	c := story.NewClusterer(story.Options{Window: -1, MaxDocs: -1})
	sys := make(map[string]string, len(arts))
	for i := range arts {
		_, ch := c.Assign(&arts[i])
		for _, a := range ch {
			sys[a.ArticleID] = a.Story
		}
	}
	if settle {
		for _, a := range c.Settle() {
			sys[a.ArticleID] = a.Story
		}
	}
	return sys
}

func spread(xs []float64) string {
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	for _, x := range xs {
		lo, hi, sum = math.Min(lo, x), math.Max(hi, x), sum+x
	}
	mean := sum / float64(len(xs))
	var v float64
	for _, x := range xs {
		v += (x - mean) * (x - mean)
	}
	return fmt.Sprintf("mean %.4f sd %.4f [%.4f, %.4f]", mean, math.Sqrt(v/float64(len(xs))), lo, hi)
}

func printScores(env *Env, asJSON bool, out map[string]any, text string, s clustereval.Scores) error {
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprint(env.Stdout, text)
	fmt.Fprint(env.Stdout, s.String())
	return nil
}

func writeAssignments(path string, sys map[string]string) error {
	ids := make([]string, 0, len(sys))
	for id := range sys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval clusters: %w", err)
	}
	enc := json.NewEncoder(f)
	for _, id := range ids {
		if err := enc.Encode(map[string]string{"id": id, "story": sys[id]}); err != nil {
			f.Close()
			return fmt.Errorf("eval clusters: write %s: %w", path, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("eval clusters: write %s: %w", path, err)
	}
	return nil
}

func runEvalDedup(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval dedup", "[flags]")
	dir := fs.String("t17", "", "Timeline17 folder (default: ../shared/data/tls/t17)")
	threshold := fs.Float64("threshold", 0, "near-duplicate threshold (default: dedup's, 0.6)")
	originals := fs.Int("originals", 300, "originals to copy")
	ratio := fs.Float64("contain-ratio", 0, "smallest size ratio at which containment counts (default: dedup's, 0.3)")
	seed := fs.Uint64("seed", 1, "seed for choosing originals and perturbing them")
	shuffle := fs.Bool("shuffle", false, "stream in a seeded random order (copies often before originals), no window")
	stress := fs.Bool("stress", false, "harsher perturbations (truncation to 25-50%, 15% rewording) to show where recall breaks")
	examples := fs.Int("examples", 10, "real T17 duplicate pairs to list for checking by hand")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		root, ok := shareddata.Root()
		if !ok {
			return dateline.Errorf(dateline.Invalid, "eval dedup", "shared data folder %s not found; pass --t17 DIR", root)
		}
		*dir = filepath.Join(root, "data", "tls", "t17")
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*", "articles.jsonl.gz"))
	if err != nil || len(files) == 0 {
		return dateline.Errorf(dateline.Invalid, "eval dedup", "no */articles.jsonl.gz under %s", *dir)
	}
	sort.Strings(files)
	var arts []dateline.Article
	for _, f := range files {
		a, err := clustereval.LoadArticles(ctx, f)
		if err != nil {
			return err
		}
		arts = append(arts, a...)
	}
	dopts := dedup.Options{Threshold: *threshold, MinContainRatio: *ratio}
	if *shuffle {
		dopts.Window, dopts.MaxDocs = -1, -1
	}
	rep := dedupeval.Run(arts, dedupeval.Options{Seed: *seed, Originals: *originals, Shuffle: *shuffle, Stress: *stress, Dedup: dopts})
	rate := dedupeval.DuplicateRate(arts, dedup.Options{Threshold: *threshold, MinContainRatio: *ratio}, *examples)
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"perturbation_set": rep, "t17_duplicate_rate": rate})
	}
	fmt.Fprint(env.Stdout, rep.String())
	fmt.Fprintf(env.Stdout, "\nT17 (%d articles, date order, default window): %d near-copies (%.2f%%) of %d originals\n",
		rate.Articles, rate.Duplicates, 100*float64(rate.Duplicates)/float64(max(1, rate.Articles)), rate.Groups)
	for _, e := range rate.Examples {
		fmt.Fprintf(env.Stdout, "  %s  copies  %s\n", e[0], e[1])
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/analyze"
	"github.com/datelinehq/dateline/internal/eval/tlseval"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/timeline"
	"github.com/datelinehq/dateline/internal/timex"
)

func init() {
	register(&command{
		Name:    "eval tls",
		Summary: "timeline summarisation on Timeline17: align+ m:1, concat, agreement ROUGE-1/2 and date F1",
		Usage:   "[--dataset DIR] [--out DIR] [--topics a,b] [--baseline | --loto] [--analysis full|lines] [--tasks]",
		Run:     runEvalTLS,
	})
}

func runEvalTLS(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval tls", "[--dataset DIR] [--out DIR] [--topics a,b] [--baseline | --loto]")
	def := ""
	if root, ok := shareddata.Root(); ok {
		def = filepath.Join(root, "data", "tls", "t17")
	}
	dataset := fs.String("dataset", def, "Timeline17-layout folder: <topic>/{articles.jsonl.gz,timelines.jsonl,keywords.json}")
	out := fs.String("out", "", "write each task's timeline to DIR/<topic>/<n>.jsonl (n: the line of timelines.jsonl, from 1)")
	topics := fs.String("topics", "", "comma-separated topics (default: all)")
	baseline := fs.Bool("baseline", false, "score the naive floor instead: busiest publication days, first sentences of their first article")
	loto := fs.Bool("loto", false, "fit the sentence ranking leave-one-topic-out (a model fitted on the other topics, or the hand-set score) and report the left-out figures")
	betas := fs.String("betas", "", "with --loto: the label F-betas to choose among, comma-separated; 0 is the hand-set score (default 0,0.2,0.3,0.5)")
	leads := fs.String("lead-refs", "", "with --loto: the weights of a mention opening its sentence to choose among (default 1,2,3,5)")
	hand := fs.Bool("hand", false, "rank each date's sentences with the hand-set score instead of the fitted model")
	analysis := fs.String("analysis", "full", "full: the analysis pipeline (sentences, entities, time expressions); lines: the release's lines as sentences plus time expressions only")
	tasks := fs.Bool("tasks", false, "also print one row per task")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dataset == "" {
		return usageError{"eval tls: --dataset DIR is required (no ../shared folder found)"}
	}
	if *baseline && *loto {
		return usageError{"eval tls: --baseline and --loto exclude each other"}
	}
	if *hand && *loto {
		// --loto chooses the ranking itself; --betas 0 restricts it to the
		// hand-set score.
		return usageError{"eval tls: --hand and --loto exclude each other (use --loto --betas 0)"}
	}
	betaList, err := numbers("--betas", *betas, tlseval.Betas)
	if err != nil {
		return err
	}
	leadList, err := numbers("--lead-refs", *leads, tlseval.LeadDateRefs)
	if err != nil {
		return err
	}
	grid := tlseval.Grid(betaList, leadList)
	params := timeline.DefaultParams()
	if *hand {
		params.Model = nil
	}
	opts := tlseval.Options{Dataset: *dataset, Out: *out}
	if *topics != "" {
		for _, t := range strings.Split(*topics, ",") {
			if t = strings.TrimSpace(t); t != "" {
				opts.Topics = append(opts.Topics, t)
			}
		}
	}
	switch *analysis {
	case "full":
		opts.Analyze = analyze.Document
	case "lines":
		opts.Analyze = func(d dateline.Document) dateline.Analysis {
			ss := tlseval.LineSentences(d.Text)
			return dateline.Analysis{Sentences: ss, Timexes: timex.Tag(d.Text, ss, d.Published)}
		}
	default:
		return usageError{fmt.Sprintf("eval tls: --analysis %q: want full or lines", *analysis)}
	}

	var rep tlseval.Report
	loaded, err := tlseval.Load(ctx, opts, &rep)
	if err != nil {
		return err
	}
	var choices []tlseval.Choice
	switch {
	case *baseline:
		rep, err = tlseval.Score(ctx, loaded, tlseval.Baseline, opts.Out, rep)
	case *loto:
		rep, choices, err = tlseval.LOTO(ctx, loaded, params, grid, opts.Out, rep)
	default:
		rep, err = tlseval.Score(ctx, loaded, tlseval.Dateline(params), opts.Out, rep)
	}
	if err != nil {
		return err
	}
	w := env.Stdout
	switch {
	case *baseline:
		fmt.Fprintln(w, "system: naive floor (busiest publication days, first K sentences of the day's first article)")
	case *loto:
		fmt.Fprintln(w, "system: dateline timeline, weights chosen leave-one-topic-out; every figure is on left-out topics")
		for _, c := range choices {
			fmt.Fprintln(w, "  "+c.String())
		}
	default:
		fmt.Fprintln(w, "system: dateline timeline, default weights")
	}
	rep.WriteTable(w)
	if *tasks {
		for _, t := range rep.Tasks {
			s := t.Scores
			fmt.Fprintf(w, "  %s/%d N=%d K=%d AR-1 %.3f AR-2 %.3f date %.3f (%s)\n", t.Topic, t.Index, t.N, t.K,
				s.AlignM1[0].F, s.AlignM1[1].F, s.Date.F, t.Build)
		}
	}
	return nil
}

// numbers parses a comma-separated list of non-negative numbers; empty
// gives def.
func numbers(flag, list string, def []float64) ([]float64, error) {
	if list == "" {
		return def, nil
	}
	var out []float64
	for _, f := range strings.Split(list, ",") {
		b, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || b < 0 {
			return nil, usageError{fmt.Sprintf("eval tls: %s %q: want non-negative numbers separated by commas", flag, list)}
		}
		out = append(out, b)
	}
	return out, nil
}

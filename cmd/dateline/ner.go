package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/datelinehq/dateline/internal/entity"
	"github.com/datelinehq/dateline/internal/eval/nereval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

func init() {
	register(&command{
		Name:    "eval ner",
		Summary: "score entity recognition against CoNLL-style gold data",
		Usage:   "[--gold DIR] [--conll FILE]… [--ignore-handles]",
		Run:     runEvalNER,
	})
}

// runEvalNER scores the embedded recogniser: --gold DIR holds
// documents.jsonl and gold.jsonl (the CoNLL-2003 testa layout); each
// --conll FILE is a two-column file such as the btc or wnut17 test split.
func runEvalNER(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval ner", "[--gold DIR] [--conll FILE]… [--ignore-handles]")
	gold := fs.String("gold", "", "folder with documents.jsonl and gold.jsonl (e.g. ../shared/data/ner/conll2003-testa)")
	var files multiFlag
	fs.Var(&files, "conll", "a two-column token/BIO `FILE` (.gz allowed) to score; repeatable")
	noHandles := fs.Bool("ignore-handles", false, "with --conll: do not count gold @-handles (BTC tags them as people)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *gold == "" && len(files) == 0 {
		root, ok := shareddata.Root()
		if !ok {
			return usageError{"eval ner: give --gold DIR or --conll FILE (no ../shared found)"}
		}
		*gold = filepath.Join(root, "data", "ner", "conll2003-testa")
	}
	if *gold != "" {
		r, err := nereval.GoldDir(ctx, *gold, entity.Recognize)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "== %s\n", *gold)
		r.Write(env.Stdout)
	}
	for _, f := range files {
		r, err := nereval.CoNLLFile(ctx, f, entity.Recognize, nereval.CoNLLOptions{IgnoreHandles: *noHandles})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "== %s\n", f)
		r.Write(env.Stdout)
	}
	return nil
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

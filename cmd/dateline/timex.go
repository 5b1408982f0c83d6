package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/timexeval"
	"github.com/datelinehq/dateline/internal/timeml"
	"github.com/datelinehq/dateline/internal/timex"
)

// annotators are the output formats of "dateline annotate". Other files add
// theirs from init, so each format's wiring sits beside its package.
var annotators = map[string]func(ctx context.Context, env *Env, outDir string, files []string) error{}

func init() {
	annotators["timeml"] = annotateTimeML
	register(&command{
		Name:    "annotate",
		Summary: "tag files and write them annotated in a standard format (for scorers)",
		Usage:   "--format FORMAT --out DIR FILE…",
		Run:     runAnnotate,
	})
	register(&command{
		Name:    "eval timex",
		Summary: "score TimeML time expressions against gold (TempEval-3)",
		Usage:   "--gold DIR --system DIR [--verbose]",
		Run:     runEvalTimex,
	})
}

func runAnnotate(ctx context.Context, env *Env, args []string) error {
	names := make([]string, 0, len(annotators))
	for n := range annotators {
		names = append(names, n)
	}
	sort.Strings(names)
	fs := newFlags(env, "annotate", "--format FORMAT --out DIR FILE…")
	format := fs.String("format", "timeml", "output format: "+strings.Join(names, ", "))
	out := fs.String("out", "", "folder to write the annotated files to (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"annotate: --out DIR is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"annotate: give at least one input file"}
	}
	run, ok := annotators[*format]
	if !ok {
		return usageError{fmt.Sprintf("annotate: unknown --format %q; want one of %s", *format, strings.Join(names, ", "))}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("annotate: create %s: %w", *out, err)
	}
	return run(ctx, env, *out, fs.Args())
}

// annotateTimeML tags the stripped <TEXT> of each TimeML file against its
// DCT and writes the file again with our TIMEX3 tags in place of its own.
func annotateTimeML(ctx context.Context, env *Env, outDir string, files []string) error {
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := timeml.ReadFile(ctx, f)
		if err != nil {
			return fmt.Errorf("annotate: %w", err)
		}
		var tags []timeml.Timex
		for i, x := range timex.Tag(d.Text, nil, d.DCT) {
			tags = append(tags, timeml.Timex{Start: x.Start, End: x.End, TID: fmt.Sprintf("t%d", i+1), Type: x.Type, Value: x.Value})
		}
		b, err := d.Write(tags)
		if err != nil {
			return fmt.Errorf("annotate: %s: %w", f, err)
		}
		dst := filepath.Join(outDir, filepath.Base(f))
		if abs1, err1 := filepath.Abs(dst); err1 == nil {
			if abs2, err2 := filepath.Abs(f); err2 == nil && abs1 == abs2 {
				return dateline.Errorf(dateline.Invalid, "annotate", "%s: --out would overwrite the input; choose another folder", f)
			}
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return fmt.Errorf("annotate: write %s: %w", dst, err)
		}
		if !env.Quiet {
			fmt.Fprintf(env.Stderr, "%s: %d time expressions\n", dst, len(tags))
		}
	}
	return nil
}

func runEvalTimex(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval timex", "--gold DIR --system DIR [--verbose]")
	gold := fs.String("gold", "", "folder of gold TimeML files (required)")
	system := fs.String("system", "", "folder of system TimeML files with the same names (required)")
	verbose := fs.Bool("verbose", false, "also print one line per file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" || *system == "" {
		return usageError{"eval timex: --gold DIR and --system DIR are both required"}
	}
	for _, d := range []string{*gold, *system} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			if err == nil {
				err = errors.New("not a folder")
			}
			return dateline.Errorf(dateline.Invalid, "eval timex", "%s: %v", d, err)
		}
	}
	res, err := timexeval.CompareDirs(ctx, *gold, *system)
	if err != nil {
		return err
	}
	return res.Report(env.Stdout, *verbose)
}

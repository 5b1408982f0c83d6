package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/attrib"
	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/sentence"
)

func init() {
	annotators["brat"] = annotateBrat
	register(&command{
		Name:    "eval attrib",
		Summary: "score brat attribution files against PolNeAR gold (span and relation P/R/F1)",
		Usage:   "--gold DIR --system DIR",
		Run:     runEvalAttrib,
	})
}

// annotateBrat finds the attributions of each plain-text file and writes
// <out>/<name>.ann in PolNeAR's brat form. The text is read as is, with no
// header stripped, so the offsets agree with the gold files' text.
func annotateBrat(ctx context.Context, env *Env, outDir string, files []string) error {
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return dateline.Errorf(dateline.Invalid, "annotate", "%w", err)
		}
		text := string(b)
		sents := sentence.Split(text)
		// brat has no place for the entity a source resolves to, so the
		// entity recogniser is not run here.
		atts := attrib.Find(text, sents, nil)
		dst := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".ann")
		if abs1, err1 := filepath.Abs(dst); err1 == nil {
			if abs2, err2 := filepath.Abs(f); err2 == nil && abs1 == abs2 {
				return dateline.Errorf(dateline.Invalid, "annotate", "%s: --out would overwrite the input; choose another folder", f)
			}
		}
		out, err := os.Create(dst)
		if err != nil {
			return fmt.Errorf("annotate: %w", err)
		}
		w := bufio.NewWriter(out)
		werr := brat.Write(w, text, atts)
		if werr == nil {
			werr = w.Flush()
		}
		if cerr := out.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("annotate: write %s: %w", dst, werr)
		}
		if !env.Quiet {
			fmt.Fprintf(env.Stderr, "%s: %d attributions\n", dst, len(atts))
		}
	}
	return nil
}

func runEvalAttrib(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval attrib", "--gold DIR --system DIR")
	gold := fs.String("gold", "", "PolNeAR split folder (with attributions/ and text/) or a folder of gold .ann files (required)")
	system := fs.String("system", "", "folder of system <name>.ann files, as written by 'annotate --format brat' (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" || *system == "" {
		return usageError{"eval attrib: --gold DIR and --system DIR are both required"}
	}
	for _, d := range []string{*gold, *system} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			if err == nil {
				err = errors.New("not a folder")
			}
			return dateline.Errorf(dateline.Invalid, "eval attrib", "%s: %v", d, err)
		}
	}
	rep, err := attribeval.Score(ctx, *gold, *system)
	if err != nil {
		return err
	}
	rep.Print(env.Stdout)
	return nil
}

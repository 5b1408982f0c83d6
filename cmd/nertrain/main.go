// Command nertrain rebuilds the entity tagger embedded in internal/entity
// from the openly licensed corpora under ../shared/data/ner/open. The same
// input gives the same model bytes: the shuffle is seeded and the file is
// written in bucket order.
//
//	go run ./cmd/nertrain -out internal/entity/model.bin
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/datelinehq/dateline/internal/entity"
	"github.com/datelinehq/dateline/internal/eval/nereval"
	"github.com/datelinehq/dateline/internal/shareddata"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	def := entity.DefaultTrainOptions()
	root, _ := shareddata.Root()
	fs := flag.NewFlagSet("nertrain", flag.ContinueOnError)
	shared := fs.String("shared", root, "the shared data folder (holds data/ner/open)")
	out := fs.String("out", "internal/entity/model.bin", "where to write the model")
	epochs := fs.Int("epochs", def.Epochs, "training passes")
	bits := fs.Uint("bits", uint(def.Bits), "log2 of the weight rows")
	prune := fs.Int("prune", int(def.Prune), "drop quantised weights below this magnitude")
	wikiRepeat := fs.Int("wiki-repeat", entity.DefaultWikiRepeat, "times wikigold is seen per epoch")
	gaz := fs.Bool("gazetteer", def.Gazetteer, "add features from the training data's own names (an experiment; lowered testa F1)")
	dev := fs.String("dev", "", "after training, score this gold folder (e.g. the CoNLL testa dev set)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opt := def
	opt.Epochs, opt.Bits, opt.Prune, opt.Gazetteer = *epochs, uint8(*bits), int16(*prune), *gaz
	start := time.Now()
	corpora, err := entity.OpenCorpora(ctx, filepath.Join(*shared, "data", "ner", "open"), *wikiRepeat)
	if err != nil {
		return err
	}
	m, err := entity.Train(ctx, corpora, opt)
	if err != nil {
		return err
	}
	data, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "nertrain: %s: %d bytes, %d non-zero rows, trained in %s\n", *out, len(data), m.Size(), time.Since(start).Round(time.Millisecond))
	if *dev != "" {
		r, err := nereval.GoldDir(ctx, *dev, m.Recognize)
		if err != nil {
			return err
		}
		r.Write(os.Stderr)
	}
	return nil
}

package htmleval

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

func TestManualRun(t *testing.T) {
	which := os.Getenv("HTMLEVAL_RUN")
	if which == "" {
		t.Skip("manual")
	}
	ex := Ours
	if os.Getenv("HTMLEVAL_LIB") != "" {
		ex = Library
	}
	ctx := context.Background()
	if which == "extract" || which == "both" {
		cases, err := LoadExtract("/work/shared/data/html/extract/index.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		st := time.Now()
		rep, err := RunExtract(ctx, cases, ex)
		if err != nil {
			t.Fatal(err)
		}
		c := rep.All
		fmt.Printf("extract P=%.3f R=%.3f A=%.3f F1=%.3f pages=%d err=%d in %v\n", c.Precision(), c.Recall(), c.Accuracy(), c.F1(), c.Pages, c.Errors, time.Since(st))
		for _, l := range Langs(rep.ByLang, func(c Counts) int { return c.Pages }) {
			c := rep.ByLang[l]
			fmt.Printf("  %s n=%d F1=%.3f P=%.3f R=%.3f\n", l, c.Pages, c.F1(), c.Precision(), c.Recall())
		}
		if f := os.Getenv("HTMLEVAL_DUMP"); f != "" {
			fh, _ := os.Create(f + ".extract")
			for _, p := range rep.Pages {
				fmt.Fprintf(fh, "%s\t%s\tTP=%d FN=%d FP=%d TN=%d\n", p.File, p.Lang, p.Counts.TP, p.Counts.FN, p.Counts.FP, p.Counts.TN)
			}
			fh.Close()
		}
	}
	if which == "dates" || which == "both" {
		cases, err := LoadDates("/work/shared/data/html/dates/index.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		st := time.Now()
		rep, err := RunDates(ctx, cases, ex)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("dates acc=%.3f cov=%.3f n=%d in %v\n", rep.All.Accuracy(), rep.All.Coverage(), rep.All.Pages, time.Since(st))
		if f := os.Getenv("HTMLEVAL_DUMP"); f != "" {
			fh, _ := os.Create(f + ".dates")
			for _, p := range rep.Pages {
				ok := p.Got == p.Want
				fmt.Fprintf(fh, "%v\t%s\twant=%s\tgot=%s\n", ok, p.File, p.Want, p.Got)
			}
			fh.Close()
		}
	}
}

package tlseval

// TEMPORARY tuning harness (DL_TUNE=1); not part of the suite.

import (
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/timeline"
)

func tuneTopics(t *testing.T) []Topic {
	cache := "/tmp/dl_t17_lines.gob"
	if f, err := os.Open(cache); err == nil {
		defer f.Close()
		var ts []Topic
		if err := gob.NewDecoder(f).Decode(&ts); err == nil {
			return ts
		}
	}
	ds := "/work/shared/data/tls/t17"
	ents, _ := os.ReadDir(ds)
	var ts []Topic
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		tp, err := LoadTopic(context.Background(), filepath.Join(ds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := Analyze(context.Background(), tp.Articles, lineTimex); err != nil {
			t.Fatal(err)
		}
		ts = append(ts, tp)
	}
	f, _ := os.Create(cache)
	gob.NewEncoder(f).Encode(ts)
	f.Close()
	return ts
}

type variant struct {
	name string
	mod  func(*timeline.Params)
}

var tuneVariants = []variant{
	{"default", func(p *timeline.Params) {}},
	{"mb.7", func(p *timeline.Params) { p.MentionBoost = .7 }},
	{"mb1.3", func(p *timeline.Params) { p.MentionBoost = 1.3 }},
	{"pd1", func(p *timeline.Params) { p.PubDays = 1 }},
	{"qw.5", func(p *timeline.Params) { p.QueryWeight = .5 }},
	{"qw2", func(p *timeline.Params) { p.QueryWeight = 2 }},
	{"spec.3", func(p *timeline.Params) { p.Specific = .3 }},
	{"lead7", func(p *timeline.Params) { p.LeadSentences = 7 }},
	{"lead10", func(p *timeline.Params) { p.LeadSentences = 10 }},
}

func TestTuneDev(t *testing.T) {
	if os.Getenv("DL_TUNE") == "" {
		t.Skip("dev only")
	}
	topics := tuneTopics(t)
	for _, v := range tuneVariants {
		p := timeline.DefaultParams()
		v.mod(&p)
		rep, _ := Score(context.Background(), topics, Dateline(p), "", Report{})
		o := rep.Overall
		line := fmt.Sprintf("%-18s ALL %.4f %.4f %.3f P%.3f R%.3f |", v.name, o.AlignM1[0].F, o.AlignM1[1].F, o.Date.F, o.AlignM1[0].P, o.AlignM1[0].R)
		for _, n := range rep.Topics {
			s := rep.ByTopic[n]
			line += fmt.Sprintf(" %s %.3f/%.3f/%.2f", n[:min(3, len(n))], s.AlignM1[0].F, s.AlignM1[1].F, s.Date.F)
		}
		fmt.Println(line)
	}
	if os.Getenv("DL_LOTO") != "" {
		rep, ch, _ := LOTO(context.Background(), topics, Grid(), "", Report{})
		fmt.Printf("LOTO ALL %.4f %.4f %.3f\n", rep.Overall.AlignM1[0].F, rep.Overall.AlignM1[1].F, rep.Overall.Date.F)
		for _, c := range ch {
			s := rep.ByTopic[c.Topic]
			fmt.Printf("  %s -> %.3f/%.3f/%.3f\n", c, s.AlignM1[0].F, s.AlignM1[1].F, s.Date.F)
		}
	}
}

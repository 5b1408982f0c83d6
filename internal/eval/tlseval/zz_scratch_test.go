package tlseval

import (
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/timeline"
	"github.com/datelinehq/dateline/internal/timex"
)

func scratchParams() timeline.Params {
	p := timeline.DefaultParams()
	f := func(k string, dst *float64) {
		if v := os.Getenv(k); v != "" {
			*dst, _ = strconv.ParseFloat(v, 64)
		}
	}
	f("PUBW", &p.PubWeight)
	f("RED", &p.Redundancy)
	f("QW", &p.QueryWeight)
	f("LP", &p.LengthPenalty)
	f("SDR", &p.SameDayRef)
	f("RB", &p.RetroBoost)
	f("EB", &p.ExplicitBoost)
	f("LDB", &p.LeadDateBoost)
	f("RR", &p.RelativeRef)
	f("SPEC", &p.Specific)
	f("MB", &p.MentionBoost)
	f("DD", &p.DayDamping)
	f("IW", &p.IrrelevantWeight)
	f("SPREAD", &p.PubSpread)
	f("ADJ", &p.Adjacent)
	p.PerSentence = os.Getenv("PS") != ""
	if v := os.Getenv("MAXTOK"); v != "" {
		p.MaxTokens, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("TT"); v != "" {
		p.TargetTokens, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("PD"); v != "" {
		p.PubDays, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("LEAD"); v != "" {
		p.LeadSentences, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("LAG"); v != "" {
		p.Lag, _ = strconv.Atoi(v)
	}
	return p
}

func TestScratchBaseline(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	sys := Baseline
	if os.Getenv("SCRATCH") == "sys" {
		sys = Dateline(scratchParams())
	}
	an := func(d dateline.Document) dateline.Analysis {
		ss := LineSentences(d.Text)
		return dateline.Analysis{Sentences: ss, Timexes: timex.Tag(d.Text, ss, d.Published)}
	}
	ds := "/work/shared/data/tls/t17"
	ents, _ := os.ReadDir(ds)
	var all []Scores
	nTok, nSent := 0, 0
	for _, e := range ents {
		cache := filepath.Join("/tmp/tlscache", e.Name()+".gob")
		var topic Topic
		if f, err := os.Open(cache); err == nil {
			gob.NewDecoder(f).Decode(&topic)
			f.Close()
		} else {
			topic, err = LoadTopic(context.Background(), filepath.Join(ds, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			Analyze(context.Background(), topic.Articles, an)
			os.MkdirAll("/tmp/tlscache", 0o755)
			f, _ := os.Create(cache)
			gob.NewEncoder(f).Encode(topic)
			f.Close()
		}
		var ts []Scores
		for _, task := range topic.Tasks() {
			st := sys(task).Normalize()
			for _, d := range st {
				for _, x := range d.Sentences {
					nTok += len(strings.Fields(x))
					nSent++
				}
			}
			s := Evaluate(st, task.Ref)
			ts = append(ts, s)
			all = append(all, s)
		}
		m := Mean(ts)
		fmt.Printf("%-6s AR1 %.3f AR2 %.3f D %.3f  (P %.3f R %.3f)\n", e.Name(), m.AlignM1[0].F, m.AlignM1[1].F, m.Date.F, m.AlignM1[0].P, m.AlignM1[0].R)
	}
	m := Mean(all)
	fmt.Printf("ALL    AR1 %.3f AR2 %.3f D %.3f  (P %.3f R %.3f) concat %.3f avgtok %.1f\n", m.AlignM1[0].F, m.AlignM1[1].F, m.Date.F, m.AlignM1[0].P, m.AlignM1[0].R, m.Concat[0].F, float64(nTok)/float64(nSent))
}

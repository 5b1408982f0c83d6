package tlseval

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/datelinehq/dateline/internal/timeline"
)

// Grid is the handful of weight settings leave-one-topic-out chooses
// among: how many of each article's first sentences are preferred as its
// day's summary (0: all LeadSentences), how much a day's own vocabulary
// is preferred over the story's, how much publication volume counts
// against mentions, and a length discount.
func Grid() []timeline.Params {
	var out []timeline.Params
	for _, lead := range []int{2, 3, 0} {
		for _, spec := range []float64{0, 0.5} {
			for _, pw := range []float64{0.25, 0.5} {
				for _, lp := range []float64{0, 0.3} {
					p := timeline.DefaultParams()
					p.LeadPreferred, p.Specific, p.PubWeight, p.LengthPenalty = lead, spec, pw, lp
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// Choice is the setting LOTO picked for a left-out topic and what it
// scored on the other topics.
type Choice struct {
	Topic    string
	Params   timeline.Params
	Index    int     // into the grid
	TrainAR1 float64 // mean align+ m:1 ROUGE-1 F1 on the other topics
}

// LOTO scores each topic with the grid setting that does best (align+ m:1
// ROUGE-1 F1) on all the other topics, so no reported figure comes from
// weights that saw its topic. Timelines go under out when it is set.
func LOTO(ctx context.Context, topics []Topic, grid []timeline.Params, out string, rep Report) (Report, []Choice, error) {
	type taskRun struct {
		topic int
		task  Task
	}
	var runs []taskRun
	for ti, t := range topics {
		for _, task := range t.Tasks() {
			runs = append(runs, taskRun{ti, task})
		}
	}
	// scores[g][r] and timelines[g][r]: every setting on every task, once.
	scores := make([][]Scores, len(grid))
	tls := make([][]Timeline, len(grid))
	for g, p := range grid {
		sys := Dateline(p)
		for _, r := range runs {
			if err := ctx.Err(); err != nil {
				return rep, nil, err
			}
			b0 := time.Now()
			tl := sys(r.task).Normalize()
			rep.Build += time.Since(b0)
			tls[g] = append(tls[g], tl)
			scores[g] = append(scores[g], Evaluate(tl, r.task.Ref))
		}
	}
	rep.ByTopic = map[string]Scores{}
	var choices []Choice
	var all []Scores
	for ti, t := range topics {
		best, bestAR := 0, -1.0
		for g := range grid {
			var train []Scores
			for ri, r := range runs {
				if r.topic != ti {
					train = append(train, scores[g][ri])
				}
			}
			if ar := Mean(train).AlignM1[0].F; ar > bestAR {
				best, bestAR = g, ar
			}
		}
		choices = append(choices, Choice{Topic: t.Name, Params: grid[best], Index: best, TrainAR1: bestAR})
		var held []Scores
		for ri, r := range runs {
			if r.topic != ti {
				continue
			}
			s := scores[best][ri]
			held = append(held, s)
			all = append(all, s)
			rep.Tasks = append(rep.Tasks, TaskResult{Topic: t.Name, Index: r.task.Index, N: r.task.N, K: r.task.K, Scores: s})
			if out != "" {
				if err := writeTimeline(filepath.Join(out, t.Name, strconv.Itoa(r.task.Index)+".jsonl"), tls[best][ri]); err != nil {
					return rep, nil, err
				}
			}
		}
		rep.Topics = append(rep.Topics, t.Name)
		rep.ByTopic[t.Name] = Mean(held)
	}
	rep.Overall = Mean(all)
	return rep, choices, nil
}

// String describes a choice in one line.
func (c Choice) String() string {
	p := c.Params
	return fmt.Sprintf("%-8s grid #%d (lead preferred %d, specific %g, pub weight %g, length penalty %g) train AR-1 %.3f",
		c.Topic, c.Index, p.LeadPreferred, p.Specific, p.PubWeight, p.LengthPenalty, c.TrainAR1)
}

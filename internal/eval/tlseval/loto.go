package tlseval

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/datelinehq/dateline/internal/timeline"
)

// Setting is one configuration leave-one-topic-out chooses among: the
// sentence ranking (Beta 0: the hand-set score, closeness to the day's
// centroid × query relevance × boosts; a positive Beta: a model fitted on
// the training topics to ROUGE-1 F-beta labels, see Example.Label) and the
// weight of a mention that opens its sentence (timeline.Params.LeadDateRef).
type Setting struct {
	Beta        float64
	LeadDateRef float64
}

// params is p under setting g, ranking sentences with m (nil: the
// hand-set score, which is what a setting with Beta 0 asks for).
func (g Setting) params(p timeline.Params, m *timeline.SentenceModel) timeline.Params {
	p.LeadDateRef = g.LeadDateRef
	p.Model = m
	return p
}

// Betas and LeadDateRefs span the grid --loto chooses among by default.
var (
	Betas        = []float64{0, 0.2, 0.3, 0.5}
	LeadDateRefs = []float64{1, 2, 3, 5}
)

// Grid is every combination of betas and lead-date weights.
func Grid(betas, leads []float64) []Setting {
	var out []Setting
	for _, beta := range betas {
		for _, lead := range leads {
			out = append(out, Setting{beta, lead})
		}
	}
	return out
}

// Choice is the ranking LOTO picked for a left-out topic and what it
// scored on the other topics.
type Choice struct {
	Topic string
	Setting
	Model    timeline.SentenceModel
	TrainAR1 float64 // mean align+ m:1 ROUGE-1 F1 on the other topics
}

// LOTO scores each topic with the sentence ranking that does best (align+
// m:1 ROUGE-1 F1) on all the other topics, a model being fitted on those
// topics alone, so no reported figure comes from anything that saw its
// topic. Every other weight is p's. Timelines go under out when it is set.
func LOTO(ctx context.Context, topics []Topic, p timeline.Params, grid []Setting, out string, rep Report) (Report, []Choice, error) {
	type run struct {
		topic int
		task  Task
	}
	var runs []run
	for ti, t := range topics {
		for _, task := range t.Tasks() {
			runs = append(runs, run{ti, task})
		}
	}
	p.Model = nil
	var examples [][]Example // only a fitted model needs them
	for _, g := range grid {
		if g.Beta > 0 {
			examples = TopicExamples(topics, p)
			break
		}
	}
	// score runs sys on the selected runs, in parallel, in run order. A
	// cancelled run leaves tasks unscored, so its error must be returned
	// before anything is chosen or written from them.
	score := func(sys System, pick func(run) bool) ([]int, []Timeline, []Scores, time.Duration, error) {
		var idx []int
		for i, r := range runs {
			if pick(r) {
				idx = append(idx, i)
			}
		}
		tls := make([]Timeline, len(idx))
		sc := make([]Scores, len(idx))
		took := make([]time.Duration, len(idx))
		err := forEach(ctx, len(idx), func(k int) {
			t0 := time.Now()
			tls[k] = sys(runs[idx[k]].task).Normalize()
			took[k] = time.Since(t0)
			sc[k] = Evaluate(tls[k], runs[idx[k]].task.Ref)
		})
		var total time.Duration
		for _, d := range took {
			total += d
		}
		return idx, tls, sc, total, err
	}
	// The hand-set score does not depend on the fold: score it once per
	// setting.
	type handRun struct {
		tls []Timeline
		sc  []Scores
	}
	hand := map[Setting]handRun{}
	for _, g := range grid {
		if g.Beta != 0 {
			continue
		}
		_, tls, sc, took, err := score(Dateline(g.params(p, nil)), func(run) bool { return true })
		rep.Build += took
		if err != nil {
			return rep, nil, err
		}
		hand[g] = handRun{tls, sc}
	}
	// results scores choice c on the runs pick selects: the hand-set
	// score's from the runs above, a fitted model's afresh.
	results := func(c *Choice, pick func(run) bool) (idx []int, tls []Timeline, sc []Scores, err error) {
		if c.Beta == 0 {
			h := hand[c.Setting]
			for ri, r := range runs {
				if pick(r) {
					idx, tls, sc = append(idx, ri), append(tls, h.tls[ri]), append(sc, h.sc[ri])
				}
			}
			return idx, tls, sc, nil
		}
		var took time.Duration
		idx, tls, sc, took, err = score(Dateline(c.params(p, &c.Model)), pick)
		rep.Build += took
		return idx, tls, sc, err
	}

	rep.ByTopic = map[string]Scores{}
	var choices []Choice
	var all []Scores
	for ti, t := range topics {
		if err := ctx.Err(); err != nil {
			return rep, nil, err
		}
		var train []Example
		for tj, ex := range examples {
			if tj != ti {
				train = append(train, ex...)
			}
		}
		best := Choice{Topic: t.Name, TrainAR1: -1}
		models := map[float64]timeline.SentenceModel{}
		for _, g := range grid {
			c := Choice{Topic: t.Name, Setting: g}
			if g.Beta > 0 {
				m, ok := models[g.Beta]
				if !ok {
					m = Fit(train, g.Beta)
					models[g.Beta] = m
				}
				c.Model = m
			}
			_, _, sc, err := results(&c, func(r run) bool { return r.topic != ti })
			if err != nil {
				return rep, nil, err
			}
			if c.TrainAR1 = Mean(sc).AlignM1[0].F; c.TrainAR1 > best.TrainAR1 {
				best = c
			}
		}
		choices = append(choices, best)
		var held []Scores
		idx, tls, sc, err := results(&best, func(r run) bool { return r.topic == ti })
		if err != nil {
			return rep, nil, err
		}
		for k, ri := range idx {
			r := runs[ri]
			held = append(held, sc[k])
			all = append(all, sc[k])
			rep.Tasks = append(rep.Tasks, TaskResult{Topic: t.Name, Index: r.task.Index, N: r.task.N, K: r.task.K, Scores: sc[k]})
			if out != "" {
				if err := writeTimeline(filepath.Join(out, t.Name, strconv.Itoa(r.task.Index)+".jsonl"), tls[k]); err != nil {
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
	how := "hand-set sentence score"
	if c.Beta > 0 {
		how = fmt.Sprintf("sentence model fitted on the other topics, ROUGE-1 F-beta %g labels", c.Beta)
	}
	return fmt.Sprintf("%-8s %s, opening-date mentions ×%g; train AR-1 %.3f", c.Topic, how, c.LeadDateRef, c.TrainAR1)
}

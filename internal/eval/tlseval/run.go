package tlseval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/datelinehq/dateline"
)

// Options configures a protocol run.
type Options struct {
	Dataset string   // folder of topic folders
	Out     string   // where <topic>/<n>.jsonl go; "" writes nothing
	Topics  []string // subset of topics; nil: every folder in Dataset
	System  System
	Analyze Analyzer // nil: one sentence a line, no time expressions
}

// TaskResult is one task's scores and the time its timeline took.
type TaskResult struct {
	Topic  string
	Index  int
	N, K   int
	Scores Scores
	Build  time.Duration
}

// Report is a protocol run: per task, per topic and for the dataset.
type Report struct {
	Tasks    []TaskResult
	Topics   []string
	ByTopic  map[string]Scores
	Overall  Scores
	Load     time.Duration // reading the files
	Analysis time.Duration // sentence splitting, time expressions, entities
	Build    time.Duration // the system's timelines, all tasks
}

// Run evaluates opts.System on the dataset under the standard protocol.
func Run(ctx context.Context, opts Options) (Report, error) {
	const op = "eval tls"
	var rep Report
	if opts.System == nil {
		return rep, dateline.Errorf(dateline.Invalid, op, "no system to evaluate")
	}
	topics := opts.Topics
	if len(topics) == 0 {
		ents, err := os.ReadDir(opts.Dataset)
		if err != nil {
			return rep, dateline.Errorf(dateline.Invalid, op, "--dataset %s: %w", opts.Dataset, err)
		}
		for _, e := range ents {
			if e.IsDir() {
				topics = append(topics, e.Name())
			}
		}
		sort.Strings(topics)
	}
	if len(topics) == 0 {
		return rep, dateline.Errorf(dateline.Invalid, op, "--dataset %s holds no topic folders", opts.Dataset)
	}
	rep.ByTopic = map[string]Scores{}
	var all []Scores
	for _, name := range topics {
		t0 := time.Now()
		topic, err := LoadTopic(ctx, filepath.Join(opts.Dataset, name))
		if err != nil {
			return rep, err
		}
		t1 := time.Now()
		if err := Analyze(ctx, topic.Articles, opts.Analyze); err != nil {
			return rep, err
		}
		t2 := time.Now()
		rep.Load += t1.Sub(t0)
		rep.Analysis += t2.Sub(t1)
		var topicScores []Scores
		for _, task := range topic.Tasks() {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			b0 := time.Now()
			sys := opts.System(task).Normalize()
			el := time.Since(b0)
			rep.Build += el
			if opts.Out != "" {
				if err := writeTimeline(filepath.Join(opts.Out, name, strconv.Itoa(task.Index)+".jsonl"), sys); err != nil {
					return rep, err
				}
			}
			s := Evaluate(sys, task.Ref)
			rep.Tasks = append(rep.Tasks, TaskResult{Topic: name, Index: task.Index, N: task.N, K: task.K, Scores: s, Build: el})
			topicScores = append(topicScores, s)
			all = append(all, s)
		}
		rep.Topics = append(rep.Topics, name)
		rep.ByTopic[name] = Mean(topicScores)
	}
	rep.Overall = Mean(all)
	return rep, nil
}

func writeTimeline(path string, tl Timeline) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return dateline.Errorf(dateline.Invalid, "eval tls: --out", "%w", err)
	}
	b, err := json.Marshal(tl)
	if err != nil {
		return dateline.Errorf(dateline.Internal, "eval tls", "%w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return dateline.Errorf(dateline.Invalid, "eval tls: --out", "%w", err)
	}
	return nil
}

// WriteTable prints the report: one row per topic and one for the dataset.
func (r Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-8s %5s | %-20s | %-20s | %-20s | %-20s | %-20s | %-20s | %-20s\n",
		"topic", "tasks", "AR-1 P/R/F", "AR-2 P/R/F", "concat R1 P/R/F", "concat R2 P/R/F", "agree R1 P/R/F", "agree R2 P/R/F", "date P/R/F")
	row := func(name string, n int, s Scores) {
		f := func(p PRF) string { return fmt.Sprintf("%.3f %.3f %.3f", p.P, p.R, p.F) }
		fmt.Fprintf(w, "%-8s %5d | %-20s | %-20s | %-20s | %-20s | %-20s | %-20s | %-20s\n", name, n,
			f(s.AlignM1[0]), f(s.AlignM1[1]), f(s.Concat[0]), f(s.Concat[1]), f(s.Agreement[0]), f(s.Agreement[1]), f(s.Date))
	}
	count := map[string]int{}
	for _, t := range r.Tasks {
		count[t.Topic]++
	}
	for _, name := range r.Topics {
		row(name, count[name], r.ByTopic[name])
	}
	row("ALL", len(r.Tasks), r.Overall)
	var slowest time.Duration
	for _, t := range r.Tasks {
		slowest = max(slowest, t.Build)
	}
	fmt.Fprintf(w, "time: load %s, analysis %s, timelines %s for %d tasks (slowest task %s)\n",
		r.Load.Round(time.Millisecond), r.Analysis.Round(time.Millisecond), r.Build.Round(time.Millisecond), len(r.Tasks), slowest.Round(time.Millisecond))
}

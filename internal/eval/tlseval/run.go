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

// Load reads and analyses the topics opts selects, reporting the time
// each part took in rep.
func Load(ctx context.Context, opts Options, rep *Report) ([]Topic, error) {
	const op = "eval tls"
	names := opts.Topics
	if len(names) == 0 {
		ents, err := os.ReadDir(opts.Dataset)
		if err != nil {
			return nil, dateline.Errorf(dateline.Invalid, op, "--dataset %s: %w", opts.Dataset, err)
		}
		for _, e := range ents {
			if e.IsDir() {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
	}
	if len(names) == 0 {
		return nil, dateline.Errorf(dateline.Invalid, op, "--dataset %s holds no topic folders", opts.Dataset)
	}
	var topics []Topic
	for _, name := range names {
		t0 := time.Now()
		topic, err := LoadTopic(ctx, filepath.Join(opts.Dataset, name))
		if err != nil {
			return nil, err
		}
		t1 := time.Now()
		if err := Analyze(ctx, topic.Articles, opts.Analyze); err != nil {
			return nil, err
		}
		rep.Load += t1.Sub(t0)
		rep.Analysis += time.Since(t1)
		topics = append(topics, topic)
	}
	return topics, nil
}

// Run evaluates opts.System on the dataset under the standard protocol.
func Run(ctx context.Context, opts Options) (Report, error) {
	var rep Report
	if opts.System == nil {
		return rep, dateline.Errorf(dateline.Invalid, "eval tls", "no system to evaluate")
	}
	topics, err := Load(ctx, opts, &rep)
	if err != nil {
		return rep, err
	}
	return Score(ctx, topics, opts.System, opts.Out, rep)
}

// Score runs system on every task of the loaded topics, writes the
// timelines under out (when set) and adds the scores to rep.
func Score(ctx context.Context, topics []Topic, system System, out string, rep Report) (Report, error) {
	rep.ByTopic = map[string]Scores{}
	var all []Scores
	for _, topic := range topics {
		var topicScores []Scores
		for _, task := range topic.Tasks() {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			b0 := time.Now()
			sys := system(task).Normalize()
			el := time.Since(b0)
			rep.Build += el
			if out != "" {
				if err := writeTimeline(filepath.Join(out, topic.Name, strconv.Itoa(task.Index)+".jsonl"), sys); err != nil {
					return rep, err
				}
			}
			s := Evaluate(sys, task.Ref)
			rep.Tasks = append(rep.Tasks, TaskResult{Topic: topic.Name, Index: task.Index, N: task.N, K: task.K, Scores: s, Build: el})
			topicScores = append(topicScores, s)
			all = append(all, s)
		}
		rep.Topics = append(rep.Topics, topic.Name)
		rep.ByTopic[topic.Name] = Mean(topicScores)
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
	fmt.Fprintf(w, "time: load %s, analysis %s, timelines %s for %d tasks",
		r.Load.Round(time.Millisecond), r.Analysis.Round(time.Millisecond), r.Build.Round(time.Millisecond), len(r.Tasks))
	if slowest > 0 {
		fmt.Fprintf(w, " (slowest task %s)", slowest.Round(time.Millisecond))
	}
	fmt.Fprintln(w)
}

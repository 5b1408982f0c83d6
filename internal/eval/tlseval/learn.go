package tlseval

import (
	"strings"

	"github.com/datelinehq/dateline/internal/timeline"
)

// Ridge is the regularisation the sentence model is fitted with.
const Ridge = 0.1

// Example is one candidate sentence of a reference date with its features
// and its ROUGE-1 counts against that date's reference summary; the label a
// model is fitted to is computed from the counts (see Label).
type Example struct {
	Group    int // one (task, date): the candidates that compete with each other
	Features [timeline.NumFeatures]float64
	Hits     float64 // unigrams shared with the reference summary
	Peer     float64 // the sentence's unigrams
	Model    float64 // the reference summary's unigrams
}

// Label is the example's ROUGE-1 F-beta: beta below 1 weighs precision
// more. Our sentences run longer than reference entries (~34 tokens
// against ~21), so a label that pays for recall alone favours long
// sentences that the timeline's precision then pays for.
func (e Example) Label(beta float64) float64 {
	p, r := ratio(e.Hits, e.Peer), ratio(e.Hits, e.Model)
	b2 := beta * beta
	if p+r == 0 {
		return 0
	}
	return (1 + b2) * p * r / (b2*p + r)
}

// Examples collects, for every reference date of the task that the
// system's candidates reach, each candidate sentence with its features and
// counts. Groups are numbered from base; the next free number is returned.
// Every day with candidates is visited, not only the N the system would
// choose: the reference dates it would miss still teach how to rank a
// day's sentences.
func Examples(task Task, p timeline.Params, base int) ([]Example, int) {
	ref := map[int64]grams{}
	for _, d := range task.Ref {
		ref[dayNum(d.Date)] = newGrams(d.Sentences)
	}
	group := map[int64]int{}
	var out []Example
	p.Model = nil
	p.Collect = func(c timeline.Candidate) {
		g, ok := ref[c.Day]
		if !ok {
			return
		}
		id, ok := group[c.Day]
		if !ok {
			id = base + len(group)
			group[c.Day] = id
		}
		sys := newGrams([]string{c.Text})
		out = append(out, Example{Group: id, Features: c.Features,
			Hits: float64(overlap(sys.uni, g.uni)), Peer: float64(sys.nUni), Model: float64(g.nUni)})
	}
	q := timeline.Query{Text: strings.Join(task.Keywords, " "), From: task.From, To: task.To, Dates: 1 << 20, PerDate: 1}
	timeline.BuildSource(q, task.Articles, p)
	return out, base + len(group)
}

// Fit learns a sentence model from examples with labels of the given beta.
func Fit(examples []Example, beta float64) timeline.SentenceModel {
	rows := make([]timeline.TrainingRow, len(examples))
	for i, e := range examples {
		rows[i] = timeline.TrainingRow{Group: e.Group, Features: e.Features[:], Label: e.Label(beta)}
	}
	var m timeline.SentenceModel
	copy(m[:], timeline.Fit(rows, Ridge))
	return m
}

// TopicExamples collects the examples of every task of every topic, one
// slice per topic, with group numbers unique across all of them.
func TopicExamples(topics []Topic, p timeline.Params) [][]Example {
	out := make([][]Example, len(topics))
	next := 0
	for i, t := range topics {
		for _, task := range t.Tasks() {
			var ex []Example
			ex, next = Examples(task, p, next)
			out[i] = append(out[i], ex...)
		}
	}
	return out
}

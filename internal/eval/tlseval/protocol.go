package tlseval

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/clustereval"
	"github.com/datelinehq/dateline/internal/eval/jsonlines"
)

// Topic is one Timeline17-style topic: its articles, query keywords and
// reference timelines.
type Topic struct {
	Name      string
	Keywords  []string
	Articles  []dateline.Article
	Timelines []Timeline
}

// Task is one evaluation task of the standard protocol: a reference
// timeline, the articles published within its span, and the size the
// system is told to produce.
type Task struct {
	Topic    string
	Index    int // 1-based line of <topic>/timelines.jsonl
	Keywords []string
	From, To time.Time // first and last reference date
	N, K     int       // number of dates; sentences per date (rounded mean)
	Articles []dateline.Article
	Ref      Timeline
}

// System produces a timeline for a task. Sentences must be as the source
// text has them (tokenised for T17), since ROUGE compares tokens.
type System func(Task) Timeline

// Analyzer annotates a document; nil means "one sentence a line", the
// shape of the T17 release, and no time expressions.
type Analyzer func(dateline.Document) dateline.Analysis

// LoadTopic reads <dir>/articles.jsonl.gz, keywords.json and timelines.jsonl.
func LoadTopic(ctx context.Context, dir string) (Topic, error) {
	const op = "eval tls: load topic"
	t := Topic{Name: filepath.Base(dir)}
	kw, err := os.ReadFile(filepath.Join(dir, "keywords.json"))
	if err != nil {
		return t, dateline.Errorf(dateline.Invalid, op, "%s: %w (is --dataset a Timeline17 folder?)", dir, err)
	}
	if err := json.Unmarshal(kw, &t.Keywords); err != nil {
		return t, dateline.Errorf(dateline.Invalid, op, "%s/keywords.json: want a JSON list of strings: %w", dir, err)
	}
	err = jsonlines.Each(filepath.Join(dir, "timelines.jsonl"), func(line []byte) error {
		var tl Timeline
		if err := json.Unmarshal(line, &tl); err != nil {
			return err
		}
		t.Timelines = append(t.Timelines, tl)
		return nil
	})
	if err != nil {
		return t, err
	}
	t.Articles, err = readArticles(ctx, filepath.Join(dir, "articles.jsonl.gz"))
	if err != nil {
		return t, err
	}
	return t, nil
}

// readArticles reads a topic's articles with the evaluation corpora's
// reader; a T17 article without a date could not be placed on a timeline.
func readArticles(ctx context.Context, path string) ([]dateline.Article, error) {
	arts, err := clustereval.LoadArticles(ctx, path)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if a.Published.IsZero() {
			return nil, dateline.Errorf(dateline.Invalid, "eval tls: read articles", "%s: article %s has no date", path, a.ID)
		}
	}
	return arts, nil
}

// LineSentences splits text into one sentence per non-blank line, the
// layout of the T17 release.
func LineSentences(text string) []dateline.Span {
	var out []dateline.Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, dateline.Span{Start: s, End: e})
		}
		start = end + 1
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// Analyze fills in every article's analysis with fn, or with line
// sentences when fn is nil, on as many goroutines as GOMAXPROCS allows
// (articles are independent; the result does not depend on scheduling).
func Analyze(ctx context.Context, articles []dateline.Article, fn Analyzer) error {
	if fn == nil {
		fn = func(d dateline.Document) dateline.Analysis {
			return dateline.Analysis{Sentences: LineSentences(d.Text)}
		}
	}
	return forEach(ctx, len(articles), func(i int) {
		articles[i].Analysis = fn(articles[i].Document)
	})
}

// forEach calls fn(0..n-1) on as many goroutines as GOMAXPROCS allows,
// each index once, and stops handing out indices once ctx is done.
func forEach(ctx context.Context, n int, fn func(int)) error {
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// Tasks builds the protocol's tasks for a topic: one per reference
// timeline, N its number of dates, K its mean sentences per date rounded
// (at least 1), input the articles published from its first to its last date.
func (t Topic) Tasks() []Task {
	var out []Task
	for i, ref := range t.Timelines {
		ref = ref.Normalize()
		if len(ref) == 0 {
			continue
		}
		from, to := ref[0].Date, ref[len(ref)-1].Date
		var arts []dateline.Article
		for _, a := range t.Articles {
			if !a.Published.Before(from) && !a.Published.After(to) {
				arts = append(arts, a)
			}
		}
		out = append(out, Task{
			Topic: t.Name, Index: i + 1, Keywords: t.Keywords, From: from, To: to,
			N: len(ref), K: max(1, int(math.Round(ref.AvgSentences()))),
			Articles: arts, Ref: ref,
		})
	}
	return out
}

// Baseline is the naive floor: the N days with the most articles published,
// and on each the first K sentences of that day's first article.
func Baseline(task Task) Timeline {
	byDay := map[int64][]int{}
	for i, a := range task.Articles {
		d := dayNum(a.Published)
		byDay[d] = append(byDay[d], i)
	}
	days := make([]int64, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool {
		if len(byDay[days[i]]) != len(byDay[days[j]]) {
			return len(byDay[days[i]]) > len(byDay[days[j]])
		}
		return days[i] < days[j]
	})
	if len(days) > task.N {
		days = days[:task.N]
	}
	var tl Timeline
	for _, d := range days {
		a := task.Articles[byDay[d][0]]
		var sents []string
		for _, sp := range a.Sentences {
			if len(sents) == task.K {
				break
			}
			sents = append(sents, a.Text[sp.Start:sp.End])
		}
		tl = append(tl, Day{Date: time.Unix(d*86400, 0).UTC(), Sentences: sents})
	}
	return tl.Normalize()
}

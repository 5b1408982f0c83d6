package tlseval

import (
	"strings"
	"time"

	"github.com/datelinehq/dateline/internal/timeline"
)

// Dateline is the system under test: timeline.BuildSource with the task's
// keywords as the query, its span as the range and its N and K forced.
func Dateline(p timeline.Params) System {
	return func(task Task) Timeline {
		q := timeline.Query{
			Text: strings.Join(task.Keywords, " "),
			From: task.From, To: task.To,
			Dates: task.N, PerDate: task.K,
		}
		tl := timeline.BuildSource(q, task.Articles, p)
		out := make(Timeline, 0, len(tl.Dates))
		for _, d := range tl.Dates {
			t, err := time.Parse("2006-01-02", d.Date)
			if err != nil {
				continue
			}
			day := Day{Date: t}
			for _, s := range d.Sentences {
				day.Sentences = append(day.Sentences, s.Text)
			}
			out = append(out, day)
		}
		return out
	}
}

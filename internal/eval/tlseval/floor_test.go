package tlseval

import (
	"context"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/timeline"
	"github.com/datelinehq/dateline/internal/timex"
)

// lineTimex is the analysis the floor test can afford: the release's own
// sentence lines and the time-expression tagger.
func lineTimex(d dateline.Document) dateline.Analysis {
	ss := LineSentences(d.Text)
	return dateline.Analysis{Sentences: ss, Timexes: timex.Tag(d.Text, ss, d.Published)}
}

func loadAnalysed(tb testing.TB, name string) Topic {
	tb.Helper()
	dir := shareddata.Path(tb, "data", "tls", "t17", name)
	topic, err := LoadTopic(context.Background(), dir)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Analyze(context.Background(), topic.Articles, lineTimex); err != nil {
		tb.Fatal(err)
	}
	return topic
}

// TestFloorHaiti checks, on one small T17 topic, that the system beats the
// naive floor (busiest publication days, first sentences) on align+ m:1
// ROUGE-1 and ROUGE-2 and is no worse on dates.
func TestFloorHaiti(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses a T17 topic")
	}
	topic := loadAnalysed(t, "haiti")
	var sys, base []Scores
	for _, task := range topic.Tasks() {
		sys = append(sys, Evaluate(Dateline(timeline.DefaultParams())(task), task.Ref))
		base = append(base, Evaluate(Baseline(task), task.Ref))
	}
	s, b := Mean(sys), Mean(base)
	t.Logf("system AR-1 %.3f AR-2 %.3f date %.3f; floor AR-1 %.3f AR-2 %.3f date %.3f",
		s.AlignM1[0].F, s.AlignM1[1].F, s.Date.F, b.AlignM1[0].F, b.AlignM1[1].F, b.Date.F)
	if s.AlignM1[0].F <= b.AlignM1[0].F {
		t.Errorf("AR-1 F1 %.3f does not beat the floor %.3f", s.AlignM1[0].F, b.AlignM1[0].F)
	}
	if s.AlignM1[1].F <= b.AlignM1[1].F {
		t.Errorf("AR-2 F1 %.3f does not beat the floor %.3f", s.AlignM1[1].F, b.AlignM1[1].F)
	}
	if s.Date.F < b.Date.F {
		t.Errorf("date F1 %.3f is below the floor %.3f", s.Date.F, b.Date.F)
	}
}

// BenchmarkTaskTimeline times one T17 task's timeline from analysed
// articles (bpoil, the largest topic), the figure the < 1 s goal is about.
func BenchmarkTaskTimeline(b *testing.B) {
	topic := loadAnalysed(b, "bpoil")
	tasks := topic.Tasks()
	sys := Dateline(timeline.DefaultParams())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sys(tasks[i%len(tasks)])
	}
}

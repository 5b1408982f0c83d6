package htmleval

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestScoreText(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		with, without []string
		want          Counts
	}{
		{"all right", "The  quick\nbrown fox", []string{"quick brown"}, []string{"lazy dog"}, Counts{TP: 1, TN: 1, Pages: 1}},
		{"missed and kept", "menu the fox", []string{"quick brown"}, []string{"menu"}, Counts{FN: 1, FP: 1, Pages: 1}},
		{"white space in segment", "a b c", []string{" a\tb "}, nil, Counts{TP: 1, Pages: 1}},
		{"empty text", "", []string{"x"}, []string{"y"}, Counts{FN: 1, TN: 1, Pages: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ScoreText(tt.text, tt.with, tt.without); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	c := Counts{TP: 8, FN: 2, FP: 2, TN: 8}
	if c.Precision() != 0.8 || c.Recall() != 0.8 || c.Accuracy() != 0.8 || c.F1() != 0.8 {
		t.Errorf("metrics %v %v %v %v", c.Precision(), c.Recall(), c.Accuracy(), c.F1())
	}
	if (Counts{}).F1() != 0 {
		t.Error("empty F1 not 0")
	}
}

func TestRunOnGeneratedSet(t *testing.T) {
	dir := t.TempDir()
	page := `<html lang="en"><head><meta property="article:published_time" content="2020-05-04T10:00:00Z"></head><body><nav>Menu Home</nav><article><p>` +
		`The library reopened its reading room on Monday after a year of renovation, with new lighting and twice as many desks as before the works began.</p>` +
		`<p>Visitors will need to book a seat online for the first month while the staff learn the new lending system.</p></article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "index.jsonl")
	os.WriteFile(idx, []byte(`{"file":"a.html","url":"https://l.example/a","with":["reopened its reading room"],"without":["Menu Home"],"date":"2020-05-04"}`+"\n"), 0o644)
	cases, err := LoadExtract(idx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunExtract(context.Background(), cases, Ours)
	if err != nil {
		t.Fatal(err)
	}
	if rep.All != (Counts{TP: 1, TN: 1, Pages: 1}) || rep.ByLang["en"].Pages != 1 {
		t.Errorf("report %+v", rep)
	}
	dcases, err := LoadDates(idx)
	if err != nil {
		t.Fatal(err)
	}
	drep, err := RunDates(context.Background(), dcases, func(ctx context.Context, page []byte, url string) (Result, error) {
		return Result{Date: time.Date(2020, 5, 4, 23, 0, 0, 0, time.UTC)}, nil
	})
	if err != nil || drep.All != (DateCounts{Pages: 1, Found: 1, Correct: 1}) {
		t.Errorf("dates %+v %v", drep.All, err)
	}
}

package timeline

import (
	"math"
	"strings"
	"testing"
)

// TestFitRecoversWithinGroupWeights fits labels made from known weights
// plus a different offset per group: the offsets must not leak into the
// weights, since only the order within a group is learned.
func TestFitRecoversWithinGroupWeights(t *testing.T) {
	want := []float64{0.5, -1.25, 2}
	var rows []TrainingRow
	for g := 0; g < 40; g++ {
		offset := float64(g*g) - 7
		for i := 0; i < 6; i++ {
			// A small deterministic spread of feature values.
			x := []float64{float64((g + i) % 5), float64((g*3 + i*2) % 7), math.Sin(float64(g + 3*i))}
			y := offset
			for k := range x {
				y += want[k] * x[k]
			}
			rows = append(rows, TrainingRow{Group: g, Features: x, Label: y})
		}
	}
	// A lone row is no comparison at all and must change nothing.
	rows = append(rows, TrainingRow{Group: 99, Features: []float64{100, 100, 100}, Label: -1e6})
	got := Fit(rows, 0)
	for k := range want {
		if math.Abs(got[k]-want[k]) > 1e-6 {
			t.Errorf("weight %d = %.6f, want %.6f (all: %v)", k, got[k], want[k], got)
		}
	}
	// Ridge shrinks the weights towards zero, never past it.
	shrunk := Fit(rows, 10)
	for k := range want {
		if math.Abs(shrunk[k]) >= math.Abs(want[k]) || shrunk[k]*want[k] < 0 {
			t.Errorf("ridge weight %d = %.4f, want between 0 and %.4f", k, shrunk[k], want[k])
		}
	}
	if Fit(nil, 1) != nil {
		t.Error("Fit(nil) returned weights")
	}
}

// TestFeatures checks the features Collect reports on the dam corpus
// against what the sentences say.
func TestFeatures(t *testing.T) {
	var got []Candidate
	p := DefaultParams()
	p.Collect = func(c Candidate) { got = append(got, c) }
	BuildSource(Query{Text: "Kela dam", Dates: 100, PerDate: 1}, corpus(), p)
	find := func(day, prefix string) *Candidate {
		t.Helper()
		d := dayOf(mustDay(day))
		for i := range got {
			if got[i].Day == d && strings.HasPrefix(got[i].Text, prefix) {
				return &got[i]
			}
		}
		t.Fatalf("no candidate %q on %s among %d", prefix, day, len(got))
		return nil
	}
	collapse := find("2021-03-02", "The dam on the Kela river collapsed")
	if collapse.Features[FeatMention] != 1 || collapse.Features[FeatExplicit] != 1 {
		t.Errorf("names March 2 as a date: mention %v explicit %v, want 1 1", collapse.Features[FeatMention], collapse.Features[FeatExplicit])
	}
	if collapse.Features[FeatFirst] != 1 || collapse.Features[FeatSameDay] != 0 {
		t.Errorf("first sentence of an article of March 20: first %v same-day %v, want 1 0", collapse.Features[FeatFirst], collapse.Features[FeatSameDay])
	}
	// Two other articles tell the March 2 collapse in other words, too
	// different to count as the same report (TestSupportCounts covers
	// sentences that are).
	if s := collapse.Features[FeatSupport]; s != 0 {
		t.Errorf("support %v, want 0: no near-copy of the sentence", s)
	}
	if q := collapse.Features[FeatQuery]; q != 1 {
		t.Errorf("query share %v, want 1 (both Kela and dam)", q)
	}
	lead := find("2021-03-25", "The government promised")
	if lead.Features[FeatMention] != 0 || lead.Features[FeatSameDay] != 1 || lead.Features[FeatSecond] != 1 {
		t.Errorf("second sentence of an article of its day: mention %v same-day %v second %v, want 0 1 1",
			lead.Features[FeatMention], lead.Features[FeatSameDay], lead.Features[FeatSecond])
	}
	if want := math.Log(float64(strings.Count(lead.Text, " ") + 1)); lead.Features[FeatLength] != want {
		t.Errorf("length feature %v, want log of %d tokens", lead.Features[FeatLength], strings.Count(lead.Text, " ")+1)
	}
}

// TestModelOrdersCandidates checks that a model, not the hand-set score,
// decides the order within a day: weighting length alone picks a day's
// longest candidate, negating it its shortest.
func TestModelOrdersCandidates(t *testing.T) {
	pick := func(w float64) string {
		var m SentenceModel
		m[FeatLength] = w
		p := DefaultParams()
		p.Model = &m
		tl := BuildSource(Query{Text: "dam", From: mustDay("2021-03-25"), To: mustDay("2021-03-25"), Dates: 1, PerDate: 1}, corpus(), p)
		if len(tl.Dates) != 1 || len(tl.Dates[0].Sentences) != 1 {
			t.Fatalf("timeline %+v: want one date with one sentence", tl)
		}
		return tl.Dates[0].Sentences[0].Text
	}
	long, short := pick(1), pick(-1)
	if len(long) <= len(short) {
		t.Errorf("length weight +1 chose %q, -1 chose %q: want the longer first", long, short)
	}
}

// TestSupportCounts counts, for each candidate, the other articles with a
// candidate within cosine 0.5 of it, on vectors built by hand: a second
// sentence from the same article adds nothing, a dissimilar one nothing.
func TestSupportCounts(t *testing.T) {
	v := func(id int32) vec { return vec{ids: []int32{id}, ws: []float32{1}} }
	sents := []sent{
		{art: 0, v: v(1)},
		{art: 1, v: v(1)},
		{art: 1, v: v(1)}, // same article again
		{art: 2, v: v(2)}, // orthogonal
		{art: 3, v: vec{ids: []int32{1, 2}, ws: []float32{0.6, 0.8}}}, // cosine .6 with the first three, .8 with the fourth
	}
	dense := make([]float32, 3)
	got := supportCounts([]int{0, 1, 2, 3, 4}, sents, dense)
	// The three alike see each other's articles (0 or 1) and article 3; the
	// orthogonal one sees only article 3; article 3 sees articles 0, 1, 2.
	want := []int{2, 2, 2, 1, 3}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("candidate %d: support %d, want %d (all %v)", i, got[i], want[i], got)
		}
	}
	for i, x := range dense {
		if x != 0 {
			t.Errorf("scratch left dirty at %d: %v", i, x)
		}
	}
}

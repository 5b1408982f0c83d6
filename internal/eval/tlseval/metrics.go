package tlseval

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Day is one dated summary of a timeline in tilse form: sentences as they
// appear in the source (tokenised for T17).
type Day struct {
	Date      time.Time
	Sentences []string
}

// Timeline is a timeline in date order, at most one Day per date.
type Timeline []Day

// MarshalJSON writes the tilse/news-tls shape [["YYYY-MM-DD", ["s", …]], …].
func (t Timeline) MarshalJSON() ([]byte, error) {
	out := make([][2]any, len(t))
	for i, d := range t {
		s := d.Sentences
		if s == nil {
			s = []string{}
		}
		out[i] = [2]any{d.Date.Format("2006-01-02"), s}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads [["YYYY-MM-DD", ["s", …]], …]; days are merged and sorted.
func (t *Timeline) UnmarshalJSON(b []byte) error {
	var raw [][2]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("timeline: want [[\"YYYY-MM-DD\", [sentences]], …]: %w", err)
	}
	byDate := map[time.Time][]string{}
	for i, r := range raw {
		var ds string
		var sents []string
		if err := json.Unmarshal(r[0], &ds); err != nil {
			return fmt.Errorf("timeline entry %d: date: %w", i, err)
		}
		// Some releases write "2010-04-20T00:00:00"; the day is what counts.
		if len(ds) > 10 {
			ds = ds[:10]
		}
		d, err := time.Parse("2006-01-02", ds)
		if err != nil {
			return fmt.Errorf("timeline entry %d: date %q: %w", i, ds, err)
		}
		if err := json.Unmarshal(r[1], &sents); err != nil {
			return fmt.Errorf("timeline entry %d: sentences: %w", i, err)
		}
		byDate[d] = append(byDate[d], sents...)
	}
	*t = fromMap(byDate)
	return nil
}

func fromMap(m map[time.Time][]string) Timeline {
	t := make(Timeline, 0, len(m))
	for d, s := range m {
		t = append(t, Day{Date: d, Sentences: s})
	}
	sort.Slice(t, func(i, j int) bool { return t[i].Date.Before(t[j].Date) })
	return t
}

// Normalize merges days that share a date and sorts by date.
func (t Timeline) Normalize() Timeline {
	m := map[time.Time][]string{}
	for _, d := range t {
		day := time.Date(d.Date.Year(), d.Date.Month(), d.Date.Day(), 0, 0, 0, 0, time.UTC)
		m[day] = append(m[day], d.Sentences...)
	}
	return fromMap(m)
}

// AvgSentences is the mean number of sentences per date, the K of the protocol.
func (t Timeline) AvgSentences() float64 {
	if len(t) == 0 {
		return 0
	}
	n := 0
	for _, d := range t {
		n += len(d.Sentences)
	}
	return float64(n) / float64(len(t))
}

// dayNum is a date's ordinal in days, for |Δdays|.
func dayNum(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Scores is everything one comparison yields: ROUGE-1 and ROUGE-2 (index
// 0 and 1) under each variant, and date P/R/F1.
type Scores struct {
	Concat    [2]PRF
	Agreement [2]PRF
	AlignM1   [2]PRF
	Date      PRF
}

// prepared caches what the metrics need per day.
type prepared struct {
	days  []int64
	grams []grams
	raw   []map[string]int // whitespace tokens, as tilse's content-cost approximation counts them
	nraw  []int
}

func prepare(t Timeline) prepared {
	p := prepared{}
	for _, d := range t {
		p.days = append(p.days, dayNum(d.Date))
		p.grams = append(p.grams, newGrams(d.Sentences))
		m := map[string]int{}
		n := 0
		for _, s := range d.Sentences {
			for _, w := range strings.Fields(s) {
				m[w]++
				n++
			}
		}
		p.raw = append(p.raw, m)
		p.nraw = append(p.nraw, n)
	}
	return p
}

// Evaluate scores a system timeline against one reference timeline.
func Evaluate(sys, ref Timeline) Scores {
	sys, ref = sys.Normalize(), ref.Normalize()
	ps, pr := prepare(sys), prepare(ref)
	return Scores{
		Concat:    concat(sys, ref),
		Agreement: agreement(ps, pr),
		AlignM1:   alignM1(ps, pr),
		Date:      dateF1(ps.days, pr.days),
	}
}

func finish(num, den [2][2]float64) [2]PRF {
	var out [2]PRF
	for n := 0; n < 2; n++ {
		p, r := ratio(num[n][0], den[n][0]), ratio(num[n][1], den[n][1])
		out[n] = PRF{P: p, R: r, F: F1(p, r)}
	}
	return out
}

// concat compares the two timelines' sentences concatenated in date order.
func concat(sys, ref Timeline) [2]PRF {
	var s, r []string
	for _, d := range sys {
		s = append(s, d.Sentences...)
	}
	for _, d := range ref {
		r = append(r, d.Sentences...)
	}
	c := rougeCounts(newGrams(s), newGrams(r))
	var num, den [2][2]float64
	for n := 0; n < 2; n++ {
		num[n] = [2]float64{c[n].Hits, c[n].Hits}
		den[n] = [2]float64{c[n].Peer, c[n].Model}
	}
	return finish(num, den)
}

// agreement compares summaries of the same date only: a system date the
// reference lacks adds to the precision denominator with no hits, a
// reference date the system lacks to the recall denominator.
func agreement(sys, ref prepared) [2]PRF {
	var num, den [2][2]float64
	refAt := map[int64]int{}
	for i, d := range ref.days {
		refAt[d] = i
	}
	sysAt := map[int64]int{}
	for i, d := range sys.days {
		sysAt[d] = i
		var c [2]Counts
		if j, ok := refAt[d]; ok {
			c = rougeCounts(sys.grams[i], ref.grams[j])
		} else {
			c = rougeCounts(sys.grams[i], grams{})
		}
		for n := 0; n < 2; n++ {
			num[n][0] += c[n].Hits
			den[n][0] += c[n].Peer
		}
	}
	for j, d := range ref.days {
		var c [2]Counts
		if i, ok := sysAt[d]; ok {
			c = rougeCounts(sys.grams[i], ref.grams[j])
		} else {
			c = rougeCounts(grams{}, ref.grams[j])
		}
		for n := 0; n < 2; n++ {
			num[n][1] += c[n].Hits
			den[n][1] += c[n].Model
		}
	}
	return finish(num, den)
}

// approxF1 is tilse's quick ROUGE-1 F1 used only to price an alignment:
// raw whitespace tokens, case kept, no stemming or stopword removal.
func approxF1(sys, ref map[string]int, nSys, nRef int) float64 {
	match := 0
	for w, c := range sys {
		match += min(c, ref[w])
	}
	return F1(ratio(float64(match), float64(nSys)), ratio(float64(match), float64(nRef)))
}

func dateWeight(a, b int64) float64 {
	d := a - b
	if d < 0 {
		d = -d
	}
	return 1 / float64(d+1)
}

// cheapest returns, for a day of one timeline, the index of the cheapest
// day of the other under cost (1 − 1/(|Δ|+1)) × (1 − approximate ROUGE-1
// F1); ties go to the earliest date, as numpy's argmin does.
func cheapest(day int64, raw map[string]int, nraw int, other prepared, sysSide bool) int {
	best, bestCost := -1, 0.0
	for j, od := range other.days {
		var f float64
		if sysSide {
			f = approxF1(raw, other.raw[j], nraw, other.nraw[j])
		} else {
			f = approxF1(other.raw[j], raw, other.nraw[j], nraw)
		}
		cost := (1 - dateWeight(day, od)) * (1 - f)
		if best < 0 || cost < bestCost {
			best, bestCost = j, cost
		}
	}
	return best
}

// alignM1 is tilse's align+ m:1: for precision every system date is paired
// with its cheapest reference date, for recall every reference date with
// its cheapest system date; a pair's hits are discounted by 1/(|Δdays|+1).
func alignM1(sys, ref prepared) [2]PRF {
	var num, den [2][2]float64
	for i, d := range sys.days {
		j := cheapest(d, sys.raw[i], sys.nraw[i], ref, true)
		var c [2]Counts
		w := 1.0
		if j >= 0 {
			c = rougeCounts(sys.grams[i], ref.grams[j])
			w = dateWeight(d, ref.days[j])
		} else {
			c = rougeCounts(sys.grams[i], grams{})
		}
		for n := 0; n < 2; n++ {
			num[n][0] += w * c[n].Hits
			den[n][0] += c[n].Peer
		}
	}
	for j, d := range ref.days {
		i := cheapest(d, ref.raw[j], ref.nraw[j], sys, false)
		var c [2]Counts
		w := 1.0
		if i >= 0 {
			c = rougeCounts(sys.grams[i], ref.grams[j])
			w = dateWeight(d, sys.days[i])
		} else {
			c = rougeCounts(grams{}, ref.grams[j])
		}
		for n := 0; n < 2; n++ {
			num[n][1] += w * c[n].Hits
			den[n][1] += c[n].Model
		}
	}
	return finish(num, den)
}

// dateF1 is exact-day overlap of the two date sets.
func dateF1(sys, ref []int64) PRF {
	rs := map[int64]bool{}
	for _, d := range ref {
		rs[d] = true
	}
	both := 0
	for _, d := range sys {
		if rs[d] {
			both++
		}
	}
	p, r := ratio(float64(both), float64(len(sys))), ratio(float64(both), float64(len(ref)))
	return PRF{P: p, R: r, F: F1(p, r)}
}

// Mean averages precision and recall over tasks and takes F1 from those
// averages, the dataset figure the protocol reports.
func Mean(all []Scores) Scores {
	var m Scores
	if len(all) == 0 {
		return m
	}
	k := float64(len(all))
	for _, s := range all {
		for n := 0; n < 2; n++ {
			m.Concat[n].P += s.Concat[n].P / k
			m.Concat[n].R += s.Concat[n].R / k
			m.Agreement[n].P += s.Agreement[n].P / k
			m.Agreement[n].R += s.Agreement[n].R / k
			m.AlignM1[n].P += s.AlignM1[n].P / k
			m.AlignM1[n].R += s.AlignM1[n].R / k
		}
		m.Date.P += s.Date.P / k
		m.Date.R += s.Date.R / k
	}
	for n := 0; n < 2; n++ {
		m.Concat[n].F = F1(m.Concat[n].P, m.Concat[n].R)
		m.Agreement[n].F = F1(m.Agreement[n].P, m.Agreement[n].R)
		m.AlignM1[n].F = F1(m.AlignM1[n].P, m.AlignM1[n].R)
	}
	m.Date.F = F1(m.Date.P, m.Date.R)
	return m
}

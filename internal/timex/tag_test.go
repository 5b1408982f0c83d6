package timex

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/timeml"
)

var dct = time.Date(2017, 6, 7, 0, 0, 0, 0, time.UTC)

// checkInvariants is what every output of Tag must satisfy.
func checkInvariants(t *testing.T, text string, got []dateline.Timex) {
	t.Helper()
	prevEnd := 0
	for i, x := range got {
		if x.Start < prevEnd || x.Start >= x.End || x.End > len(text) {
			t.Fatalf("timex %d [%d,%d) out of order, empty or out of bounds (prev end %d, len %d)", i, x.Start, x.End, prevEnd, len(text))
		}
		if splitsRune(text, x.Start) || splitsRune(text, x.End) {
			t.Fatalf("timex %d [%d,%d) splits a UTF-8 sequence", i, x.Start, x.End)
		}
		if x.Text != text[x.Start:x.End] {
			t.Fatalf("timex %d Text %q is not its span %q", i, x.Text, text[x.Start:x.End])
		}
		if x.Type == "" || x.Value == "" {
			t.Fatalf("timex %d %q has no type or value", i, x.Text)
		}
		prevEnd = x.End
	}
}

// splitsRune reports whether offset i falls inside a valid multi-byte
// UTF-8 sequence (stray bytes of invalid input can be cut anywhere).
func splitsRune(text string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-utf8.UTFMax; k-- {
		if utf8.RuneStart(text[k]) {
			r, size := utf8.DecodeRuneInString(text[k:])
			return r != utf8.RuneError && k+size > i
		}
	}
	return false
}

func TestTagTable(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // "text=TYPE:value"
	}{
		{"Trump on Monday derided it.", []string{"Monday=DATE:2017-06-05"}},
		{"He will speak on Monday.", []string{"Monday=DATE:2017-06-12"}},
		{"The talks -LRB- held Tuesday -RRB- failed , officials said .", []string{"Tuesday=DATE:2017-06-06"}},
		{"`` We met last week , '' he said .", []string{"last week=DATE:2017-W22"}},
		{"Sales rose in the third quarter.", []string{"the third quarter=DATE:2016-Q3"}},
		{"The offer expires Sept. 30 and reopens in January 2018.", []string{"Sept. 30=DATE:2017-09-30", "January 2018=DATE:2018-01"}},
		{"The 1,990 shares sold for $2017 in May.", []string{"May=DATE:2017-05"}},
		{"A 52-week high.", []string{"52-week=DURATION:P52W"}},
		{"The former chairman resigned.", nil},
		{"Prices rose quarterly.", []string{"quarterly=SET:P3M"}},
		{"A quarterly dividend.", nil},
		{"He arrived on 3 March 2015 and left two days later.", []string{"3 March 2015=DATE:2015-03-03", "two days=DURATION:P2D"}},
		{"Sessions offered his resignation after weeks of talks.", []string{"weeks=DURATION:PXW"}},
		{"It happened nineteen ninety-four.", []string{"nineteen ninety-four=DATE:1994"}},
		// tense: "would", a scheduled present, "as early as", "has scheduled"
		{"He said the talks would start Friday.", []string{"Friday=DATE:2017-06-09"}},
		{"The talks will end in March, at the end of March.", []string{"March=DATE:2018-03", "the end of March=DATE:2018-03"}},
		{"Mugabe opens the conference on Friday.", []string{"Friday=DATE:2017-06-09"}},
		{"A deal could come as early as Tuesday.", []string{"Tuesday=DATE:2017-06-13"}},
		{"The firm has scheduled a news conference Thursday.", []string{"Thursday=DATE:2017-06-08"}},
		{"They were planning to march on Monday.", []string{"Monday=DATE:2017-06-12"}},
		{"It had been scheduled to open Monday.", []string{"Monday=DATE:2017-06-05"}},
		// a cue in the next quoted sentence does not decide the weekday
		{"Police arrested him Friday. ``He will be charged,'' they said.", []string{"Friday=DATE:2017-06-02"}},
		// a weak cue moves a month across the DCT only when it is far from it
		{"They are expected to join in January.", []string{"January=DATE:2018-01"}},
		{"The dividend is payable July 1, the company said.", []string{"July 1=DATE:2017-07-01"}},
		{"In October, the company reported a loss.", []string{"October=DATE:2016-10"}},
		// anaphora and year-ago comparisons
		{"Shares fell on May 5 and rose the following Monday.", []string{"May 5=DATE:2017-05-05", "the following Monday=DATE:2017-05-08"}},
		{"A hearing is set for the week of June 19.", []string{"the week of June 19=DATE:2017-W25"}},
		{"Net rose in the nine months, up from a year earlier.", []string{"the nine months=DURATION:P9M", "a year earlier=DATE:2016"}},
		{"Net rose in the third quarter, up from a year earlier.", []string{"the third quarter=DATE:2016-Q3", "a year earlier=DATE:2015-Q3"}},
		{"Sales for the last half of 1989 fell.", []string{"the last half of 1989=DATE:1989-H2"}},
		{"It took a couple of years.", []string{"a couple of years=DURATION:P2Y"}},
		{"Shares fell in mid-afternoon yesterday.", []string{"mid-afternoon yesterday=TIME:2017-06-06TAF"}},
		// words that look like cues but are none: "next to", the noun "plans
		// for", an infinitive after "to"
		{"Protests next to the embassy on Friday.", []string{"Friday=DATE:2017-06-02"}},
		{"On Friday, when she set aside vacation plans for the trip, the ban was lifted.", []string{"Friday=DATE:2017-06-02"}},
		{"Arafat and Netanyahu meet separately Monday with Albright.", []string{"Monday=DATE:2017-06-12"}},
		{"It is too slow to meet demand in January.", []string{"January=DATE:2017-01"}},
		// a preposition that places a month: a deadline ahead, a start behind;
		// "By February," opening a sentence tells how far things had got
		{"The bridge loan must be repaid by February.", []string{"February=DATE:2018-02"}},
		{"By February, the bank has lent $2 billion.", []string{"February=DATE:2017-02"}},
		{"Sales have fallen since October.", []string{"October=DATE:2016-10"}},
		// a full stop after a month spelled out ends the sentence, so the
		// next one's weekday is not ruled by this one's "will"
		{"They will join in April. On Monday, a summit.", []string{"April=DATE:2018-04", "Monday=DATE:2017-06-05"}},
		{"Eight trading days after the crash, prices recovered.", []string{"Eight trading days=DURATION:P8D"}},
		{"Spending will rise over the next couple of years.", []string{"the next couple of years=DURATION:P2Y"}},
		// an ordinal day, "this coming", "or so"
		{"The vote is this coming Sunday, June eleventh.", []string{"this coming Sunday, June eleventh=DATE:2017-06-11"}},
		{"We met this past Monday.", []string{"this past Monday=DATE:2017-06-05"}},
		{"It opened a year or so ago.", []string{"a year or so ago=DATE:2016"}},
		{"Its March first-quarter report.", []string{"March=DATE:2017-03", "first-quarter=DATE:2017-Q1"}},
		{"Its December third quarter was weak.", []string{"December=DATE:2016-12", "third quarter=DATE:2016-Q3"}},
		{"He hopes he will one day return; it took one day.", []string{"one day=DATE:FUTURE_REF", "one day=DURATION:P1D"}},
		// vetoed contexts
		{"The quarter-to-quarter comparison was weak.", nil},
		{"For Poland, high noon comes today.", []string{"today=DATE:2017-06-07"}},
		// bare plurals that are quantities, not spans
		{"It is a matter of days, and hundreds of years old.", nil},
		// titles, rates and bare hours are left untagged
		{`He spoke on ABC's "This Week" program, as China Daily reported.`, nil},
		{"Output rose 5 percent per year; they worked for hours.", nil},
		{"SALES FELL LAST WEEK", []string{"LAST WEEK=DATE:2017-W22"}},
		// a relative clause's verb does not date the month before it; an
		// -ed word after an article is an adjective; "believed to be" is
		// no plan
		{"Shares issued May 1, which will receive partial dividends, rose.", []string{"May 1=DATE:2017-05-01"}},
		{"It is payable on a still unspecified date in August.", []string{"August=DATE:2017-08"}},
		{"The quake was believed to be an aftershock of a quake on May 26.", []string{"May 26=DATE:2017-05-26"}},
		{"Rebels set a deadline starting Thursday.", []string{"Thursday=DATE:2017-06-08"}},
		{"The summit is this Christmas; last Christmas was quiet.", []string{"this Christmas=DATE:2017-12-25", "last Christmas=DATE:2016-12-25"}},
		{"He was sentenced in 1995 to 15 years.", []string{"1995=DATE:1995", "15 years=DURATION:P15Y"}},
	} {
		got := Tag(c.text, nil, dct)
		checkInvariants(t, c.text, got)
		var gs []string
		for _, x := range got {
			gs = append(gs, x.Text+"="+x.Type+":"+x.Value)
		}
		if strings.Join(gs, "|") != strings.Join(c.want, "|") {
			t.Errorf("Tag(%q)\n got %v\nwant %v", c.text, gs, c.want)
		}
	}
}

func TestTagUsesSentences(t *testing.T) {
	// With the sentence boundary given, the future tense of the first
	// sentence must not decide the weekday of the second.
	text := "He will go. Officials met Monday."
	got := Tag(text, []dateline.Span{{Start: 0, End: 11}, {Start: 12, End: len(text)}}, dct)
	if len(got) != 1 || got[0].Value != "2017-06-05" {
		t.Errorf("got %v, want Monday = 2017-06-05", got)
	}
}

func TestTagDeterministic(t *testing.T) {
	text := sampleText(t)
	a := Tag(text, nil, dct)
	for i := 0; i < 3; i++ {
		b := Tag(text, nil, dct)
		if len(a) != len(b) {
			t.Fatal("different number of expressions between runs")
		}
		for j := range a {
			if a[j] != b[j] {
				t.Fatalf("run %d differs at %d: %v vs %v", i, j, a[j], b[j])
			}
		}
	}
}

// TestTagLinear runs a megabyte line of digits and month names; it must
// finish (no timed assertion: speed is BenchmarkTagHostile's business).
func TestTagLinear(t *testing.T) {
	var b strings.Builder
	parts := []string{"1999 ", "June ", "7 ", "- ", "the ", "early ", "2017-06-07 ", "12:30 ", "a.m. ", "Monday ", "last ", "every ", "years ", "ago "}
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(parts[(i*7+i/3)%len(parts)])
	}
	text := b.String()
	got := Tag(text, nil, dct)
	checkInvariants(t, text, got)
	if len(got) == 0 {
		t.Error("nothing found in a megabyte of dates")
	}
}

// sampleText is the text of the TimeBank articles: real newswire, read from
// the shared data folder rather than copied into the repository.
func sampleText(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(shareddata.Path(tb, "data", "timeml", "timebank"), "*.tml"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no TimeBank files: %v", err)
	}
	var b strings.Builder
	for _, f := range files {
		d, err := timeml.ReadFile(context.Background(), f)
		if err != nil {
			tb.Fatal(err)
		}
		b.WriteString(d.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

func FuzzTag(f *testing.F) {
	f.Add("Trump on Monday derided the ban after weeks of talks.", int64(1496793600))
	f.Add("June 7, 2017 – the 1990s, '80s, 10:35 p.m. EST, 6/14/2017", int64(0))
	f.Add("nineteen ninety-four twenty-\xff four ’90s Ｍarch", int64(-1e12))
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		var d time.Time
		if sec != 0 {
			d = time.Unix(sec%(1<<40), 0).UTC()
		}
		checkInvariants(t, text, Tag(text, nil, d))
	})
}

func BenchmarkTag(b *testing.B) {
	text := sampleText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tag(text, nil, dct)
	}
}

func BenchmarkTagHostile(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("June 7 1999 - the early 2017-06-07 12:30 a.m. Monday last every years ago ")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tag(text, nil, dct)
	}
}

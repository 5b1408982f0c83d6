package timeline

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/timex"
)

func mustDay(s string) time.Time {
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// article builds an analysed article: one sentence a line, time
// expressions from the real tagger anchored on the publication date.
func article(id, source, published string, lines ...string) dateline.Article {
	text := strings.Join(lines, "\n")
	a := dateline.Article{Document: dateline.Document{ID: id, Source: source, Published: mustDay(published), Text: text}}
	start := 0
	for _, l := range lines {
		a.Sentences = append(a.Sentences, dateline.Span{Start: start, End: start + len(l)})
		start += len(l) + 1
	}
	a.Timexes = timex.Tag(text, a.Sentences, a.Published)
	return a
}

func corpus() []dateline.Article {
	return []dateline.Article{
		article("a1", "wire", "2021-03-20",
			"The dam on the Kela river collapsed on March 2 , flooding three villages downstream .",
			"Engineers had warned for years that the dam walls were cracking badly .",
			"Relief convoys are still struggling to reach the flooded villages near the river ."),
		article("a2", "daily", "2021-03-22",
			"Since the Kela dam collapse on March 2 , more than forty thousand residents have been displaced from their homes .",
			"Officials said reconstruction of the dam would take at least two years of work ."),
		article("a3", "gazette", "2021-03-25",
			"The Kela dam failed on March 2 after days of heavy rain swelled the reservoir behind it .",
			"An inquiry into the dam collapse opened in the capital on Thursday with testimony from engineers ."),
		article("a4", "wire", "2021-03-25",
			"Residents returned to the flooded villages to find their houses buried under thick river mud .",
			"The government promised new homes for families displaced by the Kela dam flood ."),
	}
}

func TestPastReferenceLandsOnItsOwnDate(t *testing.T) {
	tl := Build(Query{Text: "Kela dam", Dates: 2, PerDate: 1}, corpus())
	var dates []string
	for _, d := range tl.Dates {
		dates = append(dates, d.Date)
	}
	if len(dates) == 0 || dates[0] != "2021-03-02" {
		t.Fatalf("dates = %v, want the collapse day 2021-03-02 first", dates)
	}
	first := tl.Dates[0]
	// Three articles, published weeks later, refer to March 2; none was
	// published on it.
	if first.Articles != 3 {
		t.Errorf("2021-03-02 covered by %d articles, want 3", first.Articles)
	}
	s := first.Sentences[0]
	if !strings.Contains(s.Text, "March 2") {
		t.Errorf("2021-03-02 says %q, want a sentence that names the day", s.Text)
	}
	if len(s.Citations) == 0 || s.Citations[0].Published == "2021-03-02" {
		t.Errorf("citations %+v: want the later article the sentence came from", s.Citations)
	}
	for _, d := range tl.Dates[1:] {
		for _, s := range d.Sentences {
			if strings.Contains(s.Text, "March 2") {
				t.Errorf("%s repeats the March 2 event: %q", d.Date, s.Text)
			}
		}
	}
}

func TestBuildIsDeterministicAndOrderFree(t *testing.T) {
	arts := corpus()
	a := Build(Query{Text: "dam"}, arts)
	rev := make([]dateline.Article, len(arts))
	for i := range arts {
		rev[len(arts)-1-i] = arts[i]
	}
	b := Build(Query{Text: "dam"}, rev)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("input order changed the timeline:\n%+v\n%+v", a, b)
	}
	if len(a.Dates) == 0 {
		t.Fatal("no dates chosen from the data")
	}
	for i := 1; i < len(a.Dates); i++ {
		if a.Dates[i-1].Date >= a.Dates[i].Date {
			t.Errorf("dates out of order: %s then %s", a.Dates[i-1].Date, a.Dates[i].Date)
		}
	}
}

func TestBuildWithoutAnalysis(t *testing.T) {
	// No sentences, no time expressions: lines are sentences and the
	// publication days are the only dates.
	arts := corpus()
	for i := range arts {
		arts[i].Analysis = dateline.Analysis{}
	}
	tl := Build(Query{Text: "dam", Dates: 2, PerDate: 1}, arts)
	if len(tl.Dates) != 2 {
		t.Fatalf("got %d dates, want 2", len(tl.Dates))
	}
	for _, d := range tl.Dates {
		if d.Date == "2021-03-02" {
			t.Errorf("without time expressions nothing can point at 2021-03-02")
		}
		for _, s := range d.Sentences {
			if len(s.Citations) == 0 || s.Citations[0].ArticleID == "" {
				t.Errorf("%s: sentence %q cites nothing", d.Date, s.Text)
			}
		}
	}
}

func TestRangeAndEmptyInput(t *testing.T) {
	if tl := Build(Query{Text: "dam"}, nil); len(tl.Dates) != 0 {
		t.Errorf("empty input gave %d dates", len(tl.Dates))
	}
	tl := Build(Query{Text: "dam", From: mustDay("2021-03-24"), To: mustDay("2021-03-31")}, corpus())
	for _, d := range tl.Dates {
		if d.Date < "2021-03-24" || d.Date > "2021-03-31" {
			t.Errorf("date %s outside the asked range", d.Date)
		}
	}
}

func TestTrimDateline(t *testing.T) {
	cases := []struct{ in, want string }{
		{"MEXICO CITY | Mon Apr 27 , 2009 3:10 am BST MEXICO CITY -LRB- Reuters -RRB- - Fears of a global flu pandemic grew .", "Fears of a global flu pandemic grew ."},
		{"GENEVA (Reuters) - The WHO raised its alert level to five on Wednesday .", "The WHO raised its alert level to five on Wednesday ."},
		{"The minister (who resigned in May) - and his deputy - were both absent .", "The minister (who resigned in May) - and his deputy - were both absent ."},
	}
	for _, c := range cases {
		if got := c.in[trimDateline(c.in):]; got != c.want {
			t.Errorf("trimDateline(%q) leaves %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzBuild(f *testing.F) {
	f.Add("The dam collapsed on March 2 .\nRelief is slow .", "dam", int64(0))
	f.Add("(Reuters) - x\n\n\n", "", int64(5))
	f.Fuzz(func(t *testing.T, text, query string, shift int64) {
		a := dateline.Article{Document: dateline.Document{ID: "x", Published: mustDay("2021-03-20").AddDate(0, 0, int(shift%1000)), Text: text}}
		a.Timexes = timex.Tag(text, nil, a.Published)
		tl := Build(Query{Text: query}, []dateline.Article{a, a})
		for _, d := range tl.Dates {
			if _, err := time.Parse(dateline.DateLayout, d.Date); err != nil {
				t.Errorf("bad date %q", d.Date)
			}
		}
	})
}

func TestUsable(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"BP tries to plug the leak Friday 14 May 2010 15.35 BST A boat loaded with oil boom barriers .", false},
		{"MEXICO CITY | Mon Apr 27 , 2009 3:10 am EDT Fears grew .", false},
		{"How serious a threat does the disease pose to us all ?", false},
		{"Photograph : AP Nine new cases of swine flu were confirmed .", false},
		{"The Coast Guard said 5,000 barrels a day were leaking at 10.30 in the morning .", true},
		{"The first UK cases of swine flu were confirmed in Scotland .", true},
	}
	for _, c := range cases {
		if got := usable(c.in); got != c.want {
			t.Errorf("usable(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestOpensWith(t *testing.T) {
	cases := []struct {
		s    string
		off  int
		want bool
	}{
		{"May 19 - The first heavy oil sloshes ashore .", 0, true},
		{"On April 28 , the Coast Guard announced the estimate .", 3, true},
		{"The rig exploded on April 20 and sank .", 19, false},
	}
	for _, c := range cases {
		if got := opensWith(c.s, c.off); got != c.want {
			t.Errorf("opensWith(%q, %d) = %v, want %v", c.s, c.off, got, c.want)
		}
	}
}

// TestLeadPreferred checks that a day's summary comes from its articles'
// opening sentences when they match the query, and from later lead
// sentences only when nothing earlier does.
func TestLeadPreferred(t *testing.T) {
	filler := "Markets in the region were quiet ahead of the holiday weekend ."
	third := "The Kela dam inquiry heard engineers describe cracks in the walls ."
	tests := []struct {
		name      string
		preferred int
		openings  []string // each article's first line; its third is always `third`
		want      string
	}{
		{
			name:      "an opening sentence wins over the day's consensus in third place",
			preferred: 2,
			openings: []string{
				"Kela dam survivors marched to parliament demanding compensation .",
				"The Kela dam operator filed for bankruptcy protection on Tuesday .",
				"Divers recovered two more bodies near the Kela dam spillway .",
			},
			want: "Kela dam survivors marched to parliament demanding compensation .",
		},
		{
			name:      "without the preference the consensus sentence wins",
			preferred: 0,
			openings: []string{
				"Kela dam survivors marched to parliament demanding compensation .",
				"The Kela dam operator filed for bankruptcy protection on Tuesday .",
				"Divers recovered two more bodies near the Kela dam spillway .",
			},
			want: third,
		},
		{
			name:      "a third sentence stands in when no opening matches the query",
			preferred: 2,
			openings:  []string{"Traffic on the coastal road was heavy again this morning ."},
			want:      third,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []dateline.Article
			for i, o := range tc.openings {
				arts = append(arts, article(fmt.Sprintf("b%d", i), "wire", "2021-04-06", o, filler, third))
			}
			p := DefaultParams()
			p.LeadPreferred = tc.preferred
			tl := BuildSource(Query{Text: "Kela dam", Dates: 1, PerDate: 1}, arts, p)
			if len(tl.Dates) != 1 || len(tl.Dates[0].Sentences) != 1 {
				t.Fatalf("timeline %+v: want one date with one sentence", tl.Dates)
			}
			got := tl.Dates[0].Sentences[0].Text
			if tc.want == third && got != third || tc.want != third && got == third {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFutureRef(t *testing.T) {
	arts := []dateline.Article{
		article("x1", "wire", "2021-05-03", "The Kela dam council will vote on the rebuilding plan on Friday ."),
		article("w1", "daily", "2021-05-05", "Kela dam engineers inspected the cracked spillway for a second day ."),
		article("v1", "gazette", "2021-05-07", "The Kela dam council approved the rebuilding plan by a wide margin ."),
	}
	for _, tc := range []struct {
		weight float64
		want   string
	}{
		{0, "2021-05-03"},   // three days of one publication each: the earliest wins the tie
		{0.1, "2021-05-07"}, // the vote announced ahead lifts its day
	} {
		p := DefaultParams()
		p.FutureRef = tc.weight
		tl := BuildSource(Query{Text: "Kela dam", Dates: 1, PerDate: 1}, arts, p)
		if len(tl.Dates) != 1 || tl.Dates[0].Date != tc.want {
			t.Errorf("FutureRef %v: dates %+v, want only %s", tc.weight, tl.Dates, tc.want)
		}
	}
	// Naming a day ahead lifts it but never speaks for it: the plan is not
	// what happened.
	tl := BuildSource(Query{Text: "Kela dam", Dates: 3, PerDate: 2}, arts, DefaultParams())
	for _, d := range tl.Dates {
		for _, s := range d.Sentences {
			if d.Date == "2021-05-07" && strings.Contains(s.Text, "will vote") {
				t.Errorf("2021-05-07 is described by the announcement %q", s.Text)
			}
		}
	}
}

// Asked for more dates than the query's own sentences cover, the timeline
// fills the rest from the salient days' other sentences, only then, and
// only from articles that match the query.
func TestFillToRequestedDates(t *testing.T) {
	arts := []dateline.Article{
		article("a1", "wire", "2021-05-03", "The Kela dam council met to discuss the cracked spillway ."),
		article("a2", "daily", "2021-05-04", "Engineers from the regional authority inspected the spillway for a second day .",
			"The Kela dam council had met on May 3 to hear their first report ."),
		article("a3", "gazette", "2021-05-06", "The Kela dam council approved the rebuilding plan by a wide margin ."),
		article("a4", "post", "2021-05-05", "The city library reopened after a two-year renovation of its reading rooms ."),
	}
	for _, tc := range []struct {
		dates int
		want  []string
	}{
		{2, []string{"2021-05-03", "2021-05-06"}},               // the query's days suffice
		{3, []string{"2021-05-03", "2021-05-04", "2021-05-06"}}, // the third comes from the fill
		{4, []string{"2021-05-03", "2021-05-04", "2021-05-06"}}, // never from the library story
	} {
		tl := BuildSource(Query{Text: "Kela dam", Dates: tc.dates, PerDate: 1}, arts, DefaultParams())
		var got []string
		for _, d := range tl.Dates {
			got = append(got, d.Date)
			for _, s := range d.Sentences {
				if strings.Contains(s.Text, "library") {
					t.Errorf("Dates %d: %s is told by the library story: %q", tc.dates, d.Date, s.Text)
				}
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Dates %d: got %v, want %v", tc.dates, got, tc.want)
		}
	}
}

// TestEntityMentionsByGroupNames: an entity's mentions are those of any
// name its group goes by (EntityStat.Names), not only its display name.
func TestEntityMentionsByGroupNames(t *testing.T) {
	a := &dateline.Article{Analysis: dateline.Analysis{Mentions: []dateline.Mention{
		{Start: 0, End: 5, Entity: "Obama"},
		{Start: 10, End: 24, Entity: "Michelle Obama"},
		{Start: 30, End: 42, Entity: "barack obama"},
	}}}
	for _, tt := range []struct {
		names []string
		want  []dateline.Span
	}{
		{nil, []dateline.Span{{Start: 30, End: 42}}},
		{[]string{"Barack Obama", "Obama"}, []dateline.Span{{Start: 0, End: 5}, {Start: 30, End: 42}}},
	} {
		if got := entityMentions(a, "Barack Obama", tt.names); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("names %q: spans %v, want %v", tt.names, got, tt.want)
		}
	}
}

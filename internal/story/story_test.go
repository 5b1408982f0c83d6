package story

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
)

// Two invented events of one kind (two floods) and an unrelated story, so
// the tests can check that coverage of one event groups, the other event
// stays apart, and a copy folds in without weighing.
var corpus = []struct{ id, day, source, title, text string }{
	{"f1", "2017-03-01", "a", "River Tarn floods Millau", "The river Tarn burst its banks in Millau on Tuesday, flooding the old town and forcing the mayor, Claire Fabre, to evacuate two schools. Firefighters rescued residents from rooftops near the Millau bridge."},
	{"f2", "2017-03-01", "b", "Millau under water", "Floodwater from the Tarn covered the streets of Millau. Mayor Claire Fabre said the evacuation of the schools went calmly and firefighters were still pumping water from the old town near the bridge."},
	{"f3", "2017-03-02", "c", "", "In Millau the Tarn began to recede on Wednesday. Claire Fabre, the mayor, thanked the firefighters and said the old town schools would reopen after the cleanup of mud left by the river."},
	{"g1", "2017-03-02", "a", "Loire floods Saumur", "The Loire rose two metres overnight at Saumur, flooding the quays and the campsite on the island. The prefect, Henri Morel, closed the Cessart bridge and sent army trucks to move caravans off the island."},
	{"g2", "2017-03-03", "b", "Saumur quays flooded", "Army trucks moved caravans from the island campsite at Saumur as the Loire flooded the quays. Prefect Henri Morel kept the Cessart bridge closed while engineers checked its piers."},
	{"g3", "2017-03-03", "d", "", "At Saumur the Loire peaked on Friday. Henri Morel, the prefect, said the Cessart bridge would stay closed through the weekend and the island campsite would not reopen this season."},
	{"m1", "2017-03-02", "e", "Chip maker Veltron posts record profit", "Veltron, the semiconductor company, reported record quarterly profit on strong demand for memory chips from data centres. Its chief executive Ada Brandt raised the forecast for the year and announced a share buyback."},
}

func corpusArticles() []dateline.Article {
	var out []dateline.Article
	for _, c := range corpus {
		a := dateline.Article{}
		a.ID, a.Source, a.Title, a.Text = c.id, c.source, c.title, c.text
		a.Published, _ = time.Parse(dateline.DateLayout, c.day)
		out = append(out, a)
	}
	return out
}

func groups(m map[string]string) string {
	by := map[string][]string{}
	for id, s := range m {
		by[s] = append(by[s], id)
	}
	var gs []string
	for _, ids := range by {
		sortStrings(ids)
		gs = append(gs, strings.Join(ids, ","))
	}
	sortStrings(gs)
	return strings.Join(gs, " | ")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestBatchSmallCorpus(t *testing.T) {
	arts := corpusArticles()
	copyOf := arts[0]
	copyOf.ID, copyOf.Source, copyOf.DuplicateOf = "f1-copy", "z", "f1"
	arts = append(arts, copyOf)
	as, stories := Batch(arts, Options{})
	got := groups(partition(as))
	want := "f1,f1-copy,f2,f3 | g1,g2,g3 | m1"
	if got != want {
		t.Fatalf("Batch groups = %s, want %s", got, want)
	}
	for _, a := range as {
		if a.ArticleID == "f1-copy" && a.DuplicateOf != "f1" {
			t.Errorf("copy assignment %+v lost its DuplicateOf", a)
		}
	}
	// The story IDs come from the earliest article, the counts from every
	// member, copies included.
	byID := map[string]dateline.Story{}
	for _, s := range stories {
		byID[s.ID] = s
	}
	flood := byID[StoryID("f1")]
	if flood.Articles != 4 || flood.Outlets != 4 || flood.First.Format(dateline.DateLayout) != "2017-03-01" || flood.Last.Format(dateline.DateLayout) != "2017-03-02" || flood.Label == "" {
		t.Errorf("flood story = %+v", flood)
	}
	if _, ok := byID[StoryID("g1")]; !ok {
		t.Errorf("no story named after g1 in %v", stories)
	}
	// Any input order gives the same result.
	rev := append([]dateline.Article(nil), arts...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	as2, stories2 := Batch(rev, Options{})
	if fmt.Sprint(as2) != fmt.Sprint(as) || fmt.Sprint(stories2) != fmt.Sprint(stories) {
		t.Errorf("Batch depends on input order:\n%v\n%v", as, as2)
	}
}

func TestOnline(t *testing.T) {
	arts := corpusArticles()
	c := NewClusterer(Options{})
	sys := online(c, arts)
	if got, want := groups(sys), "f1,f2,f3 | g1,g2,g3 | m1"; got != want {
		t.Errorf("online groups = %s, want %s", got, want)
	}
	stories := c.Stories()
	if len(stories) != 3 {
		t.Errorf("Stories() = %v, want 3", stories)
	}
	if again := c.Stories(); len(again) != 0 {
		t.Errorf("second Stories() = %v, want nothing new", again)
	}
	// A copy joins its original's story and is reported with its link.
	cp := arts[3]
	cp.ID, cp.DuplicateOf = "g1-copy", "g1"
	id, ch := c.Assign(&cp)
	if id != sys["g1"] || len(ch) != 1 || ch[0].DuplicateOf != "g1" {
		t.Errorf("copy: story %s changes %v; want %s", id, ch, sys["g1"])
	}
	st := c.Stories()
	if len(st) != 1 || st[0].Articles != 4 || st[0].Outlets != 3 {
		t.Errorf("after the copy Stories() = %+v", st)
	}
	// Re-assigning a held ID changes nothing.
	if id, ch := c.Assign(&arts[0]); id != sys["f1"] || ch != nil {
		t.Errorf("re-assign: %s %v", id, ch)
	}
}

func TestOnlineMergeReportsAbsorbedStory(t *testing.T) {
	// Two articles that share little found two stories; a third that
	// bridges them joins one and pulls the other in.
	mk := func(id, day, text string) dateline.Article {
		a := dateline.Article{}
		a.ID, a.Text = id, text
		a.Published, _ = time.Parse(dateline.DateLayout, day)
		return a
	}
	arts := []dateline.Article{
		mk("a", "2017-05-01", "Quarry blast Rennick village windows shattered Rennick quarry operator Dovecote Aggregates"),
		mk("b", "2017-05-01", "Dovecote Aggregates licence suspended inspectors Rennick quarry blast windows"),
		mk("c", "2017-05-02", "Rennick quarry blast Dovecote Aggregates licence suspended windows shattered village inspectors"),
	}
	c := NewClusterer(Options{})
	sys := online(c, arts)
	if sys["a"] != sys["b"] || sys["b"] != sys["c"] {
		t.Fatalf("stories %v, want one", sys)
	}
	c.Settle()
	for _, s := range c.Stories() {
		if s.Articles == 0 && s.ID == sys["a"] {
			t.Errorf("the surviving story %s was reported as gone", s.ID)
		}
	}
}

func TestWindowBoundsMemory(t *testing.T) {
	c := NewClusterer(Options{Window: 48 * time.Hour})
	day := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 60; i++ {
		a := dateline.Article{}
		a.ID = fmt.Sprint("d", i)
		a.Published = day.AddDate(0, 0, i/3)
		a.Text = fmt.Sprintf("Report number %d about harbour works in Portnell and the ferry timetable change %d", i, i/3)
		c.Assign(&a)
	}
	// Three a day, a two-day window: at most the last three days are held.
	if c.Len() > 9 {
		t.Errorf("Len = %d after 20 days at 3 a day with a 2-day window", c.Len())
	}
	if len(c.v.df) == 0 || c.v.n != c.Len() {
		t.Errorf("document frequencies count %d articles, %d held", c.v.n, c.Len())
	}
	capped := NewClusterer(Options{MaxDocs: 5})
	for i := 0; i < 20; i++ {
		a := dateline.Article{}
		a.ID = fmt.Sprint("u", i)
		a.Text = fmt.Sprint("undated note ", i, " on the harbour")
		capped.Assign(&a)
	}
	if capped.Len() > 5 {
		t.Errorf("Len = %d with MaxDocs 5", capped.Len())
	}
}

func TestTokenizer(t *testing.T) {
	var tk tokenizer
	var got []string
	tk.each("The Earthquakes' injuries -LRB- AP -RRB- in Zürich, 2008.", func(b []byte, _ uint32, proper bool) {
		got = append(got, fmt.Sprintf("%s:%v", b, proper))
	})
	want := "[earthquake:true injury:false ap:true zürich:true 2008:false]"
	if fmt.Sprint(got) != want {
		t.Errorf("terms = %v, want %s", got, want)
	}
}

func FuzzTokenizer(f *testing.F) {
	f.Add("The Earthquakes' injuries -LRB- AP -RRB- in Zürich, 2008.")
	f.Add("\xff\xfe ies ss s")
	f.Fuzz(func(t *testing.T, s string) {
		var tk tokenizer
		n := 0
		tk.each(s, func(b []byte, h uint32, _ bool) {
			if len(b) == 0 {
				t.Fatalf("empty term from %q", s)
			}
			if h != hashTerm(b) {
				t.Fatalf("term %q from %q hashed %x, want %x", b, s, h, hashTerm(b))
			}
			n++
		})
		if got, want := fastTerms(s), refTerms(s); got != want {
			t.Fatalf("terms of %q = %s, reference %s", s, got, want)
		}
		if n > len(s) {
			t.Fatalf("%d terms from %d bytes", n, len(s))
		}
		a := dateline.Article{}
		a.ID, a.Text = "x", s
		c := NewClusterer(Options{})
		c.Assign(&a)
		b := a
		b.ID = "y"
		c.Assign(&b)
		c.Settle()
		c.Stories()
	})
}

// TestRestoreKeepsStoredIDs warms a clusterer from "stored" articles as a
// restarted pipeline does: their story IDs survive a Settle, and a new
// article on the same story joins the stored ID.
func TestRestoreKeepsStoredIDs(t *testing.T) {
	arts := corpusArticles()
	c := NewClusterer(Options{})
	for i := range arts {
		a := arts[i]
		switch {
		case strings.HasPrefix(a.ID, "f"):
			a.Story = "stored-flood"
		case strings.HasPrefix(a.ID, "g"):
			a.Story = "stored-loire"
		default:
			a.Story = "stored-chips"
		}
		c.Restore(&a)
	}
	if c.Pending() != 0 {
		t.Errorf("Pending = %d after Restore only", c.Pending())
	}
	next := arts[1]
	next.ID = "f4"
	next.Text = "The Tarn fell back below its banks at Millau on Thursday and mayor Claire Fabre reopened the old town schools near the bridge."
	next.Published = next.Published.AddDate(0, 0, 2)
	id, _ := c.Assign(&next)
	if id != "stored-flood" {
		t.Errorf("new flood article joined %q, want stored-flood", id)
	}
	for _, a := range c.Settle() {
		if !strings.HasPrefix(a.Story, "stored-") {
			t.Errorf("Settle renamed %s to %s", a.ArticleID, a.Story)
		}
	}
}

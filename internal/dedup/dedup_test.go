package dedup

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

func words(text string) []uint64 {
	var hs []uint64
	Words(text, 0, func(h uint64) { hs = append(hs, h) })
	return hs
}

func TestWordsEquivalence(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"ptb quotes and clitics", "The president 's aide said `` we do n't know . ''", `The President's aide said "we don't know."`, true},
		{"ptb brackets", "NEW ORLEANS -LRB- AP -RRB- -- The judge ruled", "NEW ORLEANS (AP) — The judge ruled", true},
		{"curly apostrophe", "It’s the company’s plan", "it's the company's plan", true},
		{"case and spacing", "Oil  Spill\tin the GULF", "oil spill in the gulf", true},
		{"different words", "the oil spill", "the oil well", false},
		{"byline dropped", "By Jane Doe\nThe storm hit the coast.", "The storm hit the coast.", true},
		{"newsletter dropped", "The storm hit the coast.\nSign up for our daily newsletter!", "The storm hit the coast.", true},
		{"ptb credit dropped", "The storm hit the coast .\n-LRB- Reporting by Jane Doe ; Editing by John Roe -RRB-", "The storm hit the coast.", true},
		{"long sentence with by kept", "By the time the rescue teams arrived at the flooded village on Tuesday morning the water had risen", "the time the rescue teams arrived at the flooded village on Tuesday morning the water had risen", false},
		{"unicode letters", "Zürich ÉTÉ", "zürich été", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := words(tt.a), words(tt.b)
			same := fmt.Sprint(a) == fmt.Sprint(b)
			if same != tt.same {
				t.Errorf("Words(%q) = %d words, Words(%q) = %d words; same = %v, want %v", tt.a, len(a), tt.b, len(b), same, tt.same)
			}
		})
	}
}

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"By Jane Doe, Reuters", true},
		{"Read more: the full story", true},
		{"Copyright 2017 The Associated Press. All rights reserved.", true},
		{"-LRB- Reporting by Jane Doe -RRB-", true},
		{"Sign up for our morning newsletter", true},
		{"The minister said the newsletter was not the issue.", true}, // short and says "newsletter": a harmless loss
		{"The minister said the plan would go ahead despite the protests in the capital.", false},
		{"By the time the rescue teams arrived at the flooded village, the water had risen", false},
		{"", false},
		{strings.Repeat("word ", 40) + "newsletter", false},
	}
	for _, tt := range tests {
		if got := Boilerplate(tt.line); got != tt.want {
			t.Errorf("Boilerplate(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

const original = `The city council voted on Tuesday to close the old water treatment plant on the river by the end of next year, after inspectors found cracks in two of its three filtration tanks.
The plant, built in 1962, supplies about a third of the city's drinking water. Council members said a new plant on the northern edge of the city would take over its load.
"We cannot keep patching a building that is older than most of the people who work in it," said council member Ana Ruiz, who proposed the measure.
The vote was seven to two. The two members who voted against it said the cost of the new plant, estimated at 240 million dollars, had not been explained to residents.
Residents in the southern districts have complained for years about the taste and colour of their tap water, and a local group collected more than 12,000 signatures last spring asking for the plant to be replaced.
The utility said water bills would rise by about four percent a year for five years to pay for the project, and that no interruption of supply was expected during the change.
Engineers will begin moving the first pumps in March, the utility said, and the old tanks will be drained and demolished once the new plant has run for six months without problems.`

const otherSameEvent = `Councillors backed a plan to shut the ageing riverside water works, ending six decades of service at a site that inspectors recently criticised.
Seven councillors supported the closure while two opposed it, warning that families would bear the price of a replacement facility in the north.
Ana Ruiz, who tabled the motion, described the building as beyond repair and said patch-up jobs had become a waste of public money.
A neighbourhood association that has campaigned over discoloured tap water welcomed the decision but said it would watch the bills closely.
The water company expects to raise charges gradually over five years and says households will not notice the switch-over.
Work on moving equipment is due to start in the spring.`

func art(id, day, text string) *dateline.Article {
	a := &dateline.Article{}
	a.ID = id
	a.Text = text
	if day != "" {
		a.Published, _ = time.Parse(dateline.DateLayout, day)
	}
	return a
}

func truncate(s string, frac float64) string {
	w := strings.Fields(s)
	return strings.Join(w[:int(float64(len(w))*frac)], " ")
}

func TestCheck(t *testing.T) {
	reworded := strings.NewReplacer("voted", "decided", "found", "discovered", "supplies", "provides", "said", "stated", "complained", "grumbled").Replace(original)
	tests := []struct {
		name string
		copy string
		dup  bool
	}{
		{"exact", original, true},
		{"new headline", "Council to shut old water plant\n" + original, true},
		{"boilerplate", "By Staff Reporter\n" + original + "\nRead more: city news\nSign up for our newsletter\nCopyright 2017 The Daily. All rights reserved.", true},
		{"truncated to 60%", truncate(original, 0.6), true},
		{"truncated to 40%", truncate(original, 0.4), true},
		{"light rewording", reworded, true},
		{"ptb tokenised", strings.NewReplacer(`"`, "``", "city's", "city 's", ",", " ,", ".", " .").Replace(original), true},
		{"other article on the same event", otherSameEvent, false},
		{"too short to judge", "The council voted.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			if r := ix.Check(art("orig", "2017-06-06", original)); r.Original != "" || len(r.Relinked) > 0 {
				t.Fatalf("first article: %+v, want no match", r)
			}
			r := ix.Check(art("copy", "2017-06-07", tt.copy))
			if got := r.Original == "orig"; got != tt.dup {
				t.Errorf("Check = %+v; copy = %v, want %v", r, got, tt.dup)
			}
		})
	}
}

func TestCheckRelinksLateOriginal(t *testing.T) {
	ix := NewIndex(Options{})
	ix.Check(art("copy-b", "2017-06-08", "By Staff\n"+original))
	if r := ix.Check(art("copy-a", "2017-06-07", truncate(original, 0.7))); r.Original != "" || fmt.Sprint(r.Relinked) != "[copy-b]" {
		t.Fatalf("earlier truncated copy: %+v, want it to become the original of copy-b", r)
	}
	r := ix.Check(art("orig", "2017-06-06", original))
	if r.Original != "" || fmt.Sprint(r.Relinked) != "[copy-a copy-b]" {
		t.Fatalf("late original: %+v, want Relinked [copy-a copy-b]", r)
	}
	// Same day: the longer text is the original.
	r = ix.Check(art("short", "2017-06-06", truncate(original, 0.8)))
	if r.Original != "orig" {
		t.Errorf("same-day shorter copy: %+v, want Original orig", r)
	}
	// Checking a held ID again changes nothing.
	if r := ix.Check(art("copy-b", "2017-06-08", "anything")); r.Original != "orig" {
		t.Errorf("re-check: %+v, want Original orig", r)
	}
}

func TestCheckUndatedOrder(t *testing.T) {
	ix := NewIndex(Options{})
	ix.Check(art("undated", "", original))
	r := ix.Check(art("dated", "2017-06-09", truncate(original, 0.9)))
	if r.Original != "" || fmt.Sprint(r.Relinked) != "[undated]" {
		t.Errorf("dated copy after undated one: %+v; a dated article should become the original", r)
	}
}

func TestWindowEviction(t *testing.T) {
	ix := NewIndex(Options{Window: 7 * 24 * time.Hour})
	ix.Check(art("old", "2017-01-01", original))
	ix.Check(art("unrelated", "2017-03-01", otherSameEvent))
	if ix.Len() != 1 {
		t.Fatalf("Len = %d after the clock moved two months, want 1", ix.Len())
	}
	if r := ix.Check(art("late-copy", "2017-03-02", original)); r.Original != "" {
		t.Errorf("copy of an evicted article: %+v, want no match", r)
	}
	capped := NewIndex(Options{MaxDocs: 2})
	for i := 0; i < 5; i++ {
		capped.Check(art(fmt.Sprint("u", i), "", fmt.Sprintf("%s %d", otherSameEvent, i)))
	}
	if capped.Len() != 2 {
		t.Errorf("Len = %d with MaxDocs 2", capped.Len())
	}
}

func TestEmptyAndTiny(t *testing.T) {
	ix := NewIndex(Options{})
	for _, txt := range []string{"", "   ", "-LRB- -RRB-", "a b", "a b"} {
		r := ix.Check(art("x"+txt, "2017-01-01", txt))
		if len(r.Relinked) > 0 {
			t.Errorf("%q: %+v", txt, r)
		}
	}
	// Two identical short texts are exact copies even without a sketch.
	ix.Check(art("s1", "2017-01-01", "Markets closed higher on Friday."))
	if r := ix.Check(art("s2", "2017-01-02", "Markets closed higher on Friday .")); r.Original != "s1" {
		t.Errorf("identical short text: %+v, want Original s1", r)
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{original, "do n't 's ' '' `` -LRB- x -RRB-", "By a\nRead more", "\xff\xfe'", "’’’ n’t", "a'b'c' 'd", "-LRB-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Words(s, 0, func(uint64) {})
		if n > utf8.RuneCountInString(s) {
			t.Fatalf("%d words from %d runes", n, utf8.RuneCountInString(s))
		}
		if m := Words(s, 3, func(uint64) {}); m > 3 || m > n {
			t.Fatalf("maxWords 3 gave %d (all: %d)", m, n)
		}
		// A text is always an exact copy of itself, and checking never panics.
		ix := NewIndex(Options{})
		ix.Check(art("a", "2017-01-01", s))
		r := ix.Check(art("b", "2017-01-02", s))
		if n > 0 && r.Original != "a" {
			t.Fatalf("identical text not matched: %+v", r)
		}
	})
}

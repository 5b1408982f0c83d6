package attrib

import (
	"reflect"
	"testing"

	"github.com/datelinehq/dateline/internal/sentence"
)

// sideReadings runs Find on text with the side hook set and returns, for
// each cue that has a reading on the other side, the cue and the two
// contents' text (the rules' reading first).
func sideReadings(text string) [][3]string {
	var out [][3]string
	sideHook = func(_ []uint64, s, e int, def, alt bspan) {
		out = append(out, [3]string{text[s:e], text[def.s:def.e], text[alt.s:alt.e]})
	}
	defer func() { sideHook = nil }()
	Find(text, sentence.Split(text), nil)
	return out
}

// TestSideReadings checks which cues get a second reading and where its
// content lies, and that the shipped side model keeps the right one of
// the two in plain cases.
func TestSideReadings(t *testing.T) {
	for _, c := range []struct {
		text     string
		readings [][3]string
		content  string // the content Find settles on for the first cue, if given
	}{
		{
			// a content never opens with the semicolon that closes the
			// clause, so the reading after "said" is not offered
			text:    "The union proposed raises of 20% over four years, down from 24%, the person said; Kestrel did not respond with a counteroffer.",
			content: "The union proposed raises of 20% over four years, down from 24%",
		},
		{
			text:     "In an interview, Deacon said the plan would fail.",
			readings: [][3]string{{"said", "the plan would fail", "In an interview"}},
			content:  "the plan would fail",
		},
		{
			text:     "“We will win,” Trump said at a rally in Ohio.",
			readings: [][3]string{{"said", "“We will win,”", "at a rally in Ohio"}},
			content:  "“We will win,”",
		},
		{
			// an inverted source: the other reading has the words after
			// the cue for content, and the sentence's subject (none
			// here) for source
			text:     "“We will win,” said Trump.",
			readings: [][3]string{{"said", "“We will win,”", "Trump"}},
			content:  "“We will win,”",
		},
		{
			text:     "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the Khan family deserved better.",
			readings: [][3]string{{"said", "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump", "the Khan family deserved better"}},
		},
		{
			text:    "Politico reports that Sessions offered his resignation.",
			content: "that Sessions offered his resignation",
		},
	} {
		if got := sideReadings(c.text); !reflect.DeepEqual(got, c.readings) {
			t.Errorf("%q: readings %q, want %q", c.text, got, c.readings)
		}
		as := Find(c.text, sentence.Split(c.text), nil)
		if len(as) == 0 {
			t.Errorf("%q: no attribution", c.text)
			continue
		}
		if c.content != "" && as[0].Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, as[0].Content.Text, c.content)
		}
	}
}

package timeline

import (
	"strings"
	"testing"
)

func TestCompress(t *testing.T) {
	cases := []struct {
		name     string
		rules    uint
		in, want string
	}{
		{"date stamp with a dash", CutLeadDate, "April 22 - The Deepwater Horizon rig sinks and a 5-mile oil slick forms .", "The Deepwater Horizon rig sinks and a 5-mile oil slick forms ."},
		{"on and a day-first date", CutLeadDate, "On 20 April , the Deepwater Horizon drilling rig exploded in the Gulf .", "the Deepwater Horizon drilling rig exploded in the Gulf ."},
		{"date with year", CutLeadDate, "April 20 , 2010 - Explosion and fire on Transocean Ltd 's drilling rig .", "Explosion and fire on Transocean Ltd 's drilling rig ."},
		{"web time stamp", CutLeadDate, "Thursday , April 29 , 2010 ; 4:49 PM A massive crude oil spill is expected to reach Louisiana .", "A massive crude oil spill is expected to reach Louisiana ."},
		{"comment stamp", CutLeadDate, "March 23 , 2011 at 5:34 pm | If the strategy is anything other than that , the coalition should disband .", "If the strategy is anything other than that , the coalition should disband ."},
		{"two days", CutLeadDate, "May 11\\/12 - Executives from BP , Transocean and Halliburton appear at hearings .", "Executives from BP , Transocean and Halliburton appear at hearings ."},
		{"plain prose", CutLeadDate, "June 15, 2010: President Obama speaks from the Oval Office on the spill.", "President Obama speaks from the Oval Office on the spill."},
		{"may the verb", CutLeadDate, "May be the worst spill in the history of the Gulf .", "May be the worst spill in the history of the Gulf ."},
		{"date inside the sentence stays", CutLeadDate, "The rig exploded on April 20 , 2010 - killing 11 .", "The rig exploded on April 20 , 2010 - killing 11 ."},
		{"month alone is no date", CutLeadDate, "March , the month of protests , began quietly in the capital .", "March , the month of protests , began quietly in the capital ."},
		{"closing weekday", CutWeekday, "U.S. health officials confirmed 91 cases of H1N1 swine flu on Tuesday .", "U.S. health officials confirmed 91 cases of H1N1 swine flu ."},
		{"opening weekday", CutWeekday, "On Tuesday , the authorities freed 1,180 people who had been arrested .", "the authorities freed 1,180 people who had been arrested ."},
		{"weekday and part of day", CutWeekday, "The box arrived Thursday morning at the site of the collapse .", "The box arrived at the site of the collapse ."},
		{"since a weekday stays", CutWeekday, "Protests have continued since Friday in the capital and three other cities .", "Protests have continued since Friday in the capital and three other cities ."},
		{"at least a weekday stays", CutWeekday, "The test has been delayed until at least Wednesday , a setback for the effort .", "The test has been delayed until at least Wednesday , a setback for the effort ."},
		{"possessive stays", CutWeekday, "Tuesday 's vote in parliament was delayed by a walkout .", "Tuesday 's vote in parliament was delayed by a walkout ."},
		{"plain prose weekday", CutWeekday, "Pressure mounted on Friday on Dr. Raymond Okafor, the director.", "Pressure mounted on Dr. Raymond Okafor, the director."},
		{"weekday before the verb", CutWeekday, "Trump on Monday , derided the revised travel ban and the department 's handling .", "Trump on Monday , derided the revised travel ban and the department 's handling ."},
		{"weekday closing an opening phrase", CutWeekday, "Reached by phone on Thursday, Okafor said he had not seen that memo in that form.", "Reached by phone, Okafor said he had not seen that memo in that form."},
		{"weekday between commas", CutWeekday, "The minister said , on Monday , that the plan would go ahead .", "The minister said , that the plan would go ahead ."},
		{"headline and caption", CutGlue, "BP bosses hold Obama crisis talks The White House meeting was the first between the two BP executives have met US President Barack Obama at the White House .", "The White House meeting was the first between the two BP executives have met US President Barack Obama at the White House ."},
		{"headline", CutGlue, "There is increasing anger in local communities at the failures The Gulf of Mexico oil spill is the worst environmental disaster the US has faced , a senior official has said .", "The Gulf of Mexico oil spill is the worst environmental disaster the US has faced , a senior official has said ."},
		{"a name after a conjunction", CutGlue, "Pressure mounted on the director of the water authority , a day after The Northgate Post reported that his agency had detected solvent .", "Pressure mounted on the director of the water authority , a day after The Northgate Post reported that his agency had detected solvent ."},
		{"a title is not a sentence start", CutGlue, "The minister told The Observer that the troops would stay in Basra until the end of the year .", "The minister told The Observer that the troops would stay in Basra until the end of the year ."},
		{"no final period: a headline run alone", CutGlue, "BP shares fall sharply The company lost a fifth of its value in a week", "BP shares fall sharply The company lost a fifth of its value in a week"},
		{"all rules", CompressAll, "May 5 : A ship carrying the containment vessel -LRB- a 98-ton box -RRB- enters the Gulf of Mexico on Wednesday .", "A ship carrying the containment vessel -LRB- a 98-ton box -RRB- enters the Gulf of Mexico ."},
		{"no rules", 0, "May 5 : A ship enters the Gulf of Mexico on Wednesday .", "May 5 : A ship enters the Gulf of Mexico on Wednesday ."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Compress(c.in, c.rules); got != c.want {
				t.Errorf("Compress(%q, %b)\n got %q\nwant %q", c.in, c.rules, got, c.want)
			}
		})
	}
}

// FuzzCompress checks the promise the timeline's display text rests on:
// compression only deletes, so the output's words are the source's, whole
// and in order, and nothing is added.
func FuzzCompress(f *testing.F) {
	f.Add("April 22 - The rig sinks , officials said on Tuesday -LRB- AP -RRB- .")
	f.Add("Thursday , April 29 , 2010 ; 4:49 PM A spill (big) grows yesterday.")
	f.Add("BP bosses hold talks The White House meeting was the first between them .")
	f.Add("( ( ) -LRB- -RRB- On , , May 5 at")
	f.Fuzz(func(t *testing.T, in string) {
		out := Compress(in, CompressAll)
		// Words (runs of letters and digits) appear whole, in order.
		rest := alnumRuns(in)
		for _, w := range alnumRuns(out) {
			for len(rest) > 0 && rest[0] != w {
				rest = rest[1:]
			}
			if len(rest) == 0 {
				t.Fatalf("Compress(%q) = %q: word %q is not in the source after what precedes it", in, out, w)
			}
			rest = rest[1:]
		}
		// Every other character comes from the source, in order.
		src := strings.Join(strings.Fields(in), "")
		k := 0
		for _, c := range []byte(strings.Join(strings.Fields(out), "")) {
			for k < len(src) && src[k] != c {
				k++
			}
			if k == len(src) {
				t.Fatalf("Compress(%q) = %q: %q is not in the source in that order", in, out, c)
			}
			k++
		}
	})
}

// alnumRuns splits text into runs of letters and digits (all of them, not
// only content words as the package's own words does).
func alnumRuns(text string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && isLetterOrDigit(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	return out
}

func TestTrimPreamble(t *testing.T) {
	cases := []struct{ in, want string }{
		{"BP claims to be slowing flow of oil Small tube captures 1,000 barrels a day Monday 17 May 2010 22.40 BST Oil barrels stacked up in a yard near the coast .", "Oil barrels stacked up in a yard near the coast ."},
		{"7 November 2011 Last updated at 21:40 GMT Help Michael Jackson 's former doctor has been found guilty .", "Michael Jackson 's former doctor has been found guilty ."},
		{"Page last updated at 11:14 GMT , Thursday , 3 February 2011 -LRB- an error occurred while processing this directive -RRB- Michael Jackson 's mother can go ahead with a lawsuit .", "Michael Jackson 's mother can go ahead with a lawsuit ."},
		{"MEXICO CITY | Mon Apr 27 , 2009 3:10 am BST MEXICO CITY -LRB- Reuters -RRB- - Fears of a global flu pandemic grew .", "Fears of a global flu pandemic grew ."},
		{"The Coast Guard said 5,000 barrels a day were leaking at 10.30 in the morning .", "The Coast Guard said 5,000 barrels a day were leaking at 10.30 in the morning ."},
		{"The leak was found at 10:30 GMT and crews were sent to the well within the hour .", "The leak was found at 10:30 GMT and crews were sent to the well within the hour ."},
	}
	for _, c := range cases {
		if got := c.in[trimPreamble(c.in):]; got != c.want {
			t.Errorf("trimPreamble(%q) leaves %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLocalRank(t *testing.T) {
	// Two days of equal salience: one alone in a quiet stretch, one among
	// busy neighbours. The lone spike ranks first.
	score := map[day]float64{100: 10, 200: 10, 199: 8, 201: 8, 198: 6}
	days := []day{100, 198, 199, 200, 201}
	r := localRank(score, days, 3, 0.5)
	if !(r[100] > r[200]) {
		t.Errorf("lone spike %.3f, busy day %.3f: want the spike first", r[100], r[200])
	}
	if r0 := localRank(score, days, 3, 0); r0[100] != 10 || r0[200] != 10 {
		t.Errorf("alpha 0 changed the salience: %v", r0)
	}
}

// TestCompressForItsDate checks that a day adverbial goes only when it
// names the entry's own date: one naming another day is news.
func TestCompressForItsDate(t *testing.T) {
	a := article("k1", "ledger", "2025-03-22",
		"Kestrel machinists voted on Friday to strike when their agreement expires at midnight on Saturday .")
	s := &sent{text: a.Text, idx: 1}
	for _, tx := range a.Timexes {
		if d, ok := parseDay(tx.Value); ok {
			s.named = append(s.named, namedDay{tx.Start, tx.End, d})
		}
	}
	friday := dayOf(mustDay("2025-03-21"))
	got := compressFor(s, friday, CompressAll)
	want := "Kestrel machinists voted to strike when their agreement expires at midnight on Saturday ."
	if got != want {
		t.Errorf("under %s:\n got %q\nwant %q (timexes %+v)", dayTime(friday).Format("2006-01-02"), got, want, a.Timexes)
	}
}

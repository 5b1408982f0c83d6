package entity

import (
	"reflect"
	"testing"

	"github.com/datelinehq/dateline"
)

// TestNewsRules runs invented local-news sentences through Recognize, one
// group of cases for each rule of news.go. Names are made up so that no
// lexicon can know them: only the shape and context rules can type them.
func TestNewsRules(t *testing.T) {
	cases := []struct {
		rule string
		text string
		one  bool     // one sentence: the test splitter would break after "Ore."
		want []string // "Type:Text=Entity"
		not  []string // texts that must not be mentions
		// notLink lists "Text=Entity" links that must not be made.
		notLink []string
	}{
		// Organisation heads.
		{rule: "org head", text: "Workers at Brannock Aerospace voted to accept the contract on Tuesday.",
			want: []string{"ORG:Brannock Aerospace=Brannock Aerospace"}},
		{rule: "org head", text: "Shares of Tillery Industries fell 8 percent after the warning.",
			want: []string{"ORG:Tillery Industries=Tillery Industries"}},
		{rule: "org head", text: "The Pellham Transit Authority will raise bus fares in June.",
			want: []string{"ORG:Pellham Transit Authority=Pellham Transit Authority"}},
		{rule: "org head", text: "Lawyers for Drummond Chemical Co. denied that the tank had leaked.",
			want: []string{"ORG:Drummond Chemical Co.=Drummond Chemical Co."}, not: []string{"Co."}},
		{rule: "org head", text: "Members of the Amalgamated Welders Union walked off the job at dawn.",
			want: []string{"ORG:Amalgamated Welders Union=Amalgamated Welders Union"}},
		{rule: "org head", text: "Talks resumed under the Regional Mediation and Arbitration Board on Monday.",
			want: []string{"ORG:Regional Mediation and Arbitration Board=Regional Mediation and Arbitration Board"}},

		// Place patterns.
		{rule: "place head", text: "Flooding closed two bridges in Cobble Falls on Sunday night.",
			want: []string{"LOC:Cobble Falls=Cobble Falls"}},
		{rule: "place head", text: "Barges were stranded on the Ashby River for a week.",
			want: []string{"LOC:Ashby River=Ashby River"}},
		{rule: "place head", text: "Sheriff's deputies in Marrow County searched the woods.",
			want: []string{"LOC:Marrow County=Marrow County"}},
		{rule: "place opener", text: "The ferry from Port Lindell was cancelled because of fog.",
			want: []string{"LOC:Port Lindell=Port Lindell"}},
		{rule: "place noun", text: "Families in the Westbrook neighborhood were told to boil water.",
			want: []string{"LOC:Westbrook=Westbrook"}},
		{rule: "place apposition", text: "Dunmore, a mill town of 9,000, has lost its last bank branch.",
			want: []string{"LOC:Dunmore=Dunmore"}},
		{rule: "opening place", text: "In Tresswell, the school board met until midnight.",
			want: []string{"LOC:Tresswell=Tresswell"}},
		{rule: "coordination", text: "Sirens sounded in Ambry and Colwick after the dam failed.",
			not: []string{"Ambry and Colwick"}},
		{rule: "coordination shares a type", text: "In Ambry, pumps failed. Ambry and Colwick will share tankers.",
			want: []string{"LOC:Ambry=Ambry", "LOC:Colwick=Colwick"}},
		{rule: "city of", text: "Officials said the city of Tarrow would appeal the ruling.",
			want: []string{"LOC:Tarrow=Tarrow"}},

		// Wire datelines.
		{rule: "wire dateline", text: "CALLOWAY BEND (Meridian Wire) — The bridge over the gorge reopened on Friday.",
			want: []string{"LOC:CALLOWAY BEND=Calloway Bend", "MEDIA:Meridian Wire=Meridian Wire"}},
		{rule: "wire dateline with state", one: true, text: "LOWELL GAP, Ore. (Pacific Newswire) - Crews contained the fire overnight.",
			want: []string{"LOC:LOWELL GAP=Lowell Gap", "MEDIA:Pacific Newswire=Pacific Newswire"}},

		// Outlets.
		{rule: "outlet head", text: "The Fenwick Ledger reported that the plan had been shelved.",
			want: []string{"MEDIA:The Fenwick Ledger=The Fenwick Ledger"}},
		{rule: "outlet head", text: "The figures were first published by the Ostrander Daily Record last week.",
			want: []string{"MEDIA:Ostrander Daily Record=Ostrander Daily Record"}},
		{rule: "call sign", text: "WQRT News said the station would stay closed until spring.",
			want: []string{"MEDIA:WQRT News=WQRT News"}},
		{rule: "according to", text: "The mill will shut in May, according to Brightwater Digest.",
			want: []string{"MEDIA:Brightwater Digest=Brightwater Digest"}},

		// Titles.
		{rule: "title", text: "Council President Lorna Vickery called the vote a mistake.",
			want: []string{"PERSON:Lorna Vickery=Lorna Vickery"}, not: []string{"Council President Lorna Vickery"}},
		{rule: "title with company", text: "Tillery CEO Bram Oduya said no plant would close.",
			want: []string{"PERSON:Bram Oduya=Bram Oduya"}, not: []string{"Tillery CEO Bram Oduya", "Tillery CEO"}},
		{rule: "title", text: "Dr. Imelda Saroyan, the health officer, urged calm.",
			want: []string{"PERSON:Imelda Saroyan=Imelda Saroyan"}, not: []string{"Dr. Imelda Saroyan"}},
		{rule: "speaker", text: "\"We were never told,\" said Odalys Brenner, 52, a retired nurse.",
			want: []string{"PERSON:Odalys Brenner=Odalys Brenner"}},

		// Given names with a head word for a surname stay people.
		{rule: "person, not place", text: "Reporters asked Linda Park about the budget.",
			want: []string{"PERSON:Linda Park=Linda Park"}},
		{rule: "person, not org", text: "The choir was led by Charlotte Church on Sunday.",
			want: []string{"PERSON:Charlotte Church=Charlotte Church"}},
		{rule: "person, not outlet", text: "The etiquette writer Emily Post died in 1960.",
			want: []string{"PERSON:Emily Post=Emily Post"}},

		// Document-level consistency.
		{rule: "company alias", text: "Halloran Freight Corp. will close its depot. Halloran said 200 jobs would go.",
			want: []string{"ORG:Halloran Freight Corp.=Halloran Freight Corp.", "ORG:Halloran=Halloran Freight Corp."}},
		{rule: "outlet alias", text: "The Fenwick Ledger broke the story. The Ledger said the mayor knew.",
			want: []string{"MEDIA:The Fenwick Ledger=The Fenwick Ledger", "MEDIA:The Ledger=The Fenwick Ledger"}},
		{rule: "company alias, ambiguous", text: "Halloran Freight Corp. sued Halloran Steel Inc. over the depot. Halloran Mining Co. stayed out. Halloran declined to comment.",
			notLink: []string{"Halloran=Halloran Freight Corp.", "Halloran=Halloran Steel Inc.", "Halloran=Halloran Mining Co."}},
		{rule: "place kept", text: "Crews worked through the night in Cobble Falls. Cobble Falls expects the water back by Friday.",
			want: []string{"LOC:Cobble Falls=Cobble Falls"}, not: []string{"Falls"}},
		{rule: "dateline kept", text: "VESPER HOLLOW (Meridian Wire) — Schools closed. Parents in Vesper Hollow were angry.",
			want: []string{"LOC:VESPER HOLLOW=Vesper Hollow", "LOC:Vesper Hollow=Vesper Hollow"}},
	}
	for _, c := range cases {
		spans := roughSentences(c.text)
		if c.one {
			spans = nil
		}
		ms, ents := Recognize(c.text, spans)
		checkInvariants(t, c.text, ms, ents)
		if ms2, ents2 := Recognize(c.text, spans); !reflect.DeepEqual(ms, ms2) || !reflect.DeepEqual(ents, ents2) {
			t.Errorf("%s: %q: two runs differ", c.rule, c.text)
		}
		texts, all := checkMentions(t, c.rule, c.text, ms, c.want)
		for _, m := range ms {
			for _, nl := range c.notLink {
				if m.Text+"="+m.Entity == nl {
					t.Errorf("%s: %q: %s should not be linked", c.rule, c.text, nl)
				}
			}
		}
		for _, n := range c.not {
			if texts[n] {
				t.Errorf("%s: %q: %q should not be a mention (got %q)", c.rule, c.text, n, all)
			}
		}
	}
}

// checkMentions reports each wanted "TYPE:text=entity" missing from ms,
// and returns the mention texts and every mention written that way.
func checkMentions(t *testing.T, rule, text string, ms []dateline.Mention, want []string) (map[string]bool, []string) {
	t.Helper()
	got := map[string]bool{}
	texts := map[string]bool{}
	var all []string
	for _, m := range ms {
		s := m.Type + ":" + m.Text + "=" + m.Entity
		got[s], texts[m.Text] = true, true
		all = append(all, s)
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%s: %q: want %s among %q", rule, text, w, all)
		}
	}
	return texts, all
}

func TestIsCallSign(t *testing.T) {
	for w, want := range map[string]bool{"WKVR": true, "KQED-FM": true, "WXYZ-TV": true, "NATO": false, "WK": false, "Wkvr": false, "KQED-XY": false, "WORLDS": false} {
		if got := isCallSign(w); got != want {
			t.Errorf("isCallSign(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{"PORT AVERY": "Port Avery", "WINSTON-SALEM": "Winston-Salem", "Harlow Falls": "Harlow Falls", "": ""} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

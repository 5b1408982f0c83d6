package entity

import (
	"testing"

	"github.com/datelinehq/dateline/internal/sentence"
)

// TestNameShapes covers names built with particles and articles, bodies of
// water, and the short forms of a few very common names. Each case lists
// mentions as "Type:Text=Entity" that must be found, texts that must not be
// mentions, and entities that must not exist.
func TestNameShapes(t *testing.T) {
	cases := []struct {
		rule    string
		text    string
		want    []string
		not     []string // texts that must not be mentions
		notEnts []string // names that must not be entities
	}{
		// Arabic surnames written with their article.
		{rule: "article surname", text: "Syria's President Bashar al-Assad said on Tuesday that the army would withdraw. Assad spoke in Damascus.",
			want: []string{"PERSON:Bashar al-Assad=Bashar al-Assad", "PERSON:Assad=Bashar al-Assad"}, notEnts: []string{"Bashar", "Assad"}},
		{rule: "article surname", text: "Iraqi Prime Minister Nouri al-Maliki said the report was false. Maliki denied it.",
			want: []string{"PERSON:Nouri al-Maliki=Nouri al-Maliki", "PERSON:Maliki=Nouri al-Maliki"}, notEnts: []string{"Nouri", "Maliki"}},
		{rule: "article surname", text: "Abu Musab al-Zarqawi was killed. Zarqawi led al-Qaeda in Iraq.",
			want: []string{"PERSON:Abu Musab al-Zarqawi=Abu Musab al-Zarqawi", "PERSON:Zarqawi=Abu Musab al-Zarqawi", "ORG:al-Qaeda=al-Qaeda"}},
		{rule: "article surname written alone", text: "Bashar al-Assad flew to Moscow. Officials said al-Assad would return.",
			want: []string{"PERSON:al-Assad=Bashar al-Assad"}},
		{rule: "article surname, capitalised", text: "Ayman al-Zawahiri issued a statement. Al-Zawahiri praised the attack.",
			want: []string{"PERSON:Al-Zawahiri=Ayman al-Zawahiri"}},
		{rule: "plain surname wins over the stripped one", text: "Muammar Gaddafi spoke. His son Mohammed Al-Gaddafi left. Gaddafi said he would stay.",
			want: []string{"PERSON:Gaddafi=Muammar Gaddafi"}},
		{rule: "two people, one stripped surname", text: "Bashar al-Assad and Hafez al-Assad ruled in turn. Assad spoke.",
			want: []string{"PERSON:Bashar al-Assad=Bashar al-Assad", "PERSON:Hafez al-Assad=Hafez al-Assad"}, notEnts: []string{"Assad"}},
		{rule: "place, not person", text: "Troops entered Jisr al-Shughour on Sunday.",
			want: []string{"LOC:Jisr al-Shughour=Jisr al-Shughour"}},

		// Particles written apart.
		{rule: "particle surname", text: "Osama bin Laden was killed in Pakistan. Officials said bin Laden had lived there for years.",
			want: []string{"PERSON:Osama bin Laden=Osama bin Laden", "PERSON:bin Laden=Osama bin Laden"}, not: []string{"Laden"}},
		{rule: "particle surname opening a sentence", text: "Osama bin Laden was killed. Bin Laden had lived there for years.",
			want: []string{"PERSON:Bin Laden=Osama bin Laden"}, notEnts: []string{"Bin Laden"}},
		{rule: "particle surname", text: "Ursula von der Leyen met the ministers. Von der Leyen said the plan would hold.",
			want: []string{"PERSON:Ursula von der Leyen=Ursula von der Leyen", "PERSON:Von der Leyen=Ursula von der Leyen"}, not: []string{"Leyen"}},
		{rule: "particle names", text: "Reporters compared Charles de Gaulle with Vincent van Gogh.",
			want: []string{"PERSON:Charles de Gaulle=Charles de Gaulle", "PERSON:Vincent van Gogh=Vincent van Gogh"}},
		{rule: "particles as words", text: "Paris became a de facto ban zone, and the menu was a la carte.",
			not: []string{"de facto", "Paris became a de facto", "a la carte", "la carte"}},

		// Bodies of water.
		{rule: "water of", text: "The oil spread across the Gulf of Mexico and the Bay of Bengal.",
			want: []string{"LOC:Gulf of Mexico=Gulf of Mexico", "LOC:Bay of Bengal=Bay of Bengal"}, not: []string{"Bengal"}},
		{rule: "water of", text: "Tankers crossed the Strait of Hormuz and the Sea of Japan.",
			want: []string{"LOC:Strait of Hormuz=Strait of Hormuz", "LOC:Sea of Japan=Sea of Japan"}},
		{rule: "water head", text: "The slick drifted into the Atlantic Ocean and reached the Gulf Coast.",
			want: []string{"LOC:Atlantic Ocean=Atlantic Ocean", "LOC:Gulf Coast=Gulf Coast"}, not: []string{"Atlantic"}},
		{rule: "water head", text: "Barges crowded Lake Michigan and the Mississippi River.",
			want: []string{"LOC:Lake Michigan=Lake Michigan", "LOC:Mississippi River=Mississippi River"}},
		{rule: "outlet kept", text: "The Atlantic reported that the talks had failed.",
			want: []string{"MEDIA:The Atlantic=The Atlantic"}},

		// Short forms.
		{rule: "short forms", text: "The U.S. and the United States disagreed with the UN and the United Nations, the EU and the European Union, the UK and the United Kingdom and Britain.",
			want:    []string{"LOC:U.S.=United States", "ORG:UN=United Nations", "ORG:EU=European Union", "LOC:UK=United Kingdom", "LOC:Britain=Britain"},
			notEnts: []string{"U.S.", "UN", "EU", "UK"}},
		{rule: "a country coordinated with a body keeps its type", text: "Turkey applied to join the European Union. The United States and EU have called for Assad to quit.",
			want: []string{"LOC:United States=United States", "ORG:EU=European Union"}},
		{rule: "short form alone", text: "The U.S. said the EU was wrong.",
			want: []string{"LOC:U.S.=U.S.", "ORG:EU=EU"}},
		// Military titles abbreviated: "Adm." introduces a person and ends
		// the body before it.
		{rule: "abbreviated admiral", text: "Coast Guard Adm. Thad Allen said the well was capped.",
			want: []string{"ORG:Coast Guard=Coast Guard"}},
		{rule: "short form after the long", text: "The United States voted no. Later the US changed its mind, and USA Today said so.",
			want: []string{"LOC:United States=United States", "LOC:US=United States"}},
	}
	for _, c := range cases {
		ms, ents := Recognize(c.text, roughSentences(c.text))
		checkInvariants(t, c.text, ms, ents)
		texts, all := checkMentions(t, c.rule, c.text, ms, c.want)
		for _, n := range c.not {
			if texts[n] {
				t.Errorf("%s: %q: %q should not be a mention (got %q)", c.rule, c.text, n, all)
			}
		}
		for _, e := range ents {
			for _, n := range c.notEnts {
				if e.Name == n {
					t.Errorf("%s: %q: %q should not be an entity (got %q)", c.rule, c.text, n, all)
				}
			}
		}
	}
}

func TestArabicPrefixLen(t *testing.T) {
	for w, want := range map[string]int{
		"al-Assad": 3, "Al-Assad": 3, "el-Sisi": 3, "ash-Shater": 4, "as-Sadr": 3, "ad-Din": 3, "at-Tayyib": 3,
		"AL-QAEDA": 0, "al-": 0, "al-A": 0, "al-assad": 0, "at-risk": 0, "as-is": 0, "co-Founder": 0, "Assad": 0, "al": 0,
		"ex-President": 0, "x": 0, "": 0,
	} {
		if got := arabicPrefixLen(w); got != want {
			t.Errorf("arabicPrefixLen(%q) = %d, want %d", w, got, want)
		}
	}
	for w, want := range map[string]int{"al-assad": 3, "ash-shater": 4, "al-": 0, "co-founder": 0} {
		if got := arabicKeyPrefixLen(w); got != want {
			t.Errorf("arabicKeyPrefixLen(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestMiddleInitial: a person's name does not end in a middle initial
// ("George W." before "Bush ;" in PTB text). The sentences come from the
// real splitter, which does not end one after "W.".
func TestMiddleInitial(t *testing.T) {
	text := "She was an administrator under George W. Bush ; and he was not ."
	ms, ents := Recognize(text, sentence.Split(text))
	checkInvariants(t, text, ms, ents)
	checkMentions(t, "middle initial", text, ms, []string{"PERSON:George W. Bush=George W. Bush"})
}

// TestAlQaedaLowerArticle: "al Qaeda" with the article apart and in lower
// case, as US papers write it, is the group, not a person "Qaeda".
func TestAlQaedaLowerArticle(t *testing.T) {
	text := "Our troops are taking the fight to al Qaeda wherever it exists."
	ms, ents := Recognize(text, sentence.Split(text))
	checkInvariants(t, text, ms, ents)
	checkMentions(t, "al Qaeda", text, ms, []string{"ORG:al Qaeda=al-Qaeda"})
}

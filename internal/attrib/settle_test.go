package attrib

import (
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/sentence"
)

// readAt returns the source and content that orient, then settle, give
// the cue made of the words of cue (consecutive tokens) in the
// one-sentence text; the cue models are left out, so the case tests the
// rules alone.
func readAt(t *testing.T, text, cueWords string) [2]string {
	t.Helper()
	return readCue(t, text, cueWords, true)
}

// readCue is readAt, with settle only when asked.
func readCue(t *testing.T, text, cueWords string, settle bool) [2]string {
	t.Helper()
	sents := sentence.Split(text)
	toks := tokenize(text, sents[0], nil)
	f := frame{text: text, toks: toks, qs: quoteState(toks, nil), sents: sents, lex: lexicon()}
	ws := strings.Fields(strings.ToLower(cueWords))
	for i := range toks {
		if i+len(ws) > len(toks) {
			break
		}
		match := true
		for n, w := range ws {
			match = match && toks[i+n].w == w
		}
		if !match {
			continue
		}
		c := cue{i: i, j: i + len(ws), prep: ws[0] == "according"}
		a := f.orient(c)
		if settle {
			f.settle(&a)
		}
		var src string
		if a.srcJ > a.srcI {
			src = text[toks[a.srcI].s:toks[a.srcJ-1].e]
		}
		s, e := a.conS, a.conE
		if !a.fixed {
			if a.post {
				s, e = f.contentBefore(&a)
			} else {
				s, e = f.contentAfter(a.contentFromTok, len(toks))
			}
		}
		return [2]string{src, text[s:max(s, e)]}
	}
	t.Fatalf("no cue %q in %q", cueWords, text)
	return [2]string{}
}

// TestSettle: the rules that place a kept cue's content and source once
// the cue models have spoken. Each case failed before its rule.
func TestSettle(t *testing.T) {
	for _, tt := range []struct {
		name, text, cue, source, content string
	}{
		{"quotation, then a speaker with several commas",
			"“We had a good year,” Harry Bond, 30, of Raleigh, N.C., who was among those polled, said in a follow-up interview.",
			"said", "Harry Bond, 30, of Raleigh, N.C., who was among those polled", "“We had a good year,”"},
		{"quotation, then a speaker with an apposition and a long adjunct",
			"“Guns are a public health crisis,” Howard Dean, the former governor of Vermont, proclaimed to a cheering crowd at the Democratic National Convention on Tuesday.",
			"proclaimed", "Howard Dean, the former governor of Vermont", "“Guns are a public health crisis,”"},
		{"reduced passive set off by commas",
			"The immigration bill, opposed by House Republicans, never became law.",
			"opposed", "House Republicans", "The immigration bill"},
		{"reduced passive after a noun",
			"She is not licensed to practice — a fact first reported by Christopher Heath, an Orlando TV reporter.",
			"reported", "Christopher Heath", "a fact"},
		{"no reduced passive for the means of saying",
			"The senator said by phone that the bill would pass.",
			"said", "The senator", "that the bill would pass"},
		{"a judgment received from others",
			"The proposal has drawn harsh criticism from fellow Republican hopefuls.",
			"criticism", "fellow Republican hopefuls", "The proposal"},
		{"an endorsement received",
			"She also has the endorsement of most of the big unions.",
			"endorsement", "most of the big unions", "She"},
		{"a received judgment with a content of its own",
			"Trump has faced criticism from rivals that his rallies are unsafe.",
			"criticism", "Trump", "that his rallies are unsafe"},
		{"a comment clause after a comma",
			"Roger Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday, and he will help prepare him.",
			"reported", "The New York Times", "Roger Ailes also met with Mr. Trump that day"},
		{"a comment clause that reports its own object",
			"The pope spoke to the workers, as he called for greater ethics in business.",
			"called for", "he", "greater ethics in business"},
		{"according to after a conjunction",
			"But, according to the poll, 46 percent of Republican voters remain undecided.",
			"according to", "the poll", "46 percent of Republican voters remain undecided"},
		{"according to after a clause",
			"Sessions will resign next week, according to several media reports.",
			"according to", "several media reports", "Sessions will resign next week"},
		{"a participle after a quotation's speaker",
			"“It is classic Karl Rove,” said Heather Hurlburt, a former speechwriter, referring to the president's former strategist.",
			"referring", "Heather Hurlburt, a former speechwriter", "to the president's former strategist"},
		{"a passive of feeling",
			"FBI officials were angered by the deal.",
			"angered", "FBI officials", "the deal"},
		{"a passive of judging keeps its agent as source",
			"The plan was opposed by the mayor.",
			"opposed", "the mayor", "The plan"},
		{"an object relative clause: the noun after the pronoun speaks",
			"It financed manufacturing plants, which private lenders still considered too risky.",
			"considered", "private lenders", "too risky"},
		{"a verb of telling after a quotation and an apposition",
			"“We were wrong not to confront him,” Ramos, 58, told AFP in an interview in Mexico City on Monday.",
			"told", "Ramos, 58", "“We were wrong not to confront him,”"},
		{"a passive with a degree adverb and no agent",
			"His oversight of the auto sector bailout was much derided at the time.",
			"derided", "", "His oversight of the auto sector bailout"},
		{"a passive with a negation before its agent",
			"The plan is not always preferred by voters.",
			"preferred", "voters", "The plan"},
		{"a passive with an adjunct before its agent",
			"The scenes were described to him by a Post reporter.",
			"described", "a Post reporter", "The scenes"},
		{"an opening participle with its agent",
			"Asked by Stephanopoulos to respond to Trump’s criticism, Carson said he had no regrets.",
			"asked", "Stephanopoulos", "to respond to Trump’s criticism"},
		{"an opening participle with its agent and a question",
			"When asked by a reporter whether this differed from the old rules, Trump walked away.",
			"asked", "a reporter", "whether this differed from the old rules"},
		{"an opening gerund speaks for the main clause's subject",
			"While saying that he does respect Mrs. Clinton, he continued to express doubts.",
			"saying", "he", "that he does respect Mrs. Clinton"},
		{"a participle's speaker past an opening phrase of time",
			"But a few days later, Trump reversed himself yet again, telling CBS that the laws are set.",
			"telling", "Trump", "that the laws are set"},
		{"a participle's speaker past an opening phrase of place and time",
			"Back in 1999, Mr. Trump expressed admiration for Mr. Clinton, telling CNBC that he wished he could be like that.",
			"telling", "Mr. Trump", "that he wished he could be like that"},
		{"a clause opened by 'as reported by'",
			"As reported by Western Journalism, investigators found over 2,200 emails with classified information.",
			"reported", "Western Journalism", "investigators found over 2,200 emails with classified information"},
		{"an opening gerund after a conjunction",
			"And in explaining why the bills had not passed, Clinton described a rigged system.",
			"explaining", "Clinton", "why the bills had not passed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := readAt(t, tt.text, tt.cue)
			if got != [2]string{tt.source, tt.content} {
				t.Errorf("%q, cue %q: source %q, content %q; want %q, %q", tt.text, tt.cue, got[0], got[1], tt.source, tt.content)
			}
		})
	}
}

// TestSpeakerPhrase: the speaker's phrase reaches across a preposition to
// the one served ("an aide to the mayor"), keeps a noun in -ly ("the
// family"), and a passive's agent stops at the next verb. Each case
// failed before its fix (the second stopped at "the mayor" and read
// its content after the cue).
func TestSpeakerPhrase(t *testing.T) {
	for _, tt := range []struct {
		text, cue, source, content string
	}{
		{`Marsh has "no intention of resigning," an aide to the mayor said.`,
			"said", "an aide to the mayor", `Marsh has "no intention of resigning,"`},
		{"The talks have failed, a spokesman for the company said on Tuesday.",
			"said", "a spokesman for the company", "The talks have failed"},
		{"A source close to the family said the talks had failed.",
			"said", "A source close to the family", "the talks had failed"},
		{"The family said the talks had failed.",
			"said", "The family", "the talks had failed"},
		{"In Eastgate, where carbon filters ordered by the Environmental Protection Agency are being installed, the mood was sour.",
			"ordered", "the Environmental Protection Agency", "carbon filters"},
	} {
		got := readAt(t, tt.text, tt.cue)
		if got != [2]string{tt.source, tt.content} {
			t.Errorf("%q, cue %q: source %q, content %q; want %q, %q", tt.text, tt.cue, got[0], got[1], tt.source, tt.content)
		}
	}
}

package sentence

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
)

func texts(text string, spans []dateline.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", "  \n\t ", nil},
		{"one", "  Hello world.  ", []string{"Hello world."}},
		{"two", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"no final stop", "It rained. Then it", []string{"It rained.", "Then it"}},
		{"title", "Mr. Smith met Gen. Flynn. They talked.", []string{"Mr. Smith met Gen. Flynn.", "They talked."}},
		{"us mid", "The U.S. president spoke. U.S. officials agreed.", []string{"The U.S. president spoke.", "U.S. officials agreed."}},
		{"us name", "He met U.S. Attorney Jeff Sessions.", []string{"He met U.S. Attorney Jeff Sessions."}},
		{"us final", "He flew to the U.S. The trip was short.", []string{"He flew to the U.S.", "The trip was short."}},
		{"month", "On Jan. 20 he was sworn in. It was cold.", []string{"On Jan. 20 he was sworn in.", "It was cold."}},
		{"number", "He wore No. 5 all season. Then he retired.", []string{"He wore No. 5 all season.", "Then he retired."}},
		{"inc", "Apple Inc. said profits rose. Shares fell.", []string{"Apple Inc. said profits rose.", "Shares fell."}},
		{"initials", "J. K. Rowling wrote it. George W. Bush read it.", []string{"J. K. Rowling wrote it.", "George W. Bush read it."}},
		{"decimal", "Growth was 3.5 percent. It slowed.", []string{"Growth was 3.5 percent.", "It slowed."}},
		{"domain", "See cnn.com for more. Thanks.", []string{"See cnn.com for more.", "Thanks."}},
		{"ellipsis mid", "Well... maybe not. Fine.", []string{"Well... maybe not.", "Fine."}},
		{"ellipsis end", "He hesitated… Then he left.", []string{"He hesitated…", "Then he left."}},
		{"quote after stop", `He said, "We will win." Then he left.`, []string{`He said, "We will win."`, "Then he left."}},
		{"curly quote comma", "“He’s in a mess,” the adviser said. Nobody denied it.", []string{"“He’s in a mess,” the adviser said.", "Nobody denied it."}},
		{"question in quote", `"Why?" he asked. Nobody answered.`, []string{`"Why?" he asked.`, "Nobody answered."}},
		{"quote spans sentences", `"We won. We really did," she said.`, []string{`"We won.`, `We really did," she said.`}},
		{"opening quote next", `It ended. "Good," he said.`, []string{"It ended.", `"Good," he said.`}},
		{"em dash", "Trump blames Sessions — the attorney-general recused himself — for it. Later, more.", []string{"Trump blames Sessions — the attorney-general recused himself — for it.", "Later, more."}},
		{"headline", "Sessions offers to resign\n\nThe attorney general offered.", []string{"Sessions offers to resign", "The attorney general offered."}},
		{"blank line with spaces", "Headline here\n  \nBody text.", []string{"Headline here", "Body text."}},
		{"wrapped line", "This sentence is\nwrapped. Next.", []string{"This sentence is\nwrapped.", "Next."}},
		{"exclaim", "Stop! Go.", []string{"Stop!", "Go."}},
		{"lower after stop", "It was approx. ten miles, i.e. far.", []string{"It was approx. ten miles, i.e. far."}},
		{"paren", "He left (finally.) She stayed.", []string{"He left (finally.)", "She stayed."}},
		{"ptb", "The spill , which began on April 20 , has grown .\nBP 's shares fell .\n`` We will pay , '' he said .\n",
			[]string{"The spill , which began on April 20 , has grown .", "BP 's shares fell .", "`` We will pay , '' he said ."}},
		{"ptb quote close", "He said `` it is over . ''\nNext line -LRB- AP -RRB- .\n",
			[]string{"He said `` it is over . ''", "Next line -LRB- AP -RRB- ."}},
		{"ptb abbreviation", "Dr. Nick Smith of the U.S. CDC said so .\nIt 's done .\nOK , fine .",
			[]string{"Dr. Nick Smith of the U.S. CDC said so .", "It 's done .", "OK , fine ."}},
		{"unicode space", "First.\u00a0Second.", []string{"First.", "Second."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Split(tt.in))
			if (len(got) != 0 || len(tt.want) != 0) && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkSpans(t, tt.in, Split(tt.in))
		})
	}
}

func TestSplitSeed(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		got := texts(text, Split(text))
		// The seed has 14 sentences; its "date …" header is glued to the
		// first by the format (a space, no newline), so it stays there.
		want := []string{
			"Tensions between the president and the head of his justice department continue to simmer.",
			"“I have not had that discussion with him,” the press secretary Sean Spicer told reporters.",
			"Sessions announced he would be recusing himself from the investigation after it was revealed that he did not report a meeting with Russian ambassador Sergey Kislyak during the campaign.",
		}
		for _, w := range want {
			found := false
			for _, g := range got {
				if g == w {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: sentence %q not found in %q", e.Name(), w, got)
			}
		}
		if len(got) != 14 {
			t.Errorf("%s: %d sentences, want 14: %q", e.Name(), len(got), got)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Smith's U.S. trip cost $3.5 million, he said.", []string{"Mr.", "Smith", "'s", "U.S.", "trip", "cost", "$", "3.5", "million", ",", "he", "said", "."}},
		{"“He’s in a mess,” the adviser said...", []string{"“", "He", "’s", "in", "a", "mess", ",", "”", "the", "adviser", "said", "..."}},
		{"attorney-general — 1,000 people", []string{"attorney-general", "—", "1,000", "people"}},
		{"`` Yes , '' -LRB- AP -RRB-", []string{"``", "Yes", ",", "''", "-LRB-", "AP", "-RRB-"}},
		// PTB clitics split from their words are no quotation marks
		{"BP 's chief said they 're sure it 's over .", []string{"BP", "'s", "chief", "said", "they", "'re", "sure", "it", "'s", "over", "."}},
		{"he said 'so what' and 'sorry'", []string{"he", "said", "'", "so", "what", "'", "and", "'", "sorry", "'"}},
	}
	for _, tt := range tests {
		got := texts(tt.in, Tokens(tt.in, dateline.Span{Start: 0, End: len(tt.in)}))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// checkSpans asserts the invariants Split promises for any input.
func checkSpans(t *testing.T, text string, spans []dateline.Span) {
	t.Helper()
	valid := utf8.ValidString(text)
	prev := 0
	covered := make([]bool, len(text))
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, s, prev, len(text))
		}
		if valid && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("span %d %v not on rune boundaries", i, s)
		}
		if valid {
			r, _ := utf8.DecodeRuneInString(text[s.Start:])
			l, _ := utf8.DecodeLastRuneInString(text[:s.End])
			if unicode.IsSpace(r) || unicode.IsSpace(l) {
				t.Fatalf("span %d %q starts or ends with space", i, text[s.Start:s.End])
			}
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prev = s.End
	}
	if !valid {
		return
	}
	for i, r := range text {
		if !unicode.IsSpace(r) && !covered[i] {
			t.Fatalf("non-space rune %q at %d outside every sentence", r, i)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Mr. Smith went to Washington. He said \"no.\" Then... nothing!",
		"A\n\nB\n \nC. D? E!",
		"`` Quote . ''\nLine -LRB- two -RRB- .\n",
		"“He’s here,” he said… and left. U.S. Inc. No. 5 J. K.",
		"\u2029x\u00a0. .. ... …",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Split(text)
		checkSpans(t, text, spans)
		for _, s := range spans {
			toks := Tokens(text, s)
			prev := s.Start
			for _, k := range toks {
				if k.Start < prev || k.End <= k.Start || k.End > s.End {
					t.Fatalf("token %v out of order or outside sentence %v", k, s)
				}
				prev = k.End
			}
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Split(text)
	}
}

func BenchmarkTokens(b *testing.B) {
	text := benchText(b)
	spans := Split(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range spans {
			Tokens(text, s)
		}
	}
}

// benchText is news prose: the seed repeated, or a fixed paragraph when the
// shared data is absent.
func benchText(b *testing.B) string {
	para := "US attorney-general Jeff Sessions offered to hand in his resignation before President Donald Trump's trip abroad, according to several media reports. “I have not had that discussion with him,” the press secretary Sean Spicer told reporters. The U.S. Dept. of Justice said on Jan. 5 that Mr. Smith, 3.5 years… gone.\n\n"
	if root, ok := shareddata.Root(); ok {
		if m, _ := os.ReadDir(root + "/seeds"); len(m) > 0 {
			if bs, err := os.ReadFile(root + "/seeds/" + m[0].Name()); err == nil {
				para = string(bs) + "\n\n"
			}
		}
	}
	return strings.Repeat(para, 1+(1<<20)/len(para))
}

// TestAppendTokensAppends: AppendTokens keeps what dst held and appends
// exactly what Tokens returns.
func TestAppendTokensAppends(t *testing.T) {
	text := "Mr. Trump's aides said: \"We won.\""
	s := dateline.Span{Start: 0, End: len(text)}
	prior := dateline.Span{Start: 7, End: 9}
	got := AppendTokens([]dateline.Span{prior}, text, s)
	want := append([]dateline.Span{prior}, Tokens(text, s)...)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AppendTokens = %v, want %v", got, want)
	}
}

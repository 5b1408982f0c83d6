package attrib

import (
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/sentence"
)

// TestSubject checks where subject() starts the sentence's subject, past
// datelines and opening phrases; where it ends is npForward's business.
func TestSubject(t *testing.T) {
	tests := []struct{ text, want string }{
		{"WASHINGTON — Sen. Bernie Sanders defended his call, saying the gains would outweigh the losses.", "Sen. Bernie Sanders"},
		{"ORLANDO, Fla. (Reuters) - President Barack Obama met survivors and said the country must act.", "President Barack Obama"},
		{"At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her statement, saying that it mattered.", "Mrs. Clinton"},
		{"At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders endorsed her, saying she would win.", "Senator Bernie Sanders"},
		{"Similarly, William J. Bennett said he could not support the movement.", "William J. Bennett"},
		{"Here in Columbia, Sanders stepped up his emphasis, saying it mattered.", "Sanders"},
		// a capitalised opening word with no dash is no dateline
		{"NATO officials met and said the alliance would hold.", "NATO officials"},
	}
	for _, tt := range tests {
		sents := sentence.Split(tt.text)
		toks := tokenize(tt.text, sents[0], nil)
		f := frame{text: tt.text, toks: toks, qs: quoteState(toks, nil), sents: sents, lex: lexicon()}
		i, j := f.subject()
		got := ""
		if j > i {
			got = tt.text[toks[i].s:toks[j-1].e]
		}
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("subject of %q = %q, want it to start %q", tt.text, got, tt.want)
		}
	}
}

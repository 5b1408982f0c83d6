package attrib

import (
	"slices"
	"strings"
	"testing"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"say", "said", "said"}, []string{"say", "says", "said", "said", "saying"}},
		{[]string{"quip"}, []string{"quip", "quips", "quiped", "quipped", "quiping", "quipping"}},
		{[]string{"surmise"}, []string{"surmise", "surmises", "surmised", "surmising"}},
		{[]string{"deny"}, []string{"deny", "denies", "denied", "denying"}},
		{[]string{"boast"}, []string{"boast", "boasts", "boasted", "boasting"}},
		{[]string{"lambaste"}, []string{"lambaste", "lambastes", "lambasted", "lambasting"}},
		{[]string{"vouch"}, []string{"vouch", "vouches", "vouched", "vouching"}},
		{[]string{"agree"}, []string{"agree", "agrees", "agreed", "agreeing"}},
	}
	for _, tt := range tests {
		if got := verbForms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("verbForms(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPredClass(t *testing.T) {
	tests := []struct{ w, want string }{
		{"quipped", "say.v"},
		{"surmised", "think.v"},
		{"brags", "say.v"},
		{"lambasted", "judge.v"},
		{"analyses", "say.n"},
		{"skeptical", "think.a"},
		{"told", "say.v"}, // an irregular form given in the list
		{"table", ""},
	}
	for _, tt := range tests {
		if got := predClass(tt.w); got != tt.want {
			t.Errorf("predClass(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// TestPredicatesListedOnce fails when a word appears twice among the
// entries of one part of speech. The cue models see only a word's first
// class, so a second entry would reach nothing but hasPredClass; a word
// that truly belongs to two classes of one part of speech is a choice to
// make here, not by the order of the file.
func TestPredicatesListedOnce(t *testing.T) {
	seen := map[string]string{}
	for _, line := range strings.Split(predicatesTxt, "\n") {
		line = strings.TrimSpace(line)
		head, items, ok := strings.Cut(line, ":")
		if line == "" || line[0] == '#' || !ok {
			continue
		}
		hf := strings.Fields(head)
		for _, it := range strings.Fields(items) {
			key := hf[len(hf)-1] + " " + strings.ToLower(strings.Split(it, "/")[0])
			if first, dup := seen[key]; dup {
				t.Errorf("%q is listed under %s and again under %s", key, first, head)
			}
			seen[key] = head
		}
	}
	if len(seen) < 500 {
		t.Errorf("read only %d entries from predicates.txt", len(seen))
	}
}

// TestHasPredClass: a word keeps every class it is listed under, while
// predClass, which the cue models see, stays the first.
func TestHasPredClass(t *testing.T) {
	tests := []struct {
		w, class string
		want     bool
	}{
		{"worried", "think.a", true}, // the adjective, listed after the verb worry
		{"worried", "think.v", true},
		{"opposed", "think.a", true},
		{"determined", "think.a", true},
		{"committed", "think.a", true},
		{"skeptical", "think.a", true},
		{"said", "think.a", false},
		{"table", "say.v", false},
	}
	for _, tt := range tests {
		if got := hasPredClass(tt.w, tt.class); got != tt.want {
			t.Errorf("hasPredClass(%q, %q) = %v, want %v", tt.w, tt.class, got, tt.want)
		}
	}
	for w, first := range map[string]string{"worried": "think.v", "opposed": "judge.v", "determined": "think.v", "committed": "promise.v"} {
		if got := predClass(w); got != first {
			t.Errorf("predClass(%q) = %q, want its first class %q", w, got, first)
		}
	}
}

// TestOrientAttitudeAdjective: after "be", an adjective of a held view
// is no passive, whose source would follow "by", but a view its subject
// holds, also when the word is first listed as a verb ("worried", the
// past of worry). Each sentence is read as its twin with "frustrated",
// an adjective only, is read.
func TestOrientAttitudeAdjective(t *testing.T) {
	for _, tt := range []struct{ text, cue string }{
		{"Democrats are worried that the bill will fail.", "worried"},
		{"The mayor is opposed to the plan, aides said.", "opposed"},
		{"The senator was determined that the vote would pass.", "determined"},
		{"Officials are committed to the ceasefire.", "committed"},
		{"The plan was opposed by the mayor.", "opposed"},
	} {
		got := orientAt(t, tt.text, tt.cue)
		twin := strings.Replace(tt.text, tt.cue, "frustrated", 1)
		if want := orientAt(t, twin, "frustrated"); got != want {
			t.Errorf("%q reads as source %q, content %q; %q as source %q, content %q", tt.text, got[0], got[1], twin, want[0], want[1])
		}
	}
}

// orientAt returns the source and content orient gives the cue word word
// of the one-sentence text.
func orientAt(t *testing.T, text, word string) [2]string {
	t.Helper()
	return readCue(t, text, word, false)
}

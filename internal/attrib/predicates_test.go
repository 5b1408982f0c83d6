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
// entries of one part of speech: the first class wins, so the second
// entry would be dead and its class a false statement.
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

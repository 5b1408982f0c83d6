package attrib

import (
	"slices"
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
		{"told", "say.v"}, // listed under say and urge: the first wins
		{"table", ""},
	}
	for _, tt := range tests {
		if got := predClass(tt.w); got != tt.want {
			t.Errorf("predClass(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

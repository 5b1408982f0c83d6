package entity

import (
	"strings"
	"testing"
)

// TestLowerEquals holds lowerEquals to the comparison it replaces,
// strings.ToLower(w) == low, including words outside ASCII whose lower
// case is shorter or longer ("K", the Kelvin sign, lowers to "k").
func TestLowerEquals(t *testing.T) {
	words := []string{"", "the", "The", "THE", "them", "th", "Th\u212a", "\u212a", "k", "İn", "in", "ſaid", "said", "SAID", "Tö", "to", "á", "According", "ACCORDING"}
	lows := []string{"", "the", "k", "in", "said", "to", "according", "i̇n", "á"}
	for _, w := range words {
		for _, l := range lows {
			if got, want := lowerEquals(w, l), strings.ToLower(w) == l; got != want {
				t.Errorf("lowerEquals(%q, %q) = %v, want %v", w, l, got, want)
			}
		}
	}
}

// TestAppendMentionKey holds appendMentionKey to mentionKey.
func TestAppendMentionKey(t *testing.T) {
	for _, w := range []string{"", "Sessions", "SESSIONS", "the Post", "The Post", "O’Brien", "O'Brien", "İstanbul", "the ", "x"} {
		if got, want := string(appendMentionKey([]byte("pre"), w)), "pre"+mentionKey(w); got != want {
			t.Errorf("appendMentionKey(%q) = %q, want %q", w, got, want)
		}
	}
}

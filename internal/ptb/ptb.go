// Package ptb recognises Penn-Treebank-tokenised text (as Timeline17 ships
// it: tokens split by spaces, “ and ” for quotes, -LRB- for brackets) and
// turns it back into ordinary text for display. The stored text is never
// changed; analysis offsets point into it as given.
package ptb

import (
	"strings"
)

// brackets maps PTB escapes to the characters they stand for.
var brackets = map[string]string{
	"-LRB-": "(", "-RRB-": ")",
	"-LSB-": "[", "-RSB-": "]",
	"-LCB-": "{", "-RCB-": "}",
}

// Looks reports whether text appears PTB-tokenised: a bracket escape, a
// “ or ” quote token, or enough " , " and " . " token gaps that ordinary
// prose would not have.
func Looks(text string) bool {
	if strings.Contains(text, "-LRB-") || strings.Contains(text, "-RRB-") ||
		strings.Contains(text, "`` ") || strings.Contains(text, " ''") {
		return true
	}
	gaps := strings.Count(text, " , ") + strings.Count(text, " .\n") + strings.Count(text, " 's ") + strings.Count(text, " n't ")
	return gaps >= 3 && gaps*200 >= len(text)/10
}

// Bracket returns the bracket a PTB escape ("-LRB-", "-RSB-" …) stands
// for, and whether tok is one.
func Bracket(tok string) (string, bool) {
	b, ok := brackets[tok]
	return b, ok
}

// Clitics are the endings PTB splits from their word as tokens of their
// own ("BP 's", "they 're"), in lower case.
var Clitics = [...]string{"'s", "'re", "'ve", "'ll", "'d", "'m"}

// noSpaceBefore are tokens that attach to the token on their left.
var noSpaceBefore = func() map[string]bool {
	m := map[string]bool{
		",": true, ".": true, ";": true, ":": true, "?": true, "!": true, "%": true,
		")": true, "]": true, "}": true, "''": true, "'S": true, "n't": true, "...": true,
		"'": true,
	}
	for _, c := range Clitics {
		m[c] = true
	}
	return m
}()

// noSpaceAfter are tokens that attach to the token on their right.
var noSpaceAfter = map[string]bool{
	"(": true, "[": true, "{": true, "``": true, "$": true, "#": true,
}

// Detokenize turns PTB tokens back into running text: “ and ” become
// double quotes, bracket escapes become brackets, and spaces before
// punctuation and clitics are closed up. Text that is not tokenised comes
// back with only those replacements, so it is safe to call on anything.
func Detokenize(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	lines := strings.Split(s, "\n")
	for li, line := range lines {
		if li > 0 {
			b.WriteByte('\n')
		}
		toks := strings.Fields(line)
		prevAttachRight := true // no space before the first token
		// Inside a single-quoted span opened by a lone ` token.
		for _, t := range toks {
			out := t
			if r, ok := brackets[t]; ok {
				out = r
			}
			switch t {
			case "``":
				out = "\""
			case "''":
				out = "\""
			case "`":
				out = "'"
			case "--":
				out = "—"
			}
			space := !prevAttachRight && !noSpaceBefore[t] && !noSpaceBefore[out]
			if space {
				b.WriteByte(' ')
			}
			b.WriteString(out)
			prevAttachRight = noSpaceAfter[t] || noSpaceAfter[out] || t == "`"
		}
	}
	return b.String()
}

package attrib

import (
	_ "embed"
	"slices"
	"strings"
)

// predicates.txt lists, by class, the words that can carry an
// attribution: verbs of saying, thinking, judging, urging and promising,
// the nouns that name what was said or thought, and the adjectives of a
// held view. The cue model scores these words even when PolNeAR train
// never marked them, and sees their class as a feature, so that a verb of
// saying it has no evidence for is read by its company ("quipped",
// "surmised", "brags").
//
//go:embed predicates.txt
var predicatesTxt string

// predVal is built when the package loads (a few thousand words):
// predClass runs for every word Find scans.
var predVal = parsePredicates(predicatesTxt)

// predClass returns the first class of word w ("say.v", "think.a", …),
// or "" when the list does not hold it. The cue models see this class
// only: the file lists the surest classes (saying) first.
func predClass(w string) string {
	if cs := predVal[w]; len(cs) > 0 {
		return cs[0]
	}
	return ""
}

// hasPredClass reports whether class is any of w's classes: "worried" is
// the past of the verb "worry" (think.v) and also an adjective of a held
// view (think.a), and the rules that ask about the adjective must find it
// behind the verb.
func hasPredClass(w, class string) bool {
	for _, c := range predVal[w] {
		if c == class {
			return true
		}
	}
	return false
}

// parsePredicates reads the predicates.txt form into a word → classes
// map, each word's classes in the order of the file and without repeats.
func parsePredicates(src string) map[string][]string {
	out := map[string][]string{}
	add := func(w, class string) {
		if w != "" && !slices.Contains(out[w], class) {
			out[w] = append(out[w], class)
		}
	}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		head, items, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		hf := strings.Fields(head)
		if len(hf) != 2 {
			continue
		}
		class := hf[0] + "." + hf[1]
		for _, it := range strings.Fields(items) {
			forms := strings.Split(strings.ToLower(it), "/")
			switch hf[1] {
			case "v":
				for _, f := range verbForms(forms) {
					add(f, class)
				}
			case "n":
				add(forms[0], class)
				if len(forms) > 1 {
					add(forms[1], class)
				} else {
					add(plural(forms[0]), class)
				}
			default:
				add(forms[0], class)
			}
		}
	}
	return out
}

// verbForms makes a verb's forms from its base and, when irregular, its
// past and participle. Where a final consonant might be doubled
// ("admitted", "regretting") both spellings are made, since a spelling
// that does not exist costs nothing.
func verbForms(forms []string) []string {
	base := forms[0]
	out := []string{base, thirdPerson(base)}
	if len(forms) > 1 {
		out = append(out, forms[1:]...)
	} else {
		out = append(out, pastForms(base)...)
	}
	return append(out, ingForms(base)...)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// endsCVC: a base ending consonant-vowel-consonant, whose last letter may
// double before -ed and -ing.
func endsCVC(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	a, b, c := w[n-3], w[n-2], w[n-1]
	// the u of "qu" is a consonant: "quipped"
	qu := a == 'u' && n > 3 && w[n-4] == 'q'
	return (!isVowel(a) || qu) && isVowel(b) && !isVowel(c) && strings.IndexByte("wxy", c) < 0
}

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case len(w) > 1 && strings.HasSuffix(w, "y") && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func plural(w string) string { return thirdPerson(w) }

func pastForms(w string) []string {
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "d"}
	case len(w) > 1 && strings.HasSuffix(w, "y") && !isVowel(w[len(w)-2]):
		return []string{w[:len(w)-1] + "ied"}
	case endsCVC(w):
		return []string{w + "ed", w + w[len(w)-1:] + "ed"}
	}
	return []string{w + "ed"}
}

func ingForms(w string) []string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return []string{w[:len(w)-2] + "ying"}
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye") && !strings.HasSuffix(w, "oe") && len(w) > 2:
		return []string{w[:len(w)-1] + "ing"}
	case endsCVC(w):
		return []string{w + "ing", w + w[len(w)-1:] + "ing"}
	}
	return []string{w + "ing"}
}

package timex

import "testing"

// TestEveryRuleFires tags the family sentences and fails for any rule that
// never produces an expression there: a pattern that cannot capture what
// its normaliser needs (a literal word where a class was meant), or one
// that another row always beats, is dead code that still looks like
// coverage.
func TestEveryRuleFires(t *testing.T) {
	fired := make([]int, len(compiled))
	ruleFired = func(r int) { fired[r]++ }
	defer func() { ruleFired = nil }()
	for _, l := range readFamilies(t) {
		if l.text != "" {
			Tag(l.text, nil, l.dct)
		}
	}
	for i, n := range fired {
		if n == 0 {
			t.Errorf("rule %d %q produces no expression on testdata/families.txt: add its family there, or mend or drop it", i, compiled[i].pat)
		}
	}
}

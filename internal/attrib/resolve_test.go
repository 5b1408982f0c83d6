package attrib

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/datelinehq/dateline"
)

// TestMentionIndex checks the index against the definition it replaces:
// the first mention, in the order given, that covers the offset and names
// an entity. Mentions come sorted (as entity.Recognize gives them) or not,
// nested, overlapping, empty and without an entity.
func TestMentionIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 400 {
		n := r.IntN(40)
		ms := make([]dateline.Mention, n)
		pos := 0
		for k := range ms {
			if trial%2 == 0 {
				pos += r.IntN(6) // sorted by Start
			} else {
				pos = r.IntN(100)
			}
			ms[k] = dateline.Mention{Start: pos, End: pos + r.IntN(12)}
			if r.IntN(4) > 0 {
				ms[k].Entity = "e" + strconv.Itoa(k)
			}
		}
		var mi mentionIndex
		mi.build(ms)
		for off := -2; off < 130; off++ {
			want := -1
			for k, m := range ms {
				if m.Start <= off && off < m.End && m.Entity != "" {
					want = k
					break
				}
			}
			if got := mi.first(off); got != want {
				t.Fatalf("trial %d, offset %d: got mention %d, want %d (%v)", trial, off, got, want, ms)
			}
		}
	}
}

package entity

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRecognizeHostile runs inputs built to trip quadratic loops at
// two sizes; linear code shows the same MB/s for both (compare the pairs).
func BenchmarkRecognizeHostile(b *testing.B) {
	units := []string{
		"de ", "A. ", "Smith ", "the president ", "( Don ) ", "NEW YORK 1 2 ", "& ", "U.S. ",
		"Sessions ", "'s ", "Jeff Sessions said . ", "!!!!!!!!!!!!", "X",
		// The news rules (news.go): heads, titles, datelines, aliases.
		"Acme Aerospace ", "Council President ", "Harlow Falls ", "HARLOW ( Wire ) — ", "in Eastgate ",
		"Acme Co. and ", "Acme ", "according to Acme Post ", "Agency ", "Ambry and ",
	}
	for i, u := range units {
		for _, n := range []int{2000, 8000} {
			text := strings.Repeat(u, n)
			b.Run(fmt.Sprintf("unit%d/%d", i, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Recognize(text, nil)
				}
			})
		}
	}
}

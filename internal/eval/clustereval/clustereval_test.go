package clustereval

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
)

func TestScore(t *testing.T) {
	// Gold {a,b,c} {d,e}; system {a,b} {c,d,e}.
	// Pairs: gold ab ac bc de (4); system ab cd ce de (4); common ab de (2).
	// B-cubed P: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
	// B-cubed R: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15.
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	sys := map[string]string{"a": "x", "b": "x", "c": "y", "d": "y", "e": "y", "z": "y"}
	tests := []struct {
		name     string
		sys      map[string]string
		pw, bc   PRF
		missing  int
		sysCount int
	}{
		{"mixed", sys, PRF{0.5, 0.5, 0.5}, PRF{11.0 / 15, 11.0 / 15, 11.0 / 15}, 0, 2},
		{"perfect", map[string]string{"a": "p", "b": "p", "c": "p", "d": "q", "e": "q"}, PRF{1, 1, 1}, PRF{1, 1, 1}, 0, 2},
		// All in one: pairs 10, correct 4. B-cubed P: a,b,c 3/5, d,e 2/5 → 13/25; R 1.
		{"one cluster", map[string]string{"a": "k", "b": "k", "c": "k", "d": "k", "e": "k"}, PRF{0.4, 1, 2 * 0.4 / 1.4}, PRF{13.0 / 25, 1, 2 * (13.0 / 25) / (1 + 13.0/25)}, 0, 1},
		// Singletons: no system pairs, P taken as 1, R 0. B-cubed P 1, R (1/3*3+1/2*2)/5 = 2/5.
		{"singletons", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, PRF{1, 0, 0}, PRF{1, 0.4, 2 * 0.4 / 1.4}, 0, 5},
		// Missing documents are singletons.
		{"missing", map[string]string{"a": "k", "b": "k", "c": "k"}, PRF{1, 0.75, 2 * 0.75 / 1.75}, PRF{1, (3 + 1) / 5.0, 2 * 0.8 / 1.8}, 2, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Score(gold, tt.sys)
			check := func(what string, got, want PRF) {
				if math.Abs(got.P-want.P) > 1e-9 || math.Abs(got.R-want.R) > 1e-9 || math.Abs(got.F1-want.F1) > 1e-9 {
					t.Errorf("%s = %+v, want %+v", what, got, want)
				}
			}
			check("pairwise", s.Pairwise, tt.pw)
			check("b-cubed", s.BCubed, tt.bc)
			if s.Missing != tt.missing || s.System != tt.sysCount || s.Gold != 2 || s.Docs != 5 {
				t.Errorf("counts = %+v", s)
			}
		})
	}
}

func TestRead(t *testing.T) {
	in := `{"id": "a", "story": "s1"}
{"id": "b", "cluster": 7}

{"id": 12, "cluster": "x"}
`
	got, err := Read(context.Background(), strings.NewReader(in), "in")
	if err != nil {
		t.Fatal(err)
	}
	if got["a"] != "s1" || got["b"] != "#7" || got["#12"] != "x" || len(got) != 3 {
		t.Errorf("Read = %v", got)
	}
	for _, bad := range []string{`{"id": "a"}`, `{"story": "s"}`, `not json`, `{"id": null, "story": "s"}`} {
		_, err := Read(context.Background(), strings.NewReader(bad), "in")
		if err == nil || dateline.ErrorKind(err) != dateline.Invalid || !strings.Contains(err.Error(), "in:1") {
			t.Errorf("Read(%q) error = %v, want an Invalid error naming line 1", bad, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`{"id": "a", "story": "s1"}` + "\n" + `{"id": 3, "cluster": 1.5}`)
	f.Add(`{"id": "", "story": []}`)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Read(context.Background(), strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		sc := Score(m, m)
		if len(m) > 0 && (sc.Pairwise.F1 < 0.999999 || sc.BCubed.F1 < 0.999999) {
			t.Fatalf("self-score %+v", sc)
		}
	})
}

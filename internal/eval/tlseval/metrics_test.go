package tlseval

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestStemPorterVocabulary(t *testing.T) {
	// Examples worked through in Porter (1980), one per rule family.
	cases := map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor",
		"sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size", "hopping": "hop",
		"tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz", "failing": "fail",
		"filing": "file", "happy": "happi", "sky": "sky",
		"relational": "relat", "conditional": "condit", "rational": "ration", "valenci": "valenc",
		"hesitanci": "hesit", "digitizer": "digit", "conformabli": "conform", "radicalli": "radic",
		"differentli": "differ", "vileli": "vile", "analogousli": "analog", "vietnamization": "vietnam",
		"predication": "predic", "operator": "oper", "feudalism": "feudal", "decisiveness": "decis",
		"hopefulness": "hope", "callousness": "callous", "formaliti": "formal", "sensitiviti": "sensit",
		"sensibiliti": "sensibl", "triplicate": "triplic", "formative": "form", "formalize": "formal",
		"electriciti": "electr", "electrical": "electr", "hopeful": "hope", "goodness": "good",
		"revival": "reviv", "allowance": "allow", "inference": "infer", "airliner": "airlin",
		"gyroscopic": "gyroscop", "adjustable": "adjust", "defensible": "defens", "irritant": "irrit",
		"replacement": "replac", "adjustment": "adjust", "dependent": "depend", "adoption": "adopt",
		"homologou": "homolog", "communism": "commun", "activate": "activ", "angulariti": "angular",
		"homologous": "homolog", "effective": "effect", "bowdlerize": "bowdler", "probate": "probat",
		"rate": "rate", "cease": "ceas", "controll": "control", "roll": "roll",
		// The reference implementation's departures ROUGE-1.5.5 follows.
		"archaeologi": "archaeolog", "possibli": "possibl",
		"generalization": "gener", "oscillators": "oscil",
	}
	for in, want := range cases {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		// "-" is split off and then dropped (a token must start with a
		// letter or digit); u, s, the are SMART stopwords; words over three
		// letters are stemmed, "led" is not.
		{"The U.S.-led coalition's forces, 3 killed", []string{"led", "coalit", "forc", "3", "kill"}},
		{"Oil spill reaches coast", []string{"oil", "spill", "reach", "coast"}},
		{"The oil spill reached the coast today", []string{"oil", "spill", "reach", "coast", "todai"}},
		{"-LRB- AP -RRB- --", []string{"lrb", "ap", "rrb"}},
		{"", nil},
	}
	for _, c := range cases {
		got := Tokens(c.in)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if n := len(stopwords); n != 570 {
		t.Errorf("SMART list has %d distinct words, want 570", n)
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPRF(t *testing.T, name string, got PRF, p, r float64) {
	t.Helper()
	if !near(got.P, p) || !near(got.R, r) || !near(got.F, F1(p, r)) {
		t.Errorf("%s = P %.4f R %.4f F %.4f, want P %.4f R %.4f F %.4f", name, got.P, got.R, got.F, p, r, F1(p, r))
	}
}

// The expected figures below were worked out by hand; the comments show
// the arithmetic.
func TestEvaluateHandCases(t *testing.T) {
	t.Run("single day", func(t *testing.T) {
		sys := Timeline{{day("2010-04-20"), []string{"Oil spill reaches coast"}}}
		ref := Timeline{{day("2010-04-20"), []string{"The oil spill reached the coast today"}}}
		s := Evaluate(sys, ref)
		// sys: oil spill reach coast; ref: oil spill reach coast todai.
		checkPRF(t, "concat R1", s.Concat[0], 4.0/4, 4.0/5)
		// bigrams: 3 of sys's 3 are among ref's 4.
		checkPRF(t, "concat R2", s.Concat[1], 3.0/3, 3.0/4)
		checkPRF(t, "agreement R1", s.Agreement[0], 1, 0.8)
		checkPRF(t, "align R2", s.AlignM1[1], 1, 0.75)
		checkPRF(t, "date", s.Date, 1, 1)
	})
	t.Run("crossed dates", func(t *testing.T) {
		sys := Timeline{
			{day("2010-01-01"), []string{"oil spill"}},
			{day("2010-01-03"), []string{"rig explosion"}},
		}
		ref := Timeline{
			{day("2010-01-02"), []string{"rig explosion"}},
			{day("2010-01-05"), []string{"oil spill"}},
		}
		s := Evaluate(sys, ref)
		// Precision: 01-01 costs 0.5×1 against 01-02 and 0.8×0 against
		// 01-05, so it pairs with 01-05 at weight 1/5: 2 hits → 0.4.
		// 01-03 costs 0.5×0 against 01-02 (weight 1/2: 2 hits → 1.0).
		// (0.4 + 1.0) / 4 unigrams = 0.35. Recall is symmetric here.
		checkPRF(t, "align R1", s.AlignM1[0], 0.35, 0.35)
		// One bigram per day: (0.2 + 0.5) / 2.
		checkPRF(t, "align R2", s.AlignM1[1], 0.35, 0.35)
		// Concatenated: every unigram matches; bigrams "oil spill" and
		// "rig explos" match, the cross-day "spill rig" does not.
		checkPRF(t, "concat R1", s.Concat[0], 1, 1)
		checkPRF(t, "concat R2", s.Concat[1], 2.0/3, 2.0/3)
		checkPRF(t, "agreement R1", s.Agreement[0], 0, 0)
		checkPRF(t, "date", s.Date, 0, 0)
	})
	t.Run("missing reference day", func(t *testing.T) {
		sys := Timeline{{day("2010-01-01"), []string{"oil spill coast"}}}
		ref := Timeline{
			{day("2010-01-01"), []string{"oil spill"}},
			{day("2010-01-02"), []string{"rig"}},
		}
		s := Evaluate(sys, ref)
		// Agreement: 2 hits of 3 system unigrams; 2 of 2+1 reference ones.
		checkPRF(t, "agreement R1", s.Agreement[0], 2.0/3, 2.0/3)
		// align+ m:1: the reference's 01-02 must pair with the only system
		// day, at weight 1/2, but shares nothing: recall (2+0)/3.
		checkPRF(t, "align R1", s.AlignM1[0], 2.0/3, 2.0/3)
		checkPRF(t, "date", s.Date, 1, 0.5)
	})
	t.Run("empty system", func(t *testing.T) {
		ref := Timeline{{day("2010-01-01"), []string{"oil spill"}}}
		s := Evaluate(nil, ref)
		checkPRF(t, "align R1", s.AlignM1[0], 0, 0)
		checkPRF(t, "date", s.Date, 0, 0)
	})
}

func TestMeanAveragesPRThenF(t *testing.T) {
	a := Scores{Date: PRF{P: 1, R: 0}}
	b := Scores{Date: PRF{P: 0, R: 1}}
	m := Mean([]Scores{a, b})
	// P = R = 0.5, so F = 0.5, not the mean of the two F1s (0).
	checkPRF(t, "date", m.Date, 0.5, 0.5)
}

func TestTimelineJSONRoundTrip(t *testing.T) {
	in := `[["2010-04-22", ["b"]], ["2010-04-20T00:00:00", ["a", "c"]], ["2010-04-22", ["d"]]]`
	var tl Timeline
	if err := json.Unmarshal([]byte(in), &tl); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	want := `[["2010-04-20",["a","c"]],["2010-04-22",["b","d"]]]`
	if string(out) != want {
		t.Errorf("round trip = %s, want %s", out, want)
	}
	for _, bad := range []string{`{}`, `[["2010-13-01", []]]`, `[[1, []]]`, `[["2010-01-01", "x"]]`} {
		if err := json.Unmarshal([]byte(bad), &tl); err == nil {
			t.Errorf("Unmarshal(%s) succeeded, want an error", bad)
		}
	}
}

func TestLineSentences(t *testing.T) {
	text := "  First line .\n\nSecond line .  \n"
	var got []string
	for _, sp := range LineSentences(text) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"First line .", "Second line ."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LineSentences = %q, want %q", got, want)
	}
}

func FuzzTimelineJSON(f *testing.F) {
	f.Add([]byte(`[["2010-04-20", ["a b"]]]`))
	f.Add([]byte(`[["2010-04-20T12:00", []]]`))
	f.Add([]byte(`[[]]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tl Timeline
		if err := json.Unmarshal(b, &tl); err != nil {
			return
		}
		// Whatever parses must score against itself without panicking,
		// and perfectly on dates.
		s := Evaluate(tl, tl)
		if len(tl) > 0 && !near(s.Date.F, 1) {
			t.Errorf("self date F1 = %v", s.Date.F)
		}
	})
}

func FuzzTokens(f *testing.F) {
	f.Add("The U.S.-led coalition's forces, 3 killed")
	f.Add("-LRB- AP -RRB- -- ``quoted''")
	f.Fuzz(func(t *testing.T, s string) {
		// Stopwords are removed before stemming (as ROUGE does), so a stem
		// may coincide with one ("alle" → "all"); only the alphabet is fixed.
		for _, w := range Tokens(s) {
			if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
				t.Errorf("Tokens(%q) yields %q", s, w)
			}
		}
	})
}

// TestExampleLabel checks the F-beta labels on counts worked by hand:
// 2 shared unigrams, 4 in the sentence, 8 in the reference: P .5, R .25.
func TestExampleLabel(t *testing.T) {
	e := Example{Hits: 2, Peer: 4, Model: 8}
	for _, c := range []struct{ beta, want float64 }{
		{1, 1.0 / 3},           // 2PR/(P+R) = .25/.75
		{0.5, 0.15625 / 0.375}, // 1.25·.125/(.25·.5+.25)
		{2, 0.625 / 2.25},      // 5·.125/(4·.5+.25)
	} {
		if got := e.Label(c.beta); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("beta %g: label %.6f, want %.6f", c.beta, got, c.want)
		}
	}
	if got := (Example{Peer: 4, Model: 8}).Label(0.3); got != 0 {
		t.Errorf("no shared unigrams: label %v, want 0", got)
	}
}

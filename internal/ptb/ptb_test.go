package ptb

import "testing"

func TestDetokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Plain text, untouched.", "Plain text, untouched."},
		{"BP 's chief said `` we will pay '' .", "BP's chief said \"we will pay\"."},
		{"NEW ORLEANS -LRB- AP -RRB- -- The judge", "NEW ORLEANS (AP) — The judge"},
		{"It does n't work , he said .", "It doesn't work, he said."},
		{"Costs rose 5 % to $ 10 .", "Costs rose 5% to $10."},
		{"one .\ntwo !", "one.\ntwo!"},
		{"`` Quote one . ''", "\"Quote one.\""},
	}
	for _, tt := range tests {
		if got := Detokenize(tt.in); got != tt.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooks(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"NEW ORLEANS -LRB- AP -RRB- -- The judge", true},
		{"He said `` no '' .", true},
		{"Jeff Sessions offered to hand in his resignation, according to reports.", false},
		{"The spill , which began on April 20 , has grown .\nBP 's shares fell .\nThe company , based in London , said so .", true},
	}
	for _, tt := range tests {
		if got := Looks(tt.in); got != tt.want {
			t.Errorf("Looks(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzDetokenize(f *testing.F) {
	f.Add("BP 's chief said `` we '' .")
	f.Add("-LRB- x -RRB-")
	f.Fuzz(func(t *testing.T, s string) {
		out := Detokenize(s)
		if len(out) > 3*len(s)+1 {
			t.Fatalf("output grew from %d to %d bytes", len(s), len(out))
		}
		_ = Looks(s)
	})
}

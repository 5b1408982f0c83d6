package seedtext

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in              string
		date, title, src, txt string
		err                   string
	}{
		{name: "seed style", in: " date 2017-06-07 US attorney-general Jeff Sessions offered.", date: "2017-06-07", txt: "US attorney-general Jeff Sessions offered."},
		{name: "newline", in: "date 2017-06-07\nBody here.", date: "2017-06-07", txt: "Body here."},
		{name: "headers", in: "date 2025-03-03\nsource: Harlow Falls Courier\ntitle: Taps run brown\n\nResidents complained.", date: "2025-03-03", src: "Harlow Falls Courier", title: "Taps run brown", txt: "Residents complained."},
		{name: "headline", in: "date 2025-03-03 Taps run brown\n\nResidents complained.", date: "2025-03-03", title: "Taps run brown", txt: "Residents complained."},
		{name: "sentence not headline", in: "date 2025-03-03 Taps ran brown.\n\nResidents complained.", date: "2025-03-03", txt: "Taps ran brown.\n\nResidents complained."},
		{name: "crlf", in: "date 2025-03-03\r\nsource: X\r\n\r\nBody.", date: "2025-03-03", src: "X", txt: "Body."},
		{name: "no date", in: "Just a body", err: "missing date"},
		{name: "impossible date", in: "date 2017-13-45 body", err: "impossible date"},
		{name: "empty body", in: "date 2017-01-02   ", err: "empty body"},
		{name: "bad utf8", in: "date 2017-01-02 caf\xe9 au lait", err: "invalid UTF-8 at byte offset 19"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Published.Format("2006-01-02"); got != tt.date {
				t.Errorf("date = %s, want %s", got, tt.date)
			}
			if d.Title != tt.title || d.Source != tt.src || strings.TrimSpace(d.Text) != tt.txt {
				t.Errorf("got title %q source %q text %q", d.Title, d.Source, d.Text)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("date 2017-06-07 body"))
	f.Add([]byte("date 2017-06-07\nsource: a\ntitle: b\n\nc"))
	f.Add([]byte("\ufeff date 2017-02-30 x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b)
		if err == nil && (d.Published.IsZero() || d.Text == "") {
			t.Fatalf("accepted a document without date or text: %+v", d)
		}
	})
}

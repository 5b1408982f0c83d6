package entity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// seedBody strips the dated-text header ("date YYYY-MM-DD ").
func seedBody(t testing.TB) string {
	t.Helper()
	dir := shareddata.Path(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed under %s", dir)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimLeft(string(data), " \t\r\n")
	if strings.HasPrefix(text, "date ") && len(text) > 16 {
		text = text[16:]
	}
	return text
}

// paragraphs splits on blank lines and sentence-final periods, a stand-in
// for the sentence splitter so this package's tests stand alone.
func roughSentences(text string) []dateline.Span {
	var out []dateline.Span
	start := 0
	for i := 0; i < len(text); i++ {
		end := -1
		switch {
		case text[i] == '\n':
			end = i
		case text[i] == '.' && i+1 < len(text) && text[i+1] == ' ' && i > 0 && text[i-1] != '.' &&
			!(i >= 2 && text[i-2] == '.'):
			end = i + 1
		}
		if end >= 0 {
			if strings.TrimSpace(text[start:end]) != "" {
				out = append(out, dateline.Span{Start: start, End: end})
			}
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, dateline.Span{Start: start, End: len(text)})
	}
	return out
}

func TestSeedEntities(t *testing.T) {
	text := seedBody(t)
	ms, ents := Recognize(text, roughSentences(text))
	want := map[string]string{
		"Jeff Sessions":       dateline.EntityPerson,
		"Donald Trump":        dateline.EntityPerson,
		"Sergey Kislyak":      dateline.EntityPerson,
		"Don McGahn":          dateline.EntityPerson,
		"Sean Spicer":         dateline.EntityPerson,
		"Politico":            dateline.EntityMedia,
		"The Washington Post": dateline.EntityMedia,
		"The New York Times":  dateline.EntityMedia,
		"White House":         dateline.EntityOrg,
		"Justice Department":  dateline.EntityOrg,
		"Russia":              dateline.EntityLoc,
	}
	got := map[string]string{}
	for _, e := range ents {
		got[e.Name] = e.Type
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("entity %q: got type %q, want %q", name, got[name], typ)
		}
	}
	// Aliases resolve to the full name.
	for _, m := range ms {
		switch m.Text {
		case "Sessions":
			if m.Entity != "Jeff Sessions" {
				t.Errorf("%q at %d resolves to %q, want Jeff Sessions", m.Text, m.Start, m.Entity)
			}
		case "Trump":
			if m.Entity != "Donald Trump" {
				t.Errorf("%q at %d resolves to %q, want Donald Trump", m.Text, m.Start, m.Entity)
			}
		case "attorney-general", "attorney general":
			if m.Entity != "Jeff Sessions" {
				t.Errorf("%q at %d resolves to %q, want Jeff Sessions", m.Text, m.Start, m.Entity)
			}
		}
		if strings.HasSuffix(m.Text, "'s") || strings.HasSuffix(m.Text, "’s") {
			t.Errorf("mention %q keeps the possessive", m.Text)
		}
	}
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\n", m.Start, m.End, m.Type, m.Text, m.Entity)
	}
	b.WriteString("--\n")
	for _, e := range ents {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", e.Type, e.Name, strings.Join(e.Aliases, "|"))
	}
	golden(t, "seed.golden", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run go test -update after checking):\n--- got\n%s", path, got)
	}
}

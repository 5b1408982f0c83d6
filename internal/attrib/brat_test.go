package attrib

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/sentence"
)

// readText reads the text of a PolNeAR document in split folder dir.
func readText(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// readGold parses the brat annotation file at path.
func readGold(t *testing.T, path string) *brat.Doc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := brat.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// annotate writes Find's attributions of text as a brat file at annPath,
// the form the scorer reads.
func annotate(t *testing.T, text, annPath string) {
	t.Helper()
	f, err := os.Create(annPath)
	if err != nil {
		t.Fatal(err)
	}
	werr := brat.Write(f, text, Find(text, sentence.Split(text), nil))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		t.Fatal(werr)
	}
}

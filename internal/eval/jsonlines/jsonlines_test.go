package jsonlines

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
)

func TestEach(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(path, []byte("{\"a\":1}\n\n  \n{\"a\":2}\nbad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Each(path, func(line []byte) error {
		if string(line) == "bad" {
			return errors.New("not JSON")
		}
		got = append(got, string(line))
		return nil
	})
	if strings.Join(got, "|") != `{"a":1}|{"a":2}` {
		t.Errorf("lines %q, want the two records and no blank ones", got)
	}
	if dateline.ErrorKind(err) != dateline.Invalid || !strings.Contains(err.Error(), "x.jsonl:5") || !strings.Contains(err.Error(), "not JSON") {
		t.Errorf("error %v: want an input error naming x.jsonl:5 and the cause", err)
	}
	if err := Each(filepath.Join(t.TempDir(), "missing.jsonl"), func([]byte) error { return nil }); dateline.ErrorKind(err) != dateline.Invalid {
		t.Errorf("missing file: %v, want an input error", err)
	}
}

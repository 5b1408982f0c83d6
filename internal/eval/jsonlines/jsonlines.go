// Package jsonlines reads the evaluation sets' index and gold files: one
// JSON record a line. The evaluation packages all read them the same way,
// so a bad line is reported the same way, with the file and line number.
package jsonlines

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	"github.com/datelinehq/dateline"
)

// MaxLine is the longest line read; the gold files hold whole documents.
const MaxLine = 64 << 20

// Each calls fn with every non-blank line of the file at path, in order.
// An error from fn stops the reading and comes back as an input error
// naming path and the line.
func Each(path string, fn func(line []byte) error) error {
	const op = "read JSONL"
	f, err := os.Open(path)
	if err != nil {
		return dateline.Errorf(dateline.Invalid, op, "%w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), MaxLine)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := fn(line); err != nil {
			return dateline.Errorf(dateline.Invalid, fmt.Sprintf("%s: %s:%d", op, path, n), "%w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return dateline.Errorf(dateline.Invalid, op+": "+path, "%w", err)
	}
	return nil
}

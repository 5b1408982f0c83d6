package sqlite

import (
	"os"
	"time"

	"github.com/datelinehq/dateline"
)

func mustDay(s string) time.Time {
	t, err := time.Parse(dateline.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

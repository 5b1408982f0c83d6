// Package shareddata finds the read-only ../shared folder of benchmark data
// that tests and evaluations read. Tests skip when it is absent on a user's
// fresh clone, but under CI=true its absence is a failure.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the shared folder: $DATELINE_SHARED, or ../shared beside the
// repository root. ok is false when neither exists.
func Root() (dir string, ok bool) {
	if d := os.Getenv("DATELINE_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
		return d, false
	}
	_, file, _, _ := runtime.Caller(0)
	// file is <repo>/internal/shareddata/shareddata.go
	repo := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(repo), "shared")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d, true
	}
	return d, false
}

// Path joins elem onto the shared folder, skipping the test when the folder
// is absent (failing it under CI=true) or the path does not exist.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	root, ok := Root()
	if !ok {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data folder %s is missing; CI must run with ../shared beside the repository", root)
		}
		t.Skipf("shared data folder %s not found; skipping", root)
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data %s: %v", p, err)
		}
		t.Skipf("shared data %s: %v", p, err)
	}
	return p
}

package dateline_test

import (
	"bufio"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestRootIsStandardLibraryOnly keeps the root package importable by every
// stage without pulling in any other.
func TestRootIsStandardLibraryOnly(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
				t.Errorf("%s imports %s: the root package is standard library only", f, p)
			}
		}
	}
}

// TestDependenciesDocumented fails when go.mod gains a direct dependency
// that docs/DEPENDENCIES.md does not justify, or loses one it still lists:
// the dependency set only changes on purpose.
func TestDependenciesDocumented(t *testing.T) {
	direct := directRequires(t)
	doc, err := os.ReadFile("docs/DEPENDENCIES.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		// Table rows: | `module/path` | version | why |
		if strings.HasPrefix(line, "| `") {
			mod := strings.TrimPrefix(line, "| `")
			mod = mod[:strings.Index(mod, "`")]
			listed[mod] = true
		}
	}
	var missing, stale []string
	for m := range direct {
		if !listed[m] {
			missing = append(missing, m)
		}
	}
	for m := range listed {
		if !direct[m] {
			stale = append(stale, m)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	if len(missing) > 0 {
		t.Errorf("direct dependencies not justified in docs/DEPENDENCIES.md: %v", missing)
	}
	if len(stale) > 0 {
		t.Errorf("docs/DEPENDENCIES.md lists modules go.mod no longer requires directly: %v", stale)
	}
}

func directRequires(t *testing.T) map[string]bool {
	f, err := os.Open("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "require (":
			in = true
			continue
		case line == ")":
			in = false
			continue
		case strings.HasPrefix(line, "require ") && !strings.HasSuffix(line, "("):
			line = strings.TrimPrefix(line, "require ")
		case !in:
			continue
		}
		if strings.Contains(line, "// indirect") || line == "" {
			continue
		}
		out[strings.Fields(line)[0]] = true
	}
	return out
}

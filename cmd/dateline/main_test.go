package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
	"github.com/datelinehq/dateline/internal/store/sqlite"
)

// cli runs the command in-process, as a user would from a shell.
func cli(t *testing.T, db string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	all := append([]string{"--db", db}, args...)
	code = run(context.Background(), all, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func docCount(t *testing.T, db string) int {
	t.Helper()
	code, out, errs := cli(t, db, "", "stats", "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errs)
	}
	var s dateline.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	return s.Documents
}

func TestDemo(t *testing.T) {
	code, out, errs := cli(t, filepath.Join(t.TempDir(), "unused.db"), "", "demo", "--no-serve")
	if code != 0 {
		t.Fatalf("demo exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"ingested 53 articles", "$ dateline search resignation", "$ dateline timeline", "$ dateline stories"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

func TestSeedIngestShowSearch(t *testing.T) {
	seeds := shareddata.Path(t, "seeds")
	db := filepath.Join(t.TempDir(), "seed.db")
	code, _, errs := cli(t, db, "", "--quiet", "ingest", seeds)
	if code != 0 {
		t.Fatalf("ingest seed: exit %d: %s", code, errs)
	}
	if n := docCount(t, db); n != 1 {
		t.Fatalf("seed gave %d documents, want 1", n)
	}
	code, out, _ := cli(t, db, "", "search", "--json", "resignation")
	var res dateline.SearchResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total != 1 {
		t.Fatalf("search resignation: exit %d, %s", code, out)
	}
	code, out, _ = cli(t, db, "", "show", "--json", res.Hits[0].ID)
	var a dateline.Article
	if code != 0 || json.Unmarshal([]byte(out), &a) != nil {
		t.Fatalf("show: exit %d, %s", code, out)
	}
	if a.Published.Format(dateline.DateLayout) != "2017-06-07" || !strings.HasPrefix(a.Text, "US attorney-general Jeff Sessions") {
		t.Errorf("seed document: %s %q", a.Published, a.Text[:40])
	}
	// The JSON shape every consumer reads: snake_case, every list present.
	for _, key := range []string{`"published_source"`, `"sentences"`, `"timexes"`, `"mentions"`, `"entities"`, `"attributions"`} {
		if !strings.Contains(out, key) {
			t.Errorf("show --json lacks %s", key)
		}
	}
	// Re-ingesting is a no-op.
	cli(t, db, "", "--quiet", "ingest", seeds)
	if n := docCount(t, db); n != 1 {
		t.Errorf("re-ingest changed the count to %d", n)
	}
	code, _, errs = cli(t, db, "", "show", "no-such-id")
	if code == 0 || !strings.Contains(errs, "no article with id") {
		t.Errorf("show unknown id: exit %d, %q", code, errs)
	}
}

func TestT17IngestsWholeTwice(t *testing.T) {
	dir := shareddata.Path(t, "data", "tls", "t17")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "articles.jsonl.gz"))
	if len(files) != 9 {
		t.Fatalf("found %d T17 topic files, want 9", len(files))
	}
	db := filepath.Join(t.TempDir(), "t17.db")
	for run := 0; run < 2; run++ {
		code, _, errs := cli(t, db, "", append([]string{"--quiet", "ingest", "--no-analyze"}, files...)...)
		if code != 0 {
			t.Fatalf("run %d: exit %d: %s", run, code, errs)
		}
		if n := docCount(t, db); n != 4650 {
			t.Fatalf("run %d: %d documents, want 4650", run, n)
		}
	}
	// PTB text is stored as given and shown detokenised.
	code, out, _ := cli(t, db, "", "show", "bpoil_bbc/2010-04-20/683")
	if code != 0 || strings.Contains(out, "-LRB-") || strings.Contains(out, "``") {
		t.Errorf("show of a PTB article: exit %d, still tokenised:\n%s", code, out)
	}
	code, out, _ = cli(t, db, "", "show", "--json", "bpoil_bbc/2010-04-20/683")
	if code != 0 || !strings.Contains(out, " , ") {
		t.Errorf("show --json should keep the stored PTB text: exit %d", code)
	}
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// TestBadInputs feeds each kind of bad input to a store that already holds
// the seed: each must give a clear message naming the input, a non-zero
// exit, and leave what was stored untouched.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bad.db")
	good := `{"id":"good-1","date":"2017-06-01","text":"A good article about the budget."}` + "\n"
	if code, _, errs := cli(t, db, good, "--quiet", "ingest", "-"); code != 0 {
		t.Fatalf("good ingest: %d %s", code, errs)
	}
	var lines []string
	for i := 0; i < 300; i++ {
		lines = append(lines, `{"id":"gz-`+strings.Repeat("x", i%7)+string(rune('a'+i%26))+`-`+strings.Repeat("y", i/26)+`","date":"2017-06-02","text":"filler text for a gzip stream that gets cut"}`)
	}
	gz := gzipBytes([]byte(strings.Join(lines, "\n") + "\n"))
	huge := `{"id":"huge","date":"2017-06-01","text":"` + strings.Repeat("a", 50<<20) + `"}` + "\n" + `{"id":"after-huge","date":"2017-06-01","text":"fine"}` + "\n"
	cases := []struct {
		name, file string
		content    []byte
		want       string
		wantAdded  int // documents the bad file still contributes
		exit       int
	}{
		{"truncated gzip", "cut.jsonl.gz", gz[:len(gz)*2/3], "truncated", -1, exitPartial},
		{"invalid utf8", "latin1.txt", []byte("date 2017-06-01 caf\xe9 cr\xe8me"), "invalid UTF-8", 0, exitPartial},
		{"huge line", "huge.jsonl", []byte(huge), "line too long", 1, exitPartial},
		{"binary junk", "junk.jsonl", []byte("\x00\x01\x02\x03\xff\xfe\xfd garbage \x00\x00"), "unrecognised format", 0, exitPartial},
		{"missing date", "nodate.jsonl", []byte(`{"id":"nd","text":"no date here"}` + "\n"), "missing date", 0, exitPartial},
		{"impossible date", "bad.txt", []byte("date 2017-13-45 An impossible day."), "impossible date", 0, exitPartial},
		{"future date", "future.jsonl", []byte(`{"id":"fut","date":"2999-01-01","text":"from the future"}` + "\n"), "in the future", 0, exitPartial},
		{"missing file", "does-not-exist.jsonl", nil, "no such file", 0, exitError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.file)
			if tc.content != nil {
				if err := os.WriteFile(p, tc.content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := docCount(t, db)
			code, _, errs := cli(t, db, "", "--quiet", "ingest", p)
			if code != tc.exit {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.exit, errs)
			}
			if !strings.Contains(errs, tc.want) || !strings.Contains(errs, tc.file) {
				t.Errorf("stderr does not name the file and %q:\n%s", tc.want, errs)
			}
			after := docCount(t, db)
			if after < before {
				t.Errorf("store lost documents: %d → %d", before, after)
			}
			if tc.wantAdded >= 0 && after-before != tc.wantAdded {
				t.Errorf("added %d documents, want %d", after-before, tc.wantAdded)
			}
			if code, _, _ := cli(t, db, "", "show", "good-1"); code != 0 {
				t.Error("the document stored before is gone")
			}
		})
	}
	// --strict stops at the first bad record with a plain failure.
	p := filepath.Join(dir, "mixed.jsonl")
	os.WriteFile(p, []byte(`{"id":"m1","text":"x"}`+"\n"+`{"id":"m2","date":"2017-06-01","text":"y"}`+"\n"), 0o644)
	code, _, errs := cli(t, db, "", "--quiet", "ingest", "--strict", p)
	if code != exitError || !strings.Contains(errs, "mixed.jsonl:1") {
		t.Errorf("--strict: exit %d, %s", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	for _, args := range [][]string{
		{"nonsense-command"},
		{"ingest"},
		{"search"},
		{"search", "--from", "2017-13-01", "x"},
		{"timeline"},
		{"stories", "--format", "xml"},
		{"entities", "--type", "ANIMAL"},
		{"show", "--no-such-flag", "x"},
	} {
		code, _, errs := cli(t, db, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errs)
		}
	}
}

// TestKilledIngestResumes kills an ingest with SIGKILL mid-run, checks the
// store is whole and readable, and that a second run completes it.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := shareddata.Path(t, "data", "tls", "t17")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "articles.jsonl.gz"))
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "dateline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(tmp, "kill.db")
	// The ingest reads JSONL from a pipe that holds back the last records
	// until the process is dead, so the kill always lands mid-ingest:
	// while batches are being written, never after the last one.
	var lines [][]byte
	for _, f := range files {
		lines = append(lines, gunzipLines(t, f)...)
	}
	if len(lines) != 4650 {
		t.Fatalf("read %d T17 records, want 4650", len(lines))
	}
	cmd := exec.Command(bin, "--db", db, "--quiet", "ingest", "--no-analyze", "--batch", "64", "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	held := 1000
	go func() {
		// Errors end the copy: the process was killed, which is the point.
		for _, l := range lines[:len(lines)-held] {
			if _, err := stdin.Write(append(l, '\n')); err != nil {
				return
			}
		}
	}()
	// Wait until some batches are committed, reading while it writes.
	deadline := time.Now().Add(60 * time.Second)
	n := 0
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		code, out, _ := cli(t, db, "", "stats", "--json")
		var s dateline.Stats
		if code == 0 && json.Unmarshal([]byte(out), &s) == nil && s.Documents > 500 {
			n = s.Documents
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if n == 0 {
		t.Fatal("no documents became visible to a reader while the ingest ran")
	}
	after := docCount(t, db)
	if after < n {
		t.Fatalf("documents visible before the kill (%d) are gone after it (%d)", n, after)
	}
	if after > len(lines)-held {
		t.Fatalf("%d documents stored, but only %d were sent", after, len(lines)-held)
	}
	t.Logf("killed with %d documents stored (%d seen by a reader before the kill)", after, n)
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("store damaged by the kill: %v", err)
	}
	st.Close()
	code, _, errs := cli(t, db, "", append([]string{"--quiet", "ingest", "--no-analyze"}, files...)...)
	if code != 0 {
		t.Fatalf("resume: exit %d: %s", code, errs)
	}
	if got := docCount(t, db); got != 4650 {
		t.Errorf("after resume: %d documents, want 4650", got)
	}
	// Every stored document is whole: its text searchable and showable.
	code, out, _ := cli(t, db, "", "search", "--json", "--limit", "1", "Deepwater")
	if code != 0 || !strings.Contains(out, `"total"`) {
		t.Errorf("search after resume: exit %d %s", code, out)
	}
}

// gunzipLines returns the lines of a gzipped JSONL file.
func gunzipLines(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n"))
}

// TestEvalTLSBadGrid: a malformed --betas or --lead-refs list, or --hand
// beside --loto (which chooses the ranking itself), is a usage
// error naming the flag, before any data is read.
func TestEvalTLSBadGrid(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--betas", "0.3,abc"},
		{"--betas", "-1"},
		{"--lead-refs", "3,,"},
		{"--hand"},
	} {
		code, _, errs := cli(t, filepath.Join(dir, "unused.db"), "", append([]string{"eval", "tls", "--dataset", dir, "--loto"}, args...)...)
		if code != exitUsage || !strings.Contains(errs, args[0]) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d naming %s", args, code, errs, exitUsage, args[0])
		}
	}
}

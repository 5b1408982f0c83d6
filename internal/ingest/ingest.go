// Package ingest turns paths (files, folders, stdin) into dated documents.
// It sniffs each input's content to pick a reader — dated text, a dated
// folder tree, JSONL (optionally gzipped), a JSON array, HTML, WARC — and
// reports every record it cannot read with its file and line, so one bad
// record never stops the rest.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/ingest/jsonl"
	"github.com/datelinehq/dateline/internal/ingest/seedtext"
)

// Format is what Detect found an input to be.
type Format string

// Formats.
const (
	FormatDatedText Format = "dated-text"
	FormatPlainText Format = "text" // needs a date from its folder
	FormatJSONL     Format = "jsonl"
	FormatJSONArray Format = "json"
	FormatHTML      Format = "html"
	FormatWARC      Format = "warc"
	FormatFeed      Format = "feed"
	FormatUnknown   Format = "unknown"
)

// Detect sniffs the first bytes of an (already decompressed) input.
func Detect(head []byte) Format {
	h := bytes.TrimLeft(head, " \t\r\n")
	h = bytes.TrimPrefix(h, []byte("\ufeff"))
	h = bytes.TrimLeft(h, " \t\r\n")
	switch {
	case len(h) == 0:
		return FormatUnknown
	case bytes.HasPrefix(h, []byte("WARC/")):
		return FormatWARC
	case seedtext.Looks(h):
		return FormatDatedText
	case h[0] == '{':
		return FormatJSONL
	case h[0] == '[':
		return FormatJSONArray
	case h[0] == '<':
		lower := bytes.ToLower(h[:min(len(h), 1024)])
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return FormatFeed
		}
		return FormatHTML
	}
	if looksText(head) {
		return FormatPlainText
	}
	return FormatUnknown
}

// looksText is true for input with no NUL bytes and mostly printable
// characters: what a plain article body in a dated folder looks like.
func looksText(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			ctl++
		}
	}
	return ctl*20 < len(b)
}

// Options control a walk.
type Options struct {
	// Now is the clock: documents dated more than a day after it are
	// rejected as impossible. Required.
	Now func() time.Time
	// Stdin is read for the path "-".
	Stdin io.Reader
	// BytesRead, when set, is advanced as raw input bytes are consumed, for
	// progress reports.
	BytesRead *atomic.Int64
}

// Func receives each document, or a record-level error (already naming the
// file and line). Returning a non-nil error stops the walk with that error.
type Func func(doc dateline.Document, err error) error

// Walk reads every document under path ("-" for stdin): a file, or a folder
// walked in lexical order. Errors returned are fatal for the walk (a path
// that does not exist, fn's own error); bad records go to fn.
func Walk(ctx context.Context, p string, opts Options, fn Func) error {
	if p == "-" {
		if opts.Stdin == nil {
			return dateline.Errorf(dateline.Invalid, "ingest", "no standard input")
		}
		return readOne(ctx, "-", "<stdin>", opts.Stdin, opts, fn)
	}
	st, err := os.Stat(p)
	if err != nil {
		return dateline.Errorf(dateline.Invalid, "ingest", "%v", err)
	}
	if !st.IsDir() {
		return WalkFS(ctx, os.DirFS(filepath.Dir(p)), filepath.Base(p), filepath.Dir(p), opts, fn)
	}
	return WalkFS(ctx, os.DirFS(p), ".", p, opts, fn)
}

// articleExt are the file names a folder walk reads; an explicitly named
// file is read whatever its name.
var articleExt = []string{".txt", ".jsonl", ".jsonl.gz", ".ndjson", ".html", ".htm", ".html.gz", ".warc", ".warc.gz", ".rss", ".atom", ".xml"}

func isArticleFile(name string) bool {
	lower := strings.ToLower(name)
	for _, e := range articleExt {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return !strings.Contains(path.Base(lower), ".")
}

// WalkFS reads root inside fsys; display is the prefix error messages and
// origins show for paths inside fsys (the user's own spelling of the path).
func WalkFS(ctx context.Context, fsys fs.FS, root, display string, opts Options, fn Func) error {
	if opts.Now == nil {
		return errors.New("ingest: Options.Now is required")
	}
	st, err := fs.Stat(fsys, root)
	if err != nil {
		return dateline.Errorf(dateline.Invalid, "ingest", "%v", err)
	}
	show := func(p string) string {
		if display == "" {
			return p
		}
		return filepath.Join(display, filepath.FromSlash(p))
	}
	if !st.IsDir() {
		return readFile(ctx, fsys, root, show(root), opts, fn)
	}
	var files []string
	err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return dateline.Errorf(dateline.Invalid, "ingest: "+show(p), "%v", err)
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && isArticleFile(name) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readFile(ctx, fsys, f, show(f), opts, fn); err != nil {
			return err
		}
	}
	return nil
}

func readFile(ctx context.Context, fsys fs.FS, p, shown string, opts Options, fn Func) error {
	f, err := fsys.Open(p)
	if err != nil {
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, "ingest: "+shown, "%v", err))
	}
	defer f.Close()
	return readOne(ctx, p, shown, f, opts, fn)
}

// countingReader advances a shared counter as bytes are read.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if c.n != nil {
		c.n.Add(int64(n))
	}
	return n, err
}

// readOne sniffs one input and hands it to its reader.
func readOne(ctx context.Context, p, shown string, r io.Reader, opts Options, fn Func) error {
	op := "ingest: " + shown
	br := bufio.NewReaderSize(countingReader{r, opts.BytesRead}, 64<<10)
	head, _ := br.Peek(2)
	var in io.Reader = br
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "bad gzip header: %v", err))
		}
		defer zr.Close()
		in = zr
	}
	ir := bufio.NewReaderSize(in, 64<<10)
	sniff, err := ir.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		if len(sniff) == 0 {
			return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "unreadable: %v", err))
		}
	}
	format := Detect(sniff)
	if format == FormatPlainText || format == FormatDatedText {
		return readText(p, shown, ir, format, opts, fn)
	}
	switch format {
	case FormatJSONL:
		return readJSONL(ctx, shown, ir, opts, fn)
	case FormatJSONArray:
		return readJSONArray(shown, ir, opts, fn)
	case FormatHTML:
		return readHTML(ctx, shown, ir, opts, fn)
	case FormatWARC:
		return readWARC(ctx, shown, ir, opts, fn)
	case FormatFeed:
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op,
			"this is an RSS/Atom feed: its items link to pages; use 'dateline watch --once URL' to fetch and ingest them"))
	}
	if len(bytes.TrimSpace(sniff)) == 0 {
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "empty input"))
	}
	return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op,
		"unrecognised format: not dated text (\"date YYYY-MM-DD …\"), JSONL, HTML, WARC or a feed"))
}

// maxText bounds one text article; a larger "article" is almost always a
// mistaken input (a database dump, a binary).
const maxText = 16 << 20

var dateDir = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func readText(p, shown string, r io.Reader, format Format, opts Options, fn Func) error {
	op := "ingest: " + shown
	b, err := io.ReadAll(io.LimitReader(r, maxText+1))
	if err != nil {
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "read: %v (truncated or corrupt file?)", err))
	}
	if len(b) > maxText {
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "over %d MiB: not an article", maxText>>20))
	}
	var doc dateline.Document
	outlet, folderDate := folderParts(shown)
	if format == FormatDatedText {
		doc, err = seedtext.Parse(b)
		if err != nil {
			return fn(doc, dateline.Errorf(dateline.Invalid, op, "%v", err))
		}
	} else {
		if folderDate == "" {
			return fn(doc, dateline.Errorf(dateline.Invalid, op,
				"missing date: plain text needs a \"date YYYY-MM-DD\" first line or a …/YYYY-MM-DD/ folder"))
		}
		doc.Text = string(b)
		if !utf8.Valid(b) {
			return fn(doc, dateline.Errorf(dateline.Invalid, op, "invalid UTF-8 (convert the file to UTF-8)"))
		}
		t, err := time.Parse(dateline.DateLayout, folderDate)
		if err != nil {
			return fn(doc, dateline.Errorf(dateline.Invalid, op, "impossible folder date %q", folderDate))
		}
		doc.Published, doc.PublishedSource = t, dateline.DateFromFolder
		doc.Title, doc.Text = seedtext.SplitHeadline(strings.TrimSpace(doc.Text))
		if strings.TrimSpace(doc.Text) == "" {
			return fn(doc, dateline.Errorf(dateline.Invalid, op, "empty article"))
		}
		if doc.Source == "" {
			doc.Source = outlet
		}
		if doc.ID == "" && outlet != "" {
			// The Timeline17/L3S convention: outlet/date/file.
			base := path.Base(filepath.ToSlash(shown))
			doc.ID = outlet + "/" + folderDate + "/" + strings.TrimSuffix(base, path.Ext(base))
		}
	}
	doc.Origin = shown
	if err := finish(&doc, opts); err != nil {
		return fn(doc, dateline.Errorf(dateline.Invalid, op, "%v", err))
	}
	return fn(doc, nil)
}

// folderParts finds a YYYY-MM-DD folder in a path and the folder above it
// (the outlet, in the Timeline17 layout).
func folderParts(p string) (outlet, date string) {
	parts := strings.Split(filepath.ToSlash(p), "/")
	for i := len(parts) - 2; i >= 0; i-- {
		if dateDir.MatchString(parts[i]) {
			if i > 0 && parts[i-1] != "." && parts[i-1] != ".." {
				outlet = parts[i-1]
			}
			return outlet, parts[i]
		}
	}
	return "", ""
}

func readJSONL(ctx context.Context, shown string, r io.Reader, opts Options, fn Func) error {
	jr := jsonl.NewReader(r)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := jr.Next()
		if err == io.EOF {
			return nil
		}
		var le *jsonl.LineError
		if err != nil && !errors.As(err, &le) {
			// A broken stream (truncated gzip): what was read is kept.
			return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, "ingest: "+shown, "%v", err))
		}
		loc := fmt.Sprintf("%s:%d", shown, jr.Line())
		if err != nil {
			if ferr := fn(doc, dateline.Errorf(dateline.Invalid, "ingest: "+loc, "%v", le.Err)); ferr != nil {
				return ferr
			}
			continue
		}
		doc.Origin = loc
		if ferr := finish(&doc, opts); ferr != nil {
			err = dateline.Errorf(dateline.Invalid, "ingest: "+loc, "%v", ferr)
		}
		if ferr := fn(doc, err); ferr != nil {
			return ferr
		}
	}
}

// readJSONArray reads a JSON array of article objects (what an API client
// is likely to send), each element checked like a JSONL line.
func readJSONArray(shown string, r io.Reader, opts Options, fn Func) error {
	dec := json.NewDecoder(io.LimitReader(r, 1<<30))
	if _, err := dec.Token(); err != nil {
		return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, "ingest: "+shown, "invalid JSON: %v", err))
	}
	for i := 0; dec.More(); i++ {
		loc := fmt.Sprintf("%s[%d]", shown, i)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fn(dateline.Document{}, dateline.Errorf(dateline.Invalid, "ingest: "+loc, "invalid JSON: %v", err))
		}
		doc, err := jsonl.Parse(raw)
		if err == nil {
			doc.Origin = loc
			err = finish(&doc, opts)
		}
		if err != nil {
			err = dateline.Errorf(dateline.Invalid, "ingest: "+loc, "%v", err)
		}
		if ferr := fn(doc, err); ferr != nil {
			return ferr
		}
	}
	return nil
}

// finish checks a document's date against the clock and gives it an id
// when its input had none.
func finish(doc *dateline.Document, opts Options) error {
	if doc.Published.IsZero() {
		return errors.New("missing date")
	}
	if now := opts.Now(); doc.Published.After(now.Add(36 * time.Hour)) {
		return fmt.Errorf("date %s is in the future", doc.Published.Format(dateline.DateLayout))
	}
	if doc.Published.Year() < 1800 {
		return fmt.Errorf("date %s is implausibly old", doc.Published.Format(dateline.DateLayout))
	}
	if doc.ID == "" {
		doc.ID = ContentID(*doc)
	}
	return nil
}

// ContentID is the stable id of a document whose input gave none: a hash of
// its date, outlet, title and text, so the same article ingested from two
// places is one document.
func ContentID(d dateline.Document) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", d.Published.UTC().Format(dateline.DateLayout), d.Source, d.Title)
	io.WriteString(h, strings.TrimSpace(d.Text))
	return "d" + hex.EncodeToString(h.Sum(nil))[:16]
}

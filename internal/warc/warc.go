// Package warc streams the HTML pages out of WARC archives (WARC/1.0 and
// 1.1, plain or gzipped per record as Common Crawl's CC-NEWS ships them)
// and turns each into a dateline.Document through htmlpage.
//
// The reader is our own: the format is a version line, RFC 822-style
// headers, a Content-Length block and two CRLFs, and what we need from it
// (response records, their target URI and capture date) is a few hundred
// lines, where the Go WARC libraries bring crawler and writer machinery
// with many dependencies. Memory stays constant in the archive's size: one
// record is held at a time and a page body is capped at
// htmlpage.MaxPageBytes.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/htmlpage"
)

// Stats counts what a walk over an archive saw.
type Stats struct {
	Records        int   // WARC records read, of any type
	Responses      int   // response records
	HTML           int   // HTML pages handed on as documents
	SkippedNonHTML int   // responses whose payload is not HTML
	SkippedStatus  int   // responses with an HTTP status other than 200
	Errors         int   // records that could not be read or extracted
	Bytes          int64 // bytes of the (possibly compressed) archive consumed
}

// maxHeaderBytes bounds a record's WARC header block; real ones are under
// 2 KB, and a missing blank line must not make us buffer a whole file.
const maxHeaderBytes = 64 << 10

// Record is one WARC record's header and a reader over its block.
type Record struct {
	Version string
	Header  http.Header // canonicalised names: Warc-Type, Warc-Target-Uri, Warc-Date…
	Offset  int64       // byte offset of the record (of its gzip member) in the archive
	Length  int64       // Content-Length of the block
	Block   io.Reader   // exactly Length bytes; unread bytes are skipped by Next
}

// Type is the WARC-Type header ("response", "request", "warcinfo"…).
func (r *Record) Type() string { return r.Header.Get("Warc-Type") }

// TargetURI is the captured URL, without the angle brackets WARC/1.1
// examples sometimes show.
func (r *Record) TargetURI() string {
	return strings.Trim(strings.TrimSpace(r.Header.Get("Warc-Target-Uri")), "<>")
}

// Date is the capture time.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(r.Header.Get("Warc-Date")))
	if err != nil {
		return time.Time{}
	}
	return t
}

// Reader reads records one at a time.
type Reader struct {
	src     *countingReader
	br      *bufio.Reader
	gz      *gzip.Reader
	gzipped bool
	started bool
	cur     *Record
	curRaw  io.Reader // the record's stream (the gzip member or the plain reader)
	err     error
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// NewReader returns a reader over a WARC archive, gzipped per record or
// not (sniffed from the first bytes).
func NewReader(r io.Reader) *Reader {
	c := &countingReader{r: r}
	return &Reader{src: c, br: bufio.NewReaderSize(c, 64<<10)}
}

// offset is the archive position of the next unread byte.
func (r *Reader) offset() int64 { return r.src.n - int64(r.br.Buffered()) }

// BytesRead is how much of the archive has been consumed, for progress.
func (r *Reader) BytesRead() int64 { return r.offset() }

// RecordError is a record that could not be read; the walk can go on.
type RecordError struct {
	Offset int64
	Err    error
}

func (e *RecordError) Error() string { return fmt.Sprintf("offset %d: %v", e.Offset, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

// Next advances to the next record. It returns io.EOF at the end, a
// *RecordError for a damaged record (call Next again to skip past it) and
// other errors for failures of the underlying reader.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	if err := r.finishCurrent(); err != nil {
		return nil, err
	}
	if !r.started {
		r.started = true
		head, _ := r.br.Peek(2)
		r.gzipped = len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b
	}
	off := r.offset()
	if _, err := r.br.Peek(1); err == io.EOF {
		r.err = io.EOF
		return nil, io.EOF
	}
	var stream *bufio.Reader
	if r.gzipped {
		if r.gz == nil {
			gz, err := gzip.NewReader(r.br)
			if err != nil {
				return nil, r.resync(off, fmt.Errorf("gzip header: %w", err))
			}
			r.gz = gz
		} else if err := r.gz.Reset(r.br); err != nil {
			if err == io.EOF {
				r.err = io.EOF
				return nil, io.EOF
			}
			return nil, r.resync(off, fmt.Errorf("gzip header: %w", err))
		}
		// One member per record: stop at its end so offsets stay exact.
		r.gz.Multistream(false)
		stream = bufio.NewReaderSize(r.gz, 16<<10)
		r.curRaw = stream
	} else {
		stream = r.br
		r.curRaw = r.br
		// Tolerate stray blank lines between records.
		for {
			b, err := r.br.Peek(1)
			if err != nil {
				r.err = io.EOF
				return nil, io.EOF
			}
			if b[0] != '\r' && b[0] != '\n' {
				break
			}
			r.br.ReadByte()
		}
		off = r.offset()
	}
	rec, err := readHeader(stream)
	if err != nil {
		if r.gzipped && err == io.EOF {
			// An empty member (some writers end with one).
			return r.Next()
		}
		return nil, r.resync(off, err)
	}
	rec.Offset = off
	rec.Block = io.LimitReader(stream, rec.Length)
	r.cur = rec
	return rec, nil
}

// finishCurrent skips what is left of the current record.
func (r *Reader) finishCurrent() error {
	if r.cur == nil {
		return nil
	}
	rec := r.cur
	r.cur = nil
	if _, err := io.Copy(io.Discard, rec.Block); err != nil {
		return r.resync(rec.Offset, fmt.Errorf("record block: %w", err))
	}
	if r.gzipped {
		// The trailing CRLFs and anything else left in the member.
		if _, err := io.Copy(io.Discard, r.curRaw); err != nil {
			return r.resync(rec.Offset, fmt.Errorf("gzip member: %w", err))
		}
		return nil
	}
	// Plain archives: the block is followed by CRLF CRLF.
	for i := 0; i < 4; i++ {
		b, err := r.br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			break
		}
		r.br.ReadByte()
	}
	return nil
}

// resync skips to the next plausible record start after a damaged one and
// returns the error describing the damage.
func (r *Reader) resync(off int64, cause error) error {
	r.cur = nil
	var magic []byte
	if r.gzipped {
		magic = []byte{0x1f, 0x8b, 0x08}
	} else {
		magic = []byte("WARC/1.")
	}
	// Always move forward at least one byte past off, so a record that
	// fails at its first byte cannot loop.
	if r.offset() <= off {
		if _, err := r.br.ReadByte(); err != nil {
			r.err = io.EOF
			return &RecordError{Offset: off, Err: cause}
		}
	}
	for {
		buf, err := r.br.Peek(len(magic))
		if err != nil {
			// Fewer bytes than a record start: the archive ends here.
			r.br.Discard(r.br.Buffered())
			r.err = io.EOF
			break
		}
		if bytes.Equal(buf, magic) {
			break
		}
		// Skip to the next candidate first byte quickly.
		window, _ := r.br.Peek(r.br.Buffered())
		if i := bytes.IndexByte(window[1:], magic[0]); i >= 0 {
			r.br.Discard(i + 1)
		} else {
			r.br.Discard(len(window))
		}
	}
	return &RecordError{Offset: off, Err: cause}
}

func readHeader(br *bufio.Reader) (*Record, error) {
	total := 0
	line, err := readLine(br, &total)
	if err != nil {
		if err == io.EOF && total == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("version line: %w", unexpected(err))
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("not a WARC record: starts %q", clip(line, 40))
	}
	rec := &Record{Version: strings.TrimSpace(line), Header: http.Header{}}
	var last string
	for {
		line, err := readLine(br, &total)
		if err != nil {
			return nil, fmt.Errorf("header: %w", unexpected(err))
		}
		if line == "" {
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := rec.Header[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("header line without colon: %q", clip(line, 60))
		}
		last = http.CanonicalHeaderKey(strings.TrimSpace(k))
		rec.Header.Add(last, strings.TrimSpace(v))
	}
	cl := rec.Header.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad Content-Length %q", clip(cl, 30))
	}
	rec.Length = n
	return rec, nil
}

func readLine(br *bufio.Reader, total *int) (string, error) {
	var b []byte
	for {
		frag, err := br.ReadSlice('\n')
		*total += len(frag)
		if *total > maxHeaderBytes {
			return "", errors.New("header block too large")
		}
		b = append(b, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if len(b) > 0 && err == io.EOF {
				return "", io.ErrUnexpectedEOF
			}
			return "", err
		}
		break
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// Documents walks an archive and calls fn with each HTML response as a
// document, or with a non-nil error (a *RecordError with the byte offset)
// for a record that could not be read; the walk goes on after it unless fn
// returns an error, which stops the walk and is returned. name is the
// archive's name for documents' Origin. Pages are extracted on up to
// GOMAXPROCS goroutines while the archive is read in order, and fn is
// called in archive order from the calling goroutine.
func Documents(ctx context.Context, r io.Reader, name string, fn func(doc dateline.Document, err error) error) (Stats, error) {
	return documents(ctx, r, name, runtime.GOMAXPROCS(0), fn)
}

// outcome is what one record came to.
type outcome struct {
	counted bool // a record (false: the end-of-archive marker)
	doc     dateline.Document
	skip    skipReason
	err     error
	fatal   error
}

type job struct {
	ctx     context.Context
	rec     recordInfo
	payload []byte
	ctype   string
	out     chan outcome
}

type recordInfo struct {
	offset   int64
	uri      string
	captured time.Time
}

func documents(ctx context.Context, r io.Reader, name string, workers int, fn func(doc dateline.Document, err error) error) (st Stats, err error) {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wr := NewReader(r)
	// pending holds one slot per record in archive order; its capacity
	// bounds how many pages are in memory at once.
	pending := make(chan chan outcome, 2*workers)
	jobs := make(chan job)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := extractPage(j.ctx, j.rec, j.payload, j.ctype, name)
				if cerr := j.ctx.Err(); cerr != nil {
					j.out <- outcome{fatal: cerr}
					continue
				}
				j.out <- outcome{counted: true, doc: doc, err: err}
			}
		}()
	}
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(pending)
		defer close(jobs)
		for {
			slot := make(chan outcome, 1)
			o, j, more := nextOutcome(ctx, wr, name)
			select {
			case pending <- slot:
			case <-ctx.Done():
				return
			}
			if j != nil {
				j.out = slot
				j.ctx = ctx
				select {
				case jobs <- *j:
				case <-ctx.Done():
					slot <- outcome{fatal: ctx.Err()}
					return
				}
			} else {
				slot <- o
			}
			if !more {
				return
			}
		}
	}()
	defer func() {
		cancel()
		for range pending {
		}
		<-readerDone
		wg.Wait()
		st.Bytes = wr.BytesRead()
	}()
	for slot := range pending {
		o := <-slot
		if o.fatal != nil {
			if cerr := ctx.Err(); cerr != nil && o.fatal == cerr {
				return st, cerr
			}
			return st, o.fatal
		}
		if !o.counted {
			continue
		}
		st.Records++
		if o.err != nil {
			st.Errors++
			if ferr := fn(dateline.Document{}, o.err); ferr != nil {
				return st, ferr
			}
			continue
		}
		switch o.skip {
		case skipOther:
		case skipStatus:
			st.Responses++
			st.SkippedStatus++
		case skipNonHTML:
			st.Responses++
			st.SkippedNonHTML++
		default:
			st.Responses++
			st.HTML++
			if ferr := fn(o.doc, nil); ferr != nil {
				return st, ferr
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	return st, nil
}

// nextOutcome reads one record. It returns either a finished outcome or a
// job for the extractor, and whether more records may follow.
func nextOutcome(ctx context.Context, wr *Reader, name string) (outcome, *job, bool) {
	if err := ctx.Err(); err != nil {
		return outcome{fatal: err}, nil, false
	}
	rec, err := wr.Next()
	if err == io.EOF {
		return outcome{}, nil, false
	}
	if err != nil {
		var re *RecordError
		if !errors.As(err, &re) {
			return outcome{fatal: dateline.Errorf(dateline.Unavailable, "warc: "+name, "read: %w", err)}, nil, false
		}
		return outcome{counted: true, err: dateline.Errorf(dateline.Invalid, "warc: "+name, "%w", re)}, nil, true
	}
	if rec.Type() != "response" {
		return outcome{counted: true, skip: skipOther}, nil, true
	}
	info := recordInfo{offset: rec.Offset, uri: rec.TargetURI(), captured: rec.Date()}
	payload, ctype, skip, err := readResponse(rec)
	if err != nil {
		return outcome{counted: true, err: dateline.Errorf(dateline.Invalid, fmt.Sprintf("warc: %s@%d", name, rec.Offset), "%s: %w", info.uri, err)}, nil, true
	}
	if skip != keep {
		return outcome{counted: true, skip: skip}, nil, true
	}
	return outcome{}, &job{rec: info, payload: payload, ctype: ctype}, true
}

type skipReason int

const (
	keep skipReason = iota
	skipStatus
	skipNonHTML
	skipOther // not a response record
)

// readResponse reads an HTTP response block and returns its decoded
// HTML payload, or why it is skipped.
func readResponse(rec *Record) ([]byte, string, skipReason, error) {
	ct := strings.ToLower(rec.Header.Get("Content-Type"))
	if ct != "" && !strings.HasPrefix(ct, "application/http") {
		// A response record holding a bare payload (rare; some tools
		// write them for non-HTTP captures).
		return nil, "", skipNonHTML, nil
	}
	br := bufio.NewReaderSize(rec.Block, 16<<10)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return nil, "", keep, fmt.Errorf("HTTP response: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", skipStatus, nil
	}
	ctype := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ctype); err == nil && !htmlish(mt) {
		return nil, "", skipNonHTML, nil
	}
	body := io.Reader(resp.Body)
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(body)
		if err != nil {
			return nil, "", keep, fmt.Errorf("gzip body: %w", err)
		}
		defer gz.Close()
		body = gz
	case "deflate":
		fr := flate.NewReader(body)
		defer fr.Close()
		body = fr
	default:
		return nil, "", keep, fmt.Errorf("unsupported Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	payload, err := io.ReadAll(io.LimitReader(body, htmlpage.MaxPageBytes+1))
	if err != nil {
		return nil, "", keep, fmt.Errorf("body: %w", err)
	}
	if len(payload) > htmlpage.MaxPageBytes {
		return nil, "", skipNonHTML, nil
	}
	if !isHTML(ctype, payload) {
		return nil, "", skipNonHTML, nil
	}
	return payload, ctype, keep, nil
}

// extractPage turns one captured page into a document.
func extractPage(ctx context.Context, rec recordInfo, payload []byte, ctype, name string) (dateline.Document, error) {
	op := fmt.Sprintf("warc: %s@%d", name, rec.offset)
	page, err := htmlpage.Extract(ctx, bytes.NewReader(payload), htmlpage.Options{URL: rec.uri, Fetched: rec.captured, ContentType: ctype})
	if err != nil {
		return dateline.Document{}, dateline.Errorf(dateline.Invalid, op, "%s: %w", rec.uri, err)
	}
	if page.URL == "" {
		page.URL = rec.uri
	}
	doc := page.Document(fmt.Sprintf("%s@%d", name, rec.offset))
	if doc.Published.IsZero() && !rec.captured.IsZero() {
		// The capture time is the last resort: the page existed then.
		doc.Published = rec.captured
		doc.PublishedSource = dateline.DateFromWARC
	}
	return doc, nil
}

func htmlish(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", "":
		return true
	}
	return false
}

func isHTML(contentType string, payload []byte) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/html", "application/xhtml+xml":
			return true
		case "text/plain", "application/octet-stream", "":
			// Servers mislabel pages; trust the bytes.
		default:
			return false
		}
	}
	return strings.HasPrefix(http.DetectContentType(payload), "text/html")
}

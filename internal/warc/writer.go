package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"time"
)

// Writer writes WARC/1.1 records, each in its own gzip member when Gzip
// is set, as CC-NEWS archives are laid out. Tests use it to build archives
// from fixtures; it is small enough to keep next to the reader it feeds.
type Writer struct {
	w    io.Writer
	Gzip bool
	n    int
}

// NewWriter returns a writer to w.
func NewWriter(w io.Writer, gzipped bool) *Writer { return &Writer{w: w, Gzip: gzipped} }

// WriteRecord writes one record with the given WARC headers (WARC-Type,
// WARC-Target-URI…) and block. WARC-Record-ID, WARC-Date and Content-Length
// are filled in when missing.
func (w *Writer) WriteRecord(headers map[string]string, block []byte) error {
	w.n++
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	h := map[string]string{}
	for k, v := range headers {
		h[k] = v
	}
	if _, ok := h["WARC-Record-ID"]; !ok {
		h["WARC-Record-ID"] = fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", w.n)
	}
	if _, ok := h["WARC-Date"]; !ok {
		h["WARC-Date"] = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	h["Content-Length"] = fmt.Sprint(len(block))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\r\n", k, h[k])
	}
	b.WriteString("\r\n")
	b.Write(block)
	b.WriteString("\r\n\r\n")
	if !w.Gzip {
		_, err := w.w.Write(b.Bytes())
		return err
	}
	gz := gzip.NewWriter(w.w)
	if _, err := gz.Write(b.Bytes()); err != nil {
		return err
	}
	return gz.Close()
}

// WriteResponse writes a response record for an HTTP capture of url.
func (w *Writer) WriteResponse(url string, captured time.Time, status int, contentType string, body []byte) error {
	var blk bytes.Buffer
	fmt.Fprintf(&blk, "HTTP/1.1 %d %s\r\n", status, statusText(status))
	if contentType != "" {
		fmt.Fprintf(&blk, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&blk, "Content-Length: %d\r\n\r\n", len(body))
	blk.Write(body)
	return w.WriteRecord(map[string]string{
		"WARC-Type":       "response",
		"WARC-Target-URI": url,
		"WARC-Date":       captured.UTC().Format(time.RFC3339),
		"Content-Type":    "application/http; msgtype=response",
	}, blk.Bytes())
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}

package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var captured = time.Date(2021, 6, 3, 14, 0, 0, 0, time.UTC)

func page(title, date string, n int) string {
	meta := ""
	if date != "" {
		meta = `<meta property="article:published_time" content="` + date + `">`
	}
	return fmt.Sprintf(`<!DOCTYPE html><html><head><title>%s</title>%s</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>%s</h1>
<p>Page %d. The regional water board said on Wednesday that reservoir levels had recovered to their long-term average after the wettest spring in a decade, easing fears of summer restrictions.</p>
<p>Farmers in the valley had been told in March to prepare for cuts of up to a third of their usual allocation, and several had already switched to less thirsty crops.</p>
<p>The board will review the allocations again in August, when it has the figures for the early summer.</p>
</article><footer>© Water News</footer></body></html>`, title, meta, title, n)
}

// archive builds a test archive: a warcinfo record, request/response
// pairs, a non-HTML response, a 404, and a redirect.
func archive(t testing.TB, gz bool, pages int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, gz)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.WriteRecord(map[string]string{"WARC-Type": "warcinfo", "Content-Type": "application/warc-fields"}, []byte("software: dateline-test\r\n")))
	for i := 0; i < pages; i++ {
		url := fmt.Sprintf("https://water.example/news/%d", i)
		must(w.WriteRecord(map[string]string{"WARC-Type": "request", "WARC-Target-URI": url, "Content-Type": "application/http; msgtype=request"}, []byte("GET /news HTTP/1.1\r\nHost: water.example\r\n\r\n")))
		must(w.WriteResponse(url, captured, 200, "text/html; charset=utf-8", []byte(page(fmt.Sprintf("Reservoirs recover %d", i), "2021-06-02T09:00:00+02:00", i))))
	}
	must(w.WriteResponse("https://water.example/logo.png", captured, 200, "image/png", []byte("\x89PNG\r\n\x1a\nxxxx")))
	must(w.WriteResponse("https://water.example/missing", captured, 404, "text/html", []byte("<html><body>Not found</body></html>")))
	must(w.WriteResponse("https://water.example/old", captured, 301, "text/html", nil))
	return buf.Bytes()
}

func collect(t *testing.T, data []byte) ([]dateline.Document, []error, Stats) {
	t.Helper()
	var docs []dateline.Document
	var errs []error
	st, err := Documents(context.Background(), bytes.NewReader(data), "test.warc.gz", func(d dateline.Document, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	return docs, errs, st
}

func TestDocuments(t *testing.T) {
	for _, gz := range []bool{true, false} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			data := archive(t, gz, 3)
			docs, errs, st := collect(t, data)
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			want := Stats{Records: 1 + 3*2 + 3, Responses: 6, HTML: 3, SkippedNonHTML: 1, SkippedStatus: 2, Bytes: int64(len(data))}
			if st != want {
				t.Errorf("stats = %+v, want %+v", st, want)
			}
			if len(docs) != 3 {
				t.Fatalf("got %d documents", len(docs))
			}
			d := docs[1]
			if d.URL != "https://water.example/news/1" || d.Title != "Reservoirs recover 1" {
				t.Errorf("doc = %+v", d)
			}
			if got := d.Published.Format(dateline.DateLayout); got != "2021-06-02" || d.PublishedSource != "meta:article:published_time" {
				t.Errorf("published %s from %s", got, d.PublishedSource)
			}
			if !strings.Contains(d.Text, "reservoir levels had recovered") || strings.Contains(d.Text, "World") {
				t.Errorf("text = %q", d.Text)
			}
			if !strings.HasPrefix(d.Origin, "test.warc.gz@") {
				t.Errorf("origin = %q", d.Origin)
			}
		})
	}
}

func TestCaptureDateFallbackAndFuture(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, true)
	// No date on the page: the capture time is the last resort.
	w.WriteResponse("https://water.example/a", captured, 200, "text/html", []byte(page("No date", "", 0)))
	// A date after capture is not believed.
	w.WriteResponse("https://water.example/b", captured, 200, "text/html", []byte(page("Future", "2022-01-01T00:00:00Z", 1)))
	docs, errs, _ := collect(t, buf.Bytes())
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("docs=%d errs=%v", len(docs), errs)
	}
	for _, d := range docs {
		if !d.Published.Equal(captured) || d.PublishedSource != dateline.DateFromWARC {
			t.Errorf("%s: published %v from %q, want capture time", d.URL, d.Published, d.PublishedSource)
		}
	}
}

func TestDamagedRecordIsReportedAndSkipped(t *testing.T) {
	for _, gz := range []bool{true, false} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, gz)
			w.WriteResponse("https://water.example/1", captured, 200, "text/html", []byte(page("One", "2021-06-01", 1)))
			badAt := buf.Len()
			if gz {
				// A gzip member whose content is not a WARC record.
				zw := gzip.NewWriter(&buf)
				zw.Write([]byte("HTTP/1.1 200 OK\r\nthis is not warc\r\n\r\n"))
				zw.Close()
			} else {
				buf.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxx\r\n\r\n")
			}
			w.WriteResponse("https://water.example/2", captured, 200, "text/html", []byte(page("Two", "2021-06-02", 2)))
			docs, errs, st := collect(t, buf.Bytes())
			if len(docs) != 2 {
				t.Errorf("got %d documents, want 2 around the damage", len(docs))
			}
			if len(errs) != 1 || st.Errors != 1 {
				t.Fatalf("errors = %v (stats %+v), want one", errs, st)
			}
			var re *RecordError
			if !errors.As(errs[0], &re) || re.Offset != int64(badAt) {
				t.Errorf("error %v, want RecordError at offset %d", errs[0], badAt)
			}
			if dateline.ErrorKind(errs[0]) != dateline.Invalid {
				t.Errorf("kind = %v", dateline.ErrorKind(errs[0]))
			}
		})
	}
}

func TestTruncatedArchive(t *testing.T) {
	data := archive(t, true, 2)
	cut := data[:len(data)-50]
	_, errs, _ := collect(t, cut)
	if len(errs) == 0 {
		t.Error("truncated archive reported no error")
	}
}

func TestCallbackErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Documents(context.Background(), bytes.NewReader(archive(t, true, 5)), "x", func(dateline.Document, error) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err=%v after %d calls", err, n)
	}
}

func TestOrderAndCancel(t *testing.T) {
	data := archive(t, true, 40)
	var want []string
	for _, workers := range []int{1, 4} {
		var got []string
		_, err := documents(context.Background(), bytes.NewReader(data), "x", workers, func(d dateline.Document, err error) error {
			got = append(got, d.URL)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
		} else if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("order with %d workers differs:\n%v\n%v", workers, got, want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := documents(ctx, bytes.NewReader(data), "x", 4, func(dateline.Document, error) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n > 1+2*4 {
		t.Errorf("after cancel: err %v, %d more callbacks", err, n)
	}
}

func TestReaderHeaders(t *testing.T) {
	data := []byte("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: <http://a.example/x>\r\nX-Long: a\r\n  continued\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n")
	r := NewReader(bytes.NewReader(data))
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(rec.Block)
	if rec.Version != "WARC/1.0" || rec.TargetURI() != "http://a.example/x" || rec.Header.Get("X-Long") != "a continued" || string(body) != "abc" {
		t.Errorf("record %+v body %q", rec, body)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("second Next = %v, want EOF", err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add(archive(f, true, 1))
	f.Add(archive(f, false, 1))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		calls := 0
		st, err := Documents(context.Background(), bytes.NewReader(data), "fuzz", func(dateline.Document, error) error {
			calls++
			return nil
		})
		if err != nil {
			return
		}
		if st.Bytes > int64(len(data)) {
			t.Errorf("read %d bytes of %d", st.Bytes, len(data))
		}
		if calls > len(data)+1 {
			t.Errorf("%d callbacks for %d bytes", calls, len(data))
		}
	})
}

// BenchmarkDocuments measures archive throughput on a generated archive of
// 2,000 pages.
func BenchmarkDocuments(b *testing.B) {
	data := archive(b, true, 2000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := Documents(context.Background(), bytes.NewReader(data), "bench", func(dateline.Document, error) error { return nil })
		if err != nil || st.HTML != 2000 {
			b.Fatalf("stats %+v err %v", st, err)
		}
	}
}

// BenchmarkDocumentsDevPages measures throughput on an archive of 2,000
// real pages: the dev half of the extraction set, cycled under distinct
// URLs, each record gzipped as CC-NEWS does.
func BenchmarkDocumentsDevPages(b *testing.B) {
	dir := shareddata.Path(b, "data", "html", "extract")
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s: %v", dir, err)
	}
	sort.Strings(files)
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, true)
	const n = 2000
	for i := 0; i < n; i++ {
		if err := w.WriteResponse(fmt.Sprintf("https://dev.example/%d/page.html", i), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 200, "text/html", pages[i%len(pages)]); err != nil {
			b.Fatal(err)
		}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := Documents(context.Background(), bytes.NewReader(data), "bench", func(dateline.Document, error) error { return nil })
		if err != nil || st.Records != n {
			b.Fatalf("stats %+v err %v", st, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// Package htmleval scores main-text and publication-date extraction on the
// public evaluation sets of trafilatura and htmldate, with the definitions
// those projects publish, so our figures can be put next to theirs.
//
// Extraction: the extracted text and every expected segment are white-space
// normalised; a "with" segment found is a true positive, missing a false
// negative; a "without" segment found is a false positive, absent a true
// negative. Counts are summed over pages. Dates: exact calendar day over all
// pages, a missing date counting as wrong.
package htmleval

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/jsonlines"
	"github.com/datelinehq/dateline/internal/eval/metric"
)

// ExtractCase is one page of the extraction set.
type ExtractCase struct {
	File    string   `json:"file"`
	URL     string   `json:"url"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	Path    string   `json:"path"`
	Lang    string   `json:"lang,omitempty"` // taken from the data when present, detected otherwise
}

// DateCase is one page of the date set.
type DateCase struct {
	File string `json:"file"`
	URL  string `json:"url"`
	Date string `json:"date"`
	Path string `json:"path"`
	Lang string `json:"lang,omitempty"`
}

// Result is what an extractor returned for one page.
type Result struct {
	Text string
	Date time.Time
	Lang string // optional: the page's language when the extractor knows it
}

// Extractor runs one extraction on a page's raw bytes.
type Extractor func(ctx context.Context, page []byte, url string) (Result, error)

// Counts are the confusion counts of the extraction metric.
type Counts struct {
	TP, FN, FP, TN int
	Pages          int
	Errors         int
}

// Add sums c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.TP + o.TP, c.FN + o.FN, c.FP + o.FP, c.TN + o.TN, c.Pages + o.Pages, c.Errors + o.Errors}
}

// Precision is TP/(TP+FP).
func (c Counts) Precision() float64 { return metric.Ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Counts) Recall() float64 { return metric.Ratio(c.TP, c.TP+c.FN) }

// Accuracy is (TP+TN)/all.
func (c Counts) Accuracy() float64 { return metric.Ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN) }

// F1 is 2TP/(2TP+FP+FN).
func (c Counts) F1() float64 { return metric.Ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

// DateCounts are the date metric's counts.
type DateCounts struct {
	Pages, Found, Correct, Errors int
}

// Add sums d and o.
func (d DateCounts) Add(o DateCounts) DateCounts {
	return DateCounts{d.Pages + o.Pages, d.Found + o.Found, d.Correct + o.Correct, d.Errors + o.Errors}
}

// Accuracy is correct days over all pages.
func (d DateCounts) Accuracy() float64 { return metric.Ratio(d.Correct, d.Pages) }

// Coverage is pages with a date over all pages.
func (d DateCounts) Coverage() float64 { return metric.Ratio(d.Found, d.Pages) }

// Normalize collapses every run of white space to one space and trims, as
// the reference evaluation does before substring tests.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// ScoreText scores one extracted text against a page's segments.
func ScoreText(text string, with, without []string) Counts {
	t := Normalize(text)
	var c Counts
	c.Pages = 1
	for _, s := range with {
		if strings.Contains(t, Normalize(s)) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range without {
		if strings.Contains(t, Normalize(s)) {
			c.FP++
		} else {
			c.TN++
		}
	}
	return c
}

// LoadExtract reads the extraction index; paths are made absolute against
// the index's folder.
func LoadExtract(index string) ([]ExtractCase, error) {
	var out []ExtractCase
	err := jsonlines.Each(index, func(line []byte) error {
		var c ExtractCase
		if err := json.Unmarshal(line, &c); err != nil {
			return err
		}
		c.Path = resolve(index, c.Path, c.File)
		out = append(out, c)
		return nil
	})
	return out, err
}

// LoadDates reads the date index.
func LoadDates(index string) ([]DateCase, error) {
	var out []DateCase
	err := jsonlines.Each(index, func(line []byte) error {
		var c DateCase
		if err := json.Unmarshal(line, &c); err != nil {
			return err
		}
		if _, err := time.Parse(dateline.DateLayout, c.Date); err != nil {
			return fmt.Errorf("date %q: %w", c.Date, err)
		}
		c.Path = resolve(index, c.Path, c.File)
		out = append(out, c)
		return nil
	})
	return out, err
}

func resolve(index, path, file string) string {
	if path == "" {
		path = file
	}
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(filepath.Dir(index), path)
}

// ReadPage reads a page file, gunzipping .gz.
func ReadPage(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	return io.ReadAll(r)
}

// DetectLang names the language of a text (ISO 639-1), "und" when unsure.
func DetectLang(text string) string {
	return pageLang(text, nil)
}

var reHTMLLang = regexp.MustCompile(`(?i)<html[^>]*?\slang=["']?([a-z]{2,3})\b`)

// pageLang detects the language of text; when the detector is unsure it
// takes the page's declared <html lang>, which templates sometimes get
// wrong and so comes second.
func pageLang(text string, page []byte) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	info := whatlanggo.Detect(text)
	if info.Lang != -1 && info.Confidence >= 0.5 {
		return whatlanggo.LangToStringShort(info.Lang)
	}
	head := page
	if len(head) > 16<<10 {
		head = head[:16<<10]
	}
	if m := reHTMLLang.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	if info.Lang != -1 && info.Confidence >= 0.2 {
		return whatlanggo.LangToStringShort(info.Lang)
	}
	return "und"
}

// ExtractReport is the extraction score overall and per language.
type ExtractReport struct {
	All    Counts
	ByLang map[string]Counts
	Pages  []PageScore
}

// PageScore is one page's counts, for looking at failures.
type PageScore struct {
	File   string
	Lang   string
	Counts Counts
	Err    string
}

// RunExtract scores ex on cases.
func RunExtract(ctx context.Context, cases []ExtractCase, ex Extractor) (ExtractReport, error) {
	rep := ExtractReport{ByLang: map[string]Counts{}}
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		page, err := ReadPage(c.Path)
		if err != nil {
			return rep, dateline.Errorf(dateline.Invalid, "htmleval", "%w", err)
		}
		lang := c.Lang
		if lang == "" {
			lang = pageLang(strings.Join(append(append([]string{}, c.With...), c.Without...), " "), page)
		}
		ps := PageScore{File: c.File, Lang: lang}
		res, err := ex(ctx, page, c.URL)
		if err != nil {
			// A failed page scores as empty text: every "with" missed.
			ps.Err = err.Error()
			res = Result{}
		}
		ps.Counts = ScoreText(res.Text, c.With, c.Without)
		if err != nil {
			ps.Counts.Errors = 1
		}
		rep.All = rep.All.Add(ps.Counts)
		rep.ByLang[lang] = rep.ByLang[lang].Add(ps.Counts)
		rep.Pages = append(rep.Pages, ps)
	}
	return rep, nil
}

// DateReport is the date score overall and per language.
type DateReport struct {
	All    DateCounts
	ByLang map[string]DateCounts
	Pages  []DatePage
}

// DatePage is one page's outcome.
type DatePage struct {
	File, Lang, Want, Got, Err string
}

// RunDates scores ex's dates on cases.
func RunDates(ctx context.Context, cases []DateCase, ex Extractor) (DateReport, error) {
	rep := DateReport{ByLang: map[string]DateCounts{}}
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		page, err := ReadPage(c.Path)
		if err != nil {
			return rep, dateline.Errorf(dateline.Invalid, "htmleval", "%w", err)
		}
		res, err := ex(ctx, page, c.URL)
		dp := DatePage{File: c.File, Want: c.Date}
		var d DateCounts
		d.Pages = 1
		if err != nil {
			dp.Err = err.Error()
			d.Errors = 1
		} else if !res.Date.IsZero() {
			d.Found = 1
			dp.Got = res.Date.Format(dateline.DateLayout)
			if dp.Got == c.Date {
				d.Correct = 1
			}
		}
		lang := c.Lang
		if lang == "" {
			lang = pageLang(res.Text, page)
		}
		dp.Lang = lang
		rep.All = rep.All.Add(d)
		rep.ByLang[lang] = rep.ByLang[lang].Add(d)
		rep.Pages = append(rep.Pages, dp)
	}
	return rep, nil
}

// Langs returns the language keys sorted by page count, then name, so
// reports print in a stable order.
func Langs[T any](m map[string]T, pages func(T) int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		pi, pj := pages(m[keys[i]]), pages(m[keys[j]])
		if pi != pj {
			return pi > pj
		}
		return keys[i] < keys[j]
	})
	return keys
}

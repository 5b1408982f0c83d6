package analyze

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/attrib"
	"github.com/datelinehq/dateline/internal/cpuclock"
	"github.com/datelinehq/dateline/internal/entity"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

// TestDocumentFillsEveryPart runs the stages on a short report and checks
// each leaves its mark where the text calls for it.
func TestDocumentFillsEveryPart(t *testing.T) {
	doc := dateline.Document{
		ID:        "t",
		Published: time.Date(2017, 6, 7, 0, 0, 0, 0, time.UTC),
		Text:      "Politico reports that Jeff Sessions offered to resign on Tuesday. \"I have not had that discussion with him,\" the press secretary Sean Spicer told reporters.",
	}
	a := Document(doc)
	if len(a.Sentences) != 2 {
		t.Errorf("%d sentences, want 2", len(a.Sentences))
	}
	var names []string
	for _, e := range a.Entities {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, "|"); !strings.Contains(got, "Jeff Sessions") || !strings.Contains(got, "Sean Spicer") {
		t.Errorf("entities %q: want Jeff Sessions and Sean Spicer", got)
	}
	found := false
	for _, x := range a.Timexes {
		if x.Value == "2017-06-06" {
			found = true
		}
	}
	if !found {
		t.Errorf("timexes %+v: want on Tuesday = 2017-06-06", a.Timexes)
	}
	if len(a.Attributions) < 2 {
		t.Errorf("%d attributions, want Politico's report and Spicer's quote", len(a.Attributions))
	}
}

// newsArticles is up to 40 PolNeAR dev articles when the shared data is
// present (read only to time the code), else one repeated paragraph as
// 40 articles. Each article is its file followed by a blank line, so that
// newsText, their concatenation, holds the same bytes.
func newsArticles(b *testing.B) []string {
	var texts []string
	if root, ok := shareddata.Root(); ok {
		dir := filepath.Join(root, "data", "attrib", "polnear", "dev", "text")
		if m, _ := os.ReadDir(dir); len(m) > 0 {
			for _, e := range m[:min(40, len(m))] {
				if bs, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
					texts = append(texts, string(bs)+"\n\n")
				}
			}
		}
	}
	if len(texts) == 0 {
		para := "Politico reports that Jeff Sessions offered his resignation on Tuesday. “I have not had that discussion with him,” the press secretary Sean Spicer told reporters.\n\n"
		for range 40 {
			texts = append(texts, strings.Repeat(para, 8))
		}
	}
	return texts
}

// newsText is newsArticles as one text.
func newsText(b *testing.B) string {
	return strings.Join(newsArticles(b), "")
}

// newsParagraphs is newsText cut at every blank line: PolNeAR articles
// keep one paragraph per block, so these are some 950 short pieces.
func newsParagraphs(b *testing.B) []string {
	return strings.SplitAfter(strings.TrimSuffix(newsText(b), "\n\n"), "\n\n")
}

// BenchmarkSentencesEntitiesAttributions is issue 4's speed figure: the
// three stages chained as Document chains them, without time expressions.
// Besides MB/s of wall time it reports MB per CPU-second, which the other
// processes of a shared machine disturb less.
func BenchmarkSentencesEntitiesAttributions(b *testing.B) {
	benchPerArticle(b, []string{newsText(b)})
}

// BenchmarkSentencesEntitiesAttributionsPerDoc is the same chain over the
// same bytes taken as the separate articles they are, one call each, as
// ingestion analyses them. It runs slower than the one long text above:
// each article sets up its own tables and fills its per-document caches
// (the neighbour sums of its word types) anew. (Until 27 November it cut
// the text at every blank line, which made some 950 calls of a paragraph
// each rather than 40 articles; …PerParagraph keeps that measure.)
func BenchmarkSentencesEntitiesAttributionsPerDoc(b *testing.B) {
	benchPerArticle(b, newsArticles(b))
}

// BenchmarkSentencesEntitiesAttributionsPerParagraph is the chain called
// once per paragraph of the same text (about 240 bytes a call), which
// weighs what each call costs before it reads a word: feeds do send
// items that short.
func BenchmarkSentencesEntitiesAttributionsPerParagraph(b *testing.B) {
	benchPerArticle(b, newsParagraphs(b))
}

// BenchmarkSentencesEntitiesAttributionsManyDocs is the per-article
// chain over 300 other PolNeAR articles (train), each met once per
// iteration: the caches that outlive a document see mostly words of
// articles they have not met, as in a long ingest, rather than the 40
// articles above again.
func BenchmarkSentencesEntitiesAttributionsManyDocs(b *testing.B) {
	dir := shareddata.Path(b, "data", "attrib", "polnear", "train", "text")
	m, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, e := range m[:min(300, len(m))] {
		bs, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(bs))
	}
	benchPerArticle(b, texts)
}

// benchPerArticle runs the chain once per text, as ingestion does with
// articles.
func benchPerArticle(b *testing.B, texts []string) {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	cpu0 := cpuclock.Used()
	for b.Loop() {
		for _, text := range texts {
			ss := sentence.Split(text)
			ms, _ := entity.Recognize(text, ss)
			attrib.Find(text, ss, ms)
		}
	}
	reportCPU(b, size, cpuclock.Used()-cpu0)
}

// reportCPU reports the MB analysed per CPU-second, when the system
// measures CPU time.
func reportCPU(b *testing.B, size int, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkDocument is the whole analysis of the same text.
func BenchmarkDocument(b *testing.B) {
	doc := dateline.Document{ID: "b", Published: time.Date(2016, 11, 1, 0, 0, 0, 0, time.UTC), Text: newsText(b)}
	b.SetBytes(int64(len(doc.Text)))
	cpu0 := cpuclock.Used()
	for b.Loop() {
		Document(doc)
	}
	reportCPU(b, len(doc.Text), cpuclock.Used()-cpu0)
}

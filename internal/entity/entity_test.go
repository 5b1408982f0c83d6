package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/cpuclock"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

func words(text string) []string {
	var out []string
	for _, t := range tokenize(nil, text, 0, len(text)) {
		out = append(out, text[t.start:t.end])
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"President Donald Trump's trip.", []string{"President", "Donald", "Trump", "'s", "trip", "."}},
		{"Sessions' decision", []string{"Sessions", "'", "decision"}},
		{"the U.S. president", []string{"the", "U.S.", "president"}},
		{"Mr. Smith said.", []string{"Mr.", "Smith", "said", "."}},
		{"Sessions — the attorney-general —", []string{"Sessions", "—", "the", "attorney-general", "—"}},
		{"Sessions—the", []string{"Sessions", "—", "the"}},
		{"(White House Counsel Don) McGahn,", []string{"(", "White", "House", "Counsel", "Don", ")", "McGahn", ","}},
		{"“I have not,” he said", []string{"“", "I", "have", "not", ",", "”", "he", "said"}},
		{"He’s in a mess", []string{"He", "’s", "in", "a", "mess"}},
		{"`` Boatmen 's '' rose", []string{"``", "Boatmen", "'s", "''", "rose"}},
		{"LONDON 1996-08-30", []string{"LONDON", "1996-08-30"}},
		{"'needless',", []string{"'", "needless", "'", ","}},
		{"", nil},
	}
	for _, c := range cases {
		if got := words(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART-\tO\n\nJeff\tB-PER\nSessions\tI-PER\nspoke\tO\n\t\nIn\tO\nParis\tB-LOC\n\n-DOCSTART- O\n\nAcme\tB-ORG\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0]) != 2 || len(docs[1]) != 1 {
		t.Fatalf("got %d docs %v", len(docs), docs)
	}
	if got := docs[0][1].Tags; !reflect.DeepEqual(got, []string{"O", "B-LOC"}) {
		t.Errorf("tags %v", got)
	}
	// Without -DOCSTART-, each sentence is its own document.
	docs, err = ReadCoNLL(strings.NewReader("a\tO\n\nb\tB-PER\n"))
	if err != nil || len(docs) != 2 {
		t.Fatalf("got %v, %v", docs, err)
	}
	if _, err := ReadCoNLL(strings.NewReader("word\tX-PER\n")); err == nil {
		t.Error("a bad tag was accepted")
	}
}

// TestTrainDeterministic trains twice on a small slice of the open data
// and requires identical bytes, then checks the model round-trips.
func TestTrainDeterministic(t *testing.T) {
	path := shareddata.Path(t, "data", "ner", "open", "wikigold", "train.conll.gz")
	docs, err := ReadCoNLLFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:10]
	opt := DefaultTrainOptions()
	opt.Bits, opt.Epochs = 16, 3
	train := func() []byte {
		m, err := Train(context.Background(), []Corpus{{Docs: docs, Repeat: 2}}, opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same input gave different bytes")
	}
	m, err := UnmarshalModel(a)
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.MarshalBinary()
	if err != nil || !bytes.Equal(a, c) {
		t.Fatalf("model does not round-trip: %v", err)
	}
	if m.Size() == 0 {
		t.Fatal("trained model is empty")
	}
}

func TestUnmarshalRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("DLNER1"), []byte("not a model at all")} {
		if _, err := UnmarshalModel(in); err == nil {
			t.Errorf("UnmarshalModel(%q) accepted garbage", in)
		}
	}
}

// TestEmbeddedModelIsCurrent guards against a model file that no longer
// loads with this code.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	if _, err := UnmarshalModel(modelData); err != nil {
		t.Fatalf("embedded model: %v (run make model)", err)
	}
	if st, err := os.Stat(filepath.Join(".", "model.bin")); err != nil || st.Size() > 20<<20 {
		t.Fatalf("model.bin missing or over 20 MB: %v", err)
	}
}

func TestRecognizeRules(t *testing.T) {
	cases := []struct {
		text string
		want []string // "Type:Text=Entity"
		not  []string // texts that must not be mentions
	}{
		{text: "NEW ORLEANS -LRB- AP -RRB- -- The Louisiana judge who struck down the ban has ruled .",
			want: []string{"MEDIA:AP=AP"}, not: []string{"-RRB-", "-LRB-", "The Louisiana", "--"}},
		{text: "`` I have not had that discussion , '' Sean Spicer told reporters .",
			want: []string{"PERSON:Sean Spicer=Sean Spicer"}, not: []string{"``", "''"}},
		{text: "President Donald Trump met reporters. Trump said no.",
			want: []string{"PERSON:Donald Trump=Donald Trump", "PERSON:Trump=Donald Trump"}, not: []string{"President"}},
		{text: "Politico reports that the deal is off.", want: []string{"MEDIA:Politico=Politico"}},
		{text: "The New York Times reports on Tuesday that talks failed.",
			want: []string{"MEDIA:The New York Times=The New York Times"}, not: []string{"Tuesday"}},
		{text: "He criticised the justice department again.", want: []string{"ORG:justice department=Justice Department"}},
		{text: "Trump's trip was long.", want: []string{"PERSON:Trump=Trump"}, not: []string{"Trump's"}},
		{text: "Nottinghamshire 214 ( P. Johnson 84 ; M. McCague 4-55 ) , Kent 108-3 .",
			want: []string{"PERSON:P. Johnson=P. Johnson", "PERSON:M. McCague=M. McCague", "ORG:Kent=Kent"}},
	}
	for _, c := range cases {
		ms, ents := Recognize(c.text, nil)
		var got []string
		for _, m := range ms {
			got = append(got, m.Type+":"+m.Text+"="+m.Entity)
		}
		for _, m := range ms {
			for _, n := range c.not {
				if m.Text == n {
					t.Errorf("%q: %q should not be a mention", c.text, n)
				}
			}
		}
		for _, w := range c.want {
			found := false
			for _, g := range got {
				if g == w {
					found = true
				}
			}
			if !found {
				t.Errorf("%q: want %s among %q", c.text, w, got)
			}
		}
		checkInvariants(t, c.text, ms, ents)
	}
}

func checkInvariants(t *testing.T, text string, ms []dateline.Mention, ents []dateline.Entity) {
	t.Helper()
	names := map[string]bool{}
	for _, e := range ents {
		if names[e.Name] {
			t.Fatalf("entity name %q twice", e.Name)
		}
		names[e.Name] = true
	}
	prevEnd := 0
	for _, m := range ms {
		if m.Start < prevEnd || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("mention %+v out of order, empty or out of bounds (text %d bytes)", m, len(text))
		}
		// Mentions begin and end on whole characters; in invalid UTF-8 a
		// stray byte may sit between two of their words.
		first, n1 := utf8.DecodeRuneInString(m.Text)
		last, n2 := utf8.DecodeLastRuneInString(m.Text)
		if first == utf8.RuneError && n1 == 1 || last == utf8.RuneError && n2 == 1 || utf8.ValidString(text) &&
			(!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End]))) {
			t.Fatalf("mention %+v splits a character", m)
		}
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("mention text %q does not match its span", m.Text)
		}
		if !names[m.Entity] {
			t.Fatalf("mention %+v names no returned entity", m)
		}
		prevEnd = m.End
	}
}

func FuzzRecognize(f *testing.F) {
	f.Add("US attorney-general Jeff Sessions offered to resign, Politico reports.", 0, 30)
	f.Add("“He’s in a mess,” the Trump advisor said — (White House Counsel Don) McGahn.", 5, 200)
	f.Add("CRICKET - LEICESTERSHIRE TAKE OVER .\nLONDON 1996-08-30\nM. McCague 4-55 , Kent v Surrey", 0, 40)
	f.Add("\xff\xfe Ä É Ø the the the 's 's '' `` --", 3, 7)
	f.Add("HARLOW FALLS, Ore. (Continental Press) — Acme Co. sued Acme Inc. Acme left. In Eastgate, Council President Jo Smith spoke, according to The Post. The Post and Acme Aerospace workers agreed.", 0, 90)
	f.Add("President Bashar al-Assad spoke. Assad al-Assad Al-X al- Osama bin Laden, bin Laden, Von der Leyen de facto a la carte. US, the United States, U.N. the Gulf of Mexico, Bay of Bengal, Atlantic Ocean.", 10, 60)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		ms, ents := Recognize(text, nil)
		checkInvariants(t, text, ms, ents)
		// Arbitrary, even nonsensical, sentence spans must be safe too.
		spans := []dateline.Span{{Start: a, End: b}, {Start: b, End: a + b}, {Start: -a, End: len(text) + 3}}
		ms, ents = Recognize(text, spans)
		checkInvariants(t, text, ms, ents)
	})
}

// BenchmarkRecognize measures tagging speed on the seed repeated into one
// long document, feature extraction and resolution included.
func BenchmarkRecognize(b *testing.B) {
	text := strings.Repeat(seedBody(b)+"\n", 20)
	spans := roughSentences(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Recognize(text, spans)
	}
}

// BenchmarkRecognizeNews measures tagging speed on varied real news, one
// call per article as the pipeline makes them, split into sentences
// beforehand (splitting is not the recogniser's cost): Timeline17 articles
// (2009–2013 web news) and the CoNLL-2003 testa documents (1996 Reuters,
// dense with names: sports results, headlines in capitals). Per-type
// caches hit far less here than on the repeated seed.
func BenchmarkRecognizeNews(b *testing.B) {
	for _, set := range []string{"t17", "testa"} {
		b.Run(set, func(b *testing.B) {
			type doc struct {
				text  string
				spans []dateline.Span
			}
			var ds []doc
			var n int64
			for _, t := range newsDocs(b, set) {
				ds = append(ds, doc{t, sentence.Split(t)})
				n += int64(len(t))
			}
			b.SetBytes(n)
			b.ResetTimer()
			cpu0 := cpuclock.Used().Seconds()
			for b.Loop() {
				for _, d := range ds {
					Recognize(d.text, d.spans)
				}
			}
			// Other jobs on a shared machine slow the wall clock, not the
			// CPU seconds this process spends, so report both.
			b.ReportMetric(float64(n)*float64(b.N)/1e6/(cpuclock.Used().Seconds()-cpu0), "MB/cpu-s")
		})
	}
}

// newsDocs reads one benchmark set from ../shared: "testa" is all of the
// CoNLL-2003 testa documents, "t17" the first 60 articles of each
// Timeline17 topic.
func newsDocs(b *testing.B, set string) []string {
	var out []string
	read := func(path string, limit int) {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				b.Fatal(err)
			}
			r = zr
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 16<<20)
		for k := 0; sc.Scan() && k < limit; k++ {
			var rec struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				b.Fatal(err)
			}
			out = append(out, rec.Text)
		}
	}
	if set == "testa" {
		read(shareddata.Path(b, "data", "ner", "conll2003-testa", "documents.jsonl"), 1<<30)
		return out
	}
	for _, topic := range []string{"bpoil", "egypt", "finan", "h1n1", "haiti", "iraq", "libya", "mj", "syria"} {
		read(shareddata.Path(b, "data", "tls", "t17", topic, "articles.jsonl.gz"), 60)
	}
	return out
}

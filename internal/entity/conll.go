package entity

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/datelinehq/dateline"
)

// Sentence is one tagged sentence of a two-column (token, BIO tag) file.
type Sentence struct {
	Words []string
	Tags  []string // B-PER, I-ORG, O … as the file gives them
}

// Doc is a run of sentences that share document-level context.
type Doc []Sentence

// ReadCoNLL reads the two-column format of ../shared/data/ner/open and the
// CoNLL shared tasks: "token<TAB or space>tag", a blank (or tab-only) line
// between sentences, "-DOCSTART-" between documents. A file without any
// -DOCSTART- line (the tweet corpora) is read as one document per sentence,
// so that no document-level feature leaks between unrelated posts.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	var (
		docs    []Doc
		cur     Doc
		sent    Sentence
		sawDoc  bool
		lineNum int
	)
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur = append(cur, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur) > 0 {
			docs = append(docs, cur)
		}
		cur = nil
	}
	for sc.Scan() {
		lineNum++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flushSent()
			continue
		}
		fields := strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == ' ' })
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want a token and a tag, got %q", lineNum, line)
		}
		word, tag := fields[0], fields[len(fields)-1]
		if word == "-DOCSTART-" {
			sawDoc = true
			flushDoc()
			continue
		}
		if tag != "O" && !(len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
			return nil, fmt.Errorf("line %d: tag %q is not O, B-X or I-X", lineNum, tag)
		}
		sent.Words = append(sent.Words, word)
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", lineNum, err)
	}
	flushDoc()
	if !sawDoc {
		var split []Doc
		for _, d := range docs {
			for _, s := range d {
				split = append(split, Doc{s})
			}
		}
		docs = split
	}
	return docs, nil
}

// ReadCoNLLFile reads a two-column file, gunzipping it when its name ends in .gz.
func ReadCoNLLFile(ctx context.Context, path string) ([]Doc, error) {
	const op = "read conll"
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, dateline.Errorf(dateline.NotFound, op, "%s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, dateline.Errorf(dateline.Invalid, op, "%s: not gzip: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	docs, err := ReadCoNLL(r)
	if err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "%s: %w", path, err)
	}
	return docs, nil
}

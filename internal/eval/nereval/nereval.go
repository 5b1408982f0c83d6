// Package nereval scores entity mentions against gold annotations: exact
// span and type, micro-averaged over PERSON, ORG and LOC, as the CoNLL-2003
// shared task counts them, with two adjustments for our label set: MEDIA
// counts as ORG, and a system mention lying exactly on a gold MISC span is
// neither right nor wrong (we do not tag MISC).
package nereval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/entity"
	"github.com/datelinehq/dateline/internal/eval/jsonlines"
	"github.com/datelinehq/dateline/internal/eval/metric"
)

// Recognizer is the function under test (entity.Recognize).
type Recognizer func(text string, sentences []dateline.Span) ([]dateline.Mention, []dateline.Entity)

// GoldMention is one annotated mention; Type is PERSON, ORG, LOC or MISC.
type GoldMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// P is precision, R recall, F1 their harmonic mean (0 when undefined).
func (c Counts) P() float64 { return metric.Ratio(c.TP, c.TP+c.FP) }
func (c Counts) R() float64 { return metric.Ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 {
	return metric.F1(c.P(), c.R())
}

// Scored types, in report order.
var Types = []string{dateline.EntityPerson, dateline.EntityOrg, dateline.EntityLoc}

// Result accumulates counts over documents.
type Result struct {
	Docs    int
	Typed   Counts            // exact span and type, micro over Types
	Untyped Counts            // exact span, any scored type
	ByType  map[string]Counts // keyed by Types
	Ignored int               // system mentions on gold MISC spans
}

// NewResult returns an empty result.
func NewResult() *Result { return &Result{ByType: map[string]Counts{}} }

func sysType(t string) string {
	if t == dateline.EntityMedia {
		return dateline.EntityOrg
	}
	return t
}

type span struct{ a, b int }

// Add scores one document.
func (r *Result) Add(gold []GoldMention, sys []dateline.Mention) {
	r.Docs++
	goldType := map[span]string{}
	for _, g := range gold {
		goldType[span{g.Start, g.End}] = g.Type
	}
	type typedSpan struct {
		s span
		t string
	}
	sysTyped := map[typedSpan]bool{}
	for _, m := range sys {
		sysTyped[typedSpan{span{m.Start, m.End}, sysType(m.Type)}] = true
	}
	matched := map[span]bool{}
	seen := map[span]bool{}
	for _, m := range sys {
		s := span{m.Start, m.End}
		if seen[s] {
			continue // a duplicate span counts once
		}
		seen[s] = true
		gt, ok := goldType[s]
		if ok && gt == "MISC" {
			r.Ignored++
			continue
		}
		st := sysType(m.Type)
		if !isScored(st) {
			continue
		}
		bt := r.ByType[st]
		if ok {
			r.Untyped.TP++
			matched[s] = true
			if gt == st {
				r.Typed.TP++
				bt.TP++
				r.ByType[st] = bt
				continue
			}
		} else {
			r.Untyped.FP++
		}
		r.Typed.FP++
		bt.FP++
		r.ByType[st] = bt
	}
	for _, g := range gold {
		s := span{g.Start, g.End}
		if !isScored(g.Type) {
			continue
		}
		if !matched[s] {
			r.Untyped.FN++
		}
		if !sysTyped[typedSpan{s, g.Type}] {
			r.Typed.FN++
			bt := r.ByType[g.Type]
			bt.FN++
			r.ByType[g.Type] = bt
		}
	}
}

func isScored(t string) bool {
	for _, s := range Types {
		if s == t {
			return true
		}
	}
	return false
}

// Write prints the result as a small table.
func (r *Result) Write(w io.Writer) {
	fmt.Fprintf(w, "documents %d, system mentions on gold MISC ignored: %d\n", r.Docs, r.Ignored)
	fmt.Fprintf(w, "%-8s %6s %6s %6s %6s %6s %6s\n", "type", "P", "R", "F1", "TP", "FP", "FN")
	line := func(name string, c Counts) {
		fmt.Fprintf(w, "%-8s %6.4f %6.4f %6.4f %6d %6d %6d\n", name, c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, t := range Types {
		line(t, r.ByType[t])
	}
	line("typed", r.Typed)
	line("untyped", r.Untyped)
}

// newlineSentences splits text into its lines: the gold files give one
// sentence a line.
func newlineSentences(text string) []dateline.Span {
	var out []dateline.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, dateline.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// GoldDir scores rec on DIR/documents.jsonl against DIR/gold.jsonl (the
// layout of ../shared/data/ner/conll2003-testa).
func GoldDir(ctx context.Context, dir string, rec Recognizer) (*Result, error) {
	const op = "eval ner"
	type doc struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	type gold struct {
		ID       string        `json:"id"`
		Mentions []GoldMention `json:"mentions"`
	}
	var docs []doc
	if err := jsonlines.Each(filepath.Join(dir, "documents.jsonl"), func(dec []byte) error {
		var d doc
		if err := json.Unmarshal(dec, &d); err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	}); err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "%w", err)
	}
	golds := map[string][]GoldMention{}
	if err := jsonlines.Each(filepath.Join(dir, "gold.jsonl"), func(dec []byte) error {
		var g gold
		if err := json.Unmarshal(dec, &g); err != nil {
			return err
		}
		golds[g.ID] = g.Mentions
		return nil
	}); err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "%w", err)
	}
	r := NewResult()
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g, ok := golds[d.ID]
		if !ok {
			return nil, dateline.Errorf(dateline.Invalid, op, "%s: document %q has no gold line", dir, d.ID)
		}
		ms, _ := rec(d.Text, newlineSentences(d.Text))
		r.Add(g, ms)
	}
	return r, nil
}

// GoldFromTags turns one tagged token sequence into text (tokens joined by
// spaces) and gold mentions. PER maps to PERSON; MISC is kept so that
// system mentions on it are ignored, as for CoNLL.
func GoldFromTags(words, tags []string) (string, []GoldMention) {
	var b strings.Builder
	starts := make([]int, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(w)
	}
	var gold []GoldMention
	for i := 0; i < len(tags); {
		t := tags[i]
		if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') {
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		if typ == "PER" {
			typ = dateline.EntityPerson
		}
		gold = append(gold, GoldMention{Start: starts[i], End: starts[j-1] + len(words[j-1]), Type: typ})
		i = j
	}
	return b.String(), gold
}

// CoNLLOptions adjust the scoring of two-column files.
type CoNLLOptions struct {
	// IgnoreHandles treats gold mentions that are a single @-handle as
	// MISC: BTC annotates handles as people and organisations, which a
	// recogniser for news text never tags (see the btc README).
	IgnoreHandles bool
}

// CoNLLFile scores rec on a two-column file (the btc and wnut17 splits):
// each document's sentences become lines of one text.
func CoNLLFile(ctx context.Context, path string, rec Recognizer, opt CoNLLOptions) (*Result, error) {
	docs, err := entity.ReadCoNLLFile(ctx, path)
	if err != nil {
		return nil, err
	}
	r := NewResult()
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var text strings.Builder
		var gold []GoldMention
		for _, s := range d {
			if text.Len() > 0 {
				text.WriteByte('\n')
			}
			off := text.Len()
			t, g := GoldFromTags(s.Words, s.Tags)
			text.WriteString(t)
			for _, m := range g {
				if opt.IgnoreHandles && strings.HasPrefix(t[m.Start:m.End], "@") && !strings.Contains(t[m.Start:m.End], " ") {
					m.Type = "MISC"
				}
				m.Start += off
				m.End += off
				gold = append(gold, m)
			}
		}
		sort.Slice(gold, func(i, j int) bool { return gold[i].Start < gold[j].Start })
		txt := text.String()
		ms, _ := rec(txt, newlineSentences(txt))
		r.Add(gold, ms)
	}
	return r, nil
}

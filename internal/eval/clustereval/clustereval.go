// Package clustereval scores a clustering of documents against a gold one
// with pairwise and B-cubed precision, recall and F1 — the measures the
// story-detection literature reports (ECB+, Miranda et al. 2018).
package clustereval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/eval/metric"
)

// PRF is precision, recall and their harmonic mean.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

func prf(p, r float64) PRF {
	return PRF{P: p, R: r, F1: metric.F1(p, r)}
}

// Scores is the result of comparing a system clustering with the gold one.
type Scores struct {
	Pairwise PRF `json:"pairwise"`
	BCubed   PRF `json:"bcubed"`
	Docs     int `json:"docs"` // documents in the gold set
	Gold     int `json:"gold_clusters"`
	System   int `json:"system_clusters"` // over the gold documents
	// Missing counts gold documents the system did not cluster; each is
	// scored as a singleton, so leaving documents out cannot help.
	Missing int `json:"missing"`
}

// Score compares two assignments of document IDs to cluster labels. Only the
// gold documents are scored; system documents outside the gold set are
// ignored. With no system pair at all, pairwise precision is taken as 1
// (nothing claimed, nothing wrong) and recall decides the F1.
func Score(gold, system map[string]string) Scores {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	s := Scores{Docs: len(ids)}
	type cell struct{ g, c string }
	joint := map[cell]int{}
	gsize := map[string]int{}
	csize := map[string]int{}
	for _, id := range ids {
		g := gold[id]
		c, ok := system[id]
		if !ok {
			s.Missing++
			c = "\x00missing:" + id // a singleton no other document shares
		}
		joint[cell{g, c}]++
		gsize[g]++
		csize[c]++
	}
	s.Gold, s.System = len(gsize), len(csize)
	if s.Docs == 0 {
		return s
	}

	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, gp, cp float64
	var bp, br float64
	for _, n := range joint {
		tp += pairs(n) // whole numbers: exact in any order
	}
	// B-cubed summed per document in ID order, so the float result does not
	// depend on map iteration order.
	for _, id := range ids {
		g := gold[id]
		c, ok := system[id]
		if !ok {
			c = "\x00missing:" + id
		}
		n := float64(joint[cell{g, c}])
		bp += n / float64(csize[c])
		br += n / float64(gsize[g])
	}
	for _, n := range gsize {
		gp += pairs(n)
	}
	for _, n := range csize {
		cp += pairs(n)
	}
	p, r := 1.0, 1.0
	if cp > 0 {
		p = tp / cp
	}
	if gp > 0 {
		r = tp / gp
	}
	s.Pairwise = prf(p, r)
	s.BCubed = prf(bp/float64(s.Docs), br/float64(s.Docs))
	return s
}

// Read parses JSONL lines {"id": DOC_ID, "story" | "cluster": LABEL}. Labels
// may be strings or numbers. A later line for the same ID replaces an
// earlier one.
func Read(ctx context.Context, r io.Reader, name string) (map[string]string, error) {
	op := "eval clusters: " + name
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec struct {
			ID      json.RawMessage `json:"id"`
			Story   json.RawMessage `json:"story"`
			Cluster json.RawMessage `json:"cluster"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, dateline.Errorf(dateline.Invalid, fmt.Sprintf("%s:%d", op, line), "not a JSON object: %w", err)
		}
		id, ok := label(rec.ID)
		if !ok || id == "" {
			return nil, dateline.Errorf(dateline.Invalid, fmt.Sprintf("%s:%d", op, line), `missing "id"`)
		}
		lab, ok := label(rec.Story)
		if !ok {
			lab, ok = label(rec.Cluster)
		}
		if !ok {
			return nil, dateline.Errorf(dateline.Invalid, fmt.Sprintf("%s:%d", op, line), `missing "story" or "cluster" for id %q`, id)
		}
		out[id] = lab
	}
	if err := sc.Err(); err != nil {
		return nil, dateline.Errorf(dateline.Invalid, op, "read: %w", err)
	}
	return out, nil
}

// label turns a JSON string or number into a cluster label.
func label(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return "#" + n.String(), true
	}
	return "", false
}

// ReadFile reads a JSONL file of assignments.
func ReadFile(ctx context.Context, path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, dateline.Errorf(dateline.Invalid, "eval clusters", "open %s: %w", path, err)
	}
	defer f.Close()
	return Read(ctx, f, path)
}

// String renders the scores for a terminal.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "documents %d (missing from system %d), gold clusters %d, system clusters %d\n", s.Docs, s.Missing, s.Gold, s.System)
	fmt.Fprintf(&b, "pairwise  P %.4f  R %.4f  F1 %.4f\n", s.Pairwise.P, s.Pairwise.R, s.Pairwise.F1)
	fmt.Fprintf(&b, "b-cubed   P %.4f  R %.4f  F1 %.4f\n", s.BCubed.P, s.BCubed.R, s.BCubed.F1)
	return b.String()
}

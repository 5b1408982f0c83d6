package timeline

import (
	"math"
	"sort"
	"strings"
)

// stop is a short function-word list: enough to keep "the" and "said" out
// of similarity, small enough that content words all count. News-specific
// reporting verbs are included because every sentence has them.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
	be because been before being below between both but by can could did do does doing down during
	each few for from further had has have having he her here hers herself him himself his how i if
	in into is it its itself just me more most my no nor not now of off on once only or other our
	ours out over own same she should so some such than that the their theirs them then there these
	they this those through to too under until up very was we were what when where which while who
	whom why will with would you your yours lrb rrb lsb rsb s t n nt ll re ve d m said says say told
	according mr mrs ms one two new also year years last week weeks day days monday tuesday wednesday
	thursday friday saturday sunday`) {
		m[w] = true
	}
	return m
}()

// scan calls fn with each content word of text: runs of letters and
// digits lower-cased, stopwords dropped, a light plural/tense fold applied
// so that "protests" and "protest" meet. The word is only valid during the
// call; fn must copy it to keep it.
func scan(text string, buf []byte, fn func(w []byte)) []byte {
	i := 0
	for i < len(text) {
		c := text[i]
		if !isWordByte(c) {
			i++
			continue
		}
		buf = buf[:0]
		for i < len(text) && isWordByte(text[i]) {
			c := text[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
		}
		if len(buf) < 2 || stop[string(buf)] {
			continue
		}
		fn(foldBytes(buf))
	}
	return buf
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// words returns the content words of text as strings.
func words(text string) []string {
	var out []string
	scan(text, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// foldBytes strips the commonest English inflections. It is deliberately
// crude: it only has to make inflected forms of one word collide, not
// produce linguistic stems.
func foldBytes(w []byte) []byte {
	n := len(w)
	switch {
	case n > 4 && hasSuf(w, "ies"):
		w = append(w[:n-3], 'y')
	case n > 4 && hasSuf(w, "ing"):
		w = w[:n-3]
	case n > 3 && hasSuf(w, "ed"):
		w = w[:n-2]
	case n > 3 && hasSuf(w, "s") && !hasSuf(w, "ss") && !hasSuf(w, "us"):
		w = w[:n-1]
	}
	return w
}

func hasSuf(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// vec is a sparse, L2-normalised term vector sorted by term id.
type vec struct {
	ids []int32
	ws  []float32
}

func (v vec) dot(o vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(v.ids) && j < len(o.ids) {
		switch {
		case v.ids[i] == o.ids[j]:
			s += float64(v.ws[i]) * float64(o.ws[j])
			i++
			j++
		case v.ids[i] < o.ids[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// vocab maps words to ids and counts the sentences each occurs in.
type vocab struct {
	id map[string]int32
	df []int
}

func newVocab() *vocab { return &vocab{id: map[string]int32{}} }

// tf is a sentence's term counts, sorted by term id.
type tf struct {
	ids []int32
	cnt []int32
}

// add registers a sentence's words and returns their counts.
func (vb *vocab) add(text string, scratch *[]int32, buf []byte) (tf, []byte) {
	ids := (*scratch)[:0]
	buf = scan(text, buf, func(w []byte) {
		id, ok := vb.id[string(w)]
		if !ok {
			id = int32(len(vb.df))
			vb.id[string(w)] = id
			vb.df = append(vb.df, 0)
		}
		ids = append(ids, id)
	})
	*scratch = ids
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var t tf
	for i, id := range ids {
		if i > 0 && ids[i-1] == id {
			t.cnt[len(t.cnt)-1]++
			continue
		}
		t.ids = append(t.ids, id)
		t.cnt = append(t.cnt, 1)
		vb.df[id]++
	}
	return t, buf
}

// tfidf turns counts into a normalised vector with idf over n sentences.
func (vb *vocab) tfidf(t tf, n int) vec {
	v := vec{ids: t.ids, ws: make([]float32, len(t.ids))}
	var norm float64
	for i, id := range t.ids {
		w := (1 + math.Log(float64(t.cnt[i]))) * math.Log(1+float64(n)/float64(vb.df[id]))
		v.ws[i] = float32(w)
		norm += w * w
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for i := range v.ws {
			v.ws[i] = float32(float64(v.ws[i]) * inv)
		}
	}
	return v
}

// centroid sums vectors (weighted) into a dense map and normalises it
// back into a sparse vector.
func centroid(vs []vec, weights []float64) vec {
	acc := map[int32]float64{}
	for i, v := range vs {
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		for k, id := range v.ids {
			acc[id] += w * float64(v.ws[k])
		}
	}
	out := vec{ids: make([]int32, 0, len(acc))}
	for id := range acc {
		out.ids = append(out.ids, id)
	}
	sort.Slice(out.ids, func(i, j int) bool { return out.ids[i] < out.ids[j] })
	var norm float64
	for _, id := range out.ids {
		norm += acc[id] * acc[id]
	}
	inv := 0.0
	if norm > 0 {
		inv = 1 / math.Sqrt(norm)
	}
	out.ws = make([]float32, len(out.ids))
	for i, id := range out.ids {
		out.ws[i] = float32(acc[id] * inv)
	}
	return out
}

package entity

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"

	"github.com/datelinehq/dateline"
)

// Model is a trained tagger: a table of quantised weights, one row of
// numTags per hash bucket.
type Model struct {
	bits uint8
	mask uint64
	w    []int16
	gaz  *gazetteer
	// The packed weights for scoring, built by index or by
	// UnmarshalModel (which keeps no w). Most buckets are empty, so idx
	// holds a bitmap of the non-empty ones, each word paired with the
	// count of marks before it (one cache line read per feature instead
	// of two), and lines holds only their rows, three to a 64-byte line
	// so that no row straddles two lines (at 18 bytes a row, one in four
	// did). Four times smaller than w, it stays in cache far better, and
	// an empty bucket costs no read of the rows.
	idx   []nzRank
	lines []rowLine
}

type nzRank struct {
	nz   uint64
	rank uint32
}

// rowLine holds three rows of numTags weights in one cache line.
type rowLine [rowsPerLine*numTags + 5]int16

const rowsPerLine = 3

const modelMagic = "DLNER2"

func newModel(bits uint8) *Model {
	return &Model{bits: bits, mask: 1<<bits - 1, w: make([]int16, (1<<bits)*numTags), gaz: &gazetteer{m: map[uint64]uint8{}}}
}

// index builds the packed copy of the weights; call it once w is final.
func (m *Model) index() {
	nb := len(m.w) / numTags
	nz := make([]uint64, (nb+63)/64)
	n := 0
	for b := 0; b < nb; b++ {
		if slices.ContainsFunc(m.w[b*numTags:(b+1)*numTags], func(v int16) bool { return v != 0 }) {
			nz[b/64] |= 1 << (b % 64)
			n++
		}
	}
	m.lines = make([]rowLine, (n+rowsPerLine-1)/rowsPerLine)
	k := 0
	for b := 0; b < nb; b++ {
		if nz[b/64]&(1<<(b%64)) != 0 {
			copy(m.packedRow(k), m.w[b*numTags:(b+1)*numTags])
			k++
		}
	}
	m.countRanks(nz)
}

// countRanks sets idx from the bitmap nz of non-empty buckets.
func (m *Model) countRanks(nz []uint64) {
	n := uint32(0)
	m.idx = make([]nzRank, len(nz))
	for i, x := range nz {
		m.idx[i] = nzRank{x, n}
		n += uint32(bits.OnesCount64(x))
	}
}

// packedRow returns the k-th non-empty row.
func (m *Model) packedRow(k int) []int16 {
	q := k / rowsPerLine
	r := (k - q*rowsPerLine) * numTags
	return m.lines[q][r : r+numTags : r+numTags]
}

// packedIndex returns the place in lines of the row of bucket b, or -1
// for an empty bucket.
func (m *Model) packedIndex(b uint64) int {
	e := &m.idx[b>>6]
	bit := uint64(1) << (b & 63)
	if e.nz&bit == 0 {
		return -1
	}
	return int(e.rank) + bits.OnesCount64(e.nz&(bit-1))
}

var zeroRow [numTags]int16

// row returns the weights of bucket b, from w or, in a loaded model that
// has no w, from the packed copy.
func (m *Model) row(b int) []int16 {
	if m.w != nil {
		return m.w[b*numTags : (b+1)*numTags]
	}
	k := m.packedIndex(uint64(b))
	if k < 0 {
		return zeroRow[:]
	}
	return m.packedRow(k)
}

// Size is the number of non-zero weight rows, for reports.
func (m *Model) Size() (rows int) {
	if m.w == nil {
		n := 0
		for _, e := range m.idx {
			n += bits.OnesCount64(e.nz)
		}
		for k := range n {
			if slices.ContainsFunc(m.packedRow(k), func(v int16) bool { return v != 0 }) {
				rows++
			}
		}
		return rows
	}
	for b := 0; b < 1<<m.bits; b++ {
		if slices.ContainsFunc(m.row(b), func(v int16) bool { return v != 0 }) {
			rows++
		}
	}
	return rows
}

// MarshalBinary writes the model as a compressed list of its non-zero
// rows in bucket order, so the same weights always give the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	raw.WriteByte(m.bits)
	raw.WriteByte(numTags)
	var tmp [binary.MaxVarintLen64]byte
	raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(m.Size()))])
	prev := -1
	for b := 0; b < 1<<m.bits; b++ {
		row := m.row(b)
		nz := false
		for _, v := range row {
			if v != 0 {
				nz = true
				break
			}
		}
		if !nz {
			continue
		}
		raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(b-prev))])
		prev = b
		for _, v := range row {
			raw.Write(tmp[:binary.PutVarint(tmp[:], int64(v))])
		}
	}
	// The gazetteer, in hash order.
	hashes := make([]uint64, 0, len(m.gaz.m))
	for h := range m.gaz.m {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	raw.WriteByte(byte(m.gaz.maxLen))
	raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(hashes)))])
	var ph uint64
	for _, h := range hashes {
		raw.Write(tmp[:binary.PutUvarint(tmp[:], h-ph)])
		raw.WriteByte(m.gaz.m[h])
		ph = h
	}
	var out bytes.Buffer
	zw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// UnmarshalModel reads a model written by MarshalBinary.
func UnmarshalModel(data []byte) (*Model, error) {
	r := bufio.NewReader(flate.NewReader(bytes.NewReader(data)))
	head := make([]byte, len(modelMagic)+2)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, fmt.Errorf("entity model: header: %w", err)
	}
	if string(head[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("entity model: bad magic")
	}
	bits, nt := head[len(modelMagic)], head[len(modelMagic)+1]
	if bits < 8 || bits > 24 || nt != numTags {
		return nil, fmt.Errorf("entity model: unsupported shape (bits %d, tags %d)", bits, nt)
	}
	// The rows come in bucket order, so they go straight into the packed
	// form; a loaded model has no full table.
	m := &Model{bits: bits, mask: 1<<bits - 1, gaz: &gazetteer{m: map[uint64]uint8{}}}
	rows, err := binary.ReadUvarint(r)
	if err != nil || rows > 1<<bits {
		return nil, fmt.Errorf("entity model: bad row count: %v", err)
	}
	nz := make([]uint64, (1<<bits+63)/64)
	m.lines = make([]rowLine, (int(rows)+rowsPerLine-1)/rowsPerLine)
	b := -1
	for k := range int(rows) {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("entity model: %w", err)
		}
		b += int(d)
		if d == 0 || b >= 1<<bits {
			return nil, errors.New("entity model: bucket out of range")
		}
		nz[b/64] |= 1 << (b % 64)
		row := m.packedRow(k)
		for c := range numTags {
			v, err := binary.ReadVarint(r)
			if err != nil {
				return nil, fmt.Errorf("entity model: truncated row: %w", err)
			}
			row[c] = int16(v)
		}
	}
	m.countRanks(nz)
	ml, err := r.ReadByte()
	if err != nil || ml > gazMaxLen {
		return nil, fmt.Errorf("entity model: gazetteer header: %v", err)
	}
	m.gaz.maxLen = int(ml)
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("entity model: gazetteer size: %v", err)
	}
	var h uint64
	for ; n > 0; n-- {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("entity model: gazetteer: %w", err)
		}
		c, err := r.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("entity model: gazetteer: %w", err)
		}
		h += d
		m.gaz.m[h] = c
	}
	return m, nil
}

// scores sums the weight rows of feats.
func (m *Model) scores(feats []uint64, out *[numTags]int32) {
	*out = [numTags]int32{}
	if m.idx == nil {
		for _, f := range feats {
			addRow(out, m.w[(f&m.mask)*numTags:])
		}
		return
	}
	for _, f := range feats {
		b := f & m.mask
		e := &m.idx[b>>6]
		word := e.nz
		bit := uint64(1) << (b & 63)
		if word&bit == 0 {
			continue
		}
		k := e.rank + uint32(bits.OnesCount64(word&(bit-1)))
		q := k / rowsPerLine
		addRow(out, m.lines[q][(k-q*rowsPerLine)*numTags:])
	}
}

func addRow(out *[numTags]int32, row []int16) {
	row = row[:numTags]
	out[0] += int32(row[0])
	out[1] += int32(row[1])
	out[2] += int32(row[2])
	out[3] += int32(row[3])
	out[4] += int32(row[4])
	out[5] += int32(row[5])
	out[6] += int32(row[6])
	out[7] += int32(row[7])
	out[8] += int32(row[8])
}

// addSums adds sc to out, written out like addRow: the loop cost as much
// as the additions.
func addSums(out, sc *[numTags]int32) {
	out[0] += sc[0]
	out[1] += sc[1]
	out[2] += sc[2]
	out[3] += sc[3]
	out[4] += sc[4]
	out[5] += sc[5]
	out[6] += sc[6]
	out[7] += sc[7]
	out[8] += sc[8]
}

func best(sc *[numTags]int32, prev int) int {
	bt, bs := tagO, sc[tagO]
	for t := 1; t < numTags; t++ {
		if allowed(prev, t) && sc[t] > bs {
			bt, bs = t, sc[t]
		}
	}
	return bt
}

// tagger holds the scratch space of one tagging run.
type tagger struct {
	m     *Model
	infos []wordInfo
	feats []uint64
	tags  []int
	// uni caches the summed weights of a word type's unigram features
	// and, given the previous tag, of the history features that read the
	// word: names and function words recur, and those features are half
	// of the row reads. It is direct-mapped by a hash of the key; an
	// entry holds its full key and a copy of the word, so a hit is exact
	// and the cache, holding no pointers, outlives the document.
	uni []unigramSums
	// Per-document buffers, reused across calls.
	toks    []token
	words   []string
	sents   []sent
	allTags []int
	cands   []cand
	candBuf []cand
	spans   []dateline.Span
	types   []wordType
	tt      typeTable
	// lowerFlags gathers the docStats bits of the document by lower-case
	// form (types that differ only in case share them). It is sized to
	// each document: a pooled Go map is cleared at the size of the
	// largest document seen, which a short article paid for every time.
	lowerFlags table[uint8]
	// t12 holds the summed weights of the features of the two previous
	// tags alone.
	t12  [numTags][numTags][numTags]int32
	uniM *Model // the model uni, t12 and pad were filled from
	// pad holds the summed weights of the padding word in each role.
	pad [numRoles][numTags]int32
	// nb caches, per word type of the document (wordType.id), the summed
	// weights of its neighbourFeatures in each role.
	nb  []neighbourSums
	gen uint32 // of the document nb serves
}

// neighbourSums is valid for a role when gen is the tagger's document,
// its bit is in have and, for the roles that read the shape, shape is the
// word's shape (all-caps headlines change it).
type neighbourSums struct {
	gen   uint32
	have  uint8
	shape uint64
	sc    [numRoles][numTags]int32
}

// uniSlots: on 300 PolNeAR articles the cache had not met, 2^11 slots
// missed 34% of the words the model scored and 2^13 23% (docs/BENCHMARKS.md
// §3); each miss reads some fifteen weight rows. At 64 bytes an entry the
// cache takes 512 KB per tagger.
const uniSlots = 1 << 13

// unigramSums is one cache entry. The inputs of unigramFeatures and
// wordHistoryFeatures are the word's text up to ASCII case (which also
// fixes its lower-case and digit-folded hashes, its length and lexicon
// classes), its shape, key's facts and the previous tag. An entry is one
// 64-byte line, so a lookup reads one line; at 88 bytes it read two.
type unigramSums struct {
	shape uint64
	sc    [numTags]int32
	key   uint32 // uniKey of the word's other facts and the previous tag
	n     uint8  // length of the word; 0 marks an empty slot
	word  [uniWordMax]byte
}

// uniWordMax is the longest word the cache holds, what fills the entry
// to 64 bytes; longer words are scored afresh. They are few: 0.3% of the
// words the model scores in 40 PolNeAR dev articles, 0.5% in 300 train
// articles.
const uniWordMax = 15

// uniKey packs the facts of w other than text and shape that the cached
// features read, with the previous tag t1.
func uniKey(w *wordInfo, t1 int) uint32 {
	return uint32(w.class) | uint32(w.doc)<<8 | uint32(boolBit(w.init))<<16 | uint32(boolBit(w.caps))<<17 | uint32(t1)<<24
}

// reset prepares the tagger for scoring with m.
func (tg *tagger) reset(m *Model) {
	tg.m = m
	if tg.uni == nil {
		tg.uni = make([]unigramSums, uniSlots)
	}
	if tg.uniM == m {
		return
	}
	clear(tg.uni)
	for t1 := range numTags {
		for t2 := range numTags {
			tg.feats = tagFeatures(tg.feats[:0], t1, t2)
			m.scores(tg.feats, &tg.t12[t1][t2])
		}
	}
	for r := range numRoles {
		tg.feats = neighbourFeatures(tg.feats[:0], &padWord, r)
		m.scores(tg.feats, &tg.pad[r])
	}
	tg.uniM = m
}

// start sizes the neighbour cache for a document of ntypes word types.
// Its entries are not cleared but marked stale by a new generation:
// clearing them was a per-article cost as large as the document's
// vocabulary, and most entries are never read.
func (tg *tagger) start(ntypes int) {
	tg.gen++
	if tg.gen == 0 {
		// Wrapped: entries of a generation long past could pass for
		// current ones.
		clear(tg.nb[:cap(tg.nb)])
		tg.gen = 1
	}
	tg.nb = slices.Grow(tg.nb[:0], ntypes)[:ntypes]
}

// addNeighbours adds to out the summed weights of the neighbour features
// of word i.
func (tg *tagger) addNeighbours(types []wordType, i int, out *[numTags]int32) {
	for r := range numRoles {
		j := i + roleOffset[r]
		var sc *[numTags]int32
		switch {
		case j < 0 || j >= len(tg.infos):
			sc = &tg.pad[r]
		case types[j].id >= 0 && int(types[j].id) < len(tg.nb):
			e := &tg.nb[types[j].id]
			if e.gen != tg.gen {
				e.gen, e.have = tg.gen, 0
			}
			bit := uint8(1) << r
			sc = &e.sc[r]
			if r == roleM1 || r == roleP1 {
				// Both shape roles share one shape; a word seen in a
				// headline and in running text recomputes.
				if e.have&(1<<roleM1|1<<roleP1) != 0 && e.shape != tg.infos[j].shape {
					e.have &^= 1<<roleM1 | 1<<roleP1
				}
				e.shape = tg.infos[j].shape
			}
			if e.have&bit == 0 {
				tg.feats = neighbourFeatures(tg.feats[:0], &tg.infos[j], r)
				tg.m.scores(tg.feats, sc)
				e.have |= bit
			}
		default:
			var tmp [numTags]int32
			tg.feats = neighbourFeatures(tg.feats[:0], &tg.infos[j], r)
			tg.m.scores(tg.feats, &tmp)
			sc = &tmp
		}
		addSums(out, sc)
	}
}

// done ends a document. The buffered words point into its text, so they
// go, lest a pooled tagger keep the text alive.
func (tg *tagger) done() {
	clear(tg.words)
	clear(tg.sents)
	clear(tg.cands[:cap(tg.cands)])
	clear(tg.candBuf[:cap(tg.candBuf)])
	tg.tt.release()
}

// sameFold reports whether a and b are equal up to ASCII case, the folding
// under which unigramFeatures gives the same features.
func sameFold(a []byte, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x != y {
			if x >= 'A' && x <= 'Z' {
				x += 'a' - 'A'
			}
			if y >= 'A' && y <= 'Z' {
				y += 'a' - 'A'
			}
			if x != y {
				return false
			}
		}
	}
	return true
}

// wordScores sets out to the summed weights of the unigram features of
// word i and of the history features that read it after tag t1, from the
// cache when its type has been seen after t1 with the same facts.
func (tg *tagger) wordScores(words []string, i, t1 int, out *[numTags]int32) {
	w := &tg.infos[i]
	key := uniKey(w, t1)
	flags := uint64(key & 0xFFFFFF)
	e := &tg.uni[mix(w.lower^flags<<32^uint64(t1), w.shape)&(uniSlots-1)]
	word := words[i]
	if e.key == key && e.shape == w.shape && e.n != 0 && sameFold(e.word[:e.n], word) {
		*out = e.sc
		return
	}
	tg.feats = unigramFeatures(tg.feats[:0], word, w)
	tg.feats = wordHistoryFeatures(tg.feats, w, t1)
	tg.m.scores(tg.feats, out)
	if len(word) > 0 && len(word) <= uniWordMax {
		e.shape, e.key, e.n, e.sc = w.shape, key, uint8(len(word)), *out
		copy(e.word[:], word)
	}
}

// plainO reports whether word w, after tag t1, is outside any name without
// asking the model: after O it could only begin one, and a word in lower
// case or without letters, covered by no name phrase of the lexicons or
// the training data, begins none. Four words in five of news text are
// such words, so the model scores one in five (measured on Timeline17
// articles). The model rarely disagreed, and mostly wrongly: on CoNLL
// testa typed F1 went from .8136 to .8162 with the shortcut.
func plainO(w *wordInfo, t1 int) bool {
	return t1 == tagO && (w.class == shLower || w.class == shOther) && w.phrase&^plainLex == 0 && w.gaz == 0
}

// plainLex are the lexicon classes of words that begin no name when written
// in lower case: function words, months and titles.
const plainLex = lexLower | lexCal | lexTitle

// tagCaps labels the words of one sentence greedily, left to right; caps
// is isCapsTyped(types), and the casing facts come from the document's
// type table.
func (tg *tagger) tagCaps(words []string, types []wordType, caps bool) []int {
	tg.infos = sentenceInfoCaps(tg.infos, words, types, caps, nil, tg.m.gaz, tg.tt.flags)
	tg.tags = tg.tags[:0]
	t1, t2 := tagO, tagO
	var sc, ws [numTags]int32
	for i := range words {
		if plainO(&tg.infos[i], t1) {
			tg.tags = append(tg.tags, tagO)
			t2, t1 = t1, tagO
			continue
		}
		tg.wordScores(words, i, t1, &ws)
		tg.feats = pairFeatures(tg.feats[:0], tg.infos, i)
		tg.m.scores(tg.feats, &sc)
		tg.addNeighbours(types, i, &sc)
		addSums(&sc, &ws)
		addSums(&sc, &tg.t12[t1][t2])
		t := best(&sc, t1)
		tg.tags = append(tg.tags, t)
		t2, t1 = t1, t
	}
	return tg.tags
}

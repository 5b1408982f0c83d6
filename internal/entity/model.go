package entity

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Model is a trained tagger: a table of quantised weights, one row of
// numTags per hash bucket.
type Model struct {
	bits uint8
	mask uint64
	w    []int16
	gaz  *gazetteer
}

const modelMagic = "DLNER2"

func newModel(bits uint8) *Model {
	return &Model{bits: bits, mask: 1<<bits - 1, w: make([]int16, (1<<bits)*numTags), gaz: &gazetteer{m: map[uint64]uint8{}}}
}

// Size is the number of non-zero weight rows, for reports.
func (m *Model) Size() (rows int) {
	for b := 0; b < len(m.w); b += numTags {
		for c := 0; c < numTags; c++ {
			if m.w[b+c] != 0 {
				rows++
				break
			}
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
		row := m.w[b*numTags : (b+1)*numTags]
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
	m := newModel(bits)
	rows, err := binary.ReadUvarint(r)
	if err != nil || rows > 1<<bits {
		return nil, fmt.Errorf("entity model: bad row count: %v", err)
	}
	b := -1
	for ; rows > 0; rows-- {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("entity model: %w", err)
		}
		b += int(d)
		if d == 0 || b >= 1<<bits {
			return nil, errors.New("entity model: bucket out of range")
		}
		for c := 0; c < numTags; c++ {
			v, err := binary.ReadVarint(r)
			if err != nil {
				return nil, fmt.Errorf("entity model: truncated row: %w", err)
			}
			m.w[b*numTags+c] = int16(v)
		}
	}
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
	for _, f := range feats {
		row := m.w[(f&m.mask)*numTags:]
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
}

// tag labels the words of one sentence greedily, left to right.
func (tg *tagger) tag(words []string, doc docStats) []int {
	tg.infos = sentenceInfo(tg.infos, words, doc, tg.m.gaz)
	tg.tags = tg.tags[:0]
	t1, t2 := tagO, tagO
	var sc [numTags]int32
	for i := range words {
		tg.feats = staticFeatures(tg.feats[:0], words, tg.infos, i)
		tg.feats = historyFeatures(tg.feats, tg.infos, i, t1, t2)
		tg.m.scores(tg.feats, &sc)
		t := best(&sc, t1)
		tg.tags = append(tg.tags, t)
		t2, t1 = t1, t
	}
	return tg.tags
}

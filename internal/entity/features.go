package entity

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// The tag set of the tagger: BIO over PER, ORG, LOC and MISC. MISC is
// learned so that nationalities, events and works have somewhere to go
// other than LOC or ORG; Recognize drops it.
const (
	tagO = iota
	tagBPer
	tagIPer
	tagBOrg
	tagIOrg
	tagBLoc
	tagILoc
	tagBMisc
	tagIMisc
	numTags
)

var tagNames = [numTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

func tagIndex(s string) int {
	for i, n := range tagNames {
		if n == s {
			return i
		}
	}
	return -1
}

// allowed reports whether tag t may follow tag prev under BIO.
func allowed(prev, t int) bool {
	if t == tagO || t%2 == 1 {
		return true
	}
	return prev == t || prev == t-1
}

// Hashing. Features are 64-bit hashes of (template, value) folded into a
// fixed-size weight table, so extraction allocates nothing per token.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(a, b uint64) uint64 {
	h := a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	return h
}

func lowerHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// normalizedHash is lowerHash with digits folded to '0', so "1996" and
// "2017" share their features.
func normalizedHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '1' && c <= '9':
			c = '0'
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x99 || s[i+2] == 0x98):
			// ’ and ‘ fold to the ASCII apostrophe.
			c = '\''
			i += 2
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Word shape classes.
const (
	shLower = iota + 1
	shTitle
	shUpper
	shMixed
	shOther
)

// shapeOf returns the hash of the collapsed shape ("Xx", "X.X.", "d-d")
// and the coarse class of s.
func shapeOf(s string) (uint64, int) {
	h := uint64(fnvOffset)
	var last byte
	upper, lower, letters := 0, 0, 0
	firstUpper := false
	for i := 0; i < len(s); {
		var c byte
		r := rune(s[i])
		sz := 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r >= utf8.RuneSelf && isUpperRune(r):
			c = 'X'
		case r >= utf8.RuneSelf && isLetterRune(r):
			c = 'x'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'o'
		}
		if c == 'X' {
			upper++
			letters++
			if i == 0 {
				firstUpper = true
			}
		} else if c == 'x' {
			lower++
			letters++
		}
		if c != last {
			h ^= uint64(c)
			h *= fnvPrime
			last = c
		}
		i += sz
	}
	cls := shOther
	switch {
	case letters == 0:
		cls = shOther
	case upper == 0:
		cls = shLower
	case lower == 0:
		cls = shUpper
	case firstUpper && upper == 1:
		cls = shTitle
	default:
		cls = shMixed
	}
	return h, cls
}

// Synthetic shape hashes for truecased words in all-caps headlines.
var (
	shapeTitleHash, _ = shapeOf("Xx")
	shapeLowerHash, _ = shapeOf("x")
)

// Per-word facts shared by the features of a word and of its neighbours.
type wordInfo struct {
	lower  uint64
	norm   uint64
	shape  uint64
	class  uint8
	length uint8
	lexW   uint16 // lexicon classes of the word alone
	phrase uint16 // lexicon classes of the longest phrase covering the word
	phPos  uint8  // 1 the word begins that phrase, 2 it continues it
	gaz    uint8  // gazetteer classes of the longest training-data name covering the word
	gazPos uint8  // 1 begins it, 2 continues it
	doc    uint8  // docLower | docCapMid
	init   bool   // first word of its sentence (after opening punctuation)
	caps   bool   // in an all-caps sentence
}

const (
	docLower  = 1 // the word occurs in lower case somewhere in the document
	docCapMid = 2 // it occurs capitalised in the middle of a normal sentence
)

// wordType holds the facts of one distinct word string, computed once per
// document however often the word occurs.
type wordType struct {
	lower  uint64
	norm   uint64
	shape  uint64
	class  uint8  // shapeOf's class, which is also caseClass
	long   bool   // at least 3 bytes
	lexW   uint16 // lex.word
	phrase uint16 // lex.phrase of the word alone
	inLex  bool   // the word alone is a key of lex.phrase
	id     int32  // index in the document's typeTable, or -1
}

func newWordType(w string) wordType {
	t := wordType{id: -1}
	cls := 0
	var ok bool
	if t.lower, t.norm, t.shape, cls, ok = asciiHashes(w); !ok {
		t.lower = lowerHash(w)
		t.norm = normalizedHash(w)
		t.shape, cls = shapeOf(w)
	}
	t.class = uint8(cls)
	t.long = len(w) >= 3
	wl := wordLexes.get(t.lower)
	t.lexW, t.phrase, t.inLex = wl.word, wl.phrase, wl.inLex
	return t
}

// asciiHashes returns lowerHash(s), normalizedHash(s) and shapeOf(s) in
// one pass over s, and false, computing nothing, when s is not all ASCII.
// Every new word type of a document needs all three, and three loops
// over the word, the shape's decoding runes, cost more than the lexicon
// lookups that follow. TestASCIIHashes holds it to the three functions.
func asciiHashes(s string) (lower, norm, shape uint64, cls int, ok bool) {
	lower, norm, shape = fnvOffset, fnvOffset, fnvOffset
	var last byte
	upper, lowerN := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return 0, 0, 0, 0, false
		}
		b := &asciiBytes[c]
		lower = (lower ^ uint64(b.lower)) * fnvPrime
		norm = (norm ^ uint64(b.norm)) * fnvPrime
		if b.shape != last {
			shape = (shape ^ uint64(b.shape)) * fnvPrime
			last = b.shape
		}
		upper += int(b.upper)
		lowerN += int(b.lowerCase)
	}
	switch {
	case upper+lowerN == 0:
		cls = shOther
	case upper == 0:
		cls = shLower
	case lowerN == 0:
		cls = shUpper
	case upper == 1 && s[0] >= 'A' && s[0] <= 'Z':
		cls = shTitle
	default:
		cls = shMixed
	}
	return lower, norm, shape, cls, true
}

// asciiByte is what asciiHashes adds for one ASCII byte: the byte each
// hash takes and whether it is an upper- or lower-case letter.
type asciiByte struct {
	lower, norm, shape uint8
	upper, lowerCase   uint8
}

var asciiBytes = func() (t [utf8.RuneSelf]asciiByte) {
	for i := range t {
		c := uint8(i)
		b := asciiByte{lower: c, norm: c, shape: c}
		switch {
		case c >= 'A' && c <= 'Z':
			b.lower, b.norm, b.shape, b.upper = c+'a'-'A', c+'a'-'A', 'X', 1
		case c >= 'a' && c <= 'z':
			b.shape, b.lowerCase = 'x', 1
		case c >= '0' && c <= '9':
			b.shape = 'd'
			if c != '0' {
				b.norm = '0'
			}
		}
		t[i] = b
	}
	return t
}()

// wordTypes computes the types of words one by one, for callers without a
// document-wide table.
func wordTypes(dst []wordType, words []string) []wordType {
	dst = dst[:0]
	for _, w := range words {
		dst = append(dst, newWordType(w))
	}
	return dst
}

// typeTable maps each distinct word string of a document to its facts.
// It is an open-addressing table of type ids probed at a hash of the
// word: a Go map from strings cost a third of preparing a document, and
// emptying this one for the next document is one clear of its slots.
type typeTable struct {
	slots []typeSlot // a power of two, at least twice the words to come
	types []wordType
	words []string // the word of each type
	// flags holds the docStats bits of each type: those of its own
	// occurrences while the document is read, then, once prepare has
	// merged them by lower-case form, the final ones. A byte per type
	// keeps them in a few cache lines; read from the 40-byte types they
	// cost a line per word.
	flags []uint8
	seed  maphash.Seed
}

// typeSlot is one slot: the high half of the word's hash and 1 + its type
// id, 0 if empty. The word itself is compared on a match, so half the hash
// is enough, and eight-byte slots make a long document's table half as
// big for the cache.
type typeSlot struct {
	hash uint32
	id   int32
}

// reset empties the table for a new document of about nwords words.
func (tt *typeTable) reset(nwords int) {
	if tt.seed == (maphash.Seed{}) {
		tt.seed = maphash.MakeSeed()
	}
	tt.slots = resetSlots(tt.slots, 2*nwords)
	tt.release()
}

// release drops the words, which point into the document's text.
func (tt *typeTable) release() {
	clear(tt.words)
	tt.words = tt.words[:0]
	tt.types = tt.types[:0]
	tt.flags = tt.flags[:0]
}

const maxPooledSlots = 1 << 20

// appendTypes appends the types of words to dst, adding new words to the
// table. The table must have been reset for at least as many words as
// it is given in all.
func (tt *typeTable) appendTypes(dst []wordType, words []string) []wordType {
	mask := len(tt.slots) - 1
	for _, w := range words {
		h := maphash.String(tt.seed, w)
		i := int(h) & mask
		hi := uint32(h >> 32)
		var k int32
		for {
			sl := &tt.slots[i]
			if sl.id == 0 {
				k = int32(len(tt.types))
				t := newWordType(w)
				t.id = k
				tt.types = append(tt.types, t)
				tt.words = append(tt.words, w)
				tt.flags = append(tt.flags, 0)
				sl.hash, sl.id = hi, k+1
				break
			}
			if sl.hash == hi && tt.words[sl.id-1] == w {
				k = sl.id - 1
				break
			}
			i = (i + 1) & mask
		}
		dst = append(dst, tt.types[k])
	}
	return dst
}

// docStats gathers the document-level casing facts used as features:
// a capitalised word that also occurs in lower case is likely a common word.
type docStats map[uint64]uint8

func (d docStats) add(words []string) {
	d.addTyped(words, wordTypes(nil, words))
}

// addTyped is add with the types of words already known. Training and
// tests call it, for one sentence at a time; the tagger gathers the same
// bits per document with docFlagsTyped.
func (d docStats) addTyped(words []string, types []wordType) {
	ts := slices.Clone(types)
	for i := range ts {
		ts[i].id = int32(i) // one slot of flags per word
	}
	flags := make([]uint8, len(ts))
	docFlagsTyped(words, ts, isCapsTyped(ts), flags)
	for i, f := range flags {
		if f != 0 {
			d[ts[i].lower] |= f
		}
	}
}

// docFlagsTyped sets, in flags at each type's id, the docStats bits that
// the words of one sentence give their lower-case forms: a lower-case
// word says its form is a common word, a capitalised one inside a
// sentence not set in capitals says it is a name there. caps is
// isCapsTyped(types).
func docFlagsTyped(words []string, types []wordType, caps bool, flags []uint8) {
	start := true
	for i, w := range words {
		if w == "" {
			continue
		}
		t := &types[i]
		switch t.class {
		case shLower:
			if len(w) > 1 {
				flags[t.id] |= docLower
			}
		case shTitle, shMixed:
			if !start && !caps {
				flags[t.id] |= docCapMid
			}
		}
		if t.class != shOther {
			start = false
		}
	}
}

// isCapsTyped reports a sentence set in capitals (a headline, a sports
// table): at least eight in ten of its words with letters are upper-case,
// and one of those has three bytes or more.
func isCapsTyped(types []wordType) bool {
	letters, upper := 0, 0
	long := false
	for i := range types {
		switch types[i].class {
		case shUpper:
			letters++
			upper++
			long = long || types[i].long
		case shLower, shTitle, shMixed:
			letters++
		}
	}
	return letters > 0 && upper*10 >= letters*8 && upper >= 1 && long
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }

// sentenceInfo fills infos for the words of one sentence, their casing
// facts read from doc (training and tests, where words are typed alone).
func sentenceInfo(infos []wordInfo, words []string, doc docStats, gaz *gazetteer) []wordInfo {
	types := wordTypes(nil, words)
	return sentenceInfoCaps(infos, words, types, isCapsTyped(types), doc, gaz, nil)
}

// sentenceInfoCaps fills infos for words whose types and caps,
// isCapsTyped(types), are known. docByID, when not nil, holds the docStats
// bits of the document's types by the ids in types, which spares copying
// them into every word of a long document; without it (types made alone,
// id -1) they come from doc.
func sentenceInfoCaps(infos []wordInfo, words []string, types []wordType, caps bool, doc docStats, gaz *gazetteer, docByID []uint8) []wordInfo {
	start := true
	// Filled in place: every word of the document passes here.
	infos = slices.Grow(infos[:0], len(words))[:len(words)]
	for i, w := range words {
		t := &types[i]
		wi := &infos[i]
		*wi = wordInfo{lower: t.lower, norm: t.norm, shape: t.shape, class: t.class, lexW: t.lexW, caps: caps}
		if len(w) > 255 {
			wi.length = 255
		} else {
			wi.length = uint8(len(w))
		}
		switch {
		case t.id >= 0 && docByID != nil:
			wi.doc = docByID[t.id]
		case doc != nil:
			wi.doc = doc[wi.lower]
		}
	}
	// Longest lexicon phrase starting at each word.
	for i := 0; i < len(infos); i++ {
		if !types[i].inLex {
			// Most words begin no phrase (n == 1 below stops at once).
			continue
		}
		h := uint64(phraseSeed)
		best, bestCls := 0, uint16(0)
		for n := 1; n <= lex.maxLen && i+n <= len(infos); n++ {
			// The word alone was looked up with its type, and most
			// words go no further: its hash is mixed in only then.
			c, ok := types[i].phrase, types[i].inLex
			if n > 1 {
				if n == 2 {
					h = mix(h, infos[i].lower)
				}
				h = mix(h, infos[i+n-1].lower)
				c, ok = lex.phrase.lookup(h)
			}
			if !ok {
				break
			}
			more := c&lexPrefix != 0
			if c &^= lexPrefix | lexCanon; c != 0 {
				best, bestCls = n, c
			}
			if !more {
				// No phrase continues this one.
				break
			}
		}
		if best > 0 {
			for k := i; k < i+best; k++ {
				if infos[k].phrase != 0 && k > i {
					continue
				}
				infos[k].phrase = bestCls
				if k == i {
					infos[k].phPos = 1
				} else {
					infos[k].phPos = 2
				}
			}
		}
	}
	// A model may ship an empty gazetteer (maxLen 0), which marks nothing.
	if gaz != nil && gaz.maxLen > 0 {
		for i := 0; i < len(infos); i++ {
			h := uint64(phraseSeed)
			best, bestCls := 0, uint8(0)
			for n := 1; n <= gaz.maxLen && i+n <= len(infos); n++ {
				h = mix(h, infos[i+n-1].lower)
				if c, ok := gaz.m[h]; ok {
					best, bestCls = n, c
				}
			}
			for k := i; k < i+best; k++ {
				infos[k].gaz = bestCls
				infos[k].gazPos = 2
			}
			if best > 0 {
				infos[i].gazPos = 1
				i += best - 1
			}
		}
	}
	if !caps {
		// Outside headlines only init is left to set, and only the
		// words up to the first with letters or digits have it: the
		// rest of the sentence need not be visited again.
		for i := range infos {
			infos[i].init = true
			if infos[i].class != shOther {
				break
			}
		}
		return infos
	}
	for i, w := range words {
		wi := &infos[i]
		cls := int(wi.class)
		if cls == shUpper && len(w) > 1 {
			// Headlines in capitals hide the case that tells names from
			// words; borrow it from the rest of the document.
			inPhrase := wi.phPos == 2 || wi.phPos == 1 && i+1 < len(infos) && infos[i+1].phPos == 2
			switch {
			case inPhrase && wi.phrase&(lexLoc|lexOrg|lexMedia) != 0:
				wi.shape, wi.class = shapeTitleHash, shTitle
			case wi.doc&docCapMid != 0:
				wi.shape, wi.class = shapeTitleHash, shTitle
			case wi.doc&docLower != 0:
				wi.shape, wi.class = shapeLowerHash, shLower
			case wi.lexW&(lexLoc|lexFirst|lexOrg|lexMedia) != 0:
				wi.shape, wi.class = shapeTitleHash, shTitle
			case wi.lexW&(lexLower|lexCal|lexTitle|lexNat) != 0:
				wi.shape, wi.class = shapeLowerHash, shLower
			}
		}
		wi.init = start
		if cls != shOther {
			start = false
		}
	}
	return infos
}

// Feature templates.
const (
	fBias = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fBiM
	fBiP
	fSh0
	fShm1
	fShp1
	fSh3
	fShLen
	fPre
	fSuf
	fLex0
	fLexm1
	fLexp1
	fPhrase
	fDoc
	fInit
	fCaps
	fW0Shp1
	fT1
	fT12
	fT1W
	fT1Sh
	fLexm1Sh
	fGaz
	fGazm1
	fGazp1
)

var (
	padWord = wordInfo{lower: 0x1234567, norm: 0x1234567, shape: 0x7654321}
)

// staticFeatures appends the hashes of the features of word i that do not
// depend on earlier tags.
func staticFeatures(dst []uint64, words []string, infos []wordInfo, i int) []uint64 {
	dst = unigramFeatures(dst, words[i], &infos[i])
	return contextFeatures(dst, infos, i)
}

// unigramFeatures appends the features that read word w alone: its text
// (through lower, norm, length, lexW, doc and the affixes of s) and its
// shape, class, init and caps facts. The tagger caches their summed
// weights per word type (see unigramKey), so nothing else may go here.
func unigramFeatures(dst []uint64, s string, w *wordInfo) []uint64 {
	dst = append(dst,
		mix(fBias, 0),
		mix(fW0, w.norm),
		mix(fSh0, w.shape),
		mix(mix(fShLen, w.shape), uint64(min(w.length, 6))),
		mix(mix(fInit, uint64(w.class)), boolBit(w.init)),
		mix(mix(mix(fDoc, uint64(w.class)), uint64(w.doc)), boolBit(w.init)),
		mix(mix(fCaps, boolBit(w.caps)), w.shape),
	)
	for k := 1; k <= 3 && k < len(s); k++ {
		dst = append(dst, mix(mix(fPre, uint64(k)), lowerHash(s[:k])))
	}
	for k := 2; k <= 4 && k < len(s); k++ {
		dst = append(dst, mix(mix(fSuf, uint64(k)), lowerHash(s[len(s)-k:])))
	}
	for b := 0; b < numLex; b++ {
		if w.lexW&(uint16(1)<<b) != 0 {
			dst = append(dst, mix(mix(fLex0, uint64(b)), uint64(w.class)))
		}
	}
	return dst
}

// contextFeatures appends the static features of word i that read its
// neighbours or the phrases and names around it.
func contextFeatures(dst []uint64, infos []wordInfo, i int) []uint64 {
	for r := range numRoles {
		dst = neighbourFeatures(dst, neighbour(infos, i, r), r)
	}
	return pairFeatures(dst, infos, i)
}

// Neighbour roles: the word before, after, two before and two after.
const (
	roleM1 = iota
	roleP1
	roleM2
	roleP2
	numRoles
)

var roleOffset = [numRoles]int{-1, 1, -2, 2}

// neighbour returns the word in role r of word i, or the padding word.
func neighbour(infos []wordInfo, i, r int) *wordInfo {
	if j := i + roleOffset[r]; j >= 0 && j < len(infos) {
		return &infos[j]
	}
	return &padWord
}

// neighbourFeatures appends the features that read neighbour n in role r
// alone; the tagger caches their sums per word type and role.
func neighbourFeatures(dst []uint64, n *wordInfo, r int) []uint64 {
	switch r {
	case roleM1:
		dst = append(dst, mix(fWm1, n.norm), mix(fShm1, n.shape))
		for b := 0; b < numLex; b++ {
			if n.lexW&(uint16(1)<<b) != 0 {
				dst = append(dst, mix(fLexm1, uint64(b)))
			}
		}
	case roleP1:
		dst = append(dst, mix(fWp1, n.norm), mix(fShp1, n.shape))
		for b := 0; b < numLex; b++ {
			if n.lexW&(uint16(1)<<b) != 0 {
				dst = append(dst, mix(fLexp1, uint64(b)))
			}
		}
	case roleM2:
		dst = append(dst, mix(fWm2, n.norm))
	case roleP2:
		dst = append(dst, mix(fWp2, n.norm))
	}
	return dst
}

// pairFeatures appends the static features of word i that read it with a
// neighbour, or the phrases and names around it.
func pairFeatures(dst []uint64, infos []wordInfo, i int) []uint64 {
	w := &infos[i]
	m1, p1 := neighbour(infos, i, roleM1), neighbour(infos, i, roleP1)
	dst = append(dst,
		mix(mix(fBiM, m1.norm), w.norm),
		mix(mix(fBiP, w.norm), p1.norm),
		mix(mix(mix(fSh3, m1.shape), w.shape), p1.shape),
		mix(mix(fW0Shp1, w.norm), p1.shape),
	)
	// Only the set bits, lowest first.
	for set := (m1.lexW | w.phrase) & (1<<numLex - 1); set != 0; set &= set - 1 {
		b := bits.TrailingZeros16(set)
		bit := uint16(1) << b
		if m1.lexW&bit != 0 {
			dst = append(dst, mix(mix(fLexm1Sh, uint64(b)), uint64(w.class)))
		}
		if w.phrase&bit != 0 {
			dst = append(dst, mix(mix(fPhrase, uint64(b)), uint64(w.phPos)<<8|uint64(w.class)))
		}
	}
	if w.gaz|m1.gaz|p1.gaz == 0 {
		return dst
	}
	for b := 0; b < 4; b++ {
		bit := uint8(1) << b
		if w.gaz&bit != 0 {
			dst = append(dst, mix(mix(fGaz, uint64(b)), uint64(w.gazPos)<<8|uint64(w.class)))
		}
		if m1.gaz&bit != 0 {
			dst = append(dst, mix(mix(fGazm1, uint64(b)), uint64(m1.gazPos)))
		}
		if p1.gaz&bit != 0 {
			dst = append(dst, mix(mix(fGazp1, uint64(b)), uint64(p1.gazPos)))
		}
	}
	return dst
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// historyFeatures appends the features that read the two previous tags.
func historyFeatures(dst []uint64, infos []wordInfo, i, t1, t2 int) []uint64 {
	dst = tagFeatures(dst, t1, t2)
	return wordHistoryFeatures(dst, &infos[i], t1)
}

// tagFeatures appends the history features that read only the tags.
func tagFeatures(dst []uint64, t1, t2 int) []uint64 {
	return append(dst,
		mix(fT1, uint64(t1)),
		mix(fT12, uint64(t1)<<8|uint64(t2)),
	)
}

// wordHistoryFeatures appends the history features that pair the previous
// tag with word w; the tagger caches them with the unigram features.
func wordHistoryFeatures(dst []uint64, w *wordInfo, t1 int) []uint64 {
	return append(dst,
		mix(mix(fT1W, uint64(t1)), w.norm),
		mix(mix(fT1Sh, uint64(t1)), w.shape),
	)
}

// gazetteer holds the names seen in the training data, by phrase hash of
// their lower-cased words, with their classes (1 PER, 2 ORG, 4 LOC, 8 MISC).
type gazetteer struct {
	m      map[uint64]uint8
	maxLen int
}

const gazMaxLen = 6

func (g *gazetteer) addDoc(d Doc) {
	for _, s := range d {
		tags := cleanTags(s)
		for i := 0; i < len(tags); {
			t := tags[i]
			if t == tagO || t%2 == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(tags) && tags[j] == t+1 {
				j++
			}
			if j-i <= gazMaxLen && !(j-i == 1 && lex.word.get(lowerHash(s.Words[i]))&(lexLower|lexCal) != 0) {
				h := uint64(phraseSeed)
				for _, w := range s.Words[i:j] {
					h = mix(h, lowerHash(w))
				}
				g.m[h] |= 1 << ((t - 1) / 2)
				g.maxLen = max(g.maxLen, j-i)
			}
			i = j
		}
	}
}

// caseClass is the class part of shapeOf without the hash, with an ASCII
// fast path: it runs several times per word.
func caseClass(s string) int {
	upper, lower := 0, 0
	firstUpper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i == 0 {
				firstUpper = true
			}
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		case c >= utf8.RuneSelf:
			_, cls := shapeOf(s)
			return cls
		}
	}
	switch {
	case upper+lower == 0:
		return shOther
	case upper == 0:
		return shLower
	case lower == 0:
		return shUpper
	case firstUpper && upper == 1:
		return shTitle
	}
	return shMixed
}

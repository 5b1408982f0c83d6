package entity

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// cand is a proposed mention: tokens [a, b) of sentence s.
type cand struct {
	s, a, b   int
	typ       string
	strong    bool   // typed by context (a result line, a dateline): outvotes the tagger
	rule      bool   // placed by a lexicon rule, wins over the tagger
	canonical string // a fixed canonical name (well-known bodies)
	entity    string // forced entity key (title links, split names)
	dateline  bool   // the place of a wire dateline, written in capitals
	conj      int    // 1 + the first word of the name this one is coordinated with ("X and Y")
}

// voteTypes are the entity types a document's mentions vote among, in the
// order that breaks ties.
var voteTypes = [...]string{dateline.EntityPerson, dateline.EntityOrg, dateline.EntityLoc, dateline.EntityMedia}

func voteIndex(t string) int {
	for v, x := range voteTypes {
		if x == t {
			return v
		}
	}
	return -1
}

var tagType = [numTags]string{"", dateline.EntityPerson, dateline.EntityPerson, dateline.EntityOrg, dateline.EntityOrg,
	dateline.EntityLoc, dateline.EntityLoc, "", ""}

// canonPhrase maps the phrase hash of a well-known body to its name.
var canonPhrase = func() map[uint64]string {
	m := map[uint64]string{}
	for k, v := range canonicalOrg {
		toks := tokenize(nil, k, 0, len(k))
		m[lex.addPhrase(k, toks, lexCanon)] = v
	}
	return m
}()

func isCap(w string) bool {
	cls := caseClass(w)
	return cls == shTitle || cls == shUpper || cls == shMixed
}

// nameAt is nameWord(s.words[i]), read from the word's type.
func (s *sent) nameAt(i int) bool { return s.types[i].isName() }

// titleAt is isTitleWord(s.words[i]), its lexicon classes read from the
// word's type: only a hyphenated word needs the lexicon again.
func (s *sent) titleAt(i int) bool {
	return s.types[i].lexW&lexTitle != 0 || strings.IndexByte(s.words[i], '-') >= 0 && isTitleWord(s.words[i])
}

// capClasses has bit c set for the case classes isCap accepts.
const capClasses = 1<<shTitle | 1<<shUpper | 1<<shMixed

// isCap is isCap of the type's word: a type's class is caseClass of its
// word.
func (t *wordType) isCap() bool { return capClasses>>t.class&1 != 0 }

// isName is nameWord of the type's word: its lexW is lex.word's classes
// of the word.
func (t *wordType) isName() bool {
	return t.isCap() && t.lexW&(lexLower|lexCal|lexTitle|lexNat) == 0
}

func isFunctionWord(w string) bool {
	// Nothing longer than three bytes lower-cases to one of these, and
	// no rune outside ASCII folds to their letters, so EqualFold agrees
	// with ToLower here without allocating.
	switch len(w) {
	case 1:
		return w == "&"
	case 2:
		return strings.EqualFold(w, "of") || strings.EqualFold(w, "de")
	case 3:
		return strings.EqualFold(w, "the") || strings.EqualFold(w, "and") || strings.EqualFold(w, "for")
	}
	return false
}

// collect turns tags into candidates and applies the lexicon rules.
// docByID holds the casing facts of the sentences' word types by type id;
// buf is scratch space kept for the next document.
func collect(text string, sents []sent, docByID []uint8, out []cand, buf *[]cand) []cand {
	// One buffer for every sentence's tagger candidates: they are copied
	// to out before the next sentence.
	model := (*buf)[:0]
	defer func() { *buf = model[:0] }()
	for si := range sents {
		s := &sents[si]
		caps := s.caps
		model = model[:0]
		for i := 0; i < len(s.tags); {
			t := s.tags[i]
			if tagType[t] == "" || t%2 == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(s.tags) && s.tags[j] == t+1 {
				j++
			}
			c := cand{s: si, a: i, b: j, typ: tagType[t]}
			// Titles are not part of a name: "President Donald Trump".
			for c.typ == dateline.EntityPerson && c.b-c.a > 1 && s.types[c.a].lexW&lexTitle != 0 {
				c.a++
			}
			// A mention never starts with a clitic, punctuation or a
			// lower-case word ("northern Iraq" names Iraq).
			for c.a < c.b && (!hasLetterOrDigit(s.words[c.a]) || isPTBClitic(s.words[c.a]) || possessiveLen("x"+s.words[c.a]) == len(s.words[c.a]) || !s.types[c.a].isCap()) {
				c.a++
			}
			for c.b > c.a && (!hasLetterOrDigit(s.words[c.b-1]) || isPTBClitic(s.words[c.b-1]) || s.types[c.b-1].class == shLower) {
				c.b--
			}
			// "The Louisiana judge …" at the start of a sentence: the article
			// is not part of the name, unless the lexicon knows the whole
			// ("The Hague"). Mid-sentence "The Oval" keeps it.
			if c.b-c.a > 1 && strings.EqualFold(s.words[c.a], "the") && (c.a == 0 || !hasLetterOrDigit(s.words[c.a-1])) && lex.phrase.get(phraseHash(s.words[c.a:c.b]))&^(lexPrefix|lexCanon) == 0 {
				c.a++
			}
			// A capitalised headline word the rest of the document never
			// writes as a name, and no lexicon knows, is no evidence.
			if c.b-c.a == 1 && caps && !headlineName(s.words[c.a], docOf(s, c.a, docByID)) {
				c.b = c.a
			}
			// "Russian" is an adjective here, not the place.
			if c.b-c.a == 1 && s.types[c.a].lexW&(lexNat|lexLoc) == lexNat {
				c.b = c.a
			}
			if c.a < c.b {
				model = append(model, c)
			}
			i = j
		}
		model = mergeAdjacent(model)
		model = initialsRule(s, model)
		teamRule(s, model)
		model = completeRule(s, model)
		model = newsRule(s, model, caps)
		for k := range model {
			model[k].s = si
		}
		rules := ruleCands(si, s)
		// Rule candidates replace the tagger's where they overlap.
		for _, c := range model {
			clash := false
			for _, r := range rules {
				if c.a < r.b && r.a < c.b {
					clash = true
					break
				}
			}
			if !clash {
				out = append(out, c)
			}
		}
		out = append(out, rules...)
	}
	sorted := sortedBy(out, func(x, y *cand) int {
		return cmp.Or(cmp.Compare(x.s, y.s), cmp.Compare(x.a, y.a))
	})
	// out is the tagger's buffer, kept for the next document: a sorted
	// copy goes back into it rather than replace it, which made the next
	// document grow a new buffer, and resolve, which adds a few more,
	// finds room for them.
	if len(sorted) > 0 && &sorted[0] != &out[0] {
		copy(out, sorted)
	}
	return slices.Grow(out, len(out)/8+4)
}

// sortedBy returns xs sorted by compare, in the order sort.Slice gave it:
// slices.SortFunc runs the same pdqsort, so ties land where they always
// did. A slice already in strictly increasing order has only that order
// and is returned as it is; otherwise indices are sorted rather than the
// elements, which spares moving their strings, and the comparisons, so
// the order, are those of sorting the elements in place.
//
// Most often xs is a strictly increasing run followed by a few elements
// added out of place: then the few are sorted and merged into the run,
// and when no two elements tie the order is the only one there is, the
// one the full sort gives; a tie anywhere falls back to the full sort.
func sortedBy[T any](xs []T, compare func(x, y *T) int) []T {
	k := 1
	for k < len(xs) && compare(&xs[k-1], &xs[k]) < 0 {
		k++
	}
	if k >= len(xs) {
		return xs
	}
	if out, ok := mergeTail(xs, k, compare); ok {
		return out
	}
	idx := make([]int32, len(xs))
	for k := range idx {
		idx[k] = int32(k)
	}
	slices.SortFunc(idx, func(i, j int32) int { return compare(&xs[i], &xs[j]) })
	out := make([]T, len(xs))
	for k, i := range idx {
		out[k] = xs[i]
	}
	return out
}

// mergeTail sorts xs[k:] and merges it into xs[:k], which is strictly
// increasing, into a new slice. ok is false, and the result unusable,
// when two elements tie or the tail is too long for the merge to pay.
func mergeTail[T any](xs []T, k int, compare func(x, y *T) int) ([]T, bool) {
	tail := xs[k:]
	if len(tail) > len(xs)/4 {
		return nil, false
	}
	idx := make([]int32, len(tail))
	for i := range idx {
		idx[i] = int32(k + i)
	}
	slices.SortFunc(idx, func(i, j int32) int { return compare(&xs[i], &xs[j]) })
	for i := 1; i < len(idx); i++ {
		if compare(&xs[idx[i-1]], &xs[idx[i]]) == 0 {
			return nil, false
		}
	}
	out := make([]T, 0, len(xs))
	a := 0
	for _, j := range idx {
		for a < k {
			c := compare(&xs[a], &xs[j])
			if c == 0 {
				return nil, false
			}
			if c > 0 {
				break
			}
			out = append(out, xs[a])
			a++
		}
		out = append(out, xs[j])
	}
	return append(out, xs[a:k]...), true
}

// ruleCands finds news outlets and well-known bodies by lexicon.
func ruleCands(si int, s *sent) []cand {
	var out []cand
	n := len(s.words)
	for i := 0; i < n; {
		if !s.types[i].inLex {
			// Most words begin no lexicon phrase (see k == 1 below).
			i = nextInLex(s.types, i+1)
			continue
		}
		bestLen, bestKind, canon := 0, "", ""
		h := uint64(phraseSeed)
		for k := 1; k <= lex.maxLen && i+k <= n; k++ {
			var c uint16
			var ok bool
			switch {
			case k == 1:
				// The word alone was looked up with its type; its hash
				// is wanted only by a canonical name or a longer phrase,
				// and most words begin neither.
				c, ok = s.types[i].phrase, s.types[i].inLex
				if ok && c&(lexCanon|lexPrefix) != 0 {
					h = mix(h, s.types[i].lower)
				}
			default:
				h = mix(h, s.types[i+k-1].lower)
				c, ok = lex.phrase.lookup(h)
			}
			if !ok {
				break
			}
			if c&lexCanon != 0 {
				if name, ok := canonPhrase[h]; ok && orgOK(s.words[i:i+k]) {
					bestLen, bestKind, canon = k, dateline.EntityOrg, name
				}
			}
			if c&lexMedia != 0 && mediaOK(s.words[i:i+k]) {
				bestLen, bestKind, canon = k, dateline.EntityMedia, ""
			}
			if c&lexPrefix == 0 {
				// No phrase continues this one.
				break
			}
		}
		if bestLen == 0 || bestKind == dateline.EntityMedia && beforePlaceHead(s, i+bestLen) {
			i++
			continue
		}
		a := i
		if s.words[a] == "the" {
			a++
		}
		if a < i+bestLen {
			out = append(out, cand{s: si, a: a, b: i + bestLen, typ: bestKind, rule: true, canonical: canon})
		}
		i += bestLen
	}
	return out
}

// beforePlaceHead reports whether word i is a capitalised place head:
// "The Atlantic" is an outlet, "the Atlantic Ocean" is not.
func beforePlaceHead(s *sent, i int) bool {
	return i < len(s.types) && s.types[i].isCap() && s.types[i].news()&nwPlaceHead != 0
}

// mediaOK accepts an outlet match only when it is written as a name.
func mediaOK(ws []string) bool {
	content := 0
	for k, w := range ws {
		if k == 0 && w == "the" {
			continue
		}
		if isFunctionWord(w) && k > 0 {
			continue
		}
		if !isCap(w) {
			return false
		}
		content++
	}
	if content == 1 && len(ws) == 1 {
		w := ws[0]
		cls := caseClass(w)
		// Two-letter outlets (AP, RT) only in capitals.
		if len(w) <= 3 && cls != shUpper {
			return false
		}
	}
	return content > 0
}

// orgOK accepts a well-known body in capitals, or a department in lower
// case ("the justice department").
func orgOK(ws []string) bool {
	if strings.EqualFold(ws[len(ws)-1], "department") {
		return true
	}
	for _, w := range ws {
		// "al Qaeda": the Arabic article stays lower case
		if !isFunctionWord(w) && !isCap(w) && w != "al" && w != "el" {
			return false
		}
	}
	return true
}

// titleKey hashes a run of title words so that "Attorney-General" and
// "attorney general" are one key, without building strings.
func titleKey(ws []string) uint64 {
	h := uint64(phraseSeed)
	for _, w := range ws {
		p := 0
		for i := 0; i <= len(w); i++ {
			if i == len(w) || w[i] == '-' {
				if i > p {
					h = mix(h, lowerHash(w[p:i]))
				}
				p = i + 1
			}
		}
	}
	return h
}

func isTitleWord(w string) bool {
	if lex.word.get(lowerHash(w))&lexTitle != 0 {
		return true
	}
	if strings.IndexByte(w, '-') < 0 {
		return false
	}
	p := 0
	for i := 0; i <= len(w); i++ {
		if i == len(w) || w[i] == '-' {
			if i == p || lex.word.get(lowerHash(w[p:i]))&lexTitle == 0 {
				return false
			}
			p = i + 1
		}
	}
	return true
}

// appendMentionKey appends mentionKey(s) to b. Unlike mentionKey it
// allocates nothing for a word of ASCII, which is what resolve looks up
// for every capitalised word.
func appendMentionKey(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, mentionKey(s)...)
		}
	}
	from := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	if bytes.HasPrefix(b[from:], []byte("the ")) {
		b = append(b[:from], b[from+4:]...)
	}
	return b
}

func mentionKey(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "’", "'")
	return strings.TrimPrefix(s, "the ")
}

// resolve links candidates to document entities and builds the output.
func resolve(text string, sents []sent, cands []cand) ([]dateline.Mention, []dateline.Entity) {
	// span and surface take a pointer: a cand is some hundred bytes, and
	// they are called for every candidate, some through a func value.
	span := func(c *cand) (int, int) {
		s := &sents[c.s]
		return s.toks[c.a].start, s.toks[c.b-1].end
	}
	surface := func(c *cand) string {
		a, b := span(c)
		return text[a:b]
	}
	// One backing array for the coverage of every sentence.
	total := 0
	for si := range sents {
		total += len(sents[si].words)
	}
	cov := make([][]bool, len(sents))
	flat := make([]bool, total)
	for si := range sents {
		n := len(sents[si].words)
		cov[si], flat = flat[:n:n], flat[n:]
	}
	mark := func(c cand) {
		for i := c.a; i < c.b; i++ {
			cov[c.s][i] = true
		}
	}
	for _, c := range cands {
		mark(c)
	}
	covered := func(si, i int) bool { return cov[si][i] }
	add := func(c cand) {
		cands = append(cands, c)
		mark(c)
	}

	// Split names: "(White House Counsel Don) McGahn".
	for k := range cands {
		c := &cands[k]
		s := &sents[c.s]
		if c.typ != dateline.EntityPerson || c.b-c.a != 1 || s.types[c.a].lexW&lexFirst == 0 {
			continue
		}
		if c.b+1 < len(s.words) && s.words[c.b] == ")" && s.types[c.b+1].isCap() {
			full := s.words[c.a] + " " + s.words[c.b+1]
			c.entity, c.canonical = mentionKey(full), full
			if !covered(c.s, c.b+1) {
				add(cand{s: c.s, a: c.b + 1, b: c.b + 2, typ: dateline.EntityPerson, entity: c.entity, canonical: full})
			}
		}
	}

	// Full names are the anchors of person aliases.
	type person struct {
		key, name string
		last      string
		// pre is the run of particles before the surname ("bin", "von
		// der"), which a later mention may repeat ("bin Laden").
		pre []string
	}
	var people []person
	seenPerson := map[string]bool{}
	particles := false // some person's name has particles or an article
	for _, c := range cands {
		if c.typ != dateline.EntityPerson {
			continue
		}
		key, name := c.entity, ""
		if key == "" {
			if c.b-c.a < 2 {
				continue
			}
			name = surface(&c)
			key = mentionKey(name)
		} else {
			name = c.canonical
		}
		if seenPerson[key] {
			continue
		}
		seenPerson[key] = true
		fields := strings.Fields(key)
		p := person{key: key, name: name, last: fields[len(fields)-1]}
		j := len(fields) - 1
		for j > 1 && isParticle(fields[j-1]) {
			j--
		}
		if j < len(fields)-1 {
			p.pre = fields[j : len(fields)-1]
		}
		particles = particles || p.pre != nil || arabicKeyPrefixLen(p.last) > 0
		people = append(people, p)
	}
	// Maps are sized up front: growing them cost more than filling them.
	surnameOf := make(map[string]string, len(people)) // surname key → person key; "" when ambiguous
	addSurname := func(last, key string) {
		if prev, ok := surnameOf[last]; ok && prev != key {
			surnameOf[last] = ""
			return
		}
		surnameOf[last] = key
	}
	if particles {
		// A surname is written with its particles or without them:
		// "al-Assad" and "Assad", "bin Laden" and "Laden". A "person"
		// that is only such a form ("Bin Laden" opening a sentence) is
		// the full name's alias, not a second anchor that would make
		// the surname ambiguous.
		short := map[string]string{} // "" when two people share the form
		for _, p := range people {
			for m := 1; m <= len(p.pre); m++ {
				f := strings.Join(p.pre[len(p.pre)-m:], " ") + " " + p.last
				if prev, ok := short[f]; ok && prev != p.key {
					short[f] = ""
					continue
				}
				short[f] = p.key
			}
		}
		kept := people[:0]
		for _, p := range people {
			if full, ok := short[p.key]; ok && full != "" && full != p.key {
				continue
			}
			kept = append(kept, p)
		}
		people = kept
		for f, key := range short {
			surnameOf[f] = key
		}
	}
	for _, p := range people {
		addSurname(p.last, p.key)
	}
	if particles {
		// "Assad" for "Bashar al-Assad", unless someone is called
		// plainly that: "Gaddafi" stays "Muammar Gaddafi"'s when
		// "Mohammed Al-Gaddafi" is named too.
		plain := make(map[string]bool, len(people))
		for _, p := range people {
			plain[p.last] = true
		}
		for _, p := range people {
			if k := arabicKeyPrefixLen(p.last); k > 0 && !plain[p.last[k:]] {
				addSurname(p.last[k:], p.key)
			}
		}
	}

	// A company named in full ("Castlemere Chemical Co.") is the bare
	// first word of its name elsewhere in the document ("Castlemere").
	corpFirst := corpAliases(sents, cands, surnameOf, surface)
	outletAliases(sents, cands, surface)
	shortFormAliases(sents, cands)

	// One sense per document: a capitalised surname or an already found
	// name that the tagger missed elsewhere in the document is the same
	// entity.
	known := map[uint64]cand{}
	multi := map[uint64]cand{} // names of several words, by exact-case phrase hash
	maxMulti := 0
	for _, c := range cands {
		if c.b-c.a == 1 {
			known[lowerHash(sents[c.s].words[c.a])] = c
		} else if c.b-c.a <= 5 && c.typ != dateline.EntityMedia {
			multi[exactPhrase(sents[c.s].words[c.a:c.b])] = c
			if c.dateline {
				// "HARLOW FALLS (…) —" is "Harlow Falls" in the story.
				tc := make([]string, c.b-c.a)
				for x := range tc {
					tc[x] = titleCase(sents[c.s].words[c.a+x])
				}
				multi[exactPhrase(tc)] = cand{typ: c.typ, rule: c.rule}
			}
			maxMulti = max(maxMulti, c.b-c.a)
		}
	}
	// A bit per key of multi, by the key's low bits: a hash whose bit is
	// clear is not a key, and most are not, so the map is asked only
	// about the rest.
	var multiBits [16]uint64
	for h := range multi {
		multiBits[h&1023>>6] |= 1 << (h & 63)
	}
	var keyBuf []byte
	for si := range sents {
		s := &sents[si]
		scov := cov[si]
		for i := nextCapFree(s, scov, 0); i >= 0; i = nextCapFree(s, scov, i+1) {
			w := s.words[i]
			if maxMulti > 0 {
				found := 0
				// The phrase hashes of the words from i, by length: each
				// is exactPhrase of those words.
				top := min(maxMulti, len(s.words)-i)
				var ph [6]uint64
				ph[0] = phraseSeed
				for k := 1; k <= top; k++ {
					ph[k] = mix(ph[k-1], exactWord(s.words[i+k-1]))
				}
				for k := top; k >= 2 && found == 0; k-- {
					if multiBits[ph[k]&1023>>6]&(1<<(ph[k]&63)) == 0 {
						continue
					}
					c, ok := multi[ph[k]]
					if !ok {
						continue
					}
					free := true
					for x := i; x < i+k; x++ {
						free = free && !covered(si, x)
					}
					if free {
						add(cand{s: si, a: i, b: i + k, typ: c.typ, canonical: c.canonical, entity: c.entity})
						found = k
					}
				}
				if found > 0 {
					continue
				}
			}
			// The word's type has its hash and lexicon classes.
			lw, lexW := s.types[i].lower, s.types[i].lexW
			if isInitial(strings.TrimSuffix(w, ".")) || lexW&(lexLower|lexCal|lexTitle) != 0 {
				continue
			}
			if len(surnameOf) > 0 {
				keyBuf = appendMentionKey(keyBuf[:0], w)
				if pk, ok := surnameOf[string(keyBuf)]; ok && pk != "" {
					add(cand{s: si, a: i, b: i + 1, typ: dateline.EntityPerson, entity: pk})
					continue
				}
			}
			if c, ok := known[lw]; ok && w == sents[c.s].words[c.a] && c.typ != dateline.EntityMedia {
				add(cand{s: si, a: i, b: i + 1, typ: c.typ, canonical: c.canonical})
				continue
			}
			if full, ok := corpFirst[lw]; ok && full != "" && caseClass(w) == shTitle && lexW&(lexFirst|lexLoc) == 0 {
				add(cand{s: si, a: i, b: i + 1, typ: dateline.EntityOrg, entity: mentionKey(full), canonical: full})
			}
		}
	}

	if particles {
		preOf := make(map[string][]string, len(people))
		for _, p := range people {
			if p.pre != nil {
				preOf[p.key] = p.pre
			}
		}
		particleSurnames(sents, cands, cov, surnameOf, preOf)
	}

	// Link each candidate to an entity key.
	keys := make([]string, len(cands))
	for k, c := range cands {
		switch {
		case c.entity != "":
			keys[k] = c.entity
		case c.canonical != "":
			keys[k] = mentionKey(c.canonical)
		default:
			key := mentionKey(surface(&c))
			if pk, ok := surnameOf[key]; ok && pk != "" && c.typ != dateline.EntityMedia && !c.rule {
				key = pk
			} else if c.b-c.a == 2 && c.typ == dateline.EntityPerson {
				// "Mr Sessions" kept as a name: link on the last word.
				if pk, ok := surnameOf[mentionKey(sents[c.s].words[c.b-1])]; ok && pk != "" {
					key = pk
				}
			}
			keys[k] = key
		}
	}

	// Titles that introduced a person ("attorney-general Jeff Sessions")
	// stand for that person later: "the attorney-general".
	titleOf := map[uint64]string{}
	for k, c := range cands {
		if c.typ != dateline.EntityPerson {
			continue
		}
		s := &sents[c.s]
		a := c.a
		for a > 0 && s.titleAt(a-1) {
			a--
		}
		if a == c.a {
			continue
		}
		tk := titleKey(s.words[a:c.a])
		if prev, ok := titleOf[tk]; ok && prev != keys[k] {
			titleOf[tk] = ""
			continue
		}
		titleOf[tk] = keys[k]
	}
	if len(titleOf) > 0 {
		for si := range sents {
			s := &sents[si]
			for i := nextThe(s.words, 0); i >= 0; i = nextThe(s.words, i+1) {
				if !s.titleAt(i+1) && s.types[i+1].phrase&lexPrefix == 0 {
					continue
				}
				for n := min(4, len(s.words)-i-1); n >= 1; n-- {
					pk, ok := titleOf[titleKey(s.words[i+1:i+1+n])]
					if !ok || pk == "" || covered(si, i+1) {
						continue
					}
					if i+1+n < len(s.words) && s.types[i+1+n].isCap() {
						break // "the president Donald Trump": the name follows
					}
					add(cand{s: si, a: i + 1, b: i + 1 + n, typ: dateline.EntityPerson, entity: pk})
					keys = append(keys, pk)
					break
				}
			}
		}
	}

	// Entities: type by vote (a rule's type wins), name by longest form.
	type form struct {
		text string
		n    int
	}
	type ent struct {
		key, name string
		votes     [len(voteTypes)]int
		ruleType  string
		forms     []form // surface forms and their counts; an entity has few
		first     int
		named     bool
		dateline  bool
	}
	ents := make(map[string]*ent, len(cands))
	var order []*ent
	// One allocation for all entities: there is at most one per
	// candidate, so the slab never moves and the pointers hold.
	slab := make([]ent, 0, len(cands))
	personName := make(map[string]string, len(people))
	for _, p := range people {
		personName[p.key] = p.name
	}
	for k, c := range cands {
		key := keys[k]
		if key == "" {
			continue
		}
		e := ents[key]
		a, b := span(&c)
		if e == nil {
			slab = append(slab, ent{key: key, first: a})
			e = &slab[len(slab)-1]
			ents[key] = e
			order = append(order, e)
		}
		if a < e.first {
			e.first = a
		}
		if v := voteIndex(c.typ); v >= 0 {
			e.votes[v]++
			if c.strong {
				e.votes[v] += 2
			}
		}
		if c.rule {
			e.ruleType = c.typ
		}
		e.dateline = e.dateline || c.dateline
		if c.canonical != "" {
			e.name, e.named = c.canonical, true
		}
		f := text[a:b]
		if i := slices.IndexFunc(e.forms, func(x form) bool { return x.text == f }); i >= 0 {
			e.forms[i].n++
		} else {
			e.forms = append(e.forms, form{f, 1})
		}
	}
	for _, e := range ents {
		if e.named {
			continue
		}
		if n, ok := personName[e.key]; ok && strings.Contains(n, " ") {
			e.name = n
			continue
		}
		// The most frequent capitalised surface form, longest on ties.
		forms := e.forms
		sort.Slice(forms, func(i, j int) bool {
			fi, fj := forms[i].text, forms[j].text
			ci, cj := isCap(fi), isCap(fj)
			if ci != cj {
				return ci
			}
			// A byline or dateline in capitals is not how the name is spelt.
			if ui, uj := caseClass(fi) == shUpper, caseClass(fj) == shUpper; ui != uj {
				return uj
			}
			if forms[i].n != forms[j].n {
				return forms[i].n > forms[j].n
			}
			if len(fi) != len(fj) {
				return len(fi) > len(fj)
			}
			return fi < fj
		})
		e.name = forms[0].text
		if e.dateline && caseClass(e.name) == shUpper {
			e.name = titleCase(e.name)
		}
	}
	// Coordinated names are of one kind: "Eastgate and Riverside", where
	// a rule typed Eastgate, makes Riverside a place too.
	var at map[[2]int]int
	for k, c := range cands {
		if c.conj == 0 || keys[k] == "" {
			continue
		}
		if at == nil {
			at = make(map[[2]int]int, len(cands))
			for k2, c2 := range cands {
				at[[2]int{c2.s, c2.a}] = k2
			}
		}
		// A country and a body are coordinated all the time ("the
		// United States and the EU"): they are of two kinds.
		if k2, ok := at[[2]int{c.s, c.conj - 1}]; ok && keys[k2] != "" && !isCountry(sents[c.s].words[c.a:c.b]) && !isCountry(sents[cands[k2].s].words[cands[k2].a:cands[k2].b]) {
			e1, e2 := ents[keys[k2]], ents[keys[k]]
			if e1.ruleType != "" && e2.ruleType == "" {
				e2.ruleType = e1.ruleType
			} else if e2.ruleType != "" && e1.ruleType == "" {
				e1.ruleType = e2.ruleType
			}
		}
	}
	typeOf := func(e *ent) string {
		if e.ruleType != "" {
			return e.ruleType
		}
		best, bn := "", -1
		for v, t := range voteTypes {
			if e.votes[v] > bn {
				best, bn = t, e.votes[v]
			}
		}
		return best
	}
	// Any stable sort gives the one order of sort.SliceStable.
	slices.SortStableFunc(order, func(x, y *ent) int { return cmp.Compare(x.first, y.first) })
	// Names must be unique: two keys that reach one name merge.
	nameOf := make(map[string]string, len(order))
	var entities []dateline.Entity
	if len(order) > 0 {
		entities = make([]dateline.Entity, 0, len(order))
	}
	byName := make(map[string]int, len(order))
	for _, e := range order {
		key := e.key
		if idx, ok := byName[e.name]; ok {
			nameOf[key] = entities[idx].Name
			continue
		}
		byName[e.name] = len(entities)
		nameOf[key] = e.name
		entities = append(entities, dateline.Entity{Name: e.name, Type: typeOf(e)})
	}
	aliases := map[string]map[string]bool{}
	var mentions []dateline.Mention
	if len(cands) > 0 {
		mentions = make([]dateline.Mention, 0, len(cands))
	}
	for k, c := range cands {
		if keys[k] == "" {
			continue
		}
		a, b := span(&c)
		name := nameOf[keys[k]]
		idx := byName[name]
		m := dateline.Mention{Start: a, End: b, Text: text[a:b], Type: entities[idx].Type, Entity: name}
		mentions = append(mentions, m)
		if m.Text != name {
			if aliases[name] == nil {
				aliases[name] = map[string]bool{}
			}
			aliases[name][m.Text] = true
		}
	}
	if len(mentions) == 0 {
		mentions = nil // as before: no mentions is null, not [], in JSON
	}
	// Candidates come sorted, so mentions nearly always are too.
	mentions = sortedBy(mentions, func(x, y *dateline.Mention) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(y.End, x.End))
	})
	kept := mentions[:0]
	for _, m := range mentions {
		if len(kept) > 0 && m.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, m)
	}
	mentions = kept
	// Only entities that kept a mention are reported.
	used := make(map[string]bool, len(entities))
	for _, m := range mentions {
		used[m.Entity] = true
	}
	final := entities[:0]
	for _, e := range entities {
		if !used[e.Name] {
			continue
		}
		for a := range aliases[e.Name] {
			e.Aliases = append(e.Aliases, a)
		}
		sort.Strings(e.Aliases)
		final = append(final, e)
	}
	return mentions, final
}

func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isInitial matches "J." and "J".
func isInitial(w string) bool {
	return (len(w) == 2 && w[1] == '.' || len(w) == 1) && w[0] >= 'A' && w[0] <= 'Z'
}

// initialsRule joins initials to the name they precede: "M. McCague" is
// one person, whatever the tagger made of the parts.
func initialsRule(s *sent, cands []cand) []cand {
	out := cands[:0]
	for k := 0; k < len(cands); k++ {
		c := cands[k]
		if c.b-c.a == 1 && isInitial(s.words[c.a]) && len(s.words[c.a]) == 2 {
			// A lone initial: merge into the next mention if adjacent.
			if k+1 < len(cands) && cands[k+1].a == c.b {
				cands[k+1].a = c.a
				cands[k+1].typ = dateline.EntityPerson
			}
			continue
		}
		a := c.a
		for a > 0 && len(s.words[a-1]) == 2 && isInitial(s.words[a-1]) && (len(out) == 0 || out[len(out)-1].b < a) {
			a--
		}
		if a < c.a {
			c.a = a
			c.typ = dateline.EntityPerson
		}
		// A person's name does not end in a middle initial: "George W."
		// before "Bush" (which the tagger leaves out when a colon or a
		// semicolon follows it) runs on to the capitalised word.
		if c.typ == dateline.EntityPerson && c.b-c.a >= 2 && c.b < len(s.words) && len(s.words[c.b-1]) == 2 &&
			isInitial(s.words[c.b-1]) && s.types[c.b].class == shTitle {
			if k+1 < len(cands) && cands[k+1].a == c.b {
				c.b = cands[k+1].b
				k++
			} else if k+1 >= len(cands) || cands[k+1].a > c.b {
				c.b++
			}
		}
		out = append(out, c)
	}
	return out
}

// teamRule: a place followed by a score or a run total, or facing another
// side ("Kent v Surrey"), is a team, and teams are organisations.
func teamRule(s *sent, cands []cand) {
	for k := range cands {
		c := &cands[k]
		if c.typ != dateline.EntityLoc || isCountry(s.words[c.a:c.b]) {
			continue
		}
		next, prev := "", ""
		if c.b < len(s.words) {
			next = s.words[c.b]
		}
		if c.a > 0 {
			prev = s.words[c.a-1]
		}
		if isScore(next) || isVersus(next) || isVersus(prev) || isResultVerb(next) {
			c.typ = dateline.EntityOrg
			c.strong = true
		}
	}
}

func isScore(w string) bool {
	if w == "" || len(w) > 9 {
		return false
	}
	digits, dash := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '-' && i > 0:
			dash++
		default:
			return false
		}
	}
	return digits > 0 && dash <= 1
}

func isVersus(w string) bool {
	switch w {
	case "v", "vs", "vs.", "v.":
		return true
	}
	return false
}

func isResultVerb(w string) bool {
	switch strings.ToLower(w) {
	case "beat", "beats", "drew", "draw", "lost", "won", "defeated", "routed", "thrashed", "edged", "held", "trail", "trailed", "lead", "led":
		return true
	}
	return false
}

func isCountry(ws []string) bool {
	h := uint64(phraseSeed)
	for _, w := range ws {
		h = mix(h, lowerHash(w))
	}
	return lex.phrase.get(h)&lexCountry != 0
}

// nameWord is a capitalised word that can be part of a name.
func nameWord(w string) bool {
	return isCap(w) && lex.word.get(lowerHash(w))&(lexLower|lexCal|lexTitle|lexNat) == 0
}

// The scans below step from word to word in loops of their own: inside
// resolve and completeRule, which keep many values live, each step moved
// them between registers and the stack (docs/BENCHMARKS.md §3, second
// speed round of the fifth session).

// nextCapFree returns the first i >= from whose word is capitalised and
// not cov[i], or -1.
func nextCapFree(s *sent, cov []bool, from int) int {
	for i := nextCap(s, from); i >= 0; i = nextCap(s, i+1) {
		if !cov[i] {
			return i
		}
	}
	return -1
}

// nextThe returns the first i >= from where ws[i] is "the" in any case
// and a word follows, or -1.
func nextThe(ws []string, from int) int {
	for i := from; i+1 < len(ws); i++ {
		if len(ws[i]) == 3 && strings.EqualFold(ws[i], "the") {
			return i
		}
	}
	return -1
}

// nextInLex returns the first i >= from where types[i].inLex, or
// len(types).
func nextInLex(types []wordType, from int) int {
	for i := from; i < len(types); i++ {
		if types[i].inLex {
			return i
		}
	}
	return len(types)
}

// nextCap returns the first i >= from whose word is capitalised, or -1.
func nextCap(s *sent, from int) int {
	for i := from; i < len(s.types); i++ {
		if s.types[i].isCap() {
			return i
		}
	}
	return -1
}

// completeRule fixes spans the tagger cut short or missed: a place or body
// from the lexicon written as a name ("NEW YORK" found as "NEW"), an
// initial before a capitalised word ("S. Waugh"), and teams in result
// lines ("Worcestershire 238 and 90-4").
func completeRule(s *sent, cands []cand) []cand {
	n := len(s.words)
	// 1 + index of the candidate covering a word; on the stack for the
	// sentences of ordinary length, since every sentence comes here.
	var small [96]int
	var owner []int
	if n <= len(small) {
		owner = small[:n]
	} else {
		owner = make([]int, n)
	}
	for k, c := range cands {
		for i := c.a; i < c.b; i++ {
			owner[i] = k + 1
		}
	}
	// One pass finds whether the sentence has what the rules below look
	// for at all: most sentences have no initial, no score and no
	// particle, and then three scans of its words are spared.
	scores := 0
	initials, joins := false, false
	for _, w := range s.words {
		switch {
		case len(w) == 0:
		case w[0] >= '0' && w[0] <= '9':
			if isScore(w) {
				scores++
			}
		case len(w) == 2 && w[1] == '.':
			initials = initials || isInitial(w)
		case w[0] == '&' || w[0] >= 'a' && w[0] <= 'z':
			joins = joins || w == "&" || isParticle(w)
		}
	}
	changed := false
	// Lexicon phrases that extend a candidate. They begin with a
	// capitalised word, so typed sentences skip to the next one.
	for i := nextCap(s, 0); i >= 0 && i < n; i = nextCap(s, i+1) {
		h := uint64(phraseSeed)
		best := 0
		var cls uint16
		for k := 1; k <= lex.maxLen && i+k <= n; k++ {
			var c uint16
			var ok bool
			t := &s.types[i+k-1]
			if !t.isCap() {
				break
			}
			if k == 1 {
				// The word alone was looked up with its type; most
				// capitalised words begin no phrase and need no hash.
				c, ok = t.phrase, t.inLex
				if ok {
					h = mix(h, t.lower)
				}
			} else {
				h = mix(h, t.lower)
				c, ok = lex.phrase.lookup(h)
			}
			if !ok {
				break
			}
			if c&(lexLoc|lexOrg|lexMedia) != 0 && k >= 2 {
				best, cls = k, c
			}
			if c&lexPrefix == 0 {
				// No phrase continues this one (addPhrase).
				break
			}
		}
		if best == 0 {
			continue
		}
		k := 0
		for j := i; j < i+best; j++ {
			if owner[j] != 0 {
				if k != 0 && owner[j] != k {
					k = -1
					break
				}
				k = owner[j]
			}
		}
		if k <= 0 {
			i += best - 1
			continue
		}
		c := &cands[k-1]
		if c.a >= i && c.b <= i+best && (c.a > i || c.b < i+best) {
			c.a, c.b = i, i+best
			if c.typ == dateline.EntityPerson {
				c.typ = dateline.EntityLoc
				if cls&lexLoc == 0 {
					c.typ = dateline.EntityOrg
				}
			}
			changed = true
		}
		i += best - 1
	}
	// An initial and a capitalised word nobody tagged: a person.
	for i := 0; initials && i+1 < n; i++ {
		if len(s.words[i]) == 2 && isInitial(s.words[i]) && owner[i] == 0 && owner[i+1] == 0 && s.nameAt(i+1) && s.types[i+1].isCap() {
			cands = append(cands, cand{s: -1, a: i, b: i + 2, typ: dateline.EntityPerson})
			owner[i], owner[i+1] = len(cands), len(cands)
			changed = true
		}
	}
	// Teams in result lines: a run of name words before a score.
	if scores >= 2 {
		for i := 0; i < n; i++ {
			if !s.nameAt(i) || (i > 0 && s.nameAt(i-1)) {
				continue
			}
			j := i
			for j < n && s.nameAt(j) {
				j++
			}
			if j >= n || !isScore(s.words[j]) || isCountry(s.words[i:j]) || j-i > 4 {
				continue
			}
			// A one-word "person" before a match score ("Kent 108-3") is a
			// side; before a plain number ("Els 68") it may be a golfer.
			personOK := j-i == 1 && strings.IndexByte(s.words[j], '-') > 0
			ok := true
			for x := i; x < j; x++ {
				if o := owner[x]; o != 0 && (cands[o-1].typ == dateline.EntityPerson && !personOK || cands[o-1].a < i || cands[o-1].b > j) {
					ok = false
				}
			}
			if !ok {
				continue
			}
			for x := i; x < j; x++ {
				if o := owner[x]; o != 0 {
					cands[o-1].b = cands[o-1].a // emptied, dropped below
				}
			}
			cands = append(cands, cand{s: -1, a: i, b: j, typ: dateline.EntityOrg, strong: true})
			for x := i; x < j; x++ {
				owner[x] = len(cands)
			}
			changed = true
		}
	}
	// A place that opens a longer name nobody tagged ("U.S. Open",
	// "Hong Kong Open") is part of that name, not a place mention.
	for k := range cands {
		c := &cands[k]
		if c.typ != dateline.EntityLoc || c.b >= n || owner[c.b] != 0 || !s.nameAt(c.b) || c.a == c.b {
			continue
		}
		if s.types[c.b].lexW&(lexLoc|lexOrgEnd|lexFirst) != 0 {
			continue
		}
		c.b = c.a
		changed = true
	}
	// An Arabic surname written with its article in one word ("Bashar
	// al-Assad", "Abu Musab al-Zarqawi") belongs to the person before it;
	// the tagger, trained on little such text, mostly stops at the given
	// name. Only a person is extended: a bare "al-Qaeda" is no person's
	// name. Such a word is mixed-case, which few words are, so most
	// candidates are passed over at the first test.
	for k := range cands {
		c := &cands[k]
		for c.b < n && s.types[c.b].class == shMixed && owner[c.b] == 0 && arabicPrefixLen(s.words[c.b]) > 0 &&
			(c.typ == dateline.EntityPerson || s.types[c.a].lexW&lexFirst != 0) {
			c.typ = dateline.EntityPerson
			owner[c.b] = k + 1
			c.b++
		}
	}
	// Joined names: "Douglas & Lomason" is one company, "Joost van der
	// Westhuizen" one person.
	for i := 1; joins && i+1 < n; i++ {
		w := s.words[i]
		amp := w == "&"
		if !amp && !isParticle(w) {
			continue
		}
		j := i
		for !amp && j+1 < n && isParticle(s.words[j+1]) {
			j++
		}
		if j+1 >= n || !s.nameAt(i-1) || !s.nameAt(j+1) {
			i = j // a run of particles is scanned once
			continue
		}
		a, b := i-1, j+2
		if o := owner[a]; o != 0 {
			a = cands[o-1].a
		}
		if o := owner[j+1]; o != 0 {
			b = cands[o-1].b
		}
		if owner[a] == 0 && owner[b-1] == 0 {
			continue // neither side was taken for a name
		}
		typ := dateline.EntityOrg
		if !amp {
			typ = dateline.EntityPerson
		}
		for x := a; x < b; x++ {
			if o := owner[x]; o != 0 {
				cands[o-1].b = cands[o-1].a
			}
		}
		cands = append(cands, cand{s: -1, a: a, b: b, typ: typ})
		for x := a; x < b; x++ {
			owner[x] = len(cands)
		}
		changed = true
		i = b - 1
	}
	// A dateline: "BRUSSELS 1996-08-30", "WASHINGTON (Reuters) -".
	if j := datelineEnd(s.words); j > 0 {
		for x := 0; x < j; x++ {
			if o := owner[x]; o != 0 {
				cands[o-1].b = cands[o-1].a
			}
		}
		cands = append(cands, cand{s: -1, a: 0, b: j, typ: dateline.EntityLoc, strong: true})
		changed = true
	}
	if !changed {
		return cands
	}
	out := cands[:0]
	for _, c := range cands {
		if c.a < c.b {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(x, y cand) int { return cmp.Compare(x.a, y.a) })
	return out
}

// headlineName reports whether an all-capitals word is known as a name:
// written capitalised elsewhere in the document, or in a name lexicon.
// doc is the word's docStats bits.
func headlineName(w string, doc uint8) bool {
	h := lowerHash(w)
	return doc&docCapMid != 0 || lex.word.get(h)&(lexLoc|lexOrg|lexMedia|lexFirst) != 0 || len(w) <= 4
}

// mergeAdjacent joins two mentions the tagger placed side by side ("Suu"
// ORG, "Kyi" PER): names are not written back to back. The last part,
// the head, gives the type.
func mergeAdjacent(cands []cand) []cand {
	out := cands[:0]
	for _, c := range cands {
		if k := len(out) - 1; k >= 0 && out[k].b == c.a {
			out[k].b = c.b
			out[k].typ = c.typ
			continue
		}
		out = append(out, c)
	}
	return out
}

// datelineEnd returns the length of the place name that opens a dateline
// line (name words in capitals, then a date or an agency in brackets), or 0.
func datelineEnd(ws []string) int {
	j := 0
	for j < len(ws) && j < 4 && nameWord(ws[j]) {
		if caseClass(ws[j]) != shUpper {
			return 0
		}
		j++
	}
	if j == 0 || j >= len(ws) {
		return 0
	}
	rest := ws[j:]
	if len(rest) == 1 && isISODate(rest[0]) {
		return j
	}
	if len(rest) >= 3 && rest[0] == "(" && rest[2] == ")" && lex.word.get(lowerHash(rest[1]))&lexMedia != 0 {
		return j
	}
	return 0
}

func isISODate(w string) bool {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i != 4 && i != 7 && (w[i] < '0' || w[i] > '9') {
			return false
		}
	}
	return true
}

// isParticle matches the lower-case words inside personal names.
func isParticle(w string) bool {
	// Most words are longer or capitalised; the switch is for the rest.
	if len(w) < 2 || len(w) > 5 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch w {
	case "van", "der", "den", "de", "von", "da", "di", "du", "del", "della", "dos", "das", "bin", "ibn", "bint", "abu", "abd", "al", "el", "la", "le", "ter", "ten", "zu":
		return true
	}
	return false
}

// particleSurnames extends a lone surname that resolves to a person whose
// name has particles over the particles written before it: "bin Laden",
// "Von der Leyen", not "Laden" and a stray "bin". preOf holds a person's
// particles by key. Only words no other mention covers are taken.
func particleSurnames(sents []sent, cands []cand, cov [][]bool, surnameOf map[string]string, preOf map[string][]string) {
	for k := range cands {
		c := &cands[k]
		if c.b-c.a != 1 || c.a == 0 || c.typ != dateline.EntityPerson || c.rule {
			continue
		}
		s := &sents[c.s]
		pk := c.entity
		if pk == "" {
			pk = surnameOf[mentionKey(s.words[c.a])]
		}
		if pk == "" {
			continue
		}
		pre := preOf[pk]
		a, m := c.a, len(pre)
		for m > 0 && a > 0 && !cov[c.s][a-1] && strings.EqualFold(s.words[a-1], pre[m-1]) {
			a--
			m--
		}
		if a == c.a {
			continue
		}
		for i := a; i < c.a; i++ {
			cov[c.s][i] = true
		}
		c.a, c.entity = a, pk
	}
}

// arabicPrefixLen returns the length of the article and hyphen that open
// an Arabic name written as one word ("al-Assad", "el-Sisi", "ash-Shater",
// "Al-Maliki"), or 0. The rest must look like a name: a capital and at
// least one more letter, so "at-risk" and "as-is" are not names.
func arabicPrefixLen(w string) int {
	if len(w) < 5 || w[2] != '-' && w[3] != '-' {
		return 0
	}
	p := 3
	if w[3] == '-' {
		p = 4
	}
	if len(w) < p+2 || w[p] < 'A' || w[p] > 'Z' {
		return 0
	}
	return arabicKeyPrefixLen(w)
}

// arabicKeyPrefixLen is arabicPrefixLen of a name as written in a
// mention key, in lower case: "al-assad".
func arabicKeyPrefixLen(w string) int {
	if len(w) < 5 {
		return 0
	}
	p := 0
	switch {
	case w[2] == '-':
		p = 3
	case w[3] == '-':
		p = 4
	default:
		return 0
	}
	if len(w) < p+2 || !isASCIILetter(w[p]) || w[p+1] < 'a' || w[p+1] > 'z' {
		return 0
	}
	// The article in lower case, or with a capital ("Al-Assad" opens a
	// sentence); never in capitals, which is an acronym's hyphen.
	a := w[0] | 0x20
	if w[1] < 'a' || w[1] > 'z' || p == 4 && (w[2] < 'a' || w[2] > 'z') {
		return 0
	}
	switch {
	case p == 3 && (a == 'a' && strings.IndexByte("ldstnrz", w[1]) >= 0 || a == 'e' && w[1] == 'l'):
		return p
	case p == 4 && a == 'a' && (w[1:3] == "sh" || w[1:3] == "th" || w[1:3] == "dh"):
		return p
	}
	return 0
}

// exactPhrase hashes words with their case: propagation copies a name only
// where it is written the same way.
func exactPhrase(ws []string) uint64 {
	h := uint64(phraseSeed)
	for _, w := range ws {
		h = mix(h, exactWord(w))
	}
	return h
}

// exactWord is the hash of one word of exactPhrase.
func exactWord(w string) uint64 {
	x := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		x ^= uint64(w[i])
		x *= fnvPrime
	}
	return x
}

func phraseHash(ws []string) uint64 {
	h := uint64(phraseSeed)
	for _, w := range ws {
		h = mix(h, lowerHash(w))
	}
	return h
}

// docOf returns the docStats bits of word i of s, read from the document's
// bits by type id.
func docOf(s *sent, i int, docByID []uint8) uint8 {
	if s.types[i].id < 0 || int(s.types[i].id) >= len(docByID) {
		return 0
	}
	return docByID[s.types[i].id]
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// shortFormNames are the long names of a few names so common that news
// uses an abbreviation in the same story; shortFormWords holds the
// abbreviations by lowerHash, with the index of their long name.
var shortFormNames = [...]string{"United States", "United Nations", "European Union", "United Kingdom"}

var shortFormWords, shortFormPhrases = func() (map[uint64]int, map[uint64]int) {
	words := map[uint64]int{}
	for g, list := range [...]string{"u.s.|us|u.s.a.|usa", "u.n.|un", "e.u.|eu", "u.k.|uk"} {
		for _, w := range strings.Split(list, "|") {
			words[lowerHash(w)] = g
		}
	}
	phrases := map[uint64]int{}
	for g, name := range shortFormNames {
		phrases[phraseHash(strings.Fields(name))] = g
	}
	return words, phrases
}()

// shortFormFilter has bit h&63 set for the lowerHash h of each
// abbreviation and of each long name's first word: most candidates fail
// it and never reach the maps.
var shortFormFilter = func() uint64 {
	var f uint64
	for h := range shortFormWords {
		f |= 1 << (h & 63)
	}
	for _, name := range shortFormNames {
		f |= 1 << (lowerHash(strings.Fields(name)[0]) & 63)
	}
	return f
}()

// shortFormOf returns the index in shortFormNames of the name c is, and
// whether c is its short form, or -1.
func shortFormOf(s *sent, c *cand) (int, bool) {
	a, n := c.a, c.b-c.a
	if n == 3 && s.types[a].lower == lowerHashThe {
		a, n = a+1, 2
	}
	if n > 2 || shortFormFilter&(1<<(s.types[a].lower&63)) == 0 {
		return -1, false
	}
	// A strong candidate was typed by where it stands ("UNITED NATIONS
	// 1996-08-29" opens a dateline and is the place), not by its name.
	if c.entity != "" || c.canonical != "" || c.typ == dateline.EntityMedia || c.strong {
		return -1, false
	}
	switch n {
	case 1:
		// In capitals only: "Us" in a title-case headline is a pronoun.
		if s.types[a].class == shUpper {
			if g, ok := shortFormWords[s.types[a].lower]; ok {
				return g, true
			}
		}
	case 2:
		if g, ok := shortFormPhrases[mix(mix(phraseSeed, s.types[a].lower), s.types[a+1].lower)]; ok {
			return g, false
		}
	}
	return -1, false
}

var lowerHashThe = lowerHash("the")

// shortFormAliases names "U.S." and "the United States" one entity, under
// the long name, when a document writes both; as corpAliases does for a
// company's first word, the short form's mentions take the full name as
// their canonical one, and so do the untagged copies found later.
func shortFormAliases(sents []sent, cands []cand) {
	var short, long uint8
	var found []int32 // candidate index << 2 | name index
	for k := range cands {
		// Most candidates are turned away here, without a call.
		if t := &sents[cands[k].s].types[cands[k].a]; shortFormFilter&(1<<(t.lower&63)) == 0 && t.lower != lowerHashThe {
			continue
		}
		if g, sh := shortFormOf(&sents[cands[k].s], &cands[k]); g >= 0 {
			if sh {
				short |= 1 << g
			} else {
				long |= 1 << g
			}
			found = append(found, int32(k)<<2|int32(g))
		}
	}
	both := short & long
	if both == 0 {
		return
	}
	for _, x := range found {
		if g := x & 3; both&(1<<g) != 0 {
			cands[x>>2].canonical = shortFormNames[g]
		}
	}
}

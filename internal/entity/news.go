package entity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// Rules for the shapes ordinary (local, American) news gives its names.
// The tagger learned from Wikipedia and tweets; it has never seen a town
// called "X Falls" or a company called "X Aerospace", and it reads any
// unknown capitalised pair as a person. These rules look at the words a
// name is built from (its head) and at the words around it, which name
// the kind of thing much more reliably than the name itself.

// Word classes of the news rules, a bit each, in their own table so the
// tagger's lexicon features (and so the trained model) are unchanged.
const (
	nwOrgHead    = 1 << iota // ends an organisation's name: "… Aerospace", "… Co."
	nwCorpHead               // the corporate subset: a bare "X" later is the company
	nwPlaceHead              // ends a place's name: "… Falls", "… County"
	nwPlaceOpen              // opens a place's name: "Port …", "Lake …"
	nwOutletHead             // ends an outlet's name: "… Post", "… Ledger"
	nwOutletOne              // an outlet head that names one after "the": "the Post"
	nwPlaceNoun              // "the X neighborhood", "X, a river city"
	nwOrgNoun                // "X's plant", "X workers": X is an organisation
	nwReport                 // "X reported", "X reports"
	nwWaterOf                // opens a body of water's name before "of": "Gulf of …"
)

const corpHeads = `aerospace|industries|chemical|chemicals|co.|co|corp.|corp|corporation|inc.|inc|ltd.|ltd|llc|plc|group|holdings|company|securities|airlines|airways|motors|systems|technologies|pharmaceuticals|foods|partners|logistics|manufacturing|steel|mining|energy|bancorp|enterprises|solutions|labs|laboratories|electronics|bank`

const orgHeads = `authority|agency|council|union|machinists|commission|department|ministry|bureau|board|committee|association|institute|university|college|school|hospital|court|police|service|services|foundation|federation|party|church|museum|society|trust|fund|organization|organisation|administration|guard|coalition|alliance|league|club|academy|office|teamsters|workers|employees|nurses|teachers`

const placeHeads = `falls|river|ocean|sea|coast|bay|gulf|county|heights|springs|creek|valley|beach|harbor|harbour|island|islands|mountains|hills|street|road|avenue|boulevard|parkway|highway|township|borough|village|canyon|ridge|junction|crossing|landing`

const placeOpens = `port|lake|jisr|deir|ras|bab|wadi|bir|marsa|sharm|kafr|jabal|jebel|mount|mt.|fort|ft.|cape|glen|east|west|north|south|upper|lower|new|san|santa|st.|saint`

const outletHeads = `post|times|herald|courier|ledger|journal|gazette|tribune|chronicle|inquirer|dispatch|examiner|sentinel|bulletin|register|observer|telegraph|globe|mirror|press|wire|news|daily|record|review|star|standard|monitor|reporter|beacon|courant|enquirer|independent|guardian|express|magazine|weekly|radio|tv|television`

const outletOnes = `post|times|herald|courier|ledger|journal|gazette|tribune|chronicle|inquirer|dispatch|examiner|sentinel|bulletin|courant|enquirer|globe`

const placeNouns = `neighborhood|neighbourhood|district|suburb|area|section|township|borough|village|town|city|county|community|municipality|region|province|state|hamlet|enclave|port|island|valley`

const orgNouns = `plant|plants|workers|employees|staff|shares|stock|executives|management|headquarters|factory|factories|facility|site|board|subsidiary|parent|revenue|profit|earnings|spokesman|spokeswoman|spokesperson|ceo|chief|chairman|president|union|machinists|contract|offer|products|customers|shareholders|investors|lawyers|officials`

const reportWords = `reported|reports|report`

const waterOpens = `gulf|bay|strait|straits|sea`

var newsWord = func() *table[uint16] {
	m := &table[uint16]{}
	add := func(list string, class uint16) {
		for _, w := range strings.Split(list, "|") {
			*m.at(lowerHash(w)) |= class
		}
	}
	add(corpHeads, nwOrgHead|nwCorpHead)
	add(orgHeads, nwOrgHead)
	add(placeHeads, nwPlaceHead)
	add(placeOpens, nwPlaceOpen)
	add(outletHeads, nwOutletHead)
	add(outletOnes, nwOutletOne)
	add(placeNouns, nwPlaceNoun)
	add(orgNouns, nwOrgNoun)
	add(reportWords, nwReport)
	add(waterOpens, nwWaterOf)
	m.seal()
	return m
}()

func nw(w string) uint16 { return newsWord.get(lowerHash(w)) }

// news is nw of the type's word: its lower is lowerHash of the word. The
// rules ask it of candidates' words, and hashing the string again cost
// more than the lookup.
func (t *wordType) news() uint16 { return newsWord.get(t.lower) }

// isCallSign matches US broadcast call letters: "WKVR", "KQED-FM".
func isCallSign(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 {
		switch w[i+1:] {
		case "TV", "FM", "AM", "DT":
			w = w[:i]
		default:
			return false
		}
	}
	if len(w) != 4 || (w[0] != 'W' && w[0] != 'K') {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isDashWord(w string) bool {
	switch w {
	case "—", "–", "-", "--", "---":
		return true
	}
	return false
}

// wireDateline finds "HARLOW FALLS (Continental Press) —" and "PORT
// AVERY, Ore. (AP) -" at the start of a sentence: the place (words in
// capitals) ends at p, the outlet lies in [o1, o2).
func wireDateline(ws []string) (p, o1, o2 int) {
	j := 0
	for j < len(ws) && j < 5 && hasLetterOrDigit(ws[j]) && caseClass(ws[j]) == shUpper {
		j++
	}
	if j == 0 {
		return 0, 0, 0
	}
	k := j
	// An optional state: ", Ore." / ", Calif.".
	if k+2 < len(ws) && ws[k] == "," && isCap(ws[k+1]) {
		k += 2
		if ws[k] == "." {
			k++
		}
	}
	if k >= len(ws) || ws[k] != "(" {
		return 0, 0, 0
	}
	e := k + 1
	for e < len(ws) && e < k+6 && ws[e] != ")" {
		if !isCap(ws[e]) && !isFunctionWord(ws[e]) {
			return 0, 0, 0
		}
		e++
	}
	if e == k+1 || e+1 >= len(ws) || ws[e] != ")" || !isDashWord(ws[e+1]) {
		return 0, 0, 0
	}
	return j, k + 1, e
}

// titleSplit finds the title words that open a candidate ("Council
// President Priya Vance", "Kestrel CEO Martin Sloane"): the name starts at
// n, and the words before the first title word (an organisation, if any)
// end at t. ok is false when there is no title or no name after it.
func titleSplit(ws []string, ts []wordType, a, b int) (t, n int, ok bool) {
	last := -1
	for i := a; i < b-1; i++ {
		if isTitleWord(ws[i]) {
			last = i
		}
	}
	if last < 0 {
		return 0, 0, false
	}
	n = last + 1
	for i := n; i < b; i++ {
		if !ts[i].isName() || ts[i].news()&(nwOrgHead|nwPlaceHead|nwOutletHead) != 0 || ts[i].lexW&(lexOrgEnd|lexLoc|lexOrg) != 0 {
			return 0, 0, false
		}
	}
	if lex.phrase.get(phraseHash(ws[n:b]))&(lexLoc|lexOrg|lexMedia) != 0 {
		return 0, 0, false
	}
	t = last
	// Several title words ("Vice President", "Council President") and
	// words that open a known title phrase belong to the title.
	for t > a && (isTitleWord(ws[t-1]) || ts[t-1].phrase&lexPrefix != 0 || ts[t-1].news()&nwOrgHead != 0) {
		t--
	}
	return t, n, true
}

// shapeType types a name by its own words, or "" when they say nothing.
func shapeType(ws []string, ts []wordType, prevThe bool) string {
	n := len(ws)
	if n == 0 || n == 2 && ts[0].lexW&lexFirst != 0 {
		// "Linda Park", "Charlotte Church", "Emily Post": a given name
		// and a surname that happens to be a head word.
		return ""
	}
	last := ts[n-1].news()
	switch {
	case n == 1 && isCallSign(ws[0]):
		return dateline.EntityMedia
	case n >= 2 && isCallSign(ws[0]) && last&nwOutletHead != 0:
		return dateline.EntityMedia
	case last&nwOutletHead != 0 && (n >= 2 || prevThe && last&nwOutletOne != 0):
		return dateline.EntityMedia
	case last&nwOrgHead != 0 && n >= 2:
		return dateline.EntityOrg
	case last&nwPlaceHead != 0 && n >= 2:
		return dateline.EntityLoc
	case n == 2 && ts[0].news()&nwPlaceOpen != 0 && ts[0].lexW&lexTitle == 0:
		// Only two words: "Port Avery Comets" is a team, not a place.
		return dateline.EntityLoc
	case n >= 3 && ws[1] == "of" && isWaterOf(ws, ts):
		return dateline.EntityLoc
	}
	return ""
}

// isWaterOf matches a body of water named as "Gulf of Mexico", "Strait of
// Hormuz", "Sea of Japan": the opening word, "of", and one or two name
// words, which the caller has checked end in no organisation's head.
func isWaterOf(ws []string, ts []wordType) bool {
	return (len(ws) == 3 || len(ws) == 4) && ws[1] == "of" && ts[0].class == shTitle && ts[0].news()&nwWaterOf != 0 &&
		ts[2].isName() && ts[len(ws)-1].isName()
}

// lowerEquals reports whether strings.ToLower(w) == low, for low in
// lower case: byte by byte when w is ASCII, through ToLower otherwise.
func lowerEquals(w, low string) bool {
	if len(w) != len(low) {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return strings.ToLower(w) == low
			}
		}
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w) == low
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// contextType types a name [a, b) by the words around it.
func contextType(ws []string, ts []wordType, a, b int) string {
	n := len(ws)
	at := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return ws[i]
	}
	// lwIn reports whether strings.ToLower of word i (of at most nine
	// bytes) is one of the short function words in lows, without building
	// the lower-case copy, which for a capitalised word cost an allocation.
	lwIn := func(i int, lows ...string) bool {
		w := at(i)
		if len(w) > 9 {
			return false
		}
		for _, l := range lows {
			if lowerEquals(w, l) {
				return true
			}
		}
		return false
	}
	lwIs := func(i int, low string) bool { return lwIn(i, low) }
	// "the Eastgate neighborhood", "the Calder district".
	if b < n && ts[b].news()&nwPlaceNoun != 0 && ts[b].class == shLower && lwIs(a-1, "the") {
		return dateline.EntityLoc
	}
	// "Harlow Falls, a river city of …", "Grafton, a town".
	if at(b) == "," && lwIn(b+1, "a", "an") {
		for i := b + 2; i < min(n, b+5); i++ {
			if ts[i].class != shLower {
				break
			}
			if ts[i].news()&nwPlaceNoun != 0 {
				return dateline.EntityLoc
			}
		}
	}
	// "In Eastgate, …": a sentence that opens on where it happens.
	if a == 1 && at(b) == "," && ts[a].lexW&(lexFirst|lexOrg) == 0 {
		if lwIn(0, "in", "near", "outside", "across", "throughout") {
			return dateline.EntityLoc
		}
	}
	// "the city of Harlow Falls", "the town of Grafton".
	if lwIs(a-1, "of") && nw(at(a-2))&nwPlaceNoun != 0 && caseClass(at(a-2)) == shLower && lwIs(a-3, "the") {
		return dateline.EntityLoc
	}
	// "X reported that", "according to X": an outlet, when the name has
	// no head that says otherwise (checked by the caller).
	if lwIs(a-1, "to") && lwIs(a-2, "according") && b-a >= 2 {
		return dateline.EntityMedia
	}
	if b < n && ts[b].news()&nwReport != 0 && ts[b].class == shLower && b-a >= 2 {
		if lwIn(b+1, "that", "on", "earlier", "last", "first", ",", ".", "in", "this") {
			return dateline.EntityMedia
		}
	}
	if lwIs(a-1, "reported") && lwIs(a-2, "first") && b-a >= 2 {
		return dateline.EntityMedia
	}
	// "said Marisol Ortega,", "Marisol Ortega, 41,": a person.
	if b-a >= 2 && a > 0 {
		if lwIn(a-1, "said", "says", "told", "asked", "added") && (at(b) == "," || at(b) == ".") {
			return dateline.EntityPerson
		}
	}
	if b-a >= 2 && at(b) == "," && isAge(at(b+1)) && at(b+2) == "," {
		return dateline.EntityPerson
	}
	// "X's plant", "X workers": a company or a body.
	next := b
	if isPossessive(at(next)) {
		next++
	}
	if next < n && ts[next].news()&nwOrgNoun != 0 && ts[next].class == shLower {
		return dateline.EntityOrg
	}
	return ""
}

func isPossessive(w string) bool {
	switch w {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

// locPrep is a preposition after which a name that is not a person's is
// a place: "in Harlow Falls", "near Eastgate".
func locPrep(ws []string, a int) bool {
	if a == 0 {
		return false
	}
	switch strings.ToLower(ws[a-1]) {
	case "in", "near", "outside", "across", "throughout", "around", "downstream", "upstream":
		return true
	case "of":
		if a >= 2 {
			switch strings.ToLower(ws[a-2]) {
			case "downstream", "upstream", "north", "south", "east", "west", "outskirts", "residents", "mayor":
				return true
			}
		}
	}
	return false
}

// newsRule applies the shape and context rules to one sentence's
// candidates: it strips titles, types names by their heads and contexts,
// finds names nobody tagged from their heads, and reads wire datelines.
func newsRule(s *sent, cands []cand, caps bool) []cand {
	ws, ts := s.words, s.types
	n := len(ws)
	// Written in place: each candidate gives at most one to out; the rare
	// second one (an organisation before a title, a split coordination)
	// goes to extra.
	out := cands[:0]
	var extra []cand
	for idx, c := range cands {
		// The words a candidate may grow into are those between its
		// neighbours.
		left, right := 0, n
		if len(out) > 0 {
			left = out[len(out)-1].b
		}
		if idx+1 < len(cands) {
			right = cands[idx+1].a
		}
		// "Calder High School on Monday": a day is never the end of a name.
		if c.b-c.a > 2 && ts[c.b-1].lexW&lexCal != 0 && ts[c.b-2].class == shLower {
			c.b -= 2
			for c.b > c.a && ts[c.b-1].class == shLower {
				c.b--
			}
			if c.b == c.a {
				continue
			}
		}
		// Titles: "Council President Priya Vance" is Priya Vance, and
		// "Kestrel CEO Martin Sloane" names Kestrel too.
		if t, nm, ok := titleSplit(ws, ts, c.a, c.b); ok {
			if t > c.a && shapeOrgPrefix(ws[c.a:t]) {
				extra = append(extra, cand{s: c.s, a: c.a, b: t, typ: dateline.EntityOrg})
			}
			c.a, c.typ = nm, dateline.EntityPerson
			out = append(out, c)
			continue
		}
		if c.strong || caps {
			out = append(out, c)
			continue
		}
		// A title at the end: "Kestrel CEO" names the company.
		if c.b-c.a >= 2 && c.typ != dateline.EntityPerson && isTitleWord(ws[c.b-1]) {
			b := c.b
			for b > c.a && isTitleWord(ws[b-1]) {
				b--
			}
			if b > c.a && shapeOrgPrefix(ws[c.a:b]) {
				c.b, c.typ = b, dateline.EntityOrg
			}
		}
		// A head alone ("Agency", "Co.", "Bank") takes the name words
		// before it that nobody tagged: "Environmental Protection Agency".
		if allHeads(ts[c.a:c.b]) {
			for c.a > left && ts[c.a-1].isName() && !(c.a-1 == 0 && ts[0].lexW&lexLower != 0) {
				c.a--
			}
		}
		// Heads the tagger left out: "Kestrel" + "Aerospace".
		for c.b < right && ts[c.b].isCap() && ts[c.b].news()&(nwOrgHead|nwOutletHead) != 0 {
			c.b++
		}
		// "the Bay of Bengal" found as "Bengal": the water it names.
		if c.a-2 >= left && ws[c.a-1] == "of" && ts[c.a-2].news()&nwWaterOf != 0 && isWaterOf(ws[c.a-2:c.b], ts[c.a-2:c.b]) {
			c.a -= 2
		}
		prevThe := c.a > 0 && strings.EqualFold(ws[c.a-1], "the")
		if typ := shapeType(ws[c.a:c.b], ts[c.a:c.b], prevThe); typ != "" {
			if typ == dateline.EntityMedia && prevThe && ws[c.a-1] == "The" {
				c.a-- // "The Northgate Post" keeps its article
			}
			c.typ, c.rule = typ, true
			out = append(out, c)
			continue
		}
		typ := contextType(ws, ts, c.a, c.b)
		switch {
		case c.b-c.a == 1 && c.typ == dateline.EntityPerson && ts[c.a].news()&nwOrgHead != 0 && ts[c.a].class == shTitle:
			// "the Machinists", "the Authority": a body named by its head.
			c.typ = dateline.EntityOrg
		case typ == dateline.EntityPerson:
			c.typ = typ
		case typ == dateline.EntityLoc:
			c.typ, c.rule = typ, true
		case typ == dateline.EntityMedia && c.typ != dateline.EntityPerson:
			c.typ, c.rule = typ, true
		case typ == dateline.EntityOrg && c.b-c.a == 1 && c.typ != dateline.EntityOrg && ts[c.a].lexW&(lexFirst|lexLoc|lexNat) == 0:
			c.typ = typ
		case c.typ == dateline.EntityPerson && locPrep(ws, c.a) && ts[c.a].lexW&lexFirst == 0 && (c.b >= n || !isPossessive(ws[c.b])):
			c.typ = dateline.EntityLoc
		}
		// "Eastgate and Riverside" are two names, not one.
		if c.b-c.a == 3 && ws[c.a+1] == "and" && c.typ != dateline.EntityPerson && ts[c.a].isName() && ts[c.a+2].isName() &&
			ts[c.a+2].news()&(nwOrgHead|nwOutletHead) == 0 && lex.phrase.get(phraseHash(ws[c.a:c.b]))&^(lexPrefix|lexCanon) == 0 {
			extra = append(extra, cand{s: c.s, a: c.a, b: c.a + 1, typ: c.typ})
			c.conj = c.a + 1
			c.a += 2
		}
		out = append(out, c)
	}
	if extra != nil {
		out = sortCands(append(out, extra...))
	}
	// "Ambry and Colwick" tagged apart: still one kind of thing.
	for k := 1; k < len(out); k++ {
		if out[k].a == out[k-1].b+1 && ws[out[k-1].b] == "and" && out[k].conj == 0 {
			out[k].conj = out[k-1].a + 1
		}
	}
	cands = joinBodies(ws, ts, out)
	if !caps {
		cands = untaggedHeads(s, cands)
	}
	// A wire dateline: the place in capitals, the outlet in brackets.
	if p, o1, o2 := wireDateline(ws); p > 0 {
		out = cands[:0]
		for _, c := range cands {
			if c.a >= o2 {
				out = append(out, c)
			} else if c.a >= p && c.b <= o1-1 {
				out = append(out, c) // the state in ", Ore."
			}
		}
		out = append(out, cand{a: 0, b: p, typ: dateline.EntityLoc, strong: true, rule: true, dateline: true},
			cand{a: o1, b: o2, typ: dateline.EntityMedia, rule: true})
		cands = sortCands(out)
	}
	return cands
}

// shapeOrgPrefix accepts the words before a title as an organisation's
// name: "Kestrel" in "Kestrel CEO", not a bare "Council".
func shapeOrgPrefix(ws []string) bool {
	for _, w := range ws {
		if !nameWord(w) || nw(w)&nwOrgHead != 0 || lex.word.get(lowerHash(w))&(lexOrgEnd|lexNat) != 0 {
			return false
		}
	}
	return true
}

// nextName returns the first i in [from, lim) where s.nameAt(i), or lim.
func nextName(s *sent, from, lim int) int {
	for i := from; i < lim; i++ {
		if s.nameAt(i) {
			return i
		}
	}
	return lim
}

// untaggedHeads finds names the tagger missed whose head gives them away:
// a run of capitalised words ending in "Authority", "Falls" or "Post".
func untaggedHeads(s *sent, cands []cand) []cand {
	ws, ts := s.words, s.types
	n := len(ws)
	orig := len(cands) // sorted; those appended below lie behind the scan
	p := 0
	added := false
	for i := 0; i < n; {
		for p < orig && cands[p].b <= i {
			p++
		}
		lim := n // the next candidate's first word
		if p < orig {
			lim = cands[p].a
		}
		if i >= lim {
			i++
			continue
		}
		if !s.nameAt(i) {
			// No candidate starts or ends before lim, so the steps
			// to the next name word change nothing else.
			i = nextName(s, i+1, lim)
			continue
		}
		j := i
		for j < lim && (s.nameAt(j) || j > i && isFunctionWord(ws[j]) && ws[j] != "the" && j+1 < lim && s.nameAt(j+1)) {
			j++
		}
		// A sentence-initial capital is no evidence on its own.
		a := i
		if a == 0 && ts[0].lexW&lexLower != 0 {
			a++
		}
		prevThe := a > 0 && strings.EqualFold(ws[a-1], "the")
		if j-a >= 1 && contextType(ws, ts, a, j) == dateline.EntityLoc && ts[a].lexW&(lexTitle|lexNat|lexFirst) == 0 {
			cands = append(cands, cand{a: a, b: j, typ: dateline.EntityLoc, rule: true})
			added = true
			i = j
			continue
		}
		if typ := shapeType(ws[a:j], ts[a:j], prevThe); typ != "" && j-a >= 1 {
			if j-a == 1 && typ != dateline.EntityMedia {
				i = j
				continue
			}
			if typ == dateline.EntityMedia && prevThe && ws[a-1] == "The" {
				a--
			}
			cands = append(cands, cand{a: a, b: j, typ: typ, rule: true})
			added = true
		}
		i = j
	}
	if added {
		cands = sortCands(cands)
	}
	return cands
}

func sortCands(cs []cand) []cand {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].a < cs[j].a })
	return cs
}

// allHeads reports whether every word is an organisation's or outlet's
// head word: such a mention lost the name in front of it.
func allHeads(ts []wordType) bool {
	for i := range ts {
		if ts[i].news()&(nwOrgHead|nwOutletHead) == 0 {
			return false
		}
	}
	return len(ts) > 0
}

// isAge matches the "41" of "Marisol Ortega, 41,".
func isAge(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// corpAliases links the bare first word of a company's name to the
// company: "Kestrel" after "Kestrel Aerospace". A word that is also a
// person's surname in the document, or a place, stays as it was.
// It returns the first words it knows, each with its company's name ("" when
// two companies share it), so that untagged mentions can be linked too.
func corpAliases(sents []sent, cands []cand, surnameOf map[string]string, surface func(*cand) string) map[uint64]string {
	var first map[uint64]int // lower-case first word → index of the full name; -1 when ambiguous
	for k, c := range cands {
		ws, ts := sents[c.s].words, sents[c.s].types
		if c.typ != dateline.EntityOrg || c.b-c.a < 2 || ts[c.b-1].news()&nwCorpHead == 0 || !ts[c.a].isCap() {
			continue
		}
		if first == nil {
			first = map[uint64]int{}
		}
		h := lowerHash(ws[c.a])
		if prev, ok := first[h]; ok && (prev < 0 || phraseHash(sents[cands[prev].s].words[cands[prev].a:cands[prev].b]) != phraseHash(ws[c.a:c.b])) {
			first[h] = -1 // two names share the word: link neither
			continue
		}
		first[h] = k
	}
	if first == nil {
		return nil
	}
	for k := range cands {
		c := &cands[k]
		if c.b-c.a != 1 || c.typ == dateline.EntityMedia || c.entity != "" || c.canonical != "" {
			continue
		}
		w := sents[c.s].words[c.a]
		full, ok := first[lowerHash(w)]
		if !ok || full < 0 || lex.word.get(lowerHash(w))&(lexFirst|lexLoc|lexCountry) != 0 {
			continue
		}
		if pk, ok := surnameOf[mentionKey(w)]; ok && pk != "" {
			continue
		}
		name := surface(&cands[full])
		c.typ, c.entity, c.canonical = dateline.EntityOrg, mentionKey(name), name
	}
	names := make(map[uint64]string, len(first))
	for h, k := range first {
		if k >= 0 {
			w := sents[cands[k].s].words[cands[k].a]
			if pk, ok := surnameOf[mentionKey(w)]; !ok || pk == "" {
				names[h] = surface(&cands[k])
			}
		} else {
			names[h] = ""
		}
	}
	return names
}

// joinBodies joins the halves of a body's name the tagger split at "and"
// or "of": "Federal Mediation" and "Conciliation Service".
func joinBodies(ws []string, ts []wordType, cands []cand) []cand {
	out := cands[:0]
	for _, c := range cands {
		if k := len(out) - 1; k >= 0 && c.a == out[k].b+1 && c.b-c.a >= 1 && out[k].b-out[k].a >= 2 &&
			out[k].typ != dateline.EntityPerson && out[k].typ != dateline.EntityMedia && !out[k].strong && shapeType(ws[out[k].a:out[k].b], ts[out[k].a:out[k].b], false) == "" &&
			ts[c.b-1].news()&nwOrgHead != 0 {
			switch ws[out[k].b] {
			case "and", "&", "of":
				out[k].b, out[k].typ, out[k].rule = c.b, dateline.EntityOrg, true
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// titleCase writes a name given only in capitals ("PORT AVERY", from a
// dateline) the way running text would: "Port Avery".
func titleCase(s string) string {
	b := []byte(s)
	start := true
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			if !start {
				b[i] = c + 'a' - 'A'
			}
			start = false
		case c >= 'a' && c <= 'z':
			start = false
		case c == ' ' || c == '-':
			start = true
		}
	}
	return string(b)
}

// outletAliases links a short outlet reference to the outlet named in full
// in the same document: "the Post" after "The Northgate Post".
func outletAliases(sents []sent, cands []cand, surface func(*cand) string) {
	var full map[uint64]int // lower-case last word → index; -1 when ambiguous
	for k, c := range cands {
		ws := sents[c.s].words
		a := c.a
		if strings.EqualFold(ws[a], "the") {
			a++
		}
		if c.typ != dateline.EntityMedia || c.b-a < 2 {
			continue
		}
		if full == nil {
			full = map[uint64]int{}
		}
		h := lowerHash(ws[c.b-1])
		if prev, ok := full[h]; ok && (prev < 0 || outletHash(sents, cands[prev]) != outletHash(sents, c)) {
			full[h] = -1 // two names share the word: link neither
			continue
		}
		full[h] = k
	}
	if full == nil {
		return
	}
	for k := range cands {
		c := &cands[k]
		ws := sents[c.s].words
		a := c.a
		if strings.EqualFold(ws[a], "the") {
			a++
		}
		if c.typ != dateline.EntityMedia || c.b-a != 1 || c.entity != "" || c.canonical != "" {
			continue
		}
		if f, ok := full[lowerHash(ws[a])]; ok && f >= 0 {
			name := surface(&cands[f])
			c.entity, c.canonical = mentionKey(name), name
		}
	}
}

// outletHash identifies an outlet's name without its article.
func outletHash(sents []sent, c cand) uint64 {
	ws := sents[c.s].words[c.a:c.b]
	if len(ws) > 0 && strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	return phraseHash(ws)
}

package timex

import "strings"

// Tense cues: words that show a clause is about the past or the future. A
// bare weekday or month ("on Monday", "in March") takes the direction of the
// nearest cue in its sentence, and the past when there is none, since news
// mostly reports what has happened.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "ll": true, "shall": true, "wo": true, "going": true,
	"plans": true, "plan": true, "planning": true, "scheduled": true, "slated": true, "planned": true, "set": true,
	"expects": true, "expected": true, "expect": true, "intends": true, "intend": true,
	"upcoming": true, "next": true, "tomorrow": true, "until": true, "soon": true, "would": true,
}

// scheduledPresent are verbs whose present tense in news announces a
// scheduled event: "the summit opens Monday", "if Labour wins Thursday".
// Reporting verbs ("says") are past cues instead.
var scheduledPresent = []string{
	"opens", "starts", "begins", "meets", "visits", "arrives", "leaves", "departs", "flies",
	"travels", "returns", "resumes", "ends", "closes", "plays", "kicks", "convenes",
	"reconvenes", "expires", "launches", "debuts", "airs", "premieres",
}

// scheduledPlural are the same verbs in the plural present ("Arafat and
// Netanyahu meet separately Monday"); after "to" they are infinitives that
// say nothing about time ("difficult to meet demand").
var scheduledPlural = []string{"meet", "begin", "arrive", "resume", "convene"}

// weakFuture cues point to the future only before "to" ("plans to", "is
// expected to") and not after a past auxiliary ("had been scheduled to").
var weakFuture = map[string]bool{
	"plans": true, "plan": true, "planning": true, "scheduled": true, "slated": true,
	"expects": true, "expected": true, "expect": true, "intends": true, "intend": true, "going": true,
	"planned": true, "set": true,
}

var pastAux = map[string]bool{"had": true}

// infinitiveNoCue are cue words that are no cue after "to".
var infinitiveNoCue = map[string]bool{}

// participles take "for" as readily as "to" ("scheduled for Friday"); after
// the noun-like forms "for" starts a noun phrase ("vacation plans for").
var weakFutureFor = map[string]bool{"scheduled": true, "slated": true, "planned": true, "set": true}

// notCueBefore lists, for a cue word, the next words that make it no cue:
// "next to the embassy" is a place, not a time to come.
var notCueBefore = map[string]map[string]bool{
	"next": {"to": true, "door": true},
}

// presentAux before a weak cue makes it a plan still to come: "has
// scheduled", "is expected".
var presentAux = map[string]bool{"has": true, "have": true, "is": true, "are": true}

var beAux = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "came": true,
	"went": true, "made": true, "took": true, "gave": true, "got": true, "met": true, "left": true,
	"saw": true, "began": true, "fell": true, "rose": true, "won": true, "lost": true, "sold": true,
	"bought": true, "paid": true, "held": true, "led": true, "kept": true, "brought": true,
	"thought": true, "became": true, "ran": true, "wrote": true, "spoke": true, "found": true,
	"knew": true, "felt": true, "struck": true, "shot": true, "hit": true, "ago": true,
	"yesterday": true, "last": true, "earlier": true, "stood": true, "sent": true, "spent": true,
	"built": true, "fled": true, "flew": true, "drove": true, "broke": true, "chose": true,
	"taught": true, "caught": true, "fought": true, "sought": true, "heard": true, "meant": true,
	// a statement reported in the present was made already
	"says": true, "reports": true, "tells": true, "writes": true, "announces": true, "reported": true,
	"quit": true, "cut": true, "dropped": true, "slid": true, "sank": true, "swung": true, "grew": true,
}

// edNotPast are -ed words that are not past-tense verbs.
var edNotPast = map[string]bool{
	"need": true, "indeed": true, "hundred": true, "speed": true, "united": true, "seed": true,
	"feed": true, "breed": true, "proceed": true, "succeed": true, "exceed": true, "bed": true,
	"red": true, "shed": true, "wed": true, "led": false, "limited": true, "based": true,
	"related": true, "expected": true, "scheduled": true, "proposed": true, "planned": true,
	"interested": true, "concerned": true, "advanced": true, "detailed": true, "used": true,
}

// modal cues are unambiguous enough to move a month or date across the DCT.
var modal = map[string]bool{"will": true, "'ll": true, "ll": true, "shall": true, "had": true, "did": true}

func init() {
	known(determiners, preAdjective)
	for w := range futureCues {
		cueEntry(w).cue = 1
	}
	for _, w := range scheduledPresent {
		cueEntry(w).cue = 1
	}
	for _, w := range scheduledPlural {
		cueEntry(w).cue = 1
		infinitiveNoCue[w] = true
	}
	for w := range pastCues {
		cueEntry(w).cue = -1
	}
	for w, not := range edNotPast {
		if not && !futureCues[w] {
			cueEntry(w).cue = 0
		}
	}
}

func cueEntry(w string) *entry { return entryOf(w) }

// determiners open a noun phrase, so an -ed word after one (perhaps past an
// adverb) is an adjective, not a past verb: "a still unspecified date",
// "the reduced dividend", "its planned merger".
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "my": true,
}

// preAdjective are adverbs that sit between a determiner and an adjective.
var preAdjective = map[string]bool{"still": true, "newly": true, "recently": true, "previously": true, "already": true, "widely": true, "much": true, "long": true, "so": true, "very": true}

func afterDeterminer(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && preAdjective[toks[k].low] {
		k--
	}
	return k >= 0 && determiners[toks[k].low]
}

func markCues(toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.num || len(t.low) < 2 {
			continue
		}
		w := t.low
		switch {
		case t.e != nil:
			t.cue = t.e.cue
		case len(w) >= 5 && strings.HasSuffix(w, "ed") && !t.cap && !afterDeterminer(toks, i):
			t.cue = -1
			t.weak = true
		}
	}
	for i := range toks {
		w := toks[i].low
		if weakFuture[w] {
			switch {
			case i > 0 && presentAux[toks[i-1].low]:
				toks[i].cue, toks[i].weak = 1, false // "has scheduled a news conference"
			case i+1 >= len(toks) || toks[i+1].low != "to" && !(toks[i+1].low == "for" && weakFutureFor[w]):
				toks[i].cue = 0
			case i > 0 && pastAux[toks[i-1].low] || i > 1 && pastAux[toks[i-2].low]:
				toks[i].cue = -1
			default:
				toks[i].cue, toks[i].weak = 1, false // "planned to", "is set to"
			}
		} else if toks[i].cue < 0 && i > 0 && beAux[toks[i-1].low] {
			// a passive ("to be completed") says nothing about time
			toks[i].cue = 0
		} else if toks[i].weak && adjectivalEd(toks, i) {
			toks[i].cue = 0
		}
		if toks[i].cue != 0 { // most tokens are no cue: spare them the lookups
			if i > 0 && toks[i-1].low == "to" && infinitiveNoCue[w] {
				toks[i].cue = 0
			} else if i+1 < len(toks) && notCueBefore[w][toks[i+1].low] {
				toks[i].cue = 0
			}
		}
		if w == "early" && i > 0 && i+1 < len(toks) && toks[i-1].low == "as" && toks[i+1].low == "as" {
			toks[i].cue = 1 // "as early as Tuesday"
		}
		if w == "be" && i > 1 && toks[i-1].low == "to" && !raisingVerbs[toks[i-2].low] {
			// "is to be completed", "going to be", "an interview to be
			// broadcast"; but "was believed to be" says what is, not what
			// will be
			toks[i].cue = 1
		}
		if w == "to" && i > 0 && (toks[i-1].low == "is" || toks[i-1].low == "are") {
			toks[i].cue = 1 // "is to resume"
		}
		// won't (PTB: wo n't) is a future; "won" alone is a past.
		if (toks[i].low == "won" || toks[i].low == "wo") && i+2 < len(toks) && (toks[i+1].low == "'" || toks[i+1].low == "n") && (toks[i+2].low == "t" || toks[i+2].low == "'") {
			toks[i].cue = 1
		} else if toks[i].low == "wo" {
			toks[i].cue = 0
		}
	}
}

// tenseWindow bounds how far from an expression a cue is looked for.
const tenseWindow = 12

// tense returns +1 when the nearest cue to the tokens [i, j) in their
// sentence points to the future, -1 otherwise.
func (s *state) tense(i, j int) int {
	if t := s.tenseOrNone(i, j); t != 0 {
		return t
	}
	return -1
}

// tenseOrNone is tense but 0 when no cue is near.
func (s *state) tenseOrNone(i, j int) int { return s.cue(i, j, false) }

// strongTense looks only at auxiliaries and irregular verbs, not at -ed
// words, which are as often adjectives ("reduced dividend") as pasts.
func (s *state) strongTense(i, j int) int { return s.cue(i, j, true) }

func (s *state) cue(i, j int, strong bool) int {
	dir, _ := s.cueAt(i, j, strong)
	return dir
}

// cueAt is cue and the index of the token that gave it (-1 for none).
func (s *state) cueAt(i, j int, strong bool) (int, int) {
	sent := s.toks[i].sent
	// In the strong search an auxiliary counts wherever it is, but the
	// "be" of "is to be held" only when no other verb cue lies nearer on
	// its side: in "would have to be delayed came in February" it is
	// "came" that governs the month.
	var passed [2]bool // a weaker cue was passed: left, right
	ok := func(k, side int) bool {
		t := &s.toks[k]
		if t.sent != sent || t.cue == 0 {
			return false
		}
		if !strong || modal[t.low] {
			return true
		}
		if t.low == "be" && t.cue > 0 && !passed[side] {
			return true
		}
		if !t.weak {
			passed[side] = true
		}
		return false
	}
	// The verb that governs a time expression mostly comes before it ("met
	// on Monday"); a cue after it is often in the next clause ("by
	// Wednesday, but said …"), so cues to the right count as further away.
	// A relative pronoun to the right opens a clause about something else
	// ("shares issued July 1, which will receive …"): the search to the
	// right stops there.
	right := true
	for d := 1; d <= tenseWindow+rightPenalty; d++ {
		if k := i - d; d <= tenseWindow && k >= 0 && ok(k, 0) {
			return int(s.toks[k].cue), k
		}
		if k := j - 1 + d - rightPenalty; right && d > rightPenalty && k < len(s.toks) {
			if clauseOpener[s.toks[k].low] {
				right = false
			} else if ok(k, 1) {
				return int(s.toks[k].cue), k
			}
		}
	}
	return 0, -1
}

// raisingVerbs before "to be" report a belief or an appearance, not a plan.
// They stay out of the lexicon, which would cost the -ed ones their weak
// past cue; mid-sentence they are lower-case anyway.
var raisingVerbs = map[string]bool{
	"believed": true, "thought": true, "said": true, "reported": true, "known": true, "found": true,
	"appeared": true, "appears": true, "appear": true, "seemed": true, "seems": true, "seem": true,
	"proved": true, "proves": true, "considered": true, "alleged": true, "understood": true,
	"estimated": true, "deemed": true, "presumed": true, "rumored": true,
}

// clauseOpener are relative pronouns. Not "when": a when-clause after a
// date mostly tells what happens then ("on June 9, when hosts Germany meet
// Costa Rica"), so its verb is a fair cue.
var clauseOpener = map[string]bool{"which": true, "who": true, "whose": true, "whom": true}

func init() { known(clauseOpener) }

const rightPenalty = 2

// adjectivalEd reports whether the -ed word at i stands before a noun in
// the clause of a modal ("will begin handing out bottled water on
// Thursday"): there it describes the noun, and the modal, not it, gives
// the clause its time. Elsewhere an -ed word before a noun is as often a
// verb with its object ("reported earnings").
func adjectivalEd(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	if n.sent != toks[i].sent || n.e != nil || n.num || n.cap || n.low == "" || n.low[0] < 'a' || n.low[0] > 'z' {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-5 && toks[k].sent == toks[i].sent; k-- {
		if modal[toks[k].low] && toks[k].low != "had" && toks[k].low != "did" || toks[k].low == "would" {
			return true
		}
	}
	return false
}

package attrib

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/brat"
	"github.com/datelinehq/dateline/internal/eval/attribeval"
	"github.com/datelinehq/dateline/internal/sentence"
	"github.com/datelinehq/dateline/internal/shareddata"
)

var errSplit = flag.String("errors", "", "with a PolNeAR split (train or dev): count Find's errors by cause and print the table; ATTRIB_ERRLOG names a file for examples")

func (a bspan) overlaps(b bspan) bool { return a.s < b.e && b.s < a.e && a.e > a.s && b.e > b.s }

type goldRel struct {
	src, cue, con []bspan // several pieces when discontinuous
}

func toBytes(byteOf []int, tb *brat.TextBound) []bspan {
	if tb == nil {
		return nil
	}
	var out []bspan
	for _, r := range tb.Ranges {
		if r.End < len(byteOf) && r.Start <= r.End {
			out = append(out, bspan{byteOf[r.Start], byteOf[r.End]})
		}
	}
	return out
}

func anyOverlap(a []bspan, b bspan) bool {
	for _, x := range a {
		if x.overlaps(b) {
			return true
		}
	}
	return false
}

// TestErrorCauses is the error analysis behind the figures in the package
// notes: for every gold attribution, whether its cue, source and content
// were found, and when not, why, by a few mechanical tests; and for every
// system attribution that matches no gold cue, what kind of word fired.
func TestErrorCauses(t *testing.T) {
	if *errSplit == "" || *errSplit == "cv" {
		t.Skip("run with -errors=train|dev (or -cv -errors=cv for the cross-validated run)")
	}
	dir := shareddata.Path(t, "data", "attrib", "polnear", *errSplit)
	golds, _, err := attribeval.GoldFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	acc := newErrAcc()
	for _, g := range golds {
		acc.doc(t, readText(t, dir, g.Name), g.Path)
	}
	acc.print()
}

// errAcc counts errors by cause over many documents.
type errAcc struct {
	causes map[string]int
	words  map[string]map[string]int
	log    strings.Builder
}

func newErrAcc() *errAcc {
	return &errAcc{causes: map[string]int{}, words: map[string]map[string]int{}}
}

func (acc *errAcc) note(field, cause, word, ex string) {
	acc.causes[field+"\t"+cause]++
	k := field + " " + cause
	if acc.words[k] == nil {
		acc.words[k] = map[string]int{}
	}
	acc.words[k][word]++
	if ex != "" {
		fmt.Fprintf(&acc.log, "%s %s: %s\n", field, cause, ex)
	}
}

// doc annotates text with the installed models and counts its errors
// against the gold file at goldPath.
func (acc *errAcc) doc(t *testing.T, text, goldPath string) {
	t.Helper()
	note := acc.note
	lx := lexicon()
	gr := goldRelations(t, text, goldPath)
	sents := sentence.Split(text)
	sentOf := func(b int) int {
		i := sort.Search(len(sents), func(i int) bool { return sents[i].End > b })
		return i
	}
	atts := Find(text, sents, nil)
	clip := func(sp []bspan) string {
		if len(sp) == 0 {
			return "-"
		}
		s := text[sp[0].s:sp[len(sp)-1].e]
		if len(s) > 90 {
			s = s[:40] + " … " + s[len(s)-40:]
		}
		return fmt.Sprintf("%q", s)
	}
	sentText := func(b int) string {
		i := sentOf(b)
		if i >= len(sents) {
			return ""
		}
		return strings.ReplaceAll(text[sents[i].Start:sents[i].End], "\n", " ")
	}
	sysCue := func(a dateline.Attribution) bspan { return bspan{a.Cue.Start, a.Cue.End} }
	usedSys := make([]bool, len(atts))
	for _, r := range gr {
		if len(r.cue) == 0 {
			continue
		}
		cueText := strings.ToLower(text[r.cue[0].s:r.cue[len(r.cue)-1].e])
		fields := strings.Fields(cueText)
		head := "?"
		if len(fields) > 0 {
			head = strings.Trim(fields[len(fields)-1], ".,:;")
		}
		k := -1
		for i, a := range atts {
			if anyOverlap(r.cue, sysCue(a)) && !usedSys[i] {
				k = i
				break
			}
		}
		ex := fmt.Sprintf("cue %q src %s con %s | %s", cueText, clip(r.src), clip(r.con), sentText(r.cue[0].s))
		if k < 0 {
			cause := "model rejected"
			switch {
			case strings.HasPrefix(cueText, "according"):
				cause = "according to"
			case head == "" || cueText == ":" || strings.HasSuffix(cueText, ":") && len(fields) == 1:
				cause = "colon/punct"
			case !lx.seen(head) && predClass(head) != "":
				cause = "head only in the predicate list"
			case !lx.seen(head):
				cause = "head not in lexicon"
			case nounCue[head]:
				cause = "noun cue"
			case len(fields) > 3:
				cause = "long cue phrase"
			}
			note("cue FN", cause, head, ex)
			// the source and content are lost with the cue
			continue
		}
		usedSys[k] = true
		a := atts[k]
		if os.Getenv("ATTRIB_FPSRC") != "" {
			c := "[np source]"
			if a.Source == nil {
				c = "[no source]"
			} else if pronouns[strings.ToLower(a.Source.Text)] {
				c = "[pronoun source]"
			}
			note("cue TP", c, head, "")
		}
		// source
		var ss bspan
		if a.Source != nil {
			ss = bspan{a.Source.Start, a.Source.End}
		}
		switch {
		case len(r.src) == 0 && a.Source == nil, len(r.src) > 0 && a.Source != nil && anyOverlap(r.src, ss):
		case len(r.src) == 0:
			note("source", "system source, gold none", strings.ToLower(a.Source.Text), ex)
		case a.Source == nil:
			cause := "no system source"
			if sentOf(r.src[0].s) != sentOf(r.cue[0].s) {
				cause += " (gold in other sentence)"
			} else if r.src[0].s > r.cue[0].s {
				cause += " (gold after cue)"
			}
			note("source", cause, head, ex)
		default:
			cause := "wrong source"
			gs := strings.ToLower(text[r.src[0].s:r.src[len(r.src)-1].e])
			switch {
			case sentOf(r.src[0].s) != sentOf(r.cue[0].s):
				cause += " (gold in other sentence)"
			case (r.src[0].s < r.cue[0].s) != (ss.s < a.Cue.Start):
				cause += " (other side of cue)"
			case pronouns[gs]:
				cause += " (gold pronoun)"
			}
			note("source", cause, head, ex+fmt.Sprintf(" || sys src %q", a.Source.Text))
		}
		// content
		cs := bspan{a.Content.Start, a.Content.End}
		if len(r.con) == 0 || anyOverlap(r.con, cs) {
			continue
		}
		cause := "wrong content"
		gBefore := r.con[0].s < r.cue[0].s
		sBefore := cs.s < a.Cue.Start
		switch {
		case sentOf(r.con[0].s) != sentOf(r.cue[0].s) && sentOf(r.con[len(r.con)-1].e-1) != sentOf(r.cue[0].s):
			cause += " (gold in other sentence)"
		case gBefore != sBefore:
			if gBefore {
				cause += " (gold before cue, system after)"
			} else {
				cause += " (gold after cue, system before)"
			}
		default:
			cause += " (same side)"
		}
		note("content", cause, head, ex+fmt.Sprintf(" || sys con %q", clipS(a.Content.Text)))
	}
	for i, a := range atts {
		if usedSys[i] {
			continue
		}
		cs := sysCue(a)
		hit := false
		for _, r := range gr {
			if anyOverlap(r.cue, cs) {
				hit = true
				break
			}
		}
		w := strings.ToLower(a.Cue.Text)
		cause := "no gold cue"
		if hit {
			cause = "gold cue already matched (split/duplicate)"
		} else if strings.Contains(w, "according") {
			cause = "according to, no gold"
		} else if w == ":" {
			cause = "colon, no gold"
		}
		if os.Getenv("ATTRIB_FPSRC") != "" {
			if a.Source == nil {
				cause += " [no source]"
			} else if pronouns[strings.ToLower(a.Source.Text)] {
				cause += " [pronoun source]"
			} else {
				cause += " [np source]"
			}
		}
		note("cue FP", cause, w, fmt.Sprintf("cue %q | %s", w, sentText(a.Cue.Start)))
	}
}

func (acc *errAcc) print() {
	causes, words := acc.causes, acc.words
	var ks []string
	for k := range causes {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%-70s %5d\n", k, causes[k])
	}
	for _, k := range sortedKeys(words) {
		fmt.Printf("%s: %s\n", k, topWords(words[k], 15))
	}
	if p := os.Getenv("ATTRIB_ERRLOG"); p != "" {
		os.WriteFile(p, []byte(acc.log.String()), 0o644)
	}
}

// nounCue are heads of nominal cues ("in a statement", "his claims").
var nounCue = set("statement", "statements", "claim", "claims", "report", "reports", "interview",
	"comments", "remarks", "view", "belief", "accusation", "accusations", "allegations", "letter",
	"tweet", "speech", "poll", "survey", "promise", "pledge", "argument", "message", "post", "memo")

func clipS(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 90 {
		return s[:40] + " … " + s[len(s)-40:]
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func topWords(m map[string]int, n int) string {
	type kv struct {
		k string
		v int
	}
	var xs []kv
	for k, v := range m {
		xs = append(xs, kv{k, v})
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].v > xs[j].v || xs[i].v == xs[j].v && xs[i].k < xs[j].k })
	var b strings.Builder
	for i, x := range xs {
		if i == n {
			break
		}
		fmt.Fprintf(&b, "%s:%d ", x.k, x.v)
	}
	return b.String()
}

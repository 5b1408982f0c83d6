package nereval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/datelinehq/dateline/internal/entity"
)

func TestDumpErrors(t *testing.T) {
	data, _ := os.ReadFile("/work/main/internal/entity/model.bin")
	m, err := entity.UnmarshalModel(data)
	if err != nil { t.Fatal(err) }
	dir := "/work/shared/data/ner/conll2003-testa"
	type doc struct{ ID, Text string }
	type gold struct{ ID string; Mentions []GoldMention }
	texts := map[string]string{}
	var ids []string
	readJSONL(dir+"/documents.jsonl", func(b []byte) error { var d doc; json.Unmarshal(b, &d); texts[d.ID] = d.Text; ids = append(ids, d.ID); return nil })
	golds := map[string][]GoldMention{}
	readJSONL(dir+"/gold.jsonl", func(b []byte) error { var g gold; json.Unmarshal(b, &g); golds[g.ID] = g.Mentions; return nil })
	f, _ := os.Create("/tmp/nerdbg/errors.txt")
	defer f.Close()
	fpc := map[string]int{}
	fnc := map[string]int{}
	for _, id := range ids {
		text := texts[id]
		ms, _ := m.Recognize(text, newlineSentences(text))
		gm := map[[2]int]string{}
		for _, g := range golds[id] { gm[[2]int{g.Start, g.End}] = g.Type }
		sm := map[[2]int]string{}
		for _, x := range ms { sm[[2]int{x.Start, x.End}] = sysType(x.Type) }
		for _, x := range ms {
			k := [2]int{x.Start, x.End}
			if gt, ok := gm[k]; !ok || (gt != sysType(x.Type) && gt != "MISC") {
				fmt.Fprintf(f, "FP %s %q sys=%s gold=%s\n", id, x.Text, sysType(x.Type), gt)
				fpc[fmt.Sprintf("%s->%s", sysType(x.Type), gt)]++
			}
		}
		for _, g := range golds[id] {
			k := [2]int{g.Start, g.End}
			if g.Type == "MISC" { continue }
			if st, ok := sm[k]; !ok || st != g.Type {
				fmt.Fprintf(f, "FN %s %q gold=%s sys=%s\n", id, text[g.Start:g.End], g.Type, st)
				fnc[fmt.Sprintf("%s<-%s", g.Type, st)]++
			}
		}
	}
	var ks []string
	for k := range fpc { ks = append(ks, k) }
	sort.Strings(ks)
	for _, k := range ks { fmt.Printf("FP %s %d\n", k, fpc[k]) }
	ks = nil
	for k := range fnc { ks = append(ks, k) }
	sort.Strings(ks)
	for _, k := range ks { fmt.Printf("FN %s %d\n", k, fnc[k]) }
	_ = context.Background
}

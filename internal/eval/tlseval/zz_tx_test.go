package tlseval

import (
	"encoding/gob"
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestScratchTimex(t *testing.T) {
	name := os.Getenv("TX")
	if name == "" {
		t.Skip()
	}
	var topic Topic
	f, _ := os.Open("/tmp/tlscache/" + name + ".gob")
	gob.NewDecoder(f).Decode(&topic)
	cnt := map[string]int{}
	nday, nall, nfut := 0, 0, 0
	for _, a := range topic.Articles {
		for _, tx := range a.Timexes {
			nall++
			if len(tx.Value) >= 10 && tx.Value[4] == '-' && tx.Value[7] == '-' {
				nday++
				if tx.Value[:10] > a.Published.Format("2006-01-02") {
					nfut++
				}
				cnt[tx.Text]++
			}
		}
	}
	fmt.Println("articles", len(topic.Articles), "timexes", nall, "day", nday, "future", nfut)
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range cnt {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	for i, x := range kvs {
		if i > 40 {
			break
		}
		fmt.Printf("%5d %s\n", x.v, x.k)
	}
	// show sample sentences with month-day patterns not tagged
	n := 0
	for _, a := range topic.Articles[:200] {
		for _, tx := range a.Timexes {
			if n < 15 && (len(tx.Value) < 10) {
				fmt.Printf("COARSE %q -> %s\n", tx.Text, tx.Value)
				n++
			}
		}
	}
}

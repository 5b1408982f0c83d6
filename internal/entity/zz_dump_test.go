package entity

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/sentence"
)

// Temporary debugging aid (removed before handing over).
func TestZZDump(t *testing.T) {
	if os.Getenv("DUMP_SAMPLE") == "" {
		t.Skip()
	}
	var texts []string
	root := "../sample/data"
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		switch {
		case strings.HasSuffix(p, ".jsonl"):
			for _, l := range strings.Split(string(b), "\n") {
				var d struct{ Title, Text string }
				if json.Unmarshal([]byte(l), &d) == nil && d.Text != "" {
					texts = append(texts, d.Title+"\n\n"+d.Text)
				}
			}
		case strings.HasSuffix(p, ".txt"):
			s := string(b)
			if strings.HasPrefix(s, "date ") {
				if i := strings.Index(s, "\ntitle: "); i >= 0 {
					s = s[i+8:]
				}
			}
			texts = append(texts, s)
		}
		return nil
	})
	counts := map[string]int{}
	for _, tx := range texts {
		ms, _ := Recognize(tx, sentence.Split(tx))
		for _, m := range ms {
			counts[m.Type+"\t"+m.Text]++
			if os.Getenv("DUMP_SAMPLE") == "all" {
				fmt.Printf("%s\t%s\t%s\t%q\n", m.Type, m.Text, m.Entity, tx[max(0, m.Start-60):min(len(tx), m.End+40)])
			}
		}
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return counts[ks[i]] > counts[ks[j]] || counts[ks[i]] == counts[ks[j]] && ks[i] < ks[j] })
	for _, k := range ks {
		fmt.Printf("%4d %s\n", counts[k], k)
	}
}

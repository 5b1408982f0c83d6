package tlseval

import (
	"encoding/gob"
	"fmt"
	"os"
	"testing"
)

func TestScratchShow(t *testing.T) {
	name := os.Getenv("SHOW")
	if name == "" {
		t.Skip()
	}
	var topic Topic
	f, _ := os.Open("/tmp/tlscache/" + name + ".gob")
	gob.NewDecoder(f).Decode(&topic)
	task := topic.Tasks()[0]
	sys := Dateline(scratchParams())(task).Normalize()
	ref := map[int64][]string{}
	for _, d := range task.Ref {
		ref[dayNum(d.Date)] = d.Sentences
	}
	for i, d := range sys {
		if i > 40 {
			break
		}
		if len(ref[dayNum(d.Date)]) == 0 {
			continue
		}
		fmt.Println("==", d.Date.Format("2006-01-02"))
		for _, s := range d.Sentences {
			fmt.Println("  SYS:", s)
		}
		for _, s := range ref[dayNum(d.Date)] {
			fmt.Println("  REF:", s)
		}
	}
}

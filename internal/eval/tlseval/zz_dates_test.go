package tlseval

import (
	"encoding/gob"
	"fmt"
	"os"
	"strconv"
	"testing"
)

func TestScratchDates(t *testing.T) {
	name := os.Getenv("DATES")
	if name == "" {
		t.Skip()
	}
	var topic Topic
	f, _ := os.Open("/tmp/tlscache/" + name + ".gob")
	gob.NewDecoder(f).Decode(&topic)
	ti, _ := strconv.Atoi(os.Getenv("TI"))
	task := topic.Tasks()[ti]
	sys := Dateline(scratchParams())(task).Normalize()
	in := map[string]string{}
	for _, d := range task.Ref {
		in[d.Date.Format("2006-01-02")] += "R"
	}
	for _, d := range sys {
		in[d.Date.Format("2006-01-02")] += "S"
	}
	pub := map[string]int{}
	for _, a := range task.Articles {
		pub[a.Published.Format("2006-01-02")]++
	}
	fmt.Println("from", task.From.Format("2006-01-02"), "to", task.To.Format("2006-01-02"), "N", task.N, "K", task.K, "articles", len(task.Articles))
	var keys []string
	for k := range in {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		fmt.Printf("%s %-2s pub=%d\n", k, in[k], pub[k])
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

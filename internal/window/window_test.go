package window

import (
	"testing"
	"time"
)

func TestQueueOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC) }
	var q Queue[string]
	q.Push(day(3), 1, "c")
	q.Push(time.Time{}, 2, "undated")
	q.Push(day(1), 3, "a")
	q.Push(day(3), 0, "b") // same day as c, arrived earlier
	var redated []string
	q.DateUndated(day(2), func(v string) { redated = append(redated, v) })
	if len(redated) != 1 || redated[0] != "undated" {
		t.Fatalf("redated %v", redated)
	}
	var got []string
	for q.Len() > 0 {
		got = append(got, q.Pop().Val)
	}
	want := []string{"a", "undated", "b", "c"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	if _, ok := q.Peek(); ok {
		t.Error("Peek on an empty queue said ok")
	}
}

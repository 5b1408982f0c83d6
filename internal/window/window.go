// Package window is the eviction order the dedup index and the story
// clusterer share: items leave oldest first (by the time they fall due,
// then by arrival), so both keep a bounded, time-windowed set.
package window

import (
	"container/heap"
	"time"
)

// Item is one held thing and when it falls due.
type Item[T any] struct {
	At  time.Time // zero: undated, due once the clock starts
	Seq uint64    // arrival order, the tie-break
	Val T
}

// Queue orders items by due time, then arrival.
type Queue[T any] struct{ h items[T] }

// Len is the number of items queued.
func (q *Queue[T]) Len() int { return len(q.h) }

// Push queues v, due at at.
func (q *Queue[T]) Push(at time.Time, seq uint64, v T) {
	heap.Push(&q.h, Item[T]{At: at, Seq: seq, Val: v})
}

// Peek is the item due first; ok is false when the queue is empty.
func (q *Queue[T]) Peek() (it Item[T], ok bool) {
	if len(q.h) == 0 {
		return it, false
	}
	return q.h[0], true
}

// Pop removes and returns the item due first. The queue must not be empty.
func (q *Queue[T]) Pop() Item[T] { return heap.Pop(&q.h).(Item[T]) }

// DateUndated gives every undated item the time t (when the first dated
// item starts the clock) and calls fn with each such value.
func (q *Queue[T]) DateUndated(t time.Time, fn func(T)) {
	var zero []Item[T]
	for len(q.h) > 0 && q.h[0].At.IsZero() {
		zero = append(zero, q.Pop())
	}
	for _, it := range zero {
		it.At = t
		if fn != nil {
			fn(it.Val)
		}
		heap.Push(&q.h, it)
	}
}

type items[T any] []Item[T]

func (h items[T]) Len() int { return len(h) }
func (h items[T]) Less(i, j int) bool {
	if !h[i].At.Equal(h[j].At) {
		return h[i].At.Before(h[j].At)
	}
	return h[i].Seq < h[j].Seq
}
func (h items[T]) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *items[T]) Push(x any)   { *h = append(*h, x.(Item[T])) }
func (h *items[T]) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

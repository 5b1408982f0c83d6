package cpuclock

import "testing"

// TestUsedGrows spins until the process's CPU time moves, which fails if
// Used never changes (or goes back) on a system that measures it.
func TestUsedGrows(t *testing.T) {
	start := Used()
	if start == 0 {
		t.Skip("CPU time is not measured on this system")
	}
	x := 0
	for i := 0; Used() == start; i++ {
		x += i
		if i > 1e9 {
			t.Fatal("CPU time did not move after a billion iterations")
		}
	}
	if Used() < start {
		t.Error("CPU time went back")
	}
	_ = x
}

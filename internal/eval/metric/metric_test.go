package metric

import "testing"

func TestMetric(t *testing.T) {
	if Ratio(1, 0) != 0 || Ratio(1, 4) != 0.25 {
		t.Error("Ratio")
	}
	if F1(0, 0) != 0 || F1(0.5, 0.5) != 0.5 || F1(1, 0.5) != 2.0/3 {
		t.Errorf("F1(1, .5) = %v", F1(1, 0.5))
	}
}

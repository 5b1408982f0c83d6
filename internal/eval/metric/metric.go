// Package metric holds the arithmetic every scorer in internal/eval shares,
// so precision, recall and F1 mean one thing across the reports.
package metric

// Ratio is a/b, or 0 when b is 0 (an undefined precision or recall counts
// as 0, as the TempEval, CoNLL and PolNeAR scorers have it).
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 is the harmonic mean of p and r, 0 when both are 0.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

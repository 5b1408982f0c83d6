// Package cpuclock reads the process's CPU time, which benchmarks report
// beside wall time: on a shared machine wall time measures the neighbours
// too, CPU time only the work done.
package cpuclock

#!/usr/bin/env bash
# Runs every fuzz target in the module for FUZZTIME each (default 30s).
# Crashers land in the package's testdata/fuzz/ and become regression cases
# that plain `go test` runs from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${FUZZTIME:-30s}
# The fuzzer spends up to -fuzzminimizetime (60 s by default) shrinking each
# new interesting input, counting no executions meanwhile, and a run whose
# -fuzztime ends during a minimisation fails with "context deadline
# exceeded" though no input failed. A short minimisation keeps a 30 s run
# fuzzing rather than shrinking.
m=${FUZZMINIMIZETIME:-5s}
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "== $pkg $f ($t)"
    go test -run='^$' -fuzz="^$f\$" -fuzztime="$t" -fuzzminimizetime="$m" "$pkg"
  done
done

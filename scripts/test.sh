#!/usr/bin/env bash
# The whole test suite: formatting, vet, staticcheck, then every package's
# tests (unit, golden, store conformance, CLI end-to-end, real-browser).
#
# It installs what the tests need and the machine lacks:
#   - Debian's chromium (apt-get), for the web page tests in a real headless
#     browser; skipped with a note when apt-get cannot run (not root), in
#     which case the browser tests skip too (outside CI).
#   - staticcheck (go install, pinned), for the lint step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin:$(go env GOPATH)/bin"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "== chromium not found and not root: the browser tests will skip"
  fi
fi
if ! command -v staticcheck >/dev/null 2>&1; then
  echo "== installing staticcheck"
  go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go vet"
go vet ./...
echo "== staticcheck"
staticcheck ./...
echo "== go test"
go test -count=1 -timeout 25m ./... 2>&1 | tee /tmp/dateline-test.log

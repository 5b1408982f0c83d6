#!/usr/bin/env bash
# Ingest benchmark: all of Timeline17 (4,650 articles) into a fresh store,
# three ways: store + full-text index only (--no-fold), with near-duplicate
# folding and story assignment, and with the whole analysis. Prints
# articles/s, MB/s of uncompressed input and peak RSS. Needs ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
t17=${T17:-../shared/data/tls/t17}
files=$(ls "$t17"/*/articles.jsonl.gz)
bin=$(mktemp -d)/dateline
go build -o "$bin" ./cmd/dateline
mb=$(cat $files | gzip -dc | wc -c | awk '{printf "%.1f", $1/1e6}')
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), go $(go env GOVERSION)"
echo "input: $(echo $files | wc -w) files, $mb MB uncompressed"
for mode in "--no-analyze --no-fold" "--no-analyze" ""; do
  db=$(mktemp -d)/bench.db
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$db.rss" "$bin" --db "$db" --quiet ingest $mode $files
    rss="$(awk '{printf "%.0f MB", $1/1024}' "$db.rss")"
  else
    "$bin" --db "$db" --quiet ingest $mode $files
    rss="n/a (install GNU time)"
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v mb="$mb" -v m="ingest ${mode:-(full analysis)}" -v rss="$rss" \
    'BEGIN { t = e - s; printf "%-32s %6.2f s  %7.0f articles/s  %6.1f MB/s  peak RSS %s\n", m, t, 4650 / t, mb / t, rss }'
done

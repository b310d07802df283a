#!/usr/bin/env bash
# How time and memory grow with batch size: for each size (MB) a corpus is generated, timed with
# `wc -w` (the plain baseline, same bytes, same run), then checked end to end with JSON output
# by `crosscheck-bench e2e` in a fresh process (wall time, user+system CPU, peak RSS).
#
#   scripts/perf-scaling.sh                 # sizes 10 50 100 200
#   scripts/perf-scaling.sh 10 20           # other sizes
#   KIND=text scripts/perf-scaling.sh 10    # plain text only (KIND=html: HTML only; default mixed)
#
# Needs the bench package built in release (see docs/performance.md); corpora go to
# ${CORPUS_DIR:-/tmp/crosscheck-scaling} and are kept for re-runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="${SCRATCH:-$root/.build-perf-bench}"
bin="$scratch/release"
[ -x "$bin/crosscheck-bench" ] || { echo "build first: cd Benchmarks && swift build -c release --scratch-path $scratch" >&2; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10 50 100 200)
kind="${KIND:-mixed}"
case "$kind" in text) share=0 ;; html) share=1 ;; *) share=0.5 ;; esac
base="${CORPUS_DIR:-/tmp/crosscheck-scaling}"
printf "| input | MB | wc -w s | e2e wall s | MB/s | × wc -w | CPU s | peak MB | JSON MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
for mb in "${sizes[@]}"; do
  dir="$base/$kind-$mb"
  [ -f "$dir/manifest.csv" ] || "$bin/corpusgen" --megabytes "$mb" --html-share "$share" --out "$dir" >/dev/null
  bytes=$(find "$dir" -type f ! -name '*.csv' -printf '%s\n' | awk '{s+=$1} END {print s}')
  t0=$(date +%s.%N); find "$dir" -type f ! -name '*.csv' -print0 | xargs -0 cat | wc -w >/dev/null; t1=$(date +%s.%N)
  wc_s=$(echo "$t1 - $t0" | bc -l)
  out=$( { /usr/bin/time -f "%U %S %M" "$bin/crosscheck-bench" e2e --corpus "$dir" ; } 2>&1 )
  line=$(echo "$out" | head -1); res=$(echo "$out" | tail -1)
  wall=$(echo "$line" | cut -f2); json=$(echo "$line" | cut -f5)
  cpu=$(echo "$res" | awk '{print $1 + $2}'); peak=$(echo "$res" | awk '{printf "%.0f", $3 / 1024}')
  awk -v k="$kind" -v b="$bytes" -v w="$wc_s" -v t="$wall" -v c="$cpu" -v p="$peak" -v j="$json" 'BEGIN {
    printf "| %s | %.1f | %.3f | %.2f | %.1f | %.0f | %.1f | %s | %.1f |\n", k, b/1e6, w, t, b/1e6/t, t/w, c, p, j/1e6 }'
done

#!/usr/bin/env bash
# The performance guard: builds the benchmark package (Benchmarks/) in release with its own
# scratch folder and runs `crosscheck-bench guard`, which times the whole pipeline on a fixed
# generated corpus against a plain byte scan of the same files in the same process, and fails
# when that ratio exceeds the limit recorded in Benchmarks/guard-baseline.txt.
#
#   scripts/perf-guard.sh                 # build + guard, exit 1 when too slow
#   SCRATCH=/tmp/x scripts/perf-guard.sh  # another scratch folder
#   scripts/perf-guard.sh --max-ratio 900 # override the recorded limit
#
# Cold (nothing built yet) it takes a few minutes on a 2-core machine, almost all of it the release
# build; with the build cached, about 10 s. See docs/performance.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="${SCRATCH:-$root/.build-perf-guard}"
cd "$root/Benchmarks"
swift build -c release --scratch-path "$scratch" --product crosscheck-bench
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/crosscheck-bench"
"$bin" guard "$@"

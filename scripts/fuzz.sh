#!/usr/bin/env bash
# Runs a libFuzzer target for a while.  scripts/fuzz.sh TARGET [SECONDS]
# TARGET: FuzzHTML | FuzzText | FuzzQuantities | FuzzRules. Seeds come from fixtures/ (copied into a scratch
# corpus); crashes are written to fuzz-crashes/ — turn each into a fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh FuzzHTML|FuzzText|FuzzQuantities|FuzzRules [seconds]}
seconds=${2:-60}
root=$(pwd)
corpus=.build-fuzz-corpus/$target
mkdir -p "$corpus" fuzz-crashes
case "$target" in
  FuzzHTML) find fixtures/html -name '*.html' -exec cp {} "$corpus/" \; ;;
  FuzzText) find fixtures/text seeds -type f \( -name '*.txt' -o -name '*.md' \) -exec cp {} "$corpus/" \; ;;
  FuzzRules) cp Sources/CrossReference/Rules/*.yaml "$corpus/" ;;
  FuzzQuantities)
    for f in Sources/LanguageData/Languages/*/corpus/*.txt; do
      split -l 1 -a 4 "$f" "$corpus/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f" .txt)-" 2>/dev/null || true
    done ;;
esac
(cd Fuzz && swift build --scratch-path "$root/.build-fuzz" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target" 2>&1 | grep -E "error|Compiling $target|Build complete" || true)
bin="$root/.build-fuzz/debug/$target"
[ -x "$bin" ] || { echo "fuzz: $target did not build"; exit 2; }
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=fuzz-crashes/"$target"- "$corpus"

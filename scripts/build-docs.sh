#!/usr/bin/env bash
# Builds the DocC documentation of the Crosscheck facade with warnings as errors (no plugin
# needed: the toolchain's docc over the module's symbol graph). Output: .build/docs/Crosscheck.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
sg=.build/symbol-graphs
rm -rf "$sg" .build/docs
mkdir -p "$sg" .build/docs
swift build --target Crosscheck -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$sg" 2>&1 | grep -E "error|warning: " || true
swift build --target Crosscheck -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$sg" >/dev/null
docc convert Sources/Crosscheck/Crosscheck.docc \
  --additional-symbol-graph-dir "$sg" \
  --fallback-display-name Crosscheck --fallback-bundle-identifier org.crosscheck.Crosscheck \
  --output-path .build/docs/Crosscheck.doccarchive --warnings-as-errors
echo "docs: .build/docs/Crosscheck.doccarchive"

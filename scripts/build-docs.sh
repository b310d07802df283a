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
# Only the facade's own symbol graph: dependencies (GRDB, Yams) document themselves.
mine=.build/symbol-graphs-crosscheck
rm -rf "$mine"; mkdir -p "$mine"
cp "$sg"/Crosscheck.symbols.json "$mine"/
cp "$sg"/Crosscheck@*.symbols.json "$mine"/ 2>/dev/null || true
docc convert Sources/Crosscheck/Crosscheck.docc \
  --additional-symbol-graph-dir "$mine" \
  --fallback-display-name Crosscheck --fallback-bundle-identifier org.crosscheck.Crosscheck \
  --output-path .build/docs/Crosscheck.doccarchive --warnings-as-errors
echo "docs: .build/docs/Crosscheck.doccarchive"

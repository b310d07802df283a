#!/usr/bin/env bash
# A plain-text corpus of real article text: the hand-checked main text of the 181 pages of the
# extraction benchmark (../shared/extraction-benchmark/ground-truth.json), one .txt file per page,
# copied COPIES times (default 12, about 10.5 MB) under distinct names. No manifest is written, so
# every article's language is identified from its text, as in a batch that comes without one.
#
#   scripts/real-text-corpus.sh [OUT] [COPIES]      # default /tmp/realtxt12, 12
#
# The synthetic corpus of `corpusgen` is matched to real news in claims per sentence, but its
# sentences are shorter and all in ASCII punctuation; this one has real sentence lengths, curly
# quotes and dashes, bylines and long paragraphs. Copies repeat the same claims, so the
# cross-reference stage meets many identical figures; the other stages see ordinary text.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
truth="${TRUTH:-$root/../shared/extraction-benchmark/ground-truth.json}"
out="${1:-/tmp/realtxt12}"
copies="${2:-12}"
[ -f "$truth" ] || { echo "no ground truth at $truth (set TRUTH=...)" >&2; exit 2; }
mkdir -p "$out"
python3 - "$truth" "$out" "$copies" <<'PY'
import json, sys
truth, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = json.load(open(truth, encoding="utf-8"))
total = 0
for c in range(1, copies + 1):
    for i, key in enumerate(sorted(pages)):
        body = pages[key].get("articleBody") or ""
        with open(f"{out}/c{c:02d}_r{i:03d}.txt", "w", encoding="utf-8") as f:
            f.write(body)
        total += len(body.encode("utf-8"))
print(f"{out}: {copies} x {len(pages)} texts, {total} bytes")
PY

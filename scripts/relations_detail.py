#!/usr/bin/env python3
"""Lists each gold relation with the verdicts a report gives for the pair, and each reported
conflict the gold does not call a conflict. Uses shared/tools/score.py's matching.

  python3 scripts/relations_detail.py --gold GOLD.json --report REPORT.json
"""
import argparse, importlib.util, itertools, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(here, "..", "..", "shared", "tools", "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

ap = argparse.ArgumentParser()
ap.add_argument("--gold", required=True)
ap.add_argument("--report", required=True)
a = ap.parse_args()
gold, rep = json.load(open(a.gold)), json.load(open(a.report))
_, match, _ = score.score(gold, rep)
back = {id(c): g for g, c in match.items()}
claims = {c["id"]: c for art in rep["articles"] for c in art["claims"]}
def gid(cid):
    c = claims.get(cid)
    return back.get(id(c)) if c is not None else None
found = {}
for f in rep["findings"]:
    gs = [gid(c) for c in f["claims"]]
    for x, y in itertools.combinations([g for g in gs if g], 2):
        found.setdefault(frozenset((x, y)), []).append((f["verdict"], f["rule"]))
gold_pairs = {}
for r in gold["relations"]:
    k = frozenset(r["claims"])
    gold_pairs[k] = r["verdict"]
    got = found.get(k, [])
    verdicts = sorted({v for v, _ in got})
    ok = r["verdict"] in verdicts or (r["verdict"] != "conflict" and any(v != "conflict" for v in verdicts))
    bad = (r["verdict"] == "conflict" and any(v != "conflict" for v in verdicts)) or (r["verdict"] != "conflict" and "conflict" in verdicts)
    mark = "open" if r["verdict"] == "open" else ("WRONG" if bad else ("ok" if ok else "missed"))
    print(f"{mark:7} {r['verdict']:10} {' ~ '.join(r['claims']):45} got {got}")
print()
for f in rep["findings"]:
    if f["verdict"] != "conflict":
        continue
    gs = [gid(c) for c in f["claims"]]
    pairs = {frozenset((x, y)) for x, y in itertools.combinations([g for g in gs if g], 2)}
    if not any(gold_pairs.get(p) == "conflict" for p in pairs):
        print("false conflict?", f["rule"], f["claims"], "gold:", [gold_pairs.get(p, "-") for p in pairs])
        print("   ", f["explanation"][:220])

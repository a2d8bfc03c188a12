#!/usr/bin/env python3
"""Summarise models/corpus-manifest.csv as Markdown tables (stdlib only).

    python3 scripts/corpus/summary.py [MANIFEST]
"""
import csv
import sys
from collections import defaultdict


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "models/corpus-manifest.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    by_genre = defaultdict(lambda: {"train": 0, "test": 0, "secs": 0.0, "pkgs": set(), "limited": 0})
    by_pkg = defaultdict(lambda: {"n": 0, "secs": 0.0, "limited": 0})
    for r in rows:
        g = by_genre[r["genre"]]
        g[r["split"]] += 1
        g["secs"] += float(r["durationSeconds"])
        g["pkgs"].add(r["package"])
        limited = r["bandwidthNote"].startswith("bandLimited16k")
        g["limited"] += limited
        key = (r["package"], r["version"], r["genre"], r["split"], r["licence"])
        by_pkg[key]["n"] += 1
        by_pkg[key]["secs"] += float(r["durationSeconds"])
        by_pkg[key]["limited"] += limited

    print("| genre | packages | tracks train | tracks test | hours | no air above 16 kHz |")
    print("|---|---|---|---|---|---|")
    tot = {"train": 0, "test": 0, "secs": 0.0, "limited": 0}
    for genre in sorted(by_genre):
        g = by_genre[genre]
        print(f"| {genre} | {len(g['pkgs'])} | {g['train']} | {g['test']} | {g['secs'] / 3600:.2f} | {g['limited']} |")
        for k in tot:
            tot[k] += g[k]
    pk = len({r["package"] for r in rows})
    print(f"| **all** | {pk} | {tot['train']} | {tot['test']} | {tot['secs'] / 3600:.2f} | {tot['limited']} |")
    print()
    print("| package | version | genre | split | tracks | minutes | no air | licence |")
    print("|---|---|---|---|---|---|---|---|")
    for (pkg, ver, genre, split, lic), v in sorted(by_pkg.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][4])):
        print(f"| {pkg} | {ver} | {genre} | {split} | {v['n']} | {v['secs'] / 60:.0f} | {v['limited']} | {lic} |")


if __name__ == "__main__":
    main()

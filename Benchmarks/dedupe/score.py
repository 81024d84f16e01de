#!/usr/bin/env python3
"""Precision and recall of a duplicate finder over pairs of lines, against gen_list.py's truth.

    score.py clusters OUTPUT.json TRUTH.json [--min likely] [--label NAME]
    score.py pairs    PEER.tsv    TRUTH.json [--label NAME]

`clusters` reads the JSON of `fmadd dedupe --json` ({"clusters":[{"reasons":[{"lines":[a,b],
"confidence":…}]}]}) and keeps the matched pairs of confidence --min or more. `pairs` reads
peer_dedupe.py's output (line_a<TAB>line_b<TAB>…). Both sides are closed transitively before they are
compared: a paper planted twice makes three lines that all match, and a finder that links a-b and
b-c has said a-c. Prints one line of key=value fields.
"""
import argparse
import itertools
import json
import sys

LEVELS = ["possible", "likely", "duplicate"]


def closed_pairs(links):
    """All pairs of lines inside the connected components of `links`."""
    parent = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    groups = {}
    for x in list(parent):
        groups.setdefault(root(x), []).append(x)
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}


def truth_pairs(path):
    truth = json.load(open(path, encoding="utf-8"))
    return closed_pairs((p["line_a"], p["line_b"]) for p in truth["pairs"])


def found_from_clusters(path, minimum):
    report = json.load(open(path, encoding="utf-8"))
    keep = set(LEVELS[LEVELS.index(minimum):])
    links = [tuple(r["lines"]) for c in report["clusters"] for r in c["reasons"] if r["confidence"] in keep]
    return closed_pairs(links)


def found_from_pairs(path):
    links = []
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 2 and fields[0].isdigit() and fields[1].isdigit():
            links.append((int(fields[0]), int(fields[1])))
    return closed_pairs(links)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["clusters", "pairs"])
    ap.add_argument("found")
    ap.add_argument("truth")
    ap.add_argument("--min", default="likely", choices=LEVELS, help="lowest confidence counted (clusters)")
    ap.add_argument("--label", default="")
    a = ap.parse_args(argv)
    want = truth_pairs(a.truth)
    got = found_from_clusters(a.found, a.min) if a.kind == "clusters" else found_from_pairs(a.found)
    hit = len(want & got)
    precision = hit / len(got) if got else 1.0
    recall = hit / len(want) if want else 1.0
    label = f"{a.label} " if a.label else ""
    print(f"{label}planted_pairs={len(want)} found_pairs={len(got)} true={hit} "
          f"false={len(got - want)} missed={len(want - got)} precision={precision:.4f} recall={recall:.4f}")


if __name__ == "__main__":
    sys.exit(main())

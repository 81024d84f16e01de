#!/usr/bin/env python3
"""Writes N new paper entries as JSON for `fmadd add --from`: made-up titles that match nothing
in a generated list, in every category and in years that the list has and has not. Seeded."""
import json
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261201)
syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "zen", "pra", "qua", "dex", "lum", "tor", "bix",
             "gal", "fen", "hor", "jup", "wex", "oct", "yar", "sul", "ivi", "mod"]
word = lambda: "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
categories = ["lfm", "vfm", "bfm", "mfm"]
entries = []
for i in range(n):
    title = " ".join(word() for _ in range(rng.randint(6, 10))).capitalize()
    year = 2017 + i % 10
    entries.append({"category": categories[i % 4], "year": year, "venue": "arXiv", "title": title,
                    "links": {"paper": f"https://arxiv.org/abs/{year % 100:02d}{i % 12 + 1:02d}.{50000 + i}"}})
json.dump(entries, open(out, "w"))

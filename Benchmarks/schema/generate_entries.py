#!/usr/bin/env python3
"""Writes N paper entries (entry.schema.json instances) as JSON Lines, deterministically.

Most entries look like the healthcare list's; about 3% break one rule of the schema (a title
with Markdown link syntax, a javascript: link, a year out of range, ...) and about 1% have a
plain http link (a warning, not an error).

usage: generate_entries.py N OUT.jsonl
"""
import json
import random
import sys

WORDS = (
    "foundation model medical image segmentation language clinical pathology vision multimodal "
    "pre-training self-supervised learning large-scale benchmark generalist radiology report "
    "generation genomics protein single-cell transformer contrastive representation diffusion "
    "zero-shot few-shot instruction tuning dataset evaluation retrieval question answering "
    "electronic health records whole-slide ophthalmology dermatology endoscopy ultrasound"
).split()
SPECIAL = ["Med-PaLM", "SAM", "CLIP", "GPT-4", "BERT", "LLaMA", "Ü-Net", "医学", "ViT", "DNA", "scRNA-seq"]
VENUES = ["arXiv", "Nature Medicine", "Nature", "MICCAI", "ICLR 2024", "NeurIPS", "CVPR", "Nature Communications",
          "Bioinformatics", "Radiology", "The Lancet Digital Health", "npj Digital Medicine", "ACL", "EMNLP"]
CATEGORIES = ["lfm", "vfm", "bfm", "mfm"]
HOSTS = ["https://arxiv.org/abs/{a}.{b:05d}", "https://www.nature.com/articles/s41591-0{a}-0{b:04d}-3",
         "https://www.biorxiv.org/content/10.1101/{a}.{b:05d}v1", "https://openreview.net/forum?id=x{b}",
         "https://ieeexplore.ieee.org/document/{b}{a}"]


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 14))]
    if rng.random() < 0.4:
        words.insert(0, rng.choice(SPECIAL) + ":")
    text = " ".join(words)
    return text[0].upper() + text[1:]


def valid_entry(rng, index):
    entry = {"category": rng.choice(CATEGORIES), "year": rng.randint(2018, 2025)}
    if rng.random() < 0.9:
        entry["venue"] = rng.choice(VENUES)
    entry["title"] = title(rng)
    links = {"paper": rng.choice(HOSTS).format(a=rng.randint(1800, 2412), b=index % 100000)}
    if rng.random() < 0.7:
        links["code"] = f"https://github.com/lab{index % 997}/{rng.choice(WORDS)}-{index}"
    if rng.random() < 0.1:
        links["project"] = f"https://lab{index % 101}.github.io/{rng.choice(WORDS)}/"
    entry["links"] = links
    return entry


BREAKS = [
    lambda e, r: e.__setitem__("title", e["title"] + " [demo](https://x.org)"),
    lambda e, r: e.__setitem__("title", e["title"].replace(" ", " | ", 1)),
    lambda e, r: e.__setitem__("title", e["title"].replace(" ", "\n", 1)),
    lambda e, r: e.__setitem__("title", e["title"] + " \u202e"),
    lambda e, r: e.__setitem__("title", ""),
    lambda e, r: e.__setitem__("title", " " + e["title"]),
    lambda e, r: e.__setitem__("title", e["title"] * 40),
    lambda e, r: e["links"].__setitem__("paper", "javascript:alert(1)"),
    lambda e, r: e["links"].__setitem__("code", "github.com/x/y"),
    lambda e, r: e["links"].__setitem__("paper", "https://example.org/a paper.pdf"),
    lambda e, r: e["links"].__setitem__("paper", "file:///etc/passwd"),
    lambda e, r: e.__setitem__("year", r.choice([1899, 2100, 1066])),
    lambda e, r: e.__setitem__("year", str(e["year"])),
    lambda e, r: e["links"].pop("paper"),
    lambda e, r: e.__setitem__("authors", "A. Author et al."),
    lambda e, r: e.__setitem__("category", e["category"].upper()),
    lambda e, r: e.__setitem__("venue", "[" + r.choice(VENUES) + "]"),
]


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20240601)
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            entry = valid_entry(rng, index)
            roll = rng.random()
            if roll < 0.03:
                rng.choice(BREAKS)(entry, rng)
            elif roll < 0.04:
                entry["links"]["paper"] = entry["links"]["paper"].replace("https://", "http://", 1)
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

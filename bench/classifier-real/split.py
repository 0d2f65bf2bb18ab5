#!/usr/bin/env python3
"""Split the paper's human-labelled failures into a development part and a held-out part.

usage: split.py judge_validation_set.json OUT_DIR

The split is fixed before anyone reads a sample: within each human label, samples are ordered
by the SHA-256 of their id and every third one (positions 2, 5, 8, ...) is held out. The
held-out file is only ever passed to `decaybench classify --eval`, once, after the rules are
frozen. Writes OUT_DIR/dev.json and OUT_DIR/heldout.json (the same objects, unchanged).
"""
import hashlib
import json
import sys
from collections import defaultdict


def main(src, out_dir):
    samples = json.load(open(src))
    by_label = defaultdict(list)
    for s in samples:
        by_label[s["human_subcategory"]].append(s)
    dev, held = [], []
    for label in sorted(by_label):
        ordered = sorted(by_label[label], key=lambda s: hashlib.sha256(s["id"].encode()).hexdigest())
        for i, s in enumerate(ordered):
            (held if i % 3 == 2 else dev).append(s)
    for name, part in (("dev", dev), ("heldout", held)):
        with open(f"{out_dir}/{name}.json", "w") as f:
            json.dump(part, f, indent=1)
    print(f"dev {len(dev)}, held-out {len(held)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Samples for calibrating TokenEstimator against OpenAI's cl100k_base tokenizer.

Counts come from the `bpe-openai` package (0.1.4, `pip install bpe-openai`), which ships the
cl100k_base vocabulary, so this runs offline. Sources, 2,000-character windows picked with a fixed seed (three per prose file, one per code file):
- prose: the licence texts in /usr/share/common-licenses (Debian base-files) and this package's docs/*.md;
- code: the Python standard library's *.py files and this package's Sources/**/*.swift.
Run from the package root: python3 Tests/Fixtures/tokens/generate.py (rewrites samples.jsonl).
"""
import glob
import json
import os
import random
import sysconfig

import bpe_openai

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def main():
    encoding = bpe_openai.get_encoding("cl100k_base")
    rng = random.Random(20261125)
    stdlib = sysconfig.get_paths()["stdlib"]
    sources = {
        "prose": sorted(glob.glob("/usr/share/common-licenses/*"))[:20] + sorted(glob.glob(os.path.join(ROOT, "docs/*.md"))),
        "code": sorted(rng.sample(sorted(glob.glob(stdlib + "/*.py")), 20)) + sorted(glob.glob(os.path.join(ROOT, "Sources/**/*.swift"), recursive=True))[:20],
    }
    samples = []
    for kind, paths in sources.items():
        for path in paths:
            try:
                text = open(path, encoding="utf-8").read()
            except (UnicodeDecodeError, IsADirectoryError):
                continue
            if len(text) < 2500:
                continue
            for _ in range(3 if kind == "prose" else 1):
                start = rng.randrange(0, len(text) - 2000)
                window = text[start:start + 2000]
                samples.append({"kind": kind, "source": os.path.relpath(path, ROOT) if path.startswith(ROOT) else path,
                                "text": window, "cl100k": len(encoding.encode(window))})
    with open(os.path.join(HERE, "samples.jsonl"), "w", encoding="utf-8") as handle:
        for sample in samples:
            handle.write(json.dumps(sample, ensure_ascii=False) + "\n")
    for kind in sources:
        print(kind, sum(1 for s in samples if s["kind"] == kind), "samples")


if __name__ == "__main__":
    main()

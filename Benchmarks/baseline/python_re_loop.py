#!/usr/bin/env python3
"""The usual Python guardrail: a loop over regular expressions with `re`, on the same texts and patterns.

    python3 python_re_loop.py PATTERNS.json STREAM.jsonl

PATTERNS.json and STREAM.jsonl come from `benchmark-corpus --patterns ... --out ...` (the policy's own
patterns and the deterministic chat stream). Each record runs every pattern of its direction's chain
with `finditer`, as a naive Python guardrail does. Patterns that `re` cannot compile (PCRE-only syntax
such as \\K or \\p{...}) are left out and counted; the report says how many. Prints one JSON object.
"""
import json
import re
import statistics
import sys
import time


def main() -> None:
    patterns_path, stream_path = sys.argv[1], sys.argv[2]
    compiled = {"input": [], "output": []}
    skipped = []
    for entry in json.load(open(patterns_path, encoding="utf-8")):
        flags = re.IGNORECASE if entry["caseless"] else 0
        try:
            compiled[entry["direction"]].append(re.compile(entry["source"], flags))
        except re.error as error:
            skipped.append(f'{entry["rule"]}: {error}')
    records = [json.loads(line) for line in open(stream_path, encoding="utf-8")]
    total_bytes = sum(len(record["text"].encode("utf-8")) for record in records)

    latencies = []
    matches = 0
    started = time.perf_counter()
    for record in records:
        record_started = time.perf_counter()
        text = record["text"]
        for pattern in compiled[record.get("direction", "input")]:
            for _ in pattern.finditer(text):
                matches += 1
        latencies.append(time.perf_counter() - record_started)
    elapsed = time.perf_counter() - started

    latencies.sort()
    print(json.dumps({
        "engine": "python re loop",
        "records": len(records),
        "bytes": total_bytes,
        "seconds": round(elapsed, 3),
        "mb_per_s": round(total_bytes / 1e6 / elapsed, 3),
        "p50_us": round(statistics.median(latencies) * 1e6, 1),
        "p99_us": round(latencies[int(0.99 * (len(latencies) - 1))] * 1e6, 1),
        "patterns": {direction: len(items) for direction, items in compiled.items()},
        "patterns_skipped": len(skipped),
        "matches": matches,
    }))
    for reason in skipped:
        print(f"skipped (re cannot compile it): {reason}", file=sys.stderr)


if __name__ == "__main__":
    main()

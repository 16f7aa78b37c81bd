"""Python throughput against Rust's, on the corpus of the Rust throughput example.

    python python/bench/throughput.py [MB]     # default 10

The corpus is built as `examples/throughput.rs` builds it: the seed article repeated to
at least MB megabytes, then the inputs of the conformance cases, a line each; its lines
are extracted with ``zhfacts.extract_many(lines, threads=1)`` (dicts made and all), the
fastest of ROUNDS rounds (default 5). Then the Rust example runs on the same corpus
(``cargo run --release --example throughput MB extract``, ROUNDS rounds); the two
alternate PAIRS times (default 3), each side's fastest round counts, and the ratio is
printed last: ``python/rust throughput ratio: R``.
"""

import json
import os
import pathlib
import re
import subprocess
import sys
import time

import zhfacts

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONFORMANCE = [
    "recognizers-zh-number.jsonl",
    "recognizers-zh-number-with-unit.jsonl",
    "duckling-zh.jsonl",
]


def corpus(mb: int) -> str:
    seed = (ROOT / "fixtures" / "haimen-2022.txt").read_text(encoding="utf-8")
    parts, size = [], 0
    while size < mb << 20:
        parts.append(seed + "\n")
        size += len(seed.encode("utf-8")) + 1
    for name in CONFORMANCE:
        for line in (ROOT / "fixtures" / "conformance" / name).read_text(encoding="utf-8").splitlines():
            try:
                case = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(case, dict) and isinstance(case.get("input"), str):
                parts.append(case["input"] + "\n")
    return "".join(parts)


def main() -> None:
    mb = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rounds = int(os.environ.get("ROUNDS", "5"))
    text = corpus(mb)
    # As Rust's str::lines: split at \n, a trailing \r dropped.
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    size = len(text.encode("utf-8"))
    zhfacts.extract_many(lines[:100], threads=1)
    # The two sides alternate, PAIRS times (default 3), and each one's fastest round counts:
    # on a shared machine a stretch of minutes may run slower, and both sides get the same
    # chances.
    best, facts, rust_mbs = float("inf"), 0, 0.0
    for _ in range(int(os.environ.get("PAIRS", "3"))):
        for _ in range(rounds):
            start = time.perf_counter()
            result = zhfacts.extract_many(lines, threads=1)
            best = min(best, time.perf_counter() - start)
            facts = sum(map(len, result))
            del result
        rust = subprocess.run(
            ["cargo", "run", "--quiet", "--release", "--example", "throughput", str(mb), "extract"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, ROUNDS=str(rounds)),
        ).stdout
        rust_mbs = max(rust_mbs, float(re.search(r"zhfacts extract:\s+([\d.]+) MB/s", rust).group(1)))
    python_mbs = size / best / 1e6
    print(f"corpus: {size / 1e6:.1f} MB in {len(lines)} lines")
    print(f"python extract_many(threads=1): {python_mbs:8.1f} MB/s  ({facts} facts)")
    print(f"rust extract (throughput example): {rust_mbs:8.1f} MB/s")
    print(f"python/rust throughput ratio: {python_mbs / rust_mbs:.2f}")


if __name__ == "__main__":
    main()

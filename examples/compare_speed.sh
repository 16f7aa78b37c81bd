#!/bin/sh
# Compares the throughput example of two revisions, alternating their runs.
#
#   examples/compare_speed.sh REV_A REV_B [PAIRS] [MB]     # e.g. 33cd7f1 HEAD 10 2
#
# Each revision is checked out in a temporary worktree and its throughput example built
# with every function aligned to 64 bytes (RUSTFLAGS `-C llvm-args=-align-all-functions=6`):
# without it, a change anywhere in the crate moves jieba's code by a multiple of 16 bytes,
# and `cut` alone ran 9% faster in one build than in the build before with the same jieba
# (session 11), which moves the ratio as much as a real change. The two builds then run
# PAIRS times each (default 10), A then B, on MB megabytes (default 2), ROUNDS rounds each
# (default 10); printed per revision: the median and the best of `cut`'s and `extract`'s
# MB/s and of their ratio. On a shared machine the best is the steadier figure.
set -eu
[ $# -ge 2 ] || { echo "usage: examples/compare_speed.sh REV_A REV_B [PAIRS] [MB]" >&2; exit 2; }
pairs=${3:-10} mb=${4:-2}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/a" 2>/dev/null; git worktree remove --force "$work/b" 2>/dev/null; rm -rf "$work"' EXIT
for side in a b; do
    if [ $side = a ]; then rev=$1; else rev=$2; fi
    git worktree add --quiet --detach "$work/$side" "$rev"
    (cd "$work/$side" && RUSTFLAGS="-C llvm-args=-align-all-functions=6" CARGO_TARGET_DIR="$work/target-$side" \
        cargo build --quiet --release --example throughput)
done
i=0
while [ $i -lt "$pairs" ]; do
    for side in a b; do
        ROUNDS=${ROUNDS:-10} "$work/target-$side/release/examples/throughput" "$mb" |
            awk -v side=$side '/jieba cut/ { c = $4 } /zhfacts extract/ { e = $3 } END { print side, c, e }'
    done
    i=$((i + 1))
done | python3 -c '
import statistics, sys
runs = {}
for line in sys.stdin:
    side, cut, extract = line.split()
    runs.setdefault(side, []).append((float(cut), float(extract)))
for side, name in (("a", sys.argv[1]), ("b", sys.argv[2])):
    cut = [c for c, _ in runs[side]]
    ext = [e for _, e in runs[side]]
    ratio = [e / c for c, e in runs[side]]
    print(f"{name:>12}: cut {statistics.median(cut):5.1f} (best {max(cut):5.1f}) MB/s, "
          f"extract {statistics.median(ext):5.1f} (best {max(ext):5.1f}) MB/s, "
          f"ratio {statistics.median(ratio):.3f} (of the bests {max(ext) / max(cut):.3f})")
' "$1" "$2"

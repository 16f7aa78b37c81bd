#!/bin/sh
# Scores the facts of a folder of reports against their gold, with the project's scorer.
#
#   examples/score.sh DOCS GOLD [YEARS]        # e.g. ../shared/dev/docs ../shared/dev/gold ../shared/dev/years.tsv
#
# DOCS/NAME.txt are the reports and GOLD/NAME.jsonl their gold; YEARS, a file of lines
# `NAME<TAB>YEAR` (`-` when unknown), gives each report's year to `--year`. The facts of
# each report (the `facts` example, `--jsonl`) go to a temporary folder, which the scorer
# (SCORER, by default ../shared/eval/score.py) reads with `--dirs`; SHOW is the number of
# misses and false positives it lists per kind (default 0: the figures alone).
set -eu
[ $# -ge 2 ] || { echo "usage: examples/score.sh DOCS GOLD [YEARS]" >&2; exit 2; }
docs=$1 gold=$2 years=${3:-}
scorer=${SCORER:-$(dirname "$0")/../../shared/eval/score.py}
cargo build --quiet --release --example facts
facts=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')/release/examples/facts
preds=$(mktemp -d)
trap 'rm -rf "$preds"' EXIT
for doc in "$docs"/*.txt; do
    name=$(basename "$doc" .txt)
    year=
    if [ -n "$years" ]; then
        year=$(awk -F '\t' -v n="$name" '$1 == n { print $2 }' "$years")
    fi
    if [ -n "$year" ] && [ "$year" != "-" ]; then
        "$facts" --jsonl --year "$year" "$doc" > "$preds/$name.jsonl"
    else
        "$facts" --jsonl "$doc" > "$preds/$name.jsonl"
    fi
done
python3 "$scorer" --dirs "$docs" "$gold" "$preds" --show "${SHOW:-0}"

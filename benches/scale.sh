#!/bin/sh
# Sizes at national scale (issue #15 item 8): writes a generated corpus of REGIONS regions
# (default 2000) with examples/gen_corpus.rs, builds it, and prints the largest HTML pages,
# the HTML pages over 1 MiB, and every open-data file with its size (the records' parts and
# the comparisons' shards summed). Measured, never asserted: tests/it/scale.rs asserts the
# bounds on 100 regions.
#
# usage: benches/scale.sh [REGIONS]      (needs `cargo build --release --examples --bins`)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
regions=${1:-2000}
bin="$repo/target/release/casebook"
gen="$repo/target/release/examples/gen_corpus"
for b in "$bin" "$gen"; do
  if [ ! -x "$b" ]; then
    echo "no $b: build it with \`cargo build --release --examples --bins\`" >&2
    exit 2
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" --regions "$regions" --out "$tmp/corpus" --repo "$repo" | tail -n 1
"$bin" build --root "$tmp/corpus" --out "$tmp/out" 2>&1 | tail -n 1
cd "$tmp/out"
echo "largest HTML pages (bytes):"
find . -name '*.html' -printf '%s %p\n' | sort -rn | head -n 10
echo "HTML pages over 1 MiB: $(find . -name '*.html' -size +1024k | wc -l)"
echo "open data (bytes):"
find data -maxdepth 1 -type f -printf '%s %p\n' | sort -rn
if [ -d data/records ]; then
  parts=$(find data/records -type f | wc -l)
  total=$(find data/records -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  largest=$(find data/records -type f -printf '%s %p\n' | sort -rn | head -n 1)
  echo "records' parts: $parts files, $total bytes in all, the largest $largest"
fi
if [ -d data/compare ]; then
  shards=$(find data/compare -type f | wc -l)
  total=$(find data/compare -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  largest=$(find data/compare -type f -printf '%s %p\n' | sort -rn | head -n 1)
  echo "comparisons' shards: $shards files, $total bytes in all, the largest $largest"
fi

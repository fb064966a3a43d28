#!/bin/sh
# Time `casebook check` on every fixture of tests/fixtures/invalid/ (issue #20: "each `check`
# finishes within 2 s"). Each fixture is laid out with materialise.sh, as the tests do, and
# checked RUNS times (default 3) with /usr/bin/time; the table shows the slowest run of each
# (wall seconds, peak resident memory), then the maximum, the median and the slowest three.
# Measured, never asserted: the tests only guard against hangs.
#
# usage: benches/fixtures.sh [BINARY]     (default: target/release/casebook)
#        RUNS=5 benches/fixtures.sh
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$repo/target/release/casebook}
runs=${RUNS:-3}
if [ ! -x "$bin" ]; then
  echo "no $bin: build it with \`cargo build --release\`" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time as /usr/bin/time (Debian: apt-get install time)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixtures="$repo/tests/fixtures/invalid"
results="$tmp/results"
: > "$results"
printf '%-28s %8s %12s %5s\n' fixture seconds 'max RSS KiB' exit
for dir in "$fixtures"/*/; do
  name=$(basename "$dir")
  site="$tmp/$name"
  sh "$fixtures/materialise.sh" "$name" "$site"
  worst_secs=0
  worst_kib=0
  i=0
  while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    code=0
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" check --root "$site" >/dev/null 2>&1 || code=$?
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    set -- $(tail -n 1 "$tmp/time")
    worst_secs=$(echo "$worst_secs $1" | awk '{ printf "%.2f", ($2 > $1) ? $2 : $1 }')
    worst_kib=$(echo "$worst_kib $2" | awk '{ print ($2 > $1) ? $2 : $1 }')
  done
  printf '%-28s %8s %12s %5s\n' "$name" "$worst_secs" "$worst_kib" "$code"
  printf '%s %s %s\n' "$worst_secs" "$worst_kib" "$name" >> "$results"
  rm -rf "$site"
done
count=$(wc -l < "$results")
echo
echo "$count fixtures, slowest of $runs runs each, $bin"
sort -n "$results" | awk -v n="$count" '
  { secs[NR] = $1; kib[NR] = $2; name[NR] = $3; if ($2 > maxkib) maxkib = $2 }
  END {
    median = (n % 2) ? secs[(n + 1) / 2] : (secs[n / 2] + secs[n / 2 + 1]) / 2
    printf "max %.2f s (%s), median %.2f s, max RSS %d KiB\n", secs[n], name[n], median, maxkib
    printf "slowest three: %s %.2f s, %s %.2f s, %s %.2f s\n", name[n], secs[n], name[n - 1], secs[n - 1], name[n - 2], secs[n - 2]
  }'

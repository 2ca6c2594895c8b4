#!/usr/bin/env bash
# Peak memory (maximum resident set size) of `edx batch` over archives of 1,000, 10,000 and
# 100,000 studies, with the index and JSON reports written. Builds edx in release mode first.
#
#   scripts/batch-memory.sh [COUNTS...]        (default: 1000 10000 100000)
#
# Prints one line per archive: studies, seconds, studies per second, peak RSS in MiB, and the ratio
# of each peak to the first. The claim checked: peak memory does not grow with the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000 100000)
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 3; }
swift build -c release --product edx >&2
edx=.build/release/edx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first=""
printf "%10s %9s %10s %12s %8s\n" studies seconds studies/s "peak MiB" ratio
for n in "${counts[@]}"; do
    scripts/make-case-archive.py "$n" "$work/archive-$n.xml"
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss-$n" "$edx" batch "$work/archive-$n.xml" --out "$work/out-$n" \
        --reports json --quiet
    end=$(date +%s.%N)
    kib=$(tail -n 1 "$work/rss-$n")
    seconds=$(python3 -c "print(f'{$end - $start:.1f}')")
    rate=$(python3 -c "print(f'{$n / ($end - $start):.0f}')")
    mib=$(python3 -c "print(f'{$kib / 1024:.1f}')")
    [ -n "$first" ] || first=$kib
    ratio=$(python3 -c "print(f'{$kib / $first:.2f}')")
    printf "%10s %9s %10s %12s %8s\n" "$n" "$seconds" "$rate" "$mib" "$ratio"
    rm -rf "$work/out-$n" "$work/archive-$n.xml"
done

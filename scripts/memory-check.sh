#!/usr/bin/env bash
# Flat-memory check for archive import: generates XML and measurements-csv archives of 1,000,
# 10,000 and 100,000 studies, imports each with the release build and reports peak RSS
# (GNU time's maximum resident set size). Memory must not grow with the number of studies.
# Usage: scripts/memory-check.sh [work dir]   (needs /usr/bin/time; installs it if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || sudo apt-get install -y -qq time; }
swift build -c release --product edx >/dev/null
python3 scripts/make-archive.py --out "$work" --counts 1000 10000 100000
printf "%-18s %10s %10s %12s\n" format studies seconds peak-RSS-KiB
for format in xml csv; do
    for n in 1000 10000 100000; do
        file="$work/archive-$n.$format"
        /usr/bin/time -f "%e %M" -o "$work/time.txt" .build/release/edx import "$file" >/dev/null 2>"$work/err.txt" || true
        read -r seconds rss < "$work/time.txt"
        printf "%-18s %10d %10s %12s\n" "$format" "$n" "$seconds" "$rss"
    done
done

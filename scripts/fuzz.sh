#!/usr/bin/env bash
# Bounded fuzzing of the three readers with libFuzzer (Swift's -sanitize=fuzzer, with AddressSanitizer).
# Each target drives the whole pipeline: import, interpretation, localization, text and JSON report.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
#   scripts/fuzz.sh --runs N                 (N inputs per target with a fixed seed: what CI runs,
#                                             the same inputs every time)
#
# Seeds come from Fixtures/. A crash leaves its input in Fuzz/artifacts/<target>/ and fails the
# script (exit 1); copy it to Fixtures/fuzz/<target>/ so that FuzzRegressionTests keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
limit="-max_total_time=${1:-30}"
describe="${1:-30}s"
if [ "${1:-}" = "--runs" ]; then
    limit="-runs=${2:?--runs needs a number} -seed=20261121"
    describe="$2 runs"
fi
root=$(pwd)
echo "== build fuzz targets (sanitizers: fuzzer, address)"
(cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -n 3)
bin=$(cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)
status=0
seed() { # target, then fixture globs
    local target=$1; shift
    mkdir -p "Fuzz/corpus/$target" "Fuzz/artifacts/$target"
    for pattern in "$@"; do
        for file in $pattern; do [ -f "$file" ] && cp "$file" "Fuzz/corpus/$target/" || true; done
    done
    if [ -d "Fixtures/fuzz/$target" ]; then cp Fixtures/fuzz/"$target"/* "Fuzz/corpus/$target/" 2>/dev/null || true; fi
}
seed fuzz-xml "Fixtures/examples/*.xml" "Fixtures/import/xml/*.xml" "Fixtures/import/broken/*.xml" "Fixtures/hostile/*.xml" "Fixtures/cases/0*.xml"
seed fuzz-measurements-csv "Fixtures/examples/archive-two-studies.csv" "Fixtures/import/measurements/*.csv" "Fixtures/import/broken/*.csv" "Fixtures/hostile/*.csv"
seed fuzz-summary-csv "Fixtures/examples/l5-*.csv" "Fixtures/import/summary/*.csv" "Fixtures/import/broken/*summary*.csv"
for target in fuzz-xml fuzz-measurements-csv fuzz-summary-csv; do
    echo "== $target, $describe"
    # shellcheck disable=SC2086
    if ! "$bin/$target" "Fuzz/corpus/$target" $limit -max_len=65536 -timeout=30 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$root/Fuzz/artifacts/$target/" \
        > "Fuzz/artifacts/$target.log" 2>&1; then
        echo "$target: crash, input in Fuzz/artifacts/$target/" >&2
        grep -E "ERROR|Fatal error|SUMMARY" "Fuzz/artifacts/$target.log" | head -n 5 >&2 || true
        status=1
    fi
    grep -E "stat::number_of_executed_units|cov:" "Fuzz/artifacts/$target.log" | tail -n 2
done
exit $status

#!/usr/bin/env bash
# Prints an `edx report` text report to PDF with enscript and ps2pdf (installed by
# `scripts/bootstrap.sh pdf`), one report page per PDF page.
#
#   scripts/report-pdf.sh REPORT.txt OUT.pdf [--media A4|Letter] [--lines 66]
#
# The report must be 80 columns wide (the default of `edx report`): Courier 10 pt with these margins
# holds exactly 80 characters, so a wider line would wrap, and the script fails rather than print it.
# --lines must match `edx report --page-length` (default 66). UTF-8 is converted to Latin-1 (µ and °
# are kept); use `edx report --ascii` for anything outside Latin-1.
# Exit codes: 0 printed; 2 usage; 3 a tool is missing; 4 a line was wider than 80 columns.
set -euo pipefail
usage() { echo "usage: $0 REPORT.txt OUT.pdf [--media A4|Letter] [--lines N]" >&2; exit 2; }
[ $# -ge 2 ] || usage
input=$1 output=$2; shift 2
media=A4 lines=66
while [ $# -gt 0 ]; do
    case "$1" in
        --media) media=${2:-}; shift 2 ;;
        --lines) lines=${2:-}; shift 2 ;;
        *) usage ;;
    esac
done
case "$media" in
    A4) margins=50:50:36:36 ;;      # 595 pt wide: 495 pt of text, 80 Courier-10 characters
    Letter) margins=58:59:30:30 ;;  # 612 x 792 pt: the same 495 pt of width; 66 lines need the height
    *) usage ;;
esac
for tool in enscript ps2pdf iconv; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is missing; run scripts/bootstrap.sh pdf" >&2; exit 3; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
iconv -f UTF-8 -t ISO-8859-1//TRANSLIT "$input" > "$work/report.latin1"
enscript --no-header --lines-per-page="$lines" --font=Courier10 --media="$media" --margins="$margins" \
    --encoding=latin1 --output="$work/report.ps" "$work/report.latin1" 2> "$work/enscript.log" || {
    cat "$work/enscript.log" >&2; exit 1; }
if grep -q "wrapped" "$work/enscript.log"; then
    echo "$0: $(grep wrapped "$work/enscript.log") (wider than 80 columns)" >&2
    exit 4
fi
ps2pdf "$work/report.ps" "$output.tmp" && mv "$output.tmp" "$output"

#!/usr/bin/env bash
# Renders the PDF report of the left peroneal example to the PNG images of docs/reports.md (page 1,
# and the page with the lesion diagram), with poppler's pdftoppm (scripts/bootstrap.sh pdf).
# Run after a change of the PDF layout, from a built checkout (swift build).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null 2>&1 || { echo "$0: pdftoppm is missing; run scripts/bootstrap.sh pdf" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/edx report --format pdf --out "$work/report.pdf" Fixtures/examples/peroneal-fibular-head-left.xml
diagram=$(pdftotext -layout "$work/report.pdf" - | awk -v RS='\f' '/Lesion diagram/ { print NR; exit }')
rm -f docs/images/report-page-*.png
pdftoppm -r 70 -png -f 1 -l 1 "$work/report.pdf" docs/images/report-page
pdftoppm -r 70 -png -f "$diagram" -l "$diagram" "$work/report.pdf" docs/images/report-page
ls docs/images/report-page-*.png

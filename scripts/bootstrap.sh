#!/usr/bin/env bash
# Installs what a fresh machine of this kind may lack to build and test edx.
# Idempotent: does nothing when everything is present. Needs root (as on CI) or sudo.
set -euo pipefail
need=()
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
for tool in "$@"; do
    case "$tool" in
        xmllint) command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils) ;;
        time) [ -x /usr/bin/time ] || need+=(time) ;;
        # The PDF tests check edx's own PDF with real tools: qpdf --check, and pdftotext, pdfinfo and
        # pdftoppm from poppler-utils.
        pdf) command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
             command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils) ;;
        # The FHIR and HL7 validators run in a Python virtual environment (scripts/interop-validators.sh).
        interop) command -v python3 >/dev/null 2>&1 || need+=(python3)
                 python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv) ;;
    esac
done
validators() {
    for tool in "$@"; do
        if [ "$tool" = interop ]; then "$(dirname "$0")/interop-validators.sh"; fi
        # Chromium, chromedriver and Selenium for the viewer's browser test (docs/viewer.md).
        if [ "$tool" = viewer ]; then "$(dirname "$0")/viewer-browser.sh"; fi
    done
}
if [ ${#need[@]} -eq 0 ]; then
    validators "$@"
    exit 0
fi
echo "bootstrap: installing ${need[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
validators "$@"

#!/usr/bin/env bash
# Installs what the headless browser test of `edx serve` needs (docs/viewer.md): Chromium and its
# WebDriver from Debian's packages, and Selenium in a Python virtual environment at
# .build/viewer-venv, which scripts/browser_test.py and Tests/EDXViewerTests use. Idempotent: what
# is already there is left alone.
#
#   scripts/viewer-browser.sh          install (or confirm) chromium, chromium-driver and selenium
#
# Selenium is pinned (4.52.0 needs a certifi newer than the package index has); it is always given the Debian chromedriver, so it never downloads a driver or
# a browser of its own (the test also runs it with SE_OFFLINE=true).
# Exit codes: 0 installed; 3 python3 (with venv and pip) or apt-get is missing; 4 the install failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.build/viewer-venv"
selenium=4.51.0

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || { echo "$0: apt-get is missing: install chromium and chromium-driver" >&2; exit 3; }
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "viewer-browser: installing chromium and chromium-driver (Debian packages)" >&2
    $sudo apt-get update -qq >&2 || { echo "$0: apt-get update failed" >&2; exit 4; }
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2 \
        || { echo "$0: apt-get install chromium chromium-driver failed" >&2; exit 4; }
fi

command -v python3 >/dev/null 2>&1 || { echo "$0: python3 is missing" >&2; exit 3; }
installed() {
    "$venv/bin/python" - "$selenium" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if version("selenium") == sys.argv[1] else 1)
PY
}
if [ -x "$venv/bin/python" ] && installed; then
    exit 0
fi
echo "viewer-browser: installing selenium $selenium into $venv" >&2
mkdir -p "$root/.build"
python3 -m venv "$venv" || { echo "$0: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2; exit 3; }
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "selenium==$selenium" >&2 \
    || { echo "$0: pip install failed" >&2; exit 4; }
installed || { echo "$0: the installed selenium is not $selenium" >&2; exit 4; }

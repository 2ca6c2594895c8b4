#!/usr/bin/env bash
# Installs the validators of edx's FHIR R4 and HL7 v2.5.1 output (docs/interop.md) into a Python
# virtual environment at .build/interop-venv, which scripts/validate_interop.py and the tests of
# Tests/EDXInteropTests use. Idempotent: a venv that already has the pinned versions is left alone.
#
#   scripts/interop-validators.sh          install (or confirm) the validators
#
# Pins: fhir.resources 6.4.0 is the last release whose models are FHIR R4 (4.0.1): 6.5.0 models
# R4B (4.3.0), and from 7.0.0 on the package is R5 (checked with `fhir.resources.__fhir_version__`). It is written for pydantic 1 but does not bound it,
# and fails to import under pydantic 2: pydantic is pinned to 1.10.27. hl7apy 1.3.5 validates
# messages of v2.5.1.
# Exit codes: 0 installed; 3 python3 (with venv and pip) is missing; 4 the install failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.build/interop-venv"
fhir_resources=6.4.0
hl7apy=1.3.5
pydantic=1.10.27

command -v python3 >/dev/null 2>&1 || { echo "$0: python3 is missing" >&2; exit 3; }
installed() {
    "$venv/bin/python" - "$fhir_resources" "$hl7apy" "$pydantic" <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
pins = (version("fhir.resources"), version("hl7apy"), version("pydantic"))
sys.exit(0 if pins == tuple(sys.argv[1:4]) else 1)
EOF
}
if [ -x "$venv/bin/python" ] && installed; then
    exit 0
fi
echo "interop-validators: installing fhir.resources $fhir_resources, pydantic $pydantic and hl7apy $hl7apy" \
    "into $venv" >&2
mkdir -p "$root/.build"
python3 -m venv "$venv" || { echo "$0: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2; exit 3; }
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "fhir.resources==$fhir_resources" "pydantic[email]==$pydantic" "hl7apy==$hl7apy" >&2 || { echo "$0: pip install failed" >&2; exit 4; }
installed || { echo "$0: the installed versions are not the pinned ones" >&2; exit 4; }
# The models must be R4: fail loudly rather than validate against another FHIR version.
"$venv/bin/python" -c 'import fhir.resources as f, sys; sys.exit(0 if f.__fhir_version__ == "4.0.1" else 1)' \
    || { echo "$0: fhir.resources does not model FHIR 4.0.1" >&2; exit 4; }

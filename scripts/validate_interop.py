#!/usr/bin/env python3
"""Validates edx's FHIR R4 bundles and HL7 v2.5.1 ORU^R01 messages with independent validators.

    .build/interop-venv/bin/python scripts/validate_interop.py FILE_OR_FOLDER...

Files ending in .json are read as FHIR R4 Bundles, files ending in .hl7 as HL7 v2 messages;
folders are searched for both (not recursively). Install the validators first with
scripts/interop-validators.sh (docs/interop.md, "Validation").

FHIR: the file is parsed by fhir.resources (6.4.0, FHIR 4.0.1) as a Bundle, and every entry's
resource again as its own resource type, so that each resource is validated against its R4 model
(cardinalities, data types, required elements, primitive formats). On top of the models, the
script checks what they leave out: codes of required bindings whose complete list the model holds
(Bundle.type, Patient.gender; the models do not check them), every fullUrl unique, each resource's
id the UUID of its urn:uuid fullUrl, and every reference inside the bundle resolving to an entry.

HL7: the message is parsed by hl7apy (1.3.5) with validation level STRICT for the version in
MSH-12, and validated against the official v2.5.1 structures: segment groups and cardinalities,
required fields, data types, lengths and table values. OBX-5 is checked by this script against the
data type OBX-2 names, with hl7apy's data types (see validate_hl7). hl7apy reports table values and
maximum lengths as warnings, not errors; this script counts them as failures too, except the
warnings listed in ALLOWED_WARNINGS, each with the reason it is allowed.

Exit codes: 0 every file valid; 1 a file invalid; 2 usage (no file found); 3 validators missing.
"""

import base64
import json
import multiprocessing
import os
import re
import sys
import tempfile
from decimal import Decimal

try:
    import fhir.resources
    from fhir.resources import construct_fhir_element
    from fhir.resources.bundle import Bundle
    from fhir.resources.core.fhirabstractmodel import FHIRAbstractModel
    from hl7apy import load_reference
    from hl7apy.base_datatypes import FT, NM, ST, TX
    from hl7apy.consts import VALIDATION_LEVEL
    from hl7apy.parser import parse_message
    from hl7apy.validation import Validator
except ImportError as error:  # pragma: no cover - depends on the environment
    print(f"validate_interop: validators missing ({error}); run scripts/interop-validators.sh", file=sys.stderr)
    sys.exit(3)

# hl7apy warnings that are not failures, as (regular expression, reason). Each is a code that
# v2.5.1's tables predate and receivers of v2.5.1 messages read (docs/interop.md, "HL7 v2.5.1").
ALLOWED_WARNINGS = [
    (
        r"^Value UCUM not in table HL70396 in element OBX_6\.CE_3$",
        "OBX-6 units are UCUM; table 0396 of v2.5.1 has no code for UCUM, added in later versions.",
    ),
    (
        r"^Value I10C not in table HL70396 in element OBX_5\.CE_3$",
        "ICD-10-CM; table 0396 of v2.5.1 has only I10, the WHO ICD-10, which would misname the codes.",
    ),
    (
        r"^Value PDF not in table HL70291 in element OBX_5\.ED$",
        "ED-3 of the report PDF; table 0291 of v2.5.1 lists no PDF subtype, and receivers read PDF.",
    ),
]

UUID = re.compile(r"^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")


def references(value):
    """Every `reference` string anywhere inside a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def binding_problems(model, path):
    """Codes outside a required binding whose complete code list the model holds ("+" marks a list
    the model shortened, which cannot be checked)."""
    for name, field in model.__fields__.items():
        value = getattr(model, name, None)
        if value is None:
            continue
        allowed = field.field_info.extra.get("enum_values")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, FHIRAbstractModel):
                yield from binding_problems(item, f"{path}.{field.alias}")
            elif allowed and "+" not in allowed and isinstance(item, str) and item not in allowed:
                yield f"{path}.{field.alias}: {item!r} is not one of {allowed}"


def validate_fhir(path):
    """Problems of one FHIR file; empty when it is a valid R4 Bundle."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        data = json.loads(text)
    except ValueError as error:
        return [f"not JSON: {error}"]
    problems = []
    parsed = None
    try:
        parsed = Bundle.parse_raw(text)
        problems += [problem for problem in binding_problems(parsed, "Bundle") if ".entry." not in problem]
    except Exception as error:  # pydantic.ValidationError
        problems.append(f"not a valid R4 Bundle: {error}")
    full_urls = []
    for position, entry in enumerate(data.get("entry", [])):
        resource = entry.get("resource", {})
        kind = resource.get("resourceType", "?")
        try:
            # The Bundle's model validated each resource as its own type already; only a bundle that
            # failed is taken apart, to tell which resource failed.
            model = parsed.entry[position].resource if parsed else construct_fhir_element(kind, resource)
            problems += list(binding_problems(model, f"entry {position} ({kind})"))
        except Exception as error:
            problems.append(f"entry {position} ({kind}): {error}")
        full_url = entry.get("fullUrl", "")
        full_urls.append(full_url)
        match = UUID.match(full_url)
        if match is None:
            problems.append(f"entry {position} ({kind}): fullUrl {full_url!r} is not a urn:uuid")
        elif resource.get("id") != match.group(1):
            problems.append(f"entry {position} ({kind}): id {resource.get('id')!r} differs from its fullUrl")
    if len(set(full_urls)) != len(full_urls):
        problems.append("two entries share a fullUrl")
    for reference in references(data):
        if reference not in full_urls:
            problems.append(f"reference {reference!r} resolves to no entry of the bundle")
    return problems


OBX5_TYPES = {"FT", "ST", "TX", "NM", "CE", "ED"}
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def obx5_problems(value_type, value, position):
    """Problems of one OBX-5 value against the data type OBX-2 names, by hl7apy's own data types."""
    where = f"OBX {position} (OBX-2 {value_type})"
    if value_type not in OBX5_TYPES:
        return [f"{where}: a value type edx does not write"]
    problems, warnings = [], []
    components = value.split("^")
    try:
        if value_type in ("FT", "TX", "ST"):
            if len(components) > 1:
                problems.append(f"{where}: an unescaped component separator in text")
            {"FT": FT, "TX": TX, "ST": ST}[value_type](value, validation_level=VALIDATION_LEVEL.STRICT)
        elif value_type == "NM":
            if not NUMBER.match(value):
                problems.append(f"{where}: {value!r} is not an HL7 number")
            NM(Decimal(value), validation_level=VALIDATION_LEVEL.STRICT)
        elif value_type == "CE":
            if len(components) > 6:
                problems.append(f"{where}: more than the 6 components of CE")
            for component in components:
                ST(component, validation_level=VALIDATION_LEVEL.STRICT)
            if len(components) >= 3 and components[2] and components[2] not in table("HL70396"):
                warnings.append(f"Value {components[2]} not in table HL70396 in element OBX_5.CE_3")
        elif value_type == "ED":
            if len(components) != 5:
                return [f"{where}: ED has 5 components, not {len(components)}"]
            for component, name in ((components[1], "HL70191"), (components[2], "HL70291"), (components[3], "HL70299")):
                if component not in table(name):
                    warnings.append(f"Value {component} not in table {name} in element OBX_5.ED")
            if components[3] == "Base64":
                data = base64.b64decode(components[4], validate=True)
                if components[2] == "PDF" and not data.startswith(b"%PDF-"):
                    problems.append(f"{where}: the Base64 data is not a PDF")
    except Exception as error:
        problems.append(f"{where}: {type(error).__name__}: {error}")
    return problems + [f"Warning: {warning}" for warning in warnings]


def table(name):
    return load_reference(name, "Table", "2.5.1")[1]


def validate_hl7(path):
    """Problems of one HL7 file; empty when the message is valid v2.5.1 (STRICT).

    hl7apy 1.3.5 types OBX-5 (data type "varies") as ST whatever OBX-2 names, so under STRICT an
    impression longer than ST's 199 characters, or any encapsulated PDF, fails as too long. OBX-5 is
    therefore checked here against the data type that OBX-2 names, with hl7apy's own data type classes
    (FT up to 65536 characters, NM a number, CE components, ED with its tables and Base64 data), and
    hl7apy parses and validates the message with each OBX-5 replaced by a one-character stand-in.
    """
    with open(path, "rb") as handle:
        raw = handle.read()
    problems = []
    if b"\n" in raw:
        problems.append("segments must be separated by CR alone; the file has a line feed")
    text = raw.decode("utf-8")
    segments = text.split("\r")
    stand_ins = []
    for position, segment in enumerate(segments):
        fields = segment.split("|")
        if fields[0] == "OBX" and len(fields) > 5:
            problems += obx5_problems(fields[2], fields[5], fields[1])
            fields[5] = "x"
        stand_ins.append("|".join(fields))
    try:
        message = parse_message(
            "\r".join(stand_ins), validation_level=VALIDATION_LEVEL.STRICT, find_groups=True)
    except Exception as error:
        return problems + [f"hl7apy cannot parse it (STRICT): {type(error).__name__}: {error}"]
    descriptor, report = tempfile.mkstemp(suffix=".txt")
    os.close(descriptor)
    try:
        try:
            Validator.validate(message, report_file=report)
        except Exception as error:
            problems.append(f"{type(error).__name__}: {error}")
        with open(report, encoding="utf-8") as handle:
            lines = [line.rstrip("\n") for line in handle]
    finally:
        os.unlink(report)
    problems += [line for line in lines if line.startswith("Error: ") or line.startswith("Warning: ")]
    kept = []
    for problem in problems:
        if problem.startswith("Warning: "):
            warning = problem[len("Warning: "):]
            if any(re.match(pattern, warning) for pattern, _ in ALLOWED_WARNINGS):
                continue
        kept.append(problem)
    return list(dict.fromkeys(kept))


def files(arguments):
    """The .json and .hl7 files named, or found in the folders named, sorted."""
    found = []
    for argument in arguments:
        if os.path.isdir(argument):
            found += [os.path.join(argument, name) for name in sorted(os.listdir(argument))]
        else:
            found.append(argument)
    return [path for path in found if path.endswith(".json") or path.endswith(".hl7")]


def validate(path):
    """(path, kind, problems) of one file."""
    kind = "fhir" if path.endswith(".json") else "hl7"
    return path, kind, validate_fhir(path) if kind == "fhir" else validate_hl7(path)


def main(arguments):
    paths = files(arguments)
    if not paths:
        print("usage: validate_interop.py FILE_OR_FOLDER... (.json FHIR bundles, .hl7 messages)", file=sys.stderr)
        return 2
    invalid = 0
    counts = {"fhir": 0, "hl7": 0}
    # One process per core: hl7apy takes about a third of a second per message of a full study.
    with multiprocessing.Pool(min(os.cpu_count() or 1, len(paths))) as pool:
        results = pool.map(validate, paths, chunksize=4)
    for path, kind, problems in results:
        counts[kind] += 1
        if problems:
            invalid += 1
            print(f"INVALID {path}")
            for problem in problems:
                print(f"  {problem}")
    print(
        f"validate_interop: {len(paths) - invalid} of {len(paths)} files valid "
        f"({counts['fhir']} FHIR R4 bundles with fhir.resources {fhir.resources.__version__} "
        f"(FHIR {fhir.resources.__fhir_version__}), {counts['hl7']} HL7 v2.5.1 messages with hl7apy STRICT)"
    )
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

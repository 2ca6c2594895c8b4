#!/usr/bin/env python3
"""Writes an EDX Study XML archive of N studies for batch measurements (memory, throughput).

The studies are the hand-written cases of Fixtures/cases, repeated in turn, each copy with its own
study id (SYN-0000001 ...) and patient id, so that every study of the archive is distinct. This is a
load generator, not a source of clinical variety: accuracy is measured on Fixtures/cases only.

    scripts/make-case-archive.py N OUT.xml
"""
import glob
import os
import re
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "cases")
    bodies = []
    for path in sorted(glob.glob(os.path.join(root, "*.xml"))):
        text = open(path, encoding="utf-8").read()
        match = re.search(r"<EDXStudy[^>]*>(.*)</EDXStudy>", text, re.S)
        if match and "<Study>" in match.group(1):
            bodies.append(match.group(1))
    with open(out + ".partial", "w", encoding="utf-8") as archive:
        archive.write('<?xml version="1.0" encoding="UTF-8"?>\n<EDXArchive xmlns="urn:edx:study:1">\n')
        for number in range(count):
            body = bodies[number % len(bodies)]
            body = re.sub(r"(<Patient>\s*<ID>)[^<]*(</ID>)", rf"\g<1>SP-{number:07d}\g<2>", body, count=1)
            body = re.sub(r"(<Study>\s*<ID>)[^<]*(</ID>)", rf"\g<1>SYN-{number:07d}\g<2>", body, count=1)
            archive.write("<EDXStudy>" + body + "</EDXStudy>\n")
        archive.write("</EDXArchive>\n")
    os.replace(out + ".partial", out)


if __name__ == "__main__":
    main()

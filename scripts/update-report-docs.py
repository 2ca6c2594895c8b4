#!/usr/bin/env python3
"""Regenerates the example section of docs/reports.md from the built edx (.build/debug/edx).

Run after an intended change of the report output, with the snapshots
(EDX_UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests); ReportDocumentationTests fails until
the docs show the current report.
"""
import json
import os
import subprocess

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.chdir(root)
edx = ".build/debug/edx"
example = "Fixtures/examples/peroneal-fibular-head-left.xml"


def run(*args: str) -> str:
    return subprocess.run([edx, "report", *args, example], capture_output=True, text=True, check=True).stdout


text = run().replace("\f", "<form feed>\n")
markdown = run("--format", "markdown").split("\n")
document = json.loads(run("--format", "json"))
excerpt = {key: document[key] for key in ["schemaVersion", "generator", "limits", "patient", "study"]}
excerpt["motor"] = [document["motor"][2]]
excerpt["sideToSide"] = [row for row in document["sideToSide"] if row["abnormal"]][:1]
leading = document["impression"]["diagnoses"][0]
short = {key: leading[key] for key in
         ["rank", "code", "name", "side", "probability", "severity", "acuity", "pathophysiology", "icd10cm"]}
short["evidenceFor"] = leading["evidenceFor"][:1]
excerpt["impression"] = {"conclusion": document["impression"]["conclusion"],
                         "paragraphs": document["impression"]["paragraphs"][:1], "diagnoses": [short]}
cut = markdown.index("## Sensory nerve conduction")
impression = markdown.index("## Impression")
markdown_excerpt = "\n".join(markdown[:cut]).rstrip() + "\n\n…\n" + "\n".join(markdown[impression:]).rstrip() + "\n"

path = "docs/reports.md"
doc = open(path, encoding="utf-8").read()
head = doc[: doc.index("## Example: the left peroneal study")]
doc = (head + "## Example: the left peroneal study\n\n"
       + "`edx report Fixtures/examples/peroneal-fibular-head-left.xml` (form feeds shown as `<form feed>`):\n\n"
       + "```text\n" + text + "```\n\n"
       + "The same study in Markdown (`--format markdown`, middle sections left out here):\n\n"
       + "```markdown\n" + markdown_excerpt + "```\n\n"
       + "And in JSON (`--format json`; an excerpt: one motor row, the abnormal side-to-side comparison and the "
       + "leading diagnosis):\n\n"
       + "```json\n" + json.dumps(excerpt, indent=2, ensure_ascii=False) + "\n```\n")
open(path, "w", encoding="utf-8").write(doc)

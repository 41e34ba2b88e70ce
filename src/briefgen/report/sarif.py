"""SARIF 2.1.0, so that a code host shows the findings on the changed lines of a pull request.

Every code is a rule (documentation from `checks/`), every finding a result whose region
is the YAML line and column; columns count Unicode code points, as briefgen's do.
"""

from __future__ import annotations

import json
from typing import Sequence, TypedDict

from .. import __version__, checks
from ..model import Diagnostic

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


class Rule(TypedDict):
    """A SARIF reportingDescriptor, as `rules` writes one."""

    id: str
    name: str
    shortDescription: dict[str, str]
    fullDescription: dict[str, str]
    help: dict[str, str]
    defaultConfiguration: dict[str, str]


def rules() -> list[Rule]:
    found: list[Rule] = []
    for code, module in checks.registry().items():
        doc = (module.__doc__ or code).strip()
        found.append({
            "id": code,
            "name": "".join(part.title() for part in code.split("-")),
            "shortDescription": {"text": " ".join(doc.split("\n\n")[0].split())},
            "fullDescription": {"text": doc},
            "help": {"text": f"briefgen check --explain {code}\n\n{doc}"},
            "defaultConfiguration": {"level": module.SEVERITY},
        })
    return found


def result(d: Diagnostic, index: dict[str, int]) -> dict[str, object]:
    entry: dict[str, object] = {
        "ruleId": d.code,
        "level": d.severity,
        "message": {"text": d.message + (f"\nhint: {d.hint}" if d.hint else "")},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": d.where.file, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": d.where.line, "startColumn": d.where.column},
            }
        }],
    }
    if d.code in index:
        entry["ruleIndex"] = index[d.code]
    return entry


def render(diagnostics: Sequence[Diagnostic]) -> str:
    driver_rules = rules()
    index = {rule["id"]: i for i, rule in enumerate(driver_rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "briefgen", "version": __version__, "rules": driver_rules}},
            "columnKind": "unicodeCodePoints",
            "results": [result(d, index) for d in diagnostics],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

"""The catalogue lists the same id, or the same file, twice.

FAIL:

    - id: kazinform-2024
      file: 001_a758ae142db266b7.txt
    - id: kazinform-2024
      file: 003_d3d4d4c83b83724b.txt

PASS: every id and every file once.
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "duplicate-source"
SEVERITY: Severity = "error"


def check(ctx: Context) -> Iterator[Diagnostic]:
    ids: dict[str, int] = {}
    files: dict[str, int] = {}
    for source in ctx.dossier.sources:
        if source.id in ids:
            yield Diagnostic(source.at("id"), ID, SEVERITY,
                             f"source id {source.id!r} is listed twice (first at line {ids[source.id]})",
                             "give each source its own id")
        elif source.file in files:
            yield Diagnostic(source.at("file"), ID, SEVERITY,
                             f"seeds/{source.file} is catalogued twice (first at line {files[source.file]})",
                             "keep one entry per file and cite it by that entry's id")
        ids.setdefault(source.id, source.pos.line)
        files.setdefault(source.file, source.pos.line)

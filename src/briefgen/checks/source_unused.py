"""A catalogued source that no meeting cites (a warning: an article added but not yet
curated, or a forgotten entry).

WARN: `tass-2024-05` in `seeds/sources.yaml`, cited by no file of `briefs/`.

PASS: every catalogued source cited at least once.
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "source-unused"
SEVERITY: Severity = "warning"


def check(ctx: Context) -> Iterator[Diagnostic]:
    cited = {citation.source for _, citation in ctx.citations()}
    for source in ctx.dossier.sources:
        if source.id not in cited:
            yield Diagnostic(source.at("id"), ID, SEVERITY, f"source {source.id!r} is cited by no meeting",
                             "cite it in a summary of briefs/, or remove the entry")

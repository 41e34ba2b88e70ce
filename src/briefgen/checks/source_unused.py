"""A catalogued source that no meeting cites (a warning: an article added but not yet
curated, or a forgotten entry).

A source cited by a meeting file that still holds a `TODO` (a scaffold of `briefgen new`
being curated, which may not load yet) counts as cited: its `todo-left` findings say what
is left, and a warning for each of its sources would bury them.

WARN: `tass-2024-05` in `seeds/sources.yaml`, cited by no file of `briefs/`.

PASS: every catalogued source cited at least once, or by a scaffold still being curated.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..snapshot import Snapshot
from ..text import TODO

ID = "source-unused"
SEVERITY: Severity = "warning"

SOURCE = re.compile(r"^[ \t]*(?:-[ \t]+)?source:[ \t]*[\"']?([\w.-]+)", re.MULTILINE)


def drafted(snapshot: Snapshot) -> set[str]:
    """The source ids a meeting file with a `TODO` left cites, read line by line (such a
    file may not load)."""
    cited = set()
    for rel in snapshot.meetings:
        try:
            text = snapshot.read(rel).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        if TODO.search(text):
            cited.update(SOURCE.findall(text))
    return cited


def check(ctx: Context) -> Iterator[Diagnostic]:
    assert ctx.dossier.snapshot is not None, "a dossier comes from load()"
    cited = {citation.source for _, citation in ctx.citations()} | drafted(ctx.dossier.snapshot)
    for source in ctx.dossier.sources:
        if source.id not in cited:
            yield Diagnostic(source.at("id"), ID, SEVERITY, f"source {source.id!r} is cited by no meeting",
                             "cite it in a summary of briefs/, or remove the entry")

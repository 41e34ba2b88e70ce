"""A `TODO` marker left in a meeting file or in the catalogue: a scaffold of `briefgen new`
or an entry of `briefgen add-source` not yet finished.

A `TODO` value (`summary: TODO write the bottom line`) is to be written; a `# TODO`
comment marks a candidate to keep or delete (or confirm), after which the comment goes.
Every line holding the word is reported, also in a file that does not load yet (but
holds YAML: an empty or broken file gets its own error).

FAIL:

    date: TODO YYYY-05-16  # the sources give 16 May but no year
    summary: TODO write the bottom line in 1-3 sentences
    participants:
      - name: Marat Imankulov  # TODO keep or delete

PASS:

    date: 2024-05-16
    summary: The secretaries agreed to meet every year.
    participants:
      - name: Marat Imankulov
"""

from __future__ import annotations

import re
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity, Where
from ..snapshot import CATALOGUE, Snapshot
from ..text import TODO
from ..yamltree import YamlProblem, parse

ID = "todo-left"
SEVERITY: Severity = "error"

MARKER = TODO  # text.TODO: what source-unused also reads as a scaffold being curated
COMMENT = re.compile(r"(?:^|\s)#")


def files(snapshot: Snapshot) -> list[str]:
    """Every meeting file (loaded or not) and the catalogue, relative to the repository."""
    return [*snapshot.meetings, CATALOGUE] if snapshot.has(CATALOGUE) else list(snapshot.meetings)


def has_document(text: str, rel: str) -> bool:
    """Whether a file that did not load holds YAML at all: an empty or broken one is
    reported as such, and its TODO lines would only add noise to that error."""
    try:
        return parse(text, rel) is not None
    except YamlProblem:
        return False


def check(ctx: Context) -> Iterator[Diagnostic]:
    assert ctx.dossier.snapshot is not None, "a dossier comes from load()"
    loaded = {meeting.pos.file for meeting in ctx.dossier.meetings}
    for rel in files(ctx.dossier.snapshot):
        try:
            text = ctx.dossier.snapshot.read(rel).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the loader
        if "TODO" not in text or (rel not in loaded and not has_document(text, rel)):
            continue
        for number, line in enumerate(text.split("\n"), start=1):  # lines as an editor numbers them
            if match := MARKER.search(line):
                yield finding(Where(rel, number, match.start() + 1), line, match.start())


def finding(where: Where, line: str, column: int) -> Diagnostic:
    shown = line.strip() if len(line.strip()) <= 80 else line.strip()[:77] + "..."
    if COMMENT.search(line[:column]):
        hint = "do what the comment asks (keep or delete the candidate, confirm the value), then delete the `# TODO` comment"
    else:
        hint = "replace `TODO ...` with the real value, as the sources give it"
    return Diagnostic(where, ID, SEVERITY, f"TODO left: {shown}", hint)

"""Two meeting files for one meeting: the same id (`a.yaml` and `a.yml`), or the same
date, location and title.

FAIL: `briefs/2024-05-16-astana.yaml` and `briefs/astana-may.yaml` both with
`date: 2024-05-16`, `location: Astana`, `title: Security Council secretaries meet`.

PASS: one file per meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..text import normal

ID = "duplicate-meeting"
SEVERITY: Severity = "error"


def check(ctx: Context) -> Iterator[Diagnostic]:
    ids: dict[str, str] = {}
    facts: dict[tuple[dt.date, str, str], str] = {}
    for meeting in ctx.meetings:
        key = (meeting.date, normal(meeting.location), normal(meeting.title))
        if meeting.id in ids:
            yield Diagnostic(meeting.pos, ID, SEVERITY,
                             f"meeting id {meeting.id!r} is used by {ids[meeting.id]} too",
                             "rename one of the two files")
        elif key in facts:
            yield Diagnostic(meeting.pos, ID, SEVERITY,
                             f"same date, location and title as {facts[key]}",
                             "merge the two summaries into one file")
        ids.setdefault(meeting.id, meeting.pos.file)
        facts.setdefault(key, meeting.pos.file)

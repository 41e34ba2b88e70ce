"""A `follows_up` that names no meeting of `briefs/` (a meeting id is its file's stem).

FAIL:

    follows_up: 2023-06-23-almaty          # no briefs/2023-06-23-almaty.yaml

PASS:

    follows_up: 2023-06-23-almaty-security-council-secretaries
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "unknown-meeting"
SEVERITY: Severity = "error"


def check(ctx: Context) -> Iterator[Diagnostic]:
    ids = [m.id for m in ctx.dossier.meetings]
    for meeting in ctx.meetings:
        if meeting.follows_up is None or meeting.follows_up in ids:
            continue
        close = difflib.get_close_matches(meeting.follows_up, ids, n=1, cutoff=0.5)
        hint = f"write `follows_up: {close[0]}`" if close else "write the file name of the earlier meeting, without .yaml"
        yield Diagnostic(meeting.at("follows_up"), ID, SEVERITY,
                         f"follows_up {meeting.follows_up!r} is not a meeting of briefs/", hint)

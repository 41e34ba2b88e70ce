"""A statement whose `speaker` is not a participant of the meeting (by name or alias).

FAIL:

    participants:
      - name: Kassym-Jomart Tokayev
    statements:
      - speaker: Tokaev

PASS: `speaker: Kassym-Jomart Tokayev`, or add `Tokaev` to the participant's `aliases`.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..text import normal

ID = "unknown-speaker"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        names = [name for p in meeting.participants for name in p.names]
        for statement in meeting.statements:
            if meeting.participant(statement.speaker) or normal(statement.speaker) in map(normal, meeting.unread_names):
                continue
            close = difflib.get_close_matches(statement.speaker, names, n=1, cutoff=0.5)
            hint = (f"write `speaker: {close[0]}`" if close
                    else "add the speaker to `participants`, with a quote that names them")
            yield Diagnostic(statement.at("speaker"), ID, SEVERITY,
                             f"speaker {statement.speaker!r} is not a participant of this meeting", hint)

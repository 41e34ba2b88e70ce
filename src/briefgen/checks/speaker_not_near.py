"""A statement whose speaker is named neither in the quote's paragraph nor in the
paragraph before it: a possible misattribution (a warning).

The speaker counts as named by the participant's name, an alias, the surname (last word
of a personal name) or one of the participant's `titles` (how the article refers to
them by office: `the Head of State`, `глава государства`).

WARN:

    - speaker: Shavkat Mirziyoyev
      cite:
        - quote: Russian Foreign Minister Sergey Lavrov insisted that all regional efforts ...

PASS:

    - speaker: Shavkat Mirziyoyev
      cite:
        - quote: Uzbek President Shavkat Mirziyoyev emphasized that open communication ...
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context, Match
from ..model import Diagnostic, Severity
from ..text import names_in

ID = "speaker-not-near"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for statement in meeting.statements:
            person = meeting.participant(statement.speaker)
            matches = [ctx.match(c) for c in statement.cite]
            if person is None or not all(matches):
                continue  # unknown-speaker or quote-not-found says what is wrong
            found = [m for m in matches if m is not None]  # every one (tested just above), typed as Match
            names = person.terms()
            if any(named(match, names) for match in found):
                continue
            lines = ", ".join(f"{m.text.source.id} line {m.paragraph.line}" for m in found)
            yield Diagnostic(
                statement.at("speaker"), ID, SEVERITY,
                f"{statement.speaker!r} is not named in the quoted paragraph or the one before ({lines})",
                "check who said it; if the article names the speaker by office, add it to the participant's `titles`",
            )


def named(match: Match, names: list[str]) -> bool:
    before = match.text.paragraph_before(match.paragraph)
    context = [match.paragraph] + ([before] if before else [])
    return any(names_in(p.norm, name) for p in context for name in names)

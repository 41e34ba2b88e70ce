"""The year of a meeting's `date` stands in none of the meeting's own `cite` quotes and
in no `published` date of the sources they come from (a warning: web articles often
omit the year).

Only the sentence of the meeting's own cite that gives its day and month counts, and
only a year standing as a year there: another sentence's year (`the summit in October
2022`), the end of a span (`the 2024-2029 programme`), a name (`Central Asia 2040`) or a
year in a participant's or a statement's quote is about something else.

WARN:

    date: 2024-05-16       # the article says only "on May 16"

    date: 2024-05-16
    cite:
      - quote: at the meeting on May 16 ... the 2024-2029 cooperation programme

PASS: a cite quote with "2024", or `published: 2024-05-16` on the source of a cite
quote, when the text states it.
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..text import normal
from ..vocabulary import date_pattern, year_pattern

ID = "year-not-cited"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        year = str(meeting.date.year)
        pattern = year_pattern(meeting.date.year)
        citations = meeting.cite
        day = date_pattern(meeting.date)
        dating = [part for c in citations for part in (c.quote, c.translation) if part and day.search(normal(part))]
        if any(pattern.search(part) for part in dating):
            continue
        sources = [ctx.dossier.source(c.source) for c in citations]
        if any(s and s.published and s.published.year == meeting.date.year for s in sources):
            continue
        yield Diagnostic(
            meeting.at("date"), ID, SEVERITY,
            f"the year {year} stands in none of the meeting's cite quotes and no published date of their sources",
            "cite the sentence with the year in the meeting's `cite`, or set `published:` on the source "
            "if its text states the date",
        )

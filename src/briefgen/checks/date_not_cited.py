"""A meeting whose `cite` quotes do not give its day and month.

Common forms are recognised: `16 May`, `May 16`, `16th of May`, `16 мая`, `23 июн`,
`2024-05-16`, `16.05.2024`, `16/05/2024`.

FAIL:

    date: 2024-05-17
    cite:
      - source: kazinform-2024-05
        quote: At a meeting in Astana on May 16

PASS:

    date: 2024-05-16
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..text import normal
from ..vocabulary import MONTHS

ID = "date-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

def date_pattern(day: dt.date) -> re.Pattern[str]:
    """A pattern for the day and month of `day` in the common forms, on normalised text."""
    return _day_month_pattern(day.month, day.day)


@functools.lru_cache(maxsize=None)
def _day_month_pattern(month: int, day: int) -> re.Pattern[str]:
    """Compiled once per day of the year: an archive of thousands of meetings shares 366 patterns."""
    months = "|".join(re.escape(normal(m)) for m in MONTHS[month - 1])
    d = rf"0?{day}(?:st|nd|rd|th)?"
    forms = [
        rf"(?<!\d){d}(?:\s*-\s*\d{{1,2}})?\s+(?:of\s+)?(?:{months})\b",
        rf"\b(?:{months})\.?\s+{d}(?!\d)",
        rf"\b\d{{4}}-{month:02d}-{day:02d}\b",
        rf"(?<!\d)0?{day}[./]0?{month}[./](?:\d{{4}}|\d{{2}})\b",
    ]
    return re.compile("|".join(forms))


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        pattern = date_pattern(meeting.date)
        if any(pattern.search(normal(c.quote)) for c in meeting.cite):
            continue
        yield Diagnostic(
            meeting.at("date"), ID, SEVERITY,
            f"date {meeting.date.isoformat()}: its day and month ({meeting.date.day} "
            f"{meeting.date.strftime('%B')}) stand in none of the meeting's cite quotes",
            "correct the date, or cite the sentence that gives it",
        )

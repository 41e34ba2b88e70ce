"""The year of a meeting's `date` stands in no cited quote and in no cited source's
`published` date (a warning: web articles often omit the year).

WARN:

    date: 2024-05-16       # the article says only "on May 16"

PASS: a quote with "2024", or `published: 2024-05-16` on a cited source, when the text
states it.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "year-not-cited"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        year = str(meeting.date.year)
        pattern = re.compile(rf"(?<!\d){year}(?!\d)")
        citations = meeting.citations()
        if any(pattern.search(c.quote) for c in citations):
            continue
        sources = [ctx.dossier.source(c.source) for c in citations]
        if any(s and s.published and s.published.year == meeting.date.year for s in sources):
            continue
        yield Diagnostic(
            meeting.at("date"), ID, SEVERITY,
            f"the year {year} stands in no cited quote and no cited source's published date",
            "cite a sentence with the year, or set `published:` on the source if its text states the date",
        )

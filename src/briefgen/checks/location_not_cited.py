"""A meeting whose `cite` quotes do not name its location.

The city (the part of `location` before a comma), one of its other names (`Астана`,
`Nur-Sultan`; Russian case endings are accepted: `в Ташкенте`) or one of the meeting's
`location_aliases` must stand in a quote of the meeting's own `cite`.

FAIL:

    location: Almaty, Kazakhstan
    cite:
      - source: kazinform-2024-05
        quote: At a meeting in Astana on May 16

PASS:

    location: Astana, Kazakhstan
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..text import normal
from ..vocabulary import names_place, place_names

ID = "location-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        quotes = [normal(c.quote) for c in meeting.cite]
        names = place_names(meeting.city, meeting.location_aliases)
        if any(names_place(q, name) for q in quotes for name in names):
            continue
        yield Diagnostic(
            meeting.at("location"), ID, SEVERITY,
            f"location {meeting.city!r} stands in none of the meeting's cite quotes",
            "cite the sentence that names the place, or add the name the source uses to `location_aliases`",
        )

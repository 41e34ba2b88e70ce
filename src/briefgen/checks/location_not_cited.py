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

from ..model import Diagnostic
from ..places import place_names
from ..text import contains_words, normal

ID = "location-not-cited"
SEVERITY = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def names_place(quote: str, name: str) -> bool:
    """Whether normalised `quote` names the place, allowing Russian case endings."""
    name = normal(name)
    if name[-1:] in ("а", "я") and any("\u0400" <= c <= "\u04ff" for c in name):
        return contains_words(quote, name[:-1])
    return contains_words(quote, name)


def check(ctx) -> Iterator[Diagnostic]:
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

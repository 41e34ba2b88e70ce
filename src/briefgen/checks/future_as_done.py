"""A claim that reports as done what its own quotes give as future or planned (a warning).

A statement's or commitment's `text`, or the meeting's `summary` against the meeting's own
`cite`, says an event was held, took place, met, was adopted, signed, agreed, approved,
launched, opened (or any `was`/`were` + past participle), while a quote it rests on (or
the quote's translation) dates that same event with a marker of the future: `will`,
`shall`, `is/are to`, `scheduled`, `planned`, `plans to`, `intends`, `is expected to`,
`to be held`, `to take place`, `upcoming`, `next`, an invitation (`invited … to pay a
visit`, `пригласил`), `будет`, `состоится`, `планируется`, `намерен…`, `предстоящ…`. A
visit paid and an effort `made … a success` are completed events too. The same event:
the words the marker dates name it (`to take place`, `summit`, `sign`) and share a word
with the claim's clause (a place, a month, a number, a name).

A clause that keeps a future or an obligation form is right, not a warning: a future
marker of its own, `to`/`should`/`must` before the verb, and, for a commitment, an
instruction (`Prepare ...`, `Hold ...`, `Develop ...`).

An open commitment written as done ("Held regular consultations ...", the past tense of an
instruction) is a warning too: what was promised is not what was fulfilled.

The meeting itself: when every cited quote that gives its date, or every one that gives
its place, speaks of a future event (`will be held`, `scheduled to take place`, `next
meeting`), the meeting is reported as held on the strength of an announcement: the
warning is on `date`.

WARN:

    text: The 6th Consultative Meeting of the Heads of State was held in Astana on 9 August.
    cite:
      - quote: the 6th Consultative Meeting of the Heads of State of Central Asia scheduled to take place in Astana on August 9

PASS:

    text: Prepare the 6th Consultative Meeting of the Heads of State, to be held in Astana on 9 August.
    text: The 6th Consultative Meeting of the Heads of State will be held in Astana on 9 August.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Iterator

from ..context import Context
from ..model import Citation, Diagnostic, Meeting, Severity
from ..text import contains_words, normal
from ..vocabulary import MONTHS, names_place, place_names
from ..vocabulary.discourse import (Done, Marker, completions, content_words, future_markers, kept_future,
                                    names_event, written_as_done)

ID = "future-as-done"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

MEETING_STEMS = ("hold", "held", "take place", "taking place", "meet", "meeting", "convene", "summit", "session",
                 "встреч", "саммит", "заседани", "состоит", "состоя", "пройд", "провед")
PAST_MEETING = re.compile(r"\btook place\b|\bwas held\b|\bwere held\b|\bconvened\b|\bmet\b|\bсостоял\w*|\bпрош[её]л\w*")


@dataclass(frozen=True)
class Conflict:
    done: Done
    marker: Marker
    citation: Citation


def readings(citation: Citation) -> list[str]:
    """The quote and its translation, normalised."""
    return [normal(t) for t in (citation.quote, citation.translation) if t]


def conflicts(text: str, cite: Sequence[Citation], instructions: bool) -> Iterator[Conflict]:
    """Each completed event of a claim that a quote of its gives as future (the first such quote)."""
    for done in completions(normal(text)):
        if not kept_future(done, instructions):
            found = next(dated(done, cite), None)
            if found is not None:
                yield found


def dated(done: Done, cite: Sequence[Citation]) -> Iterator[Conflict]:
    """The quotes that give the completed event as future: a marker whose words name the
    event and share a word with the claim's clause."""
    clause = content_words(done.clause)
    for citation in cite:
        for reading in readings(citation):
            for marker in future_markers(reading):
                if names_event(marker.window, done.stems) and clause & content_words(marker.window):
                    yield Conflict(done, marker, citation)


def describe(conflict: Conflict) -> str:
    quote = conflict.citation.quote if len(conflict.citation.quote) <= 120 else conflict.citation.quote[:117] + "..."
    return (f"says {conflict.done.words!r}, but its quote from {conflict.citation.source} gives it as future "
            f"({conflict.marker.words!r}: {quote!r})")


HINT = ("keep the future form the source uses (`to be held`, `will sign`), or cite a report that the event "
        "has taken place")


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        yield from meeting_dated(meeting)
        for conflict in conflicts(meeting.summary, meeting.cite, False):
            yield Diagnostic(meeting.at("summary"), ID, SEVERITY, "the summary " + describe(conflict), HINT)
        for statement in meeting.statements:
            for conflict in conflicts(statement.text, statement.cite, False):
                yield Diagnostic(statement.at("text"), ID, SEVERITY, "the statement " + describe(conflict), HINT)
        for commitment in meeting.commitments:
            done = written_as_done(normal(commitment.text)) if not commitment.done else None
            if done:
                yield Diagnostic(commitment.at("text"), ID, SEVERITY,
                                 f"the commitment is written as done (\"{done}\") but its status is open",
                                 "write what was promised as an instruction (\"Hold ...\"), or, when it was "
                                 "fulfilled, set `status: done` with a `done_cite`")
                continue
            for conflict in conflicts(commitment.text, commitment.cite, True):
                yield Diagnostic(commitment.at("text"), ID, SEVERITY, "the commitment " + describe(conflict), HINT)


def day_forms(meeting: Meeting) -> list[str]:
    """How a quote may give the meeting's day: `16 may`, `may 16`, `2024-05-16`."""
    day, months = meeting.date.day, MONTHS[meeting.date.month - 1]
    forms = [meeting.date.isoformat()]
    for month in months:
        forms += [f"{day} {normal(month)}", f"{normal(month)} {day}"]
    return forms


def gives(reading: str, forms: list[str], places: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether a normalised quote gives the meeting's date, and whether it gives its place."""
    return any(contains_words(reading, f) for f in forms), any(names_place(reading, p) for p in places)


def future_only(reading: str, forms: list[str], places: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether the quote gives the date, and the place, only within words a marker of the
    future dates as a meeting to come (and never says a meeting took place)."""
    if PAST_MEETING.search(reading):
        return False, False
    windows = [m.window for m in future_markers(reading) if names_event(m.window, MEETING_STEMS)]
    date = any(contains_words(w, f) for w in windows for f in forms)
    place = any(names_place(w, p) for w in windows for p in places)
    return date, place


def meeting_dated(meeting: Meeting) -> Iterator[Diagnostic]:
    """The meeting reported as held, on quotes that give its date or place as of an event to come."""
    forms = day_forms(meeting)
    places = place_names(meeting.city, meeting.location_aliases)
    found: dict[str, list[tuple[Citation, bool]]] = {"date": [], "place": []}
    for citation in meeting.cite:
        for reading in readings(citation):
            date, place = gives(reading, forms, places)
            future_date, future_place = future_only(reading, forms, places)
            if date:
                found["date"].append((citation, future_date))
            if place:
                found["place"].append((citation, future_place))
    for fact, items in found.items():
        if items and all(future for _, future in items):
            citation = items[0][0]
            yield Diagnostic(
                meeting.at("date"), ID, SEVERITY,
                f"the meeting is reported as held, but the quote that gives its {fact} "
                f"({citation.source}: {citation.quote!r}) speaks of an event to come",
                "cite a report that the meeting took place, or record it once it has",
            )
            return


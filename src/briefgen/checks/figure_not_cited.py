"""A number in a statement's or commitment's `text`, or in a meeting's `summary`, that
stands in none of its cited quotes (for the summary: any quote of the meeting).

Numbers are compared as written digits (`10,000` is `10000`), with their scale: `80%`
needs `80%` or `80 percent`, `10 billion` needs `10 billion` (or `10 млрд`); ordinals
(`6th`) count as their number.

WARN:

    title: Second meeting of the Security Council secretaries   # the cite says "the first meeting"

    text: Trade grew by more than 90% in five years.
    cite:
      - quote: the interregional trade grew by more than 80%

PASS:

    text: Trade grew by more than 80% in five years.

PASS (a count the meeting itself bears out: "the two" of its two participants, "the
five Central Asian states" of the group's members on the meeting's day):

    summary: Tokayev received Zhang Ming; the two discussed the SCO summit.

    summary: The secretaries of Russia and the five Central Asian states met.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..context import Context
from ..figures import figures
from ..model import Citation, Commitment, Diagnostic, Meeting, Severity, Statement, Where
from ..text import normal
from ..vocabulary import GROUPS, NUMBER_WORDS, group_terms

ID = "figure-not-cited"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def uncited(text: str, citations: tuple[Citation, ...]) -> list[str]:
    """The figures of `text` that no quote (or its translation) bears out."""
    stated = figures(normal(text))
    if not stated:
        return []  # most texts state no number: their quotes need not be read
    quoted = {f for c in citations for part in (c.quote, c.translation) if part for f in figures(normal(part))}
    numbers = {digits for digits, _ in quoted}
    missing = []
    for digits, scale in stated:
        if digits not in numbers or (scale and (digits, scale) not in quoted):
            missing.append(f"{digits}{'' if scale in (None, '%') else ' '}{scale or ''}")
    return list(dict.fromkeys(missing))


# "the two" of the participants: at the end of a clause, before a verb ("the two discussed",
# "the three spoke") or a word for those who meet; "the two key items" counts something else.
THE_COUNT = re.compile(r"\bthe (\w+)(?= *(?:$|[,.;:!?)]|\w+ed\b|(?:sides|parties|leaders|presidents|ministers|"
                       r"heads|officials|delegations|countries|states|nations|men|women|secretaries|chiefs|"
                       r"counterparts|governments|participants|met|spoke|said|held|sat|were|are|have|had|will|"
                       r"also|both|agreed)\b))")


def counts(text: str, meeting: Meeting) -> set[str]:
    """The bare numbers of a normalised text that count what the meeting itself records:
    "the two" (its participants, or their countries) and "the five Central Asian states"
    (a group's members on the meeting's day)."""
    people = {len(meeting.participants), len({p.country for p in meeting.participants if p.country})}
    found = {value for m in THE_COUNT.finditer(text) if (value := _number(m.group(1))) in people}
    for start, _, group in group_terms(text):
        before = text[:start].split()[-1:]
        members = len(GROUPS[group].on(meeting.date))
        if before and _number(before[0]) == members:
            found.add(members)
    return {str(value) for value in found}


def _number(word: str) -> int | None:
    """A count written in digits or as an English cardinal ("two", not "second")."""
    if word.isdigit():
        return int(word)
    if not word.isascii() or word.endswith("th") or word in ORDINALS:
        return None
    return NUMBER_WORDS.get(word)


ORDINALS = frozenset({"first", "second", "third"})  # the others end in -th


def report(where: Where, field: str, missing: list[str]) -> Diagnostic:
    shown = ", ".join(repr(m) for m in missing)
    return Diagnostic(where, ID, SEVERITY, f"{field}: {shown} stands in none of the cited quotes",
                      "check the figure against the source, or cite the quote that gives it")


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        items: tuple[Statement | Commitment, ...] = (*meeting.statements, *meeting.commitments)
        claims = [(meeting.at(field), field, getattr(meeting, field), meeting.cite) for field in ("title", "summary")]
        claims += [(item.at("text"), "text", item.text, item.cite) for item in items]
        for where, field, text, cite in claims:
            missing = uncited(text, cite)
            if missing:  # rare: only then are the meeting's own counts worth reading
                missing = [m for m in missing if m not in counts(normal(text), meeting)]
            if missing:
                yield report(where, field, missing)

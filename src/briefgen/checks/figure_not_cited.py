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
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..figures import figures
from ..model import Citation, Commitment, Diagnostic, Severity, Statement, Where
from ..text import normal

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


def report(where: Where, field: str, missing: list[str]) -> Diagnostic:
    shown = ", ".join(repr(m) for m in missing)
    return Diagnostic(where, ID, SEVERITY, f"{field}: {shown} stands in none of the cited quotes",
                      "check the figure against the source, or cite the quote that gives it")


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for field in ("title", "summary"):
            missing = uncited(getattr(meeting, field), meeting.cite)
            if missing:
                yield report(meeting.at(field), field, missing)
        items: tuple[Statement | Commitment, ...] = (*meeting.statements, *meeting.commitments)
        for item in items:
            missing = uncited(item.text, item.cite)
            if missing:
                yield report(item.at("text"), "text", missing)

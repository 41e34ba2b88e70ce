"""Dates stated in text (`16 May`, `June 24, 2023`, `2024-05-16`, `16.05.2024`): the
candidate publication date, and a stated day made a full date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import cast

from ..text import normal
from ..vocabulary import MONTHS, month_of

_MONTH = "|".join(sorted({re.escape(normal(m)) for forms in MONTHS for m in forms}, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
DAY_FIRST = re.compile(rf"(?<!\d){_DAY}\s+(?:of\s+)?({_MONTH})\b\.?(?:,?\s+(\d{{4}})(?!\d))?")
MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+{_DAY}(?!\d)(?:,?\s+(\d{{4}})(?!\d))?")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")


@dataclass(frozen=True)
class Stated:
    """A day and month a text states, with the year when it gives one."""

    day: int
    month: int
    year: int | None
    iso: bool = False  # written 2024-05-16: in article text, mostly a publication stamp

    def on(self, year: int) -> dt.date:
        return dt.date(year, self.month, self.day)


def dates_in(text: str) -> list[Stated]:
    """The real days and months stated in `text` (normalised), in reading order."""
    found = []
    for m in DAY_FIRST.finditer(text):
        found.append((int(m[1]), month_of(m[2]), m[3], m.start(), False))
    for m in MONTH_FIRST.finditer(text):
        found.append((int(m[2]), month_of(m[1]), m[3], m.start(), False))
    for m in ISO.finditer(text):
        found.append((int(m[3]), int(m[2]), m[1], m.start(), True))
    for m in NUMERIC.finditer(text):
        found.append((int(m[1]), int(m[2]), m[3], m.start(), False))
    stated = []
    for day, month, year, _, iso in sorted(found, key=lambda f: f[3]):
        try:
            dt.date(int(year) if year else 2000, month or 0, day)  # 2000: a leap year, for 29 February
        except (ValueError, TypeError):
            continue
        stated.append(Stated(day, cast(int, month), int(year) if year else None, iso))  # a month: no 0, no None
    return stated


def published_date(text: str) -> dt.date | None:
    """The first complete date the text states (`2023-06-24`, `24 June 2023`), a candidate
    for the publication date."""
    full = next((s for s in dates_in(normal(text)) if s.year), None)
    return full.on(cast(int, full.year)) if full else None  # a year: chosen for it


def dated(stated: Stated, reference: dt.date | None) -> dt.date | None:
    """The full date: its own year, else the reference's (the year before, for a day
    well after the reference: an article of 2 January telling of 28 December)."""
    try:
        if stated.year:
            return stated.on(stated.year)
        if reference is None:
            return None
        day = stated.on(reference.year)
        return stated.on(reference.year - 1) if day > reference + dt.timedelta(days=60) else day
    except ValueError:  # 29 February of a year that has none
        return None

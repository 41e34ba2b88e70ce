"""The sources a meeting cites disagree on a fact the summary states: the place, the date,
or the countries attending (a warning; the brief shows it under the meeting as a source note).

Only explicit claims are compared, so that an article mentioning another event does not
raise a false alarm: a dateline (`АСТАНА, 23 июн - Sputnik.`), a sentence saying where
the meeting took place (`took place in Almaty`, `convened in Tashkent`, `состоялась в
Бишкеке`), and a list of three or more attending countries (`attended by officials from
Kazakhstan, Kyrgyzstan, Tajikistan ...`).

WARN (one article says Almaty, the other carries an Astana dateline):

    location: Almaty, Kazakhstan
    cite:
      - source: nca-2023-06
        quote: the first meeting ... took place in Almaty
    statements:
      - cite:
          - source: sputnik-2023-06       # "АСТАНА, 23 июн - Sputnik. ..."

PASS: every cited article that states the place, date or attending countries agrees
with the summary (or states none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Generic, Iterator, TypeVar

from ..context import Context
from ..corpus import SourceText
from ..model import Diagnostic, Meeting, Severity
from ..vocabulary import COUNTRIES, city_of, meeting_places, month_of

ID = "source-conflict"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

ATTENDANCE = re.compile(  # on normalised (case-folded) text
    r"attend|brought together|participa|gathered|convened|heads of|chiefs from|officials from|"
    r"приняли участие|участники|собрал|встреч")
ANOTHER_MEETING = re.compile(  # "their next meeting in Dushanbe", "the previous round of talks took place" are not this one
    r"\b(?:next|future|upcoming|following|coming|previous|last(?=\W+(?:meeting|round|session|talks|summit))|prior|"
    r"следующ\w*|очередн\w*|предыдущ\w*|прошл(?:ый|ая|ое|ые|ого|ой|ом|ую|ым|ых)|прежн\w*)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
DATELINE = re.compile(r"^\s*([A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,}),\s*(\d{1,2})\s+([^\W\d_]+)")
V_co = TypeVar("V_co", covariant=True)  # what a claim states: a city, a date, the countries attending


@dataclass(frozen=True)
class Claim(Generic[V_co]):
    """What one article says about the meeting, and where."""

    source: str
    outlet: str
    line: int
    words: str
    value: V_co


def place_claims(text: SourceText) -> list[Claim[str]]:
    claims = []
    first = text.paragraphs[0] if text.paragraphs else None
    if first and (match := DATELINE.match(first.raw)) and (city := city_of(match.group(1))):
        claims.append(Claim(text.source.id, text.source.outlet, first.line, f"dateline {match.group(1).strip()}", city))
    for paragraph in text.paragraphs:
        raw = paragraph.raw
        for start, end, word in meeting_places(raw):
            if ANOTHER_MEETING.search(raw[max(0, start - 40): start]):
                continue
            if city := city_of(word):
                claims.append(Claim(text.source.id, text.source.outlet, paragraph.line, raw[start:end], city))
    return claims


def date_claims(text: SourceText, year: int) -> list[Claim[dt.date]]:
    first = text.paragraphs[0] if text.paragraphs else None
    if not first or not (match := DATELINE.match(first.raw)) or not (month := month_of(match.group(3))):
        return []
    try:
        day = dt.date(year, month, int(match.group(2)))
    except ValueError:
        return []
    return [Claim(text.source.id, text.source.outlet, first.line, f"dateline {match.group(2)} {match.group(3)}", day)]


# The region's states and its neighbours: whose attendance articles list. (Every country of
# the vocabulary made this check 60% slower on the 5,000-meeting archive, for lists that
# name the region's states.) Group c<i> of COUNTRY is the country NAMED[i].
NAMED = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia", "Afghanistan", "China"]
COUNTRY = re.compile(r"\b(?:" + "|".join(
    f"(?P<c{i}>{'|'.join(map(re.escape, COUNTRIES[name].names))})" for i, name in enumerate(NAMED)) + ")")


def country_claims(text: SourceText) -> list[Claim[frozenset[str]]]:
    claims = []
    for paragraph in text.paragraphs:
        if not ATTENDANCE.search(paragraph.norm):
            continue
        found = frozenset(NAMED[int(match.lastgroup[1:])] for match in COUNTRY.finditer(paragraph.norm)
                          if match.lastgroup is not None)  # always true (every alternative is a named group)
        if len(found) >= 3:
            claims.append(Claim(text.source.id, text.source.outlet, paragraph.line, "countries attending", found))
    return claims


def describe(claim: Claim[object]) -> str:
    """A claim as a reader of the brief can follow it: the outlet and its words (the words
    name a dateline as such); the catalogue id and line go in the hint, for the officer."""
    words = claim.words.removeprefix("dateline ")
    said = f"its dateline, “{words}”" if words != claim.words else f"“{words}”"
    return f"{claim.outlet} ({said})"


def where(claims: list[Claim[object]]) -> str:
    return ", ".join(f"{c.source} line {c.line}" for c in claims)


def claims(text: SourceText) -> tuple[list[Claim[str]], list[Claim[frozenset[str]]]]:
    """The place and attendance claims of an article, read once however often it is cited."""
    if ID not in text.memo:
        text.memo[ID] = (place_claims(text), country_claims(text))
    found: tuple[list[Claim[str]], list[Claim[frozenset[str]]]] = text.memo[ID]  # memo values are Any
    return found


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        texts = [ctx.texts[s] for s in dict.fromkeys(c.source for c in meeting.citations()) if s in ctx.texts]
        yield from conflicts(meeting, texts)


def conflicts(meeting: Meeting, texts: list[SourceText]) -> Iterator[Diagnostic]:
    places = [c for t in texts for c in claims(t)[0]]
    stated = city_of(meeting.city) or meeting.city
    against = [c for c in places if c.value != stated]
    if against:
        agree = [c for c in places if c.value == stated]
        backing = f"{describe(agree[0])} places it in {stated}; " if agree else ""
        yield Diagnostic(
            meeting.at("location"), ID, SEVERITY,
            f"sources disagree on the place: {backing}"
            + "; ".join(f"{describe(c)} points to {c.value}" for c in against) + ".",
            f"check which is right ({where([*agree[:1], *against])}); the brief shows this disagreement "
            "where it states the place and in a source note under the meeting",
        )
    dates = [c for t in texts for c in date_claims(t, meeting.date.year) if c.value != meeting.date]
    if dates:
        yield Diagnostic(
            meeting.at("date"), ID, SEVERITY,
            "sources disagree on the date: " + "; ".join(f"{describe(c)} gives {c.value:%-d %B}" for c in dates)
            + f", the summary {meeting.date:%-d %B %Y}.",
            f"check which is right ({where(list(dates))}); the brief shows this disagreement as a source note under the meeting",
        )
    lists: dict[frozenset[str], Claim[frozenset[str]]] = {}
    for text in texts:
        for claim in claims(text)[1]:
            lists.setdefault(claim.value, claim)
    if len(lists) > 1:
        shown = "; ".join(f"{describe(c)} lists {', '.join(sorted(c.value))}" for c in lists.values())
        yield Diagnostic(
            meeting.at("participants"), ID, SEVERITY,
            f"sources disagree on who attended: {shown}.",
            f"check which is right ({where(list(lists.values()))}); the brief shows this disagreement as a source "
            "note under the meeting",
        )

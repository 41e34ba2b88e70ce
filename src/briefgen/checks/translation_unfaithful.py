"""A `translation` that does not carry its original's facts, or adds some.

The brief shows the translation as the source's words, so it must say what the quote
says: the same numbers (in digits or words, English or Russian: "2022", "first" and
"первой", "five" and "пяти"), months, participants (in any case and either script),
places and countries, and as much negation. Wording and word order are the officer's:
only these facts are compared. An original in a language other than English or Russian
is not read (its number words and negations are unknown here).

A negation counts as carried when the other text denies in its own way: "far from
realised" for "далеко не раскрыт", "no longer enough" for "уже недостаточно" (words of
negative sense, `vocabulary/negation.yaml`, count as negations on the side that is
compared against).

WARN:

    quote: Данный вопрос мы предметно обсуждали с коллегами в октябре 2022 года
    translation: We discussed this issue with colleagues in November 2021

    quote: указанные риски региональной безопасности неразрывно связаны с ситуацией в Афганистане
    translation: these regional security risks are not linked with the situation in Afghanistan

PASS:

    quote: Данный вопрос мы предметно обсуждали с коллегами в октябре 2022 года
    translation: In October 2022 we discussed this issue in substance with colleagues
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Iterator

from ..context import Context
from ..figures import figures
from ..model import Citation, Diagnostic, Meeting, Severity, terms_of
from ..text import names_in, normal
from ..russian import words as words_of
from ..vocabulary import CITIES, MONTH_OF, MONTHS, city_of, countries_in, names_place
from ..vocabulary.meaning import negates, read, words

ID = "translation-unfaithful"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting
READ = ("en", "ru")  # the languages whose number words and negations briefgen knows
# Ways English denies without a negation word of the table: "far from realised".
DENYING_PHRASES = re.compile(r"\b(?:far from|by no means|anything but|далеко не)\b")
# "both" and "оба" state two things as surely as "two" and "двух" do, but are no figure of
# their own for the figure checks: here they count as 2 on either side.
BOTH = re.compile(r"\b(?:both|оба|обе|обоих|обеих|обоим|обеим|обоими|обеими)\b")
# "впервые" is "for the first time", whose "first" counts as 1.
FIRST_TIME = re.compile(r"\bвпервые\b")
MONTH_NAMES = [forms[0].capitalize() for forms in MONTHS]
# English month words that are also other words ("may", "to march") or abbreviations
# ("mar"): months only beside a day or a year ("14 May", "May 2024"), after a word that
# dates ("in May"), or capitalised inside a sentence ("talks that May").
AMBIGUOUS = frozenset(f for f in MONTH_OF if f.isascii() and (f in ("may", "march", "sept") or len(f) <= 3))
DATING = frozenset({"in", "of", "since", "until", "till", "by", "from", "to", "early", "late", "mid", "next", "last",
                    "this", "that", "each", "every", "on"})
TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+|\d+")


@dataclass(frozen=True)
class Facts:
    """What a text states, as far as a translation must carry it."""

    numbers: frozenset[str]
    months: frozenset[str]
    people: frozenset[str]
    places: frozenset[str]
    negations: int  # negation words, fixed phrases ("not only") left out
    denials: int  # negations, words of negative sense ("insufficient") and denying phrases ("far from")
    cues: int  # denials and the words that deny without negating ("against", "prevent")


def facts(text: str, meeting: Meeting) -> Facts:
    people = tuple((p.name, p.aliases) for p in meeting.participants if _person(p.name))
    return _facts(text, people, meeting.city if meeting.city not in CITIES else "", meeting.location_aliases)


def titled(text: str, names: frozenset[str], meeting: Meeting) -> frozenset[str]:
    """Those of `names` whom a text refers to by one of their `titles` ("глава государства"
    for Tokayev): a translator may resolve a title to the name, or a name to the title."""
    folded = normal(text)
    return frozenset(p.name for p in meeting.participants
                     if p.name in names and any(names_in(folded, normal(t)) for t in p.titles))


@functools.lru_cache(maxsize=1 << 12)
def _facts(text: str, people: tuple[tuple[str, tuple[str, ...]], ...], place: str, aliases: tuple[str, ...]) -> Facts:
    """facts, memoised: a quote is cited again and again (by a participant and a statement)."""
    folded = normal(text)
    reading = read(text)
    negations = sum(1 for i, w in enumerate(reading.words) if negates(w.key) and i not in reading.idioms)
    negative = sum(1 for w in reading.words if w.key.startswith(words().negative))  # "insufficient", "недостаточно"
    denials = negations + negative + len(DENYING_PHRASES.findall(folded))
    implicit = sum(1 for w in reading.words if w.key in words().implicit)
    return Facts(
        numbers=frozenset(digits for digits, _ in figures(folded)) | ({"2"} if BOTH.search(folded) else set())
        | ({"1"} if FIRST_TIME.search(folded) else set()),
        months=frozenset(_months(text, folded)),
        people=frozenset(name for name, also in people if any(names_in(folded, n) for n in terms_of(name, also))),
        places=frozenset(_places(folded, place, aliases)),
        negations=negations,
        denials=denials,
        cues=denials + implicit,
    )


def _person(name: str) -> bool:
    """A person's name ("Kassym-Jomart Tokayev"), not a group's ("Secretaries of the ...")."""
    words = name.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _months(text: str, folded: str) -> Iterator[str]:
    tokens = TOKEN.findall(folded)
    for i, word in enumerate(tokens):
        month = MONTH_OF.get(word)
        if month and (word not in AMBIGUOUS or _dated(tokens, i) or _capitalised(text, word)):
            yield MONTH_NAMES[month - 1]


def _capitalised(text: str, word: str) -> bool:
    """Whether the word is written with a capital inside a sentence ("the talks that May")."""
    return re.search(rf"[^.!?\s]\s+{word.capitalize()}\b", text) is not None


def _dated(tokens: list[str], i: int) -> bool:
    """A day or year beside the word, or a word that dates before it."""
    return any(w.isdigit() for w in tokens[max(i - 1, 0):i + 2]) or (i > 0 and tokens[i - 1] in DATING)


def _places(folded: str, place: str, aliases: tuple[str, ...]) -> Iterator[str]:
    """The countries and the cities of the table a text names (each city word once, in any
    case), and the meeting's own place (`place`) when the table does not know it."""
    yield from countries_in(folded)
    yield from {city for word in words_of(folded) if (city := city_of(word))}
    if place and any(names_place(folded, n) for n in (place, *aliases)):
        yield place


def differences(original: Facts, translation: Facts) -> list[str]:
    """What the translation leaves out of its original and what it adds, in words."""
    found = []
    for kind in ("numbers", "months", "people", "places"):
        had, has = getattr(original, kind), getattr(translation, kind)
        if had - has:
            found.append(f"leaves out {_listed(had - has)}")
        if has - had:
            found.append(f"adds {_listed(has - had)}")
    if original.negations > translation.denials or (original.denials and not translation.cues):
        found.append("leaves out a negation")
    if translation.negations > original.denials:
        found.append("adds a negation")
    return found


def faithful(citation: Citation, meeting: Meeting) -> list[str]:
    """The differences of a citation's translation from its quote; a person named on one
    side and referred to by title on the other is carried."""
    quote, translation = citation.quote, citation.translation or ""
    original, rendered = facts(quote, meeting), facts(translation, meeting)
    if original.people != rendered.people:
        by_title = (titled(translation, original.people - rendered.people, meeting)
                    | titled(quote, rendered.people - original.people, meeting))
        original = replace(original, people=original.people - by_title)
        rendered = replace(rendered, people=rendered.people - by_title)
    return differences(original, rendered)


def _listed(items: frozenset[str]) -> str:
    return ", ".join(sorted(items))


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting, citation in ctx.citations():
        if not citation.translation or ctx.language(citation) not in READ:
            continue
        found = faithful(citation, meeting)
        if found:
            yield _report(citation, found)


def _report(citation: Citation, found: list[str]) -> Diagnostic:
    return Diagnostic(
        citation.at("translation"), ID, SEVERITY,
        f"the translation of the {citation.source!r} quote {'; '.join(found)}",
        f"make it say what the original says: original \"{' '.join(citation.quote.split())}\"; "
        f"translation \"{' '.join((citation.translation or '').split())}\"",
    )

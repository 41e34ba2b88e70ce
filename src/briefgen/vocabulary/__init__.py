"""The words of the region that checks and the scaffold recognise, as data: cities and
their other names, countries with their adjectives and demonyms, groups of countries
(with the dates their membership changed), months, number words and words of office.

The tables are YAML files beside this module (edit them, not the code), read once on
first use; every lookup that is asked again and again is memoised.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

import yaml

from ..russian import is_cyrillic, same_word
from ..text import names_in, normal


def _table(name: str) -> object:
    """A data file of this package (our own, so a plain safe load suffices)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True)
class Country:
    name: str
    names: tuple[str, ...]  # normalised: the country itself
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class City:
    name: str
    country: str
    names: tuple[str, ...]  # other names, as written


def _cities() -> dict[str, City]:
    table = _table("places")
    assert isinstance(table, dict)
    return {name: City(name, entry["country"], tuple(entry["names"])) for name, entry in table.items()}


def _countries() -> dict[str, Country]:
    table = _table("countries")
    assert isinstance(table, dict)
    return {name: Country(name, *(tuple(entry[key]) for key in ("names", "adjectives", "demonyms")))
            for name, entry in table.items()}


def _months() -> tuple[tuple[str, ...], ...]:
    table = _table("months")
    assert isinstance(table, list) and len(table) == 12
    return tuple(tuple(forms) for forms in table)


@dataclass(frozen=True)
class Member:
    country: str
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class Group:
    """Countries the press names together ("the Central Asian states", "SCO member states")."""

    name: str
    terms: tuple[str, ...]  # normalised
    members: tuple[Member, ...]

    def on(self, day: dt.date) -> frozenset[str]:
        """The members on that day."""
        return frozenset(m.country for m in self.members
                         if (m.since is None or m.since <= day) and (m.until is None or day < m.until))


def _groups() -> dict[str, Group]:
    table = _table("groups")
    assert isinstance(table, dict)
    return {name: Group(name, tuple(normal(t) for t in entry["terms"]),
                        tuple(Member(m) if isinstance(m, str) else Member(m["country"], m.get("since"), m.get("until"))
                              for m in entry["members"]))
            for name, entry in table.items()}


def _numbers() -> dict[str, int]:
    table = _table("numbers")
    assert isinstance(table, dict)
    return {normal(word): int(value) for value, words in table.items() for word in words}


def _offices() -> dict[str, frozenset[str]]:
    table = _table("offices")
    assert isinstance(table, list)
    return {normal(word): frozenset(map(normal, words)) for words in table for word in words}


CITIES: dict[str, City] = _cities()
COUNTRIES: dict[str, Country] = _countries()
MONTHS: tuple[tuple[str, ...], ...] = _months()  # January first; each month's forms
GROUPS: dict[str, Group] = _groups()
NUMBER_WORDS: dict[str, int] = _numbers()  # normalised word -> value
OFFICES: dict[str, frozenset[str]] = _offices()  # a word of office -> its equivalents


def known_country(name: str) -> str | None:
    """The country of the table an officer's `country` means: by its name or one of its
    names, else the one country it names ("the Republic of Uzbekistan", "Kazakhstan (host)")."""
    if name in COUNTRIES:
        return name
    named = countries_in(normal(name))
    return next(iter(named)) if len(named) == 1 else None


def country_named(word: str) -> str | None:
    """The country a name, adjective or demonym (normalised) stands for."""
    return _COUNTRY_FORMS.get(word)


def _scanner(forms: dict[str, str]) -> re.Pattern[str]:
    """One pattern for many normalised forms, each standing as whole words, except that a
    Cyrillic form is a stem that runs on: `казахстан` in "Казахстана" and in
    "казахстанской". The country tables hold stems, not words for `russian.same_word`,
    because a country's adjective is a word of its own ("российской" is no form of
    "Россия"), and because one C-speed scan of an archive beats a search per form."""
    ordered = sorted(forms, key=len, reverse=True)
    latin = "|".join(re.escape(f) for f in ordered if f[-1:].isascii())
    cyrillic = "|".join(re.escape(f) for f in ordered if not f[-1:].isascii())
    return re.compile(rf"(?<![^\W_])(?:(?:{latin})(?![^\W_])|(?:{cyrillic}))")


_COUNTRY_FORMS: dict[str, str] = {}  # a normalised form -> the first country it names
for _country in COUNTRIES.values():
    for _form in (*_country.names, *_country.adjectives, *_country.demonyms):
        _COUNTRY_FORMS.setdefault(_form, _country.name)
_COUNTRY_SCAN = _scanner(_COUNTRY_FORMS)
_CITY_NAMES = {normal(name): city.name for city in CITIES.values() for name in (city.name, *city.names)}
_GROUP_TERMS = {term: g.name for g in GROUPS.values() for term in g.terms}
_GROUP_SCAN = _scanner(_GROUP_TERMS)


@functools.lru_cache(maxsize=4096)
def countries_in(text: str) -> frozenset[str]:
    """The countries a normalised text names, by name, adjective or demonym (Russian forms
    in any case ending)."""
    return frozenset(_COUNTRY_FORMS[m.group()] for m in _COUNTRY_SCAN.finditer(text))


def group_terms(text: str) -> Iterator[tuple[int, int, str]]:
    """Where a normalised text names a group ("SCO", "Shanghai Cooperation Organisation",
    "ШОС" are one), as the span of its whole words, and the group's name."""
    for match in _GROUP_SCAN.finditer(text):
        end = match.end()
        while end < len(text) and text[end].isalnum():  # a Cyrillic term is a stem: its ending too
            end += 1
        yield match.start(), end, _GROUP_TERMS[match.group()]


@functools.lru_cache(maxsize=4096)
def groups_in(text: str, day: dt.date) -> frozenset[str]:
    """The members, on `day`, of every group a normalised text names."""
    members: set[str] = set()
    for name in {group for _, _, group in group_terms(text)}:
        members |= GROUPS[name].on(day)
    return frozenset(members)


def place_names(city: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The city and every other name it goes by."""
    known = next((c.names for name, c in CITIES.items() if name.casefold() == city.casefold()), ())
    return (city, *known, *extra)


def names_place(quote: str, name: str) -> bool:
    """Whether normalised `quote` names the place, in any Russian case or in the other
    script (`names_in`)."""
    return names_in(quote, normal(name))


@functools.lru_cache(maxsize=None)
def city_of(word: str) -> str | None:
    """The canonical city a word names, in any Russian case (memoised: words recur)."""
    word = normal(word)
    if word in _CITY_NAMES:
        return _CITY_NAMES[word]
    return next((city for name, city in _CITY_NAMES.items()  # a case form shares its first letters
                 if name[:2] == word[:2] and is_cyrillic(name) and same_word(word, name)), None)


# A place claim is a verb of meeting, then `in`/`в` and a word: `took place in Almaty`,
# `состоялась в Бишкеке`. The preposition is looked for first and the verb just before it,
# which is seven times faster than trying the verbs at every position of an archive.
PLACE_AFTER = re.compile(r"\s(in|в)\s+([^\W\d_][\w\-]+)")
VERB_BEFORE = {
    "in": re.compile(r"(?:took place|was held|were held|convened|gathered|met|meeting)\s*\Z"),
    "в": re.compile(r"(?:состоял|прош[её]л|проходил)\w*\s*\Z"),
}
VERB_REACH = 60  # characters before the preposition where the verb may start


def meeting_places(text: str) -> Iterator[tuple[int, int, str]]:
    """Each `<meeting verb> in <word>` of a text: where the phrase starts and ends, and the word."""
    for match in PLACE_AFTER.finditer(text):
        verb = VERB_BEFORE[match.group(1)].search(text, max(0, match.start() - VERB_REACH), match.start())
        if verb is not None:
            yield verb.start(), match.end(), match.group(2)


MONTH_OF = {normal(form): number for number, forms in enumerate(MONTHS, start=1) for form in forms}


def month_of(word: str) -> int | None:
    """1-12 for a month's name or abbreviation in any form of MONTHS (a trailing `.` allowed)."""
    return MONTH_OF.get(normal(word).rstrip("."))


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


@functools.lru_cache(maxsize=None)
def year_pattern(year: int) -> re.Pattern[str]:
    """A year standing as a year: not inside a longer number, not one end of a span such as
    `2024-2029` or `2024–2029 годы` (a strategy's term is no date)."""
    return re.compile(rf"(?<![\d\-–—]){year}(?!\d|\s*[-–—]\s*\d)")

"""The words of the region that checks and the scaffold recognise, as data: cities and
their other names, countries with their adjectives and demonyms, and months.

The tables are YAML files beside this module (edit them, not the code), read once on
first use; every lookup that is asked again and again is memoised.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

import yaml

from ..text import contains_words, normal


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


CITIES: dict[str, City] = _cities()
COUNTRIES: dict[str, Country] = _countries()
MONTHS: tuple[tuple[str, ...], ...] = _months()  # January first; each month's forms


def place_names(city: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The city and every other name it goes by."""
    known = next((c.names for name, c in CITIES.items() if name.casefold() == city.casefold()), ())
    return (city, *known, *extra)


def names_place(quote: str, name: str) -> bool:
    """Whether normalised `quote` names the place, allowing Russian case endings."""
    name = normal(name)
    if name[-1:] in ("а", "я") and any("\u0400" <= c <= "\u04ff" for c in name):
        return contains_words(quote, name[:-1])
    return contains_words(quote, name)


@functools.lru_cache(maxsize=None)
def city_of(word: str) -> str | None:
    """The canonical city a word names, allowing Russian case endings (memoised: words recur)."""
    word = normal(word)
    for city in CITIES.values():
        for name in (city.name, *city.names):
            name = normal(name)
            stem = name[:-1] if name[-1:] in ("а", "я") and re.search("[а-я]", name) else name
            if word == name or (stem != name and word.startswith(stem) and len(word) - len(stem) <= 2):
                return city.name
    return None


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


@functools.lru_cache(maxsize=None)
def month_of(word: str) -> int | None:
    """1-12 for a month's name or abbreviation in any form of MONTHS (a trailing `.` allowed)."""
    word = normal(word).rstrip(".")
    return next((i + 1 for i, forms in enumerate(MONTHS) if word in map(normal, forms)), None)

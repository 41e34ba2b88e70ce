"""The meeting file `briefgen new` writes: the draft assembled from every candidate, as
YAML text (`scalar` writes a value so that YAML reads it back unchanged)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import yaml

from .. import russian
from ..corpus import SourceText
from ..text import normal
from .catalogue import slug, title_candidate
from .dates import published_date
from .people import Person, latin_script, people
from .scope import about_meeting, background
from .sentences import sentences
from .setting import Place, place
from .speech import speech
from .statements import Statement, statements


def scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when YAML reads it back unchanged, else double-quoted
    (a JSON string is a valid YAML double-quoted scalar)."""
    if value and value == value.strip() and "\n" not in value:
        try:
            node = yaml.compose(f"k: {value}", Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            node = None
        read = node.value[0][1] if isinstance(node, yaml.MappingNode) and len(node.value) == 1 else None
        if isinstance(read, yaml.ScalarNode) and read.tag == "tag:yaml.org,2002:str" and read.value == value:
            return value
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class Draft:
    """A new meeting file: its name and its text."""

    name: str
    text: str
    participants: int
    statements: int
    todos: int


def reference_date(text: SourceText) -> dt.date | None:
    """The publication date: the catalogue's, else one the text states."""
    return text.source.published or published_date(text.text)


def draft(texts: list[SourceText], brief_language: str, modeline: str | None = None) -> Draft:
    """The meeting file `briefgen new` writes from these sources."""
    every = [s for text in texts for s in sentences(text)]
    where = place([s for s in every if not background(s)], {t.source.id: reference_date(t) for t in texts})
    found = about_meeting(every, where.stated)
    persons = people(found, brief_language)
    said = statements([s for text in texts for s in speech(text, found, persons)])
    foreign = {t.source.id for t in texts if t.source.language != brief_language}
    title = next((t.source.title for t in texts if t.source.title), None) or title_candidate(texts[0].text)
    lines = [modeline] if modeline else []
    lines += [
        f"# Scaffold written by `briefgen new {' '.join(t.source.id for t in texts)}` from "
        + ", ".join(f"seeds/{t.source.file}" for t in texts) + ".",
        "# TODO keep the candidates the meeting needs, delete the others, settle every TODO, then delete this line",
        *title_lines(title),
        *date_lines(where),
        *location_lines(where),
        "cite:",
        *(cite_lines([(s.source, s.line, s.text) for s in where.cite], 2, foreign, brief_language)
          or placeholder_cite(texts[0].source.id, "the sentence that gives the date and the place", 2)),
        "summary: TODO write the bottom line in a few sentences",  # no figure for figure-not-cited to find
        "participants:",
        *participant_lines(persons, foreign, brief_language, texts[0].source.id),
        *statement_lines(said, foreign, brief_language),
    ]
    place_slug = slug(where.city or "")
    stem = "-".join(p for p in (where.date.isoformat() if where.date else "undated",
                                 place_slug, title_slug(title or "", place_slug)) if p)
    return Draft(f"{stem}.yaml", "\n".join(lines) + "\n", len(persons), len(said), sum("TODO" in x for x in lines))


SLUG_SKIPS = frozenset("a an the of in on at to for and with by from date".split())


def title_slug(title: str, place: str = "") -> str:
    """Three telling words of the title (no numbers, small words, or the place the name
    already gives), or `meeting`: `2024-03-28-boao-tokayev-zhang-ming`."""
    words = [w for w in slug(title).split("-") if w not in SLUG_SKIPS and not w.isdigit() and w not in place.split("-")]
    return "-".join(words[:3]) or "meeting"


def title_lines(title: str | None) -> list[str]:
    if not title:
        return ["title: TODO one line for the section heading"]
    return [f"title: {scalar(title)}  # TODO confirm or edit the heading"]


def date_lines(found: Place) -> list[str]:
    if found.date:
        return [f"date: {found.date.isoformat()}  # TODO confirm the date"]
    if found.stated:
        day = f"{found.stated.day} {dt.date(2000, found.stated.month, 1):%B}"
        return [f"date: TODO YYYY-{found.stated.month:02d}-{found.stated.day:02d}  # the sources give {day} but no year"]
    return ["date: TODO YYYY-MM-DD  # no date found in the sources"]


def location_lines(found: Place) -> list[str]:
    if found.city:
        return [f"location: {scalar(found.city)}  # TODO confirm the place (you may add the country: City, Country)"]
    return ["location: TODO City, Country  # no place found in the sources"]


def cite_lines(quotes: list[tuple[str, int, str]], indent: int, foreign: set[str], language: str) -> list[str]:
    pad = " " * indent
    lines = []
    for source, line, quote in quotes:
        lines += [f"{pad}- source: {source}  # line {line}", f"{pad}  quote: {scalar(quote)}"]
        if source in foreign:
            lines.append(f"{pad}  translation: TODO {wording(language)} of the quote")
    return lines


def wording(language: str) -> str:
    return "your English wording" if language == "en" else f"your wording in '{language}'"


def placeholder_cite(source: str, what: str, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}- source: {source}", f"{pad}  quote: TODO {what}, copied from the source"]


def participant_lines(persons: list[Person], foreign: set[str], language: str, first: str) -> list[str]:
    if not persons:
        return ["  - name: TODO who took part", "    role: TODO their office", "    cite:",
                *placeholder_cite(first, "the words that name them", 6)]
    lines = []
    for person in persons:
        reword = person.quotes[0][0].source in foreign
        lines += [f"  - name: {scalar(person.name)}  # TODO keep or delete{name_hint(person.name, language)}",
                  f"    role: {scalar(person.role)}" + (f"  # TODO {wording(language)} of the role" if reword else
                                                        role_hint(person.role))]
        if person.country:
            lines.append(f"    country: {scalar(person.country)}")
        if person.spellings:
            lines.append(f"    aliases: [{', '.join(map(scalar, person.spellings))}]  # as the sources also write the name")
        if person.titles:
            lines.append(f"    titles: [{', '.join(map(scalar, person.titles))}]  # as the sources call them")
        lines.append("    cite:")
        lines += cite_lines([(s.source, s.line, quote) for s, quote in person.quotes], 6, foreign, language)
    return lines


def name_hint(name: str, language: str) -> str:
    """What to do with a name as the sources give it: spell it as the brief does, or put it
    in the nominative when no source gives that ("Шавкату Мирзиёеву")."""
    if latin_script(language) and russian.is_cyrillic(name):
        return "; the sources write it in Cyrillic only: write it as the brief spells it"
    if any(russian.oblique(normal(word)) for word in name.split()):
        return "; the sources give it only in another case: write it in the nominative"
    return ""


def role_hint(role: str) -> str:
    first = normal(next(iter(role.split()), ""))
    return "  # TODO write the role in the nominative (the sources give another case)" if russian.oblique(first) else ""


def statement_lines(said: list[Statement], foreign: set[str], language: str) -> list[str]:
    if not said:
        return []
    lines = ["statements:"]
    for item in said:
        first = item.quotes[0]
        if item.speaker is None:
            who = f"; the source gives it to {first.by!r}" if first.by else ""
            speaker = f"speaker: TODO who said it (a participant's name){who}"
        else:
            check = "" if item.sure else "; check the speaker: not named in this paragraph or the one before"
            speaker = f"speaker: {scalar(item.speaker)}  # TODO keep or delete{check}"
        text = f"TODO {wording(language)} of the statement" if first.source in foreign else scalar(first.quote)
        lines += [f"  - {speaker}", *(f"    # said: {scalar(q.frame)} ({q.source}, line {q.line})" for q in item.quotes),
                  f"    text: {text}", "    cite:"]
        lines += cite_lines([(q.source, q.line, q.quote) for q in item.quotes], 6, foreign, language)
    return lines

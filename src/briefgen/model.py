"""The domain: what a policy officer writes and what briefgen proves about it.

Every record remembers where it was written (`pos`) and where each of its fields
was written (`positions`), so that any finding can point at `file:line:col`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from .text import normal

if TYPE_CHECKING:
    from .snapshot import Snapshot

Severity = Literal["error", "warning"]


class Where(NamedTuple):
    """A place in a file: the file path relative to the brief repository, 1-based line and column.

    A named tuple rather than a dataclass: a large archive holds millions of them, and a
    tuple is built, hashed, compared and pickled in C.
    """

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding, ready to print: where, which check, how bad, what is wrong and how to mend it."""

    where: Where
    code: str
    severity: Severity
    message: str
    hint: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.where.file, self.where.line, self.where.column, self.code, self.message)


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of the hand-written records: where the record starts and where each field's value is."""

    pos: Where
    positions: dict[str, Where] = field(default_factory=dict, compare=False, hash=False)

    def at(self, name: str) -> Where:
        """Where the value of field `name` was written (the record itself when absent)."""
        return self.positions.get(name, self.pos)


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    """One catalogued article in `seeds/`."""

    id: str
    file: str
    outlet: str
    language: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class Citation(Record):
    """One evidence item: a quote from a source, with a translation when the languages differ."""

    source: str
    quote: str
    translation: str | None = None


@dataclass(frozen=True, kw_only=True)
class Participant(Record):
    """Someone who took part, as named by the sources."""

    name: str
    role: str
    cite: tuple[Citation, ...]
    country: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its other spellings."""
        return (self.name, *self.aliases)

    def terms(self) -> list[str]:
        """The words that name the participant in an article (normalised): the name, its
        aliases and titles, and the surname alone of a name of two to four words."""
        return list(terms_of(self.name, self.aliases, self.titles))


@dataclass(frozen=True, kw_only=True)
class Statement(Record):
    """A key statement: who said it, in the analyst's words, and where it is reported."""

    speaker: str
    text: str
    cite: tuple[Citation, ...]


@dataclass(frozen=True, kw_only=True)
class Commitment(Record):
    """A commitment or agreed action, with who is bound and by when."""

    parties: tuple[str, ...]
    text: str
    cite: tuple[Citation, ...]
    due: dt.date | None = None
    status: str = "open"  # "open" or "done"
    done_cite: tuple[Citation, ...] = ()  # evidence that it was fulfilled (with status: done)

    @property
    def done(self) -> bool:
        return self.status == "done"


@dataclass(frozen=True, kw_only=True)
class Meeting(Record):
    """One meeting summary, from one file of `briefs/`; its id is the file's stem."""

    id: str
    title: str
    date: dt.date
    location: str
    cite: tuple[Citation, ...]
    summary: str
    participants: tuple[Participant, ...]
    statements: tuple[Statement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    tags: tuple[str, ...] = ()
    series: str | None = None
    assessment: str | None = None
    location_aliases: tuple[str, ...] = ()
    follows_up: str | None = None  # the id of an earlier meeting this one continues
    # names of participants whose records could not be read: their errors are reported,
    # so statements naming them are not reported again as unknown speakers
    unread_names: tuple[str, ...] = ()

    @property
    def city(self) -> str:
        """The city part of `City, Country`."""
        return self.location.split(",")[0].strip()

    def participant(self, name: str) -> Participant | None:
        """The participant a speaker or party names, by name or alias, forgiving typography."""
        return self._by_name.get(normal(name))

    @cached_property
    def _by_name(self) -> dict[str, Participant]:
        """Each normalised name and alias -> the first participant it names, found once: the
        checks look speakers and parties up again and again (1.1 s of the 5,000-meeting check)."""
        found: dict[str, Participant] = {}
        for person in self.participants:
            for name in person.names:
                found.setdefault(normal(name), person)
        return found

    def citations(self) -> list[Citation]:
        """Every evidence item of the meeting, in reading order."""
        items = list(self.cite)
        for group in (self.participants, self.statements, self.commitments):
            for item in group:
                items.extend(item.cite)
        for commitment in self.commitments:
            items.extend(commitment.done_cite)
        return items


@dataclass(frozen=True, kw_only=True)
class Settings(Record):
    """The optional `briefs/brief.yaml`."""

    title: str = "Weekly Brief"
    unit: str = ""
    classification: str = "OFFICIAL"
    language: str = "en"


@dataclass(frozen=True)
class Dossier:
    """Everything the loader read from a brief repository, and what it could not read."""

    settings: Settings
    sources: tuple[Source, ...]
    meetings: tuple[Meeting, ...]
    diagnostics: tuple[Diagnostic, ...]
    seed_files: tuple[str, ...] = ()
    unread_sources: frozenset[str] = frozenset()  # ids of catalogue entries reported as broken
    catalogued: bool = True  # False when seeds/sources.yaml is missing or not a list: its own error says so
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)  # the bytes this was read from

    def source(self, source_id: str) -> Source | None:
        """The catalogue entry with this id (the first, should an id be listed twice)."""
        return self._by_id.get(source_id)

    @cached_property
    def _by_id(self) -> dict[str, Source]:
        index: dict[str, Source] = {}
        for source in self.sources:
            index.setdefault(source.id, source)
        return index

    def citations(self) -> list[tuple[Meeting, Citation]]:
        """Every evidence item of every meeting, with its meeting."""
        return [(meeting, citation) for meeting in self.meetings for citation in meeting.citations()]


@dataclass(frozen=True)
class Evidence:
    """Where a verified quote stands in its source: 1-based line, code-point offsets in the file's text."""

    source: str
    line: int
    start: int
    end: int


@lru_cache(maxsize=1 << 14)
def terms_of(name: str, aliases: tuple[str, ...], titles: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Participant.terms, memoised: checks ask for a participant's terms again and again
    (speaker-elsewhere: 3 s of the 5,000-meeting archive's check before this). Without
    `titles`, the words that name the participant by name."""
    found = [name, *aliases, *titles]
    words = name.split()
    if 1 < len(words) <= 4 and all(w[:1].isupper() for w in words):
        found.append(words[-1])
    return tuple(normal(t) for t in found)

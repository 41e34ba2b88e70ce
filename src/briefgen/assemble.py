"""Assemble the brief for a period: verified model -> Brief, with citations numbered in reading order.

Renderers receive a `Brief` and nothing else: every sentence they print and every note
they number is decided here, once, so the Word and Markdown briefs cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from typing import Generic, TypeVar, cast

from .model import (
    Citation,
    Commitment,
    Diagnostic,
    Dossier,
    Evidence,
    Meeting,
    Participant,
    Record,
    Settings,
    Source,
    Statement,
    Where,
)

from .text import WORD, normal

CONFLICT = "source-conflict"
SINGLE_OUTLET = "†"  # marks a claim that rests on one outlet; the brief explains it once
NO_MEETINGS = "No meetings recorded in this period."  # a quiet week's brief still lists what falls due
TRANSLATED = "translated in the text"  # a note's translation the claim's own words already give

WEEK = re.compile(r"(\d{4})-W(\d{1,2})\Z")

Item = TypeVar("Item", bound=Record, covariant=True)  # what a `Cited` states
Claim = TypeVar("Claim", bound=Participant | Statement | Commitment)  # a record with citations


class PeriodError(ValueError):
    """A period option that cannot be understood; the message says what to type."""


@dataclass(frozen=True)
class Period:
    """The days a brief covers, its name in file names, and its label under the title."""

    start: dt.date
    end: dt.date
    slug: str
    label: str

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def week(cls, text: str) -> "Period":
        match = WEEK.match(text.strip())
        if not match:
            guess = re.fullmatch(r"\s*(\d{4})\W*[wW]?\W*(\d{1,2})\s*", text)
            example = f"{guess.group(1)}-W{int(guess.group(2)):02d}" if guess else "2024-W20"
            raise PeriodError(f"--week {text!r} is not an ISO week (YYYY-Www); write --week {example}")
        year, number = int(match.group(1)), int(match.group(2))
        if not 1 <= year <= 9998:
            raise PeriodError(f"--week {text!r}: the year must be between 1 and 9998")
        try:
            start = dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            last = dt.date(year, 12, 28).isocalendar().week
            raise PeriodError(f"--week {text!r}: {year} has weeks 1 to {last}") from None
        end = start + dt.timedelta(days=6)
        return cls(start, end, f"{year}-W{number:02d}", f"Week {number}, {year} · {span_label(start, end)}")

    @classmethod
    def of_day(cls, day: dt.date) -> "Period":
        year, week, _ = day.isocalendar()
        return cls.week(f"{year}-W{week:02d}")

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> "Period":
        if end < start:
            raise PeriodError(f"--from {start} is after --to {end}; give the earlier date first")
        return cls(start, end, f"{start}_{end}", span_label(start, end))

    @classmethod
    def everything(cls, meetings: tuple[Meeting, ...]) -> "Period":
        days = [m.date for m in meetings] or [dt.date.today()]
        start, end = min(days), max(days)
        return cls(start, end, "all", f"All meetings · {span_label(start, end)}")


def long_date(day: dt.date) -> str:
    """`16 May 2024`, the way a brief writes dates."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def quotation(text: str) -> str:
    """Quoted words between curly quotes, on one line; quotation marks inside them become
    single ones, as a quotation within a quotation is written (“the “Central Asia –
    Russia”” format” ended a note in three marks)."""
    inner = itertools.cycle("‘’")  # a quotation mark opens, the next one closes
    nested = re.sub(r'["“”]', lambda _: next(inner), " ".join(text.split()))
    return f"“{nested}”"


def span_label(start: dt.date, end: dt.date) -> str:
    """`13–19 May 2024`, `29 April – 5 May 2024`, `30 December 2024 – 5 January 2025`: an en
    dash for a range, spaced where the dates have spaces of their own."""
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end.strftime('%B')} {end.year}"
    if start.year == end.year:
        return f"{start.day} {start.strftime('%B')} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def latest_week(meetings: tuple[Meeting, ...]) -> Period | None:
    """The most recent ISO week that has a meeting."""
    return Period.of_day(max(m.date for m in meetings)) if meetings else None


@dataclass(frozen=True)
class Note:
    """A numbered citation: the quoted words and exactly where they stand."""

    number: int
    citation: Citation
    source: Source
    evidence: Evidence
    same_as: int | None = None  # an earlier note that quotes these words already: this one refers to it
    translated_in_text: bool = False  # the claim's own words are the translation: the note does not repeat it

    @property
    def seed_path(self) -> str:
        return f"seeds/{self.source.file}"


@dataclass(frozen=True)
class Cited(Generic[Item]):
    """Something the brief states, with the notes it rests on."""

    item: Item
    notes: tuple[Note, ...]
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def outlets(self) -> int:
        """How many distinct outlets back the claim (corroboration)."""
        return len({note.source.outlet for note in self.notes})


@dataclass(frozen=True)
class Section:
    """One meeting as the brief shows it."""

    meeting: Meeting
    place_notes: tuple[Note, ...]
    participants: tuple[Cited[Participant], ...]
    statements: tuple[Cited[Statement], ...]
    commitments: tuple[Cited[Commitment], ...]
    source_notes: tuple[str, ...] = ()
    place_disputed: bool = False  # a source gives another place: said where the place is stated
    warnings: tuple[Diagnostic, ...] = ()
    previous: "Earlier | None" = None  # the previous meeting of the same series
    follows_up: Meeting | None = None

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct outlets the whole meeting rests on."""
        notes = [*self.place_notes, *(n for group in (self.participants, self.statements, self.commitments)
                                     for cited in group for n in cited.notes)]
        return tuple(dict.fromkeys(note.source.outlet for note in notes))


@dataclass(frozen=True)
class Earlier:
    """An earlier meeting of the same series, and what it agreed."""

    meeting: Meeting
    agreed: tuple[Cited[Commitment], ...]


@dataclass(frozen=True)
class Due:
    """A commitment falling due, or whose date has passed with no outcome on record, from
    any meeting up to the period. Nothing on record says a commitment was missed, so the
    brief never calls it overdue: it says what is known (`PASSED`)."""

    meeting: Meeting
    cited: Cited[Commitment]
    passed: bool  # due before the period's end and not marked done

    @property
    def commitment(self) -> Commitment:
        return self.cited.item


@dataclass(frozen=True)
class Brief:
    """The weekly brief, ready to render."""

    settings: Settings
    period: Period
    issued: dt.date
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]
    sources: tuple[Source, ...]
    falling_due: tuple[Due, ...] = ()

    @property
    def title(self) -> str:
        """The settings' title; an edition that is no week's drops its "Weekly" (the
        all-meetings brief is no weekly brief)."""
        title = self.settings.title
        if "-W" in self.period.slug or not title.startswith("Weekly "):
            return title
        rest = title.removeprefix("Weekly ")
        return rest[:1].upper() + rest[1:]

    @property
    def source_numbers(self) -> dict[str, int]:
        """Each source's id -> its number in the list of sources, by which the notes name it."""
        return {source.id: number for number, source in enumerate(self.sources, start=1)}

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(tag for s in self.sections for tag in s.meeting.tags))

    @property
    def single_outlet_claims(self) -> bool:
        """Whether any claim carries the single-outlet marker (so the brief explains it)."""
        return any(c.outlets == 1 for s in self.sections for c in (*s.statements, *s.commitments))


def _places(record: Record) -> set[Where]:
    """Every position a record's own fields (and its citations) were written at."""
    places = {record.pos, *record.positions.values()}
    for citation in getattr(record, "cite", ()):
        places |= {citation.pos, *citation.positions.values()}
    return places


def _warnings(record: Record, warnings: dict[Where, list[Diagnostic]]) -> tuple[Diagnostic, ...]:
    """The warnings the check raised on this record, for the review copy."""
    return tuple(d for place in sorted(_places(record)) for d in warnings.get(place, ()))


class _Numbering:
    """Numbers citations in the order a reader meets them."""

    def __init__(self, dossier: Dossier, evidence: dict[Where, Evidence], findings: tuple[Diagnostic, ...]) -> None:
        self.sources = {s.id: s for s in dossier.sources}
        self.evidence = evidence
        self.warnings: dict[Where, list[Diagnostic]] = {}
        for finding in findings:
            if finding.severity == "warning":
                self.warnings.setdefault(finding.where, []).append(finding)
        self.notes: list[Note] = []
        self.quoted: dict[tuple[str, int], list[Note]] = {}  # (source, line) -> the notes that quote it

    def cite(self, citations: tuple[Citation, ...], said: tuple[str, ...] = ()) -> tuple[Note, ...]:
        """Notes for a claim's citations; `said` is what the brief prints for the claim."""
        made = []
        for citation in citations:
            evidence = self.evidence[citation.pos]
            same_as = self.earlier(citation, evidence)
            note = Note(len(self.notes) + 1, citation, self.sources[citation.source], evidence, same_as,
                        citation.translation is not None and translated_in(citation.translation, said))
            self.notes.append(note)
            if same_as is None:
                self.quoted.setdefault((citation.source, evidence.line), []).append(note)
            made.append(note)
        return tuple(made)

    def earlier(self, citation: Citation, evidence: Evidence) -> int | None:
        """The number of an earlier note on the same line whose quote holds this one's (and
        its translation, if any): the brief refers back instead of saying it twice."""
        quote = normal(citation.quote)
        return next((said.number for said in self.quoted.get((citation.source, evidence.line), [])
                     if quote in normal(said.citation.quote)
                     and citation.translation in (None, said.citation.translation)), None)

    def each(self, items: tuple[Claim, ...]) -> tuple[Cited[Claim], ...]:
        return tuple(Cited(item, self.cite(item.cite, printed(item)), _warnings(item, self.warnings)) for item in items)


PRINTED = ("title", "summary", "name", "role", "text")  # the fields a brief prints as a record's words


def printed(record: Record) -> tuple[str, ...]:
    """The words the brief prints for a record (a meeting's title and summary, a
    participant's name and role, a statement's or commitment's text)."""
    return tuple(value for field in PRINTED if isinstance(value := getattr(record, field, None), str))


def translated_in(translation: str, said: tuple[str, ...]) -> bool:
    """Whether the brief's own words already give a translation word for word (punctuation
    and ellipses aside): the note then keeps the original and does not say it twice."""
    words = " ".join(WORD.findall(normal(translation)))
    return any(f" {words} " in f" {' '.join(WORD.findall(normal(text)))} " for text in said)


DUE_WITHIN = dt.timedelta(days=30)
PASSED = "date passed, no outcome recorded"
DISPUTED = "another source gives another place: see source notes"


def falling_due(dossier: Dossier, period: Period) -> list[tuple[Meeting, Commitment]]:
    """Open commitments of meetings up to the period's end, due by 30 days after it."""
    found = [
        (meeting, commitment)
        for meeting in dossier.meetings
        if meeting.date <= period.end
        for commitment in meeting.commitments
        if commitment.due and not commitment.done and commitment.due <= period.end + DUE_WITHIN
    ]
    return sorted(found, key=lambda pair: (pair[1].due, pair[0].date, pair[0].id))


def previous_in_series(dossier: Dossier, meeting: Meeting) -> Meeting | None:
    if not meeting.series:
        return None
    series = " ".join(meeting.series.casefold().split())
    earlier = [m for m in dossier.meetings
               if m.series and " ".join(m.series.casefold().split()) == series and m.date < meeting.date]
    return max(earlier, key=lambda m: (m.date, m.id), default=None)


def assemble(
    dossier: Dossier,
    evidence: dict[Where, Evidence],
    period: Period,
    issued: dt.date,
    findings: tuple[Diagnostic, ...] = (),
) -> Brief:
    """The brief of the meetings within `period`, newest first; call only on a verified dossier.

    Disagreements between sources found by the check (`source-conflict`) become the
    meeting's source notes, so the reader sees them instead of a silent choice. Open
    commitments of earlier meetings falling due soon, and the previous meeting of each
    series, come along so that the brief remembers what was promised.
    """
    meetings = sorted((m for m in dossier.meetings if period.holds(m.date)), key=lambda m: (m.date, m.id), reverse=True)
    by_id = {m.id: m for m in dossier.meetings}
    numbering = _Numbering(dossier, evidence, findings)
    conflicts: dict[str, list[str]] = {}
    disputed: set[Where] = set()
    for finding in findings:
        if finding.code == CONFLICT:
            conflicts.setdefault(finding.where.file, []).append(finding.message)
            disputed.add(finding.where)
    sections = []
    for m in meetings:
        section = Section(
            meeting=m,
            place_notes=numbering.cite(m.cite, printed(m)),
            participants=numbering.each(m.participants),
            statements=numbering.each(m.statements),
            commitments=numbering.each(m.commitments),
            source_notes=tuple(conflicts.get(m.pos.file, ())),
            place_disputed=m.at("location") in disputed,
            warnings=_warnings(m, numbering.warnings),
            follows_up=by_id.get(m.follows_up) if m.follows_up else None,
        )
        previous = previous_in_series(dossier, m)
        if previous is not None:
            section = replace(section, previous=Earlier(previous, numbering.each(previous.commitments)))
        sections.append(section)
    # falling_due keeps only commitments with a due date
    due = tuple(Due(meeting, Cited(c, numbering.cite(c.cite, printed(c))), cast(dt.date, c.due) < period.end)
                for meeting, c in falling_due(dossier, period))
    sources = tuple(dict.fromkeys(note.source for note in numbering.notes))
    return Brief(dossier.settings, period, issued, tuple(sections), tuple(numbering.notes), sources, due)

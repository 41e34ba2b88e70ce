"""Proof by mutation: falsify the shipped summaries one fact at a time; the check must notice.

Each mutant is the shipped dossier with one fact changed in the model (positions kept),
verified against the real seed texts. A mutant counts as caught when `check` reports the
expected code (an error, or a warning that `--strict` turns into one). The table of
detection rates is printed in the test output (and so in CI's log).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterator

import pytest

from briefgen.load import load
from briefgen.model import Citation, Dossier, Meeting, Where
from briefgen.vocabulary import CITIES, countries_in
from briefgen.text import normal
from briefgen.verify import verify

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W\d_]{3,}")

# kind -> (expected codes, minimum detection rate)
KINDS: dict[str, tuple[set[str], float]] = {
    "quote: word replaced": ({"quote-not-found"}, 1.0),
    "quote: word dropped": ({"quote-not-found"}, 1.0),
    "quote: digit changed": ({"quote-not-found"}, 1.0),
    "figure: digit changed": ({"figure-not-cited"}, 0.95),
    "date: day shifted": ({"date-not-cited"}, 1.0),
    "date: month shifted": ({"date-not-cited"}, 1.0),
    "location: other city": ({"location-not-cited"}, 1.0),
    "name: one letter off": ({"name-not-in-quote"}, 1.0),
    "speakers swapped": ({"speaker-not-near", "unknown-speaker"}, 0.95),
    "translation removed": ({"translation-missing"}, 1.0),
    "role: swapped": ({"role-not-cited"}, 1.0),
    "country: a neighbour's": ({"country-not-cited"}, 1.0),
    "party: added": ({"party-not-cited"}, 1.0),
    "due: shifted or invented": ({"due-not-cited"}, 1.0),
    "year: another": ({"year-not-cited"}, 1.0),
    "date: another event's": ({"date-not-cited"}, 0.8),
    "number: word changed": ({"figure-not-cited"}, 1.0),
    "polarity: reversed": ({"claim-polarity"}, 0.8),
    "ellipsis: joins sentences": ({"ellipsis-misleads"}, 1.0),
    "quote: from boilerplate": ({"quote-boilerplate"}, 1.0),
    "future: reported as done": ({"future-as-done"}, 0.8),
    "speaker: another's words": ({"speaker-elsewhere", "speaker-not-near", "unknown-speaker"}, 1.0),
    "translation: number changed": ({"translation-unfaithful"}, 1.0),
    "translation: month changed": ({"translation-unfaithful"}, 1.0),
    "translation: name changed": ({"translation-unfaithful"}, 1.0),
    "translation: place changed": ({"translation-unfaithful"}, 1.0),
    "translation: negation changed": ({"translation-unfaithful"}, 1.0),
}

Mutant = tuple[str, str, Dossier]  # kind, description, dossier


def with_meeting(dossier: Dossier, old: Meeting, new: Meeting) -> Dossier:
    meetings = tuple(new if m is old else m for m in dossier.meetings)
    return dataclasses.replace(dossier, meetings=meetings)


def with_citation(meeting: Meeting, old: Citation, new: Citation) -> Meeting:
    """The meeting with one evidence item replaced, wherever it stands."""

    def swap(cite: tuple[Citation, ...]) -> tuple[Citation, ...]:
        return tuple(new if c is old else c for c in cite)

    def each(items):
        return tuple(dataclasses.replace(i, cite=swap(i.cite)) for i in items)

    return dataclasses.replace(
        meeting,
        cite=swap(meeting.cite),
        participants=each(meeting.participants),
        statements=each(meeting.statements),
        commitments=each(meeting.commitments),
    )


def interior_word(text: str) -> re.Match | None:
    """A word in the middle of a quote (dropping an edge word can leave a true quote)."""
    words = list(WORD.finditer(text))
    return words[len(words) // 2] if len(words) >= 3 else None


def bumped(text: str) -> list[str]:
    """One variant per number in the text, its last digit changed."""
    variants = []
    for match in re.finditer(r"\d+", text):
        at = match.end() - 1
        variants.append(text[:at] + str((int(text[at]) + 1) % 10) + text[at + 1:])
    return variants


def quote_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for citation in meeting.citations():
            word = interior_word(citation.quote)
            q = citation.quote
            if word:
                stand_in = "зебра" if re.search("[а-я]", word.group(), re.I) else "zebra"
                yield ("quote: word replaced", f"{meeting.id}: {word.group()!r} in {q[:40]!r}",
                       with_meeting(dossier, meeting, with_citation(meeting, citation, dataclasses.replace(
                           citation, quote=q[: word.start()] + stand_in + q[word.end():]))))
                yield ("quote: word dropped", f"{meeting.id}: {word.group()!r} in {q[:40]!r}",
                       with_meeting(dossier, meeting, with_citation(meeting, citation, dataclasses.replace(
                           citation, quote=q[: word.start()] + q[word.end():]))))
            for variant in bumped(q):
                yield ("quote: digit changed", f"{meeting.id}: {q[:40]!r}",
                       with_meeting(dossier, meeting, with_citation(meeting, citation, dataclasses.replace(
                           citation, quote=variant))))
            if citation.translation:
                yield ("translation removed", f"{meeting.id}: {q[:40]!r}",
                       with_meeting(dossier, meeting, with_citation(meeting, citation, dataclasses.replace(
                           citation, translation=None))))


def figure_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for variant in bumped(meeting.summary):
            yield ("figure: digit changed", f"{meeting.id}: summary {variant[:40]!r}",
                   with_meeting(dossier, meeting, dataclasses.replace(meeting, summary=variant)))
        for group in ("statements", "commitments"):
            items = getattr(meeting, group)
            for index, item in enumerate(items):
                for variant in bumped(item.text):
                    changed = items[:index] + (dataclasses.replace(item, text=variant),) + items[index + 1:]
                    yield ("figure: digit changed", f"{meeting.id}: {variant[:40]!r}",
                           with_meeting(dossier, meeting, dataclasses.replace(meeting, **{group: changed})))


def date_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for kind, change in (("date: day shifted", lambda d: d.replace(day=d.day % 28 + 1)),
                             ("date: month shifted", lambda d: d.replace(month=d.month % 12 + 1))):
            shifted = change(meeting.date)
            yield (kind, f"{meeting.id}: {shifted}",
                   with_meeting(dossier, meeting, dataclasses.replace(meeting, date=shifted)))


def location_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        quoted = " ".join(normal(c.quote) for c in meeting.cite)
        for city in CITIES:
            if city != meeting.city and normal(city) not in quoted:
                yield ("location: other city", f"{meeting.id}: {city}",
                       with_meeting(dossier, meeting, dataclasses.replace(meeting, location=city)))


def misspell(name: str) -> str:
    """One letter of the longest word changed, as a typist would."""
    word = max(re.finditer(r"[^\W\d_]+", name), key=lambda m: len(m.group()))
    at = word.start() + len(word.group()) // 2
    letter = name[at]
    stand_in = ("е" if letter != "е" else "а") if re.match("[а-я]", letter, re.I) else ("e" if letter != "e" else "a")
    return name[:at] + stand_in + name[at + 1:]


def name_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for index, person in enumerate(meeting.participants):
            wrong = misspell(person.name)
            people = list(meeting.participants)
            people[index] = dataclasses.replace(person, name=wrong)
            # statements keep naming the participant as the officer would after the typo
            statements = tuple(dataclasses.replace(s, speaker=wrong) if s.speaker == person.name else s
                               for s in meeting.statements)
            yield ("name: one letter off", f"{meeting.id}: {person.name!r} -> {wrong!r}",
                   with_meeting(dossier, meeting, dataclasses.replace(
                       meeting, participants=tuple(people), statements=statements)))


def swap_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        statements = meeting.statements
        for i, first in enumerate(statements):
            for j in range(i + 1, len(statements)):
                second = statements[j]
                if normal(first.speaker) == normal(second.speaker):
                    continue
                swapped = list(statements)
                swapped[i] = dataclasses.replace(first, speaker=second.speaker)
                swapped[j] = dataclasses.replace(second, speaker=first.speaker)
                yield ("speakers swapped", f"{meeting.id}: statements {i} and {j}",
                       with_meeting(dossier, meeting, dataclasses.replace(meeting, statements=tuple(swapped))))


def replaced(items: tuple, index: int, item: object) -> tuple:
    return items[:index] + (item,) + items[index + 1:]


def role_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """Two participants' roles swapped (the falsehood a hurried officer makes most)."""
    for meeting in dossier.meetings:
        people = meeting.participants
        for i, first in enumerate(people):
            for j in range(i + 1, len(people)):
                second = people[j]
                if normal(first.role) == normal(second.role):
                    continue
                swapped = replaced(replaced(people, i, dataclasses.replace(first, role=second.role)), j,
                                   dataclasses.replace(second, role=first.role))
                yield ("role: swapped", f"{meeting.id}: {first.name} <-> {second.name}",
                       with_meeting(dossier, meeting, dataclasses.replace(meeting, participants=swapped)))


NEIGHBOURS = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia", "Afghanistan")


def country_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for index, person in enumerate(meeting.participants):
            if person.country is None:
                continue
            named = countries_in(" ".join(normal(c.quote) for c in person.cite))
            for other in NEIGHBOURS:
                if other != person.country and other not in named:
                    people = replaced(meeting.participants, index, dataclasses.replace(person, country=other))
                    yield ("country: a neighbour's", f"{meeting.id}: {person.name} of {other}",
                           with_meeting(dossier, meeting, dataclasses.replace(meeting, participants=people)))


def party_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for index, commitment in enumerate(meeting.commitments):
            for extra in ("China", "Afghanistan", "Iran", "Turkey"):
                changed = dataclasses.replace(commitment, parties=(*commitment.parties, extra))
                yield ("party: added", f"{meeting.id}: commitment {index} + {extra}",
                       with_meeting(dossier, meeting, dataclasses.replace(
                           meeting, commitments=replaced(meeting.commitments, index, changed))))


def due_mutants(dossier: Dossier) -> Iterator[Mutant]:
    for meeting in dossier.meetings:
        for index, commitment in enumerate(meeting.commitments):
            due = commitment.due
            wrong = ([due + dt.timedelta(days=1), due.replace(month=due.month % 12 + 1), due.replace(year=due.year + 1)]
                     if due else [meeting.date + dt.timedelta(days=45), dt.date(meeting.date.year, 12, 31)])
            for day in wrong:
                changed = dataclasses.replace(commitment, due=day)
                yield ("due: shifted or invented", f"{meeting.id}: commitment {index} due {day}",
                       with_meeting(dossier, meeting, dataclasses.replace(
                           meeting, commitments=replaced(meeting.commitments, index, changed))))


def year_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """Another year (a strategy's span, a figure): only meetings whose year is cited today
    can show a new finding."""
    for meeting in dossier.meetings:
        published = {dossier.source(c.source).published for c in meeting.cite} - {None}
        if not any(str(meeting.date.year) in c.quote for c in meeting.cite) and \
                meeting.date.year not in {day.year for day in published}:
            continue  # its year is warned about already: another year is no new finding
        for year in (meeting.date.year - 1, meeting.date.year + 1, meeting.date.year + 5, 2029, 2040):
            yield ("year: another", f"{meeting.id}: {year}", with_meeting(dossier, meeting, dataclasses.replace(
                meeting, date=meeting.date.replace(year=year))))


def date_event_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """The meeting dated from another sentence of a cited article that states a day (a
    byline, another event, the next summit), that sentence added to the meeting's cite."""
    from briefgen.corpus import decode
    from briefgen.scaffold.dates import dates_in
    from briefgen.scaffold.sentences import sentences

    for meeting in dossier.meetings:
        for sid in dict.fromkeys(c.source for c in meeting.citations()):
            source = dossier.source(sid)
            text = decode((ROOT / "seeds" / source.file).read_bytes(), source, source.file)
            for sentence in sentences(text):
                for stated in dates_in(normal(sentence.text)):
                    day = stated.on(stated.year or meeting.date.year)
                    if (day.month, day.day) == (meeting.date.month, meeting.date.day):
                        continue
                    other = Citation(pos=Where(meeting.pos.file, 9_000 + len(sentence.text), 1), source=sid,
                                     quote=sentence.text)
                    for how, cite in (("added to", (*meeting.cite, other)), ("instead of", (*meeting.cite[1:], other))):
                        yield ("date: another event's", f"{meeting.id}: {day} from {sentence.text[:50]!r}, {how} cite",
                               with_meeting(dossier, meeting, dataclasses.replace(meeting, date=day, cite=cite)))


NUMBER_SWAPS = {"first": "second", "second": "third", "five": "six", "six": "five", "two": "three",
                "three": "four", "6th": "7th", "ten": "eleven"}
NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_SWAPS) + r")\b", re.IGNORECASE)


def number_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A number word or ordinal changed in a title, a summary or a text."""
    def swap(text: str) -> Iterator[str]:
        for match in NUMBER_WORD.finditer(text):
            if re.match(r"\s+of all", text[match.end():]):
                continue  # an idiom, not a number
            word = NUMBER_SWAPS[match.group(1).lower()]
            yield text[: match.start()] + (word.capitalize() if match.group(1)[0].isupper() else word) + text[match.end():]

    for meeting in dossier.meetings:
        for field in ("title", "summary"):
            for variant in swap(getattr(meeting, field)):
                yield ("number: word changed", f"{meeting.id}: {field} {variant[:50]!r}",
                       with_meeting(dossier, meeting, dataclasses.replace(meeting, **{field: variant})))
        for group in ("statements", "commitments"):
            items = getattr(meeting, group)
            for index, item in enumerate(items):
                for variant in swap(item.text):
                    yield ("number: word changed", f"{meeting.id}: {variant[:50]!r}",
                           with_meeting(dossier, meeting, dataclasses.replace(
                               meeting, **{group: replaced(items, index, dataclasses.replace(item, text=variant))})))


REVERSALS = [(" agreed ", " did not agree "), (" should ", " should not "), (" is ", " is not "),
             (" are ", " are not "), (" must ", " must not "), (" requires ", " does not require "),
             (" has grown ", " has fallen "), (" rejected", " accepted"), ("Thanks ", "No thanks "),
             (" called for ", " refused to call for "), (" sought ", " did not seek ")]


def polarity_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A text saying the opposite of its quotes: a negation added, an antonym swapped in."""
    for meeting in dossier.meetings:
        for group in ("statements", "commitments"):
            items = getattr(meeting, group)
            for index, item in enumerate(items):
                for old, new in REVERSALS:
                    if old in f" {item.text} ":
                        text = f" {item.text} ".replace(old, new, 1).strip()
                        yield ("polarity: reversed", f"{meeting.id}: {text[:50]!r}",
                               with_meeting(dossier, meeting, dataclasses.replace(
                                   meeting, **{group: replaced(items, index, dataclasses.replace(item, text=text))})))
                        break


def texts_of(dossier: Dossier, source_id: str):
    from briefgen.corpus import decode

    source = dossier.source(source_id)
    return decode((ROOT / "seeds" / source.file).read_bytes(), source, source.file)


def ellipsis_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A quote rewritten to join the start of its sentence to the end of the next one."""
    from briefgen.scaffold.sentences import sentences

    for meeting in dossier.meetings:
        for citation in meeting.citations():
            text = texts_of(dossier, citation.source)
            said = [s for s in sentences(text)]
            for first, second in zip(said, said[1:]):
                if first.line != second.line or normal(citation.quote)[:30] not in normal(first.text):
                    continue
                head, tail = first.text.split()[:5], second.text.rstrip(".").split()[-5:]
                quote = " ".join(head) + " ... " + " ".join(tail)
                yield ("ellipsis: joins sentences", f"{meeting.id}: {quote[:60]!r}",
                       with_meeting(dossier, meeting, with_citation(meeting, citation, dataclasses.replace(
                           citation, quote=quote, translation=None))))
                break


def boilerplate_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A statement's quote replaced by a caption, credit or headline of the same article."""
    from briefgen.vocabulary.discourse import boilerplate_lines

    for meeting in dossier.meetings:
        for statement in meeting.statements:
            citation = statement.cite[0]
            text = texts_of(dossier, citation.source)
            lines = boilerplate_lines(text.paragraphs)
            for paragraph in text.paragraphs:
                if paragraph.line in lines and len(paragraph.raw.split()) >= 2:
                    yield ("quote: from boilerplate", f"{meeting.id}: {paragraph.raw[:50]!r}",
                           with_meeting(dossier, meeting, with_citation(meeting, citation, dataclasses.replace(
                               citation, quote=paragraph.raw.strip(" -"), translation=None))))
                    break


FUTURE_TO_DONE = [("to be held", "which was held"), ("will be", "was"), ("will help", "helped"),
                  ("Prepare the", "Prepared the"), ("Hold regular", "Held regular"),
                  ("Put Kazakhstan's", "Kazakhstan put its"), ("Use the", "Used the"), ("Continue the", "Continued the"),
                  ("Deepen contacts", "Deepened contacts")]


def future_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A commitment or a planned event reported as done."""
    for meeting in dossier.meetings:
        for index, commitment in enumerate(meeting.commitments):
            for old, new in FUTURE_TO_DONE:
                if old in commitment.text:
                    changed = dataclasses.replace(commitment, text=commitment.text.replace(old, new, 1))
                    yield ("future: reported as done", f"{meeting.id}: {changed.text[:50]!r}",
                           with_meeting(dossier, meeting, dataclasses.replace(
                               meeting, commitments=replaced(meeting.commitments, index, changed))))
                    break


def attribution_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A statement given to another participant of the meeting."""
    for meeting in dossier.meetings:
        people = [p for p in meeting.participants if len(p.name.split()) <= 3]
        for index, statement in enumerate(meeting.statements):
            for person in people:
                if normal(person.name) == normal(statement.speaker):
                    continue
                changed = dataclasses.replace(statement, speaker=person.name)
                yield ("speaker: another's words", f"{meeting.id}: statement {index} -> {person.name}",
                       with_meeting(dossier, meeting, dataclasses.replace(
                           meeting, statements=replaced(meeting.statements, index, changed))))
                break


# What a translation mutant changes, kind by kind: (pattern, replacement) in the translation.
TRANSLATION_EDITS: dict[str, list[tuple[str, str]]] = {
    "translation: number changed": [(r"\b2022\b", "2021"), (r"\bfirst\b", "second"), (r"\b1200\b", "1300"),
                                    (r"\btwo\b", "three")],
    "translation: month changed": [(r"\bOctober\b", "November"), (r"\bMay\b", "June"), (r"\bJune\b", "July")],
    "translation: name changed": [(r"\bKassym-Jomart Tokayev\b", "Shavkat Mirziyoyev"), (r"\bTokayev\b", "Japarov"),
                                  (r"\bAlmaz Temirov\b", "Rustam Nazarov")],
    "translation: place changed": [(r"\bAfghanistan\b", "Pakistan"), (r"\bAlmaty\b", "Astana"),
                                   (r"\bRussia\b", "China"), (r"\bBishkek\b", "Osh")],
    "translation: negation changed": [(r" are ", " are not "), (r" is to ", " is not to "), (r" will ", " will not "),
                                      (r" should ", " should not "), (r"far from realised", "fully realised"),
                                      (r"no longer enough", "still enough"), (r"^It is important", "It is not important")],
}


def translation_mutants(dossier: Dossier) -> Iterator[Mutant]:
    """A translation that says other than its original: a number, a month, a name, a place
    or a negation changed (each edit once per translation that has what it changes)."""
    for meeting in dossier.meetings:
        for citation in meeting.citations():
            if not citation.translation:
                continue
            for kind, edits in TRANSLATION_EDITS.items():
                for pattern, replacement in edits:
                    changed = re.sub(pattern, replacement, citation.translation, count=1)
                    if changed != citation.translation:
                        new = dataclasses.replace(citation, translation=changed)
                        yield (kind, f"{meeting.id}: {changed[:60]!r}",
                               with_meeting(dossier, meeting, with_citation(meeting, citation, new)))


GENERATORS: list[Callable[[Dossier], Iterator[Mutant]]] = [
    quote_mutants, figure_mutants, date_mutants, location_mutants, name_mutants, swap_mutants,
    role_mutants, country_mutants, party_mutants, due_mutants, year_mutants, date_event_mutants, number_mutants,
    polarity_mutants, ellipsis_mutants, boilerplate_mutants, future_mutants, attribution_mutants,
    translation_mutants,
]


@pytest.fixture(scope="module")
def shipped() -> Dossier:
    dossier = load(ROOT)
    assert not verify(ROOT, dossier).errors, "the shipped data must check clean"
    return dossier


def test_every_mutant_is_caught(shipped: Dossier, capsys: pytest.CaptureFixture) -> None:
    baseline = {(d.code, d.where) for d in verify(ROOT, shipped).diagnostics}
    caught: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    missed: list[str] = []
    for generate in GENERATORS:
        for kind, description, mutant in generate(shipped):
            codes, _ = KINDS[kind]
            found = {(d.code, d.where) for d in verify(ROOT, mutant).diagnostics} - baseline
            total[kind] += 1
            if any(code in codes for code, _ in found):
                caught[kind] += 1
            else:
                missed.append(f"{kind}: {description}")
    rows = [f"{'mutation kind':<28} {'caught':>7} {'total':>6} {'rate':>7}  required"]
    for kind, (_, required) in KINDS.items():
        rate = caught[kind] / total[kind] if total[kind] else 1.0
        rows.append(f"{kind:<28} {caught[kind]:>7} {total[kind]:>6} {rate:>7.1%}  {required:.0%}")
    with capsys.disabled():
        print("\n\nMutation detection on the shipped summaries\n" + "\n".join(rows) + "\n")
        for line in missed:
            print("  missed:", line)
    for kind, (_, required) in KINDS.items():
        assert total[kind] > 0, f"no mutant of kind {kind!r} was generated"
        rate = caught[kind] / total[kind] if total[kind] else 1.0
        assert rate >= required, f"{kind}: {rate:.1%} caught, {required:.0%} required; missed: {missed}"

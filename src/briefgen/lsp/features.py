"""What the language server answers, as plain functions of a checked buffer and a position.

Nothing here knows the protocol: lines are 0-based, columns are code points (the server
converts to the client's units), and an edit is a `TextEdit` on the buffer's text. Each
answer comes from what the check of the buffer saw (`FileCheck`): the quote's match, the
findings and the checks' own helpers (quote-not-found's near miss, name-not-in-quote's
misspelling), so the editor never says anything `briefgen check` would not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..checks.name_not_in_quote import misspelt
from ..checks.quote_not_found import near_miss
from ..context import Context
from ..model import Citation, Diagnostic, Meeting, Participant, Source
from ..pipeline import FileCheck
from ..scaffold.meeting import scalar
from ..scaffold.sentences import sentences
from ..text import normal
from ..vocabulary import date_pattern, year_pattern


@dataclass(frozen=True)
class TextEdit:
    """Replace the text from (line, column) to (end_line, end_column) with `text`; 0-based."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True)
class Action:
    """A code action: its title, the finding it mends, and the edits to the buffer."""

    title: str
    diagnostic: Diagnostic
    edits: tuple[TextEdit, ...]


@dataclass(frozen=True)
class Target:
    """Where a definition is: a file of the repository and a 0-based line."""

    path: Path
    line: int


@dataclass(frozen=True)
class Item:
    """A completion: what is inserted, and what the editor shows beside it."""

    label: str
    detail: str


# --- finding the record under the cursor ------------------------------------------------


def value_lines(lines: list[str], where_line: int, item: bool = False) -> range:
    """The 0-based lines a field's value spans, from the line of its key (1-based
    `where_line`): that line and every following one indented deeper than the key (as deep,
    for a whole list item: `- source: x` and its `quote:`), or blank."""
    first = where_line - 1
    if not 0 <= first < len(lines):
        return range(0)
    indent = key_indent(lines[first]) - item
    last = first
    for number in range(first + 1, len(lines)):
        line = lines[number]
        if line.strip() and _indent(line) <= indent:
            break
        if line.strip():
            last = number
    return range(first, last + 1)


def key_indent(line: str) -> int:
    """The column of a line's key (`  - quote: x` -> 4)."""
    match = re.match(r"\s*(?:-\s+)*", line)
    return match.end() if match else 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def citation_at(meeting: Meeting, lines: list[str], line: int, field: str = "quote") -> Citation | None:
    """The citation whose `field` (quote or source) spans the 0-based `line`."""
    for citation in meeting.citations():
        if field in citation.positions and line in value_lines(lines, citation.at(field).line):
            return citation
    return None


# --- hover and definition ---------------------------------------------------------------


def hover(check: FileCheck, text: str, line: int) -> str | None:
    """Markdown for a quote under the cursor: the passage it stands in (outlet, file, line),
    or what the check says of it (the closest passage and what differs)."""
    if check.meeting is None or check.context is None:
        return None
    citation = citation_at(check.meeting, text.split("\n"), line)
    if citation is None:
        return None
    match = check.context.matches.get(citation.pos)
    if match is not None:
        source = match.text.source
        return (f"**{source.outlet}**, `seeds/{source.file}` line {match.paragraph.line} "
                f"(`{source.id}`)\n\n> {match.paragraph.raw}")
    said = [d for d in check.diagnostics if d.where == citation.at("quote") or d.where == citation.at("source")]
    return "\n\n".join(f"**{d.code}**: {d.message}\n\n{d.hint}" for d in said) or None


def definition(check: FileCheck, text: str, line: int) -> Target | None:
    """The seed file of the `source:` id under the cursor, at the line its quote stands on
    (the closest passage's line for a near miss, else the file's first line)."""
    if check.meeting is None or check.context is None:
        return None
    citation = citation_at(check.meeting, text.split("\n"), line, "source")
    source = check.context.dossier.source(citation.source) if citation else None
    if citation is None or source is None:
        return None
    if citation.source not in check.context.texts:
        return None  # a file the catalogue lists but check refused (outside seeds/, unreadable)
    match = check.context.matches.get(citation.pos)
    seed = check.context.root / "seeds" / source.file
    if match is not None:
        return Target(seed, match.paragraph.line - 1)
    source_text = check.context.texts.get(citation.source)
    near = near_miss(source_text, citation.quote) if source_text else None
    return Target(seed, near.line - 1 if near else 0)


# --- completion -------------------------------------------------------------------------

SOURCE_KEY = re.compile(r"^\s*(?:-\s+)?source:\s*(\S*)$")
SPEAKER_KEY = re.compile(r"^\s*(?:-\s+)?speaker:\s*([^#]*)$")
PARTIES_ITEM = re.compile(r"^\s*(?:-\s+)?parties:\s*\[(?:[^\]]*,)?\s*([^,\]]*)$")


def completion(line_text: str, sources: tuple[Source, ...], meeting: Meeting | None) -> list[Item]:
    """Source ids after `source:`; the meeting's participants after `speaker:` or in
    `parties: [...]` (`meeting`: the buffer's, or its last readable version)."""
    if SOURCE_KEY.match(line_text):
        return [Item(s.id, f"{s.outlet}: {s.title or s.file}") for s in sources]
    if (SPEAKER_KEY.match(line_text) or PARTIES_ITEM.match(line_text)) and meeting is not None:
        return [Item(p.name, p.role) for p in meeting.participants]
    return []


# --- code actions -----------------------------------------------------------------------


def actions(check: FileCheck, text: str, first: int, last: int) -> list[Action]:
    """The mends on offer for the findings on 0-based lines first..last, in the buffer's
    own line endings (a CRLF file's edits neither eat its `\r` nor add bare `\n`)."""
    if check.meeting is None or check.context is None:
        return []
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    found = []
    for diagnostic in check.diagnostics:
        if first <= diagnostic.where.line - 1 <= last:
            action = _mend(check.meeting, check.context, lines, diagnostic)
            if action is not None:
                edits = tuple(replace(e, text=e.text.replace("\n", eol)) for e in action.edits)
                found.append(replace(action, edits=edits))
    return found


def _mend(meeting: Meeting, ctx: Context, lines: list[str], diagnostic: Diagnostic) -> Action | None:
    if diagnostic.code == "quote-not-found":
        return use_source_wording(meeting, ctx, lines, diagnostic)
    if diagnostic.code == "name-not-in-quote":
        return add_alias(meeting, lines, diagnostic)
    if diagnostic.code == "year-not-cited":
        return cite_year(meeting, ctx, lines, diagnostic)
    return None


def use_source_wording(meeting: Meeting, ctx: Context, lines: list[str], diagnostic: Diagnostic) -> Action | None:
    """Replace a near-miss quote with the closest passage, as quote-not-found finds it."""
    citation = next((c for c in meeting.citations() if c.at("quote") == diagnostic.where), None)
    text = ctx.texts.get(citation.source) if citation else None
    near = near_miss(text, citation.quote) if citation and text else None
    if citation is None or near is None:
        return None
    span = value_lines(lines, citation.at("quote").line)
    start = citation.at("quote").column - 1
    edit = TextEdit(span.start, start, span.stop - 1, len(lines[span.stop - 1]), scalar(near.passage))
    return Action(f"Use the source's wording: {_short(near.passage)}", diagnostic, (edit,))


def add_alias(meeting: Meeting, lines: list[str], diagnostic: Diagnostic) -> Action | None:
    """Add the spelling a participant's quote uses to the participant's `aliases`."""
    person = next((p for p in meeting.participants if p.at("name") == diagnostic.where), None)
    spelling = misspelt(person) if person else None
    if person is None or spelling is None:
        return None
    return Action(f"Add {spelling!r} to aliases", diagnostic, (_alias_edit(person, lines, spelling),))


def _alias_edit(person: Participant, lines: list[str], spelling: str) -> TextEdit:
    """An item appended to `aliases: [...]` or to a block list, or a new `aliases:` line
    after the name."""
    flow = json.dumps(spelling, ensure_ascii=False) if any(c in spelling for c in ",[]{}") else scalar(spelling)
    if "aliases" not in person.positions:
        at = person.at("name").line
        indent = " " * key_indent(lines[at - 1])
        return TextEdit(at, 0, at, 0, f"{indent}aliases: [{flow}]\n")
    where = person.at("aliases")
    line = lines[where.line - 1]
    if line[where.column - 1:].startswith("["):
        close = line.index("]", where.column - 1) if "]" in line[where.column - 1:] else len(line)
        empty = not line[where.column:close].strip()
        return TextEdit(where.line - 1, close, where.line - 1, close, flow if empty else f", {flow}")
    return TextEdit(where.line, 0, where.line, 0, f"{' ' * (where.column - 1)}- {flow}\n")


def cite_year(meeting: Meeting, ctx: Context, lines: list[str], diagnostic: Diagnostic) -> Action | None:
    """Add to the meeting's `cite` a sentence of its sources giving its day, month and year."""
    found = year_sentence(meeting, ctx)
    if found is None or not meeting.cite:
        return None
    source_id, sentence = found
    first = meeting.cite[0].pos
    prefix = lines[first.line - 1][: first.column - 1]
    after = value_lines(lines, meeting.cite[-1].pos.line, item=True).stop
    item = f"{prefix}source: {source_id}\n{' ' * len(prefix)}quote: {scalar(sentence)}\n"
    return Action(f"Cite the sentence with the year: {_short(sentence)}", diagnostic,
                  (TextEdit(after, 0, after, 0, item),))


def year_sentence(meeting: Meeting, ctx: Context) -> tuple[str, str] | None:
    """A sentence of a source the meeting cites (its `cite`'s first) that gives the meeting's
    day, month and year, in the brief's language: (source id, sentence)."""
    day, year = date_pattern(meeting.date), year_pattern(meeting.date.year)
    cited = dict.fromkeys([c.source for c in meeting.cite] + [c.source for c in meeting.citations()])
    for source_id in cited:
        text = ctx.texts.get(source_id)
        if text is None or text.source.language != ctx.dossier.settings.language:
            continue
        for sentence in sentences(text):
            said = normal(sentence.text)
            if day.search(said) and year.search(said):
                return source_id, sentence.text
    return None


def _short(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")

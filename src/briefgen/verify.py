"""Verify a loaded dossier against its source texts: model + seeds -> diagnostics + evidence.

Pure stages: read the texts into a `Context`, run the whole-repository checks, check
each meeting (a pure function of the meeting and the texts it cites, which the pipeline
memoises), and gather the findings and the evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable

from . import checks
from .context import Context, Match
from .corpus import SourceText, text_of
from .model import Diagnostic, Dossier, Evidence, Meeting, Source, Where
from .snapshot import Snapshot, SourceProblem


class Evidences(dict[Where, Evidence]):
    """Citation position -> Evidence, each computed when first asked for (by the brief).

    `lookup` gives a citation's match: a check's own results, or a fresh search when
    the findings were recalled from the cache.
    """

    def __init__(self, lookup: Callable[[Where], Match | None]) -> None:
        super().__init__()
        self.lookup = lookup

    def __missing__(self, pos: Where) -> Evidence:
        match = self.lookup(pos)
        if match is None:
            raise KeyError(pos)
        self[pos] = match.evidence
        return self[pos]

    def __contains__(self, pos: object) -> bool:
        return super().__contains__(pos) or (isinstance(pos, Where) and self.lookup(pos) is not None)


@dataclass(frozen=True)
class Verification:
    """The outcome of `check`: all findings, sorted, and where each verified quote stands."""

    diagnostics: tuple[Diagnostic, ...]
    evidence: Evidences

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "warning")


def readable(dossier: Dossier) -> dict[str, Source]:
    """The catalogue entries whose files are read: the first for each id and for each file
    (a later duplicate is reported by duplicate-source, and its text is not used)."""
    chosen: dict[str, Source] = {}
    seen_files: set[str] = set()
    for source in dossier.sources:
        if source.id not in chosen and source.file not in seen_files:
            chosen[source.id] = source
            seen_files.add(source.file)
    return chosen


def _snapshot(dossier: Dossier) -> Snapshot:
    """The snapshot the dossier was loaded from, with every catalogued article read."""
    assert dossier.snapshot is not None, "a dossier comes from load()"
    dossier.snapshot.read_seeds(source.file for source in dossier.sources)
    return dossier.snapshot


def read_texts(root: Path, dossier: Dossier) -> Context:
    """The context of a check: every readable article decoded, and why the others are not."""
    texts: dict[str, SourceText] = {}
    problems: dict[str, SourceProblem] = {}
    snapshot = _snapshot(dossier)
    for source in readable(dossier).values():
        result = text_of(source, snapshot.seed(source.file))
        if isinstance(result, SourceProblem):
            problems[source.id] = result
        else:
            texts[source.id] = result
    return Context(root, dossier, texts, problems, meetings=dossier.meetings)


class _TextsOnDemand(Mapping[str, SourceText]):
    """Source id -> text, each article decoded when a quote from it is first looked up."""

    def __init__(self, dossier: Dossier) -> None:
        self.snapshot, self.sources = _snapshot(dossier), readable(dossier)
        self.read: dict[str, SourceText | None] = {}

    def __getitem__(self, source_id: str) -> SourceText:
        if source_id not in self.read:
            source = self.sources.get(source_id)
            result = text_of(source, self.snapshot.seed(source.file)) if source else None
            self.read[source_id] = result if isinstance(result, SourceText) else None
        text = self.read[source_id]
        if text is None:
            raise KeyError(source_id)
        return text

    def __iter__(self) -> Iterator[str]:
        return (source_id for source_id in self.sources if source_id in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def recall(root: Path, dossier: Dossier, diagnostics: tuple[Diagnostic, ...]) -> Verification:
    """The outcome of an earlier check of these very bytes (the snapshot's key found it): its
    findings as cached, and each quote located again only when the brief cites it (a
    week's brief decodes a few sources, not the archive's thousands)."""
    ctx = Context(root, dossier, texts=_TextsOnDemand(dossier))
    citations = {citation.pos: citation for _, citation in dossier.citations()}
    return Verification(diagnostics, Evidences(lambda pos: ctx.match(citations[pos]) if pos in citations else None))


Located = tuple[str, int, tuple[str, ...]]  # where a quote stands: source id, line, quote parts
Checked = tuple[tuple[Diagnostic, ...], dict[Where, Located | None]]  # a meeting's findings and quotes


def meeting_checks() -> list[ModuleType]:
    """The checks that look at one meeting at a time (their results are memoised per meeting)."""
    return [m for m in checks.verifiers() if getattr(m, "SCOPE", "") == "meeting"]


def repository_checks(ctx: Context) -> list[Diagnostic]:
    """The findings of the checks that look at the whole repository at once."""
    each = meeting_checks()
    return [d for module in checks.verifiers() if module not in each for d in module.check(ctx)]


def check_meeting(ctx: Context, meeting: Meeting, modules: list[ModuleType]) -> Checked:
    """A meeting's findings, and where each of its quotes stands (source, line, parts) or None."""
    sub = ctx.only(meeting)
    diagnostics = tuple(d for module in modules for d in module.check(sub))
    matches: dict[Where, Located | None] = {}
    for citation in meeting.citations():
        match = ctx.match(citation)
        matches[citation.pos] = (match.text.source.id, match.paragraph.line, match.parts) if match else None
    return diagnostics, matches


def is_checked(ctx: Context, entry: object) -> bool:
    """An entry of check_meeting's shape, locating quotes only in paragraphs that exist."""
    if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], dict)):
        return False
    diagnostics, matches = entry
    return (isinstance(diagnostics, tuple) and all(isinstance(d, Diagnostic) for d in diagnostics)
            and all(isinstance(pos, Where) and (located is None or _is_located(ctx, located))
                    for pos, located in matches.items()))


def _is_located(ctx: Context, located: object) -> bool:
    return (isinstance(located, tuple) and len(located) == 3 and located[0] in ctx.texts
            and isinstance(located[1], int) and isinstance(located[2], tuple)
            and located[1] in ctx.texts[located[0]].by_line)


def apply(ctx: Context, entry: Checked) -> tuple[Diagnostic, ...]:
    """A meeting's results, its matches restored into the context; its findings."""
    diagnostics, matches = entry
    for pos, located in matches.items():
        ctx.matches[pos] = _restore(ctx, located)
    return diagnostics


def _restore(ctx: Context, located: Located | None) -> Match | None:
    if located is None:
        return None
    source_id, line, parts = located
    text = ctx.texts[source_id]
    return Match(text, text.paragraph_at(line), parts)


def verification(ctx: Context, found: list[Diagnostic]) -> Verification:
    """Every finding once, in reading order, and the evidence of the matches made."""
    return Verification(tuple(sorted(set(found), key=lambda d: d.sort_key)), Evidences(ctx.matches.get))


def verify(root: Path, dossier: Dossier) -> Verification:
    """Run every check on everything, in this process (the pipeline adds memos and cores)."""
    ctx = read_texts(root, dossier)
    found = [*dossier.diagnostics, *repository_checks(ctx)]
    modules = meeting_checks()
    for meeting in dossier.meetings:
        found.extend(apply(ctx, check_meeting(ctx, meeting, modules)))
    return verification(ctx, found)

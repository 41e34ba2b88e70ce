"""Verify a loaded dossier against its source texts: model + seeds -> diagnostics + evidence.

Every quote is looked up once here; the checks of `checks/` then read the results
from the shared `Context` instead of searching again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from . import checks
from .cache import Cache, digest
from .parallel import chunked_map
from .corpus import Paragraph, SourceText, text_of
from .model import Citation, Diagnostic, Dossier, Evidence, Meeting, Participant, Severity, Source, Where
from .snapshot import Snapshot, SourceProblem
from .text import normal, quote_parts


@dataclass(frozen=True)
class Match:
    """A verified quote: the source and paragraph it stands in."""

    text: SourceText
    paragraph: Paragraph
    parts: tuple[str, ...]

    @property
    def evidence(self) -> Evidence:
        """Line and code-point offsets: computed on demand, for the quotes a brief cites."""
        start, end = self.paragraph.span(list(self.parts))
        return Evidence(self.text.source.id, self.paragraph.line, start, end)


@dataclass
class Context:
    """What every check may read: the dossier, the readable source texts and the quote matches.

    `meetings` are the meetings under examination: all of them for whole-repository checks,
    one for the checks whose `SCOPE` is "meeting" (so their findings can be cached per file).
    """

    root: Path
    dossier: Dossier
    texts: dict[str, SourceText] = field(default_factory=dict)
    problems: dict[str, SourceProblem] = field(default_factory=dict)
    matches: dict[Where, Match | None] = field(default_factory=dict)
    meetings: tuple[Meeting, ...] = ()

    def citations(self) -> list[tuple[Meeting, Citation]]:
        """Every evidence item of the meetings under examination, with its meeting."""
        return [(meeting, citation) for meeting in self.meetings for citation in meeting.citations()]

    def source_problems(self, code: str, severity: Severity) -> Iterator[Diagnostic]:
        """The catalogue entries whose file could not be used for the reason `code`."""
        for source in self.dossier.sources:
            problem = self.problems.get(source.id)
            if problem and problem.kind == code:
                yield Diagnostic(source.at("file"), code, severity, problem.message, problem.hint)

    def only(self, meeting: Meeting) -> "Context":
        """The same context, examining one meeting."""
        return replace(self, meetings=(meeting,))

    def match(self, citation: Citation) -> Match | None:
        """Where the citation's quote stands in its source (None: unknown source or not found)."""
        if citation.pos not in self.matches:
            text = self.texts.get(citation.source)
            parts = quote_parts(citation.quote)
            paragraph = text.locate(parts) if text else None
            self.matches[citation.pos] = Match(text, paragraph, tuple(parts)) if paragraph else None
        return self.matches[citation.pos]

    def language(self, citation: Citation) -> str | None:
        source = self.dossier.source(citation.source)
        return source.language if source else None


class Evidences(dict):
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
        return super().__contains__(pos) or self.lookup(pos) is not None


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
    dossier.snapshot.read_seeds(dossier.sources)
    return dossier.snapshot


def read_texts(root: Path, dossier: Dossier) -> Context:
    ctx = Context(root, dossier, meetings=dossier.meetings)
    snapshot = _snapshot(dossier)
    for source in readable(dossier).values():
        result = text_of(source, snapshot.seed(source.file))
        if isinstance(result, SourceProblem):
            ctx.problems[source.id] = result
        else:
            ctx.texts[source.id] = result
    return ctx


class _TextsOnDemand:
    """Source id -> text, each article decoded when a quote from it is first looked up.

    Only `get`, all `Context.match` uses: a check run on it fails loudly instead of
    seeing a partial corpus.
    """

    def __init__(self, dossier: Dossier) -> None:
        self.snapshot, self.sources = _snapshot(dossier), readable(dossier)
        self.read: dict[str, SourceText | None] = {}

    def get(self, source_id: str) -> SourceText | None:
        if source_id not in self.read:
            source = self.sources.get(source_id)
            result = text_of(source, self.snapshot.seed(source.file)) if source else None
            self.read[source_id] = result if isinstance(result, SourceText) else None
        return self.read[source_id]


def recall(root: Path, dossier: Dossier, diagnostics: tuple[Diagnostic, ...]) -> Verification:
    """The outcome of an earlier check of these very bytes (the snapshot's key found it): its
    findings as cached, and each quote located again only when the brief cites it (a
    week's brief decodes a few sources, not the archive's thousands)."""
    ctx = Context(root, dossier, texts=_TextsOnDemand(dossier))  # type: ignore[arg-type]
    citations = {citation.pos: citation for _, citation in dossier.citations()}
    return Verification(diagnostics, Evidences(lambda pos: ctx.match(citations[pos]) if pos in citations else None))


def verify(root: Path, dossier: Dossier, cache: Cache | None = None, tick: Callable[[], None] = lambda: None) -> Verification:
    """Run every check: whole-repository checks on everything, meeting checks one meeting at a time.

    A meeting's findings and quote matches are cached under a key made of everything they
    depend on, so an unchanged meeting is not checked again; the meetings left to check
    are spread over the cores when there are many.
    """
    cache = cache or Cache(None)
    ctx = read_texts(root, dossier)
    found = list(dossier.diagnostics)
    per_meeting = [m for m in checks.verifiers() if getattr(m, "SCOPE", "") == "meeting"]
    for module in checks.verifiers():
        if module not in per_meeting:
            found.extend(module.check(ctx))
    fingerprints: dict[str, str] = {}
    keys: dict[int, str | None] = {}
    todo: list[int] = []
    for index, meeting in enumerate(dossier.meetings):
        keys[index] = meeting_key(ctx, meeting, fingerprints)
        entry = cache.get("verify", keys[index], lambda e: _is_checked(ctx, e)) if keys[index] else None
        if entry is None:
            todo.append(index)
            continue
        found.extend(_apply(ctx, entry))
        tick()
    for results in chunked_map(_check_chunk, todo, (ctx, per_meeting)):
        for index, entry in results:
            if keys[index]:
                cache.put("verify", keys[index], entry)
            found.extend(_apply(ctx, entry))
            tick()
    unique = sorted(set(found), key=lambda d: d.sort_key)
    return Verification(tuple(unique), Evidences(ctx.matches.get))


def _check_chunk(shared: tuple[Context, list], indices) -> list[tuple[int, tuple]]:
    ctx, modules = shared
    return [(index, check_meeting(ctx, ctx.dossier.meetings[index], modules)) for index in indices]


def check_meeting(ctx: Context, meeting: Meeting, modules: list) -> tuple:
    """A meeting's findings, and where each of its quotes stands (source, line, parts) or None."""
    sub = ctx.only(meeting)
    diagnostics = tuple(d for module in modules for d in module.check(sub))
    matches = {}
    for citation in meeting.citations():
        match = ctx.match(citation)
        matches[citation.pos] = (match.text.source.id, match.paragraph.line, match.parts) if match else None
    return diagnostics, matches


def _is_checked(ctx: Context, entry: object) -> bool:
    """A cached entry of check_meeting's shape, locating quotes only in sources being read."""
    if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], dict)):
        return False
    diagnostics, matches = entry
    return (isinstance(diagnostics, tuple) and all(isinstance(d, Diagnostic) for d in diagnostics)
            and all(isinstance(pos, Where) and (located is None or _is_located(ctx, located))
                    for pos, located in matches.items()))


def _is_located(ctx: Context, located: object) -> bool:
    if not (isinstance(located, tuple) and len(located) == 3 and located[0] in ctx.texts
            and isinstance(located[1], int) and isinstance(located[2], tuple)):
        return False
    return located[1] in ctx.texts[located[0]].by_line


def _apply(ctx: Context, entry: tuple) -> tuple[Diagnostic, ...]:
    diagnostics, matches = entry
    for pos, located in matches.items():
        ctx.matches[pos] = _restore(ctx, located)
    return diagnostics


def _restore(ctx: Context, located) -> Match | None:
    if located is None:
        return None
    source_id, line, parts = located
    text = ctx.texts[source_id]
    return Match(text, text.paragraph_at(line), parts)


def meeting_key(ctx: Context, meeting: Meeting, fingerprints: dict[str, str]) -> str | None:
    """Everything a meeting's findings depend on: its file, the sources it cites, the brief's language."""
    own = ctx.dossier.contents.get(meeting.pos.file)  # the loader's digest of the file's bytes
    if own is None:
        return None
    cited = sorted({c.source for c in meeting.citations()})
    return digest("verify", meeting.pos.file, own, ctx.dossier.settings.language,
                  *(source_fingerprint(ctx, s, fingerprints) for s in cited))


def source_fingerprint(ctx: Context, source_id: str, fingerprints: dict[str, str]) -> str:
    """A cited source as the checks see it: its catalogue entry and its text (or its problem)."""
    if source_id not in fingerprints:
        source = ctx.dossier.source(source_id)
        text = ctx.texts.get(source_id)
        body = text.text if text else repr(ctx.problems.get(source_id))
        if source:
            entry = repr((source.id, source.file, source.outlet, source.language, source.title, source.published))
        else:  # what unknown-source says of it depends on why it is absent
            entry = repr(("absent", ctx.dossier.catalogued, source_id in ctx.dossier.unread_sources))
        fingerprints[source_id] = digest(entry, body)
    return fingerprints[source_id]



def participant(meeting: Meeting, name: str) -> Participant | None:
    """The participant a speaker or party names, by name or alias, forgiving typography."""
    wanted = normal(name)
    return next((p for p in meeting.participants if wanted in map(normal, p.names)), None)

"""Verify a loaded dossier against its source texts: model + seeds -> diagnostics + evidence.

Every quote is looked up once here; the checks of `checks/` then read the results
from the shared `Context` instead of searching again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import checks
from .corpus import Paragraph, SourceProblem, SourceText, read_source
from .model import Citation, Diagnostic, Dossier, Evidence, Meeting, Participant, Where
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
    """What every check may read: the dossier, the readable source texts and the quote matches."""

    root: Path
    dossier: Dossier
    texts: dict[str, SourceText] = field(default_factory=dict)
    problems: dict[str, SourceProblem] = field(default_factory=dict)
    matches: dict[Where, Match | None] = field(default_factory=dict)

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
    """Citation position -> Evidence, each computed when first asked for (by the brief)."""

    def __init__(self, matches: dict[Where, Match | None]) -> None:
        super().__init__()
        self.matches = matches

    def __missing__(self, pos: Where) -> Evidence:
        match = self.matches.get(pos)
        if match is None:
            raise KeyError(pos)
        self[pos] = match.evidence
        return self[pos]

    def __contains__(self, pos: object) -> bool:
        return self.matches.get(pos) is not None


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


def read_texts(root: Path, dossier: Dossier) -> Context:
    ctx = Context(root, dossier)
    seen_files: set[str] = set()
    for source in dossier.sources:
        if source.id in ctx.texts or source.id in ctx.problems or source.file in seen_files:
            continue  # a duplicate entry, reported by duplicate-source
        seen_files.add(source.file)
        result = read_source(root / "seeds", source)
        if isinstance(result, SourceProblem):
            ctx.problems[source.id] = result
        else:
            ctx.texts[source.id] = result
    return ctx


def verify(root: Path, dossier: Dossier) -> Verification:
    """Run every check; loader diagnostics come first in the same sorted list."""
    ctx = read_texts(root, dossier)
    found = list(dossier.diagnostics)
    for module in checks.verifiers():
        found.extend(module.check(ctx))
    unique = sorted(set(found), key=lambda d: d.sort_key)
    return Verification(tuple(unique), Evidences(ctx.matches))



def participant(meeting: Meeting, name: str) -> Participant | None:
    """The participant a speaker or party names, by name or alias, forgiving typography."""
    wanted = normal(name)
    return next((p for p in meeting.participants if wanted in map(normal, p.names)), None)

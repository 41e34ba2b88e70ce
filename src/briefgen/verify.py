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
from .text import normal


@dataclass(frozen=True)
class Match:
    """A verified quote: the paragraph it stands in and its original offsets."""

    text: SourceText
    paragraph: Paragraph
    start: int
    end: int

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.text.source.id, self.paragraph.line, self.start, self.end)


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
            found = text.find(citation.quote) if text else None
            self.matches[citation.pos] = Match(text, *found) if found else None
        return self.matches[citation.pos]

    def language(self, citation: Citation) -> str | None:
        source = self.dossier.source(citation.source)
        return source.language if source else None


@dataclass(frozen=True)
class Verification:
    """The outcome of `check`: all findings, sorted, and where each verified quote stands."""

    diagnostics: tuple[Diagnostic, ...]
    evidence: dict[Where, Evidence]

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
    evidence = {pos: m.evidence for pos, m in ctx.matches.items() if m is not None}
    return Verification(tuple(unique), evidence)



def participant(meeting: Meeting, name: str) -> Participant | None:
    """The participant a speaker or party names, by name or alias, forgiving typography."""
    wanted = normal(name)
    return next((p for p in meeting.participants if wanted in map(normal, p.names)), None)

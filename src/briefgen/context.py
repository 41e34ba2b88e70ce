"""What a check sees: the interface between verify and the modules of `checks/`.

A check module has `ID`, `SEVERITY`, a docstring of PASS/FAIL examples and
`check(ctx: Context) -> Iterator[Diagnostic]`; `SCOPE = "meeting"` when it looks at one
meeting at a time (its findings are then cached per meeting). Every quote is looked up
once, here, and the checks read the match instead of searching again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from .corpus import Paragraph, SourceText
from .model import Citation, Diagnostic, Dossier, Evidence, Meeting, Severity, Where
from .snapshot import SourceProblem
from .text import quote_parts


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
    texts: Mapping[str, SourceText] = field(default_factory=dict)
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
            self.matches[citation.pos] = Match(text, paragraph, tuple(parts)) if text and paragraph else None
        return self.matches[citation.pos]

    def found(self, cite: tuple[Citation, ...]) -> tuple[Citation, ...]:
        """The citations whose quotes stand in their sources: a claim is held to those
        (a quote not found is quote-not-found's to report, not a claim's to fail)."""
        return tuple(c for c in cite if self.match(c) is not None)

    def language(self, citation: Citation) -> str | None:
        source = self.dossier.source(citation.source)
        return source.language if source else None

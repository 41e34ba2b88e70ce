"""Sentences of a source text, each a verbatim slice of one paragraph, and the word tokens
of a sentence: the pieces every other candidate is cut from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from ..corpus import SourceText
from ..vocabulary.discourse import boilerplate_lines

SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”»]))(?<!\b[A-Z]\.)\s+(?=[\"“«„]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: a verbatim slice of one paragraph (line)."""

    source: str
    line: int
    text: str
    start: int  # offset of the sentence in its paragraph


def sentences(text: SourceText) -> list[Sentence]:
    """Every sentence of every paragraph of the article (no caption, link or byline),
    stripped, with its place: quotes are cut from these."""
    found = []
    skipped = boilerplate_lines(text.paragraphs)
    for paragraph in (p for p in text.paragraphs if p.line not in skipped):
        start = 0
        for end, after in [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(paragraph.raw)] + [(None, None)]:
            piece = paragraph.raw[start:end]
            if piece.strip():
                found.append(Sentence(text.source.id, paragraph.line, piece.strip(),
                                      start + len(piece) - len(piece.lstrip())))
            start = cast(int, after)  # None only with the last piece, when the loop ends
    return found


TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\d+|[^\w\s]")


def bare(word: str) -> str:
    """The word without a possessive ending (`Kazakhstan's` -> `Kazakhstan`)."""
    return re.sub(r"['’]s?$", "", word)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def base(self) -> str:
        return bare(self.text).casefold()

    @property
    def possessive(self) -> bool:
        return bare(self.text) != self.text

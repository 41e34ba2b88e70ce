"""Source texts: decode each catalogued seed file's bytes (read once, confined to seeds/,
by `snapshot`) and index its paragraphs.

A paragraph is one non-empty line of the file (web articles are saved one paragraph
per line).
"""

from __future__ import annotations

import codecs
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any  # Any: each check keeps its own kind of derived value

from .model import Source
from .snapshot import SourceProblem
from .text import find_parts, fold, normal, quote_parts


@dataclass(frozen=True)
class Paragraph:
    line: int
    start: int  # code-point offset of the line in the file's text
    raw: str

    @cached_property
    def norm(self) -> str:
        """The normalised text, for searching (kept here, so not in `normal`'s memo of short texts)."""
        return normal.__wrapped__(self.raw)

    def span(self, parts: list[str]) -> tuple[int, int]:
        """Code-point offsets in the file of the quote parts found in this paragraph.

        Folding keeps each character's origin; should it ever disagree with `normal`
        (it is tested not to), the whole paragraph is the honest answer.
        """
        folded = fold(self.raw, self.start)
        found = find_parts(parts, folded.text)
        if found is None:
            return self.start, self.start + len(self.raw)
        return folded.span(*found)


@dataclass
class SourceText:
    """A seed file's text, split into paragraphs and normalised once for searching."""

    source: Source
    text: str
    paragraphs: list[Paragraph] = field(init=False)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # what checks derive once per text

    def __post_init__(self) -> None:
        self.paragraphs = []
        offset = 0
        for number, line in enumerate(self.text.split("\n"), start=1):
            content = line.removesuffix("\r")  # lines are what a text editor numbers: \n ends one
            if content.strip():
                self.paragraphs.append(Paragraph(number, offset, content))
            offset += len(line) + 1

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        """All normalised paragraphs in one string (one C-speed scan per quote), with their starts."""
        starts, pieces, position = [], [], 0
        for paragraph in self.paragraphs:
            starts.append(position)
            pieces.append(paragraph.norm)
            position += len(paragraph.norm) + 1
        return "\n".join(pieces), starts

    def locate(self, parts: list[str]) -> Paragraph | None:
        """The first paragraph holding every part, in order."""
        if not parts:
            return None
        joined, starts = self._joined
        position = joined.find(parts[0])
        while position >= 0:
            index = bisect_right(starts, position) - 1
            end = starts[index] + len(self.paragraphs[index].norm)
            if find_parts(parts, joined, position, end):
                return self.paragraphs[index]
            position = joined.find(parts[0], position + 1)
        return None

    def find(self, quote: str) -> tuple[Paragraph, int, int] | None:
        """The paragraph holding the quote, and the quote's code-point offsets in the file."""
        parts = quote_parts(quote)
        paragraph = self.locate(parts)
        return (paragraph, *paragraph.span(parts)) if paragraph else None

    @cached_property
    def by_line(self) -> dict[int, Paragraph]:
        return {p.line: p for p in self.paragraphs}

    def paragraph_at(self, line: int) -> Paragraph:
        return self.by_line[line]

    @cached_property
    def _index(self) -> dict[int, int]:
        return {p.line: i for i, p in enumerate(self.paragraphs)}

    def index_of(self, line: int) -> int:
        """The position in `paragraphs` of the paragraph on that line."""
        return self._index[line]

    def paragraph_before(self, paragraph: Paragraph) -> Paragraph | None:
        index = self.index_of(paragraph.line)  # by line: list.index compared whole paragraphs
        return self.paragraphs[index - 1] if index else None


def text_of(source: Source, read: bytes | SourceProblem) -> SourceText | SourceProblem:
    """The article's text from the bytes the snapshot read (or the problem reading them)."""
    return read if isinstance(read, SourceProblem) else decode(read, source, source.file)


def decode(raw: bytes, source: Source, name: str) -> SourceText | SourceProblem:
    """UTF-8 (a BOM is accepted); anything else gets the conversion command to run."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return SourceProblem(
            "encoding", f"seeds/{name} is UTF-16, not UTF-8",
            f"convert it: iconv -f UTF-16 -t UTF-8 seeds/{name} > tmp && mv tmp seeds/{name}",
        )
    if b"\x00" in raw:  # UTF-16 without a byte-order mark: every other byte of Latin text is 0
        order = "UTF-16LE" if raw[1::2].count(0) >= raw[0::2].count(0) else "UTF-16BE"
        return SourceProblem(
            "encoding", f"seeds/{name} holds NUL bytes: it looks like {order}, not UTF-8",
            f"convert it: iconv -f {order} -t UTF-8 seeds/{name} > tmp && mv tmp seeds/{name}",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        encoding = "CP1251" if _looks_cp1251(raw) else "ENCODING"  # the officer knows it best
        return SourceProblem(
            "encoding",
            f"seeds/{name} is not UTF-8 (line {line}, byte 0x{raw[exc.start]:02x})",
            f"convert it: iconv -f {encoding} -t UTF-8 seeds/{name} > tmp && mv tmp seeds/{name}",
        )
    return SourceText(source, text)


def _looks_cp1251(raw: bytes) -> bool:
    """Russian text in Windows-1251 is mostly bytes 0xC0-0xFF."""
    high = [b for b in raw if b >= 0x80]
    return bool(high) and sum(b >= 0xC0 for b in high) / len(high) > 0.8

"""Source texts: read each catalogued seed file once, safely, and index its paragraphs.

A paragraph is one non-empty line of the file (web articles are saved one paragraph
per line). Files are read only from inside `seeds/`: a catalogue entry cannot reach
elsewhere by `..`, an absolute path or a symbolic link.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .model import Source
from .text import Folded, find_parts, fold, quote_parts

MAX_SEED_BYTES = 20 * 1024 * 1024  # an article is kilobytes; 20 MB is a wrong file


@dataclass(frozen=True)
class Paragraph:
    line: int
    start: int  # code-point offset of the line in the file's text
    raw: str

    @cached_property
    def folded(self) -> Folded:
        return fold(self.raw, self.start)


@dataclass
class SourceText:
    """A seed file's text, split into paragraphs."""

    source: Source
    text: str
    paragraphs: list[Paragraph] = field(init=False)

    def __post_init__(self) -> None:
        self.paragraphs = []
        offset = 0
        for number, line in enumerate(self.text.splitlines(keepends=True), start=1):
            content = line.rstrip("\r\n")
            if content.strip():
                self.paragraphs.append(Paragraph(number, offset, content))
            offset += len(line)

    def find(self, quote: str) -> tuple[Paragraph, int, int] | None:
        """The first paragraph holding every part of the quote in order, with original offsets."""
        parts = quote_parts(quote)
        if not parts:
            return None
        for paragraph in self.paragraphs:
            if parts[0] not in paragraph.folded.text:
                continue
            span = find_parts(parts, paragraph.folded)
            if span:
                return paragraph, span[0], span[1]
        return None

    def paragraph_before(self, paragraph: Paragraph) -> Paragraph | None:
        index = self.paragraphs.index(paragraph)
        return self.paragraphs[index - 1] if index else None


@dataclass(frozen=True)
class SourceProblem:
    """Why a catalogued file cannot be used: `kind` is the diagnostic code."""

    kind: str
    message: str
    hint: str


def read_source(seeds: Path, source: Source) -> SourceText | SourceProblem:
    """Read a catalogued seed file, or say precisely why it cannot be read."""
    name = source.file
    if "/" in name or "\\" in name or name in ("", ".", "..") or Path(name).is_absolute():
        return SourceProblem(
            "source-file", f"source file {name!r} is not a plain file name inside seeds/",
            f"copy the article into seeds/ and write only its name, e.g. `file: {Path(name).name or 'article.txt'}`",
        )
    path = seeds / name
    if not path.exists() and not path.is_symlink():
        return SourceProblem("source-file", f"source file seeds/{name} does not exist",
                             "copy the article into seeds/ or correct the file name")
    real = path.resolve()
    if not real.is_relative_to(seeds.resolve()):
        return SourceProblem("source-file", f"seeds/{name} is a link leading outside seeds/ (to {real})",
                             "copy the article itself into seeds/ instead of linking to it")
    if not real.is_file():
        return SourceProblem("source-file", f"seeds/{name} is not a regular file",
                             "point `file:` at a .txt article inside seeds/")
    size = real.stat().st_size
    if size > MAX_SEED_BYTES:
        return SourceProblem(
            "source-file", f"seeds/{name} is {size / 1e6:.0f} MB, over the {MAX_SEED_BYTES // 2**20} MB limit for one article",
            "save only the article's text, one paragraph per line",
        )
    return decode(path.read_bytes(), source, name)


def decode(raw: bytes, source: Source, name: str) -> SourceText | SourceProblem:
    """UTF-8 (a BOM is accepted); anything else gets the conversion command to run."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return SourceProblem(
            "source-encoding", f"seeds/{name} is UTF-16, not UTF-8",
            f"convert it: iconv -f UTF-16 -t UTF-8 seeds/{name} > tmp && mv tmp seeds/{name}",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        encoding = "CP1251" if _looks_cp1251(raw) else "ENCODING"  # the officer knows it best
        return SourceProblem(
            "source-encoding",
            f"seeds/{name} is not UTF-8 (line {line}, byte 0x{raw[exc.start]:02x})",
            f"convert it: iconv -f {encoding} -t UTF-8 seeds/{name} > tmp && mv tmp seeds/{name}",
        )
    return SourceText(source, text)


def _looks_cp1251(raw: bytes) -> bool:
    """Russian text in Windows-1251 is mostly bytes 0xC0-0xFF."""
    high = [b for b in raw if b >= 0x80]
    return bool(high) and sum(b >= 0xC0 for b in high) / len(high) > 0.8

"""The forgiving comparison of FORMAT.md, and finding quotes in source paragraphs.

Comparison forgives typography, never words: compatibility decomposition (NFKD: two
strings are NFKC-equal exactly when they are NFKD-equal), all quotation marks alike,
all dashes alike, runs of white space alike, soft hyphens ignored, `ё` read as `е`,
case ignored.

`normal` does this with whole-string operations (C speed) for searching; `fold` does the
same one character at a time, keeping for every normalised character the code-point
offset it came from, so that a match found by `normal` maps back to the source. The two
agree character for character (tested), so `fold` is needed only for the few
paragraphs a brief cites.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .russian import declined_in, is_cyrillic, spelt_in

QUOTES = "\"'`´«»‹›‘’‚‛“”„‟❛❜❝❞〝〞〟＂＇"
DASHES = "-‐‑‒–—―−﹘﹣－⁃"
IGNORED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
TODO = re.compile(r"(?<![^\W_])TODO(?![^\W_])")  # a value or comment still to settle, as a whole word


_DECOMPOSED_YO = "е\u0308"  # ё typed as е + combining diaeresis reads as е too
_PRE = str.maketrans(
    {**{q: '"' for q in QUOTES}, **{d: "-" for d in DASHES}, **{i: None for i in IGNORED}, "ё": "е", "Ё": "е"}
)


@lru_cache(maxsize=1 << 16)
def normal(text: str) -> str:
    """The normalised text, for searching and comparing (same result as `fold(text).text`).

    Memoised: the checks compare the same names, places and quotes again and again
    (1.5 million calls for the 5,000-meeting benchmark archive, most of them repeats).
    """
    text = text.translate(_PRE)
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text).casefold().translate(_PRE)
        text = unicodedata.normalize("NFKD", text).replace(_DECOMPOSED_YO, "е")
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """The normalised form of one character ('' when ignored, ' ' for any space)."""
    if char in IGNORED:
        return ""
    if char in QUOTES:
        return '"'
    if char in DASHES:
        return "-"
    if char in "ёЁ":
        return "е"
    if char.isspace():
        return " "
    out = unicodedata.normalize("NFKD", char).casefold()
    out = "".join('"' if c in QUOTES else "-" if c in DASHES else " " if c.isspace() else c for c in out)
    return unicodedata.normalize("NFKD", out)


@dataclass(frozen=True)
class Folded:
    """A normalised text and, for each of its characters, the offset of the original character."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) offsets of the normalised slice [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


_WORD = re.compile(r"\S+")


def fold(text: str, base: int = 0) -> Folded:
    """Normalise `text`; offsets are counted from `base` (the text's offset in its file)."""
    return _fold_ascii(text, base) if text.isascii() else _fold_chars(text, base)


def _fold_chars(text: str, base: int) -> Folded:
    """`fold` one character at a time: any text."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for out in _fold(char):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            if out == "\u0308" and chars and chars[-1] == "е":
                continue
            chars.append(out)
            origin.append(base + index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return Folded("".join(chars), tuple(origin))


def _fold_ascii(text: str, base: int) -> Folded:
    """`fold` for ASCII, at C speed: each character folds to one, but white space runs to one space."""
    words = list(_WORD.finditer(text))
    origin: list[int] = []
    for index, word in enumerate(words):
        if index:
            origin.append(base + words[index - 1].end())  # the space stands for the run's first character
        origin.extend(range(base + word.start(), base + word.end()))
    return Folded(" ".join(word.group() for word in words).translate(_PRE).lower(), tuple(origin))


def quote_parts(quote: str) -> list[str]:
    """The normalised pieces of a quote that skips text with ` ... ` or `…`."""
    return [part for part in (normal(p) for p in ELLIPSIS.split(quote)) if part]


def _wordish(char: str) -> bool:
    """Part of a word: a letter or digit, or a combining mark (the breve of a decomposed й)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _find_whole(part: str, text: str, start: int, end: int) -> int:
    """Where `part` stands in text[start:end] without cutting a word at either edge, or -1.

    A quote that starts or ends inside a word ("border" in "borders") is not verbatim.
    """
    found = text.find(part, start, end)
    while found >= 0:
        after = found + len(part)
        cuts_head = _wordish(part[0]) and found > 0 and _wordish(text[found - 1])
        cuts_tail = _wordish(part[-1]) and after < len(text) and _wordish(text[after])
        if not (cuts_head or cuts_tail):
            return found
        found = text.find(part, found + 1, end)
    return -1


def find_parts(parts: list[str], text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """[start, end) in normalised `text` spanning all parts found in order, whole words, or None."""
    end = len(text) if end is None else end
    position = first = _find_whole(parts[0], text, start, end) if parts else -1
    if first < 0:
        return None
    for part in parts:
        found = _find_whole(part, text, position, end)
        if found < 0:
            return None
        position = found + len(part)
    return first, position


def contains_words(haystack: str, needle: str) -> bool:
    """Whether normalised `needle` stands in normalised `haystack` as whole words; a
    Cyrillic needle also in another grammatical case (`Ташкент` in "в Ташкенте",
    `глава государства` in "главы государства"), by `russian.declined_in`."""
    if not needle:
        return False
    found = haystack.find(needle)
    while found >= 0:
        after = found + len(needle)
        cuts_head = _wordish(needle[0]) and found > 0 and _wordish(haystack[found - 1])
        cuts_tail = _wordish(needle[-1]) and after < len(haystack) and _wordish(haystack[after])
        if not (cuts_head or cuts_tail):
            return True
        found = haystack.find(needle, found + 1)
    return is_cyrillic(needle) and declined_in(haystack, needle)


@lru_cache(maxsize=1 << 16)
def names_in(text: str, name: str) -> bool:
    """Whether a normalised name stands in normalised `text`: as written, in another case,
    or spelt in the other script (`Nikolai Patrushev` in "с Николаем Патрушевым").
    Memoised: the checks ask for each person in each quote, some again and again."""
    return contains_words(text, name) or spelt_in(text, name)


@dataclass(frozen=True)
class Closest:
    """The passage most like a quote that was not found, and how it differs."""

    line: int
    similarity: float
    passage: str
    differences: list[str]


def closest(quote: str, paragraphs: list[tuple[int, str]]) -> Closest | None:
    """Search every paragraph for the passage most like `quote` (rapidfuzz alignment)."""
    from rapidfuzz import fuzz

    target = " ".join(quote_parts(quote))
    if not target:
        return None
    best: tuple[float, int, str, str] | None = None
    for line, raw in paragraphs:
        folded = fold(raw)
        alignment = fuzz.partial_ratio_alignment(target, folded.text)
        if alignment is None or alignment.dest_end <= alignment.dest_start:
            continue
        if best is None or alignment.score > best[0]:
            start, end = whole_words(folded.text, alignment.dest_start, alignment.dest_end)
            original = raw[slice(*folded.span(start, end))]
            best = (alignment.score, line, folded.text[start:end], original)
    if best is None:
        return None
    score, line, passage, original = best
    return Closest(line, score, original, word_differences(target, passage))


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a slice to whole words, without the spaces around them."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


WORD = re.compile(r"[^\W_]+(?:[-'\.][^\W_]+)*")


def word_differences(quote: str, passage: str) -> list[str]:
    """What to change in the quote to match the passage, word by word (punctuation aside)."""
    ours, theirs = WORD.findall(quote), WORD.findall(passage)
    changes = []
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        mine, source = " ".join(ours[a1:a2]), " ".join(theirs[b1:b2])
        if op == "replace":
            changes.append(f"quote has {mine!r} where the source has {source!r}")
        elif op == "delete":
            changes.append(f"quote adds {mine!r}, which the source does not have")
        elif op == "insert" and 0 < a1 < len(ours):
            changes.append(f"quote leaves out {source!r}")
    return changes

"""No false alarms, by property: typography never makes a true quote fail, and any in-order
fragments of one paragraph, joined by an ellipsis, verify.

The quotes are drawn from the real seed texts, so Cyrillic, curly quotes and dashes of the
shipped articles are exercised as they are.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.corpus import SourceText
from briefgen.load import load
from briefgen.text import DASHES, QUOTES, _fold_ascii, _fold_chars, fold, normal

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = load(ROOT)
TEXTS = [
    SourceText(source, (ROOT / "seeds" / source.file).read_text("utf-8-sig"))
    for source in DOSSIER.sources
]
PARAGRAPHS = [(text, p) for text in TEXTS for p in text.paragraphs if len(re.findall(r"\w+", p.raw)) >= 4]
WORD = re.compile(r"\S+")
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

SPACES = [" ", "\u00a0", "\n", "  ", "\u2009", "\t", " \n  "]
# NFKC-equivalent stand-ins a browser or word processor may produce.
COMPAT = {"fi": "ﬁ", "fl": "ﬂ", "1": "１", "2": "２", "0": "０", "A": "Ａ", "...": "…"}


@st.composite
def true_quote(draw) -> tuple[SourceText, int, str]:
    """A run of whole words from one paragraph of a seed: (text, line, quote)."""
    text, paragraph = draw(st.sampled_from(PARAGRAPHS))
    words = list(WORD.finditer(paragraph.raw))
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start, min(len(words) - 1, start + 25)))
    quote = paragraph.raw[words[start].start(): words[end].end()]
    return text, paragraph.line, quote


def retype(draw, quote: str) -> str:
    """The same words as they might be typed or pasted: only typography changes."""
    out = []
    for char in quote:
        if char in QUOTES:
            out.append(draw(st.sampled_from(QUOTES)))
        elif char in DASHES:
            out.append(draw(st.sampled_from(DASHES)))
        elif char.isspace():
            out.append(draw(st.sampled_from(SPACES)))
        elif char.isalpha():
            case = draw(st.sampled_from(["same", "upper", "lower", "soft-hyphen"]))
            if case == "soft-hyphen":
                out.append(char + "\u00ad")
            else:
                out.append(char.upper() if case == "upper" else char.lower() if case == "lower" else char)
        else:
            out.append(char)
    typed = "".join(out)
    if draw(st.booleans()):
        for plain, fancy in COMPAT.items():
            if plain in typed and plain != "...":
                typed = typed.replace(plain, fancy, 1)
    if draw(st.booleans()):
        typed = typed.replace("е", "ё", 1).replace("Е", "Ё", 1)
    if draw(st.booleans()):
        typed = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"])), typed)
    return typed


@PROPERTY
@given(data=st.data(), drawn=true_quote())
def test_typography_never_breaks_a_true_quote(data, drawn) -> None:
    text, line, quote = drawn
    typed = retype(data.draw, quote)
    if "..." in unicodedata.normalize("NFKC", typed) and "..." not in quote:
        return  # an ellipsis made by the retyping would skip text: not a typography change
    found = text.find(typed)
    assert found is not None, f"{typed!r} (from {quote!r}) not found"
    paragraph, start, end = found
    # the offsets point at exactly the quoted words (the first paragraph holding them)
    assert normal(text.text[start:end]) == normal(quote)
    assert paragraph.line <= line


@st.composite
def fragments(draw) -> tuple[SourceText, int, list[str]]:
    """Two to four in-order, non-overlapping runs of whole words from one paragraph."""
    text, paragraph = draw(st.sampled_from(PARAGRAPHS))
    words = list(WORD.finditer(paragraph.raw))
    count = draw(st.integers(2, min(4, len(words))))
    cuts = sorted(draw(st.lists(st.integers(0, len(words) - 1), min_size=count * 2, max_size=count * 2, unique=True))
                  if len(words) >= count * 2 else range(len(words)))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    parts = [paragraph.raw[words[a].start(): words[b].end()] for a, b in pairs]
    return text, paragraph.line, parts


@PROPERTY
@given(drawn=fragments(), joiner=st.sampled_from([" ... ", " … ", "…", " ...", "... "]))
def test_in_order_fragments_joined_by_an_ellipsis_verify(drawn, joiner: str) -> None:
    text, line, parts = drawn
    quote = joiner.join(parts)
    found = text.find(quote)
    assert found is not None, f"{quote!r} not found"
    paragraph, start, end = found
    assert paragraph.raw[start - paragraph.start: end - paragraph.start].startswith(parts[0][:1])


@PROPERTY
@given(drawn=fragments())
def test_fragments_out_of_order_do_not_verify(drawn) -> None:
    text, line, parts = drawn
    first, last = parts[0], parts[-1]
    if last in first or text.find(f"{last} ... {first}") is None:
        return
    # the reversed order is only found when it truly also stands in order somewhere
    paragraph, _, _ = text.find(f"{last} ... {first}")
    lowered = paragraph.norm
    assert lowered.find(normal(first), lowered.find(normal(last)) + len(normal(last))) >= 0


@PROPERTY
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_fast_normal_agrees_with_the_character_by_character_fold(text: str) -> None:
    """`normal` (for searching) and `fold` (for offsets) must give the same text."""
    assert normal(text) == fold(text).text


@PROPERTY
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=80), base=st.integers(0, 1000))
def test_the_ascii_fold_agrees_with_the_character_by_character_fold(text: str, base: int) -> None:
    """The C-speed fold of ASCII text keeps the same text and the same origins."""
    assert _fold_ascii(text, base) == _fold_chars(text, base)


def test_fast_normal_agrees_with_fold_on_every_seed_paragraph() -> None:
    for _, paragraph in PARAGRAPHS:
        assert paragraph.norm == fold(paragraph.raw).text

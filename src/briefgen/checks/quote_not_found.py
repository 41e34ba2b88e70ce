"""A quote that does not stand in its source.

Comparison forgives typography only (quotation marks, dashes, spaces and line breaks,
soft hyphens, case, `ё`/`е`, Unicode compatibility forms), never words. A quote may skip
text with ` ... ` or `…`: its parts must then stand, in order, in one paragraph (one
line of the seed file). The message names the closest passage and what differs.

FAIL:

    quote: Most modern challenges and threats are cross-border in nature

PASS:

    quote: Most modern challenges and threats are transboundary in nature
    quote: “Afghanistan should be the focus … attention”
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..corpus import SourceText
from ..model import Diagnostic, Severity
from ..text import Closest, closest

ID = "quote-not-found"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting
RESEMBLES = 50  # % similar: below this the closest passage is no near miss, and is not shown


def near_miss(text: SourceText, quote: str) -> Closest | None:
    """The source's passage most like a quote not found in it, when one resembles it (also
    what the language server offers as "use the source's wording")."""
    near = closest(quote, [(p.line, p.raw) for p in text.paragraphs])
    return near if near is not None and near.similarity >= RESEMBLES else None


def check(ctx: Context) -> Iterator[Diagnostic]:
    for _, citation in ctx.citations():
        text = ctx.texts.get(citation.source)
        if text is None or ctx.match(citation) is not None:
            continue
        where = citation.at("quote")
        file = f"seeds/{text.source.file}"
        near = near_miss(text, citation.quote)
        if near is None:
            yield Diagnostic(where, ID, SEVERITY, f"quote not found in {file} ({citation.source})",
                             "copy the words from the source file; nothing in it resembles this quote")
            continue
        message = (f"quote not found in {file} ({citation.source}); closest passage: "
                   f"line {near.line}, {near.similarity:.0f}% similar")
        differences = "; ".join(near.differences) or (
            "the words match but the punctuation differs, or the parts are not in one paragraph in this order")
        yield Diagnostic(where, ID, SEVERITY, message,
                         f"{differences}. The source reads: {near.passage!r}")

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
from ..model import Diagnostic, Severity
from ..text import closest

ID = "quote-not-found"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for _, citation in ctx.citations():
        text = ctx.texts.get(citation.source)
        if text is None or ctx.match(citation) is not None:
            continue
        where = citation.at("quote")
        file = f"seeds/{text.source.file}"
        near = closest(citation.quote, [(p.line, p.raw) for p in text.paragraphs])
        if near is None or near.similarity < 50:
            yield Diagnostic(where, ID, SEVERITY, f"quote not found in {file} ({citation.source})",
                             "copy the words from the source file; nothing in it resembles this quote")
            continue
        message = (f"quote not found in {file} ({citation.source}); closest passage: "
                   f"line {near.line}, {near.similarity:.0f}% similar")
        differences = "; ".join(near.differences) or (
            "the words match but the punctuation differs, or the parts are not in one paragraph in this order")
        yield Diagnostic(where, ID, SEVERITY, message,
                         f"{differences}. The source reads: {near.passage!r}")

"""A quote taken from a line of the source that is not the article's text (a warning):
a "Read also" / "Latest news" / "Читайте также" header or a link listed after it, a photo
caption or credit (`Photo:`, `Photo credit:`, `Фото:`), a tag list (`Tags:`, `Теги:`),
a byline or credit (`Original Author:`, `By Ruslan Loginov`, `Автор:`), a comment counter
(`Comments (0)`), or a time stamp or dateline alone.

Web pages are saved whole, so the lines around an article come with it. After a link
header, every line is a link (a list item, or a short headline without final
punctuation) until the next ordinary paragraph. Only whole lines count: a paragraph that
ends with `[photo credit – press-service]` or mentions the news is the article's text.

WARN (seeds/004 lists other headlines under "Latest news"):

    - speaker: Heads of intelligence services
      cite:
        - source: orda-2025-04
          quote: Toqayev Arrives in Ashgabat for Forum on Peace and Trust

WARN:

    quote: "Photo credit: akorda.kz"

PASS:

    quote: The parties committed to ongoing dialogue and further deepening their cooperation
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..corpus import SourceText
from ..model import Diagnostic, Severity
from ..vocabulary.discourse import boilerplate_at

ID = "quote-boilerplate"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def boilerplate(text: SourceText, line: int) -> str | None:
    """Why a quoted line of the source is not the article's text (None: it is), found once
    however often it is cited."""
    memo: dict[int, str | None] = text.memo.setdefault(ID, {})
    if line not in memo:
        memo[line] = boilerplate_at(text.paragraphs, text.index_of(line))
    return memo[line]


def check(ctx: Context) -> Iterator[Diagnostic]:
    for _, citation in ctx.citations():
        match = ctx.match(citation)
        if match is None:
            continue  # unknown-source or quote-not-found says what is wrong
        why = boilerplate(match.text, match.paragraph.line)
        if why is None:
            continue
        file = f"seeds/{match.text.source.file}"
        yield Diagnostic(
            citation.at("quote"), ID, SEVERITY,
            f"quote taken from {file} line {match.paragraph.line} ({citation.source}), "
            f"which is {why}, not the article's text",
            "cite the article's own words; the lines around it (links to other stories, captions, "
            "credits) are not what the article reports",
        )

"""A citation from a source in another language than the brief's, without a `translation`.

The brief shows the translation and keeps the original in the citation.

FAIL (in an English brief):

    - source: sputnik-2023-06
      quote: Время требует формирования качественно новых интегрированных подходов

PASS:

    - source: sputnik-2023-06
      quote: Время требует формирования качественно новых интегрированных подходов
      translation: The times call for qualitatively new, integrated approaches
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "translation-missing"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    brief_language = ctx.dossier.settings.language
    for _, citation in ctx.citations():
        language = ctx.language(citation)
        if language is None or language == brief_language or citation.translation:
            continue
        yield Diagnostic(
            citation.at("quote"), ID, SEVERITY,
            f"quote from {citation.source!r} is in {language!r} but the brief is in {brief_language!r}: "
            "it needs a translation",
            "add `translation: <your wording of the quote>` under the quote",
        )

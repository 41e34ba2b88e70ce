"""A catalogue `language` that does not match the script of the text (a warning).

WARN:

    - file: 002_1578cfc18d0bb0f0.txt    # written in Cyrillic
      language: en

PASS:

      language: ru
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..languages import EXPECTED_SCRIPTS, dominant_script, share_of
from ..model import Diagnostic, Severity

ID = "language-mismatch"
SEVERITY: Severity = "warning"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for source_id, text in ctx.texts.items():
        expected = EXPECTED_SCRIPTS.get(text.source.language)
        if expected is None or share_of(text.text, expected) >= 0.5:
            continue
        script = dominant_script(text.text)
        if script is None or script in expected:
            continue
        yield Diagnostic(
            text.source.at("language"), ID, SEVERITY,
            f"source {source_id!r} is catalogued as {text.source.language!r} but its text is in {script} script",
            "correct `language:` to the article's language",
        )

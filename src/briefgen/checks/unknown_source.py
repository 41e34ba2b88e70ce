"""A citation whose `source` is not an id of `seeds/sources.yaml`.

FAIL:

    cite:
      - source: kazinfrom-2024-05
        quote: attended the meeting

PASS: `source: kazinform-2024-05`, an id the catalogue lists.

When `seeds/sources.yaml` itself is missing or cannot be read, that one error is
reported and no citation is reported here: every id would be unknown.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "unknown-source"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    if not ctx.dossier.catalogued:
        return
    for _, citation in ctx.citations():
        if ctx.dossier.source(citation.source) is not None or citation.source in ctx.dossier.unread_sources:
            continue
        ids = [s.id for s in ctx.dossier.sources]
        close = difflib.get_close_matches(citation.source, ids, n=1, cutoff=0.5)
        hint = f"write `source: {close[0]}`" if close else "add the article to seeds/sources.yaml first"
        if ids and not close:
            hint += " (known ids: " + ", ".join(ids) + ")"
        yield Diagnostic(citation.at("source"), ID, SEVERITY,
                         f"source {citation.source!r} is not in seeds/sources.yaml", hint)

"""A `.txt` file in `seeds/` with no entry in `seeds/sources.yaml` (a warning).

WARN: `seeds/005_tass.txt` exists, but no entry has `file: 005_tass.txt`.

PASS: an entry with `id`, `file`, `outlet` and `language` for every article.
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity, Where

ID = "seed-uncatalogued"
SEVERITY: Severity = "warning"


def check(ctx: Context) -> Iterator[Diagnostic]:
    listed = {source.file for source in ctx.dossier.sources}
    for name in ctx.dossier.seed_files:
        if name not in listed:
            yield Diagnostic(Where(f"seeds/{name}"), ID, SEVERITY, f"seeds/{name} has no entry in seeds/sources.yaml",
                             f"add `- id: ...\\n  file: {name}\\n  outlet: ...\\n  language: ...` to seeds/sources.yaml")

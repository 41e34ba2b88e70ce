"""A catalogue entry whose file cannot be used: missing, a directory, over the size limit,
or outside `seeds/` (a path with `/` or `..`, an absolute path, a link leading out).

FAIL:

    - id: tass-2024
      file: ../elsewhere/tass.txt

PASS:

    - id: tass-2024
      file: 005_tass.txt        # a file inside seeds/
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "source-file"
SEVERITY: Severity = "error"


def check(ctx: Context) -> Iterator[Diagnostic]:
    yield from ctx.source_problems(ID, SEVERITY)

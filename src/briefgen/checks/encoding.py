"""A file that is not UTF-8: a YAML file of `briefs/`, or a seed text.

The hint gives the command that converts it. A UTF-8 byte-order mark is accepted.

FAIL: a Russian article saved by Windows as CP1251, or by Notepad as UTF-16.

PASS: `iconv -f CP1251 -t UTF-8 article.txt > seeds/article.txt`
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity

ID = "encoding"
SEVERITY: Severity = "error"


def check(ctx: Context) -> Iterator[Diagnostic]:
    yield from ctx.source_problems(ID, SEVERITY)

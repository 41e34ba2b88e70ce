"""A JSON array, one object per finding: file, line, column, code, severity, message, hint.

The shape is stable: fields are only ever added.
"""

from __future__ import annotations

import json
from typing import Sequence

from ..model import Diagnostic, Where


def as_dict(d: Diagnostic) -> dict[str, str | int]:
    return {
        "file": d.where.file,
        "line": d.where.line,
        "column": d.where.column,
        "code": d.code,
        "severity": d.severity,
        "message": d.message,
        "hint": d.hint,
    }


def render(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([as_dict(d) for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def parse(text: str) -> tuple[Diagnostic, ...]:
    """The findings `render` wrote (the language server reads a child check's); ValueError
    when the text is not such an array."""
    try:
        return tuple(Diagnostic(Where(d["file"], int(d["line"]), int(d["column"])), str(d["code"]),
                                "warning" if d["severity"] == "warning" else "error", str(d["message"]), str(d["hint"]))
                     for d in json.loads(text))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a findings array: {exc}") from None

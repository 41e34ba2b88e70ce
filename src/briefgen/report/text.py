"""`file:line:col: error[code]: message`, then an indented hint, then a one-line tally."""

from __future__ import annotations

from typing import Sequence

from ..model import Diagnostic


def line(d: Diagnostic) -> str:
    text = f"{d.where}: {d.severity}[{d.code}]: {d.message}"
    return text + (f"\n  hint: {d.hint}" if d.hint else "")


def tally(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def render(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(line(d) + "\n" for d in diagnostics)

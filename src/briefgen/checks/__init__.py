"""The checks of `briefgen check`: one module per diagnostic code.

Each module has an `ID` (the code printed in `error[ID]`), a `SEVERITY`, and a docstring
whose PASS/FAIL examples are the code's documentation (`briefgen check --explain ID`).
Modules of the verify stage have `check(ctx)`, which yields `Diagnostic`s; the codes the
loader raises while reading YAML are documented here too, with `STAGE = "load"`.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def registry() -> dict[str, ModuleType]:
    """Every check module, by code, in the order the codes are documented."""
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)
               if not info.name.startswith("_")]
    return {m.ID: m for m in sorted(modules, key=lambda m: (getattr(m, "STAGE", "verify") != "load", m.ID))}


def verifiers() -> list[ModuleType]:
    """The modules that examine the loaded model, in a stable order."""
    return [m for m in registry().values() if hasattr(m, "check")]


def reference() -> str:
    """docs/checks.md: every code with its documentation (regenerate: python -m briefgen.checks)."""
    lines = [
        "# What `briefgen check` reports",
        "",
        "Generated from the docstrings of `src/briefgen/checks/` by `python -m briefgen.checks > docs/checks.md`;",
        "`briefgen check --explain CODE` prints the same text.",
        "",
    ]
    for code, module in registry().items():
        lines += [f"## `{code}` ({module.SEVERITY})", "", (module.__doc__ or "").strip(), ""]
    return "\n".join(lines)

"""Renderers: a `Brief` in, document bytes out. They never read YAML or seed files.

Each brief format is one module of this package, named as `--format` names it, with
`SUFFIX` (what follows `brief-<period>` in the file's name) and `render(brief, job)`;
modules whose names start with `_` are helpers. Adding a format is adding a module (and
its template): the command line's choices are this package's modules.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class Job:
    """Where a brief is rendered for: the repository (its templates, its seeds for links),
    the folder it is written to, and the moment it is stamped with."""

    root: Path
    out_dir: Path
    moment: dt.datetime


def formats() -> list[str]:
    """Every brief format, by name (found without importing the renderers)."""
    return sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))


def renderer(name: str) -> ModuleType:
    """The module of one format, imported when it is asked for (python-docx costs 25 ms)."""
    return importlib.import_module(f"{__name__}.{name}")

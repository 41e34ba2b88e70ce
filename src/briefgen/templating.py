"""Where templates come from: the brief repository's `templates/`, else briefgen's own."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "briefgen.templates"


def template_path(root: Path, name: str) -> Path:
    """The repository's own template when it has one (staff may edit it), else the default."""
    own = root / "templates" / name
    if own.is_file():
        return own
    return Path(str(resources.files(PACKAGE).joinpath(name)))

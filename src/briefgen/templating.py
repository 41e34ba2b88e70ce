"""Where templates come from: the brief repository's `templates/`, else briefgen's own.

briefgen's own templates are the `templates/` folder of its source tree, shipped in the
wheel as the data package `briefgen.templates` (one copy to edit). An editable install
does not map that package, so the source tree's folder is looked up directly too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "briefgen.templates"
SOURCE_TREE = Path(__file__).resolve().parents[2] / "templates"


def template_path(root: Path, name: str) -> Path:
    """The repository's own template when it has one (staff may edit it), else the default."""
    own = root / "templates" / name
    if own.is_file():
        return own
    try:
        return Path(str(resources.files(PACKAGE).joinpath(name)))
    except ModuleNotFoundError:
        return SOURCE_TREE / name

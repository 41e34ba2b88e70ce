"""Writing outputs atomically: every file is complete or absent, never half-written.

Each output is first written to a temporary file beside its target, then renamed over it,
so an interrupted or failed build leaves the earlier good brief untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output; the renames happen only once all temporary files are complete."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((temp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, 0o644)
        for temp, target in staged:
            os.replace(temp, target)
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)
    return [target for _, target in staged]

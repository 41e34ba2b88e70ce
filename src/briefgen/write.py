"""Writing outputs atomically: every file is complete or absent, never half-written.

Each output is first written to a temporary file beside its target, then renamed over it,
so an interrupted or failed build leaves the earlier good brief untouched. A temporary
file is named after the process writing it: one left by a build that was killed is
removed by the next build, never one that another build is still writing.
"""

from __future__ import annotations

import errno
import os
import signal
import tempfile
from pathlib import Path


class WriteError(Exception):
    """An output could not be written; nothing was (every earlier brief is as it was)."""


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output; the renames happen only once all temporary files are complete,
    with Ctrl-C held back, so a brief and its companions are replaced together."""
    staged: list[tuple[str, Path]] = []
    replaced: list[Path] = []
    mode = 0o666 & ~_umask()  # a brief may be sensitive: the officer's umask decides who reads it
    try:
        for target, data in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            _remove_abandoned(target)
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
            staged.append((temp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, mode)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for temp, target in staged:
                os.replace(temp, target)
                replaced.append(target)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    except OSError as exc:
        raise WriteError(_reason(exc, target) + _outcome(replaced, [t for _, t in staged])) from None
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)
    return [target for _, target in staged]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError, target: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk holding {target.parent} is full"
    if exc.errno == errno.EROFS:
        return f"{target.parent} is on a read-only file system"
    return f"cannot write {target}: {exc.strerror}"


def _outcome(replaced: list[Path], targets: list[Path]) -> str:
    if not replaced:
        return ": nothing was written (earlier briefs are as they were)"
    kept = [t.name for t in targets if t not in replaced]
    return f": only {', '.join(t.name for t in replaced)} was replaced ({', '.join(kept)} as before)"


def _remove_abandoned(target: Path) -> None:
    """Temporary copies of `target` left by a build that was killed (its process is gone)."""
    for temp in target.parent.glob(f".{target.name}.*.tmp"):
        pid = temp.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                temp.unlink()
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True

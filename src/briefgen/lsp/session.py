"""One brief repository as an editor sees it: the files on disk, with the open buffers over them.

A meeting file is checked as the buffer holds it (`Run.check_file`, through the same memos
as `briefgen check`), against the repository as last read: an edit re-verifies only the
edited meeting (0.03 s for a shipped one, 0.02 s in the size L archive: benchmarks/RESULTS.md).
The whole-repository checks (source-unused, duplicate-meeting, ...) are `briefgen check`'s,
run on save in a child process: on size L it takes 1 to 25 s and 750 MB, which the server
process neither waits for nor keeps, and it uses both cores (the checks fork their workers,
which a threaded server must not).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from .. import checks
from ..model import Diagnostic, Meeting, Source
from ..pipeline import FileCheck, Run
from ..report.json import parse
from ..snapshot import is_meeting
from ..verify import meeting_checks

CHECK_TIMEOUT = 600  # seconds: the cold check of the size L archive takes 25


def repository_codes() -> frozenset[str]:
    """The codes of the checks that look at the whole repository at once."""
    each = meeting_checks()
    return frozenset(m.ID for m in checks.verifiers() if m not in each)


def root_of(path: Path) -> Path | None:
    """The brief repository a file belongs to: the folder holding its briefs/ or seeds/."""
    for folder in path.parents:
        if folder.name in ("briefs", "seeds") and (folder.parent / "briefs").is_dir():
            return folder.parent
    return None


class Session:
    """The open buffers of one repository, and what was last read and checked of it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.buffers: dict[str, str] = {}  # repository-relative path -> the text the editor holds
        self.readable: dict[str, Meeting] = {}  # a meeting file's last readable record, for completion
        self.whole: tuple[Diagnostic, ...] = ()  # the last `briefgen check` of the saved files
        self.codes = repository_codes()
        self.run = Run(root)
        self.lock = threading.Lock()  # one check at a time: a Run's memo of texts is no concurrent dict

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def check(self, rel: str) -> FileCheck | None:
        """The open meeting file as its buffer holds it (None: not an open meeting file)."""
        text = self.buffers.get(rel)
        if text is None or not is_meeting(rel):
            return None
        with self.lock:
            checked = self.run.check_file(rel, text.encode("utf-8"))
        if checked.meeting is not None:
            self.readable[rel] = checked.meeting
        return checked

    def findings(self, rel: str, checked: FileCheck | None) -> list[Diagnostic]:
        """What to show in a file: a meeting's own findings, as typed, and the whole-repository
        checks' of the last save; for any other file, the last save's."""
        if checked is None:
            return [d for d in self.whole if d.where.file == rel]
        repository = [d for d in self.whole if d.where.file == rel and d.code in self.codes]
        return sorted({*checked.diagnostics, *repository}, key=lambda d: d.sort_key)

    def sources(self) -> tuple[Source, ...]:
        return self.run.catalogue.sources

    def reread(self) -> None:
        """Read the repository again: a saved file, a seed added or deleted."""
        run = Run(self.root)
        with self.lock:
            self.run = run

    def check_whole(self) -> None:
        self.whole = whole_check(self.root, self.whole)


def whole_check(root: Path, before: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    """`briefgen check --format json` of the saved files, in a child process; `before` when it
    cannot say (a usage error, a crash, a timeout)."""
    command = [sys.executable, "-m", "briefgen", "check", "--format", "json", "--root", str(root)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=CHECK_TIMEOUT, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return before
    if done.returncode not in (0, 1):
        return before
    try:
        return parse(done.stdout)
    except ValueError:
        return before

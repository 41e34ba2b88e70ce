"""The one route through briefgen: snapshot -> load -> verify -> (assemble -> render, in build).

Caching is a layer around pure stages: the snapshot reads every input once, its digest
keys the repository's last check, and load and verify memoise each meeting by the digest
of its own inputs. The command line and the authoring commands call only this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .cache import Cache, for_repository
from .load import Catalogue, load, load_catalogue
from .model import Diagnostic, Dossier
from .snapshot import Snapshot
from .verify import Verification, recall, verify

# A progress bar for a stage: called with its name and the number of steps, it returns the tick.
Progress = Callable[[str, int], Callable[[], None]]


def no_progress(stage: str, total: int) -> Callable[[], None]:
    return lambda: None


def _is_findings(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(d, Diagnostic) for d in value)


class Run:
    """One check of a repository: its snapshot, taken once, and the cache around the stages."""

    def __init__(self, root: Path, use_cache: bool = True) -> None:
        self.root = root
        self.cache: Cache = for_repository(root, use_cache)
        self.snapshot = Snapshot.take(root)
        self.catalogue: Catalogue = load_catalogue(self.snapshot, self.cache)
        self.snapshot.read_seeds(self.catalogue.sources)
        self.key = self.snapshot.key() if self.cache.directory is not None else None

    def recalled(self) -> tuple[Diagnostic, ...] | None:
        """The findings of the last check, when it checked exactly these bytes."""
        return self.cache.last_check(self.key, _is_findings) if self.key else None

    def check(self, progress: Progress = no_progress) -> tuple[Dossier, Verification]:
        """Load and verify; when the last check saw these very bytes, its findings are
        recalled (only the quotes a brief cites are located again)."""
        found = self.recalled()
        dossier = load(self.snapshot, self.cache, progress("reading summaries", len(self.snapshot.meetings)),
                       self.catalogue)
        if found is not None:
            verification = recall(self.root, dossier, found)
        else:
            verification = verify(self.root, dossier, self.cache, progress("checking against sources", len(dossier.meetings)))
            if self.key:
                self.cache.keep_check(self.key, verification.diagnostics)
        self.cache.trim()
        return dossier, verification


def findings(root: Path, use_cache: bool = True, progress: Progress = no_progress) -> tuple[Diagnostic, ...]:
    """Every finding of a check (`briefgen check`): recalled without loading when nothing changed."""
    run = Run(root, use_cache)
    found = run.recalled()
    return found if found is not None else run.check(progress)[1].diagnostics


def checked(root: Path, use_cache: bool = True, progress: Progress = no_progress) -> tuple[Dossier, Verification]:
    """The loaded repository and its findings (for build, status and the authoring commands)."""
    return Run(root, use_cache).check(progress)

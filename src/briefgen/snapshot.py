"""What a check reads, read once: the bytes that are checked are the bytes that are keyed.

A check once fingerprinted the repository and then read every file again to check it; a
save between the two reads (an editor, `git checkout`) stored the verdict on one content
under the key of another, and the next check recalled "0 errors" for a falsified summary.
Now every file a check depends on is read here, once: the settings, the catalogue, every
meeting file, the names in seeds/ and the catalogued articles (confined to seeds/). Every
later stage reads these bytes, never the disk, and the cache key is their digest.

An uncatalogued article is known by its name only: a 200 MB file nobody cites is never read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .cache import digest

SETTINGS = "briefs/brief.yaml"
CATALOGUE = "seeds/sources.yaml"
MEETING_SUFFIXES = (".yaml", ".yml")
MAX_SEED_BYTES = 20 * 2**20  # an article is kilobytes; 20 MiB is a wrong file


@dataclass(frozen=True)
class SourceProblem:
    """Why a catalogued file cannot be used: `kind` is the diagnostic code."""

    kind: str
    message: str
    hint: str


@dataclass
class Snapshot:
    """The repository's files as one check saw them."""

    root: Path
    folders: dict[str, str]  # "seeds", "briefs" -> "folder", "file" or "absent"
    files: dict[str, bytes | OSError]  # settings, catalogue and meeting files present, as read
    meetings: tuple[str, ...]  # the meeting files, e.g. "briefs/2024-05-16-astana.yaml", sorted
    seed_names: tuple[str, ...]  # every .txt in seeds/, sorted
    seeds: dict[str, tuple[bytes | SourceProblem, str]] = field(default_factory=dict)  # file -> (bytes, link target)

    @classmethod
    def take(cls, root: Path) -> "Snapshot":
        """Read everything but the articles (which the catalogue names: `read_seeds`)."""
        folders = {name: _kind(root / name) for name in ("seeds", "briefs")}
        meetings = tuple(sorted(
            f"briefs/{entry.name}" for entry in _entries(root / "briefs", folders["briefs"])
            if is_meeting(f"briefs/{entry.name}")
        ))
        seed_names = tuple(sorted(e.name for e in _entries(root / "seeds", folders["seeds"]) if e.name.endswith(".txt")))
        files: dict[str, bytes | OSError] = {}
        for rel in (SETTINGS, CATALOGUE, *meetings):
            try:
                files[rel] = (root / rel).read_bytes()
            except FileNotFoundError:
                if rel in meetings:  # listed a moment ago: deleted meanwhile, or a dangling link
                    files[rel] = FileNotFoundError(2, "No such file or directory")
            except OSError as exc:
                files[rel] = exc
        return cls(root, folders, files, meetings, seed_names)

    def has(self, rel: str) -> bool:
        return rel in self.files

    def read(self, rel: str) -> bytes:
        """The bytes of a file as read, or the OSError reading it raised."""
        value = self.files[rel]
        if isinstance(value, OSError):
            raise value
        return value

    def with_file(self, rel: str, data: bytes) -> "Snapshot":
        """The same snapshot with one file as an editor holds it (its unsaved buffer): the
        seam through which `briefgen lsp` checks what the officer sees, not what is on disk."""
        meetings = self.meetings if rel in self.meetings or not is_meeting(rel) else tuple(sorted((*self.meetings, rel)))
        return replace(self, files={**self.files, rel: data}, meetings=meetings)

    def read_seeds(self, files: Iterable[str]) -> None:
        """Read each catalogued article once (a later entry naming the same file reuses it)."""
        seeds = self.root / "seeds"
        for name in files:
            if name not in self.seeds:
                self.seeds[name] = read_seed(seeds, name)

    def seed(self, name: str) -> bytes | SourceProblem:
        return self.seeds[name][0]

    def key(self) -> str:
        """The digest of everything read: equal keys mean equal inputs, so an equal verdict."""
        parts: list[bytes | str] = [repr(sorted(self.folders.items())), "\n".join(self.seed_names)]
        for rel in sorted(self.files):
            value = self.files[rel]
            parts += [rel, value if isinstance(value, bytes) else f"unreadable: {value!r}"]
        for name in sorted(self.seeds):
            seed, target = self.seeds[name]
            parts += [name, target, seed if isinstance(seed, bytes) else repr(seed)]
        return digest("snapshot", *parts)


def is_meeting(rel: str) -> bool:
    """A meeting file's path: a YAML file in briefs/ other than the settings."""
    folder, _, name = rel.rpartition("/")
    return folder == "briefs" and name.endswith(MEETING_SUFFIXES) and name not in ("brief.yaml", "brief.yml")


def _kind(path: Path) -> str:
    return "folder" if path.is_dir() else "file" if path.exists() else "absent"


def _entries(folder: Path, kind: str) -> list[os.DirEntry[str]]:
    if kind != "folder":
        return []
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


def read_seed(seeds: Path, name: str) -> tuple[bytes | SourceProblem, str]:
    """A catalogued article's bytes (and, for a link, where it leads), or why it cannot be read."""
    if "/" in name or "\\" in name or name in ("", ".", "..") or Path(name).is_absolute():
        return SourceProblem(
            "source-file", f"source file {name!r} is not a plain file name inside seeds/",
            f"copy the article into seeds/ and write only its name, e.g. `file: {Path(name).name or 'article.txt'}`",
        ), ""
    try:
        return _read_confined(seeds, seeds / name, name)
    except (OSError, RuntimeError) as exc:  # a looping link, a name the system refuses
        reason = getattr(exc, "strerror", None) or "a link that loops"
        return SourceProblem("source-file", f"seeds/{name[:80]} cannot be read: {reason}",
                             "copy the article itself into seeds/ under a short plain name"), ""


def _read_confined(seeds: Path, path: Path, name: str) -> tuple[bytes | SourceProblem, str]:
    """Read a plain name inside seeds/; only a symbolic link needs resolving (one `lstat` otherwise)."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return SourceProblem("source-file", f"source file seeds/{name} does not exist",
                             "copy the article into seeds/ or correct the file name"), ""
    target = ""
    if stat.S_ISLNK(status.st_mode):
        if not path.exists():
            return SourceProblem("source-file", f"seeds/{name} is a link to a file that does not exist",
                                 "copy the article itself into seeds/ instead of linking to it"), ""
        real = path.resolve(strict=True)
        target = str(real)
        if not real.is_relative_to(seeds.resolve()):
            return SourceProblem("source-file", f"seeds/{name} is a link leading outside seeds/ (to {real})",
                                 "copy the article itself into seeds/ instead of linking to it"), target
        status = real.stat()
    if not stat.S_ISREG(status.st_mode):
        return SourceProblem("source-file", f"seeds/{name} is not a regular file",
                             "point `file:` at a .txt article inside seeds/"), target
    if status.st_size > MAX_SEED_BYTES:
        return SourceProblem(
            "source-file",
            f"seeds/{name} is {status.st_size / 2**20:.0f} MiB, over the {MAX_SEED_BYTES // 2**20} MiB limit for one article",
            "save only the article's text, one paragraph per line",
        ), target
    with open(path, "rb") as handle:  # the size limit holds even if the file grew since the stat
        raw = handle.read(MAX_SEED_BYTES + 1)
    if len(raw) > MAX_SEED_BYTES:
        return SourceProblem("source-file", f"seeds/{name} is over the {MAX_SEED_BYTES // 2**20} MiB limit for one article",
                             "save only the article's text, one paragraph per line"), target
    return raw, target

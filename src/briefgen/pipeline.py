"""The one route through briefgen: snapshot -> load -> verify (-> assemble -> render, in build).

The stages are pure functions of their inputs; caching and parallelism are layers here,
around them. The snapshot reads every input once and its digest keys the repository's
last check; loading a meeting file is memoised by the digest of its bytes, checking a
meeting by the digests of its file and of the sources it cites; what is left to compute
is spread over the cores. The command line and the authoring commands call only this.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Callable, Sequence, TypeVar

from .assemble import Brief, Period
from .cache import Cache, digest, for_repository
from .context import Context
from .corpus import SourceText, text_of
from .errors import Refused
from .load import Catalogue, Loaded, dossier, is_catalogue, is_loaded, load_meeting, read_catalogue
from .model import Diagnostic, Dossier, Meeting, Source
from .parallel import chunked_map
from .render import Job, renderer
from .snapshot import CATALOGUE, Snapshot, SourceProblem
from .verify import (Checked, Verification, apply, check_meeting, is_checked, meeting_checks, read_texts, readable,
                     recall, repository_checks, verification)

S = TypeVar("S")  # what every worker shares
I = TypeVar("I")  # an item to compute
E = TypeVar("E")  # its entry

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
        self.catalogue = self._catalogue()
        self.snapshot.read_seeds(source.file for source in self.catalogue.sources)
        self.key = self.snapshot.key() if self.cache.directory is not None else None
        self._decoded: dict[str, SourceText | SourceProblem] = {}  # source id -> text, for check_file

    def _catalogue(self) -> Catalogue:
        """The catalogue, memoised by its bytes (an archive's lists 10,000 sources: 0.5 s to parse)."""
        try:
            key = digest("sources", self.snapshot.read(CATALOGUE)) if self.snapshot.has(CATALOGUE) else None
        except OSError:
            key = None  # the reader says why
        entry = self.cache.get("sources", key, is_catalogue) if key else None
        if entry is not None:
            return Catalogue(*entry)
        catalogue = read_catalogue(self.snapshot)
        if key:
            self.cache.put("sources", key, tuple(catalogue))
        return catalogue

    def recalled(self) -> tuple[Diagnostic, ...] | None:
        """The findings of the last check, when it checked exactly these bytes."""
        return self.cache.last_check(self.key, _is_findings) if self.key else None

    def check(self, progress: Progress = no_progress) -> tuple[Dossier, Verification]:
        """Load and verify; when the last check saw these very bytes, its findings are
        recalled (only the quotes a brief cites are located again)."""
        found = self.recalled()
        loaded, keys = self._load(progress("reading summaries", len(self.snapshot.meetings)))
        read = dossier(self.snapshot, self.catalogue, loaded)
        if found is not None:
            outcome = recall(self.root, read, found)
        else:
            outcome = self._verify(read, keys, progress("checking against sources", len(read.meetings)))
            if self.key:
                self.cache.keep_check(self.key, outcome.diagnostics)
        self.cache.trim()
        return read, outcome

    def _load(self, tick: Callable[[], None]) -> tuple[list[Loaded], dict[str, str]]:
        """Every meeting file's record, memoised by its bytes; and those keys, by file."""
        keys: dict[str, str] = {}
        for rel in self.snapshot.meetings:
            try:
                keys[rel] = digest("load", rel, self.snapshot.read(rel))
            except OSError:
                pass  # the reader says why, and nothing of it is kept
        loaded = memoised(self.cache, "load", [keys.get(rel) for rel in self.snapshot.meetings], is_loaded,
                          _load_chunk, list(self.snapshot.meetings), self.snapshot, tick)
        return loaded, keys

    def _verify(self, read: Dossier, keys: dict[str, str], tick: Callable[[], None]) -> Verification:
        """Every check; a meeting's results memoised by its file and the sources it cites."""
        ctx = read_texts(self.root, read)
        found = [*read.diagnostics, *repository_checks(ctx)]
        fingerprints: dict[str, str] = {}
        meeting_keys = [meeting_key(ctx, m, keys.get(m.pos.file), fingerprints) for m in read.meetings]
        results = memoised(self.cache, "verify", meeting_keys, lambda entry: is_checked(ctx, entry),
                           _check_chunk, list(range(len(read.meetings))), (ctx, meeting_checks()), tick)
        for entry in results:
            found.extend(apply(ctx, entry))
        return verification(ctx, found)

    def check_file(self, rel: str, data: bytes) -> FileCheck:
        """One meeting file as an editor holds it (`data`, unsaved), against this run's
        snapshot: loaded and checked by the meeting checks through the same memos as
        `check`, so only an edited meeting is verified again. The whole-repository checks
        are left to `check` (the language server runs it on save)."""
        snapshot = self.snapshot.with_file(rel, data)
        own = digest("load", rel, data)
        [(meeting, problems)] = memoised(self.cache, "load", [own], is_loaded, _load_chunk, [rel], snapshot, no_progress("", 0))
        if meeting is None:
            return FileCheck(None, None, problems)
        ctx = self._context_of(meeting)
        key = meeting_key(ctx, meeting, own, {})
        [entry] = memoised(self.cache, "verify", [key], lambda e: is_checked(ctx, e), _check_chunk, [0],
                           (ctx, meeting_checks()), no_progress("", 0))
        found = sorted({*problems, *apply(ctx, entry)}, key=lambda d: d.sort_key)
        return FileCheck(meeting, ctx, tuple(found))

    @functools.cached_property
    def _bare(self) -> tuple[Dossier, dict[str, Source]]:
        """The repository without its meetings (settings, catalogue), and its readable entries."""
        bare = dossier(self.snapshot, self.catalogue, [])
        return bare, readable(bare)

    def _context_of(self, meeting: Meeting) -> Context:
        """What the meeting checks see of one meeting: the texts it cites, each decoded once per run."""
        bare, chosen = self._bare
        texts: dict[str, SourceText] = {}
        problems: dict[str, SourceProblem] = {}
        for source_id in {c.source for c in meeting.citations()} & chosen.keys():
            if source_id not in self._decoded:
                source = chosen[source_id]
                self._decoded[source_id] = text_of(source, self.snapshot.seed(source.file))
            result = self._decoded[source_id]
            if isinstance(result, SourceText):
                texts[source_id] = result
            else:
                problems[source_id] = result
        return Context(self.root, replace(bare, meetings=(meeting,)), texts, problems, meetings=(meeting,))


@dataclass(frozen=True)
class FileCheck:
    """One meeting file checked as written: its record (None when unusable), what its
    meeting checks saw (for hover and code actions), and its findings."""

    meeting: Meeting | None
    context: Context | None
    diagnostics: tuple[Diagnostic, ...]


def memoised(cache: Cache, kind: str, keys: Sequence[str | None], valid: Callable[[object], bool],
             compute: Callable[[S, Sequence[tuple[int, I]]], list[tuple[int, E]]], items: list[I], shared: S,
             tick: Callable[[], None]) -> list[E]:
    """`compute(shared, chunk)` for each item whose entry (by its key) is not in the cache,
    on every core when many are left; every result, in the items' order."""
    results: list[E | None] = [None] * len(items)
    todo = []
    for index, key in enumerate(keys):
        entry = cache.get(kind, key, valid) if key else None
        if entry is None:
            todo.append(index)
        else:
            results[index] = entry
            tick()
    for done in chunked_map(compute, [(index, items[index]) for index in todo], shared):
        for index, entry in done:
            results[index] = entry
            if key := keys[index]:
                cache.put(kind, key, entry)
            tick()
    return [entry for entry in results if entry is not None]


def _load_chunk(snapshot: Snapshot, chunk: Sequence[tuple[int, str]]) -> list[tuple[int, Loaded]]:
    return [(index, load_meeting(snapshot, rel)) for index, rel in chunk]


def _check_chunk(shared: tuple[Context, list[ModuleType]], chunk: Sequence[tuple[int, int]]) -> list[tuple[int, Checked]]:
    ctx, modules = shared
    return [(index, check_meeting(ctx, ctx.dossier.meetings[number], modules)) for index, number in chunk]


def meeting_key(ctx: Context, meeting: Meeting, own: str | None, fingerprints: dict[str, str]) -> str | None:
    """Everything a meeting's findings depend on: its file's bytes (`own`, the load key),
    the sources it cites, the brief's language."""
    if own is None:
        return None
    cited = sorted({c.source for c in meeting.citations()})
    return digest("verify", meeting.pos.file, own, ctx.dossier.settings.language,
                  *(source_fingerprint(ctx, s, fingerprints) for s in cited))


def source_fingerprint(ctx: Context, source_id: str, fingerprints: dict[str, str]) -> str:
    """A cited source as the checks see it: its catalogue entry and its text (or its problem)."""
    if source_id not in fingerprints:
        source = ctx.dossier.source(source_id)
        text = ctx.texts.get(source_id)
        body = text.text if text else repr(ctx.problems.get(source_id))
        if source:
            entry = repr((source.id, source.file, source.outlet, source.language, source.title, source.published))
        else:  # what unknown-source says of it depends on why it is absent
            entry = repr(("absent", ctx.dossier.catalogued, source_id in ctx.dossier.unread_sources))
        fingerprints[source_id] = digest(entry, body)
    return fingerprints[source_id]


def repository(root: Path) -> Path:
    """The repository to work on, refusing a folder that is not one."""
    if not root.is_dir():
        raise Refused(f"{root} is not a folder", "pass --root DIR, the folder holding seeds/ and briefs/", 2)
    if not (root / "seeds").is_dir() and not (root / "briefs").is_dir():
        raise Refused(f"{root.resolve()} is not a brief repository: it has no seeds/ or briefs/ folder",
                      "cd into the brief repository, or pass --root DIR", 2)
    return root


def out_folder(out_dir: Path, root: Path) -> Path:
    """The folder briefs are written to, refused before any work when it cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        raise Refused(f"--out {out_dir} is a file, not a folder", "pass a folder, e.g. --out out", 2)
    existing = next((p for p in [out_dir, *out_dir.parents] if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise Refused(f"--out {out_dir}: {existing} is a file, so no folder can be made inside it",
                      "pass a folder, e.g. --out out", 2)
    for kept in ("seeds", "briefs"):
        if out_dir.resolve().is_relative_to((root / kept).resolve()):
            raise Refused(f"--out {out_dir} is inside {kept}/, which briefgen never writes to",
                          "pass a folder of its own, e.g. --out out", 2)
    if existing is not None and not os.access(existing, os.W_OK):
        raise Refused(f"cannot write to {out_dir}: {existing} is not writable",
                      "pass a folder you can write to with --out", 2)
    return out_dir


def issue_moment(period: Period) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the period's last day (a week's brief is issued when
    the week is over, never dated before the period it covers ends): never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            raise Refused(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds",
                          "unset it or export SOURCE_DATE_EPOCH=1715817600", 2) from None
    return dt.datetime.combine(period.end, dt.time())


def render(brief: Brief, names: list[str], job: Job) -> dict[Path, bytes]:
    """The brief in each format asked for, by the file it is to be written to."""
    outputs: dict[Path, bytes] = {}
    for name in names:
        module = renderer(name)
        outputs[job.out_dir / f"brief-{brief.period.slug}{module.SUFFIX}"] = module.render(brief, job)
    return outputs


def findings(root: Path, use_cache: bool = True, progress: Progress = no_progress) -> tuple[Diagnostic, ...]:
    """Every finding of a check (`briefgen check`): recalled without loading when nothing changed."""
    run = Run(root, use_cache)
    found = run.recalled()
    return found if found is not None else run.check(progress)[1].diagnostics


def checked(root: Path, use_cache: bool = True, progress: Progress = no_progress) -> tuple[Dossier, Verification]:
    """The loaded repository and its findings (for build, status and the authoring commands)."""
    return Run(root, use_cache).check(progress)

"""A content-addressed cache, so that re-checking after one edit costs about that edit.

Entries live in the user's cache folder ($XDG_CACHE_HOME/briefgen, else ~/.cache/briefgen),
one folder per brief repository, so a check or a failed build writes nothing into the
repository itself. One file per key; a key is a hash of everything the entry was computed
from (file contents as read, catalogue entries, settings, briefgen's code and the versions
of what it computes with), so a stale entry is never found, only left behind, and the
least recently used are deleted once the whole cache passes its cap (BRIEFGEN_CACHE_MB,
default 1024). The last check of a repository has one slot, replaced by each check.

Nothing read back is trusted: each file starts with an HMAC, under a secret only this
user can read, of its kind, key and payload, so a corrupt, truncated, planted or moved
entry is not used (and deleted when possible); payloads are pickles of briefgen's own
records, read by an unpickler that admits nothing else, and then checked for the shape
their reader expects. Any failure is a miss: the entry is computed again.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import io
import os
import pickle
import stat
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable  # Any: what an entry holds is known to the caller's `valid`, not here

from . import __version__

MAC = 32
CAP_MB = 1024  # the whole cache, every repository; the 5,000-meeting benchmark archive fills 190 MB
TRIM_TO = 0.8  # of the cap, so that trimming is rare
STALE_TEMP = 3600  # seconds: a .tmp this old is left by a store that was killed
_ALLOWED = {
    ("builtins", name) for name in ("tuple", "list", "dict", "set", "frozenset", "str", "int", "bool")
} | {("datetime", "date")} | {
    ("briefgen.model", name)
    for name in ("Where", "Diagnostic", "Source", "Citation", "Participant", "Statement", "Commitment", "Meeting")
}


class _RecordsOnly(pickle.Unpickler):
    """Unpickles briefgen's records and plain values, refusing every other class."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in briefgen's cache")
        found: type = super().find_class(module, name)
        return found


@functools.lru_cache(maxsize=1)
def _code() -> bytes:
    """briefgen's code and what its results depend on: an entry computed by other code (a new
    version, a local edit, another PyYAML, rapidfuzz, pymorphy3 or its dictionary, iuliia,
    Python or Unicode database) is never found."""
    import yaml

    hasher = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.yaml")]):  # the vocabulary too
        hasher.update(path.read_bytes())
    versions = (yaml.__version__, getattr(yaml, "__with_libyaml__", False), _version("rapidfuzz"),
                _version("pymorphy3"), _version("pymorphy3-dicts-ru"), _version("iuliia"),
                sys.version, unicodedata.unidata_version)
    hasher.update(repr(versions).encode())
    return hasher.digest()


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "absent"


def digest(*parts: bytes | str) -> str:
    """A key from its ingredients (briefgen's code always among them)."""
    hasher = hashlib.sha256(_code())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def _accept(value: object) -> bool:
    return True


class Cache:
    """Get and put entries by kind and key; a disabled cache finds nothing and keeps nothing."""

    def __init__(self, directory: Path | None, secret: bytes = b"") -> None:
        self.directory = directory
        self.secret = secret
        self.hits = self.misses = self.stores = 0

    def _path(self, kind: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / kind / key[:2] / key

    def _mac(self, kind: str, key: str, payload: bytes) -> bytes:
        return hmac.new(self.secret, f"{kind}\0{key}\0".encode() + payload, hashlib.sha256).digest()

    def get(self, kind: str, key: str, valid: Callable[[object], bool] = _accept) -> Any:
        """The entry stored under this kind and key, when it is intact, ours and of the shape
        `valid` expects; else None (and the entry is deleted)."""
        if self.directory is None:
            return None
        return self._read(self._path(kind, key), kind, key, valid)

    def _read(self, path: Path, kind: str, key: str, valid: Callable[[object], bool]) -> Any:
        """The payload, unpickled and checked by `valid` (so callers may rely on its shape), or None."""
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        payload = data[MAC:]
        try:
            if not hmac.compare_digest(self._mac(kind, key, payload), data[:MAC]):
                raise ValueError("not an entry of ours for this key")
            value = _RecordsOnly(io.BytesIO(payload)).load()
            if not valid(value):
                raise ValueError("not the shape its reader expects")
        except Exception:  # corrupt, truncated, planted or moved: never trusted, recomputed
            _remove(path)
            self.misses += 1
            return None
        self.hits += 1
        try:
            os.utime(path)  # used now: the last to be evicted
        except OSError:
            pass
        return value

    def put(self, kind: str, key: str, value: object) -> None:
        if self.directory is None:
            return
        self._write(self._path(kind, key), kind, key, value)

    def _write(self, path: Path, kind: str, key: str, value: object) -> None:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        temp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(self._mac(kind, key, payload) + payload)
            os.replace(temp, path)
            self.stores += 1
        except OSError:  # a full or read-only disk: the check goes on without the speed-up
            if temp:
                _remove(Path(temp))

    def last_check(self, key: str, valid: Callable[[object], bool]) -> Any:
        """The findings of the repository's last check, if it checked exactly these inputs."""
        if self.directory is None:
            return None
        entry = self._read(self.directory / "last-check", "last-check", "", _is_keyed(key, valid))
        return entry[1] if entry is not None else None

    def keep_check(self, key: str, findings: object) -> None:
        """One slot per repository: each check replaces the last, so edits do not pile up."""
        if self.directory is not None:
            self._write(self.directory / "last-check", "last-check", "", (key, findings))

    def trim(self) -> None:
        """After storing, keep the whole cache under its cap, least recently used out first."""
        if self.directory is not None and self.stores:
            trim(self.directory.parent, cap_bytes())


def _is_keyed(key: str, valid: Callable[[object], bool]) -> Callable[[object], bool]:
    """The slot holds the findings of a check of these inputs (of others: a miss)."""
    return lambda entry: isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key and valid(entry[1])


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # immutable, or a read-only folder: it stays unused


def cap_bytes() -> int:
    wanted = os.environ.get("BRIEFGEN_CACHE_MB", "")
    return (int(wanted) if wanted.isdigit() else CAP_MB) * 2**20


def trim(base: Path, cap: int) -> None:
    """Delete the least recently used entries under `base` until they fill at most TRIM_TO of `cap`."""
    entries, total, now = [], 0, time.time()
    for folder, _, names in os.walk(base):
        for name in names:
            path = os.path.join(folder, name)
            try:
                status = os.lstat(path)
            except OSError:
                continue
            if name.endswith(".tmp"):
                if now - status.st_mtime > STALE_TEMP:
                    _remove(Path(path))
                continue
            if name != SECRET:
                entries.append((status.st_mtime, status.st_size, path))
                total += status.st_size
    if total <= cap:
        return
    for _, size, path in sorted(entries):
        _remove(Path(path))
        total -= size
        if total <= cap * TRIM_TO:
            break


def size(base: Path) -> tuple[int, int]:
    """Entries and bytes under `base` (the secret is no entry)."""
    count = total = 0
    for folder, _, names in os.walk(base):
        for name in names:
            if name == SECRET and folder == str(base):
                continue
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
                count += 1
            except OSError:
                pass
    return count, total


SECRET = "secret"


def base_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefgen"


_warned: list[str] = []


def warn_once(message: str) -> None:
    if message not in _warned:
        _warned.append(message)
        print(f"briefgen: warning: {message}", file=sys.stderr)


def _secret(base: Path) -> bytes | None:
    """This user's key for the cache's HMACs, made on first use; None when it cannot be
    trusted (someone else's, or readable by others), and then the cache is not used."""
    path = base / SECRET
    try:
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.stat(base).st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            warn_once(f"the cache folder {base} is writable by other users; "
                      "entries they plant are refused, but keep it private: chmod 700 " + str(base))
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(os.urandom(32))
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid() or status.st_mode & 0o077:
            warn_once(f"{path} is not this user's private file: the cache is not used (delete it to start afresh)")
            return None
        secret = path.read_bytes()
    except OSError:
        return None  # no usable cache folder: every check is a fresh one
    return secret if len(secret) == 32 else None


def for_repository(root: Path, enabled: bool) -> Cache:
    """The cache of the brief repository at `root` (a disabled one with --no-cache, or
    when the cache folder cannot be used)."""
    if not enabled:
        return Cache(None)
    base = base_folder()
    secret = _secret(base)
    if secret is None:
        return Cache(None)
    return Cache(base / digest(str(root.resolve()))[:16], secret)


def clear() -> tuple[int, int]:
    """Delete every entry (keeping the secret); the entries and bytes removed."""
    base = base_folder()
    count, total = size(base)
    for folder, folders, names in os.walk(base, topdown=False):
        for name in names:
            if not (folder == str(base) and name == SECRET):
                _remove(Path(folder) / name)
        for name in folders:
            try:
                os.rmdir(os.path.join(folder, name))
            except OSError:
                pass
    return count, total

"""A content-addressed cache, so that re-checking after one edit costs about that edit.

Entries live in the user's cache folder ($XDG_CACHE_HOME/briefgen, else ~/.cache/briefgen),
one folder per brief repository, so a check or a failed build writes nothing into the
repository itself. One file per key; a key
is a hash of everything the entry was computed from (file contents, catalogue entries,
settings, briefgen's version), so a stale entry is never found, only left behind. Each
file starts with the SHA-256 of its payload: a corrupt or truncated entry is detected,
deleted and recomputed, never trusted. Payloads are pickles of briefgen's own records,
read back by an unpickler that admits nothing else, so a planted file cannot run code.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path

from . import __version__

DIGEST = 32
_ALLOWED = {
    ("builtins", name) for name in ("tuple", "list", "dict", "set", "frozenset", "str", "int", "bool")
} | {("datetime", "date")} | {
    ("briefgen.model", name)
    for name in ("Where", "Diagnostic", "Source", "Citation", "Participant", "Statement", "Commitment", "Meeting")
}


class _RecordsOnly(pickle.Unpickler):
    """Unpickles briefgen's records and plain values, refusing every other class."""

    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in briefgen's cache")
        return super().find_class(module, name)


@functools.lru_cache(maxsize=1)
def _code() -> bytes:
    """briefgen's own code: an entry computed by other code (a new version, a local edit) is never found."""
    hasher = hashlib.sha256(__version__.encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        hasher.update(path.read_bytes())
    return hasher.digest()


def digest(*parts: bytes | str) -> str:
    """A key from its ingredients (briefgen's code always among them)."""
    hasher = hashlib.sha256(_code())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


class Cache:
    """Get and put entries by kind and key; a disabled cache finds nothing and keeps nothing."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / kind / key[:2] / key

    def get(self, kind: str, key: str):
        if self.directory is None:
            return None
        path = self._path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        payload = data[DIGEST:]
        try:
            if hashlib.sha256(payload).digest() != data[:DIGEST]:
                raise ValueError("checksum mismatch")
            value = _RecordsOnly(io.BytesIO(payload)).load()
        except Exception:  # corrupt, truncated or planted: never trusted, recomputed
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.directory is None:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(hashlib.sha256(payload).digest() + payload)
            os.replace(temp, path)
        except OSError:
            return  # a read-only repository still checks, just without the speed-up


def for_repository(root: Path, enabled: bool) -> Cache:
    """The cache of the brief repository at `root` (a disabled one with --no-cache)."""
    if not enabled:
        return Cache(None)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return Cache(base / "briefgen" / digest(str(root.resolve()))[:16])


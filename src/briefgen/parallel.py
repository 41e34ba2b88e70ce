"""Spread independent work over the machine's cores when there is enough of it to pay.

Workers are forked, so they start with everything the parent has already read (source
texts, the loaded dossier) and receive only small arguments; only results travel back.
Below `MINIMUM` items (files to parse, meetings to check), or with BRIEFGEN_WORKERS=1,
everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 32  # items per task: small enough for an even spread and a smooth progress bar
MINIMUM = 400  # items: below this, starting workers costs more than it saves


def workers() -> int:
    wanted = os.environ.get("BRIEFGEN_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def chunked_map(func: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> Iterator[list[R]]:
    """Yield `func(chunk)` for consecutive chunks of `items`, in order, using every core when worth it."""
    chunks = [items[i: i + CHUNK] for i in range(0, len(items), CHUNK)]
    count = workers()
    if count < 2 or len(items) < MINIMUM or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(func, chunks)
        return
    with multiprocessing.get_context("fork").Pool(count) as pool:
        yield from pool.imap(func, chunks)

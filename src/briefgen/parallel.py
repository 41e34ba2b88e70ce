"""Spread independent work over the machine's cores when there is enough of it to pay.

Workers are forked, so they start with everything the parent has already read (the
snapshot's bytes, the loaded dossier) as `shared`, and receive only small arguments;
only results travel back. Below `MINIMUM` items (files to parse, meetings to check), with
BRIEFGEN_WORKERS=1, or under a memory limit too tight for copies of the parent,
everything runs in this process.

A worker is the parent's hands only: it ignores Ctrl-C (the parent stops the pool and says
so once), prints nothing (its failures travel back as exceptions), and dies with its parent.
"""

from __future__ import annotations

import ctypes
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import os
import resource
import signal
import sys
from typing import Any, Callable, Iterator, Sequence, TypeVar  # Any: a worker runs whatever task it inherits

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
CHUNK = 32  # items per task: small enough for an even spread and a smooth progress bar
MINIMUM = 400  # items: below this, starting workers costs more than it saves
# Under `ulimit -v` of 200 MB a 1,000-meeting check hung in the pool's result thread
# (a MemoryError there is never reported); one process finished. A worker pool needs
# room for a copy of the parent per worker and each thread's stack.
POOL_MEMORY = 2 * 2**30

_TASK: tuple[Callable[[Any, Sequence[Any]], list[Any]], Any] | tuple[()] = ()  # set just before forking, inherited


def workers() -> int:
    wanted = os.environ.get("BRIEFGEN_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit != resource.RLIM_INFINITY and limit < POOL_MEMORY:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class WorkerLost(RuntimeError):
    """A worker process died (killed, most often by the system for lack of memory)."""


def chunked_map(func: Callable[[S, Sequence[T]], list[R]], items: Sequence[T], shared: S) -> Iterator[list[R]]:
    """Yield `func(shared, chunk)` for consecutive chunks of `items`, in order, on every core when worth it.

    A process pool notices a worker killed under it (multiprocessing.Pool waits forever);
    when anything stops the work (Ctrl-C, an error), the workers are ended at once.
    """
    global _TASK
    chunks = [items[i: i + CHUNK] for i in range(0, len(items), CHUNK)]
    count = workers()
    if count < 2 or len(items) < MINIMUM or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield func(shared, chunk)
        return
    # Workers start with Ctrl-C held, so none can take it before it learns to ignore it. One
    # pressed meanwhile is taken at the release, inside the outer try, so it ends the workers
    # too (taken outside it, the exit waited for all their work: test_faults).
    _TASK = (func, shared)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    pool: ProcessPoolExecutor | None = None
    try:
        try:
            pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker,
                                       initargs=(os.getpid(),))
            results = pool.map(_run, chunks)  # forks every worker (with fork, all start on the first task)
        finally:
            _TASK = ()
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        yield from results
    except BrokenProcessPool:
        _end(pool)
        raise WorkerLost("a worker process was killed, most likely for lack of memory") from None
    except BaseException:
        _end(pool)
        raise
    pool.shutdown()


def _end(pool: ProcessPoolExecutor | None) -> None:
    for child in multiprocessing.active_children():
        child.kill()
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _run(chunk: Sequence[T]) -> list[Any]:
    assert _TASK, "a worker is forked after _TASK is set"
    func, shared = _TASK
    return func(shared, chunk)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies (Linux)


def _quiet_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (the worker's whole life)
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # no orphan when the parent is killed
    except (OSError, AttributeError):
        pass  # not Linux: an orphan is ended only by the check below, at its start
    if os.getppid() != parent:  # killed before prctl took effect: this worker is already an orphan
        os._exit(0)  # (one kept the test's pipes open, which waited 30 s: test_faults, kill -9 of the parent)

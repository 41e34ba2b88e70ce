"""Faults an administrator meets: Ctrl-C, kill -9, a full disk, low memory, a read-only
checkout, a private umask. Each ends in a sentence and an exit code, never a traceback, a
hang or a half-written brief.

Each case runs `briefgen` as a child process in a session of its own (so that a signal
to its process group reaches briefgen and its workers, as a terminal's Ctrl-C does),
through a small driver that makes one phase of the run send the signal.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, copy_shipped

DRIVER = textwrap.dedent("""
    import faulthandler, os, signal, sys, time
    import briefgen.parallel, briefgen.snapshot, briefgen.pipeline, briefgen.write
    import briefgen.render.docx
    from briefgen.cli import main

    # A hang shows every thread's stack (on a copy of stderr: briefgen's last words close fd 2).
    faulthandler.dump_traceback_later(45, exit=True, file=os.fdopen(os.dup(2), "w"))
    briefgen.parallel.MINIMUM, briefgen.parallel.CHUNK = 1, 1  # the shipped meetings on every core

    def strike(how, original):
        def struck(*args, **kwargs):
            if how == "interrupt":
                os.killpg(os.getpgid(0), signal.SIGINT)  # as Ctrl-C on a terminal: briefgen and its workers
                if signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, ()):
                    time.sleep(10)  # the signal arrives meanwhile (unless Ctrl-C is held here)
            elif how == "stall":
                time.sleep(120)  # work that would outlast the test: nobody may wait for it
            else:
                os.kill(os.getpid() if how == "kill" else os.getppid(), signal.SIGKILL)
                time.sleep(10)
            return original(*args, **kwargs)
        return struck

    for target in sys.argv[1].split(","):  # module[.Class].function.how
        path, how = target.rsplit(".", 1)
        parts = path.split(".")
        cut = max(i for i in range(1, len(parts)) if ".".join(parts[:i]) in sys.modules)
        owner = sys.modules[".".join(parts[:cut])]
        for part in parts[cut:-1]:
            owner = getattr(owner, part)
        setattr(owner, parts[-1], strike(how, getattr(owner, parts[-1])))
    sys.argv = ["briefgen", *sys.argv[2:]]
    main()
""")

PHASES = {
    "reading the articles": "briefgen.snapshot.read_seed",
    "parsing the summaries (workers)": "briefgen.pipeline.load_meeting",
    "checking the summaries (workers)": "briefgen.pipeline.check_meeting",
    "rendering the Word brief": "briefgen.render.docx.render",
    "writing the brief": "briefgen.write._remove_abandoned",
}


def run_driver(target: str, args: list[str], tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "BRIEFGEN_WORKERS": "2"}
    return subprocess.run([sys.executable, "-c", DRIVER, target, *args], capture_output=True, text=True,
                          timeout=timeout, env=env, start_new_session=True, stdin=subprocess.DEVNULL)


def briefs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.exists() else {}


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """The shipped repository with an earlier brief in out/, and that brief's bytes."""
    root = copy_shipped(tmp_path / "repo")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "briefgen", "build", "--all", "--root", root, "--out", out],
                          capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    edited = root / "briefs" / "2025-04-24-tashkent-intelligence-chiefs.yaml"
    edited.write_text(edited.read_text("utf-8") + "# an edit, so that the next build differs\n", "utf-8")
    return root, out, briefs(out)


@pytest.mark.parametrize("phase", PHASES)
def test_ctrl_c_in_each_phase_is_one_line_and_exit_130(built, tmp_path: Path, phase: str) -> None:
    root, out, before = built
    result = run_driver(f"{PHASES[phase]}.interrupt", ["build", "--all", "--no-cache", "--root", str(root),
                                                        "--out", str(out)], tmp_path)
    assert result.returncode == 130, result.stderr
    *before_it, last = result.stderr.splitlines()
    assert last == "briefgen: interrupted; nothing written", result.stderr
    assert all(line.startswith(("briefs/", "seeds/", "  hint: ")) for line in before_it), result.stderr  # findings only
    assert briefs(out) == before, "the earlier brief is untouched and no temporary file is left"


def test_ctrl_c_while_the_workers_start_stops_their_work(built, tmp_path: Path) -> None:
    """Ctrl-C is held while the workers are forked; taken when released, it still ends them:
    the work they were given (stalled here) is not waited for."""
    root, out, before = built
    result = run_driver("concurrent.futures.process.ProcessPoolExecutor.submit.interrupt,"
                        "briefgen.pipeline.load_meeting.stall",
                        ["build", "--all", "--no-cache", "--root", str(root), "--out", str(out)], tmp_path)
    assert result.returncode == 130, result.stderr
    assert result.stderr.splitlines()[-1] == "briefgen: interrupted; nothing written", result.stderr
    assert briefs(out) == before


def test_kill_9_while_writing_leaves_nothing_the_next_build_does_not_remove(built, tmp_path: Path) -> None:
    root, out, before = built
    args = ["build", "--all", "--root", str(root), "--out", str(out)]
    killed = run_driver("os.fsync.kill", args, tmp_path)  # the first temporary brief is written, not renamed
    assert killed.returncode == -signal.SIGKILL
    assert "Traceback" not in killed.stderr and "briefgen:" not in killed.stderr
    assert any(name.endswith(".tmp") for name in briefs(out)), "the kill came in the write window"
    again = subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True,
                           env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert again.returncode == 0, again.stderr
    assert not [name for name in briefs(out) if name.endswith(".tmp")]
    assert set(briefs(out)) == set(before)


def test_kill_9_of_the_parent_leaves_no_worker_talking(built, tmp_path: Path) -> None:
    """The parent killed while its workers check: they die with it, silently (no BrokenPipe)."""
    root, out, before = built
    result = run_driver("briefgen.pipeline.check_meeting.orphan", ["check", "--no-cache", "--root", str(root)],
                        tmp_path, timeout=30)  # the pipes close only when every worker is gone
    assert result.returncode == -signal.SIGKILL
    assert result.stderr == "", result.stderr


def under_memory_limit(megabytes: int):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes * 2**20, megabytes * 2**20))
    return limit


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A 500-meeting archive (enough for the worker pool), from the benchmark's generator."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    root = tmp_path_factory.mktemp("archive")
    generate(root, 1_000)
    return root


@pytest.mark.parametrize("megabytes", [100, 200, 400])
def test_low_memory_ends_in_a_sentence_within_seconds(archive: Path, tmp_path: Path, megabytes: int) -> None:
    """`ulimit -v`: a check finishes or says it ran out of memory (it once hung at 100% CPU)."""
    result = subprocess.run([sys.executable, "-m", "briefgen", "check", "--no-cache", "--root", archive],
                            capture_output=True, text=True, timeout=120, preexec_fn=under_memory_limit(megabytes),
                            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 2:
        assert result.stderr.startswith("briefgen: out of memory; nothing written"), result.stderr
    else:
        assert result.returncode == 0 and "0 errors" in result.stdout, result.stderr[-2000:]


def test_briefs_respect_the_umask(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = subprocess.run(["sh", "-c", f'umask 077 && "{sys.executable}" -m briefgen build --all --root "{root}"'],
                            capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "c")})
    assert result.returncode == 0, result.stderr
    modes = {p.name: p.stat().st_mode & 0o777 for p in (root / "out").iterdir()}
    assert modes and set(modes.values()) == {0o600}, modes


def test_authoring_in_a_read_only_checkout_says_so(tmp_path: Path, invoke, monkeypatch) -> None:
    """EROFS on add-source and new: the reason in a sentence, exit 2, nothing half-written."""
    import errno

    root = copy_shipped(tmp_path / "repo")
    for name in ("write_bytes", "write_text"):
        monkeypatch.setattr(Path, name, lambda self, *a, **k: (_ for _ in ()).throw(
            OSError(errno.EROFS, "Read-only file system", str(self))))
    article = tmp_path / "article.txt"
    os.makedirs(tmp_path, exist_ok=True)
    with open(article, "w", encoding="utf-8") as handle:
        handle.write("ASTANA, 1 June 2024. The ministers met in Astana on 1 June 2024.\n")
    added = invoke("add-source", article, "--outlet", "Kazinform", "--root", root)
    assert added.exit_code == 2 and "read-only" in added.stderr, added.output
    assert "internal error" not in added.output
    new = invoke("new", "kazinform-2024-05", "--root", root)
    assert new.exit_code == 2 and "read-only" in new.stderr, new.output


def test_an_uncatalogued_article_is_known_by_name_only(tmp_path: Path) -> None:
    """A 200 MB stray file in seeds/ (sparse here) is never read: only its name is listed."""
    from briefgen import pipeline

    root = copy_shipped(tmp_path / "repo")
    stray = root / "seeds" / "stray.txt"
    with open(stray, "wb") as handle:
        handle.truncate(200 * 2**20)
    run = pipeline.Run(root, use_cache=False)
    assert "stray.txt" in run.snapshot.seed_names and "stray.txt" not in run.snapshot.seeds
    dossier, verification = run.check()
    assert any(d.code == "seed-uncatalogued" and "stray.txt" in d.message for d in verification.diagnostics)

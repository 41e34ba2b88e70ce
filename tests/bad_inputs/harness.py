"""Shared by test_bad_inputs.py, test_nothing_lost.py and test_fuzz.py: a broken copy of
the shipped brief repository, the CLI run in-process with its output collected, and the
promise that no command ever touches `seeds/` or `briefs/`.

Every CLI run goes through `invoke`, which

- hashes `seeds/` and `briefs/` before and after the command and fails if anything changed
  (content, names, kinds, link targets, permissions);
- keeps the whole output, plus a formatted traceback if the command raised, in `OUTPUTS`,
  so that each test module can assert once more, at its end, that no traceback appeared
  anywhere in the suite's output.

A case of the catalogue is one YAML file of this folder; `load_cases` reads them and
`apply` performs their steps (see README.md here for the format).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import yaml
from typer.testing import CliRunner

from briefgen.cli import app

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # the briefgen repository, with the shipped seeds/ and briefs/

# briefgen keeps a cache in $XDG_CACHE_HOME/briefgen (outside the repository): the suite's
# runs get a folder of their own, removed at exit, never the user's.
CACHE_HOME = tempfile.mkdtemp(prefix="briefgen-tests-cache-")
atexit.register(shutil.rmtree, CACHE_HOME, ignore_errors=True)
ENV = {"XDG_CACHE_HOME": CACHE_HOME, "BRIEFGEN_DEBUG": None}

# Everything the CLI printed during this test session (one entry per command) ...
OUTPUTS: list[str] = []
# ... but for the runs of cases marked as known bugs (xfail), which may well crash.
KNOWN_BUG_OUTPUTS: list[str] = []

FINDING = re.compile(
    r"^(?P<file>[^\s:][^:\n]*):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning)\[(?P<code>[a-z0-9-]+)\]: "
    r"(?P<message>.*)$"
)


# --- the base repository ------------------------------------------------------------------


def make_repo(dest: Path) -> Path:
    """A copy of the shipped seeds/ and briefs/ (no templates/: briefgen has its own)."""
    dest.mkdir(parents=True, exist_ok=True)
    for folder in ("seeds", "briefs"):
        shutil.copytree(ROOT / folder, dest / folder, symlinks=True)
    return dest


def tree_digest(root: Path) -> dict[str, tuple]:
    """What `seeds/` and `briefs/` hold, without following links: path -> (kind, detail, mode)."""
    found: dict[str, tuple] = {}
    for folder in ("seeds", "briefs"):
        top = root / folder
        if not os.path.lexists(top):
            found[folder] = ("absent",)
            continue
        entries = [top]
        if top.is_dir() and not top.is_symlink():
            for dirpath, dirnames, filenames in os.walk(top):  # never follows links
                entries += [Path(dirpath) / name for name in sorted(dirnames + filenames)]
        for path in entries:
            info = os.lstat(path)
            rel = path.relative_to(root).as_posix()
            mode = stat.S_IMODE(info.st_mode)
            if stat.S_ISLNK(info.st_mode):
                found[rel] = ("link", os.readlink(path), mode)
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", None, mode)
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(block)
                found[rel] = ("file", digest.hexdigest(), mode)
            else:
                found[rel] = ("other", stat.S_IFMT(info.st_mode), mode)
    return found


# --- running the CLI ----------------------------------------------------------------------


@dataclass
class Run:
    """One CLI command and what it did."""

    args: list[str]
    exit_code: int
    stdout: str
    stderr: str
    crash: str = ""  # a formatted traceback when the command raised (it never should)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def text(self) -> str:
        """Everything the user would have seen, a crash included."""
        return self.output + self.crash

    def findings(self) -> list["Finding"]:
        return parse_findings(self.output)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    hint: str = ""


def parse_findings(text: str) -> list[Finding]:
    """The `file:line:col: severity[code]: message` lines of a text report, with their hints."""
    found: list[Finding] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = FINDING.match(line)
        if not match:
            continue
        hint = ""
        if index + 1 < len(lines) and lines[index + 1].startswith("  hint: "):
            hint = lines[index + 1][len("  hint: "):]
        found.append(Finding(match["file"], int(match["line"]), int(match["column"]), match["severity"],
                             match["code"], match["message"], hint))
    return found


def record(run: Run, known_bug: str | None = None) -> Run:
    (KNOWN_BUG_OUTPUTS if known_bug else OUTPUTS).append(f"$ briefgen {' '.join(run.args)}\n{run.text}")
    return run


def invoke(args: list[str], root: Path | None, *, env: dict[str, str] | None = None,
           known_bug: str | None = None) -> Run:
    """Run `briefgen ARGS` in-process; `root` is the repository whose seeds/ and briefs/
    must come out of the command exactly as they went in. `known_bug`: the run belongs to
    a case marked xfail, so its output is kept out of the suite-wide traceback check."""
    args = [str(a) for a in args]
    before = tree_digest(root) if root is not None else None
    result = CliRunner().invoke(app, args, env={**ENV, **(env or {})})
    crash = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
    run = record(Run(args, result.exit_code, result.stdout, result.stderr, crash), known_bug)
    if root is not None:
        assert tree_digest(root) == before, f"`briefgen {' '.join(args)}` modified seeds/ or briefs/"
    return run


def invoke_process(args: list[str], root: Path | None, *, timeout: float = 120, known_bug: str | None = None) -> Run:
    """Run `python -m briefgen ARGS` in a child process: for inputs that might take the
    interpreter down (a crash there must fail one test, not end the test session)."""
    args = [str(a) for a in args]
    before = tree_digest(root) if root is not None else None
    env = {**os.environ, "PYTHONFAULTHANDLER": "1", "XDG_CACHE_HOME": CACHE_HOME}
    env.pop("BRIEFGEN_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)
    crash = f"\n[killed by signal {-done.returncode}]" if done.returncode < 0 else ""
    run = record(Run(args, done.returncode, done.stdout, done.stderr, crash), known_bug)
    if root is not None:
        assert tree_digest(root) == before, f"`briefgen {' '.join(args)}` modified seeds/ or briefs/"
    return run


def assert_clean(run: Run) -> None:
    """No traceback, no crash: every failure is a message the officer can act on."""
    assert "Traceback" not in run.text, run.text[-4000:]
    assert not run.crash, run.crash[-4000:]
    assert run.exit_code in (0, 1, 2), f"exit {run.exit_code}:\n{run.text[-4000:]}"


def no_traceback_anywhere() -> None:
    """The suite-wide check: all output collected so far, as one string."""
    everything = "\n".join(OUTPUTS)
    assert "Traceback" not in everything, everything[everything.index("Traceback") - 2000:][:6000]


# --- the catalogue ------------------------------------------------------------------------


@dataclass
class Case:
    id: str
    category: str
    about: str
    steps: list[dict]
    run: list[str]
    expect: dict
    xfail: str | None = None
    subprocess: bool = False
    in_repo: bool = True  # False: run from an empty folder, without --root


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(data) - {"category", "about", "steps", "run", "expect", "xfail", "subprocess", "in_repo"}
        assert not unknown, f"{path.name}: unknown keys {unknown}"
        cases.append(Case(
            id=path.stem,
            category=data["category"],
            about=data["about"],
            steps=data.get("steps") or [],
            run=[str(a) for a in data.get("run") or ["check"]],
            expect=data["expect"],
            xfail=data.get("xfail"),
            subprocess=bool(data.get("subprocess", False)),
            in_repo=bool(data.get("in_repo", True)),
        ))
    return cases


def expand(text: str, repo: Path, tmp: Path) -> str:
    return text.replace("{repo}", str(repo)).replace("{tmp}", str(tmp))


def apply(step: dict, repo: Path, tmp: Path) -> None:
    """Perform one step of a case on the repository copy `repo` (see README.md)."""
    kind = next(k for k in ("edit", "write", "append", "recode", "remove", "mkdir", "symlink", "generate") if k in step)
    path = repo / step[kind]
    if kind == "edit":
        text = path.read_text(encoding="utf-8")
        count = text.count(step["old"])
        assert count == 1, f"edit of {step[kind]}: {step['old']!r} occurs {count} times"
        new = repeated(step["new"], step.get("repeat"))
        path.write_bytes(text.replace(step["old"], new).encode("utf-8", "surrogatepass"))
    elif kind in ("write", "append"):
        text = repeated(step["text"], step.get("repeat"))
        data = text.encode(step.get("encoding", "utf-8"), step.get("errors", "surrogatepass"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab" if kind == "append" else "wb") as handle:
            handle.write(data)
    elif kind == "recode":
        path.write_bytes(path.read_text(encoding="utf-8").encode(step["encoding"]))
    elif kind == "remove":
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    elif kind == "mkdir":
        path.mkdir(parents=True, exist_ok=True)
    elif kind == "symlink":
        target = step["to"]
        if target == "{outside}":
            outside = tmp / "outside" / "article.txt"
            outside.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(repo / "seeds" / "004_989405a0cc2211a9.txt", outside)
            target = str(outside)
        os.symlink(target, path)
    elif kind == "generate":
        # A plausible article, only far too big: a line of text repeated, written in blocks.
        size = int(step["megabytes"] * 1024 * 1024)
        block = ("The meeting took place in Astana. " * 30 + "\n").encode() * 1024
        with open(path, "wb") as handle:
            written = 0
            while written < size:
                chunk = block[: size - written]
                handle.write(chunk)
                written += len(chunk)


def repeated(text: str, repeat: dict | None) -> str:
    """`text` with `repeat["marker"]` replaced by `repeat["text"]` times `repeat["times"]`
    (long lines without long case files)."""
    if not repeat:
        return text
    return text.replace(repeat["marker"], repeat["text"] * int(repeat["times"]))


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of `path` (lines end with \\n, as an editor counts) holding `needle`."""
    text = path.read_bytes().decode("utf-8", "replace")
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert hits, f"{needle!r} is in no line of {path}"
    return hits[0]

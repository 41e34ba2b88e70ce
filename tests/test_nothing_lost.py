"""Nothing lost: a good brief survives a failed or interrupted build, and briefgen never
changes the officer's own files.

- A failed build (an error in a summary, a quote, a seed) writes nothing: the earlier good
  `out/brief-*.docx` and `.md` stay byte for byte, and no stray file appears in `out/`.
- An interrupted write (the disk fails while staging, or between two renames; a renderer
  raises) leaves every target either as it was or complete, and no temporary file behind.
- No command changes `seeds/` or `briefs/`: every CLI run of these tests (and of the
  catalogue, through the same harness) hashes both before and after.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import briefgen.write
from bad_inputs.harness import (
    CACHE_HOME,
    ENV,
    OUTPUTS,
    Run,
    assert_clean,
    invoke,
    make_repo,
    no_traceback_anywhere,
    record,
    tree_digest,
)

ASTANA = "briefs/2024-05-16-astana-security-council-secretaries.yaml"
WEEK = "2024-W20"
BRIEFS = ("out/brief-2024-W20.docx", "out/brief-2024-W20.md")


@pytest.fixture(scope="module", autouse=True)
def no_traceback_in_this_module():
    yield
    no_traceback_anywhere()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def build(repo: Path, *options: str) -> Run:
    run = invoke(["build", "--root", repo, *options], repo)
    assert_clean(run)
    return run


def out_files(repo: Path) -> dict[str, bytes]:
    """Every file of out/ (temporary ones included), by name."""
    out = repo / "out"
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.is_dir() else {}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- a failed build -----------------------------------------------------------------------

BREAKAGES = {
    # a summary that no longer parses
    "summary-syntax": lambda repo: edit(repo / ASTANA, "summary: >-\n  President Tokayev received",
                                        "summary: President Tokayev said: received"),
    # a summary emptied
    "summary-empty": lambda repo: edit(repo / ASTANA, "summary: >-\n  President Tokayev received",
                                       'summary: ""\nold_summary: >-\n  President Tokayev received'),
    # a quote that is no longer in its source
    "quote": lambda repo: edit(repo / ASTANA, "transboundary in nature", "cross-border in nature"),
    # a cited article deleted
    "seed": lambda repo: (repo / "seeds" / "003_d3d4d4c83b83724b.txt").unlink(),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_failed_build_leaves_the_good_brief_untouched(repo: Path, breakage: str) -> None:
    first = build(repo, "--week", WEEK)
    assert first.exit_code == 0, first.text
    good = out_files(repo)
    assert sorted(good) == sorted(Path(p).name for p in BRIEFS)

    BREAKAGES[breakage](repo)
    second = build(repo, "--week", WEEK)
    assert second.exit_code == 1, second.text
    assert "nothing written" in second.output
    assert "wrote " not in second.output
    assert out_files(repo) == good  # same names (no temporary file), same bytes


def test_failed_review_build_leaves_every_brief_untouched(repo: Path) -> None:
    build(repo, "--all", "--review")
    good = out_files(repo)
    assert {"brief-all.docx", "brief-all.md", "brief-all-review.docx"} <= set(good)
    BREAKAGES["quote"](repo)
    assert build(repo, "--all", "--review").exit_code == 1
    assert out_files(repo) == good


# --- an interrupted write -----------------------------------------------------------------


class DiskFailure(OSError):
    pass


def targets(tmp_path: Path) -> dict[Path, bytes]:
    """Three earlier good outputs, and the new bytes a build would write over them."""
    out = tmp_path / "out"
    out.mkdir()
    new = {}
    for index, name in enumerate(["brief-2024-W20.docx", "brief-2024-W20-review.docx", "brief-2024-W20.md"]):
        (out / name).write_bytes(f"old {index}".encode() * 1000)
        new[out / name] = f"new {index}".encode() * 2000
    return new


def fail_on_call(monkeypatch: pytest.MonkeyPatch, name: str, number: int) -> None:
    """Make `os.<name>` raise on its `number`-th call (1-based) from briefgen.write only
    (briefgen's cache, which also renames files, is left alone)."""
    real = getattr(os, name)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == number:
            raise DiskFailure(28, "No space left on device")
        return real(*args, **kwargs)

    class OsWithAFailingCall:
        def __getattr__(self, attribute: str):
            return failing if attribute == name else getattr(os, attribute)

    monkeypatch.setattr(briefgen.write, "os", OsWithAFailingCall())


@pytest.mark.parametrize("number", [1, 2, 3])
def test_failure_while_staging_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """The disk fails while the n-th temporary file is written: every target as it was."""
    outputs = targets(tmp_path)
    before = {p: p.read_bytes() for p in outputs}
    fail_on_call(monkeypatch, "fsync", number)
    with pytest.raises(briefgen.write.WriteError, match="is full: nothing was written"):
        briefgen.write.write_all(outputs)
    assert {p: p.read_bytes() for p in outputs} == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in outputs)


@pytest.mark.parametrize("number", [1, 2, 3])
def test_failure_between_renames_leaves_whole_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """The n-th rename fails: the targets before it are new, the others old, none partial,
    and no temporary file is left."""
    outputs = targets(tmp_path)
    before = {p: p.read_bytes() for p in outputs}
    fail_on_call(monkeypatch, "replace", number)
    with pytest.raises(briefgen.write.WriteError, match="is full: (nothing was written|only .* was replaced)"):
        briefgen.write.write_all(outputs)
    for index, (path, data) in enumerate(outputs.items(), start=1):
        assert path.read_bytes() == (data if index < number else before[path]), path.name
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in outputs)


def test_failure_with_no_earlier_brief_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    fail_on_call(monkeypatch, "replace", 1)
    with pytest.raises(briefgen.write.WriteError):
        briefgen.write.write_all({out / "brief-2024-W20.docx": b"new" * 100})
    assert list(out.iterdir()) == []


def main(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, repo: Path) -> Run:
    """The installed `briefgen` entry point (which turns an unexpected failure into one line)."""
    from briefgen.cli import main as entry

    monkeypatch.setattr(sys, "argv", ["briefgen", *argv])
    monkeypatch.delenv("BRIEFGEN_DEBUG", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", CACHE_HOME)
    before = tree_digest(repo)
    with pytest.raises(SystemExit) as exit_info:
        entry()
    captured = capsys.readouterr()
    run = record(Run(argv, int(exit_info.value.code or 0), captured.out, captured.err))
    assert tree_digest(repo) == before
    return run


def test_interrupted_build_through_the_cli(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture) -> None:
    """The second rename of a real build fails (the disk is full): the reason and what was
    replaced on stderr (no traceback), exit 2, each file old or new (never partial), no
    temporary file."""
    build(repo, "--week", WEEK)
    good = out_files(repo)
    edit(repo / ASTANA, "their first meeting in this format", "their first meeting in this new format")
    fail_on_call(monkeypatch, "replace", 2)
    run = main(["build", "--root", str(repo), "--week", WEEK], monkeypatch, capsys, repo)
    assert run.exit_code == 2, run.text
    assert "is full: only brief-2024-W20.docx was replaced (brief-2024-W20.md as before)" in run.stderr
    assert "Traceback" not in run.text and "internal error" not in run.text
    after = out_files(repo)
    assert sorted(after) == sorted(good)
    assert after["brief-2024-W20.md"] == good["brief-2024-W20.md"]  # the second rename: not done
    assert after["brief-2024-W20.docx"] != good["brief-2024-W20.docx"]  # the first: complete and new
    monkeypatch.undo()
    assert build(repo, "--week", WEEK).exit_code == 0  # and the next build mends it
    assert "this new format" in (repo / "out" / "brief-2024-W20.md").read_text(encoding="utf-8")


def test_renderer_failure_writes_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture) -> None:
    """The Markdown renderer raises after the Word brief was rendered: nothing is written."""
    import briefgen.render.md

    build(repo, "--week", WEEK)
    good = out_files(repo)

    def broken(*args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(briefgen.render.md, "render", broken)
    run = main(["build", "--root", str(repo), "--week", WEEK], monkeypatch, capsys, repo)
    assert run.exit_code == 3 and "internal error: RuntimeError: template exploded" in run.stderr
    assert "Traceback" not in run.text
    assert out_files(repo) == good


# --- seeds/ and briefs/ are never changed ---------------------------------------------------

COMMANDS = [
    ["check"],
    ["check", "--strict"],
    ["check", "--format", "json"],
    ["check", "--format", "sarif"],
    ["check", "--no-cache"],
    ["check", "--explain", "quote-not-found"],
    ["build"],
    ["build", "--week", WEEK],
    ["build", "--from", "2024-05-01", "--to", "2024-05-31"],
    ["build", "--all"],
    ["build", "--all", "--review"],
    ["build", "--week", WEEK, "--format", "md"],
    ["build", "--week", WEEK, "--strict"],
    ["build", "--week", "2020-W01"],
    ["build", "--week", "2024-20"],
]


def test_no_command_changes_seeds_or_briefs(repo: Path) -> None:
    """Every command, twice (the second run reads briefgen's cache): `invoke` hashes
    seeds/ and briefs/ around each run and fails on any change."""
    before = tree_digest(repo)
    for command in COMMANDS + COMMANDS:
        run = invoke([*command, "--root", repo], repo)
        assert_clean(run)
    assert tree_digest(repo) == before


def test_no_command_changes_a_broken_repository(repo: Path) -> None:
    """The same with errors in the repository (nothing is ever 'fixed' in place)."""
    edit(repo / ASTANA, "date: 2024-05-16", "date: 16/05/2024")
    edit(repo / "seeds" / "sources.yaml", "  language: ru", "  language: russian")
    (repo / "briefs" / "draft.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    before = tree_digest(repo)
    for command in COMMANDS:
        assert_clean(invoke([*command, "--root", repo], repo))
    assert tree_digest(repo) == before


@pytest.mark.parametrize("folder", ["seeds", "briefs"])
def test_out_inside_seeds_or_briefs_is_refused(repo: Path, folder: str) -> None:
    before = tree_digest(repo)
    from typer.testing import CliRunner

    from briefgen.cli import app

    result = CliRunner().invoke(app, ["build", "--root", str(repo), "--out", str(repo / folder)], env=ENV)
    assert result.exit_code == 2
    assert tree_digest(repo) == before


def test_zz_no_traceback_in_any_output() -> None:
    assert OUTPUTS
    no_traceback_anywhere()

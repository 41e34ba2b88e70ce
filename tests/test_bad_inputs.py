"""The hostile-input catalogue: every mistake an officer (or a hostile file) can make, as a test.

Each case is one YAML file of `tests/bad_inputs/` (format: tests/bad_inputs/README.md).
A case copies the shipped `seeds/` and `briefs/` to a temporary folder, breaks one
thing, runs the CLI in-process and asserts what the officer sees:

- the exit code (0 clean, 1 findings, 2 usage);
- the diagnostic code and the `file:line` (and column, where it matters) it names, in
  the text report and, for `check`, in the JSON report too;
- the exact set of error codes, so that one mistake does not drown in a cascade;
- the hint's text, where the hint says what to type;
- no traceback, ever (each run, and once more at the end over all captured output);
- `seeds/` and `briefs/` byte-identical after every command.

Cases whose `xfail` names a bug in `src/` are expected to fail (strictly: the day the bug
is fixed, the mark must go). A few cases need Python rather than data (permissions,
the loader's own answer to an alias bomb); they follow the catalogue.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bad_inputs.harness import (
    OUTPUTS,
    Case,
    apply,
    assert_clean,
    expand,
    invoke,
    invoke_process,
    line_of,
    load_cases,
    make_repo,
    no_traceback_anywhere,
)

CASES = load_cases()

# What the issue asks the catalogue to cover, by category (see tests/bad_inputs/*.yaml).
CATEGORIES = {
    "hint": "the ten mistakes whose hint says exactly what to type",
    "yaml-syntax": "YAML that does not parse: unclosed quote or bracket, bad indentation, two documents",
    "document-shape": "a document that is a list or a scalar instead of a mapping (or the reverse)",
    "empty": "empty files, empty seeds/ or briefs/",
    "duplicate-key": "duplicate keys at every level",
    "alias": "anchors and aliases: allowed, but bounded",
    "yaml-tag": "YAML tags refused",
    "implicit-typing": "yes, 1.0, 0x1A, null, 2024-13-45: YAML 1.1 typing traps",
    "wrong-type": "wrong types and invalid values everywhere",
    "unknown-field": "unknown and misspelt fields",
    "catalogue": "citations and catalogue entries that lead nowhere or outside seeds/",
    "directory": "directories (or links) where files are expected",
    "encoding": "files that are not UTF-8, and the accepted UTF-8 BOM",
    "control-character": "control characters and lone surrogates",
    "long-line": "very long lines",
    "size": "a seed over the size limit",
    "cli": "period and output options that cannot be used",
}


@pytest.fixture(scope="module", autouse=True)
def no_traceback_in_this_module():
    yield
    no_traceback_anywhere()


def params() -> list:
    marks = lambda case: [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []  # noqa: E731
    return [pytest.param(case, id=case.id, marks=marks(case)) for case in CASES]


def show(run) -> str:
    return f"$ briefgen {' '.join(run.args)}  -> exit {run.exit_code}\n{run.text[-6000:]}"


@pytest.mark.parametrize("case", params())
def test_bad_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo")
    for step in case.steps:
        apply(step, repo, tmp_path)
    args = [expand(a, repo, tmp_path) for a in case.run]
    if case.in_repo:
        args += ["--root", str(repo)]
    else:
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        monkeypatch.chdir(elsewhere)
    run = (invoke_process if case.subprocess else invoke)(args, repo, known_bug=case.xfail)
    assert_clean(run)

    expect = case.expect
    assert run.exit_code == expect["exit"], show(run)
    findings = run.findings()
    code = expect.get("code")
    if code:
        file = expect["file"]
        line = expect["line"] if "line" in expect else line_of(repo / file, expect["line_of"])
        first = line_of(repo / file, expect["first_line_of"]) if "first_line_of" in expect else None
        place = lambda text: text.replace("{line}", str(line)).replace("{first}", str(first))  # noqa: E731
        severity = expect.get("severity", "error")
        named = [f for f in findings if (f.code, f.file, f.line, f.severity) == (code, file, line, severity)]
        assert named, f"expected {file}:{line}: {severity}[{code}]\n{show(run)}"
        finding = named[0]
        if "column" in expect:
            assert finding.column == expect["column"], show(run)
        if "message" in expect:
            assert place(expect["message"]) in finding.message, show(run)
        if "hint" in expect:
            assert finding.hint == place(expect["hint"]), show(run)
        for part in expect.get("hint_contains", []):
            assert place(part) in finding.hint, show(run)
        if args[0] == "check" and not case.subprocess:
            same_in_json(args, repo, code, file, line, severity, expect["exit"], case.xfail)
    errors = set(expect.get("errors", [code] if code else []))
    assert {f.code for f in findings if f.severity == "error"} == errors, show(run)
    for text in expect.get("says", []):
        assert text in run.output, show(run)
    if expect.get("nothing_written"):
        assert not (repo / "out").exists(), sorted(p.name for p in (repo / "out").iterdir())
    for path in expect.get("written", []):
        assert (repo / path).is_file() and (repo / path).stat().st_size > 0, show(run)


def same_in_json(args: list[str], repo: Path, code: str, file: str, line: int, severity: str, exit_code: int,
                 known_bug: str | None) -> None:
    """`check --format json` reports the same finding at the same place, with the same exit code."""
    run = invoke([*args, "--format", "json"], repo, known_bug=known_bug)
    assert_clean(run)
    assert run.exit_code == exit_code, show(run)
    report = json.loads(run.stdout)
    assert any((d["code"], d["file"], d["line"], d["severity"]) == (code, file, line, severity) for d in report), show(run)


# --- the catalogue itself -------------------------------------------------------------------


def test_catalogue_covers_the_issue() -> None:
    """At least 40 cases; every category of the issue present; each case asserts a place."""
    assert len(CASES) >= 40
    by_category: dict[str, int] = {}
    for case in CASES:
        assert case.category in CATEGORIES, f"{case.id}: unknown category {case.category!r}"
        by_category[case.category] = by_category.get(case.category, 0) + 1
        expect = case.expect
        assert "exit" in expect and "code" in expect, case.id
        if expect["code"]:
            assert "file" in expect and ("line" in expect or "line_of" in expect), case.id
        else:  # usage errors and accepted input: what is said, or that nothing is wrong
            assert expect.get("says") or expect.get("errors") == [] or expect.get("written"), case.id
        if case.xfail:
            assert case.xfail.startswith("BUG: "), case.id
    assert set(by_category) == set(CATEGORIES), set(CATEGORIES) - set(by_category)
    assert by_category["hint"] == 10


def test_catalogue_case_files_are_small() -> None:
    """Long inputs are generated from short case files (and the 50 MB seed in tmp_path)."""
    for path in Path(__file__).parent.joinpath("bad_inputs").glob("*.yaml"):
        assert path.stat().st_size < 8 * 1024, path.name


def test_fifty_megabytes_is_over_the_limit() -> None:
    """The size case stays meaningful: its 50 MB seed is over MAX_SEED_BYTES."""
    from briefgen.snapshot import MAX_SEED_BYTES

    size = next(c for c in CASES if c.category == "size").steps[0]["megabytes"] * 1024 * 1024
    assert size > MAX_SEED_BYTES


# --- cases that need Python -------------------------------------------------------------------


def test_alias_bomb_refused_by_the_loader(tmp_path: Path) -> None:
    """The loader's own answer to a billion-laughs document: `yaml-alias`, not a long wait.

    Nine levels of nine aliases would be 387 million values; the loader stops counting at
    MAX_EXPANDED, so the answer is immediate (asserted through the code, not a timer).
    """
    from briefgen.load import load
    from briefgen.yamltree import MAX_EXPANDED

    repo = make_repo(tmp_path / "repo")
    lines = ["a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (repo / "briefs" / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dossier = load(repo)
    found = [d for d in dossier.diagnostics if d.code == "yaml-alias"]
    assert [d.where.file for d in found] == ["briefs/bomb.yaml"]
    assert f"{MAX_EXPANDED:,}" in found[0].message
    assert len(dossier.meetings) == 3  # the other meetings are still read


def test_implicit_types_stay_as_typed(tmp_path: Path) -> None:
    """`yes`, `1.0`, `0x1a`, `null` in quotes and `2024-05-16` reach the model as the text typed."""
    from briefgen.load import load

    repo = make_repo(tmp_path / "repo")
    meeting = repo / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    text = meeting.read_text(encoding="utf-8")
    text = text.replace("title: Tokayev receives the Security Council secretaries of Central Asia", "title: yes")
    text = text.replace("series: Security Council secretaries of Central Asia", "series: 1.0")
    text = text.replace("    country: Kyrgyzstan", '    country: "null"')
    text = text.replace("tags: [security,", "tags: [0x1a, 1e3, no, security,")
    meeting.write_text(text, encoding="utf-8")
    (m,) = [m for m in load(repo).meetings if m.id.startswith("2024-05-16")]
    assert m.title == "yes" and m.series == "1.0"
    assert m.participants[2].country == "null"
    assert m.tags[:3] == ("0x1a", "1e3", "no")
    assert str(m.date) == "2024-05-16"


@pytest.mark.skipif(os.geteuid() == 0, reason="runs as root: root may write to a chmod 0o500 folder, so it would not be refused")
def test_out_not_writable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        run = invoke(["build", "--root", repo, "--out", locked / "out"], repo)
    finally:
        locked.chmod(0o700)
    assert_clean(run)
    assert run.exit_code == 2 and "is not writable" in run.output, show(run)


@pytest.mark.skipif(os.geteuid() == 0, reason="runs as root: root reads a chmod 000 file anyway, so it cannot be made unreadable")
def test_meeting_not_readable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    meeting = repo / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    meeting.chmod(0)
    try:
        run = invoke(["check", "--root", repo], repo)
    finally:
        meeting.chmod(0o644)
    assert_clean(run)
    assert run.exit_code == 1 and "error[unreadable]: cannot read briefs/2024-05-16" in run.output, show(run)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    """A few hundred nested brackets: refused with a position (in-process: it is small)."""
    repo = make_repo(tmp_path / "repo")
    (repo / "briefs" / "deep.yaml").write_text("title: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    run = invoke(["check", "--root", repo], repo)
    assert_clean(run)
    assert run.exit_code == 1
    assert any(f.file == "briefs/deep.yaml" and f.line == 1 and f.code == "yaml-depth" for f in run.findings()), show(run)



@pytest.mark.parametrize("text", [
    pytest.param("title: x\ncite:\n  " + "- " * 100 + "x\n", id="dash-chain-on-one-line"),
    pytest.param("".join(" " * level + f"k{level}:\n" for level in range(80)) + " " * 80 + "x\n", id="deep-indentation"),
])
def test_deep_block_nesting_is_refused(tmp_path: Path, text: str) -> None:
    """Nesting without brackets: a `- - -` chain on one line, or ever deeper indentation."""
    repo = make_repo(tmp_path / "repo")
    (repo / "briefs" / "deep.yaml").write_text(text, encoding="utf-8")
    run = invoke(["check", "--root", repo], repo)
    assert_clean(run)
    assert run.exit_code == 1
    assert any(f.file == "briefs/deep.yaml" and f.code == "yaml-depth" and "levels deep" in f.message
               for f in run.findings()), show(run)


@pytest.mark.parametrize(
    "depth, closed",
    [
        pytest.param(2_000, True, id="2000-closed"),
        pytest.param(2_000, False, id="2000-unclosed"),
        pytest.param(100_000, True, id="100000-closed"),
        pytest.param(100_000, False, id="100000-unclosed"),
    ],
)
def test_very_deep_nesting_is_refused(tmp_path: Path, depth: int, closed: bool) -> None:
    """Thousands of nested brackets (at most a 200 kB file). Run in a child process: the
    composer recurses, and in libyaml's C composer that can end the interpreter, not just
    the test. Expected: a finding at line 1 of the file, exit 1."""
    repo = make_repo(tmp_path / "repo")
    text = "title: " + "[" * depth + ("]" * depth if closed else "") + "\n"
    (repo / "briefs" / "deep.yaml").write_text(text, encoding="utf-8")
    run = invoke_process(["check", "--root", repo], repo)
    assert_clean(run)
    assert run.exit_code == 1, show(run)
    assert any(f.file == "briefs/deep.yaml" and f.line == 1 for f in run.findings()), show(run)


def test_zz_no_traceback_in_any_output() -> None:
    """Once more, over everything the CLI printed in this session so far."""
    assert OUTPUTS
    no_traceback_anywhere()

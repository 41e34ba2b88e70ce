"""The command line: exit codes 0/1/2, what is printed where, and what is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import __version__, checks

from conftest import MINIMAL, ROOT, copy_shipped

BROKEN = MINIMAL.replace("quote: Kyrgyz border service chief Almaz Temirov",
                         "quote: Kyrgyz border service boss Almaz Temirov")
WARNED = MINIMAL.replace("date: 2024-05-14", "date: 2023-05-14").replace(
    "    quote: took place in Bishkek on 14 May 2024", "    quote: took place in Bishkek on 14 May")


def test_check_clean(base_repo: Path, invoke) -> None:
    result = invoke("check", "--root", base_repo)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "0 errors, 0 warnings"


def test_check_in_the_current_folder(base_repo: Path, invoke, monkeypatch) -> None:
    monkeypatch.chdir(base_repo)
    result = invoke("check")
    assert result.exit_code == 0 and "0 errors, 0 warnings" in result.output


def test_check_error_line_and_hint(base_repo: Path, invoke) -> None:
    (base_repo / "briefs" / "2024-05-14-bishkek.yaml").write_text(BROKEN, encoding="utf-8")
    result = invoke("check", "--root", base_repo)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if "error[quote-not-found]" in line)
    assert lines[first].startswith("briefs/2024-05-14-bishkek.yaml:16:16: error[quote-not-found]: quote not found in seeds/001_border_en.txt")
    assert lines[first + 1].startswith("  hint: ") and "'boss'" in lines[first + 1] and "'chief'" in lines[first + 1]
    assert lines[-1] == "1 error, 0 warnings"


def test_warnings_pass_unless_strict(base_repo: Path, invoke) -> None:
    (base_repo / "briefs" / "2024-05-14-bishkek.yaml").write_text(WARNED, encoding="utf-8")
    relaxed = invoke("check", "--root", base_repo)
    assert relaxed.exit_code == 0 and "warning[year-not-cited]" in relaxed.output
    assert "0 errors, 1 warning" in relaxed.output
    assert invoke("check", "--strict", "--root", base_repo).exit_code == 1
    assert invoke("build", "--strict", "--all", "--root", base_repo).exit_code == 1
    assert not (base_repo / "out").exists()
    assert invoke("build", "--all", "--root", base_repo).exit_code == 0


def test_json_report(base_repo: Path, invoke) -> None:
    (base_repo / "briefs" / "2024-05-14-bishkek.yaml").write_text(BROKEN.replace("date: 2024-05-14", "date: 2024-05-15"),
                                                                   encoding="utf-8")
    result = invoke("check", "--format", "json", "--root", base_repo)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and len(findings) >= 2
    for finding in findings:
        assert {"file", "line", "column", "code", "severity", "message", "hint"} <= set(finding)
        assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
        assert finding["severity"] in ("error", "warning")
    assert {(f["code"], f["file"], f["line"]) for f in findings} >= {
        ("quote-not-found", "briefs/2024-05-14-bishkek.yaml", 16),
        ("date-not-cited", "briefs/2024-05-14-bishkek.yaml", 2),
    }


def test_json_report_clean(base_repo: Path, invoke) -> None:
    result = invoke("check", "--format", "json", "--root", base_repo)
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_json_report_of_shipped_data(invoke) -> None:
    findings = json.loads(invoke("check", "--format", "json", "--root", ROOT).stdout)
    assert {f["code"] for f in findings if f["severity"] == "warning"} >= {"year-not-cited"}
    assert not [f for f in findings if f["severity"] == "error"]


def test_explain(invoke) -> None:
    module = checks.registry()["quote-not-found"]
    result = invoke("check", "--explain", "quote-not-found")
    assert result.exit_code == 0
    assert module.__doc__.strip() in result.output
    assert result.output.startswith("quote-not-found (error)")


@pytest.mark.parametrize("code", sorted(checks.registry()))
def test_every_code_can_be_explained(invoke, code: str) -> None:
    result = invoke("check", "--explain", code)
    assert result.exit_code == 0 and (checks.registry()[code].__doc__ or "").strip() in result.output


def test_explain_unknown_code(invoke) -> None:
    result = invoke("check", "--explain", "quote-missing")
    assert result.exit_code == 2
    assert "quote-not-found" in result.stderr  # the known codes are listed


# --- usage errors: exit 2 -------------------------------------------------------------------------


@pytest.mark.parametrize("week", ["2024-W53", "2024-20", "W20", "2024-W0", "last"])
def test_bad_week(base_repo: Path, invoke, week: str) -> None:
    result = invoke("build", "--week", week, "--root", base_repo)
    assert result.exit_code == 2, result.output
    assert "--week" in result.stderr and "hint:" in result.stderr
    assert not (base_repo / "out").exists()


def test_bad_week_is_a_usage_error_even_with_invalid_data(base_repo: Path, invoke) -> None:
    (base_repo / "briefs" / "2024-05-14-bishkek.yaml").write_text(BROKEN, encoding="utf-8")
    assert invoke("build", "--week", "2024-W99", "--root", base_repo).exit_code == 2


@pytest.mark.parametrize("week", ["0000-W01", "9999-W52"])
def test_week_out_of_datetime_range(base_repo: Path, invoke, week: str) -> None:
    result = invoke("build", "--week", week, "--root", base_repo)
    assert result.exit_code == 2 and "--week" in result.stderr


@pytest.mark.parametrize("args", [
    ["build", "--format", "pdf"],
    ["build", "--format", "docx,odt"],
    ["build", "--format", ","],
    ["check", "--format", "xml"],
    ["build", "--week", "2024-W20", "--all"],
    ["build", "--from", "2024-05-01"],
    ["build", "--from", "2024-05-31", "--to", "2024-05-01"],
    ["build", "--from", "31/05/2024", "--to", "2024-06-01"],
    ["check", "--no-such-option"],
])
def test_usage_errors(base_repo: Path, invoke, args: list[str]) -> None:
    result = invoke(*args, "--root", base_repo)
    assert result.exit_code == 2, result.output
    assert not (base_repo / "out").exists()


@pytest.mark.parametrize("command", ["check", "build"])
def test_not_a_brief_repository(tmp_path: Path, invoke, monkeypatch, command: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(command)
    assert result.exit_code == 2
    assert "no seeds/ or briefs/" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["check", "build"])
def test_root_that_is_not_a_folder(tmp_path: Path, invoke, command: str) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert invoke(command, "--root", tmp_path / "file").exit_code == 2
    assert invoke(command, "--root", tmp_path / "missing").exit_code == 2


def test_out_is_a_file(base_repo: Path, invoke) -> None:
    (base_repo / "afile").write_text("keep me", encoding="utf-8")
    result = invoke("build", "--all", "--root", base_repo, "--out", base_repo / "afile")
    assert result.exit_code == 2 and "is a file" in result.stderr
    assert (base_repo / "afile").read_text("utf-8") == "keep me"


def test_out_below_a_file(base_repo: Path, invoke) -> None:
    (base_repo / "afile").write_text("keep me", encoding="utf-8")
    result = invoke("build", "--all", "--root", base_repo, "--out", base_repo / "afile" / "sub")
    assert result.exit_code == 2


def test_bad_source_date_epoch(base_repo: Path, invoke) -> None:
    result = invoke("build", "--all", "--root", base_repo, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in result.stderr
    assert not (base_repo / "out").exists()


# --- build ----------------------------------------------------------------------------------


def test_build_week_20(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--week", "2024-W20", "--root", root)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (root / "out").iterdir()) == ["brief-2024-W20.docx", "brief-2024-W20.md"]
    assert f"wrote {root / 'out' / 'brief-2024-W20.docx'}" in result.stdout
    md = (root / "out" / "brief-2024-W20.md").read_text("utf-8")
    assert "Week 20, 2024 · 13–19 May 2024" in md
    assert "Tokayev receives the Security Council secretaries" in md and "Tashkent" not in md.split("## Sources")[0]


def test_build_out_folder_and_one_format(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--week", "2024-W20", "--root", root, "--out", tmp_path / "elsewhere" / "new", "--format", "md")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "elsewhere" / "new").iterdir()] == ["brief-2024-W20.md"]
    assert not (root / "out").exists()


def test_build_latest_week_by_default(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--root", root)
    assert result.exit_code == 0, result.output
    assert "2025-W17" in result.stderr
    assert sorted(p.name for p in (root / "out").iterdir()) == ["brief-2025-W17.docx", "brief-2025-W17.md"]


def test_build_from_to(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--from", "2023-01-01", "--to", "2024-12-31", "--root", root)
    assert result.exit_code == 0, result.output
    md = (root / "out" / "brief-2023-01-01_2024-12-31.md").read_text("utf-8")
    assert "Almaty" in md and "Astana" in md and "Tashkent, Uzbekistan" not in md


def test_build_period_without_meeting_writes_nothing(tmp_path: Path, invoke) -> None:
    """Before any meeting there is nothing at all to show: no meeting, nothing falling due."""
    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--week", "2024-W01", "--root", root)
    assert result.exit_code == 0, result.output
    assert "no meeting in that period and no commitment falling due; nothing written" in result.stderr
    assert not (root / "out").exists()


def test_quiet_week_still_lists_what_falls_due(tmp_path: Path, invoke) -> None:
    """A week without meetings is still the brief staff expect: what falls due within 30 days."""
    import docx

    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--from", "2024-07-15", "--to", "2024-07-21", "--root", root)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(root / "out" / "brief-2024-07-15_2024-07-21.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "No meetings recorded in this period." in texts
    due = texts.index("Commitments falling due")
    assert any(t.startswith("9 August 2024") for t in texts[due + 1:]), texts
    markdown = (root / "out" / "brief-2024-07-15_2024-07-21.md").read_text(encoding="utf-8")
    assert "No meetings recorded in this period." in markdown
    assert "## Commitments falling due" in markdown and "9 August 2024" in markdown


def test_build_without_meetings_writes_nothing(base_repo: Path, invoke) -> None:
    (base_repo / "briefs" / "2024-05-14-bishkek.yaml").unlink()
    result = invoke("build", "--root", base_repo)
    assert result.exit_code == 0
    assert not (base_repo / "out").exists()


def test_build_with_errors_writes_nothing(base_repo: Path, invoke) -> None:
    (base_repo / "briefs" / "2024-05-14-bishkek.yaml").write_text(BROKEN, encoding="utf-8")
    result = invoke("build", "--all", "--root", base_repo)
    assert result.exit_code == 1
    assert "error[quote-not-found]" in result.stderr and "nothing written" in result.stderr
    assert not (base_repo / "out").exists()


def test_build_leaves_no_temporary_files(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    for _ in range(2):
        assert invoke("build", "--all", "--root", root).exit_code == 0
    assert sorted(p.name for p in (root / "out").iterdir()) == ["brief-all.docx", "brief-all.md"]


def test_version(invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"briefgen {__version__}"


# --- never a traceback --------------------------------------------------------------------------

INVOCATIONS = [
    ["check"],
    ["check", "--strict"],
    ["check", "--format", "json"],
    ["check", "--explain", "quote-not-found"],
    ["check", "--explain", "nope"],
    ["check", "--format", "xml"],
    ["build", "--week", "2024-W20"],
    ["build", "--week", "2024-W53"],
    ["build", "--week", "0000-W01"],
    ["build", "--week", "9999-W52"],
    ["build", "--from", "2024-05-31", "--to", "2024-05-01"],
    ["build", "--format", "pdf"],
    ["build", "--out", "afile"],
    ["build", "--out", "afile/sub"],
    ["build", "--all", "--strict"],
    ["--root-typo"],
    [],
]


@pytest.mark.parametrize("args", INVOCATIONS, ids=[" ".join(a) or "(none)" for a in INVOCATIONS])
def test_no_output_ever_contains_a_traceback(tmp_path: Path, args: list[str]) -> None:
    """Through the installed entry point (`python -m briefgen`), as a user runs it."""
    root = copy_shipped(tmp_path / "repo")
    (root / "afile").write_text("x", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEFGEN_DEBUG", "SOURCE_DATE_EPOCH")}
    done = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=root, capture_output=True, text=True,
                          env=env, check=False)
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert done.returncode in (0, 1, 2, 3), output
    if done.returncode == 3:  # an internal error is one line and a hint, never a stack
        assert output.count("\n") <= 12 and "internal error" in output


@pytest.mark.parametrize("args", INVOCATIONS, ids=[" ".join(a) or "(none)" for a in INVOCATIONS])
def test_no_exception_escapes_in_process(tmp_path: Path, invoke, monkeypatch, args: list[str]) -> None:
    root = copy_shipped(tmp_path / "repo")
    (root / "afile").write_text("x", encoding="utf-8")
    monkeypatch.chdir(root)
    result = invoke(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output

"""Reports for machines (json, sarif) and the documentation of every code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from briefgen import checks
from briefgen.cli import app

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
runner = CliRunner()


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the shipped repository with a wrong quote, a misspelt field and a bad date."""
    for folder in ("seeds", "briefs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / "briefs" / "2024-05-16-astana-security-council-secretaries.yaml"
    text = path.read_text("utf-8")
    text = text.replace("transboundary in nature", "cross-border in nature")
    text = text.replace("    role: Secretary of the Security Council of Tajikistan", "    rol: Secretary of the Security Council of Tajikistan")
    path.write_text(text, "utf-8")
    other = tmp_path / "briefs" / "2025-04-24-tashkent-intelligence-chiefs.yaml"
    other.write_text(other.read_text("utf-8").replace("date: 2025-04-24", "date: 24/04/2025"), "utf-8")
    return tmp_path


def run(*args: str):
    return runner.invoke(app, list(args))


def test_json_report_has_the_documented_shape(broken: Path) -> None:
    result = run("check", "--root", str(broken), "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert findings and all(
        set(f) == {"file", "line", "column", "code", "severity", "message", "hint"} for f in findings
    )
    codes = {(f["code"], f["file"]) for f in findings}
    assert ("quote-not-found", "briefs/2024-05-16-astana-security-council-secretaries.yaml") in codes
    assert ("unknown-field", "briefs/2024-05-16-astana-security-council-secretaries.yaml") in codes
    assert ("invalid-date", "briefs/2025-04-24-tashkent-intelligence-chiefs.yaml") in codes
    unknown = next(f for f in findings if f["code"] == "unknown-field")
    assert unknown["hint"] == "did you mean 'role'?"


@pytest.mark.parametrize("repo", ["shipped", "broken"])
def test_sarif_validates_against_the_sarif_2_1_0_schema(repo: str, broken: Path) -> None:
    root = ROOT if repo == "shipped" else broken
    result = run("check", "--root", str(root), "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert results, "the shipped data has true warnings, the broken copy errors"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for entry in results:
        assert rules[entry["ruleIndex"]]["id"] == entry["ruleId"]
        region = entry["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    if repo == "broken":
        quote = next(r for r in results if r["ruleId"] == "quote-not-found")
        assert quote["level"] == "error"
        assert quote["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("briefs/")


@pytest.mark.parametrize("code", sorted(checks.registry()))
def test_every_code_is_explained_with_examples(code: str) -> None:
    result = run("check", "--explain", code)
    assert result.exit_code == 0
    assert result.stdout.startswith(code)
    assert "FAIL" in result.stdout or "WARN" in result.stdout
    assert "PASS" in result.stdout


def test_unknown_code_is_a_usage_error() -> None:
    result = run("check", "--explain", "no-such-code")
    assert result.exit_code == 2
    assert "quote-not-found" in result.output


def test_docs_checks_md_is_up_to_date() -> None:
    assert (ROOT / "docs" / "checks.md").read_text("utf-8") == checks.reference(), (
        "regenerate: python -m briefgen.checks > docs/checks.md"
    )

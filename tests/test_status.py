"""`briefgen status`: sources and the meetings citing them, meetings by ISO week, open findings."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.status import table

from conftest import ROOT, copy_shipped


def section(output: str, heading: str) -> list[str]:
    """The lines of one section, heading excluded, up to the blank line."""
    block = output.split(heading, 1)[1].split("\n\n", 1)[0].rstrip("\n")
    return block.split("\n")[1:]


def test_status_of_the_shipped_data(invoke) -> None:
    result = invoke("status", "--root", ROOT)
    assert result.exit_code == 0, result.output
    sources = section(result.stdout, "Sources (5)")
    assert re.match(r"  SOURCE +LANG +FILE +CITED BY$", sources[0])
    rows = {line.split()[0]: line for line in sources[1:6]}
    assert rows["sputnik-2023-06"].split()[1:] == ["ru", "002_1578cfc18d0bb0f0.txt",
                                                  "2023-06-23-almaty-security-council-secretaries"]
    assert rows["akorda-2024-05"].endswith("2024-05-16-astana-security-council-secretaries")
    assert sources[-1] == "  every source is cited"

    meetings = section(result.stdout, "Meetings by ISO week (3)")
    assert [line.split()[:3] for line in meetings[1:]] == [
        ["2023-W25", "2023-06-23", "2023-06-23-almaty-security-council-secretaries"],
        ["2024-W20", "2024-05-16", "2024-05-16-astana-security-council-secretaries"],
        ["2025-W17", "2025-04-24", "2025-04-24-tashkent-intelligence-chiefs"],
    ]
    assert all(line.split()[3:] == ["0", "1"] for line in meetings[1:])  # errors, warnings

    findings = section(result.stdout, "Open findings")
    assert [line.split() for line in findings[1:3]] == [["year-not-cited", "warning", "2"],
                                                       ["source-conflict", "warning", "1"]]
    assert findings[-1].startswith("  0 errors, 3 warnings")


def test_status_shows_what_is_left_to_curate(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    article = tmp_path / "tass.txt"
    article.write_text("Встреча прошла в Бишкеке 14 мая 2024 года.\n", "utf-8")
    assert invoke("add-source", article, "--outlet", "TASS", "--root", root).exit_code == 0
    (root / "seeds" / "loose.txt").write_text("An article nobody catalogued.\n", "utf-8")
    (root / "briefs" / "2024-05-20-draft.yaml").write_text("title: A draft\n", "utf-8")
    result = invoke("status", "--root", root)
    assert result.exit_code == 0, result.output
    sources = section(result.stdout, "Sources (6)")
    assert re.match(r"  tass-2024-05 +ru +tass\.txt +-$", next(line for line in sources if "tass-2024-05" in line))
    assert "  cited by no meeting: tass-2024-05" in sources
    assert "  in seeds/ but not catalogued: loose.txt" in sources
    meetings = section(result.stdout, "Meetings by ISO week (3)")
    assert meetings[-1].split() == ["?", "?", "2024-05-20-draft", "(does", "not", "load)", "5", "0"]  # five missing fields
    findings = section(result.stdout, "Open findings")
    assert findings[1].split() == ["missing-field", "error", "5"]  # errors first


def test_status_of_a_new_repository(tmp_path: Path, invoke) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_text("", "utf-8")
    result = invoke("status", "--root", tmp_path)
    assert result.exit_code == 0, result.output
    assert "Sources (0)\n  none yet: add one with `briefgen add-source FILE`" in result.stdout
    assert "Meetings by ISO week (0)\n  none yet: write one with `briefgen new SOURCE_ID`" in result.stdout


def test_status_outside_a_repository_is_a_usage_error(tmp_path: Path, invoke) -> None:
    result = invoke("status", "--root", tmp_path)
    assert result.exit_code == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_table_aligns_columns() -> None:
    assert table(["A", "LONG HEADER"], [["wide cell", "x"], ["b", ""]]) == [
        "  A          LONG HEADER",
        "  wide cell  x",
        "  b",
    ]

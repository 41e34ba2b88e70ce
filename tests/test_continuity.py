"""Briefs that remember what was promised: commitments falling due, done commitments,
follow-ups and the previous meeting of a series."""

from __future__ import annotations

from pathlib import Path

import docx

from conftest import copy_shipped

ASTANA = "2024-05-16-astana-security-council-secretaries"
ALMATY = "2023-06-23-almaty-security-council-secretaries"


def edit(root: Path, meeting: str, old: str, new: str) -> None:
    path = root / "briefs" / f"{meeting}.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def section(markdown: str, title: str) -> str:
    start = markdown.index(f"## {title}")
    end = markdown.find("\n## ", start + 1)
    return markdown[start: end if end > 0 else None]


def test_commitment_due_9_august_is_listed_when_the_period_ends_within_30_days(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    result = invoke("build", "--root", str(root), "--from", "2024-05-13", "--to", "2024-07-20")
    assert result.exit_code == 0, result.output
    markdown = (root / "out" / "brief-2024-05-13_2024-07-20.md").read_text("utf-8")
    due = section(markdown, "Commitments falling due")
    assert "**9 August 2024: Kazakhstan, " in due and "6th Consultative Meeting" in due and "(agreed 16 May 2024, Astana)" in due
    word = docx.Document(root / "out" / "brief-2024-05-13_2024-07-20.docx")
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Commitments falling due")
    assert any("9 August 2024: " in t and "6th Consultative Meeting" in t for t in texts[start:])


def test_the_week_of_the_meeting_alone_is_too_early_for_the_august_deadline(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    assert invoke("build", "--root", str(root), "--week", "2024-W20").exit_code == 0
    markdown = (root / "out" / "brief-2024-W20.md").read_text("utf-8")
    assert "## Commitments falling due" not in markdown, "9 August is 82 days after 19 May"


def test_open_commitments_past_their_date_are_flagged_and_done_ones_are_not_listed(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    assert invoke("build", "--root", str(root), "--week", "2025-W17").exit_code == 0
    due = section((root / "out" / "brief-2025-W17.md").read_text("utf-8"), "Commitments falling due")
    assert due.count("date passed, no outcome recorded") == 2 and "overdue" not in due
    edit(root, ASTANA, "    due: 2024-08-09\n    cite:", "    due: 2024-08-09\n    status: done\n"
         "    done_cite:\n      - source: kazinform-2024-05\n"
         "        quote: the 6th Consultative Meeting of the Heads of State of Central Asia scheduled to take place"
         " in Astana on August 9\n    cite:")
    result = invoke("build", "--root", str(root), "--week", "2025-W17")
    assert result.exit_code == 0, result.output
    due = section((root / "out" / "brief-2025-W17.md").read_text("utf-8"), "Commitments falling due")
    assert due.count("date passed, no outcome recorded") == 1 and "6th Consultative Meeting" not in due


def test_done_needs_its_evidence_and_the_evidence_is_checked(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    edit(root, ASTANA, "    due: 2024-08-09\n    cite:", "    due: 2024-08-09\n    status: done\n    cite:")
    result = invoke("check", "--root", str(root))
    assert result.exit_code == 1 and "error[missing-field]" in result.output and "done_cite" in result.output
    root = copy_shipped(tmp_path / "repo2")
    edit(root, ASTANA, "    due: 2024-08-09\n    cite:", "    due: 2024-08-09\n    status: done\n"
         "    done_cite:\n      - source: kazinform-2024-05\n        quote: the summit was held and the strategy adopted\n"
         "    cite:")
    result = invoke("check", "--root", str(root))
    assert result.exit_code == 1 and "error[quote-not-found]" in result.output


def test_follows_up_links_an_existing_meeting(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    edit(root, ASTANA, "title:", f"follows_up: {ALMATY}\ntitle:")
    assert invoke("build", "--root", str(root), "--week", "2024-W20").exit_code == 0
    markdown = (root / "out" / "brief-2024-W20.md").read_text("utf-8")
    assert "Follows up: 23 June 2023, Almaty: First meeting of the Security Council secretaries" in markdown
    edit(root, ASTANA, f"follows_up: {ALMATY}", "follows_up: 2023-06-23-almaty")
    result = invoke("check", "--root", str(root))
    assert result.exit_code == 1 and "error[unknown-meeting]" in result.output
    assert f"write `follows_up: {ALMATY}`" in result.output


def test_a_series_links_the_previous_meeting_and_what_it_agreed(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    shipped = invoke("build", "--root", str(root), "--week", "2024-W20")
    assert shipped.exit_code == 0
    assert "Previous meeting in this series" not in (root / "out" / "brief-2024-W20.md").read_text("utf-8"), (
        "the shipped 2023 and 2024 meetings are different formats (with and without Russia)")
    edit(root, ASTANA, "series: Security Council secretaries of Central Asia\n",
         "series: Security Council secretaries of Central Asia and Russia\n")
    assert invoke("build", "--root", str(root), "--week", "2024-W20").exit_code == 0
    markdown = (root / "out" / "brief-2024-W20.md").read_text("utf-8")
    assert ("**Previous meeting in this series:** 23 June 2023, Almaty: First meeting of the Security Council "
            "secretaries of Central Asia and Russia. It agreed:") in markdown
    assert "Deepen contacts between the offices of the security councils" in markdown
    word = [p.text for p in docx.Document(root / "out" / "brief-2024-W20.docx").paragraphs]
    assert any(t.startswith("Previous meeting in this series: 23 June 2023, Almaty") for t in word)

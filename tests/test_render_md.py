"""The Markdown brief: footnotes that match one to one, escaped data, links to seed lines."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from briefgen.assemble import Period, assemble
from briefgen.load import load
from briefgen.render import Job, md
from briefgen.verify import verify

from conftest import MINIMAL, add_templates, build_shipped, copy_base

REFERENCE = re.compile(r"(?<!\\)\[\^(\d+)\](?!:)")
DEFINITION = re.compile(r"^\[\^(\d+)\]:", re.MULTILINE)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_shipped(tmp_path_factory.mktemp("md") / "repo")


@pytest.fixture(scope="module")
def text(built: Path) -> str:
    return (built / "out" / "brief-all.md").read_text("utf-8")


def test_every_reference_defined_exactly_once_and_vice_versa(text: str) -> None:
    definitions = Counter(DEFINITION.findall(text))
    references = Counter(REFERENCE.findall(text))
    assert definitions and references
    assert all(count == 1 for count in definitions.values()), definitions
    assert set(references) == set(definitions)
    assert all(count == 1 for count in references.values())  # each citation has its own note


def test_references_numbered_in_reading_order(built: Path, text: str) -> None:
    body = text[: DEFINITION.search(text).start()]
    numbers = [int(n) for n in REFERENCE.findall(body)]
    assert numbers == list(range(1, len(numbers) + 1))
    meetings = load(built).meetings
    # every citation once, and again for each open commitment listed under "Commitments falling due"
    overdue = sum(len(c.cite) for m in meetings for c in m.commitments if c.due and not c.done)
    assert len(numbers) == sum(len(m.citations()) for m in meetings) + overdue


def test_notes_name_the_seed_line_as_text(built: Path, text: str) -> None:
    """A note names its seed file and line as text (a relative link breaks once the brief
    is e-mailed) and its source by number; the list of sources is a numbered list."""
    dossier = load(built)
    verification = verify(built, dossier)
    lines = {verification.evidence[c.pos].line for _, c in dossier.citations()}
    named = re.findall(r"\]: Source (\d+), `seeds/([^`]+)`, line (\d+): ", text)
    assert {int(n) for _, _, n in named} == lines
    assert "](../seeds/" not in text
    listed = re.findall(r"^(\d+)\. .*`seeds/([^`]+)`", text, re.MULTILINE)
    for number, name, _ in named:
        assert (number, name) in listed
        assert (built / "seeds" / name).is_file()


def test_markers_are_parted_and_notes_stand_apart_from_the_sources(text: str) -> None:
    assert not re.search(r"\[\^\d+\]\[\^", text), "two markers side by side read as one number"
    assert "\n\n## Notes\n" in text, "pandoc reads a heading straight after a list item as its text"


def test_title_period_and_key_points_newest_first(text: str) -> None:
    assert text.startswith("# Brief on Central Asian Security Meetings\n")  # the all-meetings edition
    assert "**All meetings · 23 June 2023 – 24 April 2025**" in text
    assert "Central Asia Desk · OFFICIAL" in text
    key_points = text[text.index("## Key points"): text.index("\n## ", text.index("## Key points") + 1)]
    points = re.findall(r"^- \*\*(\d+ \w+ \d{4}), (\w+)(?: \([^)]*\))?:\*\*", key_points, re.MULTILINE)
    assert points == [("24 April 2025", "Tashkent"), ("16 May 2024", "Astana"), ("23 June 2023", "Almaty")]


def test_attendees_and_quotes(built: Path, text: str) -> None:
    for name in ("Gizat Nurdauletov", "Marat Imankulov", "Nasrullo Makhmudzoda", "Viktor Makhmudov",
                 "Annamyrat Yagmyrov", "Kassym-Jomart Tokayev"):
        assert re.search(rf"^\| {name}\[\^\d+\] \|", text, re.MULTILINE), name
    assert "“глава государства Касым-Жомарт Токаев” (translation: “the head of state, Kassym-Jomart Tokayev”)" in text
    # the claim's own words are this quote's translation: the note does not say them again
    assert "“риски региональной безопасности неразрывно связаны с ситуацией в Афганистане” (translated in the text)" in text


def render_base(tmp_path: Path, text: str) -> str:
    root = add_templates(copy_base(tmp_path / "repo", {"m.yaml": text}))
    dossier = load(root)
    verification = verify(root, dossier)
    assert verification.errors == ()
    brief = assemble(dossier, verification.evidence, Period.week("2024-W20"), dt.date(2024, 5, 19))
    return md.render(brief, Job(root, root / "out", dt.datetime(2024, 5, 16))).decode("utf-8")


def test_data_is_escaped(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: The border commanders met in Bishkek.",
                           'summary: "Talks *not* [final] <b>yet</b> | a_b `x` & [^9]"')
    out = render_base(tmp_path, text)
    assert r"Talks \*not\* \[final\] \<b\>yet\</b\> \| a\_b \`x\` \& \[^9\]" in out
    assert "[^9]" not in REFERENCE.sub("", out).replace(r"\[^9\]", "")
    assert set(REFERENCE.findall(out)) == set(DEFINITION.findall(out))


def test_multiline_texts_stay_on_one_line(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: The border commanders met in Bishkek.",
                           "summary: |\n  The border commanders\n\n  met in Bishkek.")
    out = render_base(tmp_path, text)
    assert "**14 May 2024, Bishkek:** The border commanders met in Bishkek." in out


def test_markdown_parses_with_footnotes(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    footnote = pytest.importorskip("mdit_py_plugins.footnote")
    html = markdown_it.MarkdownIt("commonmark").enable("table").use(footnote.footnote_plugin).render(text)
    assert html.count('class="footnote-item"') == len(DEFINITION.findall(text))
    assert "<table>" in html


def test_single_outlet_explanation_is_not_inside_the_last_key_point(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(text)
    item = html[html.find("<ul>"):html.find("</ul>")]
    assert "† marks" in html and "† marks" not in item


def test_a_note_said_before_refers_back(text: str) -> None:
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.MULTILINE))
    back = {int(n): int(m) for n, m in ((n, re.match(r"See note (\d+)\.$", t)) for n, t in notes.items()) if m
            for m in [m.group(1)]}
    assert back and all(earlier < number and not notes[str(earlier)].startswith("See note")
                        for number, earlier in back.items())
    quoted = [t for t in notes.values() if not t.startswith("See note")]
    assert len(quoted) == len(set(quoted)), "no note says what another says"

"""The assembler: periods, the order of meetings, and the numbering of citations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.assemble import Period, PeriodError, assemble, latest_week, long_date, span_label, translated_in
from briefgen.load import load
from briefgen.verify import verify

from conftest import MINIMAL, copy_base, show


def test_week_20_of_2024() -> None:
    period = Period.week("2024-W20")
    assert period.label == "Week 20, 2024 · 13–19 May 2024"
    assert (period.start, period.end) == (dt.date(2024, 5, 13), dt.date(2024, 5, 19))
    assert period.slug == "2024-W20"
    assert period.holds(dt.date(2024, 5, 16)) and period.holds(dt.date(2024, 5, 13)) and period.holds(dt.date(2024, 5, 19))
    assert not period.holds(dt.date(2024, 5, 12)) and not period.holds(dt.date(2024, 5, 20))


@pytest.mark.parametrize("text, slug, label", [
    ("2024-W1", "2024-W01", "Week 1, 2024 · 1–7 January 2024"),
    ("2024-W18", "2024-W18", "Week 18, 2024 · 29 April – 5 May 2024"),
    ("2025-W01", "2025-W01", "Week 1, 2025 · 30 December 2024 – 5 January 2025"),
    ("2020-W53", "2020-W53", "Week 53, 2020 · 28 December 2020 – 3 January 2021"),
    (" 2023-W25 ", "2023-W25", "Week 25, 2023 · 19–25 June 2023"),
])
def test_week_labels(text: str, slug: str, label: str) -> None:
    period = Period.week(text)
    assert (period.slug, period.label) == (slug, label)


@pytest.mark.parametrize("text", [
    "2024-W53", "2024-W00", "2024-W0", "2024-W99", "2024-20", "2024W20", "2024-w20", "24-W20", "2024-W020",
    "", "W20", "2024-W20-1", "next week",
])
def test_bad_weeks_raise_period_error(text: str) -> None:
    with pytest.raises(PeriodError) as error:
        Period.week(text)
    assert "2024-W20" in str(error.value) or "weeks 1 to" in str(error.value)


def test_week_number_error_says_the_range() -> None:
    with pytest.raises(PeriodError, match="2024 has weeks 1 to 52"):
        Period.week("2024-W53")
    with pytest.raises(PeriodError, match="2020 has weeks 1 to 53"):
        Period.week("2020-W54")


@pytest.mark.parametrize("text", ["0000-W01", "9999-W52"])
def test_out_of_range_years_raise_period_error(text: str) -> None:
    with pytest.raises(PeriodError):
        Period.week(text)


def test_between() -> None:
    period = Period.between(dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert period.slug == "2024-05-01_2024-05-31" and period.label == "1–31 May 2024"
    assert Period.between(dt.date(2024, 5, 16), dt.date(2024, 5, 16)).label == "16 May 2024"
    with pytest.raises(PeriodError):
        Period.between(dt.date(2024, 5, 31), dt.date(2024, 5, 1))


def test_of_day_and_latest_week() -> None:
    assert Period.of_day(dt.date(2024, 5, 16)).slug == "2024-W20"
    assert Period.of_day(dt.date(2024, 12, 30)).slug == "2025-W01"
    assert latest_week(()) is None


def test_labels() -> None:
    assert long_date(dt.date(2024, 5, 6)) == "6 May 2024"
    assert span_label(dt.date(2024, 12, 30), dt.date(2025, 1, 5)) == "30 December 2024 – 5 January 2025"


# --- assembling ------------------------------------------------------------------------------


def dated(day: int, title: str) -> str:
    """MINIMAL moved to another day of May 2024 (the quotes stay found; only the date checks complain)."""
    return MINIMAL.replace("date: 2024-05-14", f"date: 2024-05-{day:02d}").replace(
        "title: Border commanders meet in Bishkek", f"title: {title}")


STATEMENTS = """statements:
  - speaker: Almaz Temirov
    text: The gaps must be closed.
    cite:
      - source: border-en-2024
        quote: We must close the gaps on our mountain borders
      - source: border-ru-2024
        quote: Мы должны закрыть бреши на наших горных границах
        translation: We must close the gaps on our mountain borders
commitments:
  - parties: [Kyrgyzstan, Tajikistan]
    text: Joint exercises in October 2024.
    cite:
      - source: border-en-2024
        quote: The sides agreed to hold joint exercises on the Tajik-Kyrgyz border in October 2024
"""


@pytest.fixture
def assembled(tmp_path: Path):
    root = copy_base(tmp_path / "repo", {
        "b-middle.yaml": dated(14, "Middle") + STATEMENTS,
        "a-late.yaml": dated(16, "Late"),
        "c-early.yaml": dated(13, "Early"),
        "d-outside.yaml": dated(20, "Next week"),
    })
    dossier = load(root)
    verification = verify(root, dossier)
    assert not [d for d in verification.errors if d.code not in ("date-not-cited", "duplicate-meeting")], \
        show(verification.diagnostics)
    brief = assemble(dossier, verification.evidence, Period.week("2024-W20"), dt.date(2024, 5, 19))
    return dossier, brief


def test_meetings_newest_first_within_the_period(assembled) -> None:
    _, brief = assembled
    assert [s.meeting.title for s in brief.sections] == ["Late", "Middle", "Early"]
    assert [s.meeting.date.day for s in brief.sections] == [16, 14, 13]


def test_notes_numbered_in_reading_order(assembled) -> None:
    _, brief = assembled
    assert [n.number for n in brief.notes] == list(range(1, len(brief.notes) + 1))
    reading = []
    for section in brief.sections:
        reading += section.place_notes
        for group in (section.participants, section.statements, section.commitments):
            for cited in group:
                assert list(cited.notes) == [n for n in brief.notes if n in cited.notes]
                reading += cited.notes
    assert reading == list(brief.notes)
    # each note carries its own citation, in the order written in the file
    middle = brief.sections[1]
    assert [n.citation.source for n in middle.statements[0].notes] == ["border-en-2024", "border-ru-2024"]
    assert middle.statements[0].notes[1].citation.translation == "We must close the gaps on our mountain borders"
    assert [n.number for n in middle.place_notes] == [4, 5]


def test_notes_point_at_their_lines(assembled) -> None:
    _, brief = assembled
    for note in brief.notes:
        assert note.seed_path == f"seeds/{note.source.file}"
        assert note.evidence.source == note.source.id == note.citation.source
    lines = {(n.source.id, n.citation.quote): n.evidence.line for n in brief.notes}
    assert lines[("border-en-2024", "We must close the gaps on our mountain borders")] == 5
    assert lines[("border-ru-2024", "прошла в Бишкеке 14 мая")] == 2


def test_each_source_once(assembled) -> None:
    dossier, brief = assembled
    ids = [s.id for s in brief.sources]
    assert ids == ["border-en-2024", "border-ru-2024"]
    assert len(set(ids)) == len(ids)
    assert set(ids) == {n.source.id for n in brief.notes}


def test_issued_and_settings(assembled) -> None:
    _, brief = assembled
    assert brief.issued == dt.date(2024, 5, 19)
    assert brief.settings.classification == "RESTRICTED"


def test_empty_period(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": MINIMAL})
    dossier = load(root)
    brief = assemble(dossier, verify(root, dossier).evidence, Period.week("2024-W30"), dt.date(2024, 7, 28))
    assert brief.sections == () and brief.notes == () and brief.sources == ()


def test_everything_spans_all_meetings(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"a.yaml": dated(14, "A"), "b.yaml": dated(2, "B")})
    period = Period.everything(load(root).meetings)
    assert (period.start, period.end, period.slug) == (dt.date(2024, 5, 2), dt.date(2024, 5, 14), "all")
    assert period.label == "All meetings · 2–14 May 2024"


def test_shipped_data_newest_first(shipped: Path) -> None:
    dossier = load(shipped)
    verification = verify(shipped, dossier)
    assert verification.errors == ()
    brief = assemble(dossier, verification.evidence, Period.everything(dossier.meetings), dt.date(2025, 4, 24))
    assert [s.meeting.date.isoformat() for s in brief.sections] == ["2025-04-24", "2024-05-16", "2023-06-23"]
    listed_again = sum(len(d.cited.notes) for d in brief.falling_due)  # open commitments, cited once more
    assert [n.number for n in brief.notes] == list(
        range(1, sum(len(m.citations()) for m in dossier.meetings) + listed_again + 1))
    assert len({s.id for s in brief.sources}) == len(brief.sources) == len(dossier.sources)


@pytest.mark.parametrize("translation, shown", [
    ("regional security risks are inseparable from the situation in Afghanistan", True),
    ("separate measures ... are no longer enough; the times require new approaches", True),  # punctuation aside
    ("the risks are inseparable from the situation in Afghanistan", False),  # not the claim's words
    ("security risks are inseparable from the situation", True),  # a clause of the claim
    ("risks are inseparable from the situation in Afghan", False),  # whole words only
])
def test_a_translation_the_claim_gives_word_for_word_is_not_repeated(translation: str, shown: bool) -> None:
    said = ("Regional security risks are inseparable from the situation in Afghanistan; more follows.",
            "Separate measures are no longer enough: the times require new approaches.")
    assert translated_in(translation, said) is shown


def test_shipped_notes_leave_out_only_translations_the_text_gives(shipped: Path) -> None:
    dossier = load(shipped)
    verification = verify(shipped, dossier)
    brief = assemble(dossier, verification.evidence, Period.everything(dossier.meetings), dt.date(2025, 4, 24))
    left_out = [note for note in brief.notes if note.translated_in_text]
    assert left_out and all(note.citation.translation for note in left_out)
    assert "regional security risks are inseparable from the situation in Afghanistan" in [
        note.citation.translation for note in left_out]

"""The Word brief of the shipped data, read back with python-docx: a reader holding only
the .docx sees every attendee, every quoted word and where it stands."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from briefgen.assemble import quotation, translated_in
from briefgen.load import load
from briefgen.verify import verify

from conftest import add_templates, build_shipped, copy_base, copy_shipped, docx_all_text, docx_texts

ATTENDEES_2024 = [
    "Kassym-Jomart Tokayev", "Gizat Nurdauletov", "Marat Imankulov", "Nasrullo Makhmudzoda",
    "Viktor Makhmudov", "Annamyrat Yagmyrov",
]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`briefgen build --all` on a copy of the shipped data."""
    return build_shipped(tmp_path_factory.mktemp("docx") / "repo")


@pytest.fixture(scope="module")
def texts(built: Path) -> dict[str, list[str]]:
    return docx_texts(built / "out" / "brief-all.docx")


@pytest.fixture(scope="module")
def everything(built: Path) -> str:
    return flat(docx_all_text(built / "out" / "brief-all.docx"))


def test_opens_with_title_period_and_marking(texts) -> None:
    body = texts["body"]
    assert body[0] == "Brief on Central Asian Security Meetings"  # the all-meetings edition is no weekly
    assert "All meetings · 23 June 2023 – 24 April 2025" in body
    assert any("Central Asia Desk" in p and "OFFICIAL" in p for p in body)


def test_header_holds_the_classification(built: Path, texts) -> None:
    assert any("OFFICIAL" in h for h in texts["headers"])
    document = docx.Document(str(built / "out" / "brief-all.docx"))
    for section in document.sections:
        assert "OFFICIAL" in " ".join(p.text for p in section.header.paragraphs)


def test_every_attendee_of_2024(texts) -> None:
    cells = [flat(c) for c in texts["cells"]]
    for name in ATTENDEES_2024:
        assert name in cells, name  # each has its own Name cell in the participants table
    assert "Military attaché of the Embassy of Turkmenistan in Kazakhstan" in cells


def test_every_quote_and_translation_with_its_seed_line(built: Path, everything: str) -> None:
    dossier = load(built)
    verification = verify(built, dossier)
    assert dossier.citations()
    for _, citation in dossier.citations():
        source = dossier.source(citation.source)
        line = verification.evidence[citation.pos].line
        assert flat(quotation(citation.quote)[1:-1]) in everything, citation.quote  # inner quotes single
        assert f"seeds/{source.file}, line {line}" in everything
        if citation.translation:  # in its note, or word for word in the claim it supports
            assert (flat(quotation(citation.translation)[1:-1]) in everything
                    or translated_in(citation.translation, (everything,))), citation.translation


def test_russian_original_next_to_its_translation(texts) -> None:
    notes = [flat(t) for t in texts["body"] + texts["cells"] + texts["footnotes"]]
    note = next(n for n in notes if "глава государства Касым-Жомарт Токаев" in n)
    assert "the head of state, Kassym-Jomart Tokayev" in note
    assert re.match(r"Source \d+, seeds/002_1578cfc18d0bb0f0\.txt, line \d+", note)


def test_meetings_newest_first(texts) -> None:
    body = texts["body"]
    titles = [
        "First meeting of the heads of Central Asian intelligence services",
        "Tokayev receives the Security Council secretaries of Central Asia",
        "First meeting of the Security Council secretaries of Central Asia and Russia",
    ]
    assert [body.index(t) for t in titles] == sorted(body.index(t) for t in titles)


def test_statements_speaker_first_and_assessment_labelled(texts) -> None:
    body = [flat(p) for p in texts["body"]]
    assert any(p.startswith("Kassym-Jomart Tokayev: Most modern challenges") for p in body)
    assert any(p.startswith("Analyst assessment, not sourced fact:") and "military attaché" in p for p in body)


def test_commitment_due_date(texts) -> None:
    assert any("(due 9 August 2024)" in p for p in texts["body"])


def test_sources_listed_once_each(built: Path, texts) -> None:
    dossier = load(built)
    body = texts["body"]
    start = body.index("Sources")
    listed = body[start + 1:]
    for source in dossier.sources:
        assert sum(f"seeds/{source.file}" in p for p in listed) == 1, source.file


def test_one_footnote_per_citation(built: Path, texts) -> None:
    if not texts["footnotes"]:
        pytest.skip("citations are not Word footnotes in this renderer")
    dossier = load(built)
    real = [f for f in texts["footnotes"] if f.strip()]  # Word's separator notes are empty
    # each open commitment under "Commitments falling due" carries its citations again
    again = sum(len(c.cite) for m in dossier.meetings for c in m.commitments if c.due and not c.done)
    assert len(real) == len(dossier.citations()) + again


def test_two_builds_are_byte_identical(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    outputs = []
    for _ in range(2):
        result = invoke("build", "--all", "--root", root)
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted((root / "out").iterdir())})
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == {"brief-all.docx", "brief-all.md"}


def test_builds_in_two_places_are_byte_identical(tmp_path: Path, invoke) -> None:
    docs = []
    for name in ("one", "two"):
        root = copy_shipped(tmp_path / name)
        assert invoke("build", "--week", "2024-W20", "--root", root).exit_code == 0
        docs.append((root / "out" / "brief-2024-W20.docx").read_bytes())
    assert docs[0] == docs[1]


@pytest.mark.parametrize("epoch", ["1715817600", "0"])
def test_source_date_epoch_builds_are_byte_identical(tmp_path: Path, invoke, epoch: str) -> None:
    root = copy_shipped(tmp_path / "repo")
    outputs = []
    for _ in range(2):
        result = invoke("build", "--week", "2024-W20", "--root", root, env={"SOURCE_DATE_EPOCH": epoch})
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted((root / "out").iterdir())})
    assert outputs[0] == outputs[1]
    document = docx.Document(str(root / "out" / "brief-2024-W20.docx"))
    if epoch != "0":
        assert document.core_properties.created.date().isoformat() == "2024-05-16"
        assert any("Issued 16 May 2024" in p.text for p in document.paragraphs)
    with zipfile.ZipFile(root / "out" / "brief-2024-W20.docx") as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert len(stamps) == 1 and min(stamps)[0] >= 1980


def test_epoch_changes_only_the_dates(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    invoke("build", "--week", "2024-W20", "--root", root, env={"SOURCE_DATE_EPOCH": "1715817600"})
    first = (root / "out" / "brief-2024-W20.md").read_text("utf-8")
    invoke("build", "--week", "2024-W20", "--root", root, env={"SOURCE_DATE_EPOCH": "1716000000"})
    second = (root / "out" / "brief-2024-W20.md").read_text("utf-8")
    assert "Issued 16 May 2024" in first and "Issued 18 May 2024" in second
    assert first.replace("Issued 16 May 2024", "Issued 18 May 2024") == second


def test_small_brief_from_the_examples(tmp_path: Path, invoke) -> None:
    """The test repository's own brief: classification, Russian quote and translation."""
    from conftest import EXAMPLES

    root = add_templates(copy_base(tmp_path / "repo"))
    (root / "briefs" / "full.yaml").write_bytes((EXAMPLES / "valid" / "full.yaml").read_bytes())
    result = invoke("build", "--week", "2024-W20", "--root", root)
    assert result.exit_code == 0, result.output
    path = root / "out" / "brief-2024-W20.docx"
    texts = docx_texts(path)
    assert any("RESTRICTED" in h for h in texts["headers"])
    everything = flat(docx_all_text(path))
    assert "в прошлом году пограничники трёх стран задержали более 1200 контрабандистов" in everything
    assert "last year the border guards of the three countries detained more than 1,200 smugglers" in everything
    assert "seeds/002_border_ru.txt, line 3" in everything
    assert "Almaz Temirov," in [flat(c) for c in texts["cells"]]  # the comma parts two footnote markers

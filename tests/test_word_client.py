"""The brief as staff receive it: opened by real clients (LibreOffice, pandoc, markdown-it),
reproducible to the byte, with footnotes, house style, properties and a review copy.

Tests needing a tool that is absent are skipped with the reason; `.ci/run` installs
LibreOffice, pandoc and poppler-utils so that in CI they always run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from typer.testing import CliRunner

from briefgen.cli import app

from conftest import docx_footnotes, docx_word_counts

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
needs_pandoc = pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed")


def build(out: Path, *args: str, root: Path = ROOT, env: dict | None = None) -> None:
    result = runner.invoke(app, ["build", "--root", str(root), "--out", str(out), *args], env=env)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def brief(tmp_path_factory) -> Path:
    """The brief of all shipped meetings, with its review copy."""
    out = tmp_path_factory.mktemp("out")
    build(out, "--all", "--review")
    return out


@pytest.fixture(scope="module")
def pdf(brief: Path, tmp_path_factory) -> Path:
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("pdf")
    profile = work / "profile"
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(brief / "brief-all.docx")],
        capture_output=True, text=True, timeout=180,
    )
    assert completed.returncode == 0, completed.stderr
    path = work / "brief-all.pdf"
    assert path.is_file() and path.stat().st_size > 10_000, completed.stdout + completed.stderr
    return path


@pytest.fixture(scope="module")
def laid_out(brief: Path, tmp_path_factory) -> dict[str, Path]:
    """Both copies as LibreOffice reads them, saved as flat ODF (its own model, in XML)."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("fodt")
    copies = [brief / "brief-all.docx", brief / "brief-all-review.docx"]
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "fodt",
         "--outdir", str(work), *map(str, copies)],
        capture_output=True, text=True, timeout=240,
    )
    assert completed.returncode == 0, completed.stderr
    return {path.stem: work / f"{path.stem}.fodt" for path in copies}


ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def footnote_texts(fodt: Path) -> list[str]:
    """The footnotes of a document as LibreOffice holds them, in reading order."""
    from xml.etree import ElementTree

    tree = ElementTree.parse(fodt)
    return [" ".join("".join(body.itertext()).split()) for body in tree.iter(f"{ODF_TEXT}note-body")]


@needs_soffice
def test_the_review_copy_shows_the_same_footnotes_as_the_clean_copy(laid_out: dict[str, Path], brief: Path) -> None:
    """A comment anchored around a footnote once made LibreOffice show notes displaced."""
    clean, review = footnote_texts(laid_out["brief-all"]), footnote_texts(laid_out["brief-all-review"])
    assert len(clean) > 40 and all(clean), "every footnote has its text"
    assert review == clean
    from xml.etree import ElementTree

    comments = list(ElementTree.parse(laid_out["brief-all-review"]).iter(f"{ODF_OFFICE}annotation"))
    assert len(comments) == len(docx.Document(brief / "brief-all-review.docx").comments) > 0


@needs_soffice
@needs_pdftotext
def test_libreoffice_lays_out_headings_footnotes_and_page_numbers(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for heading in ("Key points", "Participants", "Key statements", "Commitments", "Source notes",
                    "Assessment", "Sources", "Tokayev receives the Security Council secretaries of Central Asia"):
        assert heading in flat
    # a footnote's quoted words, with its file and line, laid out at the foot of a page
    assert "seeds/001_a758ae142db266b7.txt, line 35" in flat
    assert "secretary of the Security Council of Kyrgyzstan Marat Imankulov" in flat
    assert "отдельных мер по расширению обмена информацией" in flat
    assert re.search(r"Page 1 of (\d+)", flat)
    pages = int(re.search(r"Page 1 of (\d+)", flat).group(1))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert f"Pages:           {pages}" in info or f"Pages: {pages}" in " ".join(info.split())
    print(f"\nLibreOffice laid the brief out on {pages} pages")


@needs_pandoc
def test_pandoc_reads_the_footnotes_back(brief: Path) -> None:
    markdown = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "markdown-smart", "--wrap=none", str(brief / "brief-all.docx")],
        capture_output=True, text=True, check=True,
    ).stdout
    notes = re.findall(r"^\[\^(\d+)\]: (.*)$", markdown, re.M)
    document = docx.Document(brief / "brief-all.docx")
    references = document.element.body.xpath(".//w:footnoteReference")
    assert len(notes) == len(references) > 40
    plain = " ".join(text for _, text in notes).replace("\\", "")
    assert "Most modern challenges and threats are transboundary in nature" in plain
    assert "seeds/002_1578cfc18d0bb0f0.txt, line 2" in plain
    assert "translation:" in plain


def test_markdown_footnotes_all_resolve_and_no_raw_html(brief: Path) -> None:
    text = (brief / "brief-all.md").read_text("utf-8")
    md = MarkdownIt("commonmark").use(footnote_plugin).enable("table")
    tokens = md.parse(text)
    refs = {t.meta["label"] for tok in tokens if tok.children for t in tok.children if t.type == "footnote_ref"}
    defs = {tok.meta["label"] for tok in tokens if tok.type == "footnote_open"}
    labels = set(re.findall(r"\[\^(\d+)\]:", text))
    assert refs and refs == {str(n) for n in range(1, len(refs) + 1)}
    assert refs <= {str(n) for n in labels}
    assert not [tok for tok in tokens if tok.type in ("html_block", "html_inline")]
    assert not [t for tok in tokens if tok.children for t in tok.children if t.type == "html_inline"]
    assert "`seeds/001_a758ae142db266b7.txt`, line 35: " in text


def test_markdown_escapes_data_text(tmp_path: Path) -> None:
    for folder in ("seeds", "briefs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / "briefs" / "2025-04-24-tashkent-intelligence-chiefs.yaml"
    text = path.read_text("utf-8").replace(
        "text: Continue the dialogue and deepen cooperation further.",
        'text: "Keep *talking* about [links](x) and <b>tags</b> with snake_case_words"',
    )
    path.write_text(text, "utf-8")
    build(tmp_path / "out", "--all", "--format", "md", root=tmp_path)
    html = MarkdownIt("commonmark").use(footnote_plugin).render((tmp_path / "out" / "brief-all.md").read_text("utf-8"))
    assert "Keep *talking* about [links](x) and &lt;b&gt;tags&lt;/b&gt; with snake_case_words" in html
    assert "<em>talking</em>" not in html and '<a href="x">' not in html


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    for name, env in (("plain", {}), ("epoch", {"SOURCE_DATE_EPOCH": "1715904000"})):
        first, second = tmp_path / f"{name}1", tmp_path / f"{name}2"
        build(first, "--all", "--review", env=env)
        build(second, "--all", "--review", env=env)
        for file in ("brief-all.docx", "brief-all.md", "brief-all-review.docx"):
            assert (first / file).read_bytes() == (second / file).read_bytes(), f"{name}: {file} differs"


def test_source_date_epoch_sets_the_document_dates(tmp_path: Path) -> None:
    build(tmp_path / "a", "--week", "2024-W20", env={"SOURCE_DATE_EPOCH": "1715904000"})
    props = docx.Document(tmp_path / "a" / "brief-2024-W20.docx").core_properties
    assert props.created.isoformat().startswith("2024-05-17T00:00")
    with zipfile.ZipFile(tmp_path / "a" / "brief-2024-W20.docx") as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2024, 5, 17)}
    build(tmp_path / "b", "--week", "2024-W20", env={"SOURCE_DATE_EPOCH": ""})
    props = docx.Document(tmp_path / "b" / "brief-2024-W20.docx").core_properties
    assert props.created.date().isoformat() == "2024-05-19", "without the variable: the week's last day"


def test_properties_header_footer_and_styles_come_from_the_house_style(brief: Path) -> None:
    document = docx.Document(brief / "brief-all.docx")
    props = document.core_properties
    assert props.title == "Brief on Central Asian Security Meetings"  # the all-meetings edition is no weekly
    assert props.subject == "All meetings · 23 June 2023 – 24 April 2025"
    assert props.author == "Central Asia Desk"
    assert "afghanistan" in props.keywords and "python-docx" not in (props.comments or "")
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "OFFICIAL"
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert round(section.page_width.cm, 1) == 21.0, "A4 from templates/reference.docx"
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:3] == ["Title", "Subtitle", "Brief Meta"]
    assert "Assessment" in styles and "Meeting Place" in styles
    with zipfile.ZipFile(brief / "brief-all.docx") as archive:
        document_xml = archive.read("word/document.xml").decode()
        styles_xml = archive.read("word/styles.xml").decode()
        footnotes_xml = archive.read("word/footnotes.xml").decode()
    assert "w:rFonts" not in document_xml, "fonts come from the reference styles, never from the code"
    assert styles_xml.count('w:styleId="FootnoteText"') == 1
    assert 'w:type="separator"' in footnotes_xml and 'w:type="continuationSeparator"' in footnotes_xml
    table = document.tables[0]
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader"), "participants header row repeats on each page"


def test_footnotes_carry_the_source_number_file_line_and_quote(brief: Path) -> None:
    """A note names its source by its number in the list of sources, which gives outlet,
    title and date once; the note keeps the seed file, line and quoted words."""
    document = docx.Document(brief / "brief-all.docx")
    texts = docx_footnotes(brief / "brief-all.docx")
    sources = [p.text for p in document.paragraphs[next(i for i, p in enumerate(document.paragraphs)
                                                         if p.text == "Sources") + 1:]]
    kazinform = next(t for t in texts if "line 35" in t and "Marat Imankulov" in t)
    number = int(re.match(r"Source (\d+), seeds/001_a758ae142db266b7\.txt, line 35: ", kazinform).group(1))
    assert sources[number - 1].startswith("Kazinform, Kazakh President receives secretaries of Central Asian")
    assert "seeds/001_a758ae142db266b7.txt" in sources[number - 1]
    russian = next(t for t in texts if "Касым-Жомарт Токаев" in t)
    assert "translation: “the head of state, Kassym-Jomart Tokayev”" in russian
    assert sources[int(re.match(r"Source (\d+)", russian).group(1)) - 1].startswith("Sputnik Kazakhstan")
    assert not any("Kazinform" in t or "Sputnik" in t for t in texts), "the outlet is said once, in the list"


def test_no_two_footnote_markers_touch(brief: Path) -> None:
    with zipfile.ZipFile(brief / "brief-all.docx") as archive:
        body = archive.read("word/document.xml").decode()
    assert not re.search(r"<w:footnoteReference [^>]*/></w:r><w:r><w:rPr><w:rStyle [^>]*/></w:rPr><w:footnoteReference",
                         body), "two markers side by side read as one number"


QUOTING_NOTE = re.compile(r"Source \d+, (?P<line>seeds/\S+, line \d+): “(?P<quote>[^”]*)”(?: \(|$)")


NOTES_SHARE = 0.49  # measured 48.3% (1174 of 2432 words); issue #16 asks for 40%, which is still open


def test_footnotes_share_of_words_does_not_grow(brief: Path) -> None:
    """Issue #16: notes had swamped the brief (59% of its words, each repeating outlet, title
    and path). Word's own count: runs of characters between spaces, separator notes aside.
    The bound is today's share, so that no change adds to the notes unnoticed."""
    body, notes = docx_word_counts(brief / "brief-all.docx")
    print(f"\nbody {body} words, footnotes {notes} words: {notes / (body + notes):.1%} of the brief")
    assert notes <= NOTES_SHARE * (body + notes)


def test_no_footnote_repeats_another(brief: Path) -> None:
    """A note never repeats words an earlier note gives: a note whose quote an earlier one on
    the same line holds refers back to it ("See note N", the same three words wherever the
    same note is meant), and a refer-back leads to a note that gives words."""
    texts = docx_footnotes(brief / "brief-all.docx")
    quoting = [t for t in texts if not t.startswith("See note ")]
    assert len(quoting) == len(set(quoting)), "a note said twice"
    said: dict[str, list[str]] = {}
    for text in quoting:
        match = QUOTING_NOTE.match(text)
        assert match, text
        earlier = said.setdefault(match["line"], [])
        assert not [q for q in earlier if match["quote"] in q], f"words an earlier note gives: {text}"
        earlier.append(match["quote"])
    referred = [int(n) for t in texts for n in re.findall(r"^See note (\d+)\.$", t)]
    assert referred and all(not texts[n - 1].startswith("See note ") for n in referred), "a refer-back leads to words"


def test_review_copy_comments_every_warned_claim(brief: Path) -> None:
    review = docx.Document(brief / "brief-all-review.docx")
    comments = [c.text for c in review.comments]
    assert any("year-not-cited" in c and "2024" in c for c in comments)
    assert any("year-not-cited" in c and "2025" in c for c in comments)
    assert any("source-conflict" in c and "Almaty" in c for c in comments)
    assert not list(docx.Document(brief / "brief-all.docx").comments), "the distribution copy has no comments"
    assert all("What to do: " in c and not c.startswith("warning[") for c in comments), "written for a person"


def test_the_review_copy_is_marked_as_one(brief: Path) -> None:
    review, clean = docx.Document(brief / "brief-all-review.docx"), docx.Document(brief / "brief-all.docx")
    header = " ".join(p.text for p in review.sections[0].header.paragraphs)
    assert "REVIEW COPY: NOT FOR DISTRIBUTION" in header and "OFFICIAL" in header
    assert "REVIEW" in review.paragraphs[0].text
    assert "review copy" in review.core_properties.title.lower() and review.core_properties.content_status == "Review copy"
    assert "REVIEW" not in " ".join(p.text for p in clean.sections[0].header.paragraphs)
    assert "review" not in clean.core_properties.title.lower() and clean.core_properties.content_status == "Final"


def test_sources_with_a_url_are_hyperlinks(tmp_path: Path) -> None:
    for folder in ("seeds", "briefs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    catalogue = tmp_path / "seeds" / "sources.yaml"
    catalogue.write_text(catalogue.read_text("utf-8").replace(
        "  outlet: Kazinform\n", "  outlet: Kazinform\n  url: https://www.inform.kz/en/example\n"), "utf-8")
    build(tmp_path / "out", "--week", "2024-W20", "--format", "docx", root=tmp_path)
    document = docx.Document(tmp_path / "out" / "brief-2024-W20.docx")
    links = document.element.body.xpath(".//w:hyperlink")
    assert links
    rel = document.part.rels[links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
    assert rel.is_external and rel.target_ref == "https://www.inform.kz/en/example"


def test_russian_words_are_tagged_russian(brief: Path) -> None:
    """Word proofs and a screen reader reads each run in its language (the document's is en-US)."""
    for part in ("word/footnotes.xml", "word/document.xml"):
        with zipfile.ZipFile(brief / "brief-all.docx") as archive:
            root = docx.oxml.parse_xml(archive.read(part))
        runs = [r for r in root.iter(qn("w:r")) if re.search("[а-яА-Я]", "".join(t.text or "" for t in r.iter(qn("w:t"))))]
        assert runs or part.endswith("document.xml")
        for run in runs:
            assert run.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "ru-RU"


def test_participant_rows_stay_whole_and_the_role_column_is_widest(brief: Path) -> None:
    document = docx.Document(brief / "brief-all.docx")
    for table in document.tables:
        assert all(row._tr.trPr is not None and row._tr.trPr.xpath("./w:cantSplit") for row in table.rows[1:])
        name, role, country = (column.w for column in table._tbl.tblGrid.gridCol_lst)
        assert role > name > country
        assert all(tc.width == width for tr in table._tbl.tr_lst for tc, width in zip(tr.tc_lst, (name, role, country)))


def test_nothing_of_the_default_template_is_left(brief: Path) -> None:
    """No part describes another document, and Word opens the file in its current mode."""
    for name in ("brief-all.docx", "brief-all-review.docx"):
        with zipfile.ZipFile(brief / name) as archive:
            names = set(archive.namelist())
            app = archive.read("docProps/app.xml").decode()
            core = archive.read("docProps/core.xml").decode()
            settings = archive.read("word/settings.xml").decode()
            styles = archive.read("word/styles.xml").decode()
        assert not {n for n in names if "thumbnail" in n or "stylesWithEffects" in n or n.startswith("customXml")}
        assert "<Application>briefgen</Application>" in app and "Macintosh" not in app and "<Pages>" not in app
        assert "lastPrinted" not in core
        assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
        assert "Theme=" not in styles and "w:cstheme" not in styles, "every style in the house font, none a theme font"
        if "review" in name:
            assert 'w:styleId="CommentText"' in styles and 'w:styleId="CommentReference"' in styles


def test_an_independent_validator_finds_nothing_word_would_repair(brief: Path) -> None:
    """openxml-audit checks the package against ECMA-376 and Word's known repairs
    (stylesWithEffects.xml disagreeing with styles.xml, styles used but not defined):
    both copies must open in Word without "unreadable content"."""
    import json
    import sys

    for name in ("brief-all.docx", "brief-all-review.docx"):
        run = subprocess.run([sys.executable, "-m", "openxml_audit", "-o", "json", "-q", str(brief / name)],
                             capture_output=True, text=True, timeout=300)
        report = json.loads(run.stdout)[0]
        assert report["error_count"] == 0 and report["valid"], (name, report["errors"])
        assert report["warning_count"] == 0, (name, report)


def test_a_quotation_within_a_quotation_takes_single_marks(brief: Path) -> None:
    with zipfile.ZipFile(brief / "brief-all.docx") as archive:
        notes = archive.read("word/footnotes.xml").decode()
    assert "‘Центральная Азия - Россия’" in notes
    assert not re.search(r"[”\"]{2}", notes), "a note ending in three quotation marks"

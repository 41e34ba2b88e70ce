"""Real Word footnotes (briefgen.render._footnotes): the saved package, not just the API.

Each test reads the .docx back as a zip, because the point of the module is what Word,
LibreOffice and pandoc find in the file: the part, its content type, the relationship,
the styles and the references in document.xml.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefgen.render._footnotes import add_footnote, prepare_footnotes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

NOTES = [
    [("Kazinform, ", {}), ("“a < b”", {"italic": True})],
    [("AT&T & Co. ", {"bold": True}), ("<w:t>not markup</w:t>", {})],
    ["Министр иностранных дел Казахстана"],
]
TEXTS = ["Kazinform, “a < b”", "AT&T & Co. <w:t>not markup</w:t>",
         "Министр иностранных дел Казахстана"]


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _build(path: Path) -> Path:
    """Three footnotes: two in body paragraphs, one in a table cell; prepare called twice."""
    document = docx.Document()
    prepare_footnotes(document)
    prepare_footnotes(document)
    ids = [add_footnote(document.add_paragraph("First claim."), NOTES[0]),
           add_footnote(document.add_paragraph("Second claim."), NOTES[1])]
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    ids.append(add_footnote(cell.paragraphs[0], NOTES[2]))
    assert ids == [1, 2, 3]
    document.save(path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("footnotes") / "notes.docx")


def _xml(path: Path, member: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(member))


def _note_text(footnote: etree._Element) -> str:
    return "".join(t.text or "" for t in footnote.iter(_w("t")))


def _numbered_notes(path: Path) -> dict[int, etree._Element]:
    root = _xml(path, "word/footnotes.xml")
    return {int(f.get(_w("id"))): f for f in root.findall("w:footnote", NS)
            if f.get(_w("type")) is None}


def _reference_ids(path: Path) -> list[int]:
    document = _xml(path, "word/document.xml")
    return [int(r.get(_w("id"))) for r in document.iter(_w("footnoteReference"))]


def test_content_types_override_footnotes_part(built):
    overrides = _xml(built, "[Content_Types].xml").findall("ct:Override", NS)
    matching = [o for o in overrides if o.get("PartName") == "/word/footnotes.xml"]
    assert [o.get("ContentType") for o in matching] == [FOOTNOTES_CT]


def test_document_relates_footnotes_part(built):
    rels = _xml(built, "word/_rels/document.xml.rels").findall("r:Relationship", NS)
    footnote_rels = [r for r in rels if r.get("Type") == RT.FOOTNOTES]
    assert [r.get("Target") for r in footnote_rels] == ["footnotes.xml"]


def test_footnotes_part_has_separators_and_exact_texts(built):
    root = _xml(built, "word/footnotes.xml")
    kinds = {f.get(_w("type")): f.get(_w("id")) for f in root.findall("w:footnote", NS)}
    assert kinds["separator"] == "-1"
    assert kinds["continuationSeparator"] == "0"
    assert root.find("w:footnote[@w:id='-1']//w:separator", NS) is not None
    assert root.find("w:footnote[@w:id='0']//w:continuationSeparator", NS) is not None
    notes = _numbered_notes(built)
    assert sorted(notes) == [1, 2, 3]
    for number, text in zip((1, 2, 3), TEXTS):
        assert _note_text(notes[number]) == " " + text


def test_footnote_layout_matches_pandoc(built):
    paragraph = _numbered_notes(built)[1].find("w:p", NS)
    assert paragraph.find("w:pPr/w:pStyle", NS).get(_w("val")) == "FootnoteText"
    mark, space, *runs = paragraph.findall("w:r", NS)
    assert mark.find("w:rPr/w:rStyle", NS).get(_w("val")) == "FootnoteReference"
    assert mark.find("w:footnoteRef", NS) is not None
    assert space.find("w:t", NS).text == " "
    assert runs[0].find("w:rPr", NS) is None
    assert runs[1].find("w:rPr/w:i", NS) is not None
    assert _numbered_notes(built)[2].find("w:p/w:r[3]/w:rPr/w:b", NS) is not None


def test_document_has_styled_references_in_order(built):
    assert _reference_ids(built) == [1, 2, 3]
    for ref in _xml(built, "word/document.xml").iter(_w("footnoteReference")):
        style = ref.getparent().find("w:rPr/w:rStyle", NS)
        assert style.get(_w("val")) == "FootnoteReference"


def test_styles_added_once_without_fonts(built):
    styles = _xml(built, "word/styles.xml")
    text = styles.findall("w:style[@w:styleId='FootnoteText']", NS)
    reference = styles.findall("w:style[@w:styleId='FootnoteReference']", NS)
    assert len(text) == 1 and len(reference) == 1
    assert text[0].get(_w("type")) == "paragraph"
    assert text[0].find("w:name", NS).get(_w("val")) == "footnote text"
    assert reference[0].get(_w("type")) == "character"
    assert reference[0].find("w:name", NS).get(_w("val")) == "footnote reference"
    assert reference[0].find("w:rPr/w:vertAlign", NS).get(_w("val")) == "superscript"
    for style in (*text, *reference):
        assert style.find(".//w:rFonts", NS) is None and style.find(".//w:sz", NS) is None


def test_settings_name_the_separators_once(built):
    footnote_pr = _xml(built, "word/settings.xml").findall("w:footnotePr", NS)
    assert len(footnote_pr) == 1
    assert [f.get(_w("id")) for f in footnote_pr[0]] == ["-1", "0"]


def test_reopen_and_resave_keeps_footnotes(built, tmp_path):
    again = tmp_path / "again.docx"
    docx.Document(str(built)).save(again)
    assert _reference_ids(again) == [1, 2, 3]
    assert [_note_text(n) for n in _numbered_notes(again).values()] == [" " + t for t in TEXTS]
    with zipfile.ZipFile(built) as a, zipfile.ZipFile(again) as b:
        assert a.read("word/footnotes.xml") == b.read("word/footnotes.xml")


def test_reopened_document_reuses_part_and_continues_numbering(built, tmp_path):
    document = docx.Document(str(built))
    assert add_footnote(document.add_paragraph("Fourth."), ["fourth & last"]) == 4
    path = tmp_path / "more.docx"
    document.save(path)
    assert _reference_ids(path) == [1, 2, 3, 4]
    assert _note_text(_numbered_notes(path)[4]) == " fourth & last"
    with zipfile.ZipFile(path) as z:
        assert [n for n in z.namelist() if "footnote" in n] == ["word/footnotes.xml"]
    rels = _xml(path, "word/_rels/document.xml.rels").findall("r:Relationship", NS)
    assert sum(r.get("Type") == RT.FOOTNOTES for r in rels) == 1
    styles = _xml(path, "word/styles.xml")
    assert len(styles.findall("w:style[@w:styleId='FootnoteText']", NS)) == 1


def test_output_is_deterministic(tmp_path):
    a, b = _build(tmp_path / "a.docx"), _build(tmp_path / "b.docx")
    for member in ("word/footnotes.xml", "word/document.xml", "word/styles.xml"):
        with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
            assert za.read(member) == zb.read(member)


def test_localized_builtin_styles_are_reused():
    """Word in some languages names the built-in style ids "a5"/"a7"; reuse them."""
    document = docx.Document()
    styles = document.styles.element
    for kind, style_id, name in (("paragraph", "a5", "footnote text"),
                                 ("character", "a7", "footnote reference")):
        xml = (f'<w:style xmlns:w="{W}" w:type="{kind}" w:styleId="{style_id}">'
               f'<w:name w:val="{name}"/></w:style>')
        styles.append(etree.fromstring(xml))
    paragraph = document.add_paragraph("Claim.")
    add_footnote(paragraph, ["note"])
    assert styles.find("w:style[@w:styleId='FootnoteText']", NS) is None
    assert styles.find("w:style[@w:styleId='FootnoteReference']", NS) is None
    assert paragraph._p.find("w:r/w:rPr/w:rStyle", NS).get(_w("val")) == "a7"
    footnotes = prepare_footnotes(document).element
    assert footnotes.find("w:footnote[@w:id='1']/w:p/w:pPr/w:pStyle", NS).get(_w("val")) == "a5"


def test_unknown_flag_rejected_before_anything_changes():
    document = docx.Document()
    paragraph = document.add_paragraph("Claim.")
    with pytest.raises(ValueError, match="italics"):
        add_footnote(paragraph, [("text", {"italics": True})])
    with pytest.raises(KeyError):
        document.part.part_related_by(RT.FOOTNOTES)
    assert paragraph._p.find(".//w:footnoteReference", NS) is None


def test_header_paragraph_rejected():
    document = docx.Document()
    header_paragraph = document.sections[0].header.paragraphs[0]
    with pytest.raises(ValueError, match="document body"):
        add_footnote(header_paragraph, ["note"])


# -- other readers: skipped, with the reason, when the tool is not installed ------------

PANDOC = shutil.which("pandoc")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _pandoc_markdown(path: Path) -> str:
    """`pandoc -f docx -t markdown`, minus `smart` (it would turn “ ” into ") and wrapping."""
    command = [PANDOC, "-f", "docx", "-t", "markdown-smart", "--wrap=none", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    return result.stdout


def _unmarked(markdown: str) -> str:
    """Markdown with pandoc's escapes and emphasis marks removed, to compare plain text."""
    return markdown.replace("\\", "").replace("*", "")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not on PATH (apt-get install pandoc)")
def test_pandoc_reads_the_three_footnotes(built):
    markdown = _pandoc_markdown(built)
    for number, text in zip((1, 2, 3), TEXTS):
        assert f"[^{number}]:" in markdown
        assert text in _unmarked(markdown)


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not on PATH (apt-get install pandoc)")
def test_pandoc_made_docx_is_reused(tmp_path):
    """A reference .docx that already has footnotes keeps them and its own styles."""
    source, made, out = tmp_path / "in.md", tmp_path / "pandoc.docx", tmp_path / "out.docx"
    source.write_text("Pandoc text.[^a]\n\n[^a]: A note made by pandoc.\n", encoding="utf-8")
    subprocess.run([PANDOC, str(source), "-o", str(made)], check=True, timeout=120)
    document = docx.Document(str(made))
    existing = max(_numbered_notes(made))
    assert add_footnote(document.add_paragraph("Ours."), NOTES[2]) == existing + 1
    document.save(out)
    styles = _xml(out, "word/styles.xml")
    assert len(styles.findall("w:style[@w:styleId='FootnoteText']", NS)) == 1
    assert len(styles.findall("w:style[@w:styleId='FootnoteReference']", NS)) == 1
    markdown = _unmarked(_pandoc_markdown(out))
    assert "A note made by pandoc." in markdown and TEXTS[2] in markdown


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice/libreoffice) is not on PATH")
def test_libreoffice_converts_to_pdf(built, tmp_path):
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: no clash with other runs
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(built)],
                   check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "notes.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 0
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                              check=True, timeout=60).stdout
        for note in TEXTS:
            assert note in text

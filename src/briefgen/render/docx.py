"""Brief -> Word (.docx): house style from `templates/reference.docx`, citations as real footnotes.

Every style, the page, the header and the footer come from the reference document, which
staff edit in Word; this module names styles and never sets a font. Each citation is a
Word footnote giving the outlet, title, date, seed file and line, and the quoted words
(original and translation), so a reader holding only the .docx sees what every sentence
rests on. The file is byte-reproducible: fixed core properties and zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from itertools import takewhile
from pathlib import Path
from typing import cast

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from ..assemble import (DISPUTED, NO_MEETINGS, PASSED, SINGLE_OUTLET, TRANSLATED, Brief, Cited, Earlier, Note, Section,
                        long_date, quotation)
from ..model import Commitment, Diagnostic, Statement
from ..russian import is_cyrillic
from ..templating import template_path
from . import Job
from ._footnotes import Footnotes, TextRun, run_element


PLACEHOLDERS = ("{classification}", "{title}", "{unit}", "{period}")
SUFFIX = ".docx"


def render(brief: Brief, job: Job) -> bytes:
    """The Word brief for distribution."""
    return document(brief, job.moment, job.root)


def document(brief: Brief, moment: dt.datetime, root: Path, review: bool = False) -> bytes:
    """The .docx bytes; `moment` stamps the document properties and zip entries.

    With `review`, every claim the check warned about carries a Word comment saying why.
    """
    document = docx.Document(str(template_path(root, "reference.docx")))
    _clear_body(document)
    _properties(document, brief, moment, review)
    writer = _Writer(document, review, moment, brief.source_numbers)
    _header_footer(document, brief, writer.style("Header"), review)
    writer.title_block(brief)
    writer.key_points(brief)
    for section in brief.sections:
        writer.meeting(section)
    writer.falling_due(brief)
    writer.sources(brief)
    _tag_cyrillic(document.element.body)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


def _clear_body(document: Document) -> None:
    """Drop any sample text of the reference document, keeping its page setup."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


REVIEW_MARK = "REVIEW COPY: NOT FOR DISTRIBUTION"


def _properties(document: Document, brief: Brief, moment: dt.datetime, review: bool) -> None:
    props = document.core_properties
    props.title = brief.title + (f" ({REVIEW_MARK.lower().capitalize()})" if review else "")
    props.content_status = "Review copy" if review else "Final"
    props.subject = brief.period.label
    props.author = brief.settings.unit or "briefgen"
    props.last_modified_by = brief.settings.unit or "briefgen"
    props.keywords = ", ".join(brief.tags)
    props.comments = ("Comments mark what briefgen check warned about, for the officer who signs the brief off."
                      if review else "")
    props.category = brief.settings.classification
    props.revision = 1
    props.created = props.modified = moment  # no last-printed date: nothing printed it


def _header_footer(document: Document, brief: Brief, header_style: BaseStyle | None, review: bool) -> None:
    """Fill the reference's placeholders; a header without one gets the marking added. The
    review copy's header says so on every page, above the classification."""
    values = {
        "{classification}": brief.settings.classification,
        "{title}": brief.title,
        "{unit}": brief.settings.unit,
        "{period}": brief.period.label,
    }
    for section in document.sections:
        marked = False
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                for run in paragraph.runs:
                    if any(p in run.text for p in PLACEHOLDERS):
                        marked |= "{classification}" in run.text and part is section.header
                        for key, value in values.items():
                            run.text = run.text.replace(key, value)
        style = cast(ParagraphStyle | None, header_style)  # the reference document's Header is a paragraph style
        if not marked:
            section.header.add_paragraph(brief.settings.classification, style=style)
        if review:
            first = section.header.paragraphs[0]
            if first.text:
                first.insert_paragraph_before(REVIEW_MARK, style=style).alignment = first.alignment
            else:
                first.text = REVIEW_MARK


class _Writer:
    """Writes the brief's parts into the document, in reading order."""

    def __init__(self, document: Document, review: bool, moment: dt.datetime, numbers: dict[str, int]) -> None:
        self.document = document
        self.review = review
        self.moment = moment
        self.notes = Footnotes(document)
        self.numbers = numbers  # a source's id -> its number in the list of sources
        # python-docx scans every style for each paragraph it styles: look each up once
        self.styles: dict[str, BaseStyle] = {style.name: style for style in document.styles}
        # python-docx finds the section properties (and the text width) anew among all the
        # body's children for each block it adds, quadratic in a long brief: found once here
        self.end: CT_SectPr | None = document.element.body.sectPr
        section = document.sections[-1]
        # python-docx types the page width and margins Optional; the reference document sets them
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)  # type: ignore[operator]

    def place(self, element: BaseOxmlElement) -> None:
        """Add a block (paragraph or table) at the end of the body, before the section properties."""
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.document.element.body.append(element)

    def style(self, name: str, fallback: str = "Normal") -> BaseStyle | None:
        return self.styles.get(name) or self.styles.get(fallback)

    def para(self, text: str = "", style: str = "Normal") -> Paragraph:
        element = cast(CT_P, OxmlElement("w:p"))
        self.place(element)
        chosen = self.style(style)
        if chosen is not None and not chosen.element.default:
            properties = OxmlElement("w:pPr")
            properties.append(OxmlElement("w:pStyle", {qn("w:val"): chosen.style_id}))
            element.append(properties)
        paragraph = Paragraph(element, self.document._body)
        if text:
            add(paragraph, text)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        self.para(text, f"Heading {level}")

    def title_block(self, brief: Brief) -> None:
        if self.review:
            self.para(f"{REVIEW_MARK}. The comments say what the check found and what to do.", "Brief Meta")
        self.para(brief.title, "Title")
        self.para(brief.period.label, "Subtitle")
        parts = [brief.settings.unit, brief.settings.classification, f"Issued {long_date(brief.issued)}"]
        self.para(" · ".join(p for p in parts if p), "Brief Meta")

    def key_points(self, brief: Brief) -> None:
        self.heading("Key points", 1)
        if not brief.sections:
            self.para(NO_MEETINGS)
        for section in brief.sections:
            paragraph = self.para(style="List Bullet")
            add(paragraph, f"{long_date(section.meeting.date)}, {section.meeting.city}"
                           f"{' (' + DISPUTED + ')' if section.place_disputed else ''}: ", bold=True)
            add(paragraph, section.meeting.summary)
            if len(section.outlets) == 1:
                add(paragraph, f" (single source: {section.outlets[0]})", italic=True)
        if brief.single_outlet_claims:
            self.para(f"{SINGLE_OUTLET} marks a statement or commitment that rests on a single outlet.", "Brief Meta")

    def footnotes(self, paragraph: Paragraph, notes: tuple[Note, ...]) -> None:
        """The claim's notes, their markers parted by a superscript comma (two markers
        side by side read as one number: "16" and "17" as "1617"). A note that would say
        what an earlier one says refers back to it instead."""
        for index, note in enumerate(notes):
            if index:
                paragraph._p.append(self.marker_separator())
            # Word numbers notes by position, which is the order assemble numbered them in
            self.notes.add(paragraph, [f"See note {note.same_as}."] if note.same_as else note_runs(note, self.numbers))
            if not note.same_as:
                _tag_quote(self.notes.notes.part.element[-1], note)

    def marker_separator(self) -> BaseOxmlElement:
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        props.append(OxmlElement("w:rStyle", {qn("w:val"): self.notes.notes.reference_style}))
        run.append(props)
        text = OxmlElement("w:t")
        text.text = ","
        run.append(text)
        return run

    def comment(self, paragraph: Paragraph, warnings: tuple[Diagnostic, ...]) -> None:
        """A comment on the claim's words, never around its footnote references: a footnote
        inside a comment's range makes LibreOffice show the notes of the whole document
        displaced (notes 1 and 2 with note 3's text)."""
        if not (self.review and warnings):
            return  # the distribution copy, or nothing to say: no run needs looking at
        words = list(takewhile(lambda run: not run._r.xpath("./w:footnoteReference"), paragraph.runs))
        if words:
            text = "\n\n".join(review_comment(w) for w in warnings)
            comment = self.document.add_comment(words, text=text, author="briefgen check", initials="BG")
            # python-docx stamps the wall clock; the brief's moment keeps the file reproducible
            comment._comment_elm.set(qn("w:date"), self.moment.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def claim(self, label: str, cited: Cited[Statement | Commitment], due: dt.date | None = None) -> None:
        paragraph = self.para(style="List Bullet")
        add(paragraph, f"{label}: ", bold=True)
        add(paragraph, cited.item.text)
        if due:
            add(paragraph, f" (due {long_date(due)})", italic=True)
        self.footnotes(paragraph, cited.notes)
        if cited.outlets == 1:
            add(paragraph, f" {SINGLE_OUTLET}")
        self.comment(paragraph, cited.warnings)

    def meeting(self, section: Section) -> None:
        meeting = section.meeting
        self.heading(meeting.title, 1)
        place = self.para(f"{long_date(meeting.date)} · {meeting.location}"
                          + (f" ({DISPUTED})" if section.place_disputed else ""), "Meeting Place")
        self.footnotes(place, section.place_notes)
        self.comment(place, section.warnings)
        if section.follows_up:
            earlier = section.follows_up
            self.para(f"Follows up: {long_date(earlier.date)}, {earlier.city}: {earlier.title}", "Brief Meta")
        self.participants(section)
        if section.statements:
            self.heading("Key statements", 2)
            for stated in section.statements:
                self.claim(stated.item.speaker, stated)
        if section.commitments:
            self.heading("Commitments", 2)
            for cited in section.commitments:
                self.claim(", ".join(cited.item.parties), cited, cited.item.due)
        if section.source_notes:
            self.heading("Source notes", 2)
            for note in section.source_notes:
                self.para(note[:1].upper() + note[1:], "Source Note")
        if meeting.assessment:
            self.heading("Assessment", 2)
            paragraph = self.para(style="Assessment")
            add(paragraph, "Analyst assessment, not sourced fact: ", bold=True)
            add(paragraph, meeting.assessment)
        if section.previous:
            self.previous(section.previous)

    def previous(self, earlier: Earlier) -> None:
        """The closing line of a meeting of a series: the meeting before it, and what it agreed."""
        meeting = earlier.meeting
        paragraph = self.para()
        add(paragraph, "Previous meeting in this series: ", bold=True)
        add(paragraph, f"{long_date(meeting.date)}, {meeting.city}: {meeting.title}"
                          + (". It agreed:" if earlier.agreed else ""))
        for cited in earlier.agreed:
            self.claim(", ".join(cited.item.parties), cited, cited.item.due)

    def falling_due(self, brief: Brief) -> None:
        if not brief.falling_due:
            return
        self.heading("Commitments falling due", 1)
        for due in brief.falling_due:
            paragraph = self.para(style="List Bullet")
            # falling_due keeps only commitments with a due date
            when = long_date(cast(dt.date, due.commitment.due)) + (f" ({PASSED})" if due.passed else "")
            add(paragraph, f"{when}: ", bold=True)
            add(paragraph, f"{', '.join(due.commitment.parties)}: ", bold=True)  # bold as in Commitments
            add(paragraph, f"{due.commitment.text} "
                              f"(agreed {long_date(due.meeting.date)}, {due.meeting.city})")
            self.footnotes(paragraph, due.cited.notes)

    def participants(self, section: Section) -> None:
        self.heading("Participants", 2)
        element = CT_Tbl.new_tbl(1, 3, self.width)
        self.place(element)
        table = Table(element, self.document._body)
        # the reference document has one of the two styles
        table._tbl.tblStyle_val = cast(BaseStyle, self.style("Table Grid", "Normal Table")).style_id  # as table.style=, unscanned
        header = table.rows[0]
        _repeat_as_header(header)
        columns = [Emu(int(self.width * share)) for share in COLUMNS]
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, columns):
            column.w = width
        for cell, label in zip(header.cells, ("Name", "Role", "Country")):
            add(cell.paragraphs[0], label, bold=True)
        for cited in section.participants:
            row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx 1.2 leaves add_row untyped
            cells = [_Cell(tc, table) for tc in row._tr.tc_lst]  # `row.cells` lays out the whole grid
            add(cells[0].paragraphs[0], cited.item.name)
            self.footnotes(cells[0].paragraphs[0], cited.notes)
            self.comment(cells[0].paragraphs[0], cited.warnings)
            cells[1].text = cited.item.role
            cells[2].text = cited.item.country or ""
            _keep_whole(row)
        for tr in table._tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, columns):
                tc.width = width

    def sources(self, brief: Brief) -> None:
        self.heading("Sources", 1)
        for source in brief.sources:
            paragraph = self.para(style="List Number")
            add(paragraph, source.outlet, bold=True)
            if source.title:
                add(paragraph, ", ")
                add(paragraph, source.title, italic=True)
            details = [long_date(source.published)] if source.published else []
            details += [f"language: {source.language}", f"file: seeds/{source.file}"]
            add(paragraph, ", " + ", ".join(details))
            if source.url:
                add(paragraph, ", ")
                _hyperlink(paragraph, source.url, self.styles.get("Hyperlink"))


def review_comment(warning: Diagnostic) -> str:
    """A warning as a reviewer reads it: what may be wrong, what to do, and the check's
    name last (to look it up in docs/checks.md)."""
    message = warning.message[:1].upper() + warning.message[1:]
    hint = warning.hint[:1].upper() + warning.hint[1:]
    return f"{message.rstrip('.')}.\nWhat to do: {hint.rstrip('.')}.\n(briefgen check: {warning.code})"


def add(paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """Append a run of text to a paragraph (directly: see run_element)."""
    paragraph._p.append(run_element(text, bold, italic))


def note_runs(note: Note, numbers: dict[str, int]) -> list[TextRun]:
    """A citation as footnote text: the source's number in the list of sources (which
    gives its outlet, title and date once), the seed file and line, the quoted words."""
    runs: list[TextRun] = [f"Source {numbers[note.source.id]}, {note.seed_path}, line {note.evidence.line}: ",
                           quotation(note.citation.quote)]
    if note.translated_in_text:
        runs.append(f" ({TRANSLATED})")
    elif note.citation.translation:
        runs += [" (translation: ", (quotation(note.citation.translation), {"italic": True}), ")"]
    return runs


# The language tag of a source's `language` where the code alone names no region Word
# proofs: ru-RU, as the issue of Russian runs marked misspelt in an en-US document asked.
LANGUAGE_TAGS = {"ru": "ru-RU", "kk": "kk-KZ", "ky": "ky-KG", "uz": "uz-Latn-UZ", "tg": "tg-Cyrl-TJ",
                 "tk": "tk-TM", "en": "en-US", "zh": "zh-CN", "fa": "fa-IR", "tr": "tr-TR"}
DOCUMENT_LANGUAGE = "en-US"  # templates/reference.docx's default


def _set_language(run: BaseOxmlElement, tag: str) -> None:
    """Tag a run's language (w:lang ends w:rPr here: the schema puts it after b and i)."""
    props = run.find(qn("w:rPr"))
    if props is None:
        props = OxmlElement("w:rPr")
        run.insert(0, props)
    props.append(OxmlElement("w:lang", {qn("w:val"): tag}))


def _tag_quote(footnote: BaseOxmlElement, note: Note) -> None:
    """Mark a note's quoted words in their source's language, so that Word proofs them in
    it and a screen reader reads them so."""
    tag = LANGUAGE_TAGS.get(note.source.language, note.source.language)
    if tag == DOCUMENT_LANGUAGE:
        return
    quoted = quotation(note.citation.quote)
    for run in footnote.iter(qn("w:r")):
        if _run_text(run) == quoted:
            _set_language(run, tag)


def _tag_cyrillic(body: BaseOxmlElement) -> None:
    """Mark the body's runs written in Cyrillic (a name or title typed so) as Russian."""
    for run in body.iter(qn("w:r")):
        if is_cyrillic(_run_text(run)) and run.find(f"{qn('w:rPr')}/{qn('w:lang')}") is None:
            _set_language(run, LANGUAGE_TAGS["ru"])


def _run_text(run: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in run.iter(qn("w:t")))


# Name, Role, Country: the role is the longest text (30 words in the shipped data), the
# country one word; equal thirds wrapped a role over ten lines.
COLUMNS = (0.3, 0.5, 0.2)


def _keep_whole(row: _Row) -> None:
    """Keep a participant's row on one page (w:cantSplit): a row broken between pages
    parts a name from its role."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_as_header(row: _Row) -> None:
    """Mark a table row to repeat at the top of every page the table runs onto."""
    # a bare w:tblHeader is on (ST_OnOff's default); w:val="true" is transitional-only
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _hyperlink(paragraph: Paragraph, url: str, style: BaseStyle | None = None) -> None:
    """An external link (python-docx has no API for one): a relationship and a w:hyperlink,
    in the reference document's Hyperlink style when it has one."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    if style is not None:
        props = OxmlElement("w:rPr")
        props.append(OxmlElement("w:rStyle", {qn("w:val"): style.style_id}))
        run.append(props)
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def reproducible_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same archive with every entry stamped `moment` (not the time of writing)."""
    stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()

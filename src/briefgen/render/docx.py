"""Brief -> Word (.docx) with python-docx.

Citations are numbered superscript markers; the "Notes" section gives for each the
outlet, title, seed file and line, and the quoted words (original and translation), so
a reader holding only the .docx sees what every sentence rests on. The file is
byte-reproducible: fixed core properties and zip entry timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from ..assemble import SINGLE_OUTLET, Brief, Cited, Note, Section, long_date


def render(brief: Brief, moment: dt.datetime) -> bytes:
    """The .docx bytes; `moment` stamps the document properties and zip entries."""
    import docx

    document = docx.Document()
    _properties(document, brief, moment)
    document.sections[0].header.paragraphs[0].text = brief.settings.classification
    _title_block(document, brief)
    _key_points(document, brief)
    for section in brief.sections:
        _meeting(document, section)
    _sources(document, brief)
    _notes(document, brief)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


def _properties(document, brief: Brief, moment: dt.datetime) -> None:
    props = document.core_properties
    props.title = brief.settings.title
    props.subject = brief.period.label
    props.author = brief.settings.unit or "briefgen"
    props.last_modified_by = brief.settings.unit or "briefgen"
    props.keywords = ", ".join(brief.tags)
    props.comments = ""
    props.category = brief.settings.classification
    props.revision = 1
    props.created = props.modified = props.last_printed = moment.replace(tzinfo=None)


def _title_block(document, brief: Brief) -> None:
    document.add_paragraph(brief.settings.title, style="Title")
    document.add_paragraph(brief.period.label, style="Subtitle")
    line = " · ".join(x for x in (brief.settings.unit, brief.settings.classification,
                                  f"Issued {long_date(brief.issued)}") if x)
    document.add_paragraph(line)


def _key_points(document, brief: Brief) -> None:
    document.add_heading("Key points", level=1)
    for section in brief.sections:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{long_date(section.meeting.date)}, {section.meeting.city}: ").bold = True
        paragraph.add_run(section.meeting.summary)
        if len(section.outlets) == 1:
            paragraph.add_run(f" (single source: {section.outlets[0]})").italic = True
    if brief.single_outlet_claims:
        document.add_paragraph(f"{SINGLE_OUTLET} marks a statement or commitment that rests on a single outlet.")


def _refs(paragraph, notes: tuple[Note, ...]) -> None:
    if notes:
        run = paragraph.add_run(",".join(str(n.number) for n in notes))
        run.font.superscript = True


def _claim(paragraph, cited: Cited) -> None:
    """The citation markers of a statement or commitment, and the single-outlet mark."""
    _refs(paragraph, cited.notes)
    if cited.outlets == 1:
        paragraph.add_run(f" {SINGLE_OUTLET}")


def _meeting(document, section: Section) -> None:
    meeting = section.meeting
    document.add_heading(meeting.title, level=1)
    place = document.add_paragraph()
    place.add_run(f"{long_date(meeting.date)} · {meeting.location}").italic = True
    _refs(place, section.place_notes)

    document.add_heading("Participants", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("Name", "Role", "Country")):
        cell.paragraphs[0].add_run(label).bold = True
    for cited in section.participants:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(cited.item.name)
        _refs(cells[0].paragraphs[0], cited.notes)
        cells[1].text = cited.item.role
        cells[2].text = cited.item.country or ""

    if section.statements:
        document.add_heading("Key statements", level=2)
        for cited in section.statements:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{cited.item.speaker}: ").bold = True
            paragraph.add_run(cited.item.text)
            _claim(paragraph, cited)

    if section.commitments:
        document.add_heading("Commitments", level=2)
        for cited in section.commitments:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(", ".join(cited.item.parties) + ": ").bold = True
            paragraph.add_run(cited.item.text)
            if cited.item.due:
                paragraph.add_run(f" (due {long_date(cited.item.due)})").italic = True
            _claim(paragraph, cited)

    if section.source_notes:
        document.add_heading("Source notes", level=2)
        for note in section.source_notes:
            document.add_paragraph(note[:1].upper() + note[1:], style="List Bullet")

    if meeting.assessment:
        document.add_heading("Assessment", level=2)
        paragraph = document.add_paragraph()
        paragraph.add_run("Analyst assessment, not sourced fact: ").bold = True
        paragraph.add_run(meeting.assessment).italic = True


def _sources(document, brief: Brief) -> None:
    document.add_heading("Sources", level=1)
    for source in brief.sources:
        parts = [source.outlet]
        if source.title:
            parts.append(f"“{source.title}”")
        if source.published:
            parts.append(long_date(source.published))
        parts.append(f"language: {source.language}")
        parts.append(f"seeds/{source.file}")
        if source.url:
            parts.append(source.url)
        document.add_paragraph(", ".join(parts), style="List Number")


def _notes(document, brief: Brief) -> None:
    document.add_heading("Notes", level=1)
    for note in brief.notes:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"[{note.number}] ").bold = True
        paragraph.add_run(note_text(note))


def note_text(note: Note) -> str:
    """A citation in words: outlet, title, seed file and line, the quoted words."""
    source = note.source
    parts = [source.outlet]
    if source.title:
        parts.append(f"“{source.title}”")
    if source.published:
        parts.append(long_date(source.published))
    parts.append(f"{note.seed_path}, line {note.evidence.line}")
    text = ", ".join(parts) + f": “{' '.join(note.citation.quote.split())}”"
    if note.citation.translation:
        text += f" (translation: “{' '.join(note.citation.translation.split())}”)"
    return text


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

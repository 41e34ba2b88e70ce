"""Real Word footnotes for python-docx documents, laid out the way pandoc's docx writer does.

python-docx (1.2) has no footnote API, so the brief's citations would otherwise be plain
superscript numbers pointing at a hand-made "Notes" list. A real footnote is two halves
tied together by a number: a `w:footnoteReference` run in the body text, and a
`w:footnote` element in the `/word/footnotes.xml` part that Word, LibreOffice and
pandoc render at the foot of the page and renumber on their own.

Usage::

    from briefgen.render.footnotes import add_footnote

    paragraph = document.add_paragraph("The ministers met in Astana.")
    add_footnote(paragraph, [("Kazinform, ", {}), ("“quoted words”", {"italic": True})])

`add_footnote` prepares the document itself; call `prepare_footnotes` directly only to
set up the part and styles before any footnote exists (it is idempotent).

Everything goes through python-docx's OPC layer (`Part`/`XmlPart`, `relate_to`) and
lxml element building, so text never needs hand escaping and the package's
`[Content_Types].xml` and relationships are written by python-docx itself. Footnote
ids are sequential (max existing id + 1), never random, so output stays reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple, Union, cast

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.text.font import Font
from docx.text.paragraph import Paragraph

__all__ = ["RUN_FLAGS", "Footnotes", "TextRun", "add_footnote", "prepare_footnotes", "run_element"]

#: One piece of footnote text: a plain string, or (text, flags) where flags maps names
#: from RUN_FLAGS to booleans, e.g. ("quoted words", {"italic": True}).
TextRun = Union[str, tuple[str, Mapping[str, bool]]]

#: Flags a TextRun may set; each is the python-docx `Font` attribute of the same name,
#: so python-docx, not this module, knows where `w:i`, `w:b`... go inside `w:rPr`.
RUN_FLAGS = frozenset({"bold", "italic", "underline", "small_caps", "strike"})

FOOTNOTES_PARTNAME = "/word/footnotes.xml"

# Word and pandoc both start footnotes.xml with these two pseudo-footnotes: the rule
# drawn above the notes, and the longer rule used when a note continues on the next page.
_EMPTY_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

# Word's built-in definitions minus any font or size: those come from the template's
# Normal style (or from a reference .docx that already defines these styles).
_FOOTNOTE_TEXT_STYLE_XML = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
    '<w:name w:val="footnote text"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "</w:style>"
)
_FOOTNOTE_REFERENCE_STYLE_XML = (
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    "</w:style>"
)

# Children of w:settings that the schema places after w:footnotePr (ECMA-376 CT_Settings).
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
    "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


class _Footnotes(NamedTuple):
    """What `add_footnote` needs: the part to write into and the style ids to use."""

    part: XmlPart
    text_style: str
    reference_style: str


def prepare_footnotes(document: Document) -> XmlPart:
    """Make `document` ready for footnotes and return its footnotes part.

    Safe to call any number of times: an existing footnotes part (say, from a reference
    .docx saved by Word) is reused, and the two styles are added only when missing.
    """
    return _prepare(document.part).part


class Footnotes:
    """The footnotes of one document, prepared once, so each note costs the same however many there are."""

    def __init__(self, document: Document) -> None:
        self.document_part = document.part
        self.notes = _prepare(self.document_part)
        self.next_id = _next_footnote_id(self.notes.part.element)

    def add(self, paragraph: Paragraph, text_runs: Sequence[TextRun]) -> int:
        """Append a footnote reference to `paragraph` and the note itself; return its id.

        `text_runs` is the note's text, e.g. `[("Kazinform, ", {}), ("words", {"italic":
        True})]`; a bare string stands for `(string, {})`. Tabs and newlines become
        `w:tab` and `w:br` as with python-docx's `Run.text`. Only body paragraphs
        (including table cells) can carry footnotes: Word has none in headers, footers
        or comments.
        """
        if paragraph.part is not self.document_part:
            raise ValueError("footnotes can only be added to paragraphs of the document body")
        runs = [_text_run(item) for item in text_runs]  # validate before changing anything
        footnote_id = self.next_id
        self.notes.part.element.append(_footnote(footnote_id, runs, self.notes))
        self.next_id += 1
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        props.append(OxmlElement("w:rStyle", {qn("w:val"): self.notes.reference_style}))
        run.append(props)
        run.append(OxmlElement("w:footnoteReference", {qn("w:id"): str(footnote_id)}))
        paragraph._p.append(run)
        return footnote_id


def add_footnote(paragraph: Paragraph, text_runs: Sequence[TextRun]) -> int:
    """One footnote (see `Footnotes.add`); for many, make one `Footnotes` and add to it."""
    if not isinstance(paragraph.part, DocumentPart):
        raise ValueError("footnotes can only be added to paragraphs of the document body")
    for item in text_runs:  # refuse bad flags before the document gains a footnotes part
        _text_run(item)
    return Footnotes(paragraph.part.document).add(paragraph, text_runs)


def _prepare(document_part: DocumentPart) -> _Footnotes:
    """Footnotes part plus style ids, creating whatever the document lacks."""
    styles = document_part.styles.element
    text_style = _ensure_style(styles, "paragraph", _FOOTNOTE_TEXT_STYLE_XML)
    reference_style = _ensure_style(styles, "character", _FOOTNOTE_REFERENCE_STYLE_XML)
    return _Footnotes(_footnotes_part(document_part), text_style, reference_style)


def _footnotes_part(document_part: DocumentPart) -> XmlPart:
    """The document's footnotes part as an XmlPart, created if there is none."""
    try:
        part = document_part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return _new_footnotes_part(document_part)
    if isinstance(part, XmlPart):
        return part
    return _as_xml_part(document_part, part)


def _new_footnotes_part(document_part: DocumentPart) -> XmlPart:
    """Create, relate and register (in settings) an empty footnotes part."""
    element = parse_xml(_EMPTY_FOOTNOTES_XML)
    part = XmlPart(PackURI(FOOTNOTES_PARTNAME), CT.WML_FOOTNOTES, element, document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    _ensure_footnote_pr(document_part.settings.element)
    return part


def _as_xml_part(document_part: DocumentPart, part: Part) -> XmlPart:
    """Swap a loaded footnotes part for an editable XmlPart with the same name and rels.

    python-docx registers no class for footnotes, so a footnotes.xml read from a file
    arrives as an opaque `Part` whose bytes cannot be edited in place.
    """
    xml_part: XmlPart = XmlPart.load(part.partname, part.content_type, part.blob, part.package)
    for rId, rel in part.rels.items():
        target = rel.target_ref if rel.is_external else rel.target_part
        xml_part.rels.add_relationship(rel.reltype, target, rId, rel.is_external)
    for rId, rel in list(document_part.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external and rel.target_part is part:
            document_part.rels.add_relationship(RT.FOOTNOTES, xml_part, rId)
    return xml_part


def _ensure_style(styles: BaseOxmlElement, style_type: str, style_xml: str) -> str:
    """Id of the style defined by `style_xml`, adding that definition only if missing.

    A style counts as present when its id or (case-insensitively) its name matches:
    Word in some languages gives the built-in "footnote text" an id such as "a5", and a
    second style with the same built-in name would confuse Word.
    """
    wanted = parse_xml(style_xml)
    style_id: str = wanted.get(qn("w:styleId"))
    name = wanted.find(qn("w:name")).get(qn("w:val"))
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) != style_type:
            continue
        name_el = style.find(qn("w:name"))
        this_name = name_el.get(qn("w:val"), "") if name_el is not None else ""
        if style.get(qn("w:styleId")) == style_id or this_name.casefold() == name.casefold():
            return cast(str, style.get(qn("w:styleId")))
    _base_on_default(styles, wanted, style_type)
    styles.append(wanted)
    return style_id


def _base_on_default(styles: BaseOxmlElement, style: BaseOxmlElement, style_type: str) -> None:
    """Base a new style on the document's default style of its type, so it inherits
    the template's font rather than one hard-coded here."""
    for candidate in styles.iterchildren(qn("w:style")):
        is_default = candidate.get(qn("w:default")) in ("1", "true", "on")
        if candidate.get(qn("w:type")) == style_type and is_default:
            based_on = OxmlElement("w:basedOn", {qn("w:val"): candidate.get(qn("w:styleId"))})
            style.find(qn("w:name")).addnext(based_on)
            return


def _ensure_footnote_pr(settings: BaseOxmlElement) -> None:
    """Point settings at the separator notes, as Word and pandoc do, unless already set."""
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = OxmlElement("w:footnotePr")
    for separator_id in ("-1", "0"):
        footnote_pr.append(OxmlElement("w:footnote", {qn("w:id"): separator_id}))
    settings.insert_element_before(footnote_pr, *_SETTINGS_AFTER_FOOTNOTEPR)


def _next_footnote_id(footnotes: BaseOxmlElement) -> int:
    """One past the largest id in use (at least 1): deterministic, and safe with parts
    from Word versions that number their separators 0 and 1."""
    ids = [int(f.get(qn("w:id"))) for f in footnotes.iterchildren(qn("w:footnote"))]
    return max([0, *ids]) + 1


def _footnote(footnote_id: int, runs: list[CT_R], footnotes: _Footnotes) -> BaseOxmlElement:
    """`<w:footnote>`: the pandoc layout of styled footnoteRef mark, a space, the text."""
    paragraph = OxmlElement("w:p")
    paragraph.get_or_add_pPr().style = footnotes.text_style
    mark = paragraph.add_r()
    mark.style = footnotes.reference_style
    mark.append(OxmlElement("w:footnoteRef"))
    paragraph.add_r().text = " "
    for run in runs:
        paragraph.append(run)
    footnote = OxmlElement("w:footnote", {qn("w:id"): str(footnote_id)})
    footnote.append(paragraph)
    return footnote


def run_element(text: str, bold: bool = False, italic: bool = False) -> CT_R:
    """A `<w:r>` of plain text, built directly: python-docx's `Run.text` examines every
    character for tabs and breaks, which a brief of thousands of notes pays dearly for."""
    run = OxmlElement("w:r")
    if bold or italic:
        props = OxmlElement("w:rPr")
        for flag, on in (("w:b", bold), ("w:i", italic)):  # the schema's order: b before i
            if on:
                props.append(OxmlElement(flag))
        run.append(props)
    if any(c in text for c in "\t\n\r"):
        run.text = text  # python-docx turns these into w:tab and w:br
        return run
    element = OxmlElement("w:t")
    element.text = text
    if text != text.strip():
        element.set(qn("xml:space"), "preserve")
    run.append(element)
    return run


def _text_run(item: TextRun) -> CT_R:
    """A `<w:r>` for one TextRun; unknown flags raise, so a typo cannot pass silently."""
    text, flags = (item, {}) if isinstance(item, str) else item
    unknown = set(flags) - RUN_FLAGS
    if unknown:
        raise ValueError(f"unknown footnote run flags {sorted(unknown)}; use {sorted(RUN_FLAGS)}")
    if set(flags) <= {"bold", "italic"}:
        return run_element(text, bool(flags.get("bold")), bool(flags.get("italic")))
    run = OxmlElement("w:r")
    run.text = text
    font = Font(run)
    for flag, value in flags.items():
        setattr(font, flag, bool(value))
    return run

"""Make templates/reference.docx, the house style of the Word brief.

Run once (`python tools/make_reference_docx.py`); afterwards staff edit
templates/reference.docx in Word: briefgen takes its styles, page size, margins, header
and footer, and never sets a font itself. In the header and footer, `{classification}`,
`{title}`, `{unit}` and `{period}` are replaced by the brief's values; the footer holds
"Page X of Y" as PAGE and NUMPAGES fields.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from briefgen.render._footnotes import prepare_footnotes

OUT = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
GREY = RGBColor(0x55, 0x5B, 0x66)


def field(paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay out pages."""
    element = OxmlElement("w:fldSimple")
    element.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    element.append(run)
    paragraph._p.append(element)


def paragraph_style(styles, name: str, base: str, size: float, **font) -> None:
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.font.size = Pt(size)
    for key, value in font.items():
        setattr(style.font, key, value)


FONT = "Arial"
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>briefgen</Application><DocSecurity>0</DocSecurity><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
).encode()


def house_font(styles_element) -> None:
    """Every style and the document defaults in the house font: python-docx's template
    points the headings and defaults at the theme's fonts (w:asciiTheme...), which win over
    a named font, so Word showed Calibri and LibreOffice a wide fallback."""
    for fonts in styles_element.iter(qn("w:rFonts")):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), FONT)


def comment_styles(styles) -> None:
    """The styles python-docx's comments refer to (CommentText, CommentReference): without
    them Word repairs the review copy."""
    text = styles.add_style("annotation text", WD_STYLE_TYPE.PARAGRAPH)
    text.element.styleId = "CommentText"
    text.base_style = styles["Normal"]
    text.font.size = Pt(9)
    mark = styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
    mark.element.styleId = "CommentReference"
    mark.font.size = Pt(8)


def clean_package(document) -> None:
    """Leave nothing of python-docx's default template that describes another document:
    its thumbnail, its extended properties ("Microsoft Macintosh Word", 1 page, 0 words),
    its last-printed date, its sample bibliography (customXml), and stylesWithEffects.xml (Word 2010's copy of the styles,
    which would disagree with ours and make Word repair the file); and open in Word's
    current mode (compatibilityMode 15), not Compatibility Mode."""
    package = document.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rId)
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):  # customXml: a sample bibliography
            document.part.rels.pop(rId)
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML
    core = document.core_properties._element
    for printed in core.findall(qn("cp:lastPrinted")):
        core.remove(printed)
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def main() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)

    styles = document.styles
    styles["Normal"].font.name = FONT
    styles["Normal"].font.size = Pt(10.5)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 22), ("Subtitle", 13), ("Heading 1", 15), ("Heading 2", 12)):
        styles[name].font.name = FONT
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = NAVY
    styles["Subtitle"].font.italic = False
    paragraph_style(styles, "Brief Meta", "Normal", 9)
    styles["Brief Meta"].font.color.rgb = GREY
    paragraph_style(styles, "Meeting Place", "Normal", 10, italic=True)
    paragraph_style(styles, "Assessment", "Normal", 10, italic=True)
    styles["Assessment"].paragraph_format.left_indent = Cm(0.6)
    paragraph_style(styles, "Source Note", "Normal", 9.5)
    styles["Source Note"].paragraph_format.left_indent = Cm(0.6)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    styles["Header"].font.size = Pt(9)
    styles["Header"].font.bold = True
    styles["Footer"].font.size = Pt(8.5)
    styles["Footer"].font.color.rgb = GREY

    header = section.header.paragraphs[0]
    header.text = "{classification}"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{title} · {period} · Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")

    prepare_footnotes(document)
    styles["footnote text"].font.size = Pt(8.5)
    comment_styles(styles)
    house_font(styles.element)
    clean_package(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.title = "briefgen house style"
    document.core_properties.author = "briefgen"
    document.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

"""Statement candidates: quoted speech, and sentences reporting what someone said, each
with the speaker `check` would find near it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import SourceText
from ..text import contains_words, normal
from .people import Person
from .sentences import Sentence

SPEECH = re.compile(
    r"\b(?:said|says|stressed|noted|emphasi[sz]ed|stated|underlined|underscored|highlighted|called for|called on|"
    r"urged|warned|proposed|insisted|pointed out|recalled|reiterated|affirmed|concluded|expressed|expressing|"
    r"announced|declared|added)\b|"
    r"(?:сказал|заявил|подчеркнул|отметил|считает|заключил|призвал|предложил)", re.IGNORECASE)
LEAD_QUOTE = re.compile(r"^\s*[\"“«„](?P<q>.+)[\"”»“],?\s*[-–—]\s")
PAIRED = re.compile(r"\"(?P<a>[^\"]+)\"|“(?P<b>[^”]+)”|«(?P<c>[^»]+)»|„(?P<d>[^“”]+)[“”]")
MIN_WORDS = 5


@dataclass(frozen=True)
class Said:
    """A statement candidate: the quote, and who said it (`sure`: named close enough for `check`)."""

    source: str
    line: int
    quote: str
    speaker: str | None
    sure: bool


def quotations(raw: str) -> list[tuple[int, int, str]]:
    """Quoted speech in a paragraph: (start, end, inner text) of each quotation of five words or more."""
    lead = LEAD_QUOTE.match(raw)
    matches = [(lead.start("q"), lead.end("q"), lead["q"])] if lead else [
        (m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in PAIRED.finditer(raw)]
    found = []
    for start, end, inner in matches:
        text = inner.strip().rstrip(",;:").rstrip()
        if len(text.split()) >= MIN_WORDS:
            found.append((start, end, text))
    return found


class Speakers:
    """Who is named where in one source, so that a statement finds its speaker as `check` would."""

    def __init__(self, text: SourceText, persons: list[Person]) -> None:
        self.text = text
        self.terms = [(p.name, p.model.terms()) for p in persons]

    def first_in(self, words: str) -> str | None:
        folded = normal(words)
        hits = [(min(folded.find(t) for t in ts if contains_words(folded, t)), name)
                for name, ts in self.terms if any(contains_words(folded, t) for t in ts)]
        return min(hits)[1] if hits else None

    def last_in(self, words: str) -> str | None:
        folded = normal(words)
        hits = [(max(folded.rfind(t) for t in ts if contains_words(folded, t)), name)
                for name, ts in self.terms if any(contains_words(folded, t) for t in ts)]
        return max(hits)[1] if hits else None

    def find(self, line: int, inside: str, before: str) -> tuple[str | None, bool]:
        """The speaker named in the statement, else earlier in its paragraph, else in the
        paragraph before (sure); else the last one named earlier in the article (to check)."""
        index = next(i for i, p in enumerate(self.text.paragraphs) if p.line == line)
        previous = self.text.paragraphs[index - 1].raw if index else ""
        for name in (self.first_in(inside), self.last_in(before), self.last_in(previous)):
            if name:
                return name, True
        earlier = " ".join(p.raw for p in self.text.paragraphs[:index])
        return self.last_in(earlier), False


def speech(text: SourceText, found: list[Sentence], persons: list[Person]) -> list[Said]:
    """Quoted speech, and sentences reporting what someone said, in reading order."""
    speakers = Speakers(text, persons)
    said: list[Said] = []
    quoted: dict[int, list[tuple[int, int]]] = {}
    for paragraph in text.paragraphs:
        for start, end, inner in quotations(paragraph.raw):
            quoted.setdefault(paragraph.line, []).append((start, end))
            outside = paragraph.raw[end:]
            speaker, sure = speakers.find(paragraph.line, outside, paragraph.raw[:start])
            said.append(Said(text.source.id, paragraph.line, inner, speaker, sure))
    for sentence in found:
        if sentence.source != text.source.id or not SPEECH.search(sentence.text):
            continue
        if len(sentence.text.split()) < MIN_WORDS + 1 or overlaps(sentence, quoted.get(sentence.line, [])):
            continue
        paragraph = next(p for p in text.paragraphs if p.line == sentence.line)
        speaker, sure = speakers.find(sentence.line, sentence.text, paragraph.raw[:sentence.start])
        said.append(Said(text.source.id, sentence.line, sentence.text, speaker, sure))
    return sorted(said, key=lambda s: s.line)


def overlaps(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    end = sentence.start + len(sentence.text)
    return any(start < end and sentence.start < stop for start, stop in spans)

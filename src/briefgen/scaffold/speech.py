"""Statement candidates: quoted speech, and whole sentences reporting what someone said,
each given to the subject of its speech verb ("Zhang Ming stated that ..." is Zhang Ming's,
"the press service said ..." the press service's, not the head of state's it speaks for),
with the words that attribute it (the frame) for the officer to judge. The same point
reported by two sources is one candidate with both quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import Paragraph, SourceText
from ..text import fold, names_in, normal
from ..vocabulary.discourse import REPORTING
from .people import Person, one_word
from .sentences import Sentence

LEAD_QUOTE = re.compile(r"^\s*[\"“«„](?P<q>.+)[\"”»“],?\s*[-–—]\s")
PAIRED = re.compile(r"\"(?P<a>[^\"]+)\"|“(?P<b>[^”]+)”|«(?P<c>[^»]+)»|„(?P<d>[^“”]+)[“”]")
WHOLE = re.compile(r"[.!?…\"”»]$")  # a sentence that ends, not one cut off or leading into a quote
PRONOUN = re.compile(r"\b(?:he|she|они|он|она)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_WORDS = 5
AUXILIARY = re.compile(r"\b(?:has|have|had|was|were|is|also|then|again|further|также|еще|вновь)\b", re.IGNORECASE)
INVERTED_WORDS = 5  # words after a verb that ends a sentence: ", считает глава государства", ", he said"
FRAME_WORDS = 6  # the words before a speech verb shown as the frame: "the Akorda press service said"
LEADS_IN = 15  # characters between a speech verb and the quotation it leads into: " that", ", stating:"
NEAR = 120  # characters around a quotation its frame stands in (reading the whole paragraph for each
            # of 1,000 quotations in one paragraph took 17 s)
INVERTED_SUBJECT = 6  # words before a verb that follows a quotation: `," the Russian Security Council said`


@dataclass(frozen=True)
class Said:
    """A statement candidate's quote, who said it, and the words that say so.

    `speaker` is a participant; `sure` when named close enough for `check`; `by` the
    frame's subject when it is no participant ("the press service")."""

    source: str
    line: int
    quote: str
    speaker: str | None
    sure: bool
    frame: str
    by: str | None = None


def verbs(raw: str) -> list[tuple[int, int]]:
    """Where a text has a verb of reporting (the house's speech verbs, and those that
    report a position: `thanked`, `proposed`), as offsets in the text itself."""
    folded = fold(raw)
    return [folded.span(m.start(), m.end()) for m in REPORTING.finditer(folded.text)]


class Speakers:
    """Who is named where in one source, so that a statement finds its speaker as `check` would."""

    def __init__(self, text: SourceText, persons: list[Person]) -> None:
        self.text = text
        self.terms = [(p.name, p.model.terms()) for p in persons]

    def named(self, words: str) -> list[tuple[int, str]]:
        """Where each participant is named in `words`: (position of the last naming, name)."""
        folded = normal(words)
        found = [([last_at(folded, t) for t in terms if names_in(folded, t)], name) for name, terms in self.terms]
        return [(max(positions), name) for positions, name in found if positions]

    def last_in(self, words: str) -> str | None:
        hits = self.named(words)
        return max(hits)[1] if hits else None

    def subject(self, frame: str, index: int, offset: int) -> tuple[str | None, bool, str | None]:
        """The speaker a frame names (the participant nearest its verb), a pronoun's
        antecedent (named before `offset` in the index-th paragraph), else nobody and the
        frame's own subject."""
        speaker = self.last_in(frame)
        if speaker:
            return speaker, True, None
        if PRONOUN.search(frame) or not frame.strip():
            return self.earlier(index, offset)
        for start, end in reversed(verbs(frame)):  # the frame's subject, without its verb
            frame = frame[:start] + " " + frame[end:]
        words = WORD.findall(frame)
        return None, False, " ".join(words[-FRAME_WORDS:]) or None

    def earlier(self, index: int, offset: int) -> tuple[str | None, bool, None]:
        """The last participant named before `offset` in the index-th paragraph: sure when
        in that paragraph or the one before ("Zhang Ming acknowledged ... He highly
        appreciated ..." is Zhang Ming's, whoever the paragraph names after it)."""
        paragraphs = self.text.paragraphs
        here = paragraphs[index].raw[:offset]
        near = self.last_in(" ".join([*(p.raw for p in paragraphs[max(0, index - 1):index]), here]))
        if near:
            return near, True, None
        return self.last_in(" ".join([*(p.raw for p in paragraphs[:index]), here])), False, None


def last_at(folded: str, term: str) -> int:
    """Where a term last begins in a text: as written, else its first word in any case or
    script ("Касым-Жомартом Токаевым" for `Kassym-Jomart Tokayev`)."""
    found = folded.rfind(term)
    if found >= 0 or not term.strip():
        return found
    first = term.split()[0]
    for match in reversed(list(WORD.finditer(folded))):
        if one_word(match.group(), first):
            return match.start()
    return -1


def quotations(paragraphs: list[Paragraph], index: int) -> list[tuple[int, int, str, str]]:
    """Quoted speech in a paragraph, each with its frame (the words around the quote that
    say who spoke): (start, end, inner text, frame). A quotation without a speech verb
    around it is a name or a slogan ("focusing on “Strengthening Multilateral Dialogue”"),
    no statement; a paragraph that is one quotation takes its frame from the paragraph
    before when that ends leading into it ("..., stating," or without a full stop)."""
    raw = paragraphs[index].raw
    lead = LEAD_QUOTE.match(raw)
    matches = [(lead.start("q"), lead.end("q"), lead["q"])] if lead else [
        (m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in PAIRED.finditer(raw)]
    found: list[tuple[int, int, str, str]] = []
    for start, end, inner in matches:
        text = inner.strip().rstrip(",;:").rstrip()
        if len(text.split()) < MIN_WORDS:
            continue
        before, after = raw[max(0, start - NEAR):start].strip(), raw[end:end + NEAR].strip(" ,.-–—\"”»")
        inverted = inner.rstrip().endswith(",") or re.match(r"[\"”»“]?\s*[,–—-]", raw[end:]) is not None
        frame = frame_of(before, after if inverted else "")
        if frame is None and not raw[:start].strip() and not raw[end:].strip(" ,.-–—\"”»") and index:
            frame = leading_into(paragraphs[index - 1].raw.strip())
        if frame is None and found and verbs(between := raw[found[-1][1]:start]) and len(between) <= NEAR:
            frame = found[-1][3]  # `"...," the Council said. "...` goes on with the same speaker
        if frame is not None:
            found.append((start, end, text, frame))
    return found


def frame_of(before: str, after: str) -> str | None:
    """The attributing words of a quotation: `said the president` after it (the subject
    follows an inverted verb), else the clause before it ending in a speech verb ("he
    said:", "stating,"; not "focusing on", which names a slogan)."""
    following = verbs(after)
    if following and len(after[:following[0][0]].split()) <= INVERTED_SUBJECT:
        return after[:following[0][1] + 40].split(".")[0]
    clause = last_sentence(before)
    found = verbs(clause)
    ends = re.search(r"[.!?][\"”»]?$", clause) is not None  # a sentence that ended frames the words before it
    return clause if found and not ends and len(clause) - found[-1][1] <= LEADS_IN else None


def leading_into(previous: str) -> str | None:
    """The frame a paragraph that ends without a full stop ("..., stating,", "He
    highlighted ... drug trafficking") gives the quotation after it: its last sentence,
    when that has a speech verb."""
    if WHOLE.search(previous):
        return None
    clause = last_sentence(previous)
    return clause if verbs(clause) else None


def last_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text)[-1]


def speech(text: SourceText, found: list[Sentence], persons: list[Person]) -> list[Said]:
    """Quoted speech, and whole sentences reporting what someone said, in reading order."""
    speakers = Speakers(text, persons)
    own = [s for s in found if s.source == text.source.id]
    kept = {s.line for s in own}
    said: list[Said] = []
    quoted: dict[int, list[tuple[int, int]]] = {}
    indices = {p.line: i for i, p in enumerate(text.paragraphs)}
    for index, paragraph in enumerate(text.paragraphs):
        if paragraph.line not in kept:
            continue  # boilerplate, or about another event
        for start, end, inner, frame in quotations(text.paragraphs, index):
            quoted.setdefault(paragraph.line, []).append((start, end))
            said.append(attributed(text.source.id, paragraph.line, inner, frame, speakers.subject(frame, index, start)))
    for paragraph_sentences in paragraphs_of(own):
        line = paragraph_sentences[0].line
        index = indices[line]
        for run in runs(paragraph_sentences, quoted.get(line, []), speakers, index):
            first, last, frame, subject = run
            quote = text.paragraphs[index].raw[first.start:last.start + len(last.text)]
            said.append(attributed(text.source.id, line, quote, frame, subject))
    return sorted(said, key=lambda s: s.line)


def paragraphs_of(found: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped by paragraph, in reading order."""
    groups: dict[int, list[Sentence]] = {}
    for sentence in found:
        groups.setdefault(sentence.line, []).append(sentence)
    return list(groups.values())


Run = tuple[Sentence, Sentence, str, tuple[str | None, bool, str | None]]


def runs(found: list[Sentence], quoted: list[tuple[int, int]], speakers: Speakers, index: int) -> list[Run]:
    """A paragraph's reported speech as runs of whole sentences: a sentence with a speech
    verb, and those after it that carry on what was said ("The Head of State noted the
    dialogue embarked on a new level. Trade ... is expanding."), until another speaker,
    a quotation or a sentence that does not end."""
    found_runs: list[Run] = []
    current: Run | None = None
    for sentence in found:
        spans = verbs(sentence.text)
        if reported(sentence, spans, quoted):
            frame, words = reporting(sentence.text, spans[0])
            subject = speakers.subject(words, index, sentence.start)
            if current and current[3][0] == subject[0] and subject[0] is not None:
                current = (current[0], sentence, current[2], current[3])
            else:
                found_runs += [current] if current else []
                current = (sentence, sentence, frame, subject)
        elif current and WHOLE.search(sentence.text) and not spans and not overlaps(sentence, quoted):
            current = (current[0], sentence, current[2], current[3])
        else:
            found_runs += [current] if current else []
            current = None
    return found_runs + ([current] if current else [])


def reporting(sentence: str, verb: tuple[int, int]) -> tuple[str, str]:
    """A reported sentence's frame (the clause of its speech verb) and the words that hold
    the verb's subject: the clause before the verb ("..., the ministry's press service
    said" is the press service's, though the sentence names the ministers), or the words
    after it when the verb follows the reported words ("..., считает глава государства")."""
    start, end = verb  # its first reporting verb
    clause = sentence.rfind(",", 0, start) + 1
    if AUXILIARY.sub("", sentence[clause:start]).strip():  # "..., the ministry's press service said"
        return sentence[clause:end].strip(), sentence[clause:start]
    tail = sentence[end:]
    if len(tail.split()) <= INVERTED_WORDS:  # inverted: the subject follows the verb
        return sentence[clause:].strip().rstrip(".!?"), tail
    return sentence[:end].strip(), sentence[:start]  # "X, who leads the delegation, said ..."


def attributed(source: str, line: int, quote: str, frame: str, subject: tuple[str | None, bool, str | None]) -> Said:
    speaker, sure, by = subject
    return Said(source, line, quote, speaker, sure, " ".join(frame.split()), by)


def reported(sentence: Sentence, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> bool:
    """Whether a sentence reports speech and stands whole: a speech verb (`spans`, its
    reporting verbs), six words or more, an end (not "..., stating," which leads into a
    quotation), no quotation in it."""
    return (bool(spans) and len(sentence.text.split()) > MIN_WORDS
            and WHOLE.search(sentence.text) is not None and not overlaps(sentence, quoted))


def overlaps(sentence: Sentence, quoted: list[tuple[int, int]]) -> bool:
    end = sentence.start + len(sentence.text)
    return any(start < end and sentence.start < stop for start, stop in quoted)

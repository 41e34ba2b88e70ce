"""How articles frame their words, as data (discourse.yaml beside this module): the lines of
a saved web page that are not the article's text, the markers of future and of completed
events, and the frames of reported speech ("X said", "according to X", "заявил X").

The table is read once, on first import; the patterns are compiled once. The functions
here only find; the checks decide what is worth a warning.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol

import yaml

from ..text import normal
from . import CITIES, COUNTRIES, city_of, month_of


def _table(name: str) -> Any:  # Any: a YAML document, read by the code below that knows its shape
    """A data file of this package (our own, so a plain safe load suffices)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_DATA: dict[str, Any] = _table("discourse")
_BOILER: dict[str, Any] = _DATA["boilerplate"]
_TENSE: dict[str, Any] = _DATA["tense"]
_SPEECH: dict[str, Any] = _DATA["speech"]


def _alternation(words: Sequence[str]) -> str:
    """Whole words (or phrases) of normalised text, the longest first."""
    return r"(?<![\w])(?:" + "|".join(re.escape(normal(w)) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])"


# --- boilerplate ------------------------------------------------------------------------

class Line(Protocol):
    """A paragraph of a source text, as corpus.Paragraph has it."""

    @property
    def line(self) -> int: ...

    @property
    def raw(self) -> str: ...

    @property
    def norm(self) -> str: ...  # normal(raw), computed once per paragraph


_HEADER_ALONE = re.compile(r"^\W*" + _alternation(_BOILER["headers"]) + r"\s*[:：.]?\s*$")
_HEADER_LINK = re.compile(r"^\W*" + _alternation(_BOILER["headers"]) + r"\s*[:：]\s*\S")
_LIST_ITEM = re.compile(_BOILER["list_item"])
_SENTENCE_END = re.compile(_BOILER["sentence_end"])
_HEADLINE_WORDS: int = _BOILER["headline_words"]
_LINES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(entry["raw"], re.IGNORECASE), entry["why"]) for entry in _BOILER["lines"]]
_STAMP_WORDS = frozenset(normal(w) for w in _BOILER["stamp_words"])
_DATELINE = re.compile(_BOILER["dateline"], re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_STAMP_LENGTH = 100  # characters: a stamp or a dateline alone is short


def _only_date(text: str) -> bool:
    """Whether a text holds a date or a time and nothing else (stamp words, separators)."""
    tokens = _TOKEN.findall(normal(text))
    if not any(t.isdigit() for t in tokens) and not any(month_of(t) for t in tokens):
        return False
    return all(t.isdigit() or t in _STAMP_WORDS or month_of(t) is not None for t in tokens)


def stamp(raw: str) -> str | None:
    """Why a line is a time stamp or a dateline alone, or None."""
    if len(raw) > _STAMP_LENGTH:
        return None  # a paragraph of the article
    if _only_date(raw):
        return "a time stamp"
    match = _DATELINE.match(raw)
    if match and _only_date(match.group("rest")):
        return "a dateline alone"
    return None


_LEADING_DATELINE = re.compile(
    r"^\W*(?P<place>[A-ZА-ЯЁ][\w-]*(?: [A-ZА-ЯЁ][\w-]*)?)[.,]\s+(?:\d{1,2}\s+[^\W\d_]+|[^\W\d_]+\s+\d{1,2})\b\.?")


def dateline_end(raw: str) -> int:
    """Where a dateline opening a sentence ends ("ASTANA, 23 июн", "Astana. July 4",
    "НУР-СУЛТАН. 3 ИЮНЯ"): a place in capitals or a known city, then the day; 0 without
    one ("On 14 May, ..." is no dateline: its day is the sentence's)."""
    match = _LEADING_DATELINE.match(raw)
    if not match:
        return 0
    place = match["place"]
    return match.end() if place.isupper() or city_of(place) else 0


def _headline(raw: str) -> bool:
    """A short line without final sentence punctuation: a linked headline."""
    # counting spaces first: splitting every quoted paragraph of an archive into words was 1 s
    return raw.count(" ") < 2 * _HEADLINE_WORDS and len(raw.split()) <= _HEADLINE_WORDS and not _SENTENCE_END.search(raw)


# Every way a line of boilerplate can begin (the headers, and the first words of the `lines`
# patterns): a long paragraph that begins otherwise, and is no list item, is article text.
_OPENING = re.compile(r"^\W*(?:" + "|".join([_alternation(_BOILER["headers"])] + [
    re.sub(r"^\^\\W\*|^\^\\s\*", "", entry["raw"]) for entry in _BOILER["lines"]]) + ")", re.IGNORECASE)


def boilerplate_at(paragraphs: Sequence[Line], index: int) -> str | None:
    """Why the index-th paragraph is not the article's text (None: it is): a link header
    ("Read also", "Latest news", "Читайте также") or a link listed after one until the next
    ordinary paragraph, a caption or photo credit, tags, a byline, a comment counter, a time
    stamp or dateline alone. Reads back only as far as a block of links needs: a check asks
    for the few quoted lines of each source (every line of 10,000 sources cost 2 s)."""
    paragraph = paragraphs[index]
    raw, norm = paragraph.raw.strip(), paragraph.norm.strip()
    if len(raw) > _STAMP_LENGTH and not (_OPENING.match(raw) or _OPENING.match(norm) or _LIST_ITEM.match(raw)
                                         or _headline(raw)):
        return None  # a paragraph of the article: long, and opening as no boilerplate does
    if _HEADER_ALONE.match(norm):
        return f"a {raw.rstrip(':： .')!r} header"
    if _HEADER_LINK.match(norm):
        return f"a {raw.split(':')[0].strip()!r} link"
    if _LIST_ITEM.match(raw) or _headline(raw):
        for before in reversed(paragraphs[:index]):
            if _HEADER_ALONE.match(before.norm.strip()):
                return f"a link listed under {before.raw.strip().rstrip(':： .')!r}"
            if not (_HEADER_LINK.match(before.norm.strip()) or _LIST_ITEM.match(before.raw.strip())
                    or _headline(before.raw.strip())):
                break
    return next((why for pattern, why in _LINES if pattern.search(raw)), None) or stamp(raw)


def boilerplate_lines(paragraphs: Sequence[Line]) -> dict[int, str]:
    """Every line of a source that is not the article's text, with why (for `status`)."""
    return {p.line: why for i, p in enumerate(paragraphs) if (why := boilerplate_at(paragraphs, i))}


# --- tense ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Marker:
    """A marker of the future in a text, and the words around it that it dates."""

    start: int
    end: int
    words: str  # the marker as written (normalised)
    window: str  # normalised text the marker may date: the event it is about


@dataclass(frozen=True)
class Done:
    """A completed event reported by a claim."""

    start: int
    end: int
    words: str  # the verb phrase (normalised)
    stems: tuple[str, ...]  # how a quote names the same event
    clause: str  # the clause the verb stands in (normalised)
    clause_start: int


_FUTURE: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(entry["pattern"]), bool(entry.get("back", False))) for entry in _TENSE["future"]]
_FUTURE_WINDOW: int = _TENSE["future_window"]
_BACK_WINDOW: int = _TENSE["back_window"]
_AUXILIARY = r"(?:\b(?:was|were|has been|have been|had been|has|have|had)\s+)?"  # reported with the verb
_EVENTS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(_AUXILIARY + "(?:" + "|".join(f"(?:{p})" for p in event["done"]) + ")"),
     tuple(normal(s) for s in event["stems"]))
    for event in _TENSE["events"].values()]
_PASSIVE = re.compile(_TENSE["passive"])
_OBLIGATION = re.compile(_TENSE["obligation"])
_IMPERATIVES = frozenset(normal(w) for w in _TENSE["imperatives"])
_CLAUSE_BREAK = re.compile(_TENSE["clause_break"])
_STOPWORDS = frozenset(normal(w) for w in _TENSE["stopwords"])
_SENTENCE_BREAK = re.compile(r"[.!?;](?:\s|$)")
_WORD = re.compile(r"[^\W_]+")


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end]."""
    head = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    tail = _SENTENCE_BREAK.search(text, end)
    return head, tail.start() if tail else len(text)


@functools.lru_cache(maxsize=1 << 14)
def future_markers(norm: str) -> tuple[Marker, ...]:
    """Each marker of the future in a normalised text, with the words it dates: those after
    it in its sentence (and, for a marker that may follow its event, a few before)."""
    found = []
    for pattern, back in _FUTURE:
        for match in pattern.finditer(norm):
            head, tail = _sentence_of(norm, match.start(), match.end())
            after = norm[match.end():tail].split()[:_FUTURE_WINDOW]
            before = norm[head:match.start()].split()[-_BACK_WINDOW:] if back else []
            found.append(Marker(match.start(), match.end(), match.group(), " ".join([*before, match.group(), *after])))
    return tuple(sorted(found, key=lambda m: m.start))


def has_future(norm: str) -> bool:
    return any(pattern.search(norm) for pattern, _ in _FUTURE)


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    head = max((m.end() for m in _CLAUSE_BREAK.finditer(norm, 0, start)), default=0)
    tail = _CLAUSE_BREAK.search(norm, end)
    return head, tail.start() if tail else len(norm)


def _participle_stems(participle: str) -> tuple[str, ...]:
    """How a quote may name the event of a participle: `discussed` -> `discuss`."""
    for ending in ("ied", "ed", "en", "d"):
        if participle.endswith(ending) and len(participle) - len(ending) >= 3:
            base = participle[: -len(ending)]
            return (base + "y",) if ending == "ied" else (base,)
    return (participle,)


@functools.lru_cache(maxsize=1 << 14)
def completions(norm: str) -> tuple[Done, ...]:
    """Each completed event a normalised claim reports (`was held`, `took place`, `signed`,
    `were approved`), with its clause."""
    found: dict[int, Done] = {}
    for pattern, stems in _EVENTS:
        for match in pattern.finditer(norm):
            head, tail = _clause(norm, match.start(), match.end())
            found.setdefault(match.start(), Done(match.start(), match.end(), match.group(), stems,
                                                 norm[head:tail], head))
    for match in _PASSIVE.finditer(norm):
        if any(d.start >= match.start() and d.end <= match.end() for d in found.values()):
            continue  # `was held` is already a meeting held
        head, tail = _clause(norm, match.start(), match.end())
        found.setdefault(match.start(), Done(match.start(), match.end(), match.group(),
                                             _participle_stems(match.group("participle")), norm[head:tail], head))
    return tuple(sorted(found.values(), key=lambda d: d.start))


def kept_future(done: Done, instructions: bool) -> bool:
    """Whether the clause of a completed event keeps a future or an obligation form: a
    future marker, `to`/`should`/`must` just before the verb, or (`instructions`: for a
    commitment) a clause that is an instruction (`Prepare ...`, `Hold ...`)."""
    before = done.clause[: max(0, done.start - done.clause_start)]
    if has_future(done.clause) or _OBLIGATION.search(before):
        return True
    return instructions and instruction(done.clause)


def instruction(norm: str) -> bool:
    """Whether a text starts as an instruction: `Prepare ...`, `Hold ...`."""
    first = _WORD.findall(norm)[:1]
    return bool(first) and first[0] in _IMPERATIVES


# "Agreed to hold ...", "Committed to ...": the undertaking itself, which is what a commitment records.
UNDERTAKINGS = frozenset({"agree", "commit", "pledge", "promise", "decide", "resolve", "undertake", "plan", "intend",
                          "vow", "consider"})
IRREGULAR_PAST = {"hold": "held", "build": "built", "set": "", "put": "", "carry": "carried", "study": "studied",
                  "finalise": "finalised", "finalize": "finalized", "organise": "organised", "organize": "organized",
                  "meet": "met", "make": "made", "take": "took", "begin": "began", "lead": "led", "keep": "kept"}


@functools.cache
def _past_instructions() -> frozenset[str]:
    """The past tense of each instruction verb: `held` for `Hold`, `deepened` for `Deepen`
    (a verb whose past is its present, `put`, `set`, tells nothing and is left out)."""
    found = set()
    for verb in _IMPERATIVES - UNDERTAKINGS:
        past = IRREGULAR_PAST.get(verb)
        if past is None:
            past = verb + ("d" if verb.endswith("e") else "ed")
        if past:
            found.add(past)
    return frozenset(found)


def written_as_done(norm: str) -> str | None:
    """The first word of a commitment's text when it is an instruction in the past tense
    ("Held regular consultations ..."): an open commitment reported as done."""
    first = _WORD.findall(norm)[:1]
    return first[0] if first and first[0] in _past_instructions() else None


def names_event(window: str, stems: tuple[str, ...]) -> bool:
    """Whether a marker's window names the event by one of its stems (start of a word)."""
    return any(re.search(r"(?<![\w])" + re.escape(stem), window) for stem in stems)


def _common() -> frozenset[str]:
    """Words too common in the region's news to tell one event from another: the table's,
    and every word of a place's or a country's names."""
    names = [*_TENSE["common"]]
    for city in CITIES.values():
        names += [city.name, city.country, *city.names]
    for country in COUNTRIES.values():
        names += [country.name, *country.names, *country.adjectives, *country.demonyms]
    return frozenset(word for name in names for word in _WORD.findall(normal(name)))


_COMMON = _common()


def content_words(norm: str) -> set[str]:
    """The words that tie a claim to a quote's event: a number (`9`, `6th`), or a word not
    too short, too common, or a place's or a country's name."""
    words = set()
    for word in _WORD.findall(norm):
        if word[:1].isdigit():
            words.add(word.removesuffix("th").removesuffix("st").removesuffix("nd").removesuffix("rd"))
        elif len(word) >= 4 and word not in _STOPWORDS and word not in _COMMON:
            words.add(word)
    return words


# --- reported speech --------------------------------------------------------------------

@dataclass(frozen=True)
class Frame:
    """A frame of reported speech in a normalised paragraph: the verb (or preposition) and
    the words that stand where its subject stands."""

    start: int  # of the frame, subject included
    end: int
    verb: str
    subject: str


_VERBS = re.compile(_alternation(_SPEECH["verbs"]))
_BEFORE_SUBJECT = re.compile(_alternation(_SPEECH["before_subject"]))
_AFTER_SUBJECT = re.compile("|".join(re.escape(normal(w)) + r"(?![\w])" for w in _SPEECH["after_subject"]))
# Every verb that reports what someone said or held (normalised): the scaffold's candidates.
REPORTING = re.compile(_alternation([*_SPEECH["verbs"], *_SPEECH["positions"]]))
_SUBJECT_WORDS: int = _SPEECH["subject_words"]
_NOT_SUBJECT = re.compile(r"^(?:" + "|".join(re.escape(normal(w)) for w in _SPEECH["not_subject"]) + r")(?![\w])")
_SUBJECT_BREAK = re.compile(_SPEECH["subject_break"])


def _subject_before(norm: str, at: int) -> tuple[int, str]:
    """The words before position `at`, back to a clause break, at most a few."""
    head = max((m.end() for m in _SUBJECT_BREAK.finditer(norm, 0, at)), default=0)
    words = norm[head:at].split()[-_SUBJECT_WORDS:]
    text = " ".join(words)
    return (at - len(norm[head:at].lstrip()) if words else at), text


def _subject_after(norm: str, at: int) -> tuple[int, str]:
    """The words after position `at`, up to a clause break, at most a few (none when they
    start with `that`, `to` ...: then they say what was said)."""
    stop = _SUBJECT_BREAK.search(norm, at)
    tail = stop.start() if stop else len(norm)
    words = norm[at:tail].split()[:_SUBJECT_WORDS]
    text = " ".join(words)
    if not words or _NOT_SUBJECT.match(text):
        return at, ""
    return tail, text


def speech_frames(norm: str) -> list[Frame]:
    """Every frame of reported speech in a normalised paragraph, in order."""
    frames = []
    for match in _VERBS.finditer(norm):
        start, subject = _subject_before(norm, match.start())
        if subject:
            frames.append(Frame(start, match.end(), match.group(), subject))
            continue
        end, subject = _subject_after(norm, match.end())
        frames.append(Frame(match.start(), end, match.group(), subject))
    for match in _BEFORE_SUBJECT.finditer(norm):
        end, subject = _subject_after(norm, match.end())
        frames.append(Frame(match.start(), end, match.group(), subject))
    for match in _AFTER_SUBJECT.finditer(norm):
        start, subject = _subject_before(norm, match.start())
        frames.append(Frame(start, match.end(), match.group(), subject))
    return sorted(frames, key=lambda f: f.start)


_SENTENCE_MARKS = re.compile(r'[".!?]')


def sentences(norm: str) -> list[tuple[int, int]]:
    """The sentences of a normalised paragraph: a full stop inside quotation marks does not
    end one (`"We will act. Now," he said.` is one)."""
    bounds = []
    start, inside = 0, False
    for found in _SENTENCE_MARKS.finditer(norm):
        index, char = found.start(), found.group()
        if char == '"':
            within_word = 0 < index < len(norm) - 1 and norm[index - 1].isalnum() and norm[index + 1].isalnum()
            if not within_word:
                inside = not inside
        elif char in ".!?" and not inside and (index + 1 == len(norm) or norm[index + 1] == " "):
            single = index >= 1 and norm[index - 1].isalpha() and (index < 2 or not norm[index - 2].isalnum())
            if single:
                continue  # an initial or an abbreviation: `u.s.`, `a. nazarov`
            bounds.append((start, index + 1))
            start = index + 2
    if start < len(norm):
        bounds.append((start, len(norm)))
    return bounds

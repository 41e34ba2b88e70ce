"""Candidates for the authoring commands, found in source texts: quoted, never invented.

`briefgen add-source` takes a title, a publication date and an outlet from an article;
`briefgen new` writes a meeting file from what the articles state: the sentence giving the
date and place, the people named with their titles, and reported or quoted speech. Every
quote is a verbatim slice of one paragraph, so a kept candidate passes `check`; whatever
the texts do not settle is a `TODO` (a value to write, or a comment to act on), which
`check` refuses until the officer has dealt with it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .checks.date_not_cited import MONTHS
from .checks.location_not_cited import names_place
from .checks.source_conflict import COUNTRIES, city_of, meeting_places, month_of
from .checks.speaker_not_near import terms
from .corpus import SourceText
from .model import Participant, Where
from .places import CITY_ALIASES, place_names
from .text import contains_words, normal

# --- sentences and dates ----------------------------------------------------------------

SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”»]))(?<![A-Z]\.)\s+(?=[\"“«„]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: a verbatim slice of one paragraph (line)."""

    source: str
    line: int
    text: str
    start: int  # offset of the sentence in its paragraph


def sentences(text: SourceText) -> list[Sentence]:
    """Every sentence of every paragraph, stripped, with its place: quotes are cut from these."""
    found = []
    for paragraph in text.paragraphs:
        start = 0
        for end, after in [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(paragraph.raw)] + [(None, None)]:
            piece = paragraph.raw[start:end]
            if piece.strip():
                found.append(Sentence(text.source.id, paragraph.line, piece.strip(),
                                      start + len(piece) - len(piece.lstrip())))
            start = after
    return found


_MONTH = "|".join(sorted({re.escape(normal(m)) for forms in MONTHS for m in forms}, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
DAY_FIRST = re.compile(rf"(?<!\d){_DAY}\s+(?:of\s+)?({_MONTH})\b\.?(?:,?\s+(\d{{4}})(?!\d))?")
MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+{_DAY}(?!\d)(?:,?\s+(\d{{4}})(?!\d))?")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")


@dataclass(frozen=True)
class Stated:
    """A day and month a text states, with the year when it gives one."""

    day: int
    month: int
    year: int | None
    iso: bool = False  # written 2024-05-16: in article text, mostly a publication stamp

    def on(self, year: int) -> dt.date:
        return dt.date(year, self.month, self.day)


def dates_in(text: str) -> list[Stated]:
    """The real days and months stated in `text` (normalised), in reading order."""
    found = []
    for m in DAY_FIRST.finditer(text):
        found.append((int(m[1]), month_of(m[2]), m[3], m.start(), False))
    for m in MONTH_FIRST.finditer(text):
        found.append((int(m[2]), month_of(m[1]), m[3], m.start(), False))
    for m in ISO.finditer(text):
        found.append((int(m[3]), int(m[2]), m[1], m.start(), True))
    for m in NUMERIC.finditer(text):
        found.append((int(m[1]), int(m[2]), m[3], m.start(), False))
    stated = []
    for day, month, year, _, iso in sorted(found, key=lambda f: f[3]):
        try:
            dt.date(int(year) if year else 2000, month or 0, day)  # 2000: a leap year, for 29 February
        except (ValueError, TypeError):
            continue
        stated.append(Stated(day, month, int(year) if year else None, iso))
    return stated


def published_date(text: str) -> dt.date | None:
    """The first complete date the text states (`2023-06-24`, `24 June 2023`), a candidate
    for the publication date."""
    full = next((s for s in dates_in(normal(text)) if s.year), None)
    return full.on(full.year) if full else None


def dated(stated: Stated, reference: dt.date | None) -> dt.date | None:
    """The full date: its own year, else the reference's (the year before, for a day
    well after the reference: an article of 2 January telling of 28 December)."""
    try:
        if stated.year:
            return stated.on(stated.year)
        if reference is None:
            return None
        day = stated.on(reference.year)
        return stated.on(reference.year - 1) if day > reference + dt.timedelta(days=60) else day
    except ValueError:  # 29 February of a year that has none
        return None


# --- catalogue candidates -----------------------------------------------------------------

TITLE_LENGTH = 120
REPORTED_BY = re.compile(
    r"\b([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) (?:reported|reports|learnt|learned|writes|wrote)\b")
DATELINE_OUTLET = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,},\s*\d{1,2}\s+\w+\.?\s*[-–—]\s*([^\W\d_][\w .-]*?)\.")


def first_line(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def title_candidate(text: str) -> str | None:
    """The first line; of a long one (a lead paragraph), the first sentence after any dateline,
    cut at a comma or between words before 120 characters."""
    line = first_line(text)
    if line is None or len(line) <= TITLE_LENGTH:
        return line
    dateline = DATELINE_OUTLET.match(line)
    line = line[dateline.end():].strip() if dateline else line
    line = SENTENCE_BREAK.split(line, maxsplit=1)[0]
    if len(line) <= TITLE_LENGTH:
        return line
    head = line[:TITLE_LENGTH]
    cut = head.rfind(", ")
    return head[:cut] if cut >= TITLE_LENGTH // 2 else head.rsplit(" ", 1)[0] + " …"


def outlet_candidate(text: str) -> str | None:
    """Who the article says reported it (`Akorda.kz reported`, `АСТАНА, 23 июн - Sputnik.`)."""
    match = DATELINE_OUTLET.match(text) or REPORTED_BY.search(text)
    return match.group(1).strip() if match else None


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщыэюяіїєўқғүұңһөә",
                     "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya i yi ye u q g u u n h o a"
                     .split())) | {"ъ": "", "ь": ""}


def slug(text: str, words: int = 0) -> str:
    """Lowercase ASCII words joined by '-' (Cyrillic transliterated); the first `words` if given."""
    text = text.lower().replace("'", "").replace("’", "")
    text = "".join(_CYRILLIC.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", text)
    return "-".join(parts[:words] if words else parts)


def scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when YAML reads it back unchanged, else double-quoted
    (a JSON string is a valid YAML double-quoted scalar)."""
    if value and value == value.strip() and "\n" not in value:
        try:
            node = yaml.compose(f"k: {value}", Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            node = None
        read = node.value[0][1] if isinstance(node, yaml.MappingNode) and len(node.value) == 1 else None
        if isinstance(read, yaml.ScalarNode) and read.tag == "tag:yaml.org,2002:str" and read.value == value:
            return value
    return json.dumps(value, ensure_ascii=False)


# --- people named with their titles --------------------------------------------------------

TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\d+|[^\w\s]")
OFFICES = (
    "president", "minister", "secretar", "chairm", "chairwoman", "chair", "head", "director", "ambassador",
    "attaché", "attache", "commander", "chief", "envoy", "representative", "speaker", "spokes", "akim",
    "mayor", "governor", "king", "emir", "prince", "general", "deputy", "adviser", "advisor", "leader",
    "prosecutor", "premier", "prime", "officer", "colonel",
    "президент", "министр", "секретар", "глава", "председател", "директор", "посол", "командующ",
    "руководител", "начальник", "премьер", "спикер", "представител", "советник", "генерал", "аким", "замест",
)
TITLE_WORDS = frozenset("""
    security council councils state foreign affairs defence defense interior internal national border service
    services intelligence committee military embassy ministry government republic federal first vice acting
    former special executive press senior agency office staff guard emergency situations justice economy
    economic trade energy finance health education transport culture parliament senate assembly supreme court
    central bank armed forces army police customs migration administration union nations united general
    государства совета безопасности службы пограничной иностранных дел обороны национальной внутренних
    комитета министерства республики аппарата первый вице
""".split())
CONNECTORS = frozenset("of the for in on to at по при".split())
NOT_NAMES = frozenset("""
    the a an in on at and but with by for from of to this that these those it he she they we his her their
    central asia asian europe european eurasian east west north south middle regional international
    organization organisation summit meeting forum photo monday tuesday wednesday thursday friday saturday
    sunday today yesterday un eu csto sco cis
""".split())


def bare(word: str) -> str:
    """The word without a possessive ending (`Kazakhstan's` -> `Kazakhstan`)."""
    return re.sub(r"['’]s?$", "", word)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def base(self) -> str:
        return bare(self.text).casefold()

    @property
    def possessive(self) -> bool:
        return bare(self.text) != self.text


def is_office(token: Token) -> bool:
    return token.base.startswith(OFFICES)


def country_of(word: str) -> str | None:
    """The country a word names, also as an adjective or declined (`Uzbek`, `Russian`, `Казахстана`)."""
    w = normal(bare(word))
    for country, names in COUNTRIES.items():
        if any(w == n or (len(w) >= 5 and (n.startswith(w) or w.startswith(n))) for n in names):
            return country
    return None


_PLACES = {normal(n) for city in CITY_ALIASES for n in place_names(city)}
_MONTHS = {normal(m) for forms in MONTHS for m in forms}


def is_name(token: Token) -> bool:
    """A word that can be part of a personal name: capitalised, and no office, place or month."""
    word = token.text
    if not word[:1].isupper() or not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    if len(word) > 1 and word.isupper():
        return False  # an acronym or a dateline
    base = token.base
    return not (is_office(token) or base in TITLE_WORDS or base in NOT_NAMES or normal(base) in _PLACES
                or normal(base) in _MONTHS or country_of(base))


def is_title_word(token: Token) -> bool:
    return is_office(token) or token.base in TITLE_WORDS or bool(country_of(token.text))


def title_before(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """The span of the title written just before a name (`Uzbek President`, `Secretary of
    the Security Council of Kyrgyzstan`, `Kazakhstan's President,`), or None."""
    k = index - 1
    appositive = k >= 0 and tokens[k].text == ","
    k -= appositive
    words: list[Token] = []
    while k >= 0 and len(words) < 12:
        token = tokens[k]
        if not token.text[:1].isalpha() or token.base in ("and", "и"):
            break
        if not (token.text[:1].isupper() or token.base in CONNECTORS or is_title_word(token)):
            break
        words.insert(0, token)
        k -= 1
    while words and not is_title_word(words[0]):
        words.pop(0)
    if not words or words[-1].base in CONNECTORS or not any(map(is_office, words)):
        return None
    if appositive and not is_office(words[-1]):
        return None
    return words[0].start, words[-1].end


@dataclass
class Person:
    """Someone named with a title, and where each source names them so."""

    name: str
    role: str
    country: str | None
    quotes: list[tuple[Sentence, str]] = field(default_factory=list)

    @property
    def model(self) -> Participant:
        """As a participant, to find where articles name them the way `check` does."""
        return Participant(pos=Where(""), name=self.name, role=self.role, cite=())


def headline(sentence: Sentence) -> bool:
    """A line in title case without a full stop (a headline, a link): its capitals name no one."""
    words = re.findall(r"[^\W\d_]{4,}", sentence.text)
    capitals = sum(w[0].isupper() for w in words)
    return not re.search(r"[.!?\"”»]$", sentence.text) and len(words) >= 3 and capitals > 0.6 * len(words)


def people(found: list[Sentence]) -> list[Person]:
    """Everyone named with a title, in reading order; the first such mention in each source."""
    persons: dict[str, Person] = {}
    for sentence in (s for s in found if not headline(s)):
        tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(sentence.text)]
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and is_name(tokens[j]) and (j == i or not tokens[j - 1].possessive):
                j += 1
            if j == i:
                i += 1
                continue
            span = title_before(tokens, i) if 2 <= j - i <= 3 else None
            if span:
                end = tokens[j - 1].start + len(bare(tokens[j - 1].text))
                add_person(persons, sentence, sentence.text[tokens[i].start:end], span, end)
            i = j
    return list(persons.values())


def add_person(persons: dict[str, Person], sentence: Sentence, name: str, title: tuple[int, int], end: int) -> None:
    role = sentence.text[title[0]:title[1]]
    person = persons.setdefault(normal(name), Person(name, role[:1].upper() + role[1:], None))
    if person.country is None:
        person.country = next((c for w in TOKEN.findall(role) if (c := country_of(w))), None)
    if all(s.source != sentence.source for s, _ in person.quotes):
        person.quotes.append((sentence, sentence.text[title[0]:end]))


# --- speech -------------------------------------------------------------------------------

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
        self.terms = [(p.name, terms(p.model)) for p in persons]

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


# --- the date and the place -----------------------------------------------------------------

FUTURE = re.compile(r"\b(?:scheduled|will|next|upcoming|planned|to be held|to take place)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Setting:
    """What one sentence says about when and where."""

    sentence: Sentence
    stated: Stated | None
    city: str | None
    held: bool  # a meeting verb: `took place in`, `convened in`, `состоялась в`

    @property
    def rank(self) -> tuple:
        both = self.stated is not None and self.city is not None
        return (both, self.held, not FUTURE.search(self.sentence.text), self.stated is not None, self.city is not None)


def city_in(sentence: Sentence) -> tuple[str | None, bool]:
    """The city a sentence names (the one a meeting verb points at, first), and whether it has that verb."""
    for _, _, word in meeting_places(sentence.text):
        city = city_of(word) or (word if word[:1].isupper() and word.isascii() else None)
        if city:
            return city, True
    folded = normal(sentence.text)
    named = [city for city in CITY_ALIASES if any(names_place(folded, n) for n in place_names(city))]
    return (named[0] if named else None), False


def setting(sentence: Sentence) -> Setting:
    stated = dates_in(normal(sentence.text))
    textual = [s for s in stated if not s.iso]
    city, held = city_in(sentence)
    return Setting(sentence, (textual or stated or [None])[0], city, held)


@dataclass(frozen=True)
class Place:
    """The meeting's date and place as the sources give them, with the sentences to cite."""

    cite: tuple[Sentence, ...]
    stated: Stated | None
    date: dt.date | None
    city: str | None


def place(found: list[Sentence], references: dict[str, dt.date | None]) -> Place:
    """The best sentence giving both the date and the place, else one for each."""
    settings = [s for s in map(setting, found) if s.stated or s.city]
    if not settings:
        return Place((), None, None, None)
    best = max(settings, key=lambda s: s.rank)
    chosen = [best]
    if best.stated is None or best.city is None:
        others = [s for s in settings if (s.stated if best.stated is None else s.city)]
        chosen += [max(others, key=lambda s: s.rank)] if others else []
    stated = next((s.stated for s in chosen if s.stated), None)
    city = next((s.city for s in chosen if s.city), None)
    source = next((s.sentence.source for s in chosen if s.stated), None)
    date = dated(stated, references.get(source)) if stated else None
    return Place(tuple(s.sentence for s in chosen), stated, date, city)


# --- the meeting file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A new meeting file: its name and its text."""

    name: str
    text: str
    participants: int
    statements: int
    todos: int


def reference_date(text: SourceText) -> dt.date | None:
    """The publication date: the catalogue's, else one the text states."""
    return text.source.published or published_date(text.text)


def draft(texts: list[SourceText], brief_language: str, modeline: str | None = None) -> Draft:
    """The meeting file `briefgen new` writes from these sources."""
    found = [s for text in texts for s in sentences(text)]
    persons = people(found)
    where = place(found, {t.source.id: reference_date(t) for t in texts})
    said = [s for text in texts for s in speech(text, found, persons)]
    foreign = {t.source.id for t in texts if t.source.language != brief_language}
    title = next((t.source.title for t in texts if t.source.title), None) or title_candidate(texts[0].text)
    lines = [modeline] if modeline else []
    lines += [
        f"# Scaffold written by `briefgen new {' '.join(t.source.id for t in texts)}` from "
        + ", ".join(f"seeds/{t.source.file}" for t in texts) + ".",
        "# TODO keep the candidates the meeting needs, delete the others, settle every TODO, then delete this line",
        *title_lines(title),
        *date_lines(where),
        *location_lines(where),
        "cite:",
        *(cite_lines([(s.source, s.line, s.text) for s in where.cite], 2, foreign, brief_language)
          or placeholder_cite(texts[0].source.id, "the sentence that gives the date and the place", 2)),
        "summary: TODO write the bottom line in 1-3 sentences",
        "participants:",
        *participant_lines(persons, foreign, brief_language, texts[0].source.id),
        *statement_lines(said, foreign, brief_language),
    ]
    stem = "-".join(p for p in (where.date.isoformat() if where.date else "undated",
                                 slug(where.city or ""), title_slug(title or "")) if p)
    return Draft(f"{stem}.yaml", "\n".join(lines) + "\n", len(persons), len(said), sum("TODO" in x for x in lines))


SLUG_SKIPS = frozenset("a an the of in on at to for and with by from date".split())


def title_slug(title: str) -> str:
    """Four telling words of the title (no numbers, no small words), or `meeting`."""
    words = [w for w in slug(title).split("-") if w not in SLUG_SKIPS and not w.isdigit()]
    return "-".join(words[:4]) or "meeting"


def title_lines(title: str | None) -> list[str]:
    if not title:
        return ["title: TODO one line for the section heading"]
    return [f"title: {scalar(title)}  # TODO confirm or edit the heading"]


def date_lines(found: Place) -> list[str]:
    if found.date:
        return [f"date: {found.date.isoformat()}  # TODO confirm the date"]
    if found.stated:
        day = f"{found.stated.day} {dt.date(2000, found.stated.month, 1):%B}"
        return [f"date: TODO YYYY-{found.stated.month:02d}-{found.stated.day:02d}  # the sources give {day} but no year"]
    return ["date: TODO YYYY-MM-DD  # no date found in the sources"]


def location_lines(found: Place) -> list[str]:
    if found.city:
        return [f"location: {scalar(found.city)}  # TODO confirm the place (you may add the country: City, Country)"]
    return ["location: TODO City, Country  # no place found in the sources"]


def cite_lines(quotes: list[tuple[str, int, str]], indent: int, foreign: set[str], language: str) -> list[str]:
    pad = " " * indent
    lines = []
    for source, line, quote in quotes:
        lines += [f"{pad}- source: {source}  # line {line}", f"{pad}  quote: {scalar(quote)}"]
        if source in foreign:
            lines.append(f"{pad}  translation: TODO {wording(language)} of the quote")
    return lines


def wording(language: str) -> str:
    return "your English wording" if language == "en" else f"your wording in '{language}'"


def placeholder_cite(source: str, what: str, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}- source: {source}", f"{pad}  quote: TODO {what}, copied from the source"]


def participant_lines(persons: list[Person], foreign: set[str], language: str, first: str) -> list[str]:
    if not persons:
        return ["  - name: TODO who took part", "    role: TODO their office", "    cite:",
                *placeholder_cite(first, "the words that name them", 6)]
    lines = []
    for person in persons:
        reword = person.quotes[0][0].source in foreign
        lines += [f"  - name: {scalar(person.name)}  # TODO keep or delete",
                  f"    role: {scalar(person.role)}" + (f"  # TODO {wording(language)} of the role" if reword else "")]
        if person.country:
            lines.append(f"    country: {scalar(person.country)}")
        lines.append("    cite:")
        lines += cite_lines([(s.source, s.line, quote) for s, quote in person.quotes], 6, foreign, language)
    return lines


def statement_lines(said: list[Said], foreign: set[str], language: str) -> list[str]:
    if not said:
        return []
    lines = ["statements:"]
    for item in said:
        if item.speaker is None:
            speaker = "speaker: TODO who said it (a participant's name)"
        else:
            check = "" if item.sure else "; check the speaker: not named in this paragraph or the one before"
            speaker = f"speaker: {scalar(item.speaker)}  # TODO keep or delete{check}"
        text = f"TODO {wording(language)} of the statement" if item.source in foreign else scalar(item.quote)
        lines += [f"  - {speaker}", f"    text: {text}", "    cite:"]
        lines += cite_lines([(item.source, item.line, item.quote)], 6, foreign, language)
    return lines

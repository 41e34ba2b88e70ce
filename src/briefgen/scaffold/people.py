"""People the sources name with their titles (`Uzbek President Shavkat Mirziyoyev`,
`Kazakhstan's President, Kassym-Jomart Tokayev`): names, titles and offices, and the country
a title names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Participant, Where
from ..text import normal
from ..vocabulary import CITIES, COUNTRIES, MONTHS, place_names
from .sentences import TOKEN, Sentence, Token, bare

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


def is_office(token: Token) -> bool:
    return token.base.startswith(OFFICES)


def country_of(word: str) -> str | None:
    """The country a word names, also as an adjective or declined (`Uzbek`, `Russian`, `Казахстана`)."""
    w = normal(bare(word))
    for name, country in COUNTRIES.items():
        if any(w == n or (len(w) >= 5 and (n.startswith(w) or w.startswith(n))) for n in country.names):
            return name
    return None


_PLACES = {normal(n) for city in CITIES for n in place_names(city)}
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

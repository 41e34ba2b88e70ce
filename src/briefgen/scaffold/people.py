"""People the sources name with their titles (`Uzbek President Shavkat Mirziyoyev`,
`Kazakhstan's President, Kassym-Jomart Tokayev`, "Президент Касым-Жомарт Токаев"): names,
titles and offices, and the country a title names; one person once, whatever the case,
script or spelling each source writes them in, with the titles the sources call them by
("The Head of State", "глава государства")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import languages, russian
from ..model import Participant, Where
from ..text import names_in, normal
from ..vocabulary import CITIES, COUNTRIES, MONTHS, place_names
from ..vocabulary import OFFICES as EQUIVALENTS
from .sentences import TOKEN, Sentence, Token, bare

OFFICES = (
    "president", "minister", "secretar", "chairm", "chairwoman", "chair", "head", "director", "ambassador",
    "attaché", "attache", "commander", "chief", "envoy", "representative", "speaker", "spokes", "akim",
    "mayor", "governor", "king", "emir", "prince", "general", "deputy", "adviser", "advisor", "leader",
    "prosecutor", "premier", "prime", "officer", "colonel",
    "президент", "министр", "секретар", "глава", "председател", "директор", "посол", "командующ",
    "руководител", "начальник", "премьер", "спикер", "представител", "советник", "генерал", "аким", "замест",
    "counterpart", "коллег",  # "his Uzbek counterpart Bakhtiyor Khamidov", "казахстанский коллега Мурат Нуртлеу"
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
CONNECTORS = frozenset("of the for in on to at and по при и".split())
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


def title_before(tokens: list[Token], index: int, stop: int = 0) -> tuple[int, int] | None:
    """The span of the title written just before a name (`Uzbek President`, `Secretary of
    the Security Council of Kyrgyzstan`, `Kazakhstan's President,`, `the President of
    Kazakhstan, Kassym-Jomart Tokayev`), or None; never reaching back past `stop`, where
    the name of someone before ends ("Сергей Лавров и его казахстанский коллега Мурат Нуртлеу")."""
    k = index - 1
    appositive = k >= 0 and tokens[k].text == ","
    k -= appositive
    words: list[Token] = []
    while k >= stop and len(words) < 12:
        token = tokens[k]
        if token.text == ")" and k >= 2 and tokens[k - 2].text == "(" and tokens[k - 1].text.isupper():
            k -= 3  # an acronym in brackets: `the Shanghai Cooperation Organization (SCO) Zhang Ming`
            continue
        if not token.text[:1].isalpha():
            break
        if token.base in ("and", "и") and k >= 2 and is_name(tokens[k - 1]) and is_office(tokens[k - 2]):
            break  # "President Tokayev and Uzbek President Shavkat Mirziyoyev": another's title ends there
        if not (token.text[:1].isupper() or token.base in CONNECTORS or is_title_word(token)
                or russian.in_title(normal(token.base))):
            break
        words.insert(0, token)
        k -= 1
    while words and not is_title_word(words[0]):
        words.pop(0)
    if not words or words[-1].base in CONNECTORS or not any(map(is_office, words)):
        return None
    if appositive and not (is_office(words[-1]) or country_of(words[-1].text)):
        return None
    return words[0].start, words[-1].end


@dataclass
class Person:
    """Someone named with a title, and where each source names them so."""

    name: str
    role: str
    country: str | None
    quotes: list[tuple[Sentence, str]] = field(default_factory=list)
    spellings: list[str] = field(default_factory=list)  # every form the sources write the name in
    titles: list[str] = field(default_factory=list)

    @property
    def model(self) -> Participant:
        """As a participant, to find where articles name them the way `check` does."""
        return Participant(pos=Where(""), name=self.name, role=self.role, cite=(),
                           aliases=tuple(self.spellings), titles=tuple(self.titles))


def headline(sentence: Sentence) -> bool:
    """A line in title case without a full stop (a headline, a link): its capitals name no one."""
    words = re.findall(r"[^\W\d_]{4,}", sentence.text)
    capitals = sum(w[0].isupper() for w in words)
    return not re.search(r"[.!?\"”»]$", sentence.text) and len(words) >= 3 and capitals > 0.6 * len(words)


def people(found: list[Sentence], language: str = "en") -> list[Person]:
    """Everyone named with a title, in reading order, once each; named in the brief's
    script where a source writes them so, else in the shortest (nominative) form."""
    persons: list[Person] = []
    for sentence in (s for s in found if not headline(s)):
        tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(sentence.text)]
        i = named = 0  # named: where the last name found in the sentence ends
        while i < len(tokens):
            j = i
            while j < len(tokens) and is_name(tokens[j]) and (j == i or not tokens[j - 1].possessive):
                j += 1
            if j == i:
                i += 1
                continue
            start = name_start(tokens, i, j)
            span = title_before(tokens, start, named) if 2 <= j - start <= 3 else None
            if span:
                end = tokens[j - 1].start + len(bare(tokens[j - 1].text))
                add_person(persons, sentence, sentence.text[tokens[start].start:end], span, end, latin_script(language))
                named = j
            i = j
    for person in persons:
        person.name = preferred(person.spellings, language)
        person.spellings = [s for s in person.spellings if not names_in(normal(s), normal(person.name))
                            and not names_in(normal(person.name), normal(s))]
    add_titles(persons, found)
    return persons


def name_start(tokens: list[Token], i: int, j: int) -> int:
    """Where the name begins in a run of capitalised words `tokens[i:j]`: the last two
    after a connector (`Minister of Water Resources Bakhtiyor Khamidov`), and never at a
    Russian word that reads as no name in a longer run (`Президент Российской Федерации
    Владимир Путин`); a run whose last word reads as no name is none."""
    if j - i > 2 and i > 0 and tokens[i - 1].base in CONNECTORS:
        i = j - 2
    while j - i > 2 and not personal(tokens[i]):
        i += 1
    return i if personal(tokens[j - 1]) else j


def personal(token: Token) -> bool:
    return not russian.is_cyrillic(token.text) or russian.personal(normal(token.base))


def same_person(a: str, b: str) -> bool:
    """Whether two written names are one person's: as many words, the same first or last
    word in any case or script, and the other words alike ("Касым-Жомартом Токаевым" and
    `Kassym-Jomart Tokayev`, "Чжан Мином" and "Чжан Мина")."""
    x, y = normal(a).split(), normal(b).split()
    if len(x) != len(y):
        return False
    pairs = list(zip(x, y))
    return (one_word(*pairs[0]) or one_word(*pairs[-1])) and all(one_word(p, q) or alike(p, q) for p, q in pairs)


def one_word(a: str, b: str) -> bool:
    """Whether two normalised words are one name's, either read in any case or script, or
    two Latin spellings of it (`Makhmudzoda`, `Mahmudzoda`: kh/h, y/i, doubled letters)."""
    if a == b or any(russian.same_word(x, y) or russian.spelt(x, y) for x, y in ((a, b), (b, a))):
        return True
    return not russian.is_cyrillic(a + b) and russian.skeleton(a) == russian.skeleton(b)


def alike(a: str, b: str) -> bool:
    """Two Cyrillic spellings of one word that differ only in a case ending the dictionary
    does not know ("Мина", "Мином"): the shorter, less its last letter, begins the longer.
    ("Иманкулов" and "Иманалиев" are two people.)"""
    short, long = sorted((a, b), key=len)
    return (russian.is_cyrillic(a) and russian.is_cyrillic(b) and len(long) - len(short) <= 3
            and len(short) >= 3 and long.startswith(short[:-1]))


def preferred(spellings: list[str], language: str) -> str:
    """The name to write: a spelling in the brief's script (Latin for an English brief)
    where a source has one, the shortest of them (a Russian name's nominative is its
    shortest form: Токаев, Токаева, Токаевым), the first when as short."""
    latin = latin_script(language)
    fitting = [s for s in spellings if russian.is_cyrillic(s) != latin] or spellings
    return min(fitting, key=len)


def latin_script(language: str) -> bool:
    """Whether a brief in this language writes names in Latin letters."""
    return not languages.EXPECTED_SCRIPTS.get(language, {"Latin"}).isdisjoint({"Latin"})


def add_person(persons: list[Person], sentence: Sentence, name: str, title: tuple[int, int], end: int,
               latin: bool) -> None:
    role = sentence.text[title[0]:title[1]]
    role = role[:1].upper() + role[1:]
    person = next((p for p in persons if any(same_person(name, s) for s in p.spellings)), None)
    if person is None:
        person = Person(name, role, None)
        persons.append(person)
    elif russian.is_cyrillic(person.role) == latin and russian.is_cyrillic(role) != latin:
        person.role = role  # the role as a source in the brief's script writes it
    if name not in person.spellings:
        person.spellings.append(name)
    if person.country is None:
        person.country = next((c for w in TOKEN.findall(role) if (c := country_of(w))), None)
    if all(s.source != sentence.source for s, _ in person.quotes):
        person.quotes.append((sentence, sentence.text[title[0]:end]))


TITLE = re.compile(r"\b[Tt]he ((?:[A-Z][a-z]+ )?(?:[Hh]ead of [Ss]tate|[Pp]resident|[Ll]eader|[Hh]ead of [A-Z][a-z]+|"
                   r"[Ss]ecretary[- ][Gg]eneral|[Pp]rime [Mm]inister|[Mm]inister|[Cc]hairman|official)(?: of (?:the )?[A-Z][a-z]+)?)\b"
                   r"(?![ -]+[A-Z])")
RUSSIAN_TITLES = {"глава государства": re.compile(r"\bглав[аыуеой]{1,2} государства\b", re.IGNORECASE),
                  "президент": re.compile(r"\bпрезидент(?:а|у|ом|е)?(?=\s*(?:[.,;:!?)»\"]|$))", re.IGNORECASE)}


def add_titles(persons: list[Person], found: list[Sentence]) -> None:
    """The titles the sources call a person by (`The Head of State`, "главы государства"):
    each the first person holding that office (and of the country it names), as the press
    calls its own head of state."""
    for sentence in found:
        for match in TITLE.finditer(sentence.text):
            title = match.group()
            holder = holder_of(persons, match.group(1))
            if holder and all(normal(title) != normal(t) for t in holder.titles):
                holder.titles.append(title[:1].upper() + title[1:])
        for title, pattern in RUSSIAN_TITLES.items():
            holder = holder_of(persons, "head of state") if pattern.search(sentence.text) else None
            if holder and title not in holder.titles:
                holder.titles.append(title)


HEADS_OF_STATE = frozenset({"president", "king", "emir", "президент"})


def holder_of(persons: list[Person], title: str) -> Person | None:
    """The first person whose role holds the title's office (a head of state: a president,
    king or emir; an official: any) and, if the title names a country, of that country."""
    words = normal(title).split()
    country = next((c for w in words if (c := country_of(w))), None)
    leads = "state" in words or words[-1] == "leader" or (words[0] == "head" and country is not None)
    offices = HEADS_OF_STATE if leads else {w for word in words for w in EQUIVALENTS.get(word, {word})}
    for person in persons:
        role = normal(person.role).replace("-", " ").split()
        holds = words[-1] == "official" or not offices.isdisjoint(role)  # "the Tajik official": any office
        if holds and (country is None or person.country in (None, country)):
            return person
    return None

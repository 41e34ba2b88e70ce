"""The words that turn a claim around, as data: negations, antonym pairs and the
abbreviations whose full stop ends no sentence.

The tables are YAML files beside this module (`negation.yaml`, `antonyms.yaml`,
`abbreviations.yaml`: edit them, not the code), read once on first use by `words()`.
`read()` splits a text into words and marks the ones a negation denies ("did not
*agree*", "made no *proposals*"); claim-polarity and ellipsis-misleads both read texts
through it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

import yaml

from ..text import DASHES, normal


def _data(name: str) -> object:
    """A data file of this package (our own, so a plain safe load suffices)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=1 << 16)
def key(word: str) -> str:
    """A word as the tables and `read` compare it: normalised (`'` reads as `"`), composed."""
    return unicodedata.normalize("NFC", normal(word))


def stem(word_key: str) -> str:
    """The simple prefix stem of a normalised word: its first five letters (the whole
    word if shorter), without apostrophes or a possessive `'s`. The `-ed` form of a word
    of three or four letters is that word (`signed` is `sign`, `aimed` is `aim`; `agreed`
    is `agree`, by its first five letters)."""
    bare = word_key.removesuffix('"s').replace('"', "")
    if bare.endswith("ed") and 3 <= len(bare) - 2 <= 4 and bare[-3] != "e":
        return bare[:-2]
    return bare[:5]


@dataclass(frozen=True)
class Words:
    """The tables, normalised."""

    negations: frozenset[str]  # whole words that negate
    prefixes: tuple[str, ...]  # beginnings of words that negate (отказал...)
    refusals: frozenset[str]  # verbs that negate when `to` follows
    skipped: frozenset[str]  # words a negation reaches over
    stops: frozenset[str]  # words that end a negation's reach
    implicit: frozenset[str]  # words that deny without a negation (refrain, prevent, against)
    negative: tuple[str, ...]  # beginnings of words of negative sense (reject, lack, отверг)
    contrasts: frozenset[str]  # "not in Almaty *but* in Astana"
    corrected: frozenset[str]  # "not in Almaty but *in* Astana"
    idioms: tuple[tuple[str, ...], ...]  # phrases whose negation denies nothing
    antonyms: tuple[tuple[frozenset[str], frozenset[str]], ...]
    abbreviations: frozenset[str]

    @functools.cached_property
    def antonym_forms(self) -> frozenset[str]:
        """Every word of every antonym pair."""
        return frozenset(w for pair in self.antonyms for side in pair for w in side)


def _keys(values: object) -> frozenset[str]:
    """A list of words, or a mapping of languages to lists of words, as one set of keys."""
    if isinstance(values, dict):
        return frozenset(k for group in values.values() for k in _keys(group))
    assert isinstance(values, list), values
    return frozenset(key(str(v)) for v in values)


@functools.lru_cache(maxsize=1 << 16)
def negates(word_key: str) -> bool:
    """Whether a normalised word is a negation by itself (`not`, `didn"t`, `отказался`)."""
    table = words()
    return word_key in table.negations or word_key.endswith('n"t') or word_key.startswith(table.prefixes)


@functools.cache
def _candidates() -> re.Pattern[str]:
    """A whole word of a normalised text that may be a negation: one C-speed scan tells
    the many texts with none from the few that need reading word by word."""
    table = words()
    alternatives = sorted(table.negations | table.refusals, key=len, reverse=True)
    prefixes = [f"{re.escape(p)}\\w*" for p in table.prefixes]
    return re.compile(rf"(?<!\w)(?:{'|'.join([*map(re.escape, alternatives), *prefixes])}|\w+n\"t)(?!\w)")


def negative_sense(text: str) -> bool:
    """Whether a text holds a word of negative sense, or any negation at all."""
    table = words()
    return may_negate(text) or any(w.startswith(table.negative) or w in table.implicit
                                   for w in _WORD.findall(normal(text)))


def may_negate(text: str) -> bool:
    """Whether `text` holds a word that may be a negation (no false "no": `read` decides).
    A scan of the lower-cased text first: `normal` only folds case, quotation marks and
    dashes, so a text with no candidate there has none (most quotes; 1 s of the
    5,000-meeting check was normalising them for this)."""
    lower = text.lower()
    if not any(piece in lower for piece in _pieces()) or _raw_candidates().search(lower) is None:
        return False
    return _candidates().search(unicodedata.normalize("NFC", normal(text))) is not None


@functools.cache
def _pieces() -> tuple[str, ...]:
    """Substrings every candidate contains (`in` is ten times cheaper than the pattern)."""
    table = words()
    return tuple({*table.negations, *table.refusals, *table.prefixes, "n't", "n’t", "nʼt", 'n"t'})


@functools.cache
def _raw_candidates() -> re.Pattern[str]:
    """_candidates on text as typed: any apostrophe in n't, ё for е, words not yet NFC."""
    table = words()
    alternatives = sorted(table.negations | table.refusals, key=len, reverse=True)
    prefixes = [f"{re.escape(p)}\\w*" for p in table.prefixes]
    words_ = "|".join([*map(re.escape, alternatives), *prefixes])
    return re.compile(rf"(?<![^\W\d_])(?:{words_})(?![^\W\d_])|n['’ʼ\"]t(?![^\W\d_])", re.IGNORECASE)


@functools.cache
def words() -> Words:
    """Read the three tables (once)."""
    negation = _data("negation")
    antonyms = _data("antonyms")
    abbreviations = _data("abbreviations")
    assert isinstance(negation, dict) and isinstance(antonyms, list)
    return Words(
        negations=_keys(negation["words"]),
        prefixes=tuple(sorted(_keys(negation["prefixes"]))),
        refusals=_keys(negation["refusals"]),
        skipped=_keys(negation["skipped"]),
        stops=_keys(negation["stops"]),
        implicit=_keys(negation["implicit"]),
        negative=tuple(sorted(_keys(negation["negative"]))),
        contrasts=_keys(negation["contrasts"]),
        corrected=_keys(negation["corrected"]),
        idioms=tuple(tuple(key(str(w)) for w in idiom) for idiom in negation["idioms"]),
        antonyms=tuple((_keys(one), _keys(other)) for one, other in antonyms),
        abbreviations=_keys(abbreviations),
    )


# A word: letters, with combining marks, invisible soft hyphens and inner apostrophes.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u00ad\u200b-\u200d\u2060]|['’ʼ](?=[^\W\d_]))*")
_CLAUSE_MARKS = frozenset(",;:.!?()[]{}") | frozenset("‐‒–—―−")  # a plain hyphen only when spaced
# The words of a text and, between them, what parts clauses: a mark, or a spaced dash.
_TOKEN = re.compile(rf"(?P<word>{_WORD.pattern})|(?P<mark>[{re.escape(''.join(sorted(_CLAUSE_MARKS)))}]"
                    rf"|(?<=\s)[{re.escape(DASHES)}]|[{re.escape(DASHES)}](?=\s))")
REACH = 3  # a negation denies the next content word within three words


@dataclass(frozen=True)
class Word:
    """One word of a text."""

    key: str  # normalised
    start: int  # code-point offsets in the text as written
    end: int
    clause: int  # the words of one clause (no punctuation between them) share the number
    sentence: int  # the words of one sentence share the number
    proper: bool  # capitalised (a name): no negation denies a name


def ends_clause(between: str) -> bool:
    """Whether the characters between two words part two clauses (`,`, `;`, a dash...)."""
    if any(c in _CLAUSE_MARKS for c in between):
        return True
    return any(c in DASHES for c in between) and any(c.isspace() for c in between)


@dataclass(frozen=True)
class Reading:
    """A text split into words, with its negations and the words they deny."""

    text: str
    words: tuple[Word, ...]
    negators: frozenset[int]  # indices of the words that make up a negation
    denied: dict[int, int]  # index of a denied content word -> index of the negation denying it
    neutral: frozenset[int]  # indices of the words an implicit negation governs ("refrain from *escalation*")
    idioms: dict[int, tuple[int, int]]  # a negation word of a fixed phrase ("not only") -> the phrase's words

    def affirmed(self, index: int) -> bool:
        """A word that is neither part of a negation nor denied by one, nor governed by an
        implicit negation."""
        return index not in self.negators and index not in self.denied and index not in self.neutral

    def phrase(self, index: int) -> str:
        """The words from the negation to the word it denies, as written ("not agree")."""
        start = self.words[self.denied[index]].start if index in self.denied else self.words[index].start
        return " ".join(self.text[start:self.words[index].end].split())


def _idiom(keys: list[str], clauses: list[int], index: int, table: Words) -> tuple[int, int] | None:
    """The first and last word of a fixed phrase the word at `index` stands in, if any."""
    for idiom in table.idioms:
        for offset, part in enumerate(idiom):
            first = index - offset
            if part == keys[index] and first >= 0 and tuple(keys[first:first + len(idiom)]) == idiom \
                    and len(set(clauses[first:first + len(idiom)])) == 1:
                return first, first + len(idiom) - 1
    return None


def _negation_length(keys: list[str], clauses: list[int], index: int, table: Words) -> int:
    """How many words make up a negation starting at `index` (0: none)."""
    word = keys[index]
    if negates(word):
        return 0 if _idiom(keys, clauses, index, table) else 1
    follows = index + 1 < len(keys) and keys[index + 1] == "to" and clauses[index + 1] == clauses[index]
    return 2 if word in table.refusals and follows else 0


@functools.lru_cache(maxsize=1 << 14)
def read(text: str) -> Reading:
    """The words of `text`, its negations, and the content word each negation denies.

    A negation denies the first content word (not an auxiliary, article or function word,
    not a name) within three words after it, in the same clause. A negation may deny
    another negation ("not without reason"): the word then is denied twice, which affirms it.
    """
    table = words()
    found: list[Word] = []
    clause = sentence = 0
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if match.lastgroup == "mark":
            clause += 1
            sentence += raw in ".!?;"
            continue
        found.append(Word(key(raw), match.start(), match.end(), clause, sentence,
                          raw[:1].isupper() and not raw.isupper()))
    keys = [w.key for w in found]
    clauses = [w.clause for w in found]
    lengths = [_negation_length(keys, clauses, i, table) if negates(k) or k in table.refusals else 0
               for i, k in enumerate(keys)]
    negators = {i + k for i, n in enumerate(lengths) for k in range(n)}
    depth: dict[int, int] = {}  # how many negations deny a word (through a chain of them)
    denier: dict[int, int] = {}
    neutral: set[int] = set()
    for index, length in enumerate(lengths):
        implicit = not length and found[index].key in table.implicit and index not in negators
        if not (length or implicit):
            continue
        target = _governed(found, lengths, index + max(length, 1) - 1, table)
        if target is None:
            continue
        if implicit:
            neutral.add(target)
            continue
        if _corrected(found, target, table):
            continue
        depth[target] = depth.get(target, 0) + depth.get(index, 0) + 1
        if not lengths[target]:  # a negation denied goes on to deny in its turn
            denier[target] = index
    denied = {target: by for target, by in denier.items() if depth[target] % 2 == 1}
    idioms = {i: span for i, word_key in enumerate(keys)
              if negates(word_key) and (span := _idiom(keys, clauses, i, table)) is not None}
    return Reading(text, tuple(found), frozenset(negators), denied, frozenset(neutral - negators), idioms)


def _corrected(found: list[Word], target: int, table: Words) -> bool:
    """Whether "but in ..." follows the denied word in its sentence: a correction of a detail."""
    for at in range(target + 1, min(target + 9, len(found) - 1)):
        if found[at].sentence != found[target].sentence:
            return False
        if found[at].key in table.contrasts and found[at + 1].key in table.corrected:
            return True
    return False


def _governed(found: list[Word], lengths: list[int], last: int, table: Words) -> int | None:
    """The word a negation ending at word `last` denies: the first content word (or
    negation) within three words, in the same clause."""
    for target in range(last + 1, min(last + 1 + REACH, len(found))):
        word = found[target]
        if word.clause != found[last].clause or word.key in table.stops:
            return None
        if lengths[target]:
            return target
        if word.proper or word.key in table.skipped:
            continue
        return target
    return None


def excerpt(text: str, start: int, end: int, width: int = 70) -> str:
    """The text around [start, end), on one line, shortened to whole words with `…`."""
    if len(text) <= 2 * width + (end - start):
        return " ".join(text.split())
    left = max(0, start - width)
    right = min(len(text), end + width)
    while left > 0 and not text[left - 1].isspace():
        left += 1
    while right < len(text) and not text[right].isspace():
        right -= 1
    shown = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + shown + ("…" if right < len(text) else "")

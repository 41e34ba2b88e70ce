"""Russian as it is written: a word in any grammatical case, and a name in the Latin script.

Russian declines names ("с Николаем Патрушевым", "Касым-Жомарта Токаева", "Насрулло
Махмудзоды"). pymorphy3 reads a word every way OpenCorpora's dictionary allows (and
guesses unknown words, such as most Central Asian names, from their endings); two words
are one when some reading of the text's word has the name's word as its dictionary
form, or the two share one. A guess never stretches further than a case ending:
the words must share all but their last `ENDING` letters, so "Токаевский" is not
"Токаев" and "Ташкентский" not "Ташкент".

iuliia spells a Cyrillic word in Latin under every scheme it knows (BGN/PCGN, Wikipedia,
the passport and ICAO ones, the French MVD one that gives "Kassym-Jomart", ...), and
`skeleton` forgives what the schemes disagree on (doubled letters, y or i, kh or h):
"Nikolai Patrushev" is "Николай Патрушев" without an alias. A spelling no scheme makes
("Alexander" for "Александр", pinyin "Zhang" for "Чжан") still needs an alias.

Both libraries load on first use, which comes only when a Cyrillic word was not found as
written (pymorphy3's dictionary takes 0.14 s to load; the shipped summaries never need it).
Words here are normalised (`text.normal`: NFKD, case-folded, ё as е); the libraries read
composed text, so words are composed for them and their answers normalised back.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

ENDING = 3  # letters a case ending changes at most: Токаев/Токаевым, Махмудзода/Махмудзодой
STEM = 3  # letters two forms of one word share at least (Мин/Мином)
CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[a-z]")
# A word, hyphenated names whole (Касым-Жомарт), with the combining marks of normalised
# text (NFKD writes й as и and a breve, which \w does not match).
WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:-(?:[^\W\d_]|[\u0300-\u036f])+)*")


@lru_cache(maxsize=1 << 16)
def is_cyrillic(word: str) -> bool:
    """Whether a text has a Cyrillic letter (memoised: a paragraph is asked for each name)."""
    return CYRILLIC.search(word) is not None


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer()


def _normal(word: str) -> str:
    """A library's answer as `text.normal` writes words."""
    return unicodedata.normalize("NFKD", word.replace("ё", "е")).casefold()


def _composed(word: str) -> str:
    return unicodedata.normalize("NFC", word)


@lru_cache(maxsize=1 << 16)
def _parses(word: str) -> tuple[Any, ...]:
    """Every reading of a normalised word, parsed once for `lemmas`, `forms` and `_name_lemmas`."""
    return tuple(_analyzer().parse(_composed(word)))


@lru_cache(maxsize=1 << 16)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form a normalised Cyrillic word may be a form of, and the word."""
    return frozenset(_normal(p.normal_form) for p in _parses(word)) | {word}


@lru_cache(maxsize=1 << 12)
def forms(word: str) -> frozenset[str]:
    """Every form of the words a normalised Cyrillic word may be the dictionary form of."""
    found = {word}
    for parse in _parses(word):
        if _normal(parse.normal_form) == word:
            found.update(_normal(f.word) for f in parse.lexeme)
    return frozenset(found)


def _close(a: str, b: str) -> bool:
    """Whether two words differ at most in their endings."""
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared >= max(1, min(STEM, len(a) - 1, len(b) - 1)) and len(a) - shared <= ENDING and len(b) - shared <= ENDING


def _declined(found: str, wanted: str) -> bool:
    """`found` is a form of `wanted`, or both are forms of one name: "Захаровой" and
    "Захарова" of the surname Захаров. A shared reading counts as a name's when the
    dictionary reads both as names, surnames or places, or does not know `wanted` at all
    (most Central Asian names, which the guesser reads); so "баках" (tanks), a form of
    бак as one reading of "Баку" is, is still no form of Baku."""
    if found == wanted:
        return True
    if not _close(found, wanted):
        return False
    if wanted in lemmas(found) or _oblique_case(found, wanted):
        return True
    if not _known(wanted):
        return not lemmas(found).isdisjoint(lemmas(wanted))
    return not _name_lemmas(found).isdisjoint(_name_lemmas(wanted))


HARD_STEM = frozenset("бвгджзклмнпрстфхцчшщ")  # a word ending so declines as стол: стола, столу, столом, столе
HARD_CASES = ("а", "у", "ом", "ем", "е")
SOFT_CASES = ("я", "ю", "ем", "ём", "е")  # ... and one ending in ь or й as конь, музей: Зася, Засю, Засем


def _oblique_case(found: str, wanted: str) -> bool:
    """`found` is the masculine name `wanted` in an oblique case of the singular, declined
    as the second declension's nouns are: "Мина" of the Chinese name Мин, which the
    dictionary knows only as the genitive plural of мина (a mine), and "Засем" of Зась,
    which it reads as another word, so that no reading joins them."""
    if wanted[-1:] in HARD_STEM:
        return found.startswith(wanted) and found[len(wanted):] in HARD_CASES
    if wanted[-1:] in ("ь", "й") and len(wanted) > 2:
        return found.startswith(wanted[:-1]) and found[len(wanted) - 1:] in SOFT_CASES
    return False


NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})  # OpenCorpora's tags of proper names


@lru_cache(maxsize=1 << 14)
def _name_lemmas(word: str) -> frozenset[str]:
    """The dictionary forms of the readings of a word as a proper name."""
    return frozenset(_normal(p.normal_form) for p in _parses(word) if NAMES & p.tag.grammemes)


PERSON = frozenset({"Name", "Surn", "Patr"})
_SURNAME_ENDINGS = "ов|ев|ин|ын|ова|ева|ина|ына|ский|ская|ук|юк|енко|зода|заде|улы|кызы"
SURNAME_BASE = re.compile(f"(?:{_SURNAME_ENDINGS})$")  # a surname as written in the nominative
SURNAME = re.compile(f"(?:{_SURNAME_ENDINGS})(?:а|у|ым|ом|ой|е|ы)?$")  # ... or in another case


@lru_cache(maxsize=1 << 12)
def personal(word: str) -> bool:
    """Whether a normalised Cyrillic word may be part of a person's name: read as a first
    name, surname or patronymic, unknown to the dictionary (most Central Asian and Chinese
    names), or shaped as a surname ("Токаев", which the dictionary reads as a plural of
    токай); "Федерации" or "Шанхайской" is none of these."""
    return (not _known(word) or bool(SURNAME.search(word))
            or any(PERSON & p.tag.grammemes for p in _parses(word)))


def oblique(word: str) -> bool:
    """Whether a normalised Cyrillic word has no reading in the nominative ("Токаевым",
    "Шавкату", "Секретарем"): a name or title the sources give only so is to be rewritten."""
    if not is_cyrillic(word) or SURNAME_BASE.search(word):
        return False  # "Токаев", which the dictionary reads only as a plural of токай
    return not any("nomn" in p.tag for p in _parses(word))


@lru_cache(maxsize=1 << 12)
def in_title(word: str) -> bool:
    """Whether a normalised lowercase Cyrillic word may stand inside an office's title
    ("генерального секретаря шанхайской организации сотрудничества"): a noun or an
    adjective the dictionary knows, no verb and no name."""
    return (is_cyrillic(word) and _known(word) and not personal(word)
            and any({"NOUN", "ADJF"} & p.tag.grammemes for p in _parses(word)))


@lru_cache(maxsize=1 << 12)
def _known(word: str) -> bool:
    return bool(_analyzer().word_is_known(_composed(word)))


@lru_cache(maxsize=1 << 16)
def same_word(found: str, wanted: str) -> bool:
    """Whether normalised `found` (a text's word) is normalised `wanted` in another case;
    the parts of a hyphenated name compared one by one (Касым-Жомарта, Касым-Жомарт)."""
    if found == wanted:
        return True
    if not (is_cyrillic(found) and is_cyrillic(wanted)):
        return False
    if _declined(found, wanted):
        return True
    have, want = found.split("-"), wanted.split("-")
    return len(have) == len(want) > 1 and all(_declined(h, w) for h, w in zip(have, want))


@lru_cache(maxsize=1 << 14)
def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def _runs(text: str, name: str, same: Any) -> bool:
    """Whether the words of `name` stand together in `text`, each `same` as its own."""
    want, have = words(name), words(text)
    if not want:
        return False
    return any(all(same(have[i + j], w) for j, w in enumerate(want)) for i in range(len(have) - len(want) + 1))


def declined_in(text: str, name: str) -> bool:
    """Whether normalised `name` stands in normalised `text` as whole words, each perhaps
    in another grammatical case (the words of a name decline one by one in Russian)."""
    if any(w[:STEM] not in text for w in words(name)):
        return False  # every form of a word starts as it does: no text needs reading
    return _runs(text, name, same_word)


# --- Latin spellings ---------------------------------------------------------------

# Differences between the schemes (and the press) that do not make another name.
_FORGIVE = ((re.compile(r"kh"), "h"), (re.compile(r"y"), "i"), (re.compile(r"(.)\1+"), r"\1"),
            (re.compile(r"ie"), "e"))


@lru_cache(maxsize=1 << 14)
def skeleton(latin: str) -> str:
    """A Latin spelling without what transliterations disagree on: "kassym-jomart tokayev"
    and "kasym-jomart tokaev" are one."""
    text = "".join(c for c in unicodedata.normalize("NFKD", latin.casefold()) if c.isascii())
    text = re.sub(r"[^a-z\- ]", "", text)
    for pattern, replacement in _FORGIVE:
        text = pattern.sub(replacement, text)
    return text


# The schemes names are spelt by in the region's press and papers: BGN/PCGN, Wikipedia's,
# the passport ones (ICAO Doc 9303 since 2013, MVD 782 of 2010, MVD 310 before it, and its
# French form, which spells "Kassym-Jomart"), GOST R 52290 (road signs) and the Uzbek one.
# On 32 names of the region's officials and cities these eight spell every name that all
# 28 schemes of iuliia spell, 3.5 times faster.
SCHEMES = ("BGN_PCGN", "WIKIPEDIA", "ICAO_DOC_9303", "MVD_782", "MVD_310", "MVD_310_FR", "GOST_52290", "UZ")


@lru_cache(maxsize=1)
def _schemes() -> tuple[Any, ...]:
    import iuliia  # type: ignore[import-untyped]

    return tuple(getattr(iuliia, name) for name in SCHEMES if hasattr(iuliia, name))


@lru_cache(maxsize=1 << 16)
def spellings(word: str) -> frozenset[str]:
    """The skeletons of a normalised Cyrillic word's Latin spellings, under every scheme,
    each `е` also read as the `ё` normalisation made it (Мирзиёев is "Mirziyoyev")."""
    composed = _composed(word)
    readings = {composed, *(composed[:i] + "ё" + composed[i + 1:] for i, c in enumerate(composed) if c == "е")}
    return frozenset(skeleton(s.translate(r)) for s in _schemes() for r in readings)


@lru_cache(maxsize=1 << 8)
def _initials(letter: str) -> frozenset[str]:
    """The letters a Cyrillic word's Latin spellings may begin with, by its first letter
    (a few dozen letters: spelt once each, where spelling every word would cost 0.2 ms)."""
    return frozenset(s[:1] for s in spellings(letter) if s)


def _initial(word: str) -> frozenset[str]:
    found = _INITIAL.get(word)
    if found is None:
        found = _INITIAL[word] = _initials(word[:1]) if is_cyrillic(word) else frozenset({skeleton(word)[:1]})
    return found


_INITIAL: dict[str, frozenset[str]] = {}  # a word -> _initial: a dict, as it is asked for every word of a text


@lru_cache(maxsize=1 << 16)
def spelt(found: str, wanted: str) -> bool:
    """Whether two normalised words, one Cyrillic and one Latin, spell one name; the
    Cyrillic one in any case ("Патрушевым" spells "Patrushev")."""
    if is_cyrillic(found) == is_cyrillic(wanted):
        return found == wanted
    if _initial(found).isdisjoint(_initial(wanted)):
        return False  # most words of a text: rejected before spelling them 28 ways
    declines = is_cyrillic(found)  # the text's word: the name's own word is as the officer wrote it
    cyrillic, latin = (found, wanted) if declines else (wanted, found)
    target = skeleton(latin)
    if target in spellings(cyrillic):
        return True
    if not declines or min(len(cyrillic), len(target)) <= ENDING or not any(_close(s, target) for s in spellings(cyrillic)):
        return False  # a short word is no declined name; a far spelling needs no analysis
    # The Latin name may spell another form of the word than its dictionary form: the
    # guesser reads "Махмудзоды" as a form of "Махмудзод", whose genitive spells "Mahmudzoda".
    return any(target in spellings(form) for lemma in lemmas(cyrillic) if _close(lemma, cyrillic)
               for form in forms(lemma) if _close(form, cyrillic))


def spelt_in(text: str, name: str) -> bool:
    """Whether normalised `name` stands in normalised `text` in the other script, word by
    word (Cyrillic words of the text in any case)."""
    crosses = _LATIN.search(text) if is_cyrillic(name) else is_cyrillic(text)
    return bool(crosses) and _may_spell(text, name) and _runs(text, name, spelt)


def _may_spell(text: str, name: str) -> bool:
    """Whether every word of the name begins as some word of the text does, in Latin (one
    set lookup a word, instead of comparing the name with every word of a paragraph)."""
    have = _beginnings(text)
    return all(not _initial(word).isdisjoint(have) for word in words(name))


@lru_cache(maxsize=1 << 12)
def _beginnings(text: str) -> frozenset[str]:
    """The first letters of the Latin spellings of a normalised text's words."""
    return frozenset(letter for word in words(text) for letter in _initial(word))

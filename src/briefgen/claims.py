"""What a claim's own quotes say: the words the checks of claims compare the officer's
fields with (a participant's role and country, a commitment's parties and due date).

A claim is held to its own `cite`, never to a quote elsewhere in the meeting. A quote in
another language counts with its `translation` (the officer's English of it), so an
English role is compared with English words and a Russian quote still names its
countries in Russian.
"""

from __future__ import annotations

import re

from .model import Citation
from .text import normal
from .vocabulary import OFFICES, countries_in, country_named

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Words that carry no claim of their own in a role or a party's name.
FUNCTION_WORDS = frozenset("""
a an and the of in on at for to from by with as its their his her our its' s
и в на по при для от из с со
""".split())


def quoted(cite: tuple[Citation, ...]) -> str:
    """The normalised words of every quote of a claim, with their translations."""
    return " \n ".join(normal(part) for c in cite for part in (c.quote, c.translation) if part)


NOTE = re.compile(r"\([^()]*\)")  # the officer's own note in a role: "(host)", "(by video)"


def without_notes(role: str) -> str:
    """A role as the sources give it: the words in parentheses are the officer's own,
    never evidence ("President of Kazakhstan (host, SCO chair)" stands for no SCO member)."""
    return NOTE.sub(" ", role)


def words(text: str) -> list[str]:
    return WORD.findall(normal(text))


def content_words(text: str) -> list[str]:
    """The words of a role or a name that say something: no function words, no digits."""
    return [w for w in words(text) if w not in FUNCTION_WORDS and not w.isdigit()]


def stem_matches(word: str, other: str) -> bool:
    """Whether two normalised words are forms of one word: the same, or sharing all but
    their last two letters, and at least four ("secretary"/"secretaries",
    "service"/"services", "defence"/"defense"), so that endings may differ, words not."""
    if word == other:
        return True
    shortest = min(len(word), len(other))
    common = 0
    while common < shortest and word[common] == other[common]:
        common += 1
    return common >= max(4, shortest - 2)


def borne_out(word: str, said: str) -> bool:
    """A content word of the officer's is borne out by the quotes' normalised text: as a
    form of one of its words, as an equivalent word of office, or as a form of a country
    it names (`Kazakhstan` by "Kazakh", "казахстанского")."""
    country = country_named(word)
    if country is not None:
        return country in countries_in(said)
    equivalents = OFFICES.get(word, frozenset({word}))
    return any(stem_matches(e, w) for e in equivalents for w in WORD.findall(said))

"""A statement's or commitment's `text` that says the opposite of its own cited quotes.

The officer's text is compared with each cited quote (with its `translation` when the
source is in another language than the brief's). Two signals:

- a negated word: a negation (`not`, `no`, `never`, `without`, `neither`, `nor`, `none`,
  the `n't` forms, `refused to`, `failed to`, `declined to`; `не`, `нет`, `ни`, `без`,
  `отказался`) denies the next content word within three words, reaching over
  auxiliaries and articles ("did not *agree*", "made no *proposals*"). When one side
  denies a word (by its stem: its first five letters) that the other side only affirms,
  the text and the quote disagree. Both directions count, and a negation on both sides
  agrees ("no longer enough" / "no longer enough"); so does a double negative kept.
- antonyms (`vocabulary/antonyms.yaml`): the text says one word of a pair (`confident`,
  `grew`, `accepted`) where its quotes say only the other (`doubted`, `fell`, `rejected`),
  and the reverse. A denied antonym agrees ("no doubt" / "confident").

Fixed phrases whose negation denies nothing ("not only", "whether or not") and names
("without Afghanistan") are left out. All quotes of the item are read together: a word
that any quote affirms is borne out.

WARN:

    text: The officials did not agree to hold regular consultations.
    cite:
      - quote: The officials agreed to hold regular consultations

    text: Interregional trade fell over the past five years.
    cite:
      - quote: For the past five years, the interregional trade grew by more than 80%

PASS:

    text: The countries flatly rejected such attempts.
    cite:
      - quote: He said we reject flatly such approaches and attempts

    text: Separate measures are no longer enough.
    cite:
      - quote: certain measures ... are no longer enough
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator

from ..context import Context
from ..model import Citation, Commitment, Diagnostic, Severity, Statement
from ..vocabulary.meaning import Reading, excerpt, may_negate, negative_sense, read, stem, words

ID = "claim-polarity"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

HINT = "write what the quote says, or cite the quote that says it"


@dataclass(frozen=True)
class Side:
    """One reading of a text: where each stem stands denied, and where affirmed."""

    reading: Reading
    denied: dict[str, int]  # stem -> index of its first denied word
    affirmed: dict[str, int]  # stem -> index of its first affirmed word
    keys: dict[str, int]  # normalised word -> index of its first affirmed occurrence

    @staticmethod
    @functools.lru_cache(maxsize=1 << 14)
    def of(text: str) -> "Side":
        reading = read(text)
        denied: dict[str, int] = {}
        affirmed: dict[str, int] = {}
        keys: dict[str, int] = {}
        for index, word in enumerate(reading.words):
            if index in reading.denied:
                denied.setdefault(stem(word.key), index)
            elif reading.affirmed(index):
                affirmed.setdefault(stem(word.key), index)
                keys.setdefault(word.key, index)
        return Side(reading, denied, affirmed, keys)

    def shown(self, index: int) -> str:
        word = self.reading.words[index]
        return excerpt(self.reading.text, word.start, word.end)

    def affirmed_in(self, forms: frozenset[str]) -> int | None:
        """The first affirmed word that is one of `forms`."""
        return min((self.keys[k] for k in forms & self.keys.keys()), default=None)


def compared(ctx: Context, citation: Citation) -> str:
    """What the officer's text is compared with: the translation of a foreign-language quote."""
    language = ctx.language(citation)
    if citation.translation and language is not None and language != ctx.dossier.settings.language:
        return citation.translation
    return citation.quote


def message(text: Side, t: int, quote: Side, q: int, citation: Citation, says: str) -> str:
    t_word, q_word = text.reading.phrase(t), quote.reading.phrase(q)
    return (f"{says.format(t=t_word, q=q_word)}: the text reads \"{text.shown(t)}\"; "
            f"the quote ({citation.source}) reads \"{quote.shown(q)}\"")


def negated(text: Side, quotes: list[tuple[Citation, Side]]) -> Iterator[str]:
    """Words one side denies and the other only affirms."""
    for word, t in text.denied.items():
        if word in text.affirmed or any(word in q.denied for _, q in quotes):
            continue
        for citation, quote in quotes:
            if word in quote.affirmed:
                yield message(text, t, quote, quote.affirmed[word], citation,
                              "the text denies what its quote affirms (\"{t}\" where the source has \"{q}\")")
                break
    reported = set(text.denied)
    for citation, quote in quotes:
        for word, q in quote.denied.items():
            if word in reported or word not in text.affirmed or word in text.denied:
                continue
            if any(word in other.affirmed for _, other in quotes):
                continue
            reported.add(word)
            yield message(text, text.affirmed[word], quote, q, citation,
                          "the text affirms what its quote denies (\"{t}\" where the source has \"{q}\")")


def denied_alone(text: Side, sides: list[tuple[Citation, str]]) -> Iterator[str]:
    """The text denies or doubts something while its quotes deny nothing and say nothing
    negative: "is not needed", "did not seek", "doubted that" for quotes that only affirm."""
    if any(negative_sense(s) for _, s in sides):
        return
    doubted = next((w for w in text.reading.words if w.key.startswith(words().negative)), None)
    if doubted is not None and not text.denied:
        citation, said = sides[0]
        yield (f"the text says \"{doubted.key}\" where its quotes say nothing negative: the text reads "
               f"\"{excerpt(text.reading.text, doubted.start, doubted.end)}\"; the quote ({citation.source}) reads "
               f"\"{excerpt(said, 0, min(len(said), 70))}\"")
        return
    if not text.denied:
        return
    plain = [t for t in text.denied.values() if not negative_sense(text.reading.words[t].key)]
    if not plain:
        return  # "no doubt", "not fail": a denied negative affirms
    t = min(plain)
    citation, said = sides[0]
    yield (f"the text denies (\"{text.reading.phrase(t)}\") where its quotes deny nothing: the text reads "
           f"\"{text.shown(t)}\"; the quote ({citation.source}) reads \"{excerpt(said, 0, min(len(said), 70))}\"")


def opposed(text: Side, quotes: list[tuple[Citation, Side]]) -> Iterator[str]:
    """Words of the text whose antonym stands in the quotes, while they themselves do not."""
    present = text.keys.keys() & words().antonym_forms
    if not present:
        return  # no word of any pair in the text: nothing to oppose (most texts)
    for one, other in words().antonyms:
        if not (present & one or present & other):
            continue
        for said, opposite in ((one, other), (other, one)):
            t = text.affirmed_in(said)
            if t is None or text.affirmed_in(opposite) is not None:
                continue
            own = stem(text.reading.words[t].key)
            if any(q.affirmed_in(said) is not None or own in q.affirmed for _, q in quotes):
                continue
            for citation, quote in quotes:
                q = quote.affirmed_in(opposite)
                if q is not None:
                    yield message(text, t, quote, q, citation,
                                  "the text says \"{t}\" where its quote says \"{q}\"")
                    break


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        items: tuple[Statement | Commitment, ...] = (*meeting.statements, *meeting.commitments)
        for item in items:
            if not item.text or not item.cite:
                continue
            text = Side.of(item.text)
            if not (text.denied or words().antonym_forms & text.keys.keys()
                    or any(may_negate(c.quote) or (c.translation and may_negate(c.translation)) for c in item.cite)):
                continue  # nothing denied and no antonym on either side: nothing to compare (most items)
            sides = [(c, compared(ctx, c)) for c in item.cite]
            quotes = [(c, Side.of(s)) for c, s in sides]
            reported = [*negated(text, quotes), *opposed(text, quotes)] or list(denied_alone(text, sides))
            for found in reported:
                yield Diagnostic(item.at("text"), ID, SEVERITY, found, HINT)

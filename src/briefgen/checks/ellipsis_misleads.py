"""A quote whose ellipsis (` ... ` or `…`) skips words that change what it says.

The quote's parts stand, in order, in one paragraph of the source (`quote-not-found`
proves it); this check reads the source text between two consecutive parts:

- a sentence end there (`.`, `!` or `?` followed by a space and a capital letter, or by
  a closing quotation mark) means the quote joins two sentences into one that the source
  does not have. A full stop kept in the quote before the ellipsis (`... threats. ...`)
  shows the sentence end, and a stop after an abbreviation or an initial (`Mr.`, `U.S.`,
  `г.`, from `vocabulary/abbreviations.yaml`) ends no sentence.
- a negation there (`not`, `no`, `never`, `without`, `n't`, `refused to`, `не`, `без`, ...:
  the words of claim-polarity) means the quote may say the opposite of its source. A
  negation inside a clause that commas or dashes set off on both sides (`, which had not
  met since 2019,`) denies nothing the quote keeps, and is left alone; the `not` of
  "not only" counts when the quote keeps the `only`.

WARN:

    # source: He said Kazakhstan developed the strategy. He expressed confidence that
    #         the adoption of the document will be of importance.
    quote: Kazakhstan developed the strategy ... the adoption of the document will be of importance

    # source: The sides did not agree to hold joint exercises.
    quote: The sides ... agree to hold joint exercises

PASS:

    # source: The sides, which had met in Osh, agreed to hold joint exercises.
    quote: The sides ... agreed to hold joint exercises
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..model import Diagnostic, Severity
from ..text import find_parts, fold
from ..vocabulary.meaning import ends_clause, key, may_negate, read, words

ID = "ellipsis-misleads"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

HINT = "cite the sentences as separate quotes, or quote the words you skipped"
CLOSING = "\"”»’'"
OPENING = "\"“«„‘'(["


def _occurrences(part: str, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Every whole-word occurrence of `part` in text[start:end], left to right."""
    while (found := find_parts([part], text, start, end)) is not None:
        yield found
        start = found[0] + 1


def placed(parts: list[str], text: str) -> list[tuple[int, int]] | None:
    """Where each part stands in normalised `text`: the first placement that holds them all
    (as the quote was found), each part then moved as close to the next one as it can be."""
    for first in _occurrences(parts[0], text, 0, len(text)):
        spans = [first]
        for part in parts[1:]:
            found = find_parts([part], text, spans[-1][1])
            if found is None:
                break
            spans.append(found)
        else:
            for i in range(len(spans) - 2, -1, -1):
                closer = list(_occurrences(parts[i], text, spans[i][0], spans[i + 1][0]))
                if closer:
                    spans[i] = closer[-1]
            return spans
    return None


def _word_before(raw: str, at: int) -> str:
    start = at
    while start > 0 and raw[start - 1].isalpha():
        start -= 1
    return raw[start:at]


def sentence_end(raw: str, start: int, end: int) -> bool:
    """Whether raw[start:end] holds the end of a sentence (a capital may follow `end`)."""
    abbreviations = words().abbreviations
    for at in range(start, end):
        if raw[at] not in ".!?":
            continue
        if raw[at] == "." and ("." in raw[at - 1:at] or raw[at + 1:at + 2] == "."):
            continue  # the source's own ellipsis ("...")
        before = _word_before(raw, at)
        if raw[at] == "." and (len(before) == 1 or key(before) in abbreviations):
            continue
        after = at + 1
        if after < len(raw) and raw[after] in CLOSING:
            return True
        if after >= len(raw) or not raw[after].isspace():
            continue
        while after < len(raw) and (raw[after].isspace() or raw[after] in OPENING):
            after += 1
        if after < len(raw) and raw[after].isupper():
            return True
    return False


def negation_in(raw: str, start: int, end: int) -> str | None:
    """A negation within raw[start:end] that is not set off from both sides by punctuation.

    The negation of a fixed phrase ("not only") counts when the quote keeps the rest of
    the phrase: "projects ... only benefit" for "projects not only benefit".
    """
    if not may_negate(raw[start:end]):
        return None
    reading = read(raw)
    split = {i for i, (first, last) in reading.idioms.items()
             if reading.words[first].start < start or reading.words[last].end > end}
    for index in sorted(reading.negators | split):
        word = reading.words[index]
        if word.start < start or word.end > end:
            continue
        if ends_clause(raw[start:word.start]) and ends_clause(raw[word.end:end]):
            continue  # a parenthetical clause: its negation denies nothing the quote keeps
        return word.key.replace('"', "'")
    return None


def shortened(text: str, width: int = 50) -> str:
    """The skipped words on one line; a long stretch as its first and last words."""
    words = text.split()
    shown = " ".join(words)
    if len(shown) <= 2 * width + 3:
        return shown
    head: list[str] = []
    tail: list[str] = []
    while words and len(" ".join([*head, words[0]])) <= width:
        head.append(words.pop(0))
    while words and len(" ".join([words[-1], *tail])) <= width:
        tail.insert(0, words.pop())
    return f"{' '.join(head)} … {' '.join(tail)}"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for _, citation in ctx.citations():
        if "..." not in citation.quote and "…" not in citation.quote:
            continue
        match = ctx.match(citation)
        if match is None or len(match.parts) < 2:
            continue
        norm = match.paragraph.norm  # the same text as fold(raw).text, which maps back to raw
        spans = placed(list(match.parts), norm)
        if spans is None:
            continue
        gaps = [(left, right) for (_, left), (right, _) in zip(spans, spans[1:])
                if any(c in norm[left:right] for c in ".!?") or may_negate(norm[left:right])]
        if not gaps:
            continue
        raw = match.paragraph.raw
        folded = fold(raw)
        if folded.text != norm:  # tested never to differ; should they, no offset is trusted
            continue
        for left, right in gaps:
            start, end = folded.origin[left - 1] + 1, folded.origin[right]
            skipped = shortened(raw[start:end])
            if sentence_end(raw, start, end):
                yield Diagnostic(citation.at("quote"), ID, SEVERITY,
                                 f"the ellipsis skips \"{skipped}\", where a sentence ends: "
                                 f"the quote joins two sentences of {citation.source} into one", HINT)
                break
            negation = negation_in(raw, start, end)
            if negation is not None:
                yield Diagnostic(citation.at("quote"), ID, SEVERITY,
                                 f"the ellipsis skips \"{skipped}\", which holds the negation "
                                 f"{negation!r}: the quote may say the opposite of {citation.source}", HINT)
                break

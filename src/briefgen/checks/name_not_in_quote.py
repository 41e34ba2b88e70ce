"""A participant whose name is not borne out by the participant's own cited quotes.

The name, or one of its `aliases` (other spellings and scripts), must stand in at least
one quote of the participant's `cite`, as whole words. When only an alias stands there
but the quotes spell the name itself a little differently, the name is misspelt.

FAIL:

    - name: Marat Imankulow
      cite:
        - source: kazinform-2024-05
          quote: secretary of the Security Council of Kyrgyzstan Marat Imankulov

PASS:

    - name: Marat Imankulov
      ...
"""

from __future__ import annotations

from typing import Iterator

from ..languages import dominant_script
from ..model import Diagnostic, Participant
from ..text import contains_words, fold, normal, whole_words

ID = "name-not-in-quote"
SEVERITY = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting
NEAR_MISS = 85  # rapidfuzz partial ratio: one or two letters off in a name


def check(ctx) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for person in meeting.participants:
            quotes = [c.quote for c in person.cite]
            folded = [normal(q) for q in quotes]
            name = normal(person.name)
            if any(contains_words(q, name) for q in folded):
                continue
            near = near_miss(person, quotes)
            alias_found = any(contains_words(q, normal(a)) for a in person.aliases for q in folded)
            if alias_found and near is None:
                continue
            if near:
                message = f"participant name {person.name!r} is spelt differently in the cited quote: {near!r}"
                hint = f"write `name: {near}` (as the source spells it)"
            else:
                message = f"participant {person.name!r}: neither the name nor an alias stands in the cited quotes"
                hint = "cite a quote that names the participant, or add the spelling the source uses to `aliases`"
            yield Diagnostic(person.at("name"), ID, SEVERITY, message, hint)


def near_miss(person: Participant, quotes: list[str]) -> str | None:
    """The words of a same-script quote that nearly spell the name, if any."""
    from rapidfuzz import fuzz

    name = normal(person.name)
    script = dominant_script(person.name)
    for quote in quotes:
        if dominant_script(quote) != script:
            continue
        folded = fold(quote)
        hit = fuzz.partial_ratio_alignment(name, folded.text, score_cutoff=NEAR_MISS)
        if hit and hit.dest_end > hit.dest_start:
            start, end = whole_words(folded.text, hit.dest_start, hit.dest_end)
            start, end = folded.span(start, end)
            return quote[start:end].strip()
    return None

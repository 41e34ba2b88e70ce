"""A participant whose name is not borne out by the participant's own cited quotes.

The name, or one of its `aliases` (other spellings and scripts), must stand in at least
one quote of the participant's `cite`, as whole words. An officer keeps one spelling
across outlets that transliterate differently, so a quote holding any declared alias is
clean, unless a quote spells the name nearly but not as any alias: that is a misspelt
name (`Tokeyev` beside a quote's "Tokayev"), even where another quote holds an alias.

FAIL:

    - name: Marat Imankulow
      cite:
        - source: kazinform-2024-05
          quote: secretary of the Security Council of Kyrgyzstan Marat Imankulov

PASS:

    - name: Marat Imankulov
      ...

    - name: Viktor Makhmudov
      aliases: [Viktor Mahmudov]
      cite:
        - source: kun-2025-04
          quote: Secretary of the Security Council of Uzbekistan Viktor Mahmudov
"""

from __future__ import annotations

from typing import Iterator

from ..context import Context
from ..languages import dominant_script
from ..model import Diagnostic, Participant, Severity
from ..text import contains_words, fold, names_in, normal, whole_words

ID = "name-not-in-quote"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting
NEAR_MISS = 85  # rapidfuzz partial ratio: one or two letters off in a name


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for person in meeting.participants:
            quotes = [c.quote for c in person.cite]
            folded = [normal(q) for q in quotes]
            if any(names_in(q, normal(person.name)) for q in folded):
                continue
            alias_found = any(names_in(q, normal(a)) for a in person.aliases for q in folded)
            near = misspelt(person)
            if alias_found and near is None:
                continue
            if near:
                message = f"participant name {person.name!r} is spelt differently in the cited quote: {near!r}"
                hint = f"write `name: {near}` (as the source spells it), or add it to `aliases`"
            else:
                message = f"participant {person.name!r}: neither the name nor an alias stands in the cited quotes"
                hint = "cite a quote that names the participant, or add the spelling the source uses to `aliases`"
            yield Diagnostic(person.at("name"), ID, SEVERITY, message, hint)


def misspelt(person: Participant) -> str | None:
    """How a quote of the participant's spells the name nearly but as no alias (also what the
    language server adds to `aliases`). A near miss that is a declared alias is the officer's
    choice of spelling; one that is no alias is a misspelt name (Tokeyev beside a quote's
    Tokayev), whatever else matches."""
    aliases = [normal(a) for a in person.aliases]
    return next((n for n in near_misses(person, [c.quote for c in person.cite]) if not _is_alias(normal(n), aliases)), None)


def _is_alias(spelling: str, aliases: list[str]) -> bool:
    """The quote's spelling is an alias, or part of one; a surname alias (`Tokayev`) does not
    cover the near miss "Kassym-Jomart Tokayev" of a misspelt `Kassym-Jomart Tokeyev`."""
    return any(contains_words(a, spelling) for a in aliases)


def near_misses(person: Participant, quotes: list[str]) -> Iterator[str]:
    """The words of each same-script quote that nearly spell the name."""
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
            yield quote[start:end].strip()

"""Statement candidates as the meeting file offers them: one speaker's point reported by
two sources is one candidate citing both (as the shipped summaries cite them), ranked by
how many sources bear it out, then in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import normal
from .speech import Said

STEM = 5  # words compared by their first five letters: "establish"/"establishment", "Afghanistan's"
SAME_POINT = 0.5  # share of the shorter quote's content words the other must hold
CONTENT = re.compile(r"[^\W\d_]{4,}")
SMALL = frozenset("that this with from have been their there which would will also about into "
                  "said noted stressed president head state central asia asian countries nations region regional "
                  "этот также было будет центральной азии стран региона".split())
SHARED = 3  # content words two quotes must share at least, besides their half


@dataclass
class Statement:
    speaker: str | None
    sure: bool
    quotes: list[Said]


def content(quote: str, speaker: str | None) -> frozenset[str]:
    """The quote's telling words by their stems: no small words, no words of the speaker's name."""
    name = set(CONTENT.findall(normal(speaker or "")))
    return frozenset(w[:STEM] for w in CONTENT.findall(normal(quote)) if w not in SMALL and w not in name)


def same_point(a: Said, b: Said) -> bool:
    """Whether two quotes of other sources make one point: one speaker, and half the
    content words of the shorter in the other."""
    x, y = content(a.quote, a.speaker), content(b.quote, b.speaker)
    shared = len(x & y)
    return a.source != b.source and a.speaker == b.speaker and shared >= max(SHARED, SAME_POINT * min(len(x), len(y)))


def statements(said: list[Said]) -> list[Statement]:
    """The candidates: quotes of one point joined, the best borne out first."""
    found: list[Statement] = []
    for item in said:
        match = next((s for s in found if all(q.source != item.source for q in s.quotes)
                      and same_point(s.quotes[0], item)), None)
        if match:
            match.quotes.append(item)
            match.sure = match.sure or item.sure
        else:
            found.append(Statement(item.speaker, item.sure, [item]))
    return sorted(found, key=lambda s: -len(s.quotes))  # stable: reading order among equals

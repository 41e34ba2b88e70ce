"""Language codes and the scripts their texts are written in."""

from __future__ import annotations

import re

ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
    hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
    lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
    or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
    ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)

_CYRILLIC = "ru uk be bg mk ky tg mn ba cv ce os kv tt av ab".split()
_LATIN_OR_CYRILLIC = "kk uz az tk sr".split()
_ARABIC = "ar fa ur ps ug sd ku".split()
_LATIN = """en fr de es it pt nl sv no nb nn da fi is et lv lt pl cs sk sl hr bs hu ro sq tr ga cy
    eu ca gl mt lb af sw id ms tl vi eo la""".split()

EXPECTED_SCRIPTS: dict[str, frozenset[str]] = {
    **{code: frozenset({"Cyrillic"}) for code in _CYRILLIC},
    **{code: frozenset({"Latin", "Cyrillic"}) for code in _LATIN_OR_CYRILLIC},
    **{code: frozenset({"Arabic"}) for code in _ARABIC},
    **{code: frozenset({"Latin"}) for code in _LATIN},
    "el": frozenset({"Greek"}),
    "he": frozenset({"Hebrew"}),
    "zh": frozenset({"Han"}),
    "ja": frozenset({"Han", "Kana"}),
    "ko": frozenset({"Hangul"}),
    "ka": frozenset({"Georgian"}),
    "hy": frozenset({"Armenian"}),
}

_LETTERS = {
    "Latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f",
    "Greek": "\u0370-\u03ff",
    "Cyrillic": "\u0400-\u052f",
    "Armenian": "\u0531-\u058f",
    "Hebrew": "\u05d0-\u05ea",
    "Arabic": "\u0620-\u064a\u066e-\u06d3",
    "Georgian": "\u10a0-\u10ff",
    "Kana": "\u3040-\u30ff",
    "Han": "\u4e00-\u9fff",
    "Hangul": "\uac00-\ud7af",
}
_SCRIPT = {name: re.compile(f"[{letters}]+") for name, letters in _LETTERS.items()}  # runs: few matches
_LETTER = re.compile(r"[^\W\d_]+")
SAMPLE = 1_500  # characters: enough to tell the script of an article, cheap for a huge one


def _count(pattern: re.Pattern[str], sample: str) -> int:
    """How many characters of `sample` the (run-matching) pattern covers."""
    return sum(map(len, pattern.findall(sample)))


def dominant_script(text: str) -> str | None:
    """The script most letters of `text` are written in (None for a text without letters)."""
    sample = text[:SAMPLE]
    counts = {name: _count(pattern, sample) for name, pattern in _SCRIPT.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def share_of(text: str, scripts: frozenset[str]) -> float:
    """The share of the letters of `text` written in one of `scripts` (1.0 for a text without letters)."""
    sample = text[:SAMPLE]
    if sample.isascii() and "Latin" in scripts:  # every ASCII letter is Latin
        return 1.0
    letters = _count(_LETTER, sample)
    if not letters:
        return 1.0
    return sum(_count(_SCRIPT[name], sample) for name in scripts) / letters

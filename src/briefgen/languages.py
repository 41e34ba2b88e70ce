"""Language codes and the scripts their texts are written in."""

from __future__ import annotations

from collections import Counter

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

_RANGES = (
    (0x0041, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x3040, 0x30FF, "Kana"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
)


def script_of(char: str) -> str | None:
    """The script of a letter, among those briefgen tells apart; None for anything else."""
    if not char.isalpha():
        return None
    point = ord(char)
    for low, high, name in _RANGES:
        if low <= point <= high:
            return name
    return None


def dominant_script(text: str) -> str | None:
    """The script most letters of `text` are written in (None for a text without letters)."""
    counts = Counter(script for script in map(script_of, text) if script)
    return counts.most_common(1)[0][0] if counts else None

"""Candidates for a catalogue entry of `briefgen add-source`: the title and the outlet an
article gives, and the ASCII slug that ids and file names are made of."""

from __future__ import annotations

import re
import unicodedata

from .sentences import SENTENCE_BREAK

TITLE_LENGTH = 120
REPORTED_BY = re.compile(
    r"\b([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}) (?:reported|reports|learnt|learned|writes|wrote)\b")
DATELINE = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,}\b[^–—\n]{0,40}?\s[–—-]\s+")  # "ASTANA – ", "АСТАНА, 23 июн - "
DATELINE_OUTLET = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,},\s*\d{1,2}\s+\w+\.?\s*[-–—]\s*([^\W\d_][\w .-]*?)\.")


def first_line(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def title_candidate(text: str) -> str | None:
    """The first line; of a long one (a lead paragraph), the first sentence after any dateline,
    cut at a comma or between words before 120 characters."""
    line = first_line(text)
    if line is None or len(line) <= TITLE_LENGTH:
        return line
    dateline = DATELINE_OUTLET.match(line) or DATELINE.match(line)
    line = line[dateline.end():].strip() if dateline else line
    line = SENTENCE_BREAK.split(line, maxsplit=1)[0]
    if len(line) <= TITLE_LENGTH:
        return line
    head = line[:TITLE_LENGTH]
    cut = head.rfind(", ")
    return head[:cut] if cut >= TITLE_LENGTH // 2 else head.rsplit(" ", 1)[0] + " …"


def outlet_candidate(text: str) -> str | None:
    """Who the article says reported it (`Akorda.kz reported`, `АСТАНА, 23 июн - Sputnik.`)."""
    match = DATELINE_OUTLET.match(text) or REPORTED_BY.search(text)
    return match.group(1).strip() if match else None


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщыэюяіїєўқғүұңһөә",
                     "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya i yi ye u q g u u n h o a"
                     .split())) | {"ъ": "", "ь": ""}


def slug(text: str, words: int = 0) -> str:
    """Lowercase ASCII words joined by '-' (Cyrillic transliterated); the first `words` if given."""
    text = text.lower().replace("'", "").replace("’", "")
    text = "".join(_CYRILLIC.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", text)
    return "-".join(parts[:words] if words else parts)

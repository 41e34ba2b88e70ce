"""The numbers a text states, written in digits or in words, English or Russian.

Digits are read with their scale: `10,000` and `10 000` are 10000, `1,5 млрд` is 1.5
billion, `80 per cent` is 80%. Words are read by the table `vocabulary/numbers.yaml`
(num2words' spellings, every Russian form by pymorphy3), and a run of them is one number
as the words build it: "twenty-five" is 25, "two hundred and five" 205, "двух тысяч
двадцать второго" 2022; "five six" is two numbers, as no one writes 11 so.
"""

from __future__ import annotations

import re

from .vocabulary import NUMBER_WORDS

Figure = tuple[str, str | None]  # (digits, scale): ("80", "%"), ("10", "billion"), ("5", None)

NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[, ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)(?:st|nd|rd|th)?"
    r"(?:\s*(%|per ?cent|percent|процент\w*|thousand|тыс\w*|million|mln|млн|billion|bn|млрд|trillion|трлн))?(?!\w)"
)
SCALES = {
    "%": "%", "percent": "%", "per cent": "%", "процент": "%",
    "thousand": "thousand", "тыс": "thousand",
    "million": "million", "mln": "million", "млн": "million",
    "billion": "billion", "bn": "billion", "млрд": "billion",
    "trillion": "trillion", "трлн": "trillion",
}
# Number words that state no number: "one of the key areas", "одним из направлений".
IDIOMS = re.compile(r"\b(?:first of all|first and foremost|at first|one another|one of|no one|one by one|"
                    r"in one|as one|one day|одн\w* из|в первую очередь|прежде всего|"
                    r"во-первых|во-вторых|в-третьих|в-четвертых)\b")
# A word, the parts of a hyphenated one apart ("twenty-five"), with the combining marks of
# normalised text (NFKD writes й as и and a breve).
TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
BIG = 1000  # thousand and above multiply what came before: "двух тысяч"


def thousands(number: str) -> str:
    """`10,000` and `10 000` are 10000; `1,5` (a Russian decimal comma) is 1.5."""
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+", number):
        return re.sub(r"[, ]", "", number)
    return number.replace(",", ".")


def figures(text: str) -> list[Figure]:
    """(digits, scale) for every number in a normalised text, written in digits or words."""
    found: list[Figure] = []
    for match in NUMBER.finditer(text):
        scale = match.group(2)
        if scale:
            scale = next(v for k, v in SCALES.items() if scale.startswith(k))
        found.append((thousands(match.group(1)), scale))
    if any(t in NUMBER_WORDS for t in TOKEN.findall(text)):  # a set lookup: 3x faster than one alternation
        words = IDIOMS.sub(" ", NUMBER.sub(" ", text))  # "10 billion" was read above, with its scale
        found += [(str(n), None) for n in spelt_numbers(TOKEN.findall(words))]
    return found


def spelt_numbers(tokens: list[str]) -> list[int]:
    """The numbers that runs of number words build ("and" may join them after a hundred)."""
    numbers: list[int] = []
    run: list[int] = []
    for token in tokens:
        value = NUMBER_WORDS.get(token)
        if value is not None and (not run or _continues(run[-1], value)):
            run.append(value)
            continue
        if token == "and" and run and run[-1] >= 100:
            continue
        if run:
            numbers.append(_built(run))
        run = [value] if value is not None else []
    if run:
        numbers.append(_built(run))
    return numbers


def _continues(last: int, value: int) -> bool:
    """Whether a number word goes on the number that the word before it is part of."""
    if value >= BIG:
        return last < value  # "two thousand", "двух тысяч", "hundred thousand"
    if value == 100:
        return last < 10  # "two hundred"
    if value > 100:
        return last >= BIG  # "две тысячи триста"
    if last >= 100:
        return True  # "two hundred five", "тысяча двадцать"
    return 20 <= last < 100 and last % 10 == 0 and value < 10  # "twenty-five", "двадцать пять"


def _built(run: list[int]) -> int:
    total = current = 0
    for value in run:
        if value >= BIG:
            total += (current or 1) * value
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        else:
            current += value
    return total + current

"""A meeting whose `cite` quotes do not give its day and month, in a sentence about it.

Common forms are recognised: `16 May`, `May 16`, `16th of May`, `16 мая`, `23 июн`,
`2024-05-16`, `16.05.2024`, `16/05/2024`. The quote that gives the date must be about
this meeting: not a byline, credit or time stamp (a date with next to no words, a time
of day, `2024-05-16` written in running text, "///nCa, 24 June 2023"), not a future or
another event ("will be held", "scheduled", "next meeting", "earlier", "накануне"), and
not a sentence about someone else (it names a person by office, "President Emomali
Rahmon", and none of the participants).

FAIL:

    date: 2024-05-17
    cite:
      - source: kazinform-2024-05
        quote: At a meeting in Astana on May 16

FAIL (the date of the next summit, not of this meeting):

    date: 2024-08-09
    cite:
      - quote: the 6th Consultative Meeting ... scheduled to take place in Astana on August 9

PASS:

    date: 2024-05-16

PASS (the dateline's day; the future is the next sentence's):

    date: 2023-06-23
    cite:
      - quote: ALMATY, June 23. /TASS/. Meetings ... in the Russia-Central Asia format will be held regularly
"""

from __future__ import annotations

import re
from typing import Iterator

from ..context import Context
from ..model import Citation, Diagnostic, Meeting, Severity
from ..text import find_parts, names_in, normal
from ..vocabulary import date_pattern

ID = "date-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

FUTURE_OR_OTHER = re.compile(
    r"\b(?:will|shall|scheduled|upcoming|next|planned|plans|to be held|to take place|expected to|earlier|"
    r"previous|previously|last (?:week|month|year)|the other day|"
    r"будет|будут|состоится|планируется|предстоящ\w*|следующ\w*|очередн\w*|ранее|накануне|прошлой|прошлом)\b")
TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
WORDS = re.compile(r"[^\W\d_]{3,}")


# A person named with an office: "Tajik President Emomali Rahmon", "министр Сергей Лавров".
OFFICE_NAME = re.compile(r"\b(?:president|minister|secretary|chairman|premier|chancellor|prime minister|"
                         r"президент\w*|министр\w*|секретар\w*|председател\w*)\s+((?:[^\W\d_]{2,}[\s-]?){1,3})")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
SENTENCE_END = re.compile(r"[.!?](?=\s)")
CREDIT = re.compile(r"(?:///|\|)\s*[^\W\d_][\w .-]{0,30},?\s*$")  # "///nCa, 24 June 2023"


def sentence_of(ctx: Context, citation: Citation, quote: str) -> str:
    """The whole sentence of the source the quote stands in (normalised): a quote cut short
    ("During a discussion on May 9") is judged by what its sentence says of whom."""
    match = ctx.match(citation)
    span = find_parts(list(match.parts), match.paragraph.norm) if match else None
    if match is None or span is None:
        return quote
    return sentence_around(match.paragraph.norm, *span)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentences of `text` that the span from `start` to `end` stands in."""
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    stop = SENTENCE_END.search(text, end)
    return text[starts[-1] if starts else 0: stop.start() + 1 if stop else len(text)]


def about_another(quote: str, sentence: str, date: re.Match[str], meeting: Meeting) -> str | None:
    """Why a normalised quote giving the date is not about this meeting (None: it may be).
    Only the quote's sentence that gives the date may make it another event's: in "ALMATY,
    June 23. /TASS/. Meetings ... will be held regularly" the day is the dateline's."""
    if FUTURE_OR_OTHER.search(sentence_around(quote, date.start(), date.end())):
        return "a future or another event"
    rest = quote[: date.start()] + quote[date.end():]
    if (TIME_OF_DAY.search(quote) or len(WORDS.findall(rest)) < 2 or ISO.fullmatch(date.group())
            or CREDIT.search(quote[: date.start()])):
        return "a byline, credit or time stamp"
    people = [m.group(1) for m in OFFICE_NAME.finditer(sentence)]
    terms = [t for p in meeting.participants for t in p.terms()]
    if people and not any(names_in(sentence, t) for t in terms):
        return f"an event of {people[0].strip()}, who is no participant"
    return None


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        pattern = date_pattern(meeting.date)
        reasons = []
        for citation in meeting.cite:
            quote = normal(citation.quote)
            found = pattern.search(quote)
            if found is None:
                continue
            reason = about_another(quote, sentence_of(ctx, citation, quote), found, meeting)
            if reason is None:
                break
            reasons.append(reason)
        else:
            stated = f"{meeting.date.day} {meeting.date.strftime('%B')}"
            yield Diagnostic(
                meeting.at("date"), ID, SEVERITY,
                f"date {meeting.date.isoformat()}: its day and month ({stated}) "
                + (f"stand only in a quote about {reasons[0]}" if reasons
                   else "stand in none of the meeting's cite quotes"),
                "correct the date, or cite the sentence that gives it" if not reasons
                else "date the meeting from a sentence about the meeting itself, and cite that sentence",
            )

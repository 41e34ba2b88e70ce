"""Which sentences of an article are about the meeting: a report of one meeting often ends
on another ("Earlier, Tokayev also met with Ban Ki-moon", "During a discussion on May 9,
Rahmon told Putin ..."), and its people and words are no candidates for this one.

A sentence is about another event when it opens on a marker of background ("Earlier",
"Additionally, ... held a meeting", "Напомним", "Ранее") or states a day that is not the
meeting's (a dateline's day is the report's, not the event's; a future day is kept: "the
summit scheduled for August 9" is what the meeting prepared). Once an article turns to
background, the rest of that paragraph stays there.
"""

from __future__ import annotations

import re

from ..text import normal
from ..vocabulary.discourse import dateline_end
from .dates import Stated, dates_in
from .sentences import Sentence
from .setting import FUTURE

BACKGROUND = re.compile(
    r"^(?:earlier|previously|before that|prior to (?:that|this)|additionally|in addition|also|recall|to recall|"
    r"as a reminder|it is worth recalling|the other day|the previous|the last (?:round|meeting|time)|last (?:week|month)|on the eve|ранее|накануне|в прошлый раз|предыдущ|на днях|до этого|напомним|кроме того|также напомним|прежде)\b")
ANOTHER_MEETING = re.compile(r"\b(?:also (?:met|held|received)|held (?:a )?(?:meeting|talks) with|met with)\b|"
                             r"\b(?:также (?:встретил|провел|принял))")


def background(sentence: Sentence) -> bool:
    """Whether a sentence opens on background: the article turns to another event."""
    folded = normal(sentence.text)
    if not BACKGROUND.match(folded):
        return False
    return not folded.startswith(("also", "in addition", "additionally", "кроме того")) or bool(ANOTHER_MEETING.search(folded))


def another_day(sentence: Sentence, day: Stated | None) -> bool:
    """Whether a sentence tells of a past day that is not the meeting's."""
    if day is None or FUTURE.search(sentence.text):
        return False
    rest = normal(sentence.text[dateline_end(sentence.text):])  # a dateline's day is the report's
    stated = [s for s in dates_in(rest) if not s.iso]
    return bool(stated) and all((s.day, s.month) != (day.day, day.month) for s in stated)


def about_meeting(found: list[Sentence], day: Stated | None) -> list[Sentence]:
    """The sentences about the meeting, in reading order: background runs to the end of
    its paragraph; a sentence of another day is left out alone."""
    kept, away = [], None
    for sentence in found:
        if away != (sentence.source, sentence.line):
            away = None
        if away is None and background(sentence):
            away = (sentence.source, sentence.line)
        if away is None and not another_day(sentence, day):
            kept.append(sentence)
    return kept

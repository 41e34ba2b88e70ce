"""A statement whose quoted paragraph credits the words to another participant of the
same meeting (a warning): a possible misattribution.

The paragraph's frames of reported speech are found (`X said`, `said X`, `X noted`,
`stressed`, `emphasized`, `added`, `echoed`, `recalled`, `underlined`, `pointed out`,
`called for`, `according to X`, `X's words`, `заявил X`, `по словам X`, `отметил X`,
`подчеркнул X`, `считает X`, `X заявил`); the one nearest the quoted words, in the
sentences the quote stands in, is taken to govern them; when those sentences hold no frame
and name no participant, the last frame before them does (`Imankulov said that ... .
<the quoted sentence>` goes on reporting his words). A frame after the quote's sentences
never governs it. When its subject names another
participant (name, alias, title or surname) and not the statement's speaker, the source
credits someone else. Only the meeting's participants count, so that no other name is
guessed at; a frame whose subject is a pronoun (`he said`) or names no participant says
nothing.

WARN (the paragraph says Imankulov said it):

    - speaker: Kassym-Jomart Tokayev
      cite:
        - quote: the secretaries will meet again in Bishkek    # "Imankulov said the secretaries will meet again in Bishkek."

PASS:

    - speaker: Marat Imankulov
      cite:
        - quote: the secretaries will meet again in Bishkek
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Iterator

from ..context import Context, Match
from ..corpus import Paragraph, SourceText
from ..model import Diagnostic, Participant, Severity
from ..text import find_parts, names_in
from ..vocabulary.discourse import Frame, sentences, speech_frames

ID = "speaker-elsewhere"
SEVERITY: Severity = "warning"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def frames(text: SourceText, paragraph: Paragraph) -> tuple[list[Frame], list[tuple[int, int]]]:
    """The paragraph's frames of reported speech and its sentences, found once per source
    paragraph however often it is cited."""
    memo: dict[int, tuple[list[Frame], list[tuple[int, int]]]] = text.memo.setdefault(ID, {})
    if paragraph.line not in memo:
        memo[paragraph.line] = (speech_frames(paragraph.norm), sentences(paragraph.norm))
    return memo[paragraph.line]


def governing(match: Match, participants: Sequence[Participant]) -> list[Frame]:
    """The frames that govern the quoted words: the nearest within the sentences the quote
    stands in (more than one when equally near, as two frames inside the quote are); when
    those sentences hold no frame and name no participant, the nearest frame before them
    (`Imankulov said that ... . <the quoted sentence>` goes on reporting his words). A
    frame after the quote's sentences never governs it."""
    norm = match.paragraph.norm
    span = find_parts(list(match.parts), norm)
    if span is None:
        return []
    start, end = span
    found, bounds = frames(match.text, match.paragraph)
    touched = [(a, b) for a, b in bounds if a < end and b > start] or [(start, end)]
    head, tail = touched[0][0], touched[-1][1]
    distance = {f: max(0, f.start - end, start - f.end) for f in found if f.start < tail and f.end > head}
    if not distance and not any(named(norm[head:tail], p) for p in participants):
        before = [f for f in found if f.end <= head]
        return before[-1:]
    nearest = min(distance.values(), default=None)
    return [f for f, d in distance.items() if d == nearest]


def named(subject: str, person: Participant) -> bool:
    return any(names_in(subject, term) for term in person.terms())


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for statement in meeting.statements:
            speaker = meeting.participant(statement.speaker)
            if speaker is None:
                continue  # unknown-speaker says what is wrong
            others = [p for p in meeting.participants if p is not speaker]
            for citation in statement.cite:
                match = ctx.match(citation)
                if match is None or not any(named(match.paragraph.norm, p) for p in others):
                    continue  # no other participant in the paragraph: nobody else to credit
                nearest = governing(match, meeting.participants)
                if match is None or any(named(f.subject, speaker) for f in nearest):
                    continue
                credit = [(f, [p.name for p in others if named(f.subject, p)]) for f in nearest]
                frame, credited = next(((f, names) for f, names in credit if names), (None, []))
                if frame is None:
                    continue
                yield Diagnostic(
                    statement.at("speaker"), ID, SEVERITY,
                    f"{citation.source} line {match.paragraph.line} credits these words to "
                    f"{' and '.join(credited)} ({match.paragraph.norm[frame.start:frame.end]!r}), not to {statement.speaker!r}",
                    "check who said it: give the statement to the participant the source names, "
                    "or cite the paragraph where the speaker says it",
                )

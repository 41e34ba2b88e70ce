"""The meeting's date and place: the sentence that best gives both, else one for each,
with the full date it states."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import cast

from ..text import normal
from ..vocabulary import CITIES, city_of, meeting_places, names_place, place_names
from .dates import Stated, dated, dates_in
from .sentences import Sentence

FUTURE = re.compile(r"\b(?:scheduled|will|next|upcoming|planned|to be held|to take place)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Setting:
    """What one sentence says about when and where."""

    sentence: Sentence
    stated: Stated | None
    city: str | None
    held: bool  # a meeting verb: `took place in`, `convened in`, `состоялась в`
    relative: bool = False  # the day is "today" or "on Friday": the publication's, not written out

    @property
    def rank(self) -> tuple[bool, ...]:
        both = self.stated is not None and self.city is not None
        # A sentence that places the meeting ("took place in", "сегодня в Бишкеке встретился")
        # first: a dateline gives where the report was filed ("5 октября, Москва /БЕЛТА/.").
        return (self.held or self.relative, both, self.held, self.stated is not None and self.stated.year is not None,
                not FUTURE.search(self.sentence.text),
                self.stated is not None, self.city is not None)


def city_in(sentence: Sentence) -> tuple[str | None, bool]:
    """The city a sentence names (the one a meeting verb points at, first), and whether it has that verb."""
    for _, _, word in meeting_places(sentence.text):
        city = city_of(word) or (word if word[:1].isupper() and word.isascii() else None)
        if city:
            return city, True
    folded = normal(sentence.text)
    named = [city for city in CITIES if any(names_place(folded, n) for n in place_names(city))]
    return (named[0] if named else None), False


WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "в понедельник": 0, "во вторник": 1, "в среду": 2, "в четверг": 3, "в пятницу": 4, "в субботу": 5,
            "в воскресенье": 6}
RELATIVE = re.compile(r"\b(today|сегодня|" + "|".join(WEEKDAYS) + r")\b")


def setting(sentence: Sentence, published: dt.date | None = None) -> Setting:
    """What a sentence says of when and where; a future event's date is not this meeting's
    (`check` refuses a date cited from "scheduled to take place ... on August 9"). Without
    a date written out, "today" or a weekday is a day of the article's publication week."""
    folded, future = normal(sentence.text), FUTURE.search(sentence.text)
    stated = [] if future else dates_in(folded)
    textual: list[Stated | None] = [s for s in stated if not s.iso]
    city, held = city_in(sentence)
    day = (textual or stated or [None])[0]
    relative = RELATIVE.search(folded) if day is None and not future else None
    if relative and published:
        back = (published.weekday() - WEEKDAYS[relative[1]]) % 7 if relative[1] in WEEKDAYS else 0
        on = published - dt.timedelta(days=back)
        return Setting(sentence, Stated(on.day, on.month, on.year), city, held, True)
    return Setting(sentence, day, city, held)


RECENT = dt.timedelta(days=7)  # a report tells of a meeting within days; a week's digest, of its week


def recent(found: Setting, published: dt.date | None) -> bool:
    """Whether the day a sentence states falls in the week up to its article's publication
    (a sentence without a day, or an article without a date, is not marked down)."""
    if found.stated is None or published is None:
        return True
    day = dated(found.stated, published)
    return day is not None and published - RECENT <= day <= published


@dataclass(frozen=True)
class Place:
    """The meeting's date and place as the sources give them, with the sentences to cite."""

    cite: tuple[Sentence, ...]
    stated: Stated | None
    date: dt.date | None
    city: str | None


def place(found: list[Sentence], references: dict[str, dt.date | None]) -> Place:
    """The best sentence giving both the date and the place, else one for each."""
    settings = [s for s in (setting(f, references.get(f.source)) for f in found) if s.stated or s.city]
    if not settings:
        return Place((), None, None, None)

    def rank(s: Setting) -> tuple[bool, ...]:
        """A day not long before its article was published first ("the previous round
        took place in Dushanbe on 20 January" is not the meeting of a 12 March report)."""
        return (recent(s, references.get(s.sentence.source)), *s.rank)

    best = max(settings, key=rank)
    chosen = [best]
    if best.stated is None or best.city is None:
        others = [s for s in settings if (s.stated if best.stated is None else s.city)]
        chosen += [max(others, key=rank)] if others else []
    stated = next((s.stated for s in chosen if s.stated), None)
    if any(s.relative for s in chosen):  # "today" proves no day to `check`: cite where the day is written
        on = cast(Stated, stated)  # a relative day is stated
        written = [s for s in settings if not s.relative and s.stated and (s.stated.day, s.stated.month) == (on.day, on.month)]
        chosen += [max(written, key=rank)] if written else []
    city = next((s.city for s in chosen if s.city), None)
    source = next((s.sentence.source for s in chosen if s.stated), None)
    date = dated(stated, references.get(cast(str, source))) if stated else None  # stated: by a source
    return Place(tuple(s.sentence for s in chosen), stated, date, city)

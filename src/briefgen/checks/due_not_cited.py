"""A commitment's `due` date that the commitment's own quotes do not give.

The quotes (with their translations) must give the date at the precision written:

- a day: its day and month in a common form (`9 August`, `August 9`, `9 августа`,
  `2024-08-09`, `09.08.2024`), with the due's year if the quote gives one there, or else
  the first such day after the meeting;
- the first or last day of a month: that month (`by June`, `in June 2025`, `до июня`);
- 31 December or 1 January: that year alone (`by 2030`, `до 2030 года`, not a span such
  as `2024-2029`), or, in the meeting's own year, "the end of the year" (`до конца года`).

A date the officer knows from elsewhere belongs in the commitment's cite as the quote
that gives it, or in `assessment`.

FAIL:

    - due: 2024-09-01
      cite:
        - quote: scheduled to take place in Astana on August 9

PASS:

    - due: 2024-08-09
      cite:
        - quote: scheduled to take place in Astana on August 9
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Iterator

from ..claims import quoted
from ..context import Context
from ..model import Diagnostic, Meeting, Severity
from ..text import normal
from ..vocabulary import MONTHS, date_pattern, year_pattern

ID = "due-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

YEAR = dt.timedelta(days=366)
MONTH = dt.timedelta(days=31)  # "by the end of May", said on 16 May, is due 31 May
DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
DAY_AFTER = re.compile(r"\.?\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?(?!\s*[,-]?\s*\d{3})")
YEAR_AFTER = re.compile(r"\W{1,3}(\d{4})(?!\d)")
YEAR_END = ("end of the year", "end of this year", "year-end", "year end", "конца года", "конце года",
            "конца этого года", "конца текущего года")


@functools.lru_cache(maxsize=12)
def month_pattern(month: int) -> re.Pattern[str]:
    """A month's name as a word: English whole, Russian with its case ending (`июне`)."""
    forms = [normal(name) for name in MONTHS[month - 1]]
    latin = "|".join(re.escape(f) for f in forms if f.isascii())
    cyrillic = "|".join(re.escape(f) for f in forms if not f.isascii())
    return re.compile(rf"\b(?:(?:{latin})\b\.?|(?:{cyrillic})[а-я]{{0,2}}\b)")


ANY_MONTH = re.compile("|".join(month_pattern(m).pattern for m in range(1, 13)))


def gives_day(said: str, due: dt.date, meeting: Meeting) -> bool:
    """The day and month with the due's year right after them, or with no year: then the
    due is the first such day after the meeting (`by 9 August`, said in May 2024, is 2024)."""
    for match in date_pattern(due).finditer(said):
        if in_year(YEAR_AFTER.match(said, match.end()), due, meeting):
            return True
    return False


def in_year(year: re.Match[str] | None, due: dt.date, meeting: Meeting) -> bool:
    """The year a quote gives right after a day or month is the due's; with none, the due
    is the first such day or month after the meeting."""
    if year is not None:
        return int(year.group(1)) == due.year
    return meeting.date - MONTH <= due < meeting.date + YEAR


def gives_month(said: str, due: dt.date, meeting: Meeting) -> bool:
    if due.day not in (1, calendar.monthrange(due.year, due.month)[1]):
        return False
    return any(in_year(YEAR_AFTER.match(said, m.end()), due, meeting) for m in month_pattern(due.month).finditer(said)
               if not (DAY_BEFORE.search(said, 0, m.start()) or DAY_AFTER.match(said, m.end())))  # "August 9" is a day


def gives_year(said: str, due: dt.date, meeting: Meeting) -> bool:
    """The year alone (not the year of a day or month: "in October 2024" is no year-end)."""
    if (due.month, due.day) not in ((12, 31), (1, 1)):
        return False
    alone = [m for m in year_pattern(due.year).finditer(said)
             if not re.search(r"\d\W{1,3}$", said[max(0, m.start() - 4): m.start()])
             and not any(month.end() >= m.start() - 3 for month in ANY_MONTH.finditer(said, max(0, m.start() - 15),
                                                                                       m.start()))]
    this_year = due.year == meeting.date.year and (due.month, due.day) == (12, 31)
    return bool(alone) or (this_year and any(term in said for term in YEAR_END))


def borne(said: str, due: dt.date, meeting: Meeting) -> bool:
    return gives_day(said, due, meeting) or gives_month(said, due, meeting) or gives_year(said, due, meeting)


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for commitment in meeting.commitments:
            cite = ctx.found(commitment.cite)
            if commitment.due is None or not cite or borne(quoted(cite), commitment.due, meeting):
                continue
            yield Diagnostic(
                commitment.at("due"), ID, SEVERITY,
                f"due {commitment.due.isoformat()} stands in none of the commitment's own quotes",
                "write the date the cited quotes give (a month or a year alone is fine where that is all "
                "they say), or cite the quote that gives it",
            )

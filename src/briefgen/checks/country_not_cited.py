"""A participant's `country` that the participant's own cited quotes do not name.

The country must stand in the participant's own quotes (with their translations) by
its name, adjective or demonym, in English or Russian forms (`Kazakhstan`: "Kazakh",
"Kazakhstani", "Казахстана", "казахстанский"), not merely elsewhere in the meeting.

FAIL:

    - name: Marat Imankulov
      country: Kazakhstan
      cite:
        - source: kazinform-2024-05
          quote: secretary of the Security Council of Kyrgyzstan Marat Imankulov

PASS:

    - name: Kassym-Jomart Tokayev
      country: Kazakhstan
      cite:
        - source: kazinform-2024-05
          quote: Kazakh President Kassym-Jomart Tokayev received secretaries
"""

from __future__ import annotations

from typing import Iterator

from ..claims import quoted
from ..context import Context
from ..model import Diagnostic, Severity
from ..text import contains_words, normal
from ..vocabulary import countries_in, known_country

ID = "country-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for person in meeting.participants:
            cite = ctx.found(person.cite)
            if person.country is None or not cite:
                continue
            said = quoted(cite)
            known = known_country(person.country)
            if (known in countries_in(said)) if known else contains_words(said, normal(person.country)):
                continue
            named = sorted(countries_in(said))
            yield Diagnostic(
                person.at("country"), ID, SEVERITY,
                f"country of {person.name!r}: {person.country!r} is named in none of the participant's own quotes"
                + (f" (they name {', '.join(named)})" if named else ""),
                "write the country the cited quotes give, or cite the quote that names it",
            )

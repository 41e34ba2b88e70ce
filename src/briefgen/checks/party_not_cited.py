"""A commitment's party that the commitment's own quotes do not name.

Each of `parties` must be named in the commitment's own quotes (with their
translations), not merely elsewhere in the meeting:

- a country by its name, adjective or demonym ("Kazakhstan", "the Kazakh side",
  "Казахстана"), or by a group term the quote uses whose members it was on the meeting's
  day ("the Central Asian states", "SCO member states": vocabulary/groups.yaml);
- a participant by a name, alias, title or surname, and the countries that participant
  stands for (its `country`, and those its name and role name);
- "the sides", "the parties", "the participants" ("стороны", "участники") name every
  participant, and so does a quote that names no one at all ("... was noted"): the
  meeting's own participants are then its parties;
- any other party by its words (`Security Council secretaries`).

FAIL:

    - parties: [Kazakhstan, China]
      cite:
        - quote: the 6th Consultative Meeting of the Heads of State of Central Asia

PASS:

    - parties: [Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan]
      cite:
        - quote: the 6th Consultative Meeting of the Heads of State of Central Asia
"""

from __future__ import annotations

from typing import Iterator

from ..claims import borne_out, content_words, quoted, without_notes
from ..context import Context
from ..model import Diagnostic, Meeting, Participant, Severity
from ..text import contains_words, names_in, normal
from ..vocabulary import COUNTRIES, country_named, countries_in, groups_in

ID = "party-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting

EVERYONE = ("the sides", "both sides", "the parties", "the participants", "participants", "all sides",
            "стороны", "сторон", "участники", "участников")


def stands_for(person: Participant, meeting: Meeting) -> frozenset[str]:
    """The countries a participant stands for: its country, and those its name and role
    name (not the officer's notes in the role's parentheses)."""
    own = {person.country} if person.country else set()
    described = normal(f"{person.name} {without_notes(person.role)}")
    return frozenset(own | countries_in(described) | groups_in(described, meeting.date))


def named(said: str, meeting: Meeting) -> tuple[set[str], set[str]]:
    """The countries and the participants a commitment's quotes name."""
    countries = set(countries_in(said) | groups_in(said, meeting.date))
    people = {p.name for p in meeting.participants if any(names_in(said, t) for t in p.terms())}
    if any(contains_words(said, normal(term)) for term in EVERYONE) or not (countries or people):
        people = {p.name for p in meeting.participants}  # the sides, or an agentless sentence
    for person in meeting.participants:
        if person.name in people:
            countries |= stands_for(person, meeting)
    return countries, people


def borne(party: str, countries: set[str], people: set[str], said: str, meeting: Meeting) -> bool:
    person = meeting.participant(party) or next((p for p in meeting.participants if normal(party) in p.terms()), None)
    if person is not None:
        return person.name in people
    if any(contains_words(normal(party), normal(term)) for term in EVERYONE):
        return bool(people or countries)  # "the sides": the quote names who they are, in one way or another
    country = party if party in COUNTRIES else country_named(normal(party))
    if country is not None:
        return country in countries
    members = groups_in(normal(party), meeting.date)
    if members:  # "the Central Asian states": every member named, one way or another
        return members <= countries
    words = content_words(party)
    return bool(words) and all(borne_out(w, said) for w in words)


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for commitment in meeting.commitments:
            cite = ctx.found(commitment.cite)
            if not cite:
                continue
            said = quoted(cite)
            countries, people = named(said, meeting)
            missing = [p for p in commitment.parties if not borne(p, countries, people, said, meeting)]
            if missing:
                yield Diagnostic(
                    commitment.at("parties"), ID, SEVERITY,
                    f"parties {', '.join(map(repr, missing))} are named in none of the commitment's own quotes",
                    "list only the parties the cited quotes name (directly, or as a group such as "
                    "\"the Central Asian states\"), or cite the quote that names them",
                )

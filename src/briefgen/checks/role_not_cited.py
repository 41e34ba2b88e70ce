"""A participant's `role` that the participant's own cited quotes do not bear out.

Every content word of the role (not `of`, `the`, ...) must stand in the participant's
own quotes (with their translations): as a form of a word there (`Secretaries` for
`Secretary`), as an equivalent word of office (`chief` for `Head`), for a country
word as any form of that country (`Kazakh` for `Kazakhstan`), and for an organisation's
name as any of its names (`SCO` for "Shanghai Cooperation Organisation", "ШОС"). Two
roles swapped, a neighbour's country or an office the source does not give are caught. Words in
parentheses are the officer's own note (`(host)`, `(by video)`) and are not compared;
what the officer knows beyond the sources belongs in `assessment`.

FAIL:

    - name: Marat Imankulov
      role: Secretary of the Security Council of Tajikistan
      cite:
        - source: kazinform-2024-05
          quote: secretary of the Security Council of Kyrgyzstan Marat Imankulov

PASS:

    - name: Marat Imankulov
      role: Secretary of the Security Council of Kyrgyzstan
      ...

    - name: Zhang Ming
      role: SCO Secretary-General
      cite:
        - source: kt-2022-06
          quote: генерального секретаря Шанхайской организации сотрудничества Чжан Мина
          translation: the Secretary-General of the Shanghai Cooperation Organisation, Zhang Ming
"""

from __future__ import annotations

from typing import Iterator

from ..claims import borne_out, content_words, quoted, without_notes
from ..context import Context
from ..model import Diagnostic, Severity
from ..text import normal
from ..vocabulary import group_terms

ID = "role-not-cited"
SEVERITY: Severity = "error"
SCOPE = "meeting"  # looks at one meeting at a time: cached per meeting


def check(ctx: Context) -> Iterator[Diagnostic]:
    for meeting in ctx.meetings:
        for person in meeting.participants:
            cite = ctx.found(person.cite)
            if not cite:
                continue
            said = quoted(cite)
            missing = [w for w in dict.fromkeys(content_words(unnamed(person.role, said))) if not borne_out(w, said)]
            if missing:
                shown = ", ".join(repr(w) for w in missing)
                yield Diagnostic(
                    person.at("role"), ID, SEVERITY,
                    f"role of {person.name!r}: {shown} stands in none of the participant's own quotes",
                    "write the role as the cited quotes give it, or cite the quote that states it "
                    "(a note of your own goes in parentheses or in `assessment`)",
                )


def unnamed(role: str, said: str) -> str:
    """The role without the officer's notes and without the organisations the quotes name
    in any of their names: what is left to be borne out word by word."""
    role = normal(without_notes(role))
    named = {group for _, _, group in group_terms(said)}
    for start, end, group in reversed(list(group_terms(role))):
        if group in named:
            role = f"{role[:start]} {role[end:]}"
    return role

"""Correct wordings that drew findings on real reports, and the falsehood each rule must
still catch. Officers wrote correct summaries of seven real sets of reports (not committed:
their texts may not be copied); each wording that drew a false alarm is kept here in a
composed article of the same shape, beside the falsified variant of the same claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check, copy_base

ARTICLE_EN = """\
ASTANA, June 23. /Example Wire/. Meetings of the Security Council secretaries in this format will be held regularly, the council said on Friday.
The secretaries of Russia and the five Central Asian states held their first meeting in Astana on Friday.
Kazakh President Kassym-Jomart Tokayev received SCO Secretary-General Zhang Ming.
Kazakhstan, as the host country, will strive to make the summit successful, Tokayev said.
Tokayev invited Zhang Ming to pay an official visit to Almaty in November.
"""

ARTICLE_RU = """\
Президент Касым-Жомарт Токаев принял генерального секретаря Шанхайской организации сотрудничества Чжан Мина.
Глава государства встретился также с генеральным секретарем ОДКБ Станиславом Засем.
"""

CATALOGUE = """
- id: wire-2023
  file: 101_wire.txt
  outlet: Example Wire
  published: 2023-06-23
  language: en

- id: novosti-2023
  file: 102_novosti.txt
  outlet: Пример-Новости
  published: 2023-06-23
  language: ru
"""

MEETING = """\
title: Security Council secretaries meet in Astana
date: 2023-06-23
location: Astana, Kazakhstan
cite:
  - source: wire-2023
    quote: {date_quote}
summary: {summary}
participants:
  - name: Kassym-Jomart Tokayev
    role: {tokayev_role}
    country: Kazakhstan
    aliases: [Tokayev]
    cite:
      - source: wire-2023
        quote: Kazakh President Kassym-Jomart Tokayev
  - name: Zhang Ming
    role: {zhang_role}
    aliases: [{zhang_alias}]
    cite:
      - source: novosti-2023
        quote: генерального секретаря Шанхайской организации сотрудничества Чжан Мина
        translation: the Secretary-General of the Shanghai Cooperation Organisation, Zhang Ming
  - name: Stanislav Zas
    role: Secretary-General of the CSTO
    aliases: [{zas_alias}]
    cite:
      - source: novosti-2023
        quote: генеральным секретарем ОДКБ Станиславом Засем
        translation: the CSTO Secretary-General, Stanislav Zas
commitments:
  - parties: [{parties}]
    text: {commitment}
    cite:
      - source: wire-2023
        quote: Kazakhstan, as the host country, will strive to make the summit successful, Tokayev said
  - parties: [Zhang Ming]
    text: {visit}
    cite:
      - source: wire-2023
        quote: Tokayev invited Zhang Ming to pay an official visit to Almaty in November
"""

CORRECT = {
    "date_quote": "ASTANA, June 23. /Example Wire/. Meetings of the Security Council secretaries in this format "
                  "will be held regularly, the council said on Friday.",
    "summary": "The secretaries of Russia and the five Central Asian states met; Tokayev received Zhang Ming "
               "and Stanislav Zas, and the three spoke of the summit.",
    "tokayev_role": "President of Kazakhstan (host, SCO chair)",
    "zhang_role": "SCO Secretary-General",
    "zhang_alias": "Чжан Мин",
    "zas_alias": "Станислав Зась",
    "parties": "Kazakhstan",
    "commitment": "Kazakhstan, as host, will strive to make the summit a success.",
    "visit": "Zhang Ming was invited to pay an official visit to Almaty in November.",
}


def repository(tmp_path: Path, **changed: str) -> Path:
    root = copy_base(tmp_path / "repo")
    (root / "seeds" / "101_wire.txt").write_text(ARTICLE_EN, "utf-8")
    (root / "seeds" / "102_novosti.txt").write_text(ARTICLE_RU, "utf-8")
    with open(root / "seeds" / "sources.yaml", "a", encoding="utf-8") as catalogue:
        catalogue.write(CATALOGUE)
    (root / "briefs" / "2023-06-23-astana.yaml").write_text(MEETING.format(**{**CORRECT, **changed}), "utf-8")
    return root


def findings(tmp_path: Path, **changed: str) -> list[str]:
    verification = check(repository(tmp_path, **changed))
    return [f"{d.code}: {d.message}" for d in verification.diagnostics if d.where.file.endswith("astana.yaml")]


def test_the_correct_wordings_are_clean(tmp_path: Path) -> None:
    """"Чжан Мина" and "Станиславом Засем" are Чжан Мин and Станислав Зась; "SCO" is the
    Shanghai Cooperation Organisation; the dateline's day is the meeting's though the next
    sentence speaks of future meetings; "the three" counts the meeting's participants and
    "the five Central Asian states" the group's members; an effort kept as an effort and an
    invitation as an invitation are no completed events."""
    found = findings(tmp_path)
    assert found == [], found


FALSIFIED = {
    "another name": ({"zhang_alias": "Чжан Ли"}, "name-not-in-quote"),
    "another case of another name": ({"zas_alias": "Станислав Зайцев"}, "name-not-in-quote"),
    "another organisation": ({"zhang_role": "CSTO Secretary-General"}, "role-not-cited"),
    "a party from the role's note": ({"parties": "Kazakhstan, China"}, "party-not-cited"),
    "the date of a future meeting": ({"date_quote": "Meetings of the Security Council secretaries in this format "
                                                    "will be held regularly"}, "date-not-cited"),
    "a count the meeting does not bear": ({"summary": "Tokayev received Zhang Ming and Stanislav Zas; the four spoke."},
                                          "figure-not-cited"),
    "a count of something else": ({"summary": "Tokayev received Zhang Ming and Stanislav Zas; they named the three "
                                              "key items."}, "figure-not-cited"),
    "a group of the wrong size": ({"summary": "The secretaries of Russia and the four Central Asian states met."},
                                  "figure-not-cited"),
    "an effort reported as a success": ({"commitment": "Kazakhstan, as host, made the summit a success."},
                                        "future-as-done"),
    "an invitation reported as a visit": ({"visit": "Zhang Ming paid an official visit to Almaty in November."},
                                          "future-as-done"),
}


@pytest.mark.parametrize("changed,code", FALSIFIED.values(), ids=FALSIFIED.keys())
def test_each_falsehood_is_caught(tmp_path: Path, changed: dict[str, str], code: str) -> None:
    found = findings(tmp_path, **changed)
    assert any(f.startswith(code) for f in found), found

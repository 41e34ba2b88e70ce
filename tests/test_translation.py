"""translation-unfaithful: a translation carries its original's numbers, months, people,
places and negations, and adds none; wording and word order are free.

The correct pairs are translations as an officer writes them (other order, other words,
a negation said another way); each must stay clean. The unfaithful ones change one fact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.checks.translation_unfaithful import faithful
from briefgen.model import Citation, Meeting, Participant, Where

from conftest import MINIMAL, check, copy_base

HERE = Where("briefs/m.yaml", 1)


def person(name: str, *aliases: str, titles: tuple[str, ...] = ()) -> Participant:
    return Participant(pos=HERE, name=name, role="r", cite=(Citation(pos=HERE, source="s", quote="q"),),
                       aliases=aliases, titles=titles)


MEETING = Meeting(pos=HERE, id="m", title="t", date=dt.date(2023, 6, 23), location="Almaty, Kazakhstan",
                  cite=(), summary="s",
                  participants=(person("Kassym-Jomart Tokayev", titles=("глава государства", "the head of state")), person("Nikolai Patrushev"),
                                person("Nasrullo Mahmudzoda"),
                                Participant(pos=HERE, name="Secretaries of the Security Councils", role="r", cite=())))


def found(original: str, translation: str) -> list[str]:
    return faithful(Citation(pos=HERE, source="s", quote=original, translation=translation), MEETING)


CORRECT = [
    # numbers in words and digits, in either language; an ordinal's case
    ("задержали более 1200 контрабандистов", "detained more than 1,200 smugglers"),
    ("в течение пяти лет", "over five years"),
    ("в течение пяти лет", "over 5 years"),
    ("на первой встрече глав государств", "at the heads of state's first meeting"),
    ("двадцать пять участников", "25 participants"),
    ("товарооборот достиг 1,5 млрд долларов", "trade reached 1.5 billion dollars"),
    ("одним из ключевых направлений", "one of the key areas"),
    ("тысячи людей", "thousands of people"),
    ("лидеры двух стран", "the leaders of both countries"),
    ("обе стороны согласились", "the two sides agreed"),
    ("в сфере обеспечения безопасности", "in ensuring security"),  # "обеспечения" is no "обе"
    ("впервые встретились", "met for the first time"),
    ("он не раз подчеркивал", "he repeatedly stressed"),
    ("во-первых, безопасность", "firstly, security"),
    # months and years, other order
    ("в октябре 2022 года мы обсуждали этот вопрос", "we discussed the issue in October 2022"),
    ("прошла в Бишкеке 14 мая", "took place on 14 May in Bishkek"),
    ("встреча состоится в мае", "the meeting will take place in May"),
    ("мы можем встретиться снова", "we may meet again"),  # "may" beside no date is no month
    # people in oblique cases, by surname or whole name
    ("встреча с Николаем Патрушевым", "the meeting with Nikolai Patrushev"),
    ("считает глава государства Касым-Жомарт Токаев", "believes the head of state, Kassym-Jomart Tokayev"),
    ("подчеркнул Токаев", "Tokayev stressed"),
    ("по словам Насрулло Махмудзоды", "according to Mahmudzoda"),
    ("сказал президент", "the president said"),
    ("сказал глава государства", "Tokayev said"),  # a title resolved to the name it stands for
    ("заявил Токаев", "the head of state said"),
    ("на встрече глав государств", "at the meeting of heads of state"),  # a title in the plural names no one
    # places and countries, as adjectives and nouns, in any case
    ("с ситуацией в Афганистане", "with the situation in Afghanistan"),
    ("в Центральной Азии и России", "in Central Asia and Russia"),
    ("российская сторона", "the Russian side"),
    ("президент Казахстана", "the Kazakh president"),
    ("в Ташкенте", "in Tashkent"),
    ("создаваемого в Алматы", "being set up in Almaty"),
    # negations said another way
    ("уже недостаточно", "are no longer enough"),
    ("уже недостаточно", "are now insufficient"),
    ("потенциал этого центра далеко не раскрыт", "the potential of this centre is far from realised"),
    ("мы не согласны", "we disagree"),
    ("без промедления", "without delay"),
    ("не только безопасность, но и торговля", "not only security but also trade"),
    ("мы против вмешательства", "we are against interference"),
    ("меры не были приняты", "no measures were taken"),
    ("неразрывно связаны", "are inextricably linked"),
    ("незаконным оборотом наркотиков", "illicit drug trafficking"),
    # a group of people is not a name to carry
    ("секретари советов безопасности", "the Secretaries of the Security Councils"),
]


@pytest.mark.parametrize("original,translation", CORRECT)
def test_a_faithful_translation_is_clean(original: str, translation: str) -> None:
    assert found(original, translation) == []


UNFAITHFUL = [
    ("задержали более 1200 контрабандистов", "detained more than 1,300 smugglers", "leaves out 1200; adds 1300"),
    ("в течение пяти лет", "over six years", "leaves out 5; adds 6"),
    ("на первой встрече", "at the second meeting", "leaves out 1; adds 2"),
    ("в октябре 2022 года", "in November 2022", "leaves out October; adds November"),
    ("в октябре 2022 года", "in October 2021", "leaves out 2022; adds 2021"),
    ("встреча с Николаем Патрушевым", "the meeting with Tokayev", "leaves out Nikolai Patrushev; adds Kassym-Jomart Tokayev"),
    ("встреча с Николаем Патрушевым", "the meeting", "leaves out Nikolai Patrushev"),
    ("с ситуацией в Афганистане", "with the situation in Pakistan", "leaves out Afghanistan; adds Pakistan"),
    ("в Ташкенте", "in Astana", "leaves out Tashkent, Uzbekistan"),
    ("неразрывно связаны", "are not linked", "adds a negation"),
    ("потенциал этого центра далеко не раскрыт", "the potential of this centre is fully realised", "leaves out a negation"),
    ("уже недостаточно", "are still enough", "leaves out a negation"),
    ("меры были приняты", "no measures were taken", "adds a negation"),
]


@pytest.mark.parametrize("original,translation,expected", UNFAITHFUL)
def test_a_changed_fact_is_named(original: str, translation: str, expected: str) -> None:
    said = "; ".join(found(original, translation))
    for part in expected.split("; "):
        assert part.split(" ", 2)[-1].split(", ")[0] in said and part.split(" ")[0] in said, (said, expected)


def test_the_finding_shows_both_texts(tmp_path: Path) -> None:
    meeting = MINIMAL.replace("translation: took place in Bishkek on 14 May", "translation: took place in Bishkek on 15 May")
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": meeting})
    run = check(root)
    finding = next(d for d in run.diagnostics if d.code == "translation-unfaithful")
    assert (finding.where.line, finding.severity) == (9, "warning")
    assert "leaves out 14" in finding.message and "adds 15" in finding.message
    assert "прошла в Бишкеке 14 мая" in finding.hint and "on 15 May" in finding.hint


def test_an_unread_language_is_not_judged() -> None:
    """Kazakh number words are unknown here: a Kazakh original is not compared."""
    from briefgen.checks.translation_unfaithful import READ

    assert "kk" not in READ

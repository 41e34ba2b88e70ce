"""Claims held to their own quotes (issue 14): roles, countries, parties, due dates, the
meeting's date and year, and numbers written as words. Each rule has its falsehoods,
which must be caught, and correct variants (faithful paraphrase, other forms of the
same words, group terms, Russian forms), which must raise nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, check, copy_base, find, show

CODES = ("role-not-cited", "country-not-cited", "party-not-cited", "due-not-cited", "date-not-cited",
         "year-not-cited", "figure-not-cited", "claim-polarity", "future-as-done")

TEMIROV = """    cite:
      - source: border-en-2024
        quote: Kyrgyz border service chief Almaz Temirov
"""
NAZAROV = """  - name: Rustam Nazarov
    role: {role}
    country: {country}
    cite:
      - source: border-en-2024
        quote: Tajik commander Rustam Nazarov proposed joint patrols along the Pamir highway
"""
COMMITMENT = """commitments:
  - parties: [{parties}]
    text: {text}
{due}    cite:
      - source: {source}
        quote: {quote}
{translation}"""
FIRST = ("The first meeting of the border service commanders of Kazakhstan, Kyrgyzstan and Tajikistan took place "
         "in Bishkek on 14 May 2024")
STATEMENT = """statements:
  - speaker: Almaz Temirov
    text: {text}
    cite:
      - source: border-en-2024
        quote: the three services had detained more than 1,200 smugglers in 2023
"""
EN_EXERCISES = "The sides agreed to hold joint exercises on the Tajik–Kyrgyz border in October 2024"
RU_EXERCISES = "Стороны договорились провести совместные учения в октябре"


def meeting(*, temirov_role: str = "Head of the Border Service of Kyrgyzstan", temirov_country: str = "",
            nazarov: tuple[str, str] | None = None, parties: str | None = None, due: str | None = None,
            text: str = "Hold joint exercises on the Tajik-Kyrgyz border.", russian: bool = False,
            summary: str | None = None, title: str | None = None, first_sentence: bool = False,
            statement: str | None = None) -> str:
    """MINIMAL with the fields under test changed."""
    body = MINIMAL.replace("    quote: took place in Bishkek on 14 May 2024\n", f"    quote: {FIRST}\n") if first_sentence else MINIMAL
    body = body.replace("    role: Head of the Border Service of Kyrgyzstan\n", f"    role: {temirov_role}\n"
                           + (f"    country: {temirov_country}\n" if temirov_country else ""))
    if summary:
        body = body.replace("summary: The border commanders met in Bishkek.", f"summary: {summary}")
    if title:
        body = body.replace("title: Border commanders meet in Bishkek", f"title: {title}")
    if nazarov:
        body += NAZAROV.format(role=nazarov[0], country=nazarov[1])
    if statement:
        body += STATEMENT.format(text=statement)
    if parties is not None:
        body += COMMITMENT.format(
            parties=parties, text=text, due=f"    due: {due}\n" if due else "",
            source="border-ru-2024" if russian else "border-en-2024",
            quote=RU_EXERCISES if russian else EN_EXERCISES,
            translation="        translation: The sides agreed to hold joint exercises in October\n" if russian else "")
    return body


def findings(tmp_path: Path, text: str) -> list:
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": text})
    verification = check(root)
    return [d for d in verification.diagnostics if d.code in CODES]


FALSE = {
    "role of a neighbour": ("role-not-cited", meeting(nazarov=("Head of the Border Service of Kyrgyzstan", "Tajikistan"))),
    "role: an office not given": ("role-not-cited", meeting(temirov_role="Deputy Head of the Border Service of Kyrgyzstan")),
    "role: another service": ("role-not-cited", meeting(temirov_role="Head of the Customs Service of Kyrgyzstan")),
    "role: another country": ("role-not-cited", meeting(temirov_role="Head of the Border Service of Kazakhstan")),
    "role: minister for chief": ("role-not-cited", meeting(temirov_role="Minister of Defence of Kyrgyzstan")),
    "country: neighbour": ("country-not-cited", meeting(temirov_country="Kazakhstan")),
    "country: another neighbour": ("country-not-cited", meeting(nazarov=("Tajik commander", "Uzbekistan"))),
    "country: far away": ("country-not-cited", meeting(temirov_country="Russia")),
    "country: not in the vocabulary": ("country-not-cited", meeting(temirov_country="Norway")),
    "country: of the host": ("country-not-cited", meeting(nazarov=("Tajik commander", "Kyrgyzstan"))),
    "party: an absent country": ("party-not-cited", meeting(parties="Kyrgyzstan, Tajikistan, Uzbekistan")),
    "party: a great power": ("party-not-cited", meeting(parties="Kyrgyzstan, China")),
    "party: Russian quote, absent country": ("party-not-cited", meeting(parties="Kyrgyzstan, Russia", russian=True)),
    "party: an organisation": ("party-not-cited", meeting(parties="CSTO")),
    "party: a person not at the meeting": ("party-not-cited", meeting(parties="Emomali Rahmon")),
    "due: another month": ("due-not-cited", meeting(parties="Kyrgyzstan, Tajikistan", due="2024-11-30")),
    "due: a day not given": ("due-not-cited", meeting(parties="Kyrgyzstan, Tajikistan", due="2024-10-15")),
    "due: another year": ("due-not-cited", meeting(parties="Kyrgyzstan, Tajikistan", due="2025-10-31")),
    "due: Russian quote, another month": ("due-not-cited", meeting(parties="Kyrgyzstan", due="2024-09-30", russian=True)),
    "due: year end": ("due-not-cited", meeting(parties="Kyrgyzstan", due="2024-12-31")),
    "number: second for first": ("figure-not-cited", meeting(summary="The border commanders met for the second time.",
                                                              first_sentence=True)),
    "number: four for three": ("figure-not-cited", meeting(statement="The four border services detained smugglers.")),
    "number: five countries for three": ("figure-not-cited", meeting(
        title="Border commanders of five countries meet in Bishkek")),
    "number: third meeting": ("figure-not-cited", meeting(title="Third meeting of the border commanders")),
    "number: words in a text": ("figure-not-cited", meeting(
        parties="Kyrgyzstan, Tajikistan", text="Hold two joint exercises on the Tajik-Kyrgyz border.")),
    "number: Russian ordinal": ("figure-not-cited", meeting(summary="Вторая встреча командующих.")),
    "polarity: a denial the quote lacks": ("claim-polarity", meeting(
        parties="Kyrgyzstan, Tajikistan", text="No joint exercises are needed on the Tajik-Kyrgyz border.")),
    "done: a commitment in the past tense": ("future-as-done", meeting(
        parties="Kyrgyzstan, Tajikistan", text="Held joint exercises on the Tajik-Kyrgyz border.")),
}


@pytest.mark.parametrize("name", FALSE)
def test_a_falsehood_around_genuine_quotes_is_caught(tmp_path: Path, name: str) -> None:
    code, text = FALSE[name]
    found = findings(tmp_path, text)
    assert code in {d.code for d in found}, show(found)


CORRECT = {
    "role: as the quote": meeting(temirov_role="Border service chief of Kyrgyzstan"),
    "role: chief for head": meeting(),
    "role: adjective for country": meeting(temirov_role="Kyrgyz border service chief"),
    "role: plural for singular": meeting(temirov_role="Chief of the Border Services of Kyrgyzstan"),
    "role: an officer's note in parentheses": meeting(temirov_role="Head of the Border Service of Kyrgyzstan (host)"),
    "role: another participant's own": meeting(nazarov=("Tajik commander", "Tajikistan")),
    "role: the country as the quote's adjective": meeting(nazarov=("Commander of Tajikistan", "Tajikistan")),
    "country: by adjective": meeting(temirov_country="Kyrgyzstan"),
    "country: by adjective, Tajik": meeting(nazarov=("Tajik commander", "Tajikistan")),
    "party: named directly": meeting(parties="Kyrgyzstan, Tajikistan"),
    "party: by adjective": meeting(parties="Tajikistan, Kyrgyzstan"),
    "party: the sides, participants' countries": meeting(
        parties="Kyrgyzstan", nazarov=("Tajik commander", "Tajikistan")),
    "party: the sides, a participant": meeting(parties="Almaz Temirov"),
    "party: Russian 'стороны'": meeting(parties="Kyrgyzstan", russian=True),
    "party: a participant by surname": meeting(parties="Temirov"),
    "due: the month's last day": meeting(parties="Kyrgyzstan, Tajikistan", due="2024-10-31"),
    "due: the month's first day": meeting(parties="Kyrgyzstan, Tajikistan", due="2024-10-01"),
    "due: Russian month": meeting(parties="Kyrgyzstan", due="2024-10-31", russian=True),
    "due: none": meeting(parties="Kyrgyzstan, Tajikistan"),
    "number: first, as the quote": meeting(summary="The border commanders met for the first time.", first_sentence=True),
    "number: three as a word": meeting(statement="The three border services detained over 1,200 smugglers in 2023."),
    "number: 3 for three": meeting(statement="The 3 border services detained over 1,200 smugglers in 2023."),
    "number: first of all is no number": meeting(summary="First of all, the border commanders met in Bishkek."),
    "number: digits for words": meeting(summary="The 1st meeting of border commanders took place in Bishkek.",
                                        first_sentence=True),
    "number: Russian ordinal for the quote's word": meeting(summary="Первая встреча командующих состоялась.",
                                                             first_sentence=True),
    "number: the title's ordinal": meeting(title="First meeting of the border commanders", first_sentence=True),
    "number: one another": meeting(summary="The commanders met one another in Bishkek."),
    "date: the Russian quote alone": MINIMAL.replace(
        "  - source: border-en-2024\n    quote: took place in Bishkek on 14 May 2024\n", ""),
    "year: in the cite": MINIMAL,
    "date: a sentence with the time of a later day is elsewhere": MINIMAL.replace(
        "summary: The border commanders met in Bishkek.", "summary: The border commanders met in Bishkek, in May."),
    "party: two countries of the quote": meeting(parties="Tajikistan, Kyrgyzstan", text="Hold joint exercises."),
    "due: the year and month": meeting(parties="Kyrgyzstan", due="2024-10-31", text="Exercises in October 2024."),
    "done: the agreement itself": meeting(parties="Kyrgyzstan, Tajikistan",
                                          text="Agreed to hold joint exercises on the Tajik-Kyrgyz border."),
    "done: an instruction": meeting(parties="Kyrgyzstan, Tajikistan", text="Hold joint exercises in October."),
    "polarity: affirmed as the quote": meeting(parties="Kyrgyzstan, Tajikistan", text="The sides agreed on exercises."),
}


@pytest.mark.parametrize("name", CORRECT)
def test_a_correct_variant_raises_nothing(tmp_path: Path, name: str) -> None:
    found = findings(tmp_path, CORRECT[name])
    assert found == [], show(found)


def test_enough_variants() -> None:
    assert len(FALSE) >= 25 and len(CORRECT) >= 30

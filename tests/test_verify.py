"""The verifier: each check on a small repository, and what the findings say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen import checks
from briefgen.vocabulary import date_pattern
from briefgen.figures import figures
from briefgen.checks.source_conflict import meeting_places
from briefgen.load import load
from briefgen.model import Citation, Where
from briefgen.text import normal
from briefgen.verify import verify

from conftest import MINIMAL, check, copy_base, find, show

FILE = "briefs/2024-05-14-bishkek.yaml"


def checked(tmp_path: Path, text: str, **extra: str):
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": text, **extra})
    return check(root)


def one(verification, code: str):
    found = find(verification, code)
    assert len(found) == 1, show(verification.diagnostics)
    return found[0]


STATEMENT = """statements:
  - speaker: {speaker}
    text: {text}
    cite:
      - source: border-en-2024
        quote: {quote}
"""


def with_statement(speaker="Almaz Temirov", text="The gaps must be closed.",
                   quote="We must close the gaps on our mountain borders") -> str:
    return MINIMAL + STATEMENT.format(speaker=speaker, text=text, quote=quote)


def test_minimal_is_clean(tmp_path: Path) -> None:
    verification = checked(tmp_path, MINIMAL)
    assert verification.diagnostics == (), show(verification.diagnostics)
    assert verification.errors == () and verification.warnings == ()


def test_registry_is_documented() -> None:
    registry = checks.registry()
    assert "quote-not-found" in registry and "yaml-syntax" in registry
    for code, module in registry.items():
        assert module.ID == code
        assert module.SEVERITY in ("error", "warning")
        doc = module.__doc__ or ""
        assert doc.strip(), code
        assert "PASS" in doc and ("FAIL" in doc or "WARN" in doc), code
        if getattr(module, "STAGE", "verify") != "load":
            assert hasattr(module, "check"), code


# --- evidence ------------------------------------------------------------------------------


def test_evidence_points_at_the_quoted_words(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": MINIMAL})
    dossier = load(root)
    verification = verify(root, dossier)
    texts = {s.id: (root / "seeds" / s.file).read_text("utf-8") for s in dossier.sources}
    citations = dossier.citations()
    assert len(citations) == 3
    for _, citation in citations:
        evidence = verification.evidence[citation.pos]
        text = texts[citation.source]
        assert evidence.source == citation.source
        assert normal(text[evidence.start:evidence.end]) == normal(citation.quote)
        assert text.splitlines()[evidence.line - 1].find(text[evidence.start:evidence.end]) >= 0
    lines = [verification.evidence[c.pos].line for _, c in citations]
    assert lines == [3, 2, 4]


def test_evidence_of_typographic_quotes(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": with_statement(
        quote="'\"We must close the gaps on our mountain borders,\" he said'")})
    dossier = load(root)
    verification = verify(root, dossier)
    statement = dossier.meetings[0].statements[0].cite[0]
    evidence = verification.evidence[statement.pos]
    text = (root / "seeds" / "001_border_en.txt").read_text("utf-8")
    assert text[evidence.start:evidence.end] == "“We must close the gaps on our moun\u00adtain borders,” he said"
    assert evidence.line == 5


# --- quote-not-found -------------------------------------------------------------------------


def test_quote_not_found_names_closest_passage_and_difference(tmp_path: Path) -> None:
    verification = checked(tmp_path, with_statement(quote="We must close the holes on our mountain borders"))
    d = one(verification, "quote-not-found")
    assert (d.where.file, d.where.line, d.severity) == (FILE, 22, "error")
    assert "seeds/001_border_en.txt" in d.message and "line 5" in d.message
    assert "'holes'" in d.hint and "'gaps'" in d.hint
    assert "moun" in d.hint  # the source's own words are shown


def test_quote_from_nowhere(tmp_path: Path) -> None:
    verification = checked(tmp_path, with_statement(quote="zebra quagga okapi"))
    d = one(verification, "quote-not-found")
    assert "nothing in it resembles" in d.hint or "%" in d.message


def test_quote_not_found_is_not_reported_twice_for_an_unknown_source(tmp_path: Path) -> None:
    text = with_statement().replace("      - source: border-en-2024\n        quote: We must", "      - source: nowhere\n        quote: We must")
    verification = checked(tmp_path, text)
    assert one(verification, "unknown-source").where.line == 21
    assert find(verification, "quote-not-found") == []


# --- names and speakers ----------------------------------------------------------------------


def test_participant_named_only_by_alias(tmp_path: Path) -> None:
    text = MINIMAL.replace("    cite:\n      - source: border-en-2024\n        quote: Kyrgyz border service chief Almaz Temirov",
                           "    aliases: [Алмаз Темиров]\n    cite:\n      - source: border-ru-2024\n"
                           "        quote: заявил глава пограничной службы Кыргызстана Алмаз Темиров\n"
                           "        translation: said the head of the Kyrgyz border service, Almaz Temirov")
    verification = checked(tmp_path, text)
    assert find(verification, "name-not-in-quote") == [], show(verification.diagnostics)


def test_participant_not_in_quote(tmp_path: Path) -> None:
    text = MINIMAL.replace("quote: Kyrgyz border service chief Almaz Temirov", "quote: Tajik commander Rustam Nazarov")
    d = one(checked(tmp_path, text), "name-not-in-quote")
    assert d.where.line == 12 and "Almaz Temirov" in d.message
    assert "aliases" in d.hint


def test_misspelt_participant_hint_gives_the_source_spelling(tmp_path: Path) -> None:
    d = one(checked(tmp_path, MINIMAL.replace("name: Almaz Temirov", "name: Almaz Temirow")), "name-not-in-quote")
    assert d.hint == "write `name: Almaz Temirov` (as the source spells it), or add it to `aliases`"


def test_misspelt_participant_is_caught(tmp_path: Path) -> None:
    d = one(checked(tmp_path, MINIMAL.replace("name: Almaz Temirov", "name: Almaz Temirow")), "name-not-in-quote")
    assert d.where.line == 12 and "spelt differently" in d.message


def test_quote_spelling_declared_as_alias_is_clean(tmp_path: Path) -> None:
    """One spelling across outlets: the quote's own spelling, declared in `aliases`, is clean."""
    text = MINIMAL.replace("name: Almaz Temirov", "name: Almaz Temirow\n    aliases: [Almaz Temirov]")
    verification = checked(tmp_path, text)
    assert find(verification, "name-not-in-quote") == [], show(verification.diagnostics)


def test_near_miss_that_is_no_alias_is_caught_beside_an_alias(tmp_path: Path) -> None:
    """A Russian quote holds the alias, but the English quote spells the name otherwise:
    the name is misspelt, and the alias in another script does not hide it."""
    text = MINIMAL.replace(
        "name: Almaz Temirov\n", "name: Almaz Temirow\n    aliases: [Алмаз Темиров]\n").replace(
        "        quote: Kyrgyz border service chief Almaz Temirov",
        "        quote: Kyrgyz border service chief Almaz Temirov\n      - source: border-ru-2024\n"
        "        quote: заявил глава пограничной службы Кыргызстана Алмаз Темиров\n"
        "        translation: said the head of the Kyrgyz border service, Almaz Temirov", 1)
    d = one(checked(tmp_path, text), "name-not-in-quote")
    assert "spelt differently" in d.message and "Almaz Temirov" in d.hint


def test_unknown_speaker_hint(tmp_path: Path) -> None:
    d = one(checked(tmp_path, with_statement(speaker="Almaz Temirow")), "unknown-speaker")
    assert d.where.line == 18
    assert d.hint == "write `speaker: Almaz Temirov`"


def test_speaker_by_alias_and_typography(tmp_path: Path) -> None:
    text = with_statement(speaker="ALMAZ  TEMIROV").replace("    role: Head", "    aliases: [Temirov]\n    role: Head")
    verification = checked(tmp_path, text)
    assert find(verification, "unknown-speaker") == [], show(verification.diagnostics)


def test_speaker_named_in_the_paragraph_before(tmp_path: Path) -> None:
    # line 5 ("We must close the gaps ...", he said) follows line 4, which names Temirov
    assert checked(tmp_path, with_statement()).diagnostics == ()


def test_speaker_not_near(tmp_path: Path) -> None:
    text = with_statement(quote="The sides agreed to hold joint exercises")
    d = one(checked(tmp_path, text), "speaker-not-near")
    assert (d.where.line, d.severity) == (18, "warning")
    assert "border-en-2024 line 8" in d.message


def test_speaker_named_by_title(tmp_path: Path) -> None:
    text = with_statement(quote="The sides agreed to hold joint exercises").replace(
        "    role: Head", "    titles: [The sides]\n    role: Head")
    assert find(checked(tmp_path, text), "speaker-not-near") == []


# --- place and date ---------------------------------------------------------------------------


def test_location_by_russian_name_with_case_ending(tmp_path: Path) -> None:
    text = MINIMAL.replace("    quote: took place in Bishkek on 14 May 2024\n", "    quote: Temirov\n")
    verification = checked(tmp_path, text)  # only the Russian quote "в Бишкеке 14 мая" remains
    assert find(verification, "location-not-cited") == [] and find(verification, "date-not-cited") == []


def test_location_not_cited(tmp_path: Path) -> None:
    d = one(checked(tmp_path, MINIMAL.replace("location: Bishkek, Kyrgyzstan", "location: Dushanbe, Tajikistan")),
            "location-not-cited")
    assert d.where.line == 3 and "'Dushanbe'" in d.message


def test_location_alias(tmp_path: Path) -> None:
    text = MINIMAL.replace("location: Bishkek, Kyrgyzstan", "location: Frunze, Kyrgyzstan\nlocation_aliases: [Bishkek]")
    assert find(checked(tmp_path, text), "location-not-cited") == []


def test_date_not_cited(tmp_path: Path) -> None:
    d = one(checked(tmp_path, MINIMAL.replace("date: 2024-05-14", "date: 2024-05-15")), "date-not-cited")
    assert d.where.line == 2 and "15 May" in d.message


@pytest.mark.parametrize("written", [
    "16 May", "May 16", "May 16-17", "16th of May", "May 16th", "16 мая", "16 МАЯ", "2024-05-16", "16.05.2024", "16/05/24",
    "on 16 may,",
])
def test_date_forms_recognised(written: str) -> None:
    assert date_pattern(dt.date(2024, 5, 16)).search(normal(f"met {written} in Astana"))


@pytest.mark.parametrize("written", ["116 May", "May 160", "6 May", "16 June", "2024-05-17", "16.06.2024", "May"])
def test_other_dates_not_recognised(written: str) -> None:
    assert not date_pattern(dt.date(2024, 5, 16)).search(normal(f"met {written} in Astana"))


def test_date_forms_june() -> None:
    assert date_pattern(dt.date(2023, 6, 23)).search(normal("АСТАНА, 23 июн - Sputnik"))
    assert date_pattern(dt.date(2023, 6, 23)).search(normal("в пятницу, 23 июня"))


def test_year_from_published_date(tmp_path: Path) -> None:
    # the base sources are published 2024-05-14: the year needs no quote
    text = MINIMAL.replace("    quote: took place in Bishkek on 14 May 2024", "    quote: took place in Bishkek on 14 May")
    assert checked(tmp_path, text).diagnostics == ()


def test_year_not_cited(tmp_path: Path) -> None:
    text = MINIMAL.replace("date: 2024-05-14", "date: 2023-05-14").replace(
        "    quote: took place in Bishkek on 14 May 2024", "    quote: took place in Bishkek on 14 May")
    d = one(checked(tmp_path, text), "year-not-cited")
    assert (d.where.line, d.severity) == (2, "warning") and "2023" in d.message


# --- figures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("grew by 80%", [("80", "%")]),
    ("grew by 80 per cent", [("80", "%")]),
    ("10 billion US dollars", [("10", "billion")]),
    ("10 млрд долларов", [("10", "billion")]),
    ("more than 1,200 smugglers", [("1200", None)]),
    ("the 6th meeting", [("6", None)]),
    ("in 2023 and 2024", [("2023", None), ("2024", None)]),
    ("no figures here", []),
])
def test_figures(text: str, expected: list) -> None:
    assert figures(normal(text)) == expected


def test_figure_not_cited(tmp_path: Path) -> None:
    text = with_statement(text="They detained more than 1,300 smugglers in 2023.",
                          quote="the three services had detained more than 1,200 smugglers in 2023")
    d = one(checked(tmp_path, text), "figure-not-cited")
    assert (d.where.line, d.severity) == (19, "warning") and "1300" in d.message


def test_figure_cited_in_another_form(tmp_path: Path) -> None:
    text = with_statement(text="They detained more than 1200 smugglers in 2023.",
                          quote="the three services had detained more than 1,200 smugglers in 2023")
    assert checked(tmp_path, text).diagnostics == ()


def test_summary_figure_only_from_the_meetings_own_cite(tmp_path: Path) -> None:
    """The summary is shown with the meeting's own citations: a figure must stand there."""
    text = with_statement(quote="the three services had detained more than 1,200 smugglers in 2023").replace(
        "summary: The border commanders met in Bishkek.", "summary: Over 1,200 smugglers were detained.")
    assert "1200" in one(checked(tmp_path, text), "figure-not-cited").message
    cited = text.replace("    quote: took place in Bishkek on 14 May 2024\n",
                         "    quote: took place in Bishkek on 14 May 2024\n  - source: border-en-2024\n"
                         "    quote: the three services had detained more than 1,200 smugglers in 2023\n", 1)
    assert find(checked(tmp_path / "cited", cited), "figure-not-cited") == []


def test_figure_scale_matters(tmp_path: Path) -> None:
    text = with_statement(text="They detained 1,200 thousand smugglers.",
                          quote="the three services had detained more than 1,200 smugglers in 2023")
    assert one(checked(tmp_path, text), "figure-not-cited").where.line == 19


# --- translation, duplicates, catalogue ------------------------------------------------------


def test_translation_missing(tmp_path: Path) -> None:
    text = MINIMAL.replace("    translation: took place in Bishkek on 14 May\n", "")
    d = one(checked(tmp_path, text), "translation-missing")
    assert d.where.line == 8 and "'ru'" in d.message and "'en'" in d.message


def test_russian_brief_needs_translations_of_english_sources(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": MINIMAL})
    (root / "briefs" / "brief.yaml").write_text("language: ru\n", encoding="utf-8")
    verification = check(root)
    assert sorted(d.where.line for d in find(verification, "translation-missing")) == [6, 16]


def test_duplicate_meeting_same_facts(tmp_path: Path) -> None:
    d = one(checked(tmp_path, MINIMAL, **{"other.yaml": MINIMAL}), "duplicate-meeting")
    assert d.where.file == "briefs/other.yaml" and "2024-05-14-bishkek.yaml" in d.message


def test_duplicate_meeting_same_id(tmp_path: Path) -> None:
    other = MINIMAL.replace("title: Border commanders meet in Bishkek", "title: Another meeting")
    d = one(checked(tmp_path, MINIMAL, **{"2024-05-14-bishkek.yml": other}), "duplicate-meeting")
    assert d.where.file == "briefs/2024-05-14-bishkek.yml" and "2024-05-14-bishkek" in d.message


def test_seed_uncatalogued(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": MINIMAL})
    (root / "seeds" / "003_new.txt").write_text("A new article.\n", encoding="utf-8")
    (root / "seeds" / "notes.md").write_text("not an article\n", encoding="utf-8")
    d = one(check(root), "seed-uncatalogued")
    assert d.where == Where("seeds/003_new.txt", 1, 1) and "003_new.txt" in d.hint


def test_language_mismatch(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": MINIMAL})
    catalogue = root / "seeds" / "sources.yaml"
    catalogue.write_text(catalogue.read_text("utf-8").replace("  language: ru", "  language: kk"), encoding="utf-8")
    assert find(check(root), "language-mismatch") == []  # Kazakh is written in Cyrillic too
    catalogue.write_text(catalogue.read_text("utf-8").replace("  language: kk", "  language: de"), encoding="utf-8")
    d = one(check(root), "language-mismatch")
    assert (d.where.file, d.where.line) == ("seeds/sources.yaml", 13) and "Cyrillic" in d.message


def test_source_file_outside_seeds(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": MINIMAL})
    (root / "secret.txt").write_text("secret\n", encoding="utf-8")
    catalogue = root / "seeds" / "sources.yaml"
    catalogue.write_text(catalogue.read_text("utf-8").replace("file: 001_border_en.txt", "file: ../secret.txt"),
                         encoding="utf-8")
    verification = check(root)
    d = one(verification, "source-file")
    assert d.where == Where("seeds/sources.yaml", 3, 9)
    assert find(verification, "quote-not-found") == []  # the unreadable source is not searched


def test_diagnostics_sorted_and_unique(tmp_path: Path) -> None:
    text = with_statement(speaker="Nobody", quote="zebra").replace("date: 2024-05-14", "date: 2024-05-15")
    verification = checked(tmp_path, text, **{"z.yaml": MINIMAL.replace("title:", "titel:")})
    keys = [d.sort_key for d in verification.diagnostics]
    assert keys == sorted(keys) and len(set(verification.diagnostics)) == len(keys)
    assert {"date-not-cited", "unknown-speaker", "quote-not-found", "unknown-field"} <= {
        d.code for d in verification.diagnostics}


# --- known bugs -----------------------------------------------------------------------------


@pytest.mark.parametrize("elsewhere", [
    "The commanders agreed to hold their next meeting in Dushanbe.",
    "The previous round of talks took place in Dushanbe on 20 January.",
    "Their last meeting was held in Dushanbe.",
    "Предыдущая встреча прошла в Душанбе.",
    "Прошлое заседание состоялось в Душанбе.",
])
def test_another_meeting_elsewhere_is_no_conflict(elsewhere: str, tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": MINIMAL})
    seed = root / "seeds" / "001_border_en.txt"
    seed.write_text(seed.read_text("utf-8") + elsewhere + "\n", encoding="utf-8")
    verification = check(root)
    assert find(verification, "source-conflict") == [], show(verification.diagnostics)


@pytest.mark.parametrize("here", ["The round of talks took place in Dushanbe.",
                                  "Last week the talks took place in Dushanbe."])
def test_this_meeting_elsewhere_is_still_a_conflict(here: str, tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": MINIMAL})
    seed = root / "seeds" / "001_border_en.txt"
    seed.write_text(seed.read_text("utf-8") + here + "\n", encoding="utf-8")
    assert [d.code for d in find(check(root), "source-conflict")] == ["source-conflict"]


def test_citation_positions_are_distinct(tmp_path: Path) -> None:
    """Evidence is keyed by the citation's position: two citations never share one."""
    root = copy_base(tmp_path / "repo", {"m.yaml": with_statement()})
    dossier = load(root)
    positions = [c.pos for _, c in dossier.citations()]
    assert len(positions) == len(set(positions))
    assert all(isinstance(c, Citation) for _, c in dossier.citations())


@pytest.mark.parametrize("quote, text", [
    ("товарооборот достиг 1,5 млрд долларов", "Trade reached 1.5 billion dollars."),
    ("задержаны 10 000 человек", "10,000 people were detained."),
], ids=["decimal-comma", "space-grouped"])
def test_russian_number_formats_bear_out_figures(quote: str, text: str) -> None:
    from briefgen.checks.figure_not_cited import uncited

    citation = Citation(pos=Where("briefs/m.yaml", 1), source="s", quote=quote, translation="t")
    assert uncited(text, [citation]) == []


@pytest.mark.parametrize("written", ["on 16-17 May", "16–17 мая"], ids=["en", "ru"])
def test_date_range_gives_the_first_day(written: str) -> None:
    assert date_pattern(dt.date(2024, 5, 16)).search(normal(written))


@pytest.mark.parametrize("sentence, words", [
    ("The first meeting took place in Almaty on 23 June.", ["Almaty"]),
    ("Встреча состоялась в Бишкеке, сообщает пресс-служба.", ["Бишкеке"]),
    ("Secretaries who had met  in Astana and later convened in Tashkent", ["Astana", "Tashkent"]),
    ("Officials were held up in traffic", []),
    ("Delegations gathered within Astana", []),
    ("The meeting covered trade in Central Asia", []),
    ("The summit in Osh, then the meeting\tin Khujand", ["Khujand"]),
])
def test_meeting_places_are_a_meeting_verb_then_in_and_a_word(sentence: str, words: list[str]) -> None:
    found = list(meeting_places(sentence))
    assert [word for _, _, word in found] == words
    for start, end, word in found:
        assert sentence[start:end].endswith(word) and sentence[start:end].split()[0] in (
            "took", "met", "convened", "meeting", "состоялась")

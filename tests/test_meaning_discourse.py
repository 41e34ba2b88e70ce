"""The discourse checks on the shipped seeds: a quote from the page around the article
(`quote-boilerplate`), a future event reported as done (`future-as-done`), and words the
source credits to another participant (`speaker-elsewhere`).

Each test copies the shipped repository and writes one meeting built from a shipped
summary (the file of that meeting is replaced, so that the test does not depend on how
the shipped brief is worded today), sometimes after adding a paragraph to a copy of a seed.
Falsified variants must raise the code on the right line; correct ones must raise none of
the three codes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.corpus import Paragraph
from briefgen.vocabulary.discourse import boilerplate_lines, sentences, speech_frames
from briefgen.text import normal

from conftest import check, copy_shipped, find, show

CODES = ("quote-boilerplate", "future-as-done", "speaker-elsewhere")
ASTANA = "2024-05-16-astana-security-council-secretaries.yaml"
TASHKENT = "2025-04-24-tashkent-intelligence-chiefs.yaml"
ALMATY = "2023-06-23-almaty-security-council-secretaries.yaml"
SEEDS = {"nca": "000_b426be16baa9258b.txt", "kazinform": "001_a758ae142db266b7.txt",
         "sputnik": "002_1578cfc18d0bb0f0.txt", "akorda": "003_d3d4d4c83b83724b.txt",
         "orda": "004_989405a0cc2211a9.txt"}

# The shipped 2024 meeting, shortened: its cite, summary and participants.
ASTANA_HEAD = """\
title: Tokayev receives the Security Council secretaries of Central Asia
date: {date}
location: Astana, Kazakhstan
cite:
  - source: akorda-2024-05
    quote: At a meeting in Astana on May 16, with the heads of the Security Councils of Central Asian countries
{cite}summary: >-
  {summary}
participants:
  - name: Kassym-Jomart Tokayev
    role: President of Kazakhstan (host)
    country: Kazakhstan
    aliases: [Tokayev]
    titles: [The Head of State, The President]
    cite:
      - source: kazinform-2024-05
        quote: Kazakh President Kassym-Jomart Tokayev received secretaries of the Security Councils of Central Asian countries
  - name: Gizat Nurdauletov
    role: Secretary of the Security Council of Kazakhstan
    country: Kazakhstan
    cite:
      - source: kazinform-2024-05
        quote: Secretary of the Security Council of Kazakhstan Gizat Nurdauletov
  - name: Marat Imankulov
    role: Secretary of the Security Council of Kyrgyzstan
    country: Kyrgyzstan
    cite:
      - source: kazinform-2024-05
        quote: secretary of the Security Council of Kyrgyzstan Marat Imankulov
  - name: Nasrullo Makhmudzoda
    role: Secretary of the Security Council of Tajikistan
    country: Tajikistan
    cite:
      - source: kazinform-2024-05
        quote: Secretary of the Security Council of Tajikistan Nasrullo Makhmudzoda
  - name: Viktor Makhmudov
    role: Secretary of the Security Council of Uzbekistan
    country: Uzbekistan
    cite:
      - source: kazinform-2024-05
        quote: Secretary of the Security Council of Uzbekistan Viktor Makhmudov
"""
ASTANA_SUMMARY = ("President Tokayev received the Security Council secretaries of the Central Asian states at "
                  "their first meeting in this format.")
SCHEDULED = ("the 6th Consultative Meeting of the Heads of State of Central Asia scheduled to take place in "
             "Astana on August 9")
PREPARE = ("Prepare the 6th Consultative Meeting of the Heads of State of Central Asia, to be held in Astana on "
           "9 August; this meeting was presented as an important stage of the preparations.")

# The shipped 2025 meeting, shortened.
TASHKENT_HEAD = """\
title: First meeting of the heads of Central Asian intelligence services
date: 2025-04-24
location: Tashkent, Uzbekistan
cite:
  - source: orda-2025-04
    quote: >-
      the heads of intelligence services from the five Central Asian states — Kazakhstan,
      Uzbekistan, Kyrgyzstan, Tajikistan, and Turkmenistan — convened in Tashkent on April 24
summary: >-
  {summary}
participants:
  - name: Heads of intelligence services
    role: Heads of the intelligence services of the five Central Asian states
    titles: [The officials, The participants, The parties]
    cite:
      - source: orda-2025-04
        quote: the heads of intelligence services from the five Central Asian states
  - name: Shavkat Mirziyoyev
    role: President of Uzbekistan
    country: Uzbekistan
    cite:
      - source: orda-2025-04
        quote: Uzbek President Shavkat Mirziyoyev emphasized
{extra}"""
TASHKENT_SUMMARY = "The heads of the intelligence services of the five Central Asian states met for the first time."

# The shipped 2023 meeting, shortened.
ALMATY_HEAD = """\
title: First meeting of the Security Council secretaries of Central Asia and Russia
date: 2023-06-23
location: Almaty, Kazakhstan
cite:
  - source: nca-2023-06
    quote: On Friday, 23 June, the first meeting of the Secretaries of the Security Councils of Central Asia and Russia took place in Almaty
summary: >-
  {summary}
participants:
  - name: Kassym-Jomart Tokayev
    role: President of Kazakhstan
    country: Kazakhstan
    aliases: [Tokayev, Касым-Жомарт Токаев, Токаев]
    titles: [The head of Kazakhstan, The President of Kazakhstan, глава государства, президент]
    cite:
      - source: nca-2023-06
        quote: President of Kazakhstan Kassym-Jomart Tokayev stressed in a video message
  - name: Secretaries of the Security Councils of Central Asia and Russia
    role: Security chiefs of Central Asia and Russia
    titles: [Secretaries of the Security Councils, The sides]
    cite:
      - source: nca-2023-06
        quote: the first meeting of the Secretaries of the Security Councils of Central Asia and Russia took place in Almaty
{extra}"""
ALMATY_SUMMARY = ("The Security Council secretaries of the Central Asian states and Russia met for the first time "
                  "in this format.")


def statement(speaker: str, text: str, *cites: tuple[str, str] | tuple[str, str, str]) -> str:
    return f"  - speaker: {speaker}\n    text: {text}\n    cite:\n" + "".join(item(*c) for c in cites)


def commitment(text: str, *cites: tuple[str, str] | tuple[str, str, str]) -> str:
    return (f"  - parties: [Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan]\n    text: {text}\n    cite:\n"
            + "".join(item(*c) for c in cites))


def item(source: str, quote: str, translation: str | None = None, indent: str = "      ") -> str:
    lines = f"{indent}- source: {source}\n{indent}  quote: {quote!r}\n"
    return lines + (f"{indent}  translation: {translation!r}\n" if translation else "")


def astana(statements: str = "", commitments: str = "", summary: str = ASTANA_SUMMARY,
           cite: str = "", date: str = "2024-05-16") -> str:
    text = ASTANA_HEAD.format(date=date, cite=cite, summary=summary)
    if statements:
        text += "statements:\n" + statements
    if commitments:
        text += "commitments:\n" + commitments
    return text


def sections(statements: str = "", commitments: str = "") -> str:
    return ("statements:\n" + statements if statements else "") + ("commitments:\n" + commitments if commitments else "")


def tashkent(statements: str = "", commitments: str = "", summary: str = TASHKENT_SUMMARY) -> str:
    return TASHKENT_HEAD.format(summary=summary, extra=sections(statements, commitments))


def almaty(statements: str = "", commitments: str = "", summary: str = ALMATY_SUMMARY) -> str:
    return ALMATY_HEAD.format(summary=summary, extra=sections(statements, commitments))


def repo(tmp_path: Path, meetings: dict[str, str], paragraphs: dict[str, list[str]] | None = None) -> Path:
    """A copy of the shipped repository with meeting files replaced and paragraphs added to
    copies of seeds (each added paragraph is one more line at the end of the file)."""
    root = copy_shipped(tmp_path / "repo")
    for name, text in meetings.items():
        (root / "briefs" / name).write_text(text, "utf-8")
    for seed, lines in (paragraphs or {}).items():
        path = root / "seeds" / SEEDS[seed]
        text = path.read_text("utf-8")
        path.write_text(text + ("" if text.endswith("\n") else "\n") + "\n".join(lines) + "\n", "utf-8")
    return root


def line_of(text: str, needle: str) -> int:
    """The line of a meeting file where `needle` stands (it must stand once)."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def seed_line(root: Path, seed: str, needle: str) -> int:
    lines = (root / "seeds" / SEEDS[seed]).read_text("utf-8").split("\n")
    hits = [n for n, line in enumerate(lines, start=1) if needle in line]
    assert hits, needle
    return hits[0]


def ours(root: Path):
    verification = check(root)
    return verification, [d for d in verification.diagnostics if d.code in CODES]


def assert_reported(root: Path, code: str, name: str, line: int, *words: str) -> None:
    verification, _ = ours(root)
    found = [d for d in find(verification, code) if d.where.file == f"briefs/{name}"]
    assert [d.where.line for d in found] == [line], show(verification.diagnostics)
    assert found[0].severity == "warning"
    for word in words:
        assert word in found[0].message, show(found)


def assert_clean(root: Path) -> None:
    verification, mine = ours(root)
    assert not mine, show(mine)


# --- the shipped data -------------------------------------------------------------------

def test_shipped_data_raises_none_of_the_three(tmp_path: Path) -> None:
    assert_clean(copy_shipped(tmp_path / "repo"))


def test_boilerplate_lines_of_the_shipped_seeds() -> None:
    """What `briefgen status` may show: the photo credits of 001, the comment counter of
    003, the caption, byline, link headers and the 20 headlines of 004; nothing in 000 or 002."""
    found = {}
    for key, name in SEEDS.items():
        text = (Path(__file__).resolve().parents[1] / "seeds" / name).read_text("utf-8")
        paragraphs = [Paragraph(n, 0, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
        found[key] = boilerplate_lines(paragraphs)
    assert found["nca"] == {} and found["sputnik"] == {}
    assert set(found["kazinform"]) == {3, 9, 13, 19, 29, 30, 31, 32, 33}
    assert set(found["akorda"]) == {12}
    assert set(found["orda"]) == {2, 9, 10, 11, *range(12, 32)}
    assert "Latest news" in found["orda"][20] and "byline" in found["orda"][9]


# --- quote-boilerplate: falsified -------------------------------------------------------

@pytest.mark.parametrize(("seed", "source", "quote", "why"), [
    ("orda", "orda-2025-04", "Toqayev Arrives in Ashgabat for Forum on Peace and Trust", "Latest news"),
    ("orda", "orda-2025-04", "Kyrgyz Constitutional Court Blocks Bid to Reinstate Death Penalty", "Latest news"),
    ("orda", "orda-2025-04", "Photo: KR GKNB Press Service", "caption"),
    ("orda", "orda-2025-04", "Original Author: Ruslan Loginov", "byline"),
    ("orda", "orda-2025-04", "Read also:", "Read also"),
    ("kazinform", "kazinform-2024-05", "Photo credit: Viktor Fedyunin/Kazinform", "credit"),
    ("akorda", "akorda-2024-05", "Comments (0)", "comment counter"),
])
def test_quote_from_boilerplate_is_reported(tmp_path: Path, seed: str, source: str, quote: str, why: str) -> None:
    text = tashkent(commitments=commitment("Continue the dialogue and deepen cooperation further.", (source, quote)))
    root = repo(tmp_path, {TASHKENT: text})
    line = seed_line(root, seed, quote)
    assert_reported(root, "quote-boilerplate", TASHKENT, line_of(text, repr(quote)), f"line {line}", why)


def test_photo_credit_cited_for_a_participant_is_reported(tmp_path: Path) -> None:
    text = astana().replace(
        "        quote: Secretary of the Security Council of Uzbekistan Viktor Makhmudov\n",
        "        quote: Secretary of the Security Council of Uzbekistan Viktor Makhmudov\n"
        "      - source: kazinform-2024-05\n        quote: 'Photo credit: akorda.kz'\n")
    root = repo(tmp_path, {ASTANA: text})
    assert_reported(root, "quote-boilerplate", ASTANA, line_of(text, "Photo credit: akorda.kz"), "line 3")


def test_russian_tag_line_is_reported(tmp_path: Path) -> None:
    text = almaty(statements=statement(
        "Kassym-Jomart Tokayev", "The meeting dealt with security in Central Asia.",
        ("sputnik-2023-06", "Теги: безопасность, Центральная Азия", "Tags: security, Central Asia")))
    root = repo(tmp_path, {ALMATY: text}, {"sputnik": ["Теги: безопасность, Центральная Азия"]})
    assert_reported(root, "quote-boilerplate", ALMATY, line_of(text, "Теги"), "tag list")


# --- quote-boilerplate: correct ---------------------------------------------------------

def test_paragraph_ending_with_a_photo_credit_is_the_article(tmp_path: Path) -> None:
    """nCa's last paragraph ends with "[photo credit – press-service ...]": still the article."""
    text = almaty(commitments=commitment(
        "Deepen contacts between the offices of the security councils.",
        ("nca-2023-06", "The importance of deepening contacts through the offices of security councils"),
        ("nca-2023-06", "24 June 2023 [photo credit – press-service of President of Kazakhstan]")))
    assert_clean(repo(tmp_path, {ALMATY: text}))


def test_paragraph_naming_a_news_agency_is_the_article(tmp_path: Path) -> None:
    text = astana(statements=statement(
        "Kassym-Jomart Tokayev", "Tokayev received the secretaries.",
        ("kazinform-2024-05", "Kazakh President Kassym-Jomart Tokayev received secretaries of the Security "
                              "Councils of Central Asian countries, Kazinform News Agency learnt from the Akorda press service")))
    assert_clean(repo(tmp_path, {ASTANA: text}))


def test_ordinary_paragraph_after_the_list_of_links_is_the_article(tmp_path: Path) -> None:
    added = "The meeting in Tashkent was the first of its kind, the officials said."
    text = tashkent(statements=statement("Heads of intelligence services", "It was the first meeting of its kind.",
                                         ("orda-2025-04", added)))
    assert_clean(repo(tmp_path, {TASHKENT: text}, {"orda": [added]}))


@pytest.mark.parametrize("added", [
    "Read also the statement of the ministry, which said the talks were constructive.",
    "A photo exhibition on security cooperation opened in Tashkent on the same day.",
    "Latest news from the region shows that the officials agreed on regular consultations.",
    "By the end of the year the officials will hold regular consultations.",
])
def test_paragraph_with_a_boilerplate_word_is_the_article(tmp_path: Path, added: str) -> None:
    orda = (Path(__file__).resolve().parents[1] / "seeds" / SEEDS["orda"]).read_text("utf-8").split("\n")
    text = tashkent(statements=statement("Heads of intelligence services", "The officials talked.",
                                         ("orda-2025-04", added)))
    root = copy_shipped(tmp_path / "repo")
    (root / "briefs" / TASHKENT).write_text(text, "utf-8")
    lines = orda[:7] + [added] + orda[7:]  # among the article's paragraphs, before the byline
    (root / "seeds" / SEEDS["orda"]).write_text("\n".join(lines), "utf-8")
    assert_clean(root)


# --- future-as-done: falsified ----------------------------------------------------------

def test_to_be_held_turned_into_was_held_is_reported(tmp_path: Path) -> None:
    falsified = PREPARE.replace("to be held", "was held")
    text = astana(commitments=commitment(falsified, ("kazinform-2024-05", SCHEDULED)))
    root = repo(tmp_path, {ASTANA: text})
    assert_reported(root, "future-as-done", ASTANA, line_of(text, "was held in Astana"), "was held", "scheduled")


def test_statement_reporting_the_scheduled_summit_as_held_is_reported(tmp_path: Path) -> None:
    text = astana(statements=statement(
        "Kassym-Jomart Tokayev",
        "The 6th Consultative Meeting of the Heads of State of Central Asia took place in Astana on August 9.",
        ("kazinform-2024-05", SCHEDULED)))
    root = repo(tmp_path, {ASTANA: text})
    assert_reported(root, "future-as-done", ASTANA, line_of(text, "took place in Astana"), "took place")


def test_summary_reporting_the_scheduled_summit_as_held_is_reported(tmp_path: Path) -> None:
    summary = ASTANA_SUMMARY + " The Consultative Meeting of Heads of State was held in Astana on 9 August."
    text = astana(summary=summary, cite=item("kazinform-2024-05", SCHEDULED, indent="  "))
    root = repo(tmp_path, {ASTANA: text})
    assert_reported(root, "future-as-done", ASTANA, line_of(text, "summary:"), "summary", "was held")


def test_meeting_dated_by_an_announcement_is_reported(tmp_path: Path) -> None:
    """The summit recorded as a meeting held on 9 August, on the strength of the notice that
    it is scheduled: the warning is on `date`."""
    text = astana(date="2024-08-09", cite=item("kazinform-2024-05", SCHEDULED, indent="  ")).replace(
        "  - source: akorda-2024-05\n    quote: At a meeting in Astana on May 16, with the heads of the Security "
        "Councils of Central Asian countries\n", "", 1)
    root = repo(tmp_path, {ASTANA: text})
    assert_reported(root, "future-as-done", ASTANA, line_of(text, "date:"), "event to come")


def test_russian_announcement_reported_as_held_is_reported(tmp_path: Path) -> None:
    added = "Следующая встреча секретарей состоится в Бишкеке в октябре."
    text = almaty(statements=statement(
        "Kassym-Jomart Tokayev", "The secretaries met again in Bishkek in October.",
        ("sputnik-2023-06", added, "The next meeting of the secretaries will take place in Bishkek in October.")))
    root = repo(tmp_path, {ALMATY: text}, {"sputnik": [added]})
    assert_reported(root, "future-as-done", ALMATY, line_of(text, "met again in Bishkek"), "met")


def test_planned_signature_reported_as_signed_is_reported(tmp_path: Path) -> None:
    added = "The parties plan to sign a memorandum on information exchange in September."
    text = tashkent(commitments=commitment("The parties signed a memorandum on information exchange in September.",
                                           ("orda-2025-04", added)))
    root = repo(tmp_path, {TASHKENT: text}, {"orda": [added]})
    assert_reported(root, "future-as-done", TASHKENT, line_of(text, "signed a memorandum"), "signed", "plan to")


# --- future-as-done: correct ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    PREPARE,
    "Hold the 6th Consultative Meeting of the Heads of State of Central Asia in Astana on 9 August.",
    "The 6th Consultative Meeting of the Heads of State of Central Asia will be held in Astana on 9 August.",
    "Kazakhstan is to host the 6th Consultative Meeting of the Heads of State in Astana on 9 August.",
    "The 6th Consultative Meeting of the Heads of State should be held in Astana on 9 August.",
])
def test_commitment_in_future_or_instruction_form_is_clean(tmp_path: Path, text: str) -> None:
    meeting = astana(commitments=commitment(text, ("kazinform-2024-05", SCHEDULED)))
    assert_clean(repo(tmp_path, {ASTANA: meeting}))


def test_statement_in_future_form_is_clean(tmp_path: Path) -> None:
    text = astana(statements=statement(
        "Kassym-Jomart Tokayev", "The 6th Consultative Meeting of the Heads of State is to take place in Astana on 9 August.",
        ("kazinform-2024-05", SCHEDULED)))
    assert_clean(repo(tmp_path, {ASTANA: text}))


def test_summary_of_a_held_meeting_whose_cite_says_took_place_is_clean(tmp_path: Path) -> None:
    summary = ALMATY_SUMMARY + " The meeting took place in Almaty on 23 June."
    assert_clean(repo(tmp_path, {ALMATY: almaty(summary=summary)}))


def test_meeting_whose_cite_also_announces_the_next_summit_is_clean(tmp_path: Path) -> None:
    """The shipped 2024 cite: the meeting in Astana on May 16, and the summit to come."""
    text = astana(cite=item("kazinform-2024-05", SCHEDULED, indent="  "), summary=ASTANA_SUMMARY
                  + " He presented the meeting as a step towards the Consultative Meeting in Astana on 9 August.")
    assert_clean(repo(tmp_path, {ASTANA: text}))


def test_meeting_held_where_the_next_summit_is_scheduled_is_clean(tmp_path: Path) -> None:
    """Both in Astana, both of Central Asian states: the place alone does not make them one event."""
    summary = "The Security Council secretaries of the Central Asian states met in Astana."
    text = astana(cite=item("kazinform-2024-05", SCHEDULED, indent="  "), summary=summary)
    assert_clean(repo(tmp_path, {ASTANA: text}))


def test_past_event_beside_another_future_event_is_clean(tmp_path: Path) -> None:
    """`met` is this meeting; what the quote gives as future is the next summit elsewhere."""
    added = "The officials met in Tashkent on Thursday and said the next summit will be held in Dushanbe."
    text = tashkent(statements=statement("Heads of intelligence services", "The officials met in Tashkent on Thursday.",
                                         ("orda-2025-04", added)))
    assert_clean(repo(tmp_path, {TASHKENT: text}, {"orda": [added]}))


def test_instruction_to_sign_what_is_planned_is_clean(tmp_path: Path) -> None:
    added = "The parties plan to sign a memorandum on information exchange in September."
    text = tashkent(commitments=commitment("Sign a memorandum on information exchange in September.",
                                           ("orda-2025-04", added)))
    assert_clean(repo(tmp_path, {TASHKENT: text}, {"orda": [added]}))


# --- speaker-elsewhere: falsified -------------------------------------------------------

ADDED = [
    "Imankulov said the secretaries would meet again in Bishkek next year to review the joint action plan.",
    "According to Nurdauletov, the exchange of intelligence data among the five countries has doubled.",
    "\u201cDrug trafficking routes through Afghanistan remain the main threat,\u201d said Viktor Makhmudov.",
    "In Makhmudzoda\u2019s words, the border with Afghanistan needs new checkpoints.",
    "Tokayev said the region needs a new security architecture. Imankulov noted that border cooperation has improved.",
    "Imankulov and Tokayev said the fight against terrorism must remain the priority.",
    "Imankulov said that border security is the first priority. Joint patrols along the Pamir highway must resume this year.",
    "The secretaries agreed on closer contacts between their offices. Nurdauletov said the next round will take place in Almaty.",
]


@pytest.mark.parametrize(("quote", "credited"), [
    ("the secretaries would meet again in Bishkek next year", "Marat Imankulov"),
    ("the exchange of intelligence data among the five countries has doubled", "Gizat Nurdauletov"),
    ("Drug trafficking routes through Afghanistan remain the main threat", "Viktor Makhmudov"),
    ("the border with Afghanistan needs new checkpoints", "Nasrullo Makhmudzoda"),
    ("border cooperation has improved", "Marat Imankulov"),
    ("Joint patrols along the Pamir highway must resume this year", "Marat Imankulov"),  # his words go on
])
def test_words_the_paragraph_credits_to_another_participant_are_reported(
        tmp_path: Path, quote: str, credited: str) -> None:
    text = astana(statements=statement("Kassym-Jomart Tokayev", "Regional security needs attention.",
                                       ("kazinform-2024-05", quote)))
    root = repo(tmp_path, {ASTANA: text}, {"kazinform": ADDED})
    assert_reported(root, "speaker-elsewhere", ASTANA, line_of(text, "speaker: Kassym-Jomart Tokayev"),
                    credited, "not to 'Kassym-Jomart Tokayev'")


def test_tokayev_statement_given_to_imankulov_is_reported(tmp_path: Path) -> None:
    text = astana(statements=statement(
        "Marat Imankulov", "The countries must resist external forces that seek to divide them.",
        ("akorda-2024-05", "Tokayev called for joint resistance to external forces seeking to undermine regional unity")))
    root = repo(tmp_path, {ASTANA: text})
    assert_reported(root, "speaker-elsewhere", ASTANA, line_of(text, "speaker: Marat Imankulov"), "Kassym-Jomart Tokayev")


def test_russian_frame_after_the_quotation_is_reported(tmp_path: Path) -> None:
    """Sputnik: `"Данный вопрос мы ... обсуждали ...", - подчеркнул Токаев.` given to the secretaries."""
    text = almaty(statements=statement(
        "Secretaries of the Security Councils of Central Asia and Russia",
        "Security was discussed at the first Central Asia–Russia summit in October 2022.",
        ("sputnik-2023-06", "Данный вопрос мы предметно обсуждали с коллегами в октябре 2022 года",
         "We discussed this issue in substance with colleagues in October 2022")))
    root = repo(tmp_path, {ALMATY: text})
    assert_reported(root, "speaker-elsewhere", ALMATY,
                    line_of(text, "speaker: Secretaries of the Security Councils"), "Kassym-Jomart Tokayev")


# --- speaker-elsewhere: correct ---------------------------------------------------------

@pytest.mark.parametrize(("speaker", "quote"), [
    ("Marat Imankulov", "the secretaries would meet again in Bishkek next year"),
    ("Gizat Nurdauletov", "the exchange of intelligence data among the five countries has doubled"),
    ("Viktor Makhmudov", "Drug trafficking routes through Afghanistan remain the main threat"),
    ("Nasrullo Makhmudzoda", "the border with Afghanistan needs new checkpoints"),
    ("Kassym-Jomart Tokayev", "the region needs a new security architecture"),
    ("Kassym-Jomart Tokayev", "the fight against terrorism must remain the priority"),
    ("Marat Imankulov", "the fight against terrorism must remain the priority"),
    ("Marat Imankulov", "Joint patrols along the Pamir highway must resume this year"),
    ("Kassym-Jomart Tokayev", "The secretaries agreed on closer contacts between their offices"),  # frame after
])
def test_statement_whose_paragraph_names_the_right_speaker_is_clean(tmp_path: Path, speaker: str, quote: str) -> None:
    text = astana(statements=statement(speaker, "Regional security needs attention.", ("kazinform-2024-05", quote)))
    assert_clean(repo(tmp_path, {ASTANA: text}, {"kazinform": ADDED}))


def test_words_of_someone_who_is_not_a_participant_are_not_this_check(tmp_path: Path) -> None:
    """Lavrov is no participant: no guessing (speaker-not-near says the speaker is not named)."""
    text = tashkent(statements=statement(
        "Shavkat Mirziyoyev", "Regional efforts should be mutually beneficial.",
        ("orda-2025-04", "all regional efforts should be mutually beneficial and free from ideological influence")))
    root = repo(tmp_path, {TASHKENT: text})
    verification, mine = ours(root)
    assert not mine, show(mine)
    assert find(verification, "speaker-not-near"), show(verification.diagnostics)


def test_pronoun_frame_credits_no_one(tmp_path: Path) -> None:
    """`He noted ...` after a paragraph about Tokayev: a pronoun names no participant."""
    text = astana(statements=statement(
        "Kassym-Jomart Tokayev", "A UN centre for the Sustainable Development Goals should be established.",
        ("kazinform-2024-05", "He noted it is essential to establish a UN Regional Sustainable Development Goals Center")))
    assert_clean(repo(tmp_path, {ASTANA: text}))


# --- the helpers ------------------------------------------------------------------------

def test_speech_frames_find_their_subjects() -> None:
    norm = normal("\u201cWe will act,\u201d said Marat Imankulov. Tokayev stressed that, according to Nurdauletov, it works.")
    subjects = [(f.verb, f.subject) for f in speech_frames(norm)]
    assert ("said", "marat imankulov") in subjects
    assert ("stressed", "tokayev") in subjects
    assert ("according to", "nurdauletov") in subjects


def test_a_full_stop_inside_quotation_marks_does_not_end_the_sentence() -> None:
    norm = normal("\u201cWe will act. Now,\u201d he said. The U.S. side agreed.")
    assert [norm[a:b] for a, b in sentences(norm)] == ['"we will act. now," he said.', "the u.s. side agreed."]

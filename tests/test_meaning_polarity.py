"""claim-polarity and ellipsis-misleads on the shipped data: falsified summaries are
caught on the right line, faithful ones raise nothing.

Each variant is a copy of the shipped repository (seeds, briefs, templates) in which one
meeting file is replaced by a summary of the same meeting, built from the shipped one,
with one statement or commitment under test. The replacement keeps the tests independent
of later edits to the shipped briefs; the quotes are the shipped seeds' words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.model import Diagnostic
from briefgen.vocabulary.meaning import read, stem, words

from conftest import check, copy_shipped, find, show

CODES = ("claim-polarity", "ellipsis-misleads")

# The head of each meeting, as the shipped summaries have it; an item is appended.
MEETINGS = {
    "astana": ("2024-05-16-astana-security-council-secretaries.yaml", """\
title: Tokayev receives the Security Council secretaries of Central Asia
date: 2024-05-16
location: Astana, Kazakhstan
cite:
  - source: akorda-2024-05
    quote: At a meeting in Astana on May 16, with the heads of the Security Councils of Central Asian countries
summary: President Tokayev received the Security Council secretaries of the Central Asian states.
participants:
  - name: Kassym-Jomart Tokayev
    role: President of Kazakhstan (host)
    country: Kazakhstan
    aliases: [Tokayev]
    titles: [The Head of State, The President]
    cite:
      - source: kazinform-2024-05
        quote: Kazakh President Kassym-Jomart Tokayev received secretaries of the Security Councils of Central Asian countries
"""),
    "almaty": ("2023-06-23-almaty-security-council-secretaries.yaml", """\
title: First meeting of the Security Council secretaries of Central Asia and Russia
date: 2023-06-23
location: Almaty, Kazakhstan
cite:
  - source: nca-2023-06
    quote: On Friday, 23 June, the first meeting of the Secretaries of the Security Councils of Central Asia and Russia took place in Almaty
summary: The Security Council secretaries of Central Asia and Russia met for the first time.
participants:
  - name: Kassym-Jomart Tokayev
    role: President of Kazakhstan (addressed the meeting by video message)
    country: Kazakhstan
    aliases: [Tokayev, Касым-Жомарт Токаев, Токаев]
    titles: [The head of Kazakhstan, The President of Kazakhstan, глава государства, президент]
    cite:
      - source: nca-2023-06
        quote: President of Kazakhstan Kassym-Jomart Tokayev stressed in a video message to the participants of the meeting
"""),
    "tashkent": ("2025-04-24-tashkent-intelligence-chiefs.yaml", """\
title: First meeting of the heads of Central Asian intelligence services
date: 2025-04-24
location: Tashkent, Uzbekistan
cite:
  - source: orda-2025-04
    quote: convened in Tashkent on April 24
summary: The heads of the intelligence services of the five Central Asian states met for the first time.
participants:
  - name: Heads of intelligence services
    role: Heads of the intelligence services of the five Central Asian states
    titles: [The officials, The participants, The parties]
    cite:
      - source: orda-2025-04
        quote: the heads of intelligence services from the five Central Asian states
"""),
}
SPEAKER = {"astana": "Kassym-Jomart Tokayev", "almaty": "Kassym-Jomart Tokayev",
           "tashkent": "Heads of intelligence services"}


@dataclass(frozen=True)
class Variant:
    meeting: str
    text: str
    quote: str
    source: str
    translation: str | None = None
    commitment: bool = False


def write(repo: Path, variant: Variant) -> tuple[str, int, int]:
    """Replace the meeting's file; return its path and the lines of the item's text and quote."""
    name, head = MEETINGS[variant.meeting]
    lines = head.splitlines()
    if variant.commitment:
        lines += ["commitments:", "  - parties: [Kazakhstan]"]
    else:
        lines += ["statements:", f"  - speaker: {SPEAKER[variant.meeting]}"]
    text_line = len(lines) + 1
    lines += [f"    text: {json.dumps(variant.text, ensure_ascii=False)}", "    cite:",
              f"      - source: {variant.source}"]
    quote_line = len(lines) + 1
    lines.append(f"        quote: {json.dumps(variant.quote, ensure_ascii=False)}")
    if variant.translation is not None:
        lines.append(f"        translation: {json.dumps(variant.translation, ensure_ascii=False)}")
    (repo / "briefs" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"briefs/{name}", text_line, quote_line


def ours(diagnostics: tuple[Diagnostic, ...]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code in CODES]


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("shipped") / "repo")


@pytest.fixture
def repo(shipped_copy: Path, tmp_path: Path) -> Path:
    """A fresh copy of the shipped repository for each variant."""
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(shipped_copy, root)
    return root


# --- falsified: each must be reported ---------------------------------------------------

POLARITY_FALSE = {
    # "agreed" -> "did not agree"
    "agreed -> did not agree": Variant(
        "tashkent", "The officials did not agree to hold regular consultations.",
        "The officials agreed to hold regular consultations and enhance cooperation", "orda-2025-04",
        commitment=True),
    # "proposed" -> "made no proposals"
    "proposed -> made no proposals": Variant(
        "astana", "Tokayev made no proposals for a UN centre for Central Asia and Afghanistan.",
        "proposed the creation of a UN Regional Center for Sustainable Development Goals for Central Asia and Afghanistan in Kazakhstan",
        "akorda-2024-05"),
    # "confident" -> "doubted" (an antonym)
    "confident -> doubted": Variant(
        "astana", "Tokayev doubted that adopting the document at the summit would matter for the region.",
        "He expressed confidence that the adoption of the document at the summit in Astana will be of concept-based importance for the region",
        "kazinform-2024-05"),
    # "grew" -> "fell" (an antonym)
    "grew -> fell": Variant(
        "astana", "Interregional trade fell over the past five years.",
        "For the past five years, the interregional trade grew by more than 80% to exceed 10 billion US dollars",
        "kazinform-2024-05"),
    # "reject" -> "accept" (an antonym)
    "reject -> accept": Variant(
        "astana", "Tokayev said the countries accept such approaches and attempts.",
        "He said we reject flatly such approaches and attempts", "kazinform-2024-05"),
    # "exchanged" -> "refused to exchange"
    "exchanged -> refused to exchange": Variant(
        "tashkent", "The participants refused to exchange analytical insights.",
        "The participants exchanged analytical insights, emphasizing the value of mutual trust", "orda-2025-04"),
    # the quote denies what the text affirms: "no longer enough" -> "still enough"
    "no longer enough -> still enough": Variant(
        "almaty", "Separate measures to expand information exchange are still enough.",
        "certain measures to expand the exchange of information and improve coordination in the field of regional security are no longer enough",
        "nca-2023-06"),
    # the Russian quote's translation denies what the text affirms
    "не раскрыт -> fully realised": Variant(
        "almaty", "The potential of the centre has been fully realised.",
        "Потенциал этого центра далеко не раскрыт", "sputnik-2023-06",
        translation="The potential of this centre is not fully realised"),
}

ELLIPSIS_FALSE = {
    # the shipped commitment's quote: three sentences of the source read as one
    "shipped strategy quote joins sentences": Variant(
        "astana", "Put Kazakhstan's Central Asia 2040 regional cooperation strategy forward for adoption at the summit in Astana.",
        "Kazakhstan developed the Central Asia 2040 regional cooperation development strategy ... the adoption of the document at the summit in Astana will be of concept-based importance for the region",
        "kazinform-2024-05", commitment=True),
    "trade and joint ventures joined": Variant(
        "astana", "Interregional trade and the number of joint ventures grew.",
        "the interregional trade grew by more than 80% ... the number of joint ventures grew", "kazinform-2024-05"),
    "measures and times joined": Variant(
        "almaty", "Certain measures are no longer enough; the times require new integrated approaches.",
        "certain measures to expand the exchange of information … Time requires the formation of qualitatively new integrated approaches",
        "nca-2023-06"),
    "concern and Afghanistan joined": Variant(
        "astana", "Tokayev expressed concern over the importance of focusing on Afghanistan.",
        "Tokayev expressed concern over ... the importance of focusing on Afghanistan", "akorda-2024-05"),
    "Russian sentences joined": Variant(
        "almaty", "Regional security requires qualitatively new approaches.",
        "в сфере обеспечения региональной безопасности ... Время требует формирования качественно новых интегрированных подходов",
        "sputnik-2023-06", translation="in regional security ... the times require qualitatively new integrated approaches"),
    "Russian не skipped": Variant(
        "almaty", "The potential of the centre has been realised.",
        "Потенциал этого центра далеко ... раскрыт", "sputnik-2023-06",
        translation="The potential of this centre is far ... realised"),
    "English Did Not skipped": Variant(
        "tashkent", "The report mentions a police complaint.",
        "Feminita Says Police ... Consider Complaint", "orda-2025-04"),
    "not of not only skipped": Variant(
        "astana", "Large regional projects benefit only the countries.",
        "Large regional projects ... only benefit the countries", "kazinform-2024-05"),
}


@pytest.mark.parametrize("variant", list(POLARITY_FALSE.values()), ids=list(POLARITY_FALSE))
def test_claim_polarity_catches_a_falsified_text(repo: Path, variant: Variant) -> None:
    path, text_line, _ = write(repo, variant)
    found = ours(check(repo).diagnostics)
    assert [(d.code, d.where.file, d.where.line) for d in found] == [("claim-polarity", path, text_line)], show(found)
    (diagnostic,) = found
    assert variant.text[:30] in diagnostic.message and "the quote" in diagnostic.message
    assert diagnostic.severity == "warning"
    assert diagnostic.hint == "write what the quote says, or cite the quote that says it"


@pytest.mark.parametrize("variant", list(ELLIPSIS_FALSE.values()), ids=list(ELLIPSIS_FALSE))
def test_ellipsis_misleads_catches_a_quote_that_skips_a_sentence_end_or_a_negation(
        repo: Path, variant: Variant) -> None:
    path, _, quote_line = write(repo, variant)
    verification = check(repo)
    assert not find(verification, "quote-not-found"), show(find(verification, "quote-not-found"))
    found = [d for d in ours(verification.diagnostics) if d.code == "ellipsis-misleads"]
    # (a quote that skips the text's own negation may also leave the text denying alone: claim-polarity's)
    assert [(d.code, d.where.file, d.where.line) for d in found] == [("ellipsis-misleads", path, quote_line)], show(found)
    assert "the ellipsis skips" in found[0].message
    assert found[0].hint == "cite the sentences as separate quotes, or quote the words you skipped"


def test_the_messages_name_the_word_and_show_both_passages(repo: Path) -> None:
    write(repo, POLARITY_FALSE["agreed -> did not agree"])
    (found,) = find(check(repo), "claim-polarity")
    assert '"not agree"' in found.message and '"agreed"' in found.message
    assert "The officials did not agree to hold regular consultations." in found.message
    assert "The officials agreed to hold regular consultations and enhance cooperation" in found.message
    write(repo, ELLIPSIS_FALSE["English Did Not skipped"])
    (found,) = find(check(repo), "ellipsis-misleads")
    assert '"Did Not"' in found.message and "'not'" in found.message


# --- faithful: each must raise nothing from either code ------------------------------------

POLARITY_TRUE = {
    "rejected flatly vs reject flatly": Variant(
        "astana", "Such attempts are rejected flatly.",
        "He said we reject flatly such approaches and attempts", "kazinform-2024-05"),
    "did not hesitate (an idiom)": Variant(
        "astana", "Tokayev did not hesitate to reject such approaches and attempts.",
        "He said we reject flatly such approaches and attempts", "kazinform-2024-05"),
    "negation on both sides": Variant(
        "almaty", "Separate measures to expand information exchange are no longer enough.",
        "certain measures to expand the exchange of information and improve coordination in the field of regional security are no longer enough",
        "nca-2023-06"),
    "the same negation, paraphrased": Variant(
        "almaty", "Certain measures to expand information exchange are not enough any more.",
        "certain measures to expand the exchange of information and improve coordination in the field of regional security are no longer enough",
        "nca-2023-06"),
    "a double negative keeps the sense": Variant(
        "astana", "Tokayev did not fail to thank the countries for their solidarity and aid.",
        "Kassym-Jomart Tokayev thanked the countries for their fraternal solidarity and aid provided to flood-affected Kazakhstan",
        "kazinform-2024-05"),
    "Russian quote, не and not on both sides": Variant(
        "almaty", "The potential of the centre is not yet fully realised.",
        "Потенциал этого центра далеко не раскрыт", "sputnik-2023-06",
        translation="The potential of this centre is not fully realised"),
    "not only ... but also": Variant(
        "astana", "Large regional projects benefit the countries and change the configuration of the Central Asian economies.",
        "Large regional projects not only benefit the countries but also change the configuration of the Central Asian economies",
        "kazinform-2024-05"),
    "no doubt for confidence (a denied antonym)": Variant(
        "astana", "Tokayev had no doubt that the adoption of the document at the summit would matter for the region.",
        "He expressed confidence that the adoption of the document at the summit in Astana will be of concept-based importance for the region",
        "kazinform-2024-05"),
    "has grown vs grew": Variant(
        "astana", "Interregional trade has grown over the past five years.",
        "For the past five years, the interregional trade grew by more than 80% to exceed 10 billion US dollars",
        "kazinform-2024-05"),
    "without delay vs prompt": Variant(
        "almaty", "Threats should be forecast effectively and answered without delay.",
        "which implies effective forecasting of threats, prompt development of preventive response measures",
        "nca-2023-06"),
    "stand against: an implicit negation paraphrased": Variant(
        "astana", "The countries must not let external forces set them against each other and disunite them.",
        "The Head of State called on to stand against external forces eager to set countries against each other and disunite them",
        "kazinform-2024-05"),
    "far from realised, kept": Variant(
        "almaty", "The potential of the centre is far from realised.",
        "Потенциал этого центра далеко не раскрыт", "sputnik-2023-06",
        translation="The potential of this centre is far from realised"),
}

ELLIPSIS_TRUE = {
    "a subordinate clause skipped within one sentence": Variant(
        "almaty", "Maintaining stability and strengthening security is the region's most important task.",
        "the most important task for the Central Asian region is to maintain stability and strengthen security ... President of Kazakhstan Kassym-Jomart Tokayev stressed",
        "nca-2023-06"),
    "the quote keeps the full stop before the ellipsis": Variant(
        "almaty", "Certain measures are no longer enough; the times require new integrated approaches.",
        "certain measures ... are no longer enough. ... qualitatively new integrated approaches",
        "nca-2023-06"),
    "a Russian quote skipping words within one sentence": Variant(
        "almaty", "The meetings of the secretaries will help to shape concrete approaches.",
        "механизм встреч секретарей ... будет содействовать формированию конкретных подходов",
        "sputnik-2023-06", translation="the mechanism of meetings of the secretaries ... will help to shape concrete approaches"),
    "the whole of not only skipped": Variant(
        "astana", "Large regional projects benefit the countries.",
        "Large regional projects ... benefit the countries", "kazinform-2024-05"),
    "an ellipsis in the shipped FORMAT.md style": Variant(
        "astana", "Afghanistan should be the focus of general attention.",
        "Afghanistan should be the focus … attention", "akorda-2024-05"),
}


@pytest.mark.parametrize("variant", [*POLARITY_TRUE.values(), *ELLIPSIS_TRUE.values()],
                         ids=[*POLARITY_TRUE, *ELLIPSIS_TRUE])
def test_a_faithful_variant_raises_nothing(repo: Path, variant: Variant) -> None:
    write(repo, variant)
    verification = check(repo)
    assert not find(verification, "quote-not-found"), show(find(verification, "quote-not-found"))
    assert ours(verification.diagnostics) == [], show(ours(verification.diagnostics))


def test_the_shipped_data_raises_no_claim_polarity(shipped_copy: Path) -> None:
    assert find(check(shipped_copy), "claim-polarity") == []


# --- the reading itself -------------------------------------------------------------------

@pytest.mark.parametrize("text, denied", [
    ("The sides did not agree.", {"agree"}),
    ("He made no proposals.", {"proposals"}),
    ("They did not make any proposals.", {"proposals"}),
    ("They won't sign it.", {"sign"}),
    ("He refused to comment.", {"comment"}),
    ("Not only trade grew.", set()),
    ("Whether or not they agree, the talks go on.", set()),
    ("The claim is not without reason.", set()),  # denied twice: affirmed
    ("The talks were not held in Almaty but in Astana.", set()),  # a correction of the place
    ("Security cannot be achieved without Afghanistan.", {"achieved"}),  # a name is never denied
    ("Потенциал центра далеко не раскрыт.", {"раскрыт"}),
    ("The talks did not, in the end, agree.", set()),  # the clause ends at the comma
])
def test_read_marks_the_words_a_negation_denies(text: str, denied: set[str]) -> None:
    reading = read(text)
    assert {reading.words[i].key for i in reading.denied} == denied


def test_stems_are_five_letters_or_the_whole_word() -> None:
    assert stem("agreed") == stem("agree") == stem("agreement") == "agree"
    assert stem("proposals") == stem("proposed") == "propo"
    assert stem("signed") == stem("sign") == "sign"
    assert stem("meet") != stem("meeting")
    assert stem('kazakhstan"s') == "kazak"


def test_the_word_lists_are_data_and_read_once() -> None:
    assert words() is words()
    table = words()
    assert {"not", "no", "never", "without", "не", "без"} <= table.negations
    assert "on" in table.skipped and "no" in table.abbreviations  # quoted in YAML: not booleans
    assert any("agreed" in one and "disagreed" in other for one, other in table.antonyms)


@pytest.mark.parametrize("raw, skipped, ends", [
    ("They are no longer enough. Time requires new approaches.", "no longer enough. Time", True),
    ('He said "we agree." He left.', 'we agree." He', True),
    ("Mr. Tokayev met U.S. President Biden in Astana.", "Mr. Tokayev met U.S. President", False),
    ("Встреча прошла в г. Астане и завершилась.", "в г. Астане", False),
    ("the strategy, adopted in Astana, matters", "adopted in Astana,", False),
])
def test_sentence_ends_in_skipped_text(raw: str, skipped: str, ends: bool) -> None:
    from briefgen.checks.ellipsis_misleads import sentence_end

    start = raw.index(skipped)
    assert sentence_end(raw, start, start + len(skipped)) is ends


@pytest.mark.parametrize("raw, skipped, negation", [
    ("The sides did not agree to hold exercises.", " did not ", "not"),
    ("The sides, which had not met since 2019, agreed to hold exercises.", ", which had not met since 2019, ", None),
    ("Large projects not only benefit the countries but also change them.", " not only ", None),
    ("Large projects not only benefit the countries but also change them.", " not ", "not"),
    ("Потенциал центра далеко не раскрыт.", " не ", "не"),
])
def test_negations_in_skipped_text(raw: str, skipped: str, negation: str | None) -> None:
    from briefgen.checks.ellipsis_misleads import negation_in

    start = raw.index(skipped)
    assert negation_in(raw, start, start + len(skipped)) == negation

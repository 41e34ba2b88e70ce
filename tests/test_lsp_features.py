"""The language server's answers as plain functions (no protocol, no pygls): each code
action's edit, made to the text, leaves the finding it mends gone; completion, definition
and the buffer seam (`Run.check_file`) on their own."""

from __future__ import annotations

import sys
from pathlib import Path

from briefgen.lsp import features
from briefgen.pipeline import FileCheck, Run
from conftest import MINIMAL, copy_base

ASTANA = "briefs/2024-05-16-astana-security-council-secretaries.yaml"
WRONG = "Most modern challenges and threats are cross-border in nature"
RIGHT = "Most modern challenges and threats are transboundary in nature"


def checked(root: Path, rel: str, text: str) -> FileCheck:
    return Run(root).check_file(rel, text.encode())


def applied(text: str, edits: tuple[features.TextEdit, ...]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for e in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        text = text[: offsets[e.line] + e.column] + e.text + text[offsets[e.end_line] + e.end_column:]
    return text


def mend(root: Path, rel: str, text: str, code: str) -> tuple[str, features.Action]:
    """The buffer with the one action offered for the one `code` finding made."""
    check = checked(root, rel, text)
    [finding] = [d for d in check.diagnostics if d.code == code]
    [action] = features.actions(check, text, finding.where.line - 1, finding.where.line - 1)
    return applied(text, action.edits), action


def codes(root: Path, rel: str, text: str) -> set[str]:
    return {d.code for d in checked(root, rel, text).diagnostics}


def test_the_buffer_is_checked_not_the_file(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8")
    assert "quote-not-found" in codes(shipped, ASTANA, text.replace(RIGHT, WRONG))
    assert "quote-not-found" not in codes(shipped, ASTANA, text)  # the file on disk is unchanged


def test_use_the_sources_wording(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8").replace(RIGHT, WRONG)
    mended, action = mend(shipped, ASTANA, text, "quote-not-found")
    assert action.title.startswith("Use the source's wording: '\"Most modern challenges")
    assert ('quote: "\\"Most modern challenges and threats are transboundary in nature, so countering them '
            'requires combining common efforts.\\""') in mended
    assert "quote-not-found" not in codes(shipped, ASTANA, mended)


def test_use_the_sources_wording_for_a_folded_quote(shipped: Path) -> None:
    """A quote over several lines (`>-`) is replaced whole, and nothing after it."""
    text = (shipped / ASTANA).read_text(encoding="utf-8")
    old = "the 6th Consultative\n      Meeting of the Heads of State of Central Asia scheduled to take place"
    assert old in text
    mended, _ = mend(shipped, ASTANA, text.replace(old, old.replace("scheduled", "planned"), 1), "quote-not-found")
    assert "quote-not-found" not in codes(shipped, ASTANA, mended)
    assert mended.count("\n") == text.count("\n") - 3  # `>-` and its three lines became one line
    assert "summary: >-" in mended


def test_add_a_spelling_to_aliases(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8")
    misspelt = text.replace("- name: Marat Imankulov", "- name: Marat Imankulow")
    mended, action = mend(shipped, ASTANA, misspelt, "name-not-in-quote")
    assert action.title == "Add 'Marat Imankulov' to aliases"
    assert "  - name: Marat Imankulow\n    aliases: [Marat Imankulov]\n    role:" in mended
    assert "name-not-in-quote" not in codes(shipped, ASTANA, mended)


def test_add_a_spelling_to_an_alias_list(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8")
    misspelt = text.replace("  - name: Kassym-Jomart Tokayev", "  - name: Kassym-Jomart Tokeyev", 1)
    mended, action = mend(shipped, ASTANA, misspelt, "name-not-in-quote")
    assert "aliases: [Tokayev, Kassym-Jomart Tokayev]" in mended
    assert "name-not-in-quote" not in codes(shipped, ASTANA, mended)


def test_cite_the_sentence_with_the_year(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo")
    catalogue = root / "seeds" / "sources.yaml"
    catalogue.write_text("".join(line for line in catalogue.read_text(encoding="utf-8").splitlines(True)
                                 if not line.strip().startswith("published:")), encoding="utf-8")
    text = MINIMAL.replace("quote: took place in Bishkek on 14 May 2024", "quote: took place in Bishkek on 14 May")
    rel = "briefs/2024-05-14-bishkek.yaml"
    before = codes(root, rel, text)
    mended, action = mend(root, rel, text, "year-not-cited")
    assert action.title.startswith("Cite the sentence with the year: 'The first meeting of the border")
    assert ("  - source: border-en-2024\n    quote: The first meeting of the border service commanders of "
            "Kazakhstan, Kyrgyzstan and Tajikistan took place in Bishkek on 14 May 2024.\n"
            "summary:") in mended
    assert codes(root, rel, mended) == before - {"year-not-cited"}


def test_completion_of_ids_and_speakers(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8")
    check = checked(shipped, ASTANA, text)
    sources = Run(shipped).catalogue.sources
    assert [i.label for i in features.completion("  - source: ak", sources, check.meeting)] == [s.id for s in sources]
    speakers = features.completion("  - speaker: ", sources, check.meeting)
    assert speakers[0] == features.Item("Kassym-Jomart Tokayev", "President of Kazakhstan (host)")
    assert [i.label for i in features.completion("    parties: [Kazakhstan, ", sources, check.meeting)][1] == \
        "Gizat Nurdauletov"
    assert features.completion("  - speaker: Tok", sources, None) == []
    assert features.completion("title: ", sources, check.meeting) == []


def test_definition_of_a_near_miss_is_its_closest_passage(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8").replace(RIGHT, WRONG)
    line = next(n for n, t in enumerate(text.split("\n")) if WRONG in t) - 1
    target = features.definition(checked(shipped, ASTANA, text), text, line)
    assert target == features.Target(shipped / "seeds" / "003_d3d4d4c83b83724b.txt", 4)


def test_definition_never_leads_out_of_seeds(shipped: Path) -> None:
    catalogue = shipped / "seeds" / "sources.yaml"
    catalogue.write_text(catalogue.read_text("utf-8").replace("file: 003_d3d4d4c83b83724b.txt", "file: ../../outside.txt"),
                         "utf-8")
    (shipped.parent / "outside.txt").write_text("Afghanistan should be the focus of general attention.\n", "utf-8")
    text = (shipped / ASTANA).read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.split("\n")) if "source: akorda-2024-05" in t)
    assert features.definition(checked(shipped, ASTANA, text), text, line) is None


def test_nothing_to_say_of_a_half_typed_buffer(shipped: Path) -> None:
    text = "participants:\n  - name: ["
    check = checked(shipped, ASTANA, text)
    assert check.meeting is None and [d.code for d in check.diagnostics] == ["yaml-syntax"]
    assert features.hover(check, text, 1) is None
    assert features.definition(check, text, 1) is None
    assert features.actions(check, text, 0, 1) == []


def test_lsp_without_pygls_says_what_to_install(invoke, monkeypatch) -> None:
    for name in [m for m in sys.modules if m.split(".")[0] in ("pygls", "lsprotocol") or m == "briefgen.lsp.server"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "lsprotocol", None)
    result = invoke("lsp")
    assert result.exit_code == 2
    assert "pip install 'briefgen[lsp]'" in result.output
    assert "Traceback" not in result.output


def test_edits_keep_a_crlf_buffers_line_endings(shipped: Path) -> None:
    text = (shipped / ASTANA).read_text(encoding="utf-8").replace("\n", "\r\n")
    for broken, code in ((text.replace(RIGHT, WRONG), "quote-not-found"),
                         (text.replace("- name: Marat Imankulov", "- name: Marat Imankulow"), "name-not-in-quote")):
        mended, _ = mend(shipped, ASTANA, broken, code)
        assert "\n" not in mended.replace("\r\n", "")  # no bare LF added, no CR eaten
        assert code not in codes(shipped, ASTANA, mended)

"""The shipped data: it checks with only the known warnings, and one word changed in any
of its quotes is caught by `check` and stops `build` from writing anything."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_shipped

# The warnings the shipped data is known to raise, as (file, line, code).
KNOWN_WARNINGS = {
    # Neither article of the 2024 and 2025 meetings states the year (the brief's expectation).
    ("briefs/2024-05-16-astana-security-council-secretaries.yaml", 5, "year-not-cited"),
    ("briefs/2025-04-24-tashkent-intelligence-chiefs.yaml", 5, "year-not-cited"),
    # Added with warning[source-conflict] (commit 629506c): Sputnik's report carries an Astana
    # dateline for the Almaty meeting; the meeting's assessment explains the difference.
    ("briefs/2023-06-23-almaty-security-council-secretaries.yaml", 6, "source-conflict"),
}

LINE = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning)\[([a-z0-9-]+)\]: ", re.MULTILINE)
LETTERS = r"[^\W\d_]"


@dataclass(frozen=True)
class Quote:
    """One `quote:` of a shipped meeting file, found with PyYAML alone (not briefgen)."""

    file: str       # briefs/<name>.yaml
    line: int       # the line of `quote:`
    offset: int     # character offset of the value in the file's text
    value: str      # the quote as YAML reads it

    @property
    def id(self) -> str:
        return f"{Path(self.file).stem[:10]}:{self.line}"


def shipped_quotes() -> list[Quote]:
    found = []
    for path in sorted((ROOT / "briefs").glob("*.yaml")):
        if path.name == "brief.yaml":
            continue
        text = path.read_text("utf-8")

        def walk(node) -> None:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == "quote" and isinstance(value, yaml.ScalarNode):
                        found.append(Quote(f"briefs/{path.name}", key.start_mark.line + 1,
                                           value.start_mark.index, value.value))
                    walk(value)
            elif isinstance(node, yaml.SequenceNode):
                for item in node.value:
                    walk(item)

        walk(yaml.compose(text, Loader=yaml.SafeLoader))
    return found


QUOTES = shipped_quotes()


def interior_word(quote: str) -> str:
    """A word of the quote that is neither its first nor its last (the middle one)."""
    words = re.findall(rf"{LETTERS}+", quote)
    inner = [w for w in words[1:-1] if len(w) >= 4] or words[1:-1]
    assert inner, quote
    return inner[len(inner) // 2]


def falsify(text: str, quote: Quote) -> tuple[str, str]:
    """The file's text with one interior word of the quote replaced by another word."""
    word = interior_word(quote.value)
    replacement = "Зюйдвест" if re.search("[а-яё]", word, re.IGNORECASE) else "Zyzzyva"
    pattern = re.compile(rf"(?<!{LETTERS}){re.escape(word)}(?!{LETTERS})")
    match = pattern.search(text, quote.offset)
    assert match, (word, quote)
    return text[: match.start()] + replacement + text[match.end():], word


def findings(output: str) -> set[tuple[str, int, str, str]]:
    return {(f, int(line), severity, code) for f, line, _, severity, code in LINE.findall(output)}


def test_quotes_were_collected() -> None:
    assert len(QUOTES) >= 40
    assert {q.file for q in QUOTES} == {
        f"briefs/{p.name}" for p in (ROOT / "briefs").glob("*.yaml") if p.name != "brief.yaml"}


def test_check_passes_with_exactly_the_known_warnings(invoke) -> None:
    result = invoke("check", "--root", ROOT)
    assert result.exit_code == 0, result.output
    found = findings(result.output)
    assert {(f, line, code) for f, line, _, code in found} == KNOWN_WARNINGS, result.output
    assert all(severity == "warning" for _, _, severity, _ in found)
    assert f"0 errors, {len(KNOWN_WARNINGS)} warnings" in result.output
    assert "Traceback" not in result.output


def test_strict_check_fails_on_the_known_warnings(invoke) -> None:
    result = invoke("check", "--strict", "--root", ROOT)
    assert result.exit_code == 1


@pytest.mark.parametrize("quote", QUOTES, ids=[q.id for q in QUOTES])
def test_one_word_changed_in_any_quote_is_caught(quote: Quote, tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    path = root / quote.file
    falsified, word = falsify(path.read_text("utf-8"), quote)
    path.write_text(falsified, encoding="utf-8")

    result = invoke("check", "--root", root)
    assert result.exit_code == 1, result.output
    assert (quote.file, quote.line, "error", "quote-not-found") in findings(result.output), (word, result.output)
    assert "Traceback" not in result.output

    build = invoke("build", "--all", "--root", root)
    assert build.exit_code == 1, build.output
    assert "nothing written" in build.output
    assert not (root / "out").exists()


def test_failed_build_leaves_an_earlier_brief_unchanged(tmp_path: Path, invoke) -> None:
    root = copy_shipped(tmp_path / "repo")
    assert invoke("build", "--week", "2024-W20", "--root", root).exit_code == 0
    before = {p.name: p.read_bytes() for p in (root / "out").iterdir()}
    assert set(before) == {"brief-2024-W20.docx", "brief-2024-W20.md"}
    quote = next(q for q in QUOTES if "2024-05-16" in q.file)
    path = root / quote.file
    path.write_text(falsify(path.read_text("utf-8"), quote)[0], encoding="utf-8")
    result = invoke("build", "--week", "2024-W20", "--root", root)
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in (root / "out").iterdir()} == before

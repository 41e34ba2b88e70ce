"""The loader: YAML traps an officer falls into, each reported at file:line with a hint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.load import load
from briefgen.reader import guess_iso
from briefgen.yamltree import Map, Scalar, Seq, YamlProblem, parse

from conftest import MINIMAL, copy_base, show

FILE = "briefs/2024-05-14-bishkek.yaml"


def load_meeting(tmp_path: Path, text: str):
    """Load `text` as the only meeting of a copy of the base repository."""
    root = copy_base(tmp_path / "repo", {"2024-05-14-bishkek.yaml": text})
    return load(root)


def only(dossier, code: str):
    found = [d for d in dossier.diagnostics if d.code == code]
    assert len(found) == 1, show(dossier.diagnostics)
    return found[0]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def test_minimal_meeting_loads_with_every_field(tmp_path: Path) -> None:
    dossier = load_meeting(tmp_path, MINIMAL)
    assert dossier.diagnostics == ()
    (meeting,) = dossier.meetings
    assert meeting.id == "2024-05-14-bishkek"
    assert meeting.title == "Border commanders meet in Bishkek"
    assert meeting.date == dt.date(2024, 5, 14)
    assert meeting.location == "Bishkek, Kyrgyzstan" and meeting.city == "Bishkek"
    assert [c.source for c in meeting.cite] == ["border-en-2024", "border-ru-2024"]
    assert meeting.cite[1].translation == "took place in Bishkek on 14 May"
    assert meeting.participants[0].name == "Almaz Temirov"
    assert meeting.pos.file == FILE
    assert meeting.at("date").line == 2 and meeting.at("date").column == 7
    assert meeting.participants[0].cite[0].at("quote").line == 16
    assert dossier.settings.classification == "RESTRICTED" and dossier.settings.unit == "Test Desk"
    assert [s.id for s in dossier.sources] == ["border-en-2024", "border-ru-2024"]
    assert dossier.sources[0].published == dt.date(2024, 5, 14)
    assert dossier.seed_files == ("001_border_en.txt", "002_border_ru.txt")


def test_settings_default_without_brief_yaml(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"m.yaml": MINIMAL})
    (root / "briefs" / "brief.yaml").unlink()
    settings = load(root).settings
    assert (settings.title, settings.unit, settings.classification, settings.language) == (
        "Weekly Brief", "", "OFFICIAL", "en")


# --- duplicate keys at every level -------------------------------------------------------


@pytest.mark.parametrize(
    "text, key, line, first",
    [
        (MINIMAL + "title: Again\n", "title", 17, 1),
        (MINIMAL.replace("    role: Head", "    role: Chief\n    role: Head"), "role", 14, 13),
        (MINIMAL.replace("        quote: Kyrgyz", "        source: border-ru-2024\n        quote: Kyrgyz"), "source", 16, 15),
    ],
    ids=["meeting", "participant", "citation"],
)
def test_duplicate_key(tmp_path: Path, text: str, key: str, line: int, first: int) -> None:
    dossier = load_meeting(tmp_path, text)
    d = only(dossier, "duplicate-key")
    assert (d.where.file, d.where.line, d.severity) == (FILE, line, "error")
    assert repr(key) in d.message and f"line {first}" in d.message
    assert dossier.meetings == ()


# --- scalars stay the text that was typed --------------------------------------------------


@pytest.mark.parametrize("typed, value", [
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("1.0", "1.0"), ("1e3", "1e3"), ("0x10", "0x10"),
    ("2024-05-14", "2024-05-14"), ("'007'", "007"), ('"null"', "null"), ("12:30", "12:30"),
    ("=", "="), ("<<", "<<"),
])
@pytest.mark.parametrize("header", ["", "%YAML 1.3\n---\n"], ids=["libyaml", "pure-python"])
def test_title_stays_the_text_typed(tmp_path: Path, typed: str, value: str, header: str) -> None:
    """Both composers read untyped (libyaml refuses a `%YAML 1.3` file, the pure-Python one reads it)."""
    text = header + MINIMAL.replace("title: Border commanders meet in Bishkek", f"title: {typed}")
    dossier = load_meeting(tmp_path, text)
    assert dossier.diagnostics == (), show(dossier.diagnostics)
    assert dossier.meetings[0].title == value


def test_plain_null_is_no_value(tmp_path: Path) -> None:
    dossier = load_meeting(tmp_path, MINIMAL.replace("title: Border commanders meet in Bishkek", "title: ~"))
    d = only(dossier, "wrong-type")
    assert d.where.line == 1 and "title" in d.message and "null" in d.message


def test_optional_null_fields_are_absent(tmp_path: Path) -> None:
    dossier = load_meeting(tmp_path, MINIMAL + "assessment: null\ntags:\nseries: ~\n")
    assert dossier.diagnostics == ()
    meeting = dossier.meetings[0]
    assert (meeting.assessment, meeting.tags, meeting.series) == (None, (), None)


# --- dates -------------------------------------------------------------------------------------


def test_quoted_date_is_read(tmp_path: Path) -> None:
    dossier = load_meeting(tmp_path, MINIMAL.replace("date: 2024-05-14", 'date: "2024-05-14"'))
    assert dossier.meetings[0].date == dt.date(2024, 5, 14)


def test_impossible_date(tmp_path: Path) -> None:
    d = only(load_meeting(tmp_path, MINIMAL.replace("date: 2024-05-14", "date: 2024-13-45")), "invalid-date")
    assert (d.where.file, d.where.line, d.where.column) == (FILE, 2, 7)
    assert "2024-13-45" in d.message


def test_day_first_date_hint_gives_iso(tmp_path: Path) -> None:
    d = only(load_meeting(tmp_path, MINIMAL.replace("date: 2024-05-14", "date: 16/05/2024")), "invalid-date")
    assert d.where.line == 2
    assert "2024-05-16" in d.hint


@pytest.mark.parametrize("typed, iso", [
    ("16/05/2024", "2024-05-16"), ("16.05.2024", "2024-05-16"), ("1-5-2024", "2024-05-01"),
    ("31/02/2024", None), ("May 16, 2024", None), ("2024/05/16", None),
])
def test_guess_iso(typed: str, iso: str | None) -> None:
    assert guess_iso(typed) == iso


def test_commitment_due_date_checked(tmp_path: Path) -> None:
    text = MINIMAL + """commitments:
  - parties: [Kyrgyzstan]
    text: Joint exercises.
    due: 2024-02-30
    cite:
      - source: border-en-2024
        quote: joint exercises
"""
    d = only(load_meeting(tmp_path, text), "invalid-date")
    assert d.where.line == 20 and "commitments[0].due" in d.message


# --- misspelt and missing fields ------------------------------------------------------------


def test_misspelt_participants(tmp_path: Path) -> None:
    text = MINIMAL.replace("participants:", "particpants:")
    dossier = load_meeting(tmp_path, text)
    unknown = only(dossier, "unknown-field")
    assert unknown.where.line == line_of(text, "particpants:")
    assert unknown.hint == "did you mean 'participants'?"
    missing = only(dossier, "missing-field")
    assert "'participants'" in missing.message


def test_misspelt_field_in_a_citation(tmp_path: Path) -> None:
    text = MINIMAL.replace("    translation:", "    transaltion:")
    d = only(load_meeting(tmp_path, text), "unknown-field")
    assert d.where.line == 9 and d.hint == "did you mean 'translation'?"
    assert "cite[1]" in d.message


def test_unknown_field_without_near_name_lists_the_valid_ones(tmp_path: Path) -> None:
    d = only(load_meeting(tmp_path, MINIMAL + "colour: red\n"), "unknown-field")
    assert "participants" in d.hint and "summary" in d.hint


def test_missing_quote(tmp_path: Path) -> None:
    text = MINIMAL.replace("        quote: Kyrgyz border service chief Almaz Temirov\n", "")
    d = only(load_meeting(tmp_path, text), "missing-field")
    assert d.where.line == 15 and "'quote'" in d.message


# --- unsafe or strange YAML ---------------------------------------------------------------


def test_python_object_tag_refused(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Border commanders meet in Bishkek",
                           'title: !!python/object/apply:os.system ["echo pwned"]')
    dossier = load_meeting(tmp_path, text)
    d = only(dossier, "yaml-tag")
    assert d.where.line == 1 and "python/object" in d.message
    assert dossier.meetings == ()


def test_python_object_tag_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(YamlProblem) as problem:
        parse(text, "x.yaml")
    assert problem.value.code == "yaml-tag"
    assert not marker.exists()


BOMB = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{c}: &{c} [" + ", ".join([f"*{p}"] * 9) + "]" for p, c in zip("abcdefgh", "bcdefghi")]
) + "\n"


def test_billion_laughs_refused(tmp_path: Path) -> None:
    """9 levels of 9 aliases: 387 million values once expanded; refused before expanding."""
    dossier = load_meeting(tmp_path, BOMB + MINIMAL)
    d = only(dossier, "yaml-alias")
    assert d.where.file == FILE and 1 <= d.where.line <= 9
    assert dossier.meetings == ()


def test_small_alias_is_fine(tmp_path: Path) -> None:
    text = MINIMAL.replace("cite:\n  - source: border-en-2024", "cite: &place\n  - source: border-en-2024", 1)
    text += "statements:\n  - speaker: Almaz Temirov\n    text: Met.\n    cite: *place\n"
    dossier = load_meeting(tmp_path, text)
    assert dossier.diagnostics == (), show(dossier.diagnostics)
    meeting = dossier.meetings[0]
    assert meeting.statements[0].cite == meeting.cite


def test_recursive_alias_refused() -> None:
    with pytest.raises(YamlProblem) as problem:
        parse("a: &a [x, *a]\n", "x.yaml")
    assert problem.value.code == "yaml-alias"


@pytest.fixture(params=["libyaml", "pure-python"])
def composer(request, monkeypatch) -> str:
    """Each test below runs with libyaml (when PyYAML has it) and with it forced off."""
    from briefgen import yamltree

    if request.param == "pure-python":
        monkeypatch.setattr(yamltree, "FastLoader", yamltree.SlowLoader)
    return request.param


NESTINGS = {
    "flow": lambda depth: "tags: " + "[" * depth + "]" * depth + "\n",
    "flow-unclosed": lambda depth: "tags: " + "[" * depth + "\n",
    "flow-mapping": lambda depth: "tags: " + "{a: " * depth + "x" + "}" * depth + "\n",
    "block-dashes": lambda depth: "tags:\n  " + "- " * depth + "x\n",
    # indentation costs depth**2 / 2 bytes: 5,000 levels would be a 12 MB file
    "block-indentation": lambda depth: "".join(" " * i + f"k{i}:\n" for i in range(min(depth, 1_000))) + "x\n",
}


@pytest.mark.parametrize("depth", [100, 1_000, 5_000, 100_000])
@pytest.mark.parametrize("shape", NESTINGS)
def test_deep_nesting_refused_by_either_composer(composer: str, shape: str, depth: int) -> None:
    """Depth is briefgen's to refuse, whatever libyaml's own limit (1,000 levels in PyYAML
    6.0.4, none before): a finding at the first level too many, never a RecursionError."""
    from briefgen.yamltree import MAX_DEPTH

    with pytest.raises(YamlProblem) as problem:
        parse(NESTINGS[shape](depth), "x.yaml")
    assert problem.value.code == "yaml-depth", problem.value.message
    assert f"more than {MAX_DEPTH} levels" in problem.value.message
    assert problem.value.where.line == (MAX_DEPTH + 1 if shape == "block-indentation" else 1 + shape.startswith("block"))


@pytest.mark.parametrize("depth", [10, 60])
def test_nesting_within_the_limit_reads(composer: str, depth: int) -> None:
    tree = parse("tags: " + "[" * depth + "x" + "]" * depth + "\n", "x.yaml")
    node = tree.items["tags"]
    for _ in range(depth - 1):
        node = node.items[0]
    assert node.items[0].value == "x"


def test_too_many_values_is_its_own_finding(monkeypatch) -> None:
    """A large file without aliases is yaml-size, not an "alias bomb" (limit lowered: the
    real one, a million values, takes seconds to compose)."""
    from briefgen import yamltree

    monkeypatch.setattr(yamltree, "MAX_VALUES", 1_000)
    with pytest.raises(YamlProblem) as problem:
        parse("".join(f"- id: s{i}\n  file: s{i}.txt\n" for i in range(400)), "sources.yaml")
    assert problem.value.code == "yaml-size" and "1,000 values" in problem.value.message


def test_large_catalogue_without_aliases_reads(tmp_path: Path) -> None:
    """40,000 sources (250,000 values): an archive's catalogue, read without a finding."""
    text = "".join(f"- id: s{i}\n  file: s{i}.txt\n  outlet: O\n  language: en\n  title: T {i}\n"
                   for i in range(40_000))
    tree = parse(text, "seeds/sources.yaml")
    assert len(tree.items) == 40_000


def test_many_small_repeats_are_no_alias_bomb() -> None:
    """A citation reused 2,000 times through one alias: repeats, but far from a bomb."""
    text = "cite: &c\n  - source: a\n    quote: q\nlist:\n" + "  - *c\n" * 2_000
    assert len(parse(text, "x.yaml").items["list"].items) == 2_000


def test_tab_indentation(tmp_path: Path) -> None:
    text = MINIMAL.replace("    role: Head", "\trole: Head")
    d = only(load_meeting(tmp_path, text), "yaml-syntax")
    assert d.where.line == 13
    assert "tab" in d.hint.lower()


def test_unquoted_colon(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: The border commanders met in Bishkek.", "summary: Temirov said: borders first")
    d = only(load_meeting(tmp_path, text), "yaml-syntax")
    assert d.where.line == 10
    assert "quote" in d.hint.lower() or '"' in d.hint


def test_two_documents(tmp_path: Path) -> None:
    dossier = load_meeting(tmp_path, MINIMAL + "---\n" + MINIMAL)
    d = only(dossier, "yaml-syntax")
    assert d.where.line == 18 and "2 YAML documents" in d.message
    assert dossier.meetings == ()


def test_explicit_document_markers_are_one_document(tmp_path: Path) -> None:
    dossier = load_meeting(tmp_path, "---\n" + MINIMAL + "...\n")
    assert dossier.diagnostics == () and len(dossier.meetings) == 1


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    d = only(load_meeting(tmp_path, text), "yaml-syntax")
    assert d.where.file == FILE and d.where.line == 1 and "empty" in d.message


def test_list_instead_of_mapping(tmp_path: Path) -> None:
    d = only(load_meeting(tmp_path, "- title: a\n- date: 2024-05-14\n"), "wrong-type")
    assert d.where.line == 1 and "expected a mapping" in d.message and "a list" in d.message


def test_text_instead_of_mapping(tmp_path: Path) -> None:
    d = only(load_meeting(tmp_path, "Border commanders meet in Bishkek\n"), "wrong-type")
    assert "expected a mapping" in d.message


def test_participants_as_text(tmp_path: Path) -> None:
    text = MINIMAL.split("participants:")[0] + "participants: Almaz Temirov\n"
    d = only(load_meeting(tmp_path, text), "wrong-type")
    assert d.where.line == 11 and "expected a list" in d.message


def test_empty_participants(tmp_path: Path) -> None:
    text = MINIMAL.split("participants:")[0] + "participants: []\n"
    d = only(load_meeting(tmp_path, text), "wrong-type")
    assert "at least one" in d.message


def test_list_where_text_expected(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: The border commanders met in Bishkek.", "summary: [a, b]")
    d = only(load_meeting(tmp_path, text), "wrong-type")
    assert d.where.line == 10 and "summary" in d.message


def test_escaped_control_character(tmp_path: Path) -> None:
    text = MINIMAL.replace("quote: Kyrgyz border service chief Almaz Temirov",
                           'quote: "Kyrgyz border service chief\\x07 Almaz Temirov"')
    d = only(load_meeting(tmp_path, text), "bad-character")
    assert (d.where.line, d.severity) == (16, "error")
    assert "U+0007" in d.message


@pytest.mark.parametrize("escape", ["\\x00", "\\x1b", "\\x0c", "\\ud800", "\\uffff"])
def test_characters_word_cannot_hold(tmp_path: Path, escape: str) -> None:
    text = MINIMAL.replace("summary: The border commanders met in Bishkek.", f'summary: "met{escape} in Bishkek"')
    d = only(load_meeting(tmp_path, text), "bad-character")
    assert d.where.line == 10


def test_raw_control_character_located(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: The border commanders met", "summary: The border\x01 commanders met")
    d = only(load_meeting(tmp_path, text), "bad-character")
    assert d.where.line == 10


def test_tab_and_newline_in_text_are_fine(tmp_path: Path) -> None:
    text = MINIMAL.replace("summary: The border commanders met in Bishkek.", 'summary: "The border\\tcommanders\\nmet."')
    dossier = load_meeting(tmp_path, text)
    assert dossier.diagnostics == ()


def test_not_utf8_meeting(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo")
    (root / "briefs" / "m.yaml").write_bytes(MINIMAL.replace("Temirov", "Темиров").encode("cp1251"))
    d = only(load(root), "encoding")
    assert d.where == d.where.__class__("briefs/m.yaml", 8, 1)  # the first non-ASCII line


def test_utf8_bom_accepted(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo")
    (root / "briefs" / "m.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    dossier = load(root)
    assert dossier.diagnostics == () and dossier.meetings[0].title == "Border commanders meet in Bishkek"


def test_directory_named_like_a_meeting(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo")
    (root / "briefs" / "m.yaml").mkdir()
    d = only(load(root), "unreadable")
    assert d.where.file == "briefs/m.yaml"


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    root = copy_base(tmp_path / "repo", {"a.yaml": "title: [\n", "b.yaml": MINIMAL, "c.yml": "- x\n"})
    dossier = load(root)
    assert [m.id for m in dossier.meetings] == ["b"]
    assert {(d.where.file, d.code) for d in dossier.diagnostics} == {
        ("briefs/a.yaml", "yaml-syntax"), ("briefs/c.yml", "wrong-type")}


def test_every_bad_field_of_a_file_is_reported(tmp_path: Path) -> None:
    text = MINIMAL.replace("date: 2024-05-14", "date: 2024-02-30").replace("role: Head of the Border Service of Kyrgyzstan", "role: [Head]")
    dossier = load_meeting(tmp_path, text + "colour: red\n")
    assert {(d.code, d.where.line) for d in dossier.diagnostics} == {
        ("invalid-date", 2), ("wrong-type", 13), ("unknown-field", 17)}, show(dossier.diagnostics)


# --- the tree keeps positions ------------------------------------------------------------------


def test_tree_positions_and_styles() -> None:
    node = parse("a: 1\nb:\n  - 'x'\n  - ~\n", "f.yaml")
    assert isinstance(node, Map) and list(node.items) == ["a", "b"]
    assert node.key_where["b"].line == 2
    seq = node.items["b"]
    assert isinstance(seq, Seq) and seq.where.line == 3
    quoted, null = seq.items
    assert isinstance(quoted, Scalar) and quoted.value == "x" and not quoted.plain
    assert null.is_null and (null.where.line, null.where.column) == (4, 5)


def test_quoted_null_is_text() -> None:
    node = parse("a: 'null'\nb: ''\n", "f.yaml")
    assert not node.items["a"].is_null and not node.items["b"].is_null
